/**
 * A small in-process harness for the DSC service alone: a fake ServiceContext (manual clock that fires due events in
 * time order, deterministic ids, run faults) and a router over the service's routes that builds MockRequests and
 * renders thrown errors as the engine does.
 */
import { ControlError, MockApiError } from '../../../src/mock/errors.js';
import { createMock } from '../../../src/mock/index.js';
import { createDscService, type DscMockService } from '../../../src/mock/services/dsc/index.js';
import type { MockClock, MockRequest, MockSettings, ServiceContext } from '../../../src/mock/types.js';

export const PROJECT = '0123456789abcdef0123456789abcdef';
export const OTHER_PROJECT = 'ffffffffffffffffffffffffffffffff';
export const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
export const BASE = `/v1/${PROJECT}/metadata`;

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience
  body: any;
}

export function directHarness(startMs = T0) {
  let now = startMs;
  let wakes = 0;
  const counters = new Map<string, number>();
  const runFaults: { operation?: string; message: string }[] = [];
  const settings: MockSettings = {
    dscRunDurationMs: 30_000,
    dataartsRunDurationMs: 60_000,
    dataartsMaxRecords: 1000,
    dataworksQueueDelayMs: 5000,
    dataworksRunDurationMs: 60_000,
    timeZone: 'UTC',
    defaultWorkspaces: ['00000000000000000000000000000001'],
  };
  const moveTo = (target: number): void => {
    for (;;) {
      const due = service.nextDueAt();
      if (due === undefined || due > target) break;
      now = Math.max(now, due);
      service.runDue(now);
    }
    now = target;
  };
  const clock: MockClock = {
    now: () => now,
    mode: 'manual',
    advance: (ms) => moveTo(now + ms),
    set: (to) => moveTo(to instanceof Date ? to.getTime() : to),
    setMode: () => {},
  };
  const ctx: ServiceContext = {
    clock,
    ids: {
      next(counter, start) {
        const c = counters.get(counter);
        const v = c === undefined ? start : c + 1;
        counters.set(counter, v);
        return v;
      },
      hex: (n) => '0'.repeat(n),
      uuid: () => '00000000-0000-4000-8000-000000000000',
    },
    settings,
    takeRunFault(service, operation) {
      if (service !== 'dsc') return undefined;
      const i = runFaults.findIndex((f) => f.operation === undefined || f.operation === operation);
      if (i < 0) return undefined;
      return runFaults.splice(i, 1)[0]!.message;
    },
    wake: () => {
      wakes++;
    },
  };
  const service: DscMockService = createDscService(ctx);
  const routes = [...service.routes, ...service.controlRoutes].map((r) => ({
    route: r,
    regex: new RegExp(`^${r.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
  }));

  const call = (method: string, target: string, body?: unknown, userName = 'alice'): Reply => {
    const url = new URL(target, 'http://mock.test');
    const rawBody = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    for (const { route, regex } of routes) {
      const m = regex.exec(url.pathname);
      if (m === null || route.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v);
      const req: MockRequest = {
        method,
        url,
        path: url.pathname,
        query: url.searchParams,
        headers: new Headers({ 'content-type': 'application/json' }),
        rawBody,
        params,
        requestId: '0'.repeat(32),
        ...(route.auth === 'none'
          ? {}
          : {
              identity: {
                userId: 'u1',
                userName,
                domainId: 'd1',
                domainName: 'dom',
                projectId: params['project_id'] ?? '',
                via: 'token' as const,
              },
            }),
      };
      // Errors are rendered as the engine renders them: in the DSC envelope, or `{error}` on seed routes.
      try {
        const res = route.handler(req);
        return { status: res.status, body: res.body };
      } catch (error) {
        if (error instanceof MockApiError && route.auth !== 'none') {
          return service.errorResponse(error.status, error.code, error.message, req) as Reply;
        }
        if (error instanceof ControlError && route.auth === 'none') {
          return { status: error.status, body: { error: error.message } };
        }
        throw error;
      }
    }
    return { status: 404, body: { error_code: 'APIGW.0101' } };
  };

  return {
    service,
    settings,
    call,
    now: () => now,
    advance: (ms: number) => moveTo(now + ms),
    setTime: (ms: number) => moveTo(ms),
    wakes: () => wakes,
    addRunFault: (message: string, operation?: string) =>
      runFaults.push(operation === undefined ? { message } : { operation, message }),
  };
}

/** What a scenario test sees: the same calls, directly on the service or through the whole engine. */
export interface Harness {
  backend: Backend;
  service: DscMockService;
  settings: MockSettings;
  /** The real id of PROJECT for this backend (paths written with PROJECT are translated). */
  project: string;
  call(method: string, target: string, body?: unknown, userName?: string): Promise<Reply>;
  /** The create_user a call made with `userName` produces (the engine always uses its default user). */
  expectedUser(userName: string): string;
  now(): number;
  advance(ms: number): void;
  setTime(ms: number): void;
  addRunFault(message: string, operation?: string): void;
}

export type Backend = 'direct' | 'engine';
export const BACKENDS: Backend[] = ['direct', 'engine'];

export function makeHarness(backend: Backend, startMs = T0): Harness {
  if (backend === 'direct') {
    const h = directHarness(startMs);
    return {
      backend,
      service: h.service,
      settings: h.settings,
      project: PROJECT,
      call: async (method, target, body, userName) => h.call(method, target, body, userName),
      expectedUser: (userName) => userName,
      now: h.now,
      advance: h.advance,
      setTime: h.setTime,
      addRunFault: (message, operation) => {
        h.addRunFault(message, operation);
      },
    };
  }
  const mock = createMock({ clock: 'manual', now: startMs });
  const other = mock.addProject();
  const otherToken = mock.issueToken({ projectId: other.id, ttlMs: null });
  const project = mock.defaults.projectId;
  const assertNoErrors = () => {
    if (mock.errors.length > 0) throw new Error(`mock errors: ${JSON.stringify(mock.errors)}`);
  };
  return {
    backend,
    service: mock.services.dsc as DscMockService,
    settings: mock.settings,
    project,
    async call(method, target, body) {
      let path = target.replaceAll(PROJECT, project);
      let token = mock.defaults.token;
      if (path.includes(OTHER_PROJECT)) {
        path = path.replaceAll(OTHER_PROJECT, other.id);
        token = otherToken;
      }
      const init: RequestInit = { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await mock.handle(new Request(`https://sdg.cn-north-4.myhuaweicloud.com${path}`, init));
      assertNoErrors();
      if (!/^[0-9a-f]{32}$/.test(res.headers.get('x-request-id') ?? '')) throw new Error('missing X-Request-Id');
      const text = (await res.text()).replaceAll(project, PROJECT).replaceAll(other.id, OTHER_PROJECT);
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    expectedUser: () => mock.defaults.userName,
    now: () => mock.clock.now(),
    advance: (ms) => {
      mock.clock.advance(ms);
      assertNoErrors();
    },
    setTime: (ms) => {
      mock.clock.set(ms);
      assertNoErrors();
    },
    addRunFault: (message, operation) => {
      mock.faults.inject({ service: 'dsc', phase: 'run', message, ...(operation === undefined ? {} : { operation }) });
    },
  };
}

export const ds = (ins_id = 'ins-1', db_type = 'MySQL') => ({ db_type, ins_id });

export function createBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { task_name: 'scan', data_sources: [ds()], schedule_type: 'DAY', ...over };
}

/** Creates a template, asserts success and returns its numeric id. */
export async function createTemplate(h: Harness, over: Record<string, unknown> = {}): Promise<number> {
  const r = await h.call('POST', `${BASE}/task-templates`, createBody(over));
  if (r.status !== 200) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return Number(r.body.id);
}

// biome-ignore lint/suspicious/noExplicitAny: test convenience
export async function getTemplate(h: Harness, id: number, project = PROJECT): Promise<any> {
  const r = await h.call('GET', `/v1/${project}/metadata/task-templates?id=${id}`);
  if (r.status !== 200) throw new Error(`list failed: ${JSON.stringify(r.body)}`);
  return r.body.result[0];
}

// biome-ignore lint/suspicious/noExplicitAny: test convenience
export async function instances(h: Harness, id: number, query = ''): Promise<any[]> {
  const r = await h.call('GET', `${BASE}/task-templates/${id}/task-instances${query}`);
  if (r.status !== 200) throw new Error(`instances failed: ${JSON.stringify(r.body)}`);
  return r.body.result;
}
