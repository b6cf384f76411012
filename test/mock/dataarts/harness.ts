import { type CreateMockOptions, createMock, type Mock } from '../../../src/mock/index.js';
import type { DataArtsMockService } from '../../../src/mock/services/dataarts/index.js';

/** 2026-04-14T00:00:00Z */
export const T0 = Date.UTC(2026, 3, 14);

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience
  json: any;
}

export interface Harness {
  mock: Mock;
  svc: DataArtsMockService;
  project: string;
  workspace: string;
  base: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string | null>): Promise<Reply>;
  create(body?: Record<string, unknown>, headers?: Record<string, string | null>): Promise<string>;
  show(id: string, headers?: Record<string, string | null>): Promise<Reply>;
  action(id: string, action: string): Promise<Reply>;
  instances(id: string): Promise<Reply>;
  advance(ms: number): void;
  /** Everything observable about the service (for "nothing changed" checks). */
  state(): unknown;
}

export function minimalTask(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'collect-dli',
    dir_id: '0',
    data_source_type: 'DLI',
    schedule_config: { schedule_type: 'RUN_ONCE' },
    task_config: { data_connection_id: 'conn-1' },
    ...over,
  };
}

export function cronTask(cron: string, schedule: Record<string, unknown> = {}, over: Record<string, unknown> = {}) {
  return minimalTask({
    schedule_config: { schedule_type: 'CRON', cron_expression: cron, enabled: 1, ...schedule },
    ...over,
  });
}

export function harness(options: CreateMockOptions = {}): Harness {
  const mock = createMock({ clock: 'manual', now: T0, ...options });
  const svc = mock.services.dataarts as DataArtsMockService;
  const project = mock.defaults.projectId;
  const workspace = mock.defaults.workspace;
  const base = `/v3/${project}/metadata/tasks`;

  const call: Harness['call'] = async (method, path, body, headers = {}) => {
    const h = new Headers({
      'X-Auth-Token': mock.defaults.token,
      workspace,
      'Content-Type': 'application/json;charset=UTF-8',
    });
    for (const [k, v] of Object.entries(headers)) {
      if (v === null) h.delete(k);
      else h.set(k, v);
    }
    const init: RequestInit = { method, headers: h };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await mock.handle(new Request(`http://mock.test${path}`, init));
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };

  return {
    mock,
    svc,
    project,
    workspace,
    base,
    call,
    async create(body = minimalTask(), headers) {
      const r = await call('POST', `${base}/create`, body, headers);
      if (r.status !== 200) throw new Error(`create failed: ${r.status} ${r.text}`);
      return r.json.task_id as string;
    },
    show: (id, headers) => call('GET', `${base}/${id}`, undefined, headers),
    action: (id, action) => call('POST', `${base}/${id}/action?action=${action}`),
    instances: (id) => call('GET', `/__mock/dataarts/${project}/tasks/${id}/instances`),
    advance: (ms) => mock.clock.advance(ms),
    state: () => JSON.stringify(svc.snapshot()),
  };
}
