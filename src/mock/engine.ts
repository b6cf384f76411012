/**
 * The mock engine: one origin for every service (README decision 2). It owns routing, gateway auth, request ids,
 * fault injection, the journal, the observer hook and the clock; service modules (./services/*) own their state
 * and envelopes (moto-style split between backend state and the HTTP layer).
 *
 * Decisions where the sheets are silent [mock]:
 * - A known path with another method is a route miss (404 APIGW.0101), as the API gateway registers APIs per method.
 * - DataWorks family: a request to `/` carrying an action (`x-acs-action` header or `Action` query) goes to the
 *   service named 'dataworks' when one is registered. Its routes use `path: '/'` and `operation: <Action>`; the
 *   engine picks the route by action (method-insensitive, RPC style) and checks the version (`x-acs-version` or
 *   `Version` = 2024-05-18), answering an unknown action or version 404 `InvalidAction.NotFound`.
 * - Faults match route hits only (not misses). 'before' faults apply before authentication; 'after' faults only
 *   to authenticated requests, and replace the handler's answer whatever its status.
 * - A handler that throws answers 500 in the service's envelope (code `MOCK.0500`) and is recorded in
 *   `mock.errors`; a control route that throws answers 400 `{"error": message}` (seed validation).
 * - The journal keeps the last 10 000 exchanges.
 */
import { Accounts, type AccountsSnapshot, type ProjectRecord } from './accounts.js';
import { type ClockSnapshot, EngineClock } from './clock.js';
import { ControlError, MockApiError } from './errors.js';
import { type ArmedFault, FaultRegistry, type FaultSpec } from './faults.js';
import { type AuthResult, NonceCache, verifyAcs3, verifyHuawei } from './gateway.js';
import { huaweiGateway } from './gateways.js';
import { type IdsSnapshot, SeededIds } from './ids.js';
import { Journal, type JournalEntry, queryRecord, redactBody, redactHeaders, redactValue } from './journal.js';
import { Router } from './router.js';
import { createDataArtsService, type DataArtsMockService } from './services/dataarts/index.js';
import { createDataWorksService, type DataWorksMockService } from './services/dataworks/index.js';
import { createDscService, type DscMockService } from './services/dsc/index.js';
import { createIamService, type IamContext } from './services/iam/index.js';
import {
  type ClockMode,
  MOCK_OBSERVER,
  type MockClock,
  type MockExchange,
  type MockRequest,
  type MockResponse,
  type MockRoute,
  type MockService,
  type MockServiceFactory,
  type MockSettings,
  type ServiceContext,
  type ServiceName,
} from './types.js';

/** AK/SK request bodies are limited to 12 MB (auth.md). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
export const DATAWORKS_VERSION = '2024-05-18';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Settings a new mock starts with: DSC runs last 30 s, DataArts runs 60 s, DataWorks runs 5 s queued + 60 s, cron in
 * UTC, one default DataArts workspace.
 */
export const DEFAULT_SETTINGS: MockSettings = {
  dscRunDurationMs: 30_000,
  dataartsRunDurationMs: 60_000,
  dataartsMaxRecords: 1000,
  dataworksQueueDelayMs: 5_000,
  dataworksRunDurationMs: 60_000,
  timeZone: 'UTC',
  defaultWorkspaces: ['00000000000000000000000000000001'],
};

/** Options of {@link createMock}. */
export interface CreateMockOptions {
  /** Clock mode; default 'manual'. */
  clock?: ClockMode;
  /** PRNG seed for every id; default 1. */
  seed?: number;
  /** Initial mock time; default wall time now (so AK/SK signatures made with the wall clock pass the skew check). */
  now?: Date | number;
  /** Overrides of {@link DEFAULT_SETTINGS}. */
  settings?: Partial<MockSettings>;
  /** Region of the default project; default 'cn-north-4'. */
  region?: string;
  /** Extra service modules (e.g. DataWorks); one with the name of a built-in service replaces it. */
  services?: MockServiceFactory[];
  /** Journal capacity; default 10 000. */
  journalLimit?: number;
}

/** The ready default account (public: a test or the CLI hands these to a client). */
export interface MockDefaults {
  /** Region of the default project (option `region`, default `cn-north-4`). */
  region: string;
  /** Id of the default project. */
  projectId: string;
  /** Name of the default project (the region id, as at Huawei Cloud). */
  projectName: string;
  /** Default DataArts workspace id. */
  workspace: string;
  /** A static (never-expiring) token scoped to the default project. */
  token: string;
  /** Access key id of a permanent key of the default user. */
  ak: string;
  /** Secret key of that access key. */
  sk: string;
  /** Account (domain) name of the default user, for IAM password login. */
  domainName: string;
  /** Account (domain) id. */
  domainId: string;
  /** IAM user name of the default user. */
  userName: string;
  /** Password of the default user. */
  password: string;
  /** IAM user id of the default user. */
  userId: string;
}

/** An exception a service handler or timed work threw: a bug in the mock, recorded in {@link Mock.errors}. */
export interface MockError {
  /** Mock-clock time of the failure, epoch milliseconds. */
  time: number;
  /** Request id of the exchange, when a request was being handled. */
  requestId?: string;
  /** Service whose code threw. */
  service?: string;
  /** Operation being handled, when known. */
  operation?: string;
  /** The exception's message. */
  message: string;
  /** The exception's stack, when it had one. */
  stack?: string;
}

/** Fault injection of a mock ({@link Mock.faults}). */
export interface MockFaults {
  /**
   * Arms a fault and returns it with its id.
   * @throws TypeError naming the field when `spec` is invalid.
   */
  inject(spec: FaultSpec): ArmedFault;
  /** Disarms every fault. */
  clear(): void;
  /** The faults still armed, with their remaining counts. */
  list(): ArmedFault[];
}

/** The whole state of a mock as plain JSON, from {@link Mock.snapshot}; pass it to {@link Mock.restore}. */
export interface MockSnapshot {
  /** Format version of the snapshot. */
  version: 1;
  /** Mock time and clock mode. */
  clock: ClockSnapshot;
  /** State of the seeded id source. */
  ids: IdsSnapshot;
  /** IAM accounts, users, projects, tokens and access keys. */
  accounts: AccountsSnapshot;
  /** The default account. */
  defaults: MockDefaults;
  /** Settings in effect. */
  settings: MockSettings;
  /** Each service's own state, by service name. */
  services: Record<string, unknown>;
}

/** The service modules, with their in-process seed methods (typed for the built-in modules). */
export interface MockServices {
  /** The IAM mock (token issuing). */
  iam: MockService;
  /** The DSC mock. */
  dsc: DscMockService;
  /** The DataArts Catalog mock. */
  dataarts: DataArtsMockService;
  /** The DataWorks mock. */
  dataworks: DataWorksMockService;
}

/**
 * A mock engine, from {@link createMock}: serves requests, and exposes its clock, default account, faults, journal
 * and state.
 */
export interface Mock {
  /** Serves one request (Fetch API). A network-error fault answers `Response.error()` (type 'error'). */
  handle(request: Request): Promise<Response>;
  /** The ready default account: hand these credentials to a client. */
  readonly defaults: MockDefaults;
  /** The mock's clock; advancing it fires due schedules and run completions. */
  readonly clock: MockClock;
  /** Live settings: changes apply to work started afterwards. */
  readonly settings: MockSettings;
  /** Fault injection. */
  readonly faults: MockFaults;
  /** Journal of exchanges, oldest first, secrets redacted. */
  readonly requests: JournalEntry[];
  /** Empties the journal ({@link Mock.requests}). */
  clearRequests(): void;
  /** Exceptions thrown by handlers or runDue (bugs); tests assert it stays empty. */
  readonly errors: MockError[];
  /** The service modules, with their seed methods. */
  readonly services: MockServices;
  /** Wipes all state; keeps configured credentials, the clock, settings and seeds the services keep. */
  reset(): void;
  /** The whole state as plain JSON (a deep copy). */
  snapshot(): MockSnapshot;
  /** Replaces the whole state with a snapshot taken by {@link Mock.snapshot}. */
  restore(snapshot: MockSnapshot): void;
  /** Adds a project to the default account (named `<region>_project<n>` unless `name` is given) and returns it. */
  addProject(options?: { name?: string }): {
    /** Id of the new project. */
    id: string;
    /** Name of the new project. */
    name: string;
  };
  /** Registers a DataArts workspace in a project (random 32-hex id if omitted); returns its id. */
  addWorkspace(projectId: string, id?: string): string;
  /** Configures a token for the default user (default project, 24 h). ttlMs null = never expires. */
  issueToken(options?: { projectId?: string; ttlMs?: number | null }): string;
  /** Configures an access key for the default user; `temporary` keys also need their security token. */
  addAccessKey(options?: { temporary?: boolean }): {
    /** Access key id. */
    ak: string;
    /** Secret key. */
    sk: string;
    /** Security token, for a temporary key only. */
    securityToken?: string;
  };
  /** Stops the real-mode timer. */
  dispose(): void;
}

type Family = 'huawei' | 'dataworks';

interface Prepared {
  requestId: string;
  family: Family;
  method: string;
  url: URL;
  path: string;
  headers: Headers;
  lowerHeaders: Record<string, string>;
  rawBody: string;
  bodyBytes: number;
  /** `x-acs-action` header or `Action` query parameter (DataWorks family), null when absent. */
  action: string | null;
}

/**
 * The engine's answer before conversion to a Fetch `Response` (handle) or a node:http response (the server's fast
 * path). Header names are lowercase; `body` is null for an empty body (and always for 204, 304 and HEAD).
 * @internal
 */
export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Stands for `Response.error()` (a network-error fault) in an {@link EngineAnswer} position. */
const NETWORK_ERROR = null;

/** HTTP whitespace that `Headers.set` strips from both ends of a value. */
const HTTP_WS_EDGES = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** A record's entries sorted by name, as `Headers.forEach` yields them. */
function sortedRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(record).sort()) out[name] = record[name] as string;
  return out;
}

function jsonBody(rawBody: string): Record<string, unknown> {
  if (rawBody.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new ControlError('body: malformed JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ControlError('body: expected a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function huaweiEnvelope(status: number, code: string, message: string, requestId: string): MockResponse {
  return { status, body: { error_code: code, error_msg: message, request_id: requestId } };
}

function dataworksEnvelope(
  status: number,
  code: string,
  message: string,
  requestId: string,
  host: string,
): MockResponse {
  return {
    status,
    body: {
      RequestId: requestId,
      HostId: host,
      Code: code,
      Message: message,
      Recommend: `https://api.alibabacloud.com/troubleshoot?q=${encodeURIComponent(code)}&product=dataworks-public&requestId=${requestId}`,
    },
  };
}

const ROUTE_MISS_MESSAGE = 'The API does not exist or has not been published in the environment.';

/**
 * Creates a mock engine of every service on one origin, with a ready default account ({@link Mock.defaults}).
 * Nothing listens: serve it in-process with {@link Mock.handle}, over HTTP with {@link startMockServer}, or through
 * msw with `mockHandlers` from `metacollect/msw`. Call {@link Mock.dispose} when done with a `real` clock.
 *
 * @example
 * ```ts
 * import { DscClient } from 'metacollect';
 * import { createMock } from 'metacollect/mock';
 *
 * const mock = createMock({ clock: 'manual', seed: 42 });
 * const { region, projectId, token } = mock.defaults;
 * const dsc = new DscClient({
 *   region,
 *   projectId,
 *   auth: { token },
 *   fetch: (url: string, init: RequestInit) => mock.handle(new Request(url, init)), // no socket
 * });
 * const { id } = await dsc.createScanTask({
 *   task_name: 'nightly',
 *   data_sources: [{ db_type: 'MySQL', ins_id: 'db-1' }],
 *   schedule_type: 'ONCE',
 *   start_now: true,
 * });
 * mock.clock.advance(30_000); // a DSC run takes 30 s of mock time
 * console.log((await dsc.listScanInstances(id)).result[0]?.task_status); // SUCCESS
 * ```
 */
export function createMock(options: CreateMockOptions = {}): Mock {
  return new MockEngine(options);
}

export class MockEngine implements Mock {
  readonly settings: MockSettings;
  readonly clock: EngineClock;
  readonly errors: MockError[] = [];
  readonly accounts: Accounts;
  readonly services: MockServices;
  defaults: MockDefaults;

  private readonly ids: SeededIds;
  private readonly faultRegistry = new FaultRegistry();
  private readonly journal: Journal;
  private readonly nonces = new NonceCache();
  private readonly serviceList: MockService[] = [];
  private readonly router = new Router();
  private readonly controlRouter = new Router();
  private readonly engineControl: MockService;

  constructor(options: CreateMockOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.settings.defaultWorkspaces = [...this.settings.defaultWorkspaces];
    this.ids = new SeededIds(options.seed ?? 1);
    this.journal = new Journal(options.journalLimit);
    const start = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    this.clock = new EngineClock(
      {
        services: () => this.serviceList,
        onError: (service, error) => this.recordError(error, { service: service.name, operation: 'runDue' }),
      },
      options.clock ?? 'manual',
      start,
    );
    this.accounts = new Accounts(this.ids);

    // Default account, created in a fixed order so that every id derives from the seed.
    const region = options.region ?? 'cn-north-4';
    const domain = this.accounts.addDomain('metacollect-mock');
    const user = this.accounts.addUser(domain.id, 'mock-user', 'Mock-Passw0rd!');
    const project = this.accounts.addProject(domain.id, region);
    const token = this.accounts.issueToken(user, { projectId: project.id }, start, null, 'configured');
    const key = this.accounts.addAccessKey(user.id, false);
    this.defaults = {
      region,
      projectId: project.id,
      projectName: project.name,
      workspace: this.settings.defaultWorkspaces[0] ?? '',
      token: token.token,
      ak: key.ak,
      sk: key.sk,
      domainName: domain.name,
      domainId: domain.id,
      userName: user.name,
      password: user.password,
      userId: user.id,
    };

    const ctxFor = (): ServiceContext => ({
      clock: this.clock,
      ids: this.ids,
      settings: this.settings,
      takeRunFault: (service, operation) => this.faultRegistry.takeRun(service, operation),
      wake: () => this.clock.arm(),
    });
    const iamCtx: IamContext = { ...ctxFor(), accounts: this.accounts };
    const factories: MockServiceFactory[] = [
      () => createIamService(iamCtx),
      createDscService,
      createDataArtsService,
      createDataWorksService,
      ...(options.services ?? []),
    ];
    for (const factory of factories) {
      const service = factory(ctxFor());
      const existing = this.serviceList.findIndex((s) => s.name === service.name);
      if (existing >= 0) this.serviceList[existing] = service;
      else this.serviceList.push(service);
    }
    const byName = (name: ServiceName) => this.serviceList.find((s) => s.name === name);
    // A replacement passed through options.services is exposed under the same name (typed as the built-in).
    this.services = {
      iam: byName('iam')!,
      dsc: byName('dsc') as DscMockService,
      dataarts: byName('dataarts') as DataArtsMockService,
      dataworks: byName('dataworks') as DataWorksMockService,
    };

    this.engineControl = this.buildEngineControl();
    this.controlRouter.add(this.engineControl, this.engineControl.controlRoutes);
    for (const service of this.serviceList) {
      if (service.name !== 'dataworks') this.router.add(service, service.routes);
      this.controlRouter.add(
        service,
        service.controlRoutes.map((r) =>
          r.path.startsWith('/__mock/') ? r : { ...r, path: `/__mock/${service.name}${r.path}` },
        ),
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------- public API

  get requests(): JournalEntry[] {
    return this.journal.list();
  }

  clearRequests(): void {
    this.journal.clear();
  }

  get faults(): MockFaults {
    return {
      inject: (spec) => this.faultRegistry.inject(spec),
      clear: () => {
        this.faultRegistry.clear();
      },
      list: () => this.faultRegistry.list(),
    };
  }

  reset(): void {
    this.clock.catchUp();
    for (const service of this.serviceList) service.reset();
    this.accounts.reset();
    this.faultRegistry.clear();
    this.journal.clear();
    this.nonces.clear();
    this.clock.arm();
  }

  snapshot(): MockSnapshot {
    const services: Record<string, unknown> = {};
    for (const service of this.serviceList) services[service.name] = service.snapshot();
    return JSON.parse(
      JSON.stringify({
        version: 1,
        clock: this.clock.snapshot(),
        ids: this.ids.snapshot(),
        accounts: this.accounts.snapshot(),
        defaults: this.defaults,
        settings: this.settings,
        services,
      }),
    ) as MockSnapshot;
  }

  restore(snapshot: MockSnapshot): void {
    if (typeof snapshot !== 'object' || snapshot === null || snapshot.version !== 1) {
      throw new TypeError('version: not a metacollect mock snapshot (version 1)');
    }
    for (const key of ['clock', 'ids', 'accounts', 'defaults', 'settings', 'services'] as const) {
      if (typeof snapshot[key] !== 'object' || snapshot[key] === null)
        throw new TypeError(`${key}: expected an object`);
    }
    if (
      typeof snapshot.clock.now !== 'number' ||
      (snapshot.clock.mode !== 'real' && snapshot.clock.mode !== 'manual')
    ) {
      throw new TypeError('clock: expected {now: number, mode: "real"|"manual"}');
    }
    const copy = JSON.parse(JSON.stringify(snapshot)) as MockSnapshot;
    this.ids.restore(copy.ids);
    this.accounts.restore(copy.accounts);
    this.defaults = copy.defaults;
    Object.assign(this.settings, copy.settings);
    for (const service of this.serviceList) {
      if (service.name in copy.services) service.restore(copy.services[service.name]);
      else service.reset();
    }
    this.faultRegistry.clear();
    this.nonces.clear();
    this.clock.restore(copy.clock);
  }

  addProject(options: { name?: string } = {}): { id: string; name: string } {
    const n = this.ids.next('project', 2);
    const name = options.name ?? `${this.defaults.region}_project${n}`;
    const project: ProjectRecord = this.accounts.addProject(this.defaults.domainId, name);
    return { id: project.id, name: project.name };
  }

  addWorkspace(projectId: string, id?: string): string {
    const response = this.callControl(
      'POST',
      `/__mock/dataarts/${encodeURIComponent(projectId)}/workspaces`,
      JSON.stringify(id === undefined ? {} : { id }),
    );
    const body = response.body as { id?: unknown; error?: unknown } | undefined;
    if (response.status >= 300 || typeof body?.id !== 'string') {
      throw new Error(
        `addWorkspace failed: ${typeof body?.error === 'string' ? body.error : `status ${response.status}`}`,
      );
    }
    return body.id;
  }

  issueToken(options: { projectId?: string; ttlMs?: number | null } = {}): string {
    const user = this.accounts.users.get(this.defaults.userId);
    if (!user) throw new Error('issueToken: the default user is missing');
    const projectId = options.projectId ?? this.defaults.projectId;
    if (!this.accounts.projects.has(projectId)) throw new Error(`issueToken: unknown project ${projectId}`);
    const ttl = options.ttlMs === undefined ? DAY_MS : options.ttlMs;
    return this.accounts.issueToken(user, { projectId }, this.clock.now(), ttl, 'configured').token;
  }

  addAccessKey(options: { temporary?: boolean } = {}): { ak: string; sk: string; securityToken?: string } {
    const key = this.accounts.addAccessKey(this.defaults.userId, options.temporary ?? false);
    return key.securityToken === undefined
      ? { ak: key.ak, sk: key.sk }
      : { ak: key.ak, sk: key.sk, securityToken: key.securityToken };
  }

  dispose(): void {
    this.clock.dispose();
  }

  /** util.inspect / console.log show no credentials. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `MockEngine { clock: ${this.clock.mode} ${new Date(this.clock.peek()).toISOString()}, services: [${this.serviceList
      .map((s) => s.name)
      .join(', ')}] }`;
  }

  toJSON(): unknown {
    return { type: 'MockEngine', services: this.serviceList.map((s) => s.name) };
  }

  // ------------------------------------------------------------------------------------------------------ handling

  async handle(request: Request): Promise<Response> {
    this.clock.catchUp();
    const url = new URL(request.url);
    const rawBody = request.body === null ? '' : await request.text();
    const answer = await this.dispatch(this.prepare(request.method, url, request.headers, rawBody));
    if (answer === NETWORK_ERROR) return Response.error();
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }

  /**
   * Serves one request given as plain parts, without Fetch `Request`/`Response` objects: the fast path of
   * `startMockServer` (building WHATWG objects per request cost more than the engine's own work). Same behaviour
   * as {@link MockEngine.handle}: `null` stands for `Response.error()`.
   *
   * @param method - Request method (any case).
   * @param url - Absolute request URL (not shared with anything else: the journal keeps it).
   * @param headers - Request headers (not modified afterwards).
   * @param rawBody - Body text, decoded as `Request.text()` does ('' when none).
   * @param lowerHeaders - The same headers as a record with lowercase names, as `headers.forEach` would fill it
   *   (values of repeated names joined with ', '); computed from `headers` when omitted.
   * @internal
   */
  handleParts(
    method: string,
    url: URL,
    headers: Headers,
    rawBody: string,
    lowerHeaders?: Record<string, string>,
  ): Promise<EngineAnswer | null> {
    this.clock.catchUp();
    return this.dispatch(this.prepare(method, url, headers, rawBody, lowerHeaders));
  }

  private prepare(
    method: string,
    url: URL,
    headers: Headers,
    rawBody: string,
    given?: Record<string, string>,
  ): Prepared {
    let lowerHeaders = given;
    if (lowerHeaders === undefined) {
      const record: Record<string, string> = {};
      headers.forEach((value, name) => {
        record[name.toLowerCase()] = value;
      });
      lowerHeaders = record;
    }
    const path = url.pathname;
    const action = headers.get('x-acs-action') ?? url.searchParams.get('Action');
    const family: Family = path === '/' && action !== null ? 'dataworks' : 'huawei';
    return {
      requestId: family === 'dataworks' ? this.ids.uuid(true) : this.ids.hex(32),
      family,
      method: method.toUpperCase(),
      url,
      path,
      headers,
      lowerHeaders,
      rawBody,
      bodyBytes: Buffer.byteLength(rawBody),
      action,
    };
  }

  private async dispatch(p: Prepared): Promise<EngineAnswer | null> {
    const { family, url, path, action, lowerHeaders, rawBody } = p;
    if (path === '/__mock' || path.startsWith('/__mock/')) return this.handleControl(p);

    if (p.bodyBytes > MAX_BODY_BYTES) {
      const res =
        family === 'dataworks'
          ? dataworksEnvelope(413, 'RequestEntityTooLarge', 'The request body exceeds 12 MB.', p.requestId, url.host)
          : huaweiEnvelope(413, 'APIGW.0201', 'Request entity too large: the body exceeds 12 MB.', p.requestId);
      return this.finish(p, family === 'dataworks' ? 'dataworks' : 'unknown', undefined, res);
    }

    // Routing.
    let service: MockService | undefined;
    let route: MockRoute | undefined;
    let params: Record<string, string> = {};
    if (family === 'dataworks') {
      const dw = this.services.dataworks;
      const version = p.headers.get('x-acs-version') ?? url.searchParams.get('Version');
      const candidates = dw?.routes.filter((r) => r.operation === action) ?? [];
      if (dw === undefined || candidates.length === 0 || version !== DATAWORKS_VERSION) {
        const message =
          version !== DATAWORKS_VERSION && candidates.length > 0
            ? `Specified api version ${version ?? '(none)'} is not found.`
            : `Specified api ${action} is not found.`;
        const res = dw
          ? dw.errorResponse(404, 'InvalidAction.NotFound', message, this.mockRequest(p, {}))
          : dataworksEnvelope(404, 'InvalidAction.NotFound', message, p.requestId, url.host);
        return this.finish(p, dw ? 'dataworks' : 'unknown', undefined, res);
      }
      service = dw;
      route = candidates.find((r) => r.method.toUpperCase() === p.method) ?? candidates[0];
    } else {
      const found = this.router.lookup(p.method, path);
      if (found.kind !== 'hit') {
        return this.finish(p, 'unknown', undefined, huaweiEnvelope(404, 'APIGW.0101', ROUTE_MISS_MESSAGE, p.requestId));
      }
      service = found.match.service;
      route = found.match.route;
      params = found.match.params;
    }
    if (service === undefined || route === undefined) throw new Error('unreachable');

    // Faults, phase 'before' (and pure delays): before authentication, no state touched.
    const target = { service: service.name, operation: route.operation, method: p.method, path };
    const before = this.faultRegistry.take(target, 'before');
    if (before) {
      const info = { id: before.id, phase: 'before' };
      if (before.delayMs) await sleep(before.delayMs);
      this.clock.catchUp();
      if (before.networkError === 'reset') return this.finishReset(p, service.name, route.operation, info);
      if (before.status !== undefined) {
        const res = faultResponse(service, before.status, before, this.mockRequest(p, params));
        return this.finish(p, service.name, route.operation, res, info);
      }
    }

    // Authentication.
    let auth: AuthResult | undefined;
    const gw = { method: p.method, url, headers: lowerHeaders, rawBody };
    if (route.auth === 'huawei') {
      auth = verifyHuawei(this.accounts, this.clock.now(), gw, params.project_id);
      if (!auth.ok) {
        return this.finish(
          p,
          service.name,
          route.operation,
          huaweiEnvelope(auth.status, auth.code, auth.message, p.requestId),
        );
      }
    } else if (route.auth === 'acs3') {
      auth = verifyAcs3(this.accounts, this.nonces, this.clock.now(), gw);
      if (!auth.ok) {
        const res = service.errorResponse(auth.status, auth.code, auth.message, this.mockRequest(p, params));
        return this.finish(p, service.name, route.operation, res);
      }
    }

    // The handler, atomically (synchronous, clock frozen).
    const req = this.mockRequest(p, params);
    if (auth?.ok) req.identity = auth.identity;
    let res = this.runHandler(service, route, req, false);
    this.clock.settle();

    // Faults, phase 'after' (only for authenticated requests): the state change stays, the response is replaced.
    const after = this.faultRegistry.take(target, 'after');
    if (after) {
      const info = { id: after.id, phase: 'after' };
      if (after.delayMs) await sleep(after.delayMs);
      if (after.networkError === 'reset') return this.finishReset(p, service.name, route.operation, info);
      if (after.status !== undefined) {
        res = faultResponse(service, after.status, after, req);
      }
      return this.finish(p, service.name, route.operation, res, info);
    }
    return this.finish(p, service.name, route.operation, res, before ? { id: before.id, phase: 'before' } : undefined);
  }

  // ------------------------------------------------------------------------------------------------------ internals

  private mockRequest(p: Prepared, params: Record<string, string>): MockRequest {
    return {
      method: p.method,
      url: p.url,
      path: p.path,
      query: p.url.searchParams,
      headers: p.headers,
      rawBody: p.rawBody,
      params,
      requestId: p.requestId,
    };
  }

  private runHandler(service: MockService, route: MockRoute, req: MockRequest, control: boolean): MockResponse {
    try {
      return this.clock.frozen(() => route.handler(req));
    } catch (error) {
      if (error instanceof MockApiError && !control) {
        return service.errorResponse(error.status, error.code, error.message, req);
      }
      if (control) {
        const status = error instanceof ControlError ? error.status : 400;
        return { status, body: { error: error instanceof Error ? error.message : String(error) } };
      }
      this.recordError(error, { requestId: req.requestId, service: service.name, operation: route.operation });
      return service.errorResponse(500, 'MOCK.0500', 'Internal mock error (recorded as a mock bug).', req);
    }
  }

  private recordError(error: unknown, where: { requestId?: string; service?: string; operation?: string }): void {
    const entry: MockError = {
      time: this.clock.peek(),
      message: error instanceof Error ? error.message : String(error),
      ...where,
    };
    if (error instanceof Error && error.stack) entry.stack = error.stack;
    this.errors.push(entry);
  }

  private callControl(method: string, path: string, rawBody: string): MockResponse {
    const url = new URL(`http://mock.local${path}`);
    const found = this.controlRouter.lookup(method, url.pathname);
    if (found.kind !== 'hit') return { status: 404, body: { error: `no control route ${method} ${url.pathname}` } };
    const p: Prepared = {
      requestId: this.ids.hex(32),
      family: 'huawei',
      method,
      url,
      path: url.pathname,
      headers: new Headers({ 'content-type': 'application/json' }),
      lowerHeaders: { 'content-type': 'application/json' },
      rawBody,
      bodyBytes: Buffer.byteLength(rawBody),
      action: null,
    };
    const res = this.runHandler(found.match.service, found.match.route, this.mockRequest(p, found.match.params), true);
    this.clock.settle();
    return res;
  }

  private handleControl(p: Prepared): EngineAnswer {
    const found = this.controlRouter.lookup(p.method, p.path);
    let res: MockResponse;
    let operation: string | undefined;
    if (found.kind !== 'hit') {
      res = {
        status: found.kind === 'method-miss' ? 405 : 404,
        body: { error: `no control route ${p.method} ${p.path}` },
      };
    } else {
      operation = found.match.route.operation;
      res = this.runHandler(found.match.service, found.match.route, this.mockRequest(p, found.match.params), true);
      this.clock.settle();
    }
    return this.finish(p, 'control', operation, res);
  }

  private finishReset(
    p: Prepared,
    service: ServiceName,
    operation: string,
    fault: JournalEntry['fault'] | undefined,
  ): null {
    this.journal.push(lazyEntry(p, service, operation, this.clock.now(), 0, undefined, fault));
    return NETWORK_ERROR;
  }

  /**
   * Renders a service answer: the request-id header, the body text and its content type, the observer call (only
   * when one is set) and the journal entry. The journal entry is built lazily (see Journal): it only captures
   * values that never change afterwards (the prepared request, the response text and headers).
   */
  private finish(
    p: Prepared,
    service: MockExchange['service'],
    operation: string | undefined,
    res: MockResponse,
    fault?: JournalEntry['fault'],
  ): EngineAnswer {
    // A plain record with lowercase names stands in for a Headers object (same normalisation as Headers.set).
    const headers: Record<string, string> = {};
    if (res.headers !== undefined) {
      for (const [name, value] of Object.entries(res.headers)) {
        headers[name.toLowerCase()] = `${value}`.replace(HTTP_WS_EDGES, '');
      }
    }
    if (p.family === 'dataworks' || service === 'dataworks') headers['x-acs-request-id'] = p.requestId;
    else headers['x-request-id'] = p.requestId;
    let text: string | undefined;
    if (res.body !== undefined) {
      if (typeof res.body === 'string') {
        text = res.body;
        headers['content-type'] ??= 'text/plain;charset=UTF-8';
      } else {
        text = JSON.stringify(res.body);
        headers['content-type'] ??= 'application/json;charset=UTF-8';
      }
    }
    const status = res.status;
    // The parsed response body (what observers and the journal see: a copy, never the handler's object).
    const parsedBody = (): unknown =>
      res.body === undefined ? undefined : typeof res.body === 'string' ? res.body : JSON.parse(text as string);
    const observer = (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER];
    if (typeof observer === 'function') {
      const exchange: MockExchange = {
        service,
        operation,
        method: p.method,
        path: p.path,
        status,
        responseHeaders: sortedRecord(headers),
        responseBody: parsedBody(),
      };
      try {
        observer(exchange);
      } catch (error) {
        this.recordError(error, { requestId: p.requestId, service, ...(operation ? { operation } : {}) });
      }
    }
    const response = { headers, text, json: typeof res.body !== 'string' };
    this.journal.push(lazyEntry(p, service, operation, this.clock.now(), status, response, fault));
    const nullBody = status === 204 || status === 304 || p.method === 'HEAD';
    // Same check as the Response constructor, so that both paths (Fetch and the server's fast path) reject alike.
    if (status < 200 || status > 599)
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    return { status, headers, body: nullBody ? null : (text ?? null) };
  }

  private buildEngineControl(): MockService {
    const route = (operation: string, method: string, path: string, handler: MockRoute['handler']): MockRoute => ({
      operation,
      method,
      path,
      auth: 'none',
      handler,
    });
    const clockState = () => ({ now: this.clock.now(), mode: this.clock.mode });
    const controlRoutes: MockRoute[] = [
      route('GetClock', 'GET', '/__mock/clock', () => ({ status: 200, body: clockState() })),
      route('SetClock', 'POST', '/__mock/clock', (req) => {
        const body = jsonBody(req.rawBody);
        const { mode, setMs, advanceMs } = body;
        if (mode !== undefined && mode !== 'real' && mode !== 'manual') {
          throw new ControlError("mode: expected 'real' or 'manual'");
        }
        if (setMs !== undefined && (typeof setMs !== 'number' || !Number.isInteger(setMs) || setMs < 0)) {
          throw new ControlError('setMs: expected an integer epoch-ms time');
        }
        if (
          advanceMs !== undefined &&
          (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs < 0)
        ) {
          throw new ControlError('advanceMs: expected an integer >= 0');
        }
        if (typeof setMs === 'number' && setMs < this.clock.peek()) {
          throw new ControlError(`setMs: cannot move the clock backwards (now ${this.clock.peek()})`);
        }
        if (mode !== undefined) this.clock.setMode(mode);
        if (typeof setMs === 'number') this.clock.set(setMs);
        if (typeof advanceMs === 'number') this.clock.advance(advanceMs);
        return { status: 200, body: clockState() };
      }),
      route('Reset', 'POST', '/__mock/reset', () => {
        this.reset();
        return { status: 200, body: { reset: true } };
      }),
      route('InjectFault', 'POST', '/__mock/faults', (req) => {
        const body = jsonBody(req.rawBody);
        if (body.service === undefined) throw new ControlError('service: is required');
        return { status: 200, body: this.faultRegistry.inject(body as FaultSpec) };
      }),
      route('ListFaults', 'GET', '/__mock/faults', () => ({
        status: 200,
        body: { faults: this.faultRegistry.list() },
      })),
      route('ClearFaults', 'DELETE', '/__mock/faults', () => ({
        status: 200,
        body: { cleared: this.faultRegistry.clear() },
      })),
      route('ListRequests', 'GET', '/__mock/requests', () => ({
        status: 200,
        body: { requests: this.journal.list() },
      })),
      route('ClearRequests', 'DELETE', '/__mock/requests', () => {
        this.journal.clear();
        return { status: 200, body: { cleared: true } };
      }),
      route('GetDefaults', 'GET', '/__mock/defaults', () => ({ status: 200, body: this.defaults })),
      route('GetSnapshot', 'GET', '/__mock/snapshot', () => ({ status: 200, body: this.snapshot() })),
      route('RestoreSnapshot', 'POST', '/__mock/snapshot', (req) => {
        const body = jsonBody(req.rawBody);
        if (body.version !== 1) throw new ControlError('version: expected a snapshot of version 1');
        this.restore(body as unknown as MockSnapshot);
        return { status: 200, body: { restored: true } };
      }),
    ];
    return {
      name: 'control' as ServiceName,
      protocol: { style: 'rest' },
      gateway: huaweiGateway,
      defaultFaultCode: () => 'MOCK.FAULT',
      routes: [],
      controlRoutes,
      errorResponse: (status, _code, message) => ({ status, body: { error: message } }),
      nextDueAt: () => undefined,
      runDue: () => {},
      snapshot: () => ({}),
      restore: () => {},
      reset: () => {},
    };
  }
}

/**
 * The answer of an injected status fault. Gateway codes (`APIGW.*`, e.g. the default 429 `APIGW.0308`) come from the
 * Huawei API gateway, in front of every Huawei service, so they use the gateway envelope with `request_id`
 * (auth.md); any other code uses the service's own envelope.
 */
function faultResponse(
  service: MockService,
  status: number,
  fault: { code?: string | undefined; message?: string | undefined },
  req: MockRequest,
): MockResponse {
  const code = fault.code ?? defaultFaultCode(service.name, status);
  const message = fault.message ?? defaultFaultMessage(status);
  if (service.name !== 'dataworks' && code.startsWith('APIGW.'))
    return huaweiEnvelope(status, code, message, req.requestId);
  return service.errorResponse(status, code, message, req);
}

/**
 * A journal entry built on first read (see Journal). Made outside the engine's methods so that the thunk's closure
 * holds only what it needs (a compact copy of the request, the response text and headers), not the handler's
 * response objects nor the URL and Headers objects: the journal keeps up to 10 000 of these.
 */
function lazyEntry(
  p: Prepared,
  service: MockExchange['service'],
  operation: string | undefined,
  time: number,
  status: number,
  response: { headers: Record<string, string>; text: string | undefined; json: boolean } | undefined,
  fault: JournalEntry['fault'] | undefined,
): () => JournalEntry {
  const { method, path, requestId, lowerHeaders, rawBody } = p;
  const search = p.url.search;
  return () => {
    const text = response?.text;
    const responseBody = text === undefined || !response?.json ? text : JSON.parse(text);
    return {
      service,
      operation,
      method,
      path,
      requestId,
      time,
      query: queryRecord(new URLSearchParams(search)),
      requestHeaders: redactHeaders(lowerHeaders),
      requestBody: redactBody(rawBody, lowerHeaders['content-type'] ?? null),
      status,
      responseHeaders: response === undefined ? {} : redactHeaders(sortedRecord(response.headers)),
      responseBody:
        service !== 'control'
          ? responseBody
          : operation === 'ListRequests' || operation === 'GetSnapshot'
            ? '[omitted]' // the journal would otherwise nest itself (and the snapshot holds credentials)
            : redactValue(responseBody),
      ...(fault ? { fault } : {}),
    };
  };
}

function defaultFaultCode(service: ServiceName, status: number): string {
  if (service === 'dataworks')
    return status === 429 ? 'Throttling.User' : status >= 500 ? 'InternalError' : 'MockFault';
  if (status === 429) return 'APIGW.0308';
  return 'MOCK.FAULT';
}

function defaultFaultMessage(status: number): string {
  return status === 429 ? 'The throttling threshold has been reached.' : `Injected fault (HTTP ${status}).`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
