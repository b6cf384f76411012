/**
 * The mock engine: every service on one origin, one pipeline per request (see {@link MockEngine.dispatch}):
 * prepare → control routes → body size → routing → 'before' faults → authentication → handler → 'after' faults →
 * render. It names no service: routing, envelopes, request ids and fault codes come from each service's definition.
 *
 * Decisions:
 * - A request at `/` whose action an RPC service's protocol names goes to that service, which picks the route by
 *   action (method-insensitive); an unknown action or another version answers the protocol's `unknownAction`.
 *   Every other request is routed by method and path; a known path with another method is a route miss (gateways
 *   register APIs per method), answered by the gateway of the REST services.
 * - Faults match route hits only. 'before' faults apply before authentication; 'after' faults only to
 *   authenticated requests, and replace the handler's answer whatever its status.
 * - One catch around every handler: a MockApiError answers in the service's envelope, a ControlError (and anything
 *   a control route throws) as `{"error": message}`; anything else is a mock bug: 500 in the service's envelope
 *   (code `MOCK.0500`), recorded in `mock.errors`.
 */
import type { CreateMockOptions, Mock, MockDefaults, MockError, MockFaults, MockSnapshot } from './api.js';
import { checkedCopy, DEFAULT_SETTINGS, MAX_BODY_BYTES } from './api.js';
import { addWorkspace, BUILT_IN_SERVICES, type MockServices, servicesByName } from './builtins.js';
import { EngineClock } from './clock.js';
import { engineControlRoutes } from './control.js';
import { addDefaultAccessKey, createDefaultAccount, issueDefaultToken } from './defaults.js';
import { ControlError, MockApiError } from './errors.js';
import { FaultRegistry, faultResponse } from './faults.js';
import { authenticate, NonceCache } from './gateway.js';
import { renderError } from './gateways.js';
import { SeededIds } from './ids.js';
import { Journal, type JournalEntry } from './journal.js';
import { ServiceRegistry } from './registry.js';
import { type EngineAnswer, NETWORK_ERROR, type Prepared, type RenderSink, render, renderReset } from './render.js';
import type { MockGateway, MockRequest, MockResponse, MockRoute, MockService, MockSettings } from './types.js';

export type { CreateMockOptions, EngineAnswer, Mock, MockDefaults, MockError, MockFaults, MockServices, MockSnapshot };
export { DEFAULT_SETTINGS, MAX_BODY_BYTES };

/**
 * Creates a mock engine of every service on one origin, with a ready default account ({@link Mock.defaults}).
 * Nothing listens: serve it in-process with {@link Mock.handle}, over HTTP with `startMockServer`, or through
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
  readonly services: MockServices;
  defaults: MockDefaults;

  private readonly ids: SeededIds;
  private readonly faultRegistry: FaultRegistry;
  private readonly journal: Journal;
  private readonly nonces = new NonceCache();
  private readonly registry: ServiceRegistry;
  private readonly sink: RenderSink;

  constructor(options: CreateMockOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.settings.defaultWorkspaces = [...this.settings.defaultWorkspaces];
    this.ids = new SeededIds(options.seed ?? 1);
    this.journal = new Journal(options.journalLimit);
    this.faultRegistry = new FaultRegistry(() => this.registry.names());
    const start = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    this.clock = new EngineClock(
      {
        services: () => this.registry.list,
        onError: (service, error) => this.recordError(error, { service: service.name, operation: 'runDue' }),
      },
      options.clock ?? 'manual',
      start,
    );
    this.sink = {
      journal: this.journal,
      now: () => this.clock.now(),
      onError: (error, where) => this.recordError(error, where),
    };
    this.registry = new ServiceRegistry([...BUILT_IN_SERVICES, ...(options.services ?? [])], () => ({
      clock: this.clock,
      ids: this.ids,
      settings: this.settings,
      takeRunFault: (name, operation) => this.faultRegistry.takeRun(name, operation),
      wake: () => this.clock.arm(),
    }));
    this.services = servicesByName(this.registry.list);
    const workspace = this.settings.defaultWorkspaces[0] ?? '';
    this.defaults = createDefaultAccount(this.registry.credentials, options.region ?? 'cn-north-4', workspace, start);
    const engine = this;
    this.registry.controlRouter.add(
      null,
      engineControlRoutes({
        clock: this.clock,
        get defaults() {
          return engine.defaults;
        },
        faultRegistry: this.faultRegistry,
        journal: this.journal,
        reset: () => this.reset(),
        snapshot: () => this.snapshot(),
        restore: (snapshot) => this.restore(snapshot),
      }),
    );
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
    for (const service of this.registry.list) service.reset();
    this.faultRegistry.clear();
    this.journal.clear();
    this.nonces.clear();
    this.clock.arm();
  }

  snapshot(): MockSnapshot {
    const { accounts, services } = this.registry.snapshot();
    return JSON.parse(
      JSON.stringify({
        version: 1,
        clock: this.clock.snapshot(),
        ids: this.ids.snapshot(),
        accounts,
        defaults: this.defaults,
        settings: this.settings,
        services,
      }),
    ) as MockSnapshot;
  }

  restore(snapshot: MockSnapshot): void {
    const copy = checkedCopy(snapshot);
    this.ids.restore(copy.ids);
    this.defaults = copy.defaults;
    Object.assign(this.settings, copy.settings);
    this.registry.restore(copy.accounts, copy.services);
    this.faultRegistry.clear();
    this.nonces.clear();
    this.clock.restore(copy.clock);
  }

  addProject(options: { name?: string } = {}): { id: string; name: string } {
    const n = this.ids.next('project', 2);
    const name = options.name ?? `${this.defaults.region}_project${n}`;
    const project = this.registry.credentials.addProject(this.defaults.domainId, name);
    return { id: project.id, name: project.name };
  }

  addWorkspace(projectId: string, id?: string): string {
    return addWorkspace((method, path, rawBody) => this.callControl(method, path, rawBody), projectId, id);
  }

  issueToken(options: { projectId?: string; ttlMs?: number | null } = {}): string {
    return issueDefaultToken(this.registry.credentials, this.defaults, this.clock.now(), options);
  }

  addAccessKey(options: { temporary?: boolean } = {}): { ak: string; sk: string; securityToken?: string } {
    return addDefaultAccessKey(this.registry.credentials, this.defaults, options.temporary ?? false);
  }

  /**
   * The gateway that answers for a request target, for refusals of requests the engine never sees (the HTTP server's
   * malformed requests). @internal
   */
  gatewayFor(target: string, namesAction: boolean): MockGateway {
    return this.registry.gatewayFor(target, namesAction);
  }

  dispose(): void {
    this.clock.dispose();
  }

  /** util.inspect / console.log show no credentials. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `MockEngine { clock: ${this.clock.mode} ${new Date(this.clock.peek()).toISOString()}, services: [${this.registry.list
      .map((s) => s.name)
      .join(', ')}] }`;
  }

  toJSON(): unknown {
    return { type: 'MockEngine', services: this.registry.list.map((s) => s.name) };
  }

  // ------------------------------------------------------------------------------------------------------ handling

  async handle(request: Request): Promise<Response> {
    this.clock.catchUp();
    const url = new URL(request.url);
    const rawBody = request.body === null ? '' : await request.text();
    const answer = await this.dispatch(request.method, url, request.headers, rawBody);
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
    return this.dispatch(method, url, headers, rawBody, lowerHeaders);
  }

  /** The pipeline (see the file header). */
  private async dispatch(
    method: string,
    url: URL,
    headers: Headers,
    rawBody: string,
    lowerHeaders?: Record<string, string>,
  ): Promise<EngineAnswer | null> {
    const claim = this.registry.claim(url.pathname, headers, url.searchParams);
    const p = this.prepare(method, url, headers, rawBody, lowerHeaders, claim?.rpc.service);
    if (p.path === '/__mock' || p.path.startsWith('/__mock/')) return this.handleControl(p);

    if (p.bodyBytes > MAX_BODY_BYTES) {
      const gateway = claim?.rpc.service.gateway ?? this.registry.restGateway;
      const { status, code, message } = gateway.tooLarge;
      const res = gateway.errorResponse(status, code, message, this.mockRequest(p, {}));
      return render(this.sink, p, claim?.rpc.service.name ?? 'unknown', undefined, res);
    }

    const routed = this.registry.route(p, claim, this.mockRequest(p, {}));
    if ('res' in routed) return render(this.sink, p, routed.missedBy?.name ?? 'unknown', undefined, routed.res);
    const { service, route, params } = routed;
    const { operation } = route;
    const target = { service: service.name, operation, method: p.method, path: p.path };

    // Faults, phase 'before' (and pure delays): before authentication, no state touched.
    const before = this.faultRegistry.take(target, 'before');
    const beforeInfo = before && { id: before.id, phase: 'before' };
    if (before) {
      if (before.delayMs) await sleep(before.delayMs);
      this.clock.catchUp();
      if (before.networkError === 'reset') return renderReset(this.sink, p, service.name, operation, beforeInfo);
      if (before.status !== undefined) {
        const res = faultResponse(service, before.status, before, this.mockRequest(p, params));
        return render(this.sink, p, service.name, operation, res, beforeInfo);
      }
    }

    const req = this.mockRequest(p, params);
    const gatewayRequest = { method: p.method, url: p.url, headers: p.lowerHeaders, rawBody: p.rawBody };
    const auth = authenticate(
      route.auth,
      this.registry.credentials,
      this.nonces,
      this.clock.now(),
      gatewayRequest,
      params,
    );
    if (auth?.ok === false) return render(this.sink, p, service.name, operation, renderError(service, auth, req));
    if (auth?.ok) req.identity = auth.identity;

    let res = this.runRoute(route, req, service);

    // Faults, phase 'after' (only for authenticated requests): the state change stays, the response is replaced.
    const after = this.faultRegistry.take(target, 'after');
    if (after) {
      const info = { id: after.id, phase: 'after' };
      if (after.delayMs) await sleep(after.delayMs);
      if (after.networkError === 'reset') return renderReset(this.sink, p, service.name, operation, info);
      if (after.status !== undefined) res = faultResponse(service, after.status, after, req);
      return render(this.sink, p, service.name, operation, res, info);
    }
    return render(this.sink, p, service.name, operation, res, beforeInfo);
  }

  /** The request's parts, with a request id drawn by the gateway in front of its service. */
  private prepare(
    method: string,
    url: URL,
    headers: Headers,
    rawBody: string,
    given: Record<string, string> | undefined,
    rpc: MockService | undefined,
  ): Prepared {
    let lowerHeaders = given;
    if (lowerHeaders === undefined) {
      const record: Record<string, string> = {};
      headers.forEach((value, name) => {
        record[name.toLowerCase()] = value;
      });
      lowerHeaders = record;
    }
    const gateway = rpc?.gateway ?? this.registry.restGateway;
    return {
      requestId: gateway.newRequestId(this.ids),
      requestIdHeader: gateway.requestIdHeader,
      method: method.toUpperCase(),
      url,
      path: url.pathname,
      headers,
      lowerHeaders,
      rawBody,
      bodyBytes: Buffer.byteLength(rawBody),
    };
  }

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

  /**
   * The one catch around every route (`service` null for control routes), with the clock frozen while the handler
   * runs and settled after it (due work the handler scheduled fires now).
   */
  private runRoute(route: MockRoute, req: MockRequest, service: MockService | null): MockResponse {
    let res: MockResponse;
    try {
      res = this.clock.frozen(() => route.handler(req));
    } catch (error) {
      if (service === null || error instanceof ControlError) {
        const status = error instanceof ControlError ? error.status : 400;
        res = { status, body: { error: error instanceof Error ? error.message : String(error) } };
      } else if (error instanceof MockApiError) {
        res = service.errorResponse(error.status, error.code, error.message, req);
      } else {
        this.recordError(error, { requestId: req.requestId, service: service.name, operation: route.operation });
        res = service.errorResponse(500, 'MOCK.0500', 'Internal mock error (recorded as a mock bug).', req);
      }
    }
    this.clock.settle();
    return res;
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

  /** Runs a control route in-process (the seed behind {@link MockEngine.addWorkspace}); not journaled. */
  private callControl(method: string, path: string, rawBody: string): MockResponse {
    const url = new URL(`http://mock.local${path}`);
    const found = this.registry.controlRouter.lookup(method, url.pathname);
    if (found.kind !== 'hit') return { status: 404, body: { error: `no control route ${method} ${url.pathname}` } };
    const headers = new Headers({ 'content-type': 'application/json' });
    const p = this.prepare(method, url, headers, rawBody, { 'content-type': 'application/json' }, undefined);
    return this.runRoute(found.match.route, this.mockRequest(p, found.match.params), null);
  }

  private handleControl(p: Prepared): EngineAnswer {
    const found = this.registry.controlRouter.lookup(p.method, p.path);
    if (found.kind !== 'hit') {
      const status = found.kind === 'method-miss' ? 405 : 404;
      return render(this.sink, p, 'control', undefined, {
        status,
        body: { error: `no control route ${p.method} ${p.path}` },
      });
    }
    const res = this.runRoute(found.match.route, this.mockRequest(p, found.match.params), null);
    return render(this.sink, p, 'control', found.match.route.operation, res);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
