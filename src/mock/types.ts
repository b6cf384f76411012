/**
 * Contracts between the mock engine (src/mock/engine.ts) and the per-service mock modules
 * (src/mock/services/<service>/). Services keep their own state, apart from the HTTP layer (moto-style):
 * the engine does routing, gateway auth, request ids, fault injection, the journal and the clock; a service
 * module only validates, mutates its state and answers in its own envelope.
 *
 * Rules every service module follows:
 * - Handlers are synchronous with respect to state: a handler validates everything first and mutates state only
 *   once the request is known to succeed, so a rejected request changes nothing.
 * - Every time comes from `ctx.clock.now()`; every id from `ctx.ids` (deterministic from the seed).
 * - Timed work (schedules, run progress) is derived from state: the service reports its earliest due time through
 *   `nextDueAt()` and the engine calls `runDue(now)` in time order across all services. No setTimeout.
 * - State is serialisable: `snapshot()` returns plain JSON, `restore()` rebuilds from it (indexes included).
 */

import type { CredentialStore } from './credentials.js';

/** Name of a mocked service: Huawei DSC, DataArts Catalog and IAM, Alibaba DataWorks. */
export type ServiceName = 'dsc' | 'dataarts' | 'iam' | 'dataworks';

/** `manual`: mock time moves only when advanced or set (tests). `real`: it follows the wall clock (the command). */
export type ClockMode = 'real' | 'manual';

/** The one clock of a mock. In `manual` mode it only moves when advanced or set. */
export interface MockClock {
  /** Current mock time, epoch milliseconds. */
  now(): number;
  /** Current mode of the clock. */
  readonly mode: ClockMode;
  /** Moves time forward by `ms`, firing every due event in time order (synchronously). */
  advance(ms: number): void;
  /** Moves time to `to` (must not be earlier than now), firing due events in order. */
  set(to: Date | number): void;
  /**
   * Switches mode without a jump in mock time; `real` then fires due events as wall time passes.
   * @throws RangeError when `mode` is neither `real` nor `manual`.
   */
  setMode(mode: ClockMode): void;
}

/** Deterministic id source (seeded). */
export interface MockIds {
  /** Next value of a named counter; the first call for a name returns `start`. */
  next(counter: string, start: number): number;
  /** `length` random hex characters (lowercase unless `upper`). */
  hex(length: number, upper?: boolean): string;
  /** Random UUID v4 string, uppercase when `upper`. */
  uuid(upper?: boolean): string;
}

/** Who is calling, as established by the engine's gateway auth. */
export interface CallerIdentity {
  /** IAM user id of the caller. */
  userId: string;
  /** IAM user name of the caller. */
  userName: string;
  /** Account (domain) id of the caller. */
  domainId: string;
  /** Account (domain) name of the caller. */
  domainName: string;
  /** The project the credential is scoped to (token scope, X-Project-Id, or the path project for AK/SK). */
  projectId: string;
  /** How the caller authenticated: IAM token, Huawei AK/SK signature or Alibaba ACS3 signature. */
  via: 'token' | 'aksk' | 'acs3';
}

/** A request as a service handler sees it. */
export interface MockRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Full request URL. */
  url: URL;
  /** Raw path (not decoded). */
  path: string;
  /** Parsed query string. */
  query: URLSearchParams;
  /** Request headers. */
  headers: Headers;
  /** Exact body text ('' when none). */
  rawBody: string;
  /** Path parameters from the route pattern, decoded. */
  params: Record<string, string>;
  /** Set for routes with auth other than 'none'. */
  identity?: CallerIdentity;
  /** The id the engine will put in X-Request-Id / x-acs-request-id. */
  requestId: string;
}

/** A service handler's answer. `body` undefined = empty body; a string is sent as is; anything else as JSON. */
export interface MockResponse {
  /** HTTP status. */
  status: number;
  /** Extra response headers (the engine adds the request id and content type). */
  headers?: Record<string, string>;
  /** Response body: `undefined` for none, a string as is, anything else as JSON. */
  body?: unknown;
}

/**
 * How the engine authenticates a route before its handler runs: not at all, Huawei token or AK/SK, Alibaba ACS3, or
 * IAM's own password login.
 */
export type RouteAuth = 'none' | 'huawei' | 'acs3' | 'iam-password';

/** One operation a mock service serves. */
export interface MockRoute {
  /** Operation name (the OpenAPI operationId), e.g. 'CreateTaskTemplates', 'ShowTaskInfo'. */
  operation: string;
  /** HTTP method, upper case. */
  method: string;
  /** Path pattern with `{param}` segments, e.g. '/v1/{project_id}/metadata/task-templates/{template_id}'. */
  path: string;
  /** Authentication the engine applies before calling the handler. */
  auth: RouteAuth;
  /** Answers the request synchronously; it changes state only when the request succeeds. */
  handler(req: MockRequest): MockResponse;
}

/** What the engine gives a service module. */
export interface ServiceContext {
  /** The mock's clock; every time a service records comes from it. */
  clock: MockClock;
  /** The mock's seeded id source; every id a service creates comes from it. */
  ids: MockIds;
  /** Engine-wide settings (run durations etc.), read at use time so they can be changed at runtime. */
  settings: MockSettings;
  /**
   * Consumes one matching 'run' fault, if any is armed (fault injection for run outcomes): returns its message
   * when the run should fail. Services call it when a run starts.
   */
  takeRunFault(service: ServiceName, operation: string): string | undefined;
  /** Tells the engine that nextDueAt() may have changed (e.g. a new schedule), so real-mode timers re-arm. */
  wake(): void;
}

/** Engine-wide behaviour settings; change them at runtime through {@link Mock.settings}. */
export interface MockSettings {
  /** DSC run duration, ms of mock time. Default 30 000. */
  dscRunDurationMs: number;
  /** DataArts run duration, ms. Default 60 000. */
  dataartsRunDurationMs: number;
  /** DataArts per-project quota (max_records). Default 1000. */
  dataartsMaxRecords: number;
  /** DataWorks queue delay (WAITING → RUNNING), ms. Default 5 000. */
  dataworksQueueDelayMs: number;
  /** DataWorks run duration, ms. Default 60 000. */
  dataworksRunDurationMs: number;
  /** IANA zone for cron expressions. Default 'UTC'. */
  timeZone: string;
  /** Workspace ids every project starts with (DataArts). Default ['00000000000000000000000000000001']. */
  defaultWorkspaces: string[];
}

/**
 * The API gateway in front of a service: what answers before the service sees a request (route misses, oversized
 * bodies, authentication failures) and how request ids look. Services of one vendor share one gateway.
 */
export interface MockGateway {
  /** Response header that carries the request id on every answer, lowercase (e.g. `x-request-id`). */
  readonly requestIdHeader: string;
  /** A new request id, drawn from the mock's seeded ids. */
  newRequestId(ids: MockIds): string;
  /** The gateway's own error envelope. */
  errorResponse(status: number, code: string, message: string, req: MockRequest): MockResponse;
  /** Whether an injected fault's code belongs to the gateway (then the gateway's envelope renders it). */
  ownsCode(code: string): boolean;
  /** The answer to a request that matches no route. */
  readonly routeMiss: MockApiAnswer;
  /** The answer to a request whose body exceeds the engine's size limit. */
  readonly tooLarge: MockApiAnswer;
}

/** Status, code and message of an error answer, before an envelope renders it. */
export interface MockApiAnswer {
  /** HTTP status. */
  status: number;
  /** The service's or gateway's error code. */
  code: string;
  /** Human-readable message. */
  message: string;
}

/** A REST service: routed by method and path. */
export interface RestProtocol {
  /** Routed by method and path pattern. */
  readonly style: 'rest';
}

/** An RPC service: every operation at `/`, routed by the action the request names, checked against one version. */
export interface RpcProtocol {
  /** Routed by action name. */
  readonly style: 'rpc';
  /** The one API version served. */
  readonly version: string;
  /** The action a request at `/` names, or null when it names none. */
  actionOf(headers: Headers, query: URLSearchParams): string | null;
  /** The API version a request names, or null when it names none. */
  versionOf(headers: Headers, query: URLSearchParams): string | null;
  /** The answer to an unknown action, or a known action with another version. */
  unknownAction(action: string, version: string | null, knownAction: boolean): MockApiAnswer;
}

/** A per-service mock module. */
export interface MockService {
  /** Name of the service; the engine routes by it. */
  readonly name: ServiceName;
  /** How requests reach the service: by method and path, or by action. */
  readonly protocol: RestProtocol | RpcProtocol;
  /** The gateway in front of the service. */
  readonly gateway: MockGateway;
  /** Code of an injected status fault that names none (e.g. 429 → the service's throttling code). */
  defaultFaultCode(status: number): string;
  /**
   * The account store, on the one service that keeps it (IAM). The engine authenticates every route, builds the
   * default account and saves `MockSnapshot.accounts` from it, so no other service needs to know who holds it.
   * @internal
   */
  readonly credentials?: CredentialStore;
  /** Public API routes of the service. */
  readonly routes: MockRoute[];
  /** Seed routes under /__mock/<service>/… (auth 'none'). The engine answers errors on them as `{ "error": message }`. */
  readonly controlRoutes: MockRoute[];
  /**
   * The service's own error envelope: its MockApiErrors, handler bugs, and faults or auth failures whose code its
   * gateway does not own.
   */
  errorResponse(status: number, code: string, message: string, req: MockRequest): MockResponse;
  /** Earliest mock time at which the service has timed work, or undefined. */
  nextDueAt(): number | undefined;
  /** Performs the timed work due at `now` (the clock already reads `now`), in time order. */
  runDue(now: number): void;
  /** Plain-JSON state. */
  snapshot(): unknown;
  /** Replaces the state with one produced by {@link MockService.snapshot}. */
  restore(snapshot: unknown): void;
  /** Wipes state (keeps configuration and seeded records that outlive a reset, e.g. configured credentials). */
  reset(): void;
}

/** Builds a service module from the engine's context; pass factories in {@link CreateMockOptions.services}. */
export type MockServiceFactory = (ctx: ServiceContext) => MockService;

/** One exchange, as given to observers (conformance checking, the journal). Secrets already redacted in `request`. */
export interface MockExchange {
  /** Service that answered; `control` for `/__mock/` routes, `unknown` for route misses. */
  service: ServiceName | 'control' | 'unknown';
  /** Operation name of the matched route, when one matched. */
  operation: string | undefined;
  /** HTTP method of the request. */
  method: string;
  /** Raw request path (not decoded), without the query string. */
  path: string;
  /** HTTP status of the answer. */
  status: number;
  /** Response headers, lowercase names. */
  responseHeaders: Record<string, string>;
  /** Parsed JSON response body, or the raw text, or undefined when empty. */
  responseBody: unknown;
}

/**
 * Process-wide observer hook: when `globalThis[MOCK_OBSERVER]` is a function, every mock engine calls it with each
 * exchange. The test suite's setup file uses it to validate every response against the OpenAPI spec.
 */
export const MOCK_OBSERVER = Symbol.for('metacollect.mock.observer');
/** Signature of the process-wide observer installed at `globalThis[MOCK_OBSERVER]`. */
export type MockObserver = (exchange: MockExchange) => void;
