/**
 * The request loop shared by every service client: one deadline per call, an attempt (with one replay after the
 * auth provider refreshes on a 401), retries per the retry table (`retry.ts`), error mapping by the service's
 * definition, response checks and logging. Service clients extend {@link ServiceClient} and describe each call as
 * an {@link OperationSpec}.
 */
import { inspect } from 'node:util';
import pRetry, { AbortError as StopRetrying } from 'p-retry';
import { type AbortLike, abortOnTimer, CallAbort } from './abort.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import type { AuthContext, AuthProvider, OutgoingRequest, RawResponse } from './auth/types.js';
import { type Call, CallAuthContext, sendAttempt, sleep } from './call.js';
import { awaitingCallSite, type CallSite, captureCallSite, withCallSite } from './call-site.js';
import {
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  parseOptions,
  type RequestOptions,
  requestOptionRules,
} from './config.js';
import { AbortError, type ApiError, ConfigurationError, createApiError, TimeoutError } from './errors.js';
import { isApiError, isConnectionError, isMetacollectError } from './guards.js';
import { LevelLogger, resolveLogLevel } from './logger.js';
import { addHeaders, baseHeaders, bodyTextOf, serialiseQuery, withDisplayPath } from './outgoing.js';
import { CreateLedger, finalError, lookedUp, lookUpCreate, mayHaveCreated, notSent } from './reconcile.js';
import { readSuccess } from './response.js';
import { errorCodeOf, requestIdFrom } from './response-fields.js';
import { isOutcomeUnknown, isRetryable, retryDelay } from './retry.js';
import type { OperationSpec, ServiceClientConfig, ServiceDefinition, SpecFactory } from './service.js';
import { type OwnedAgentTransport, type Transport, TransportAborted, transportFor } from './transport.js';
import { VERSION } from './version.js';

/** One exchange of an attempt: the request as sent (auth applied) and the answer. */
interface Exchange {
  req: OutgoingRequest;
  raw: RawResponse;
}

/**
 * Base class of the service clients: owns the transport, the auth provider and the request loop. Subclasses
 * describe operations as {@link OperationSpec}s and send them with {@link ServiceClient.request}.
 */
export abstract class ServiceClient {
  /** Base URL the client sends to: the `endpoint` option, else the service host of the region. */
  readonly endpoint: string;
  /** Default deadline of one call in milliseconds, retries included (option `timeoutMs`, default 60 000). */
  readonly timeoutMs: number;
  /** Default number of retries after the first attempt (option `maxRetries`, default 2). */
  readonly maxRetries: number;
  /** Default limit of one attempt in milliseconds (option `attemptTimeoutMs`, default 20 000). */
  readonly attemptTimeoutMs: number;
  readonly #service: ServiceDefinition;
  readonly #reconcile: boolean;
  /** Creates of this client: ids already returned or adopted, attempts on the wire (see `reconcile.ts`). */
  readonly #creates = new CreateLedger();
  readonly #auth: AuthProvider;
  readonly #authRegion: string | undefined;
  readonly #transport: Transport;
  readonly #ownedAgent: OwnedAgentTransport | undefined;
  readonly #logger: LevelLogger;
  readonly #userAgent: string;
  readonly #strict: boolean;
  /** Whether errors carry the caller's frames: on at log level `debug` (recording them costs on every call). */
  readonly #callSites: boolean;
  /** Origin and path prefix of `endpoint`, parsed once here instead of on every call. */
  readonly #baseOrigin: string;
  readonly #basePath: string;
  #closed = false;

  protected constructor(service: ServiceDefinition, config: ServiceClientConfig) {
    this.#service = service;
    this.endpoint = config.endpoint;
    const base = new URL(this.endpoint);
    this.#baseOrigin = base.origin;
    this.#basePath = base.pathname.replace(/\/+$/, '');
    this.#authRegion = config.region;
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = config.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.attemptTimeoutMs = config.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    this.#reconcile = config.reconcile ?? true;
    this.#strict = config.strictResponses ?? false;
    const target = config.logger ?? console;
    const level = resolveLogLevel(config.logLevel, config.env, (m) => new LevelLogger(target, 'warn').warn(m));
    this.#logger = new LevelLogger(target, level);
    this.#callSites = level === 'debug';
    this.#userAgent = `metacollect/${VERSION} node/${process.versions.node}${config.userAgent ? ` ${config.userAgent}` : ''}`;
    this.#auth = config.auth;
    // Without `fetch` or `dispatcher` the client owns an Agent, created (with undici) on the first request.
    ({ transport: this.#transport, owned: this.#ownedAgent } = transportFor(config));
  }

  /** The kind of credential in use (the auth provider's `kind`). */
  get authKind(): string {
    return this.#auth.kind;
  }

  /**
   * Loads now what the client otherwise loads on its first call: its service's zod schemas (and zod) and, unless a
   * `fetch` or `dispatcher` was given, undici and its Agent. Optional: calls work without it. Useful where start-up
   * time is cheaper than the first request's (e.g. a serverless function's init phase). Sends nothing.
   */
  async preload(): Promise<void> {
    await Promise.all([this.loadSchemas(), this.#ownedAgent?.preload()]);
  }

  /** Loads the service's zod schemas (each service client returns its lazy loader). */
  protected abstract loadSchemas(): Promise<unknown>;

  /** Releases the sockets of the Agent the client created (a caller-supplied dispatcher is left open). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ownedAgent?.close();
  }

  /** The auth provider in use (for subclass hooks such as a project id). */
  protected get authProvider(): AuthProvider {
    return this.#auth;
  }

  /** The auth context of one call: the transport, the call's signal, the clock and the region. */
  protected authContext(signal: AbortLike): AuthContext {
    return new CallAuthContext(this.#transport, signal, this.#authRegion);
  }

  /**
   * Hook run once per call before the first attempt: returns the path to send (with placeholders such as
   * `{project_id}` resolved) and may add headers. The default returns `spec.path` unchanged.
   */
  protected resolvePath(
    spec: OperationSpec,
    _headers: Record<string, string>,
    _signal: AbortLike,
  ): string | Promise<string> {
    return spec.path;
  }

  /** The client's level-filtering logger. */
  protected get logger(): LevelLogger {
    return this.#logger;
  }

  /** Sends an operation; resolves to the typed body (`.withResponse()` for status, headers, request id). */
  protected request<T>(spec: OperationSpec | SpecFactory, options?: RequestOptions): APIPromise<T> {
    // At debug, the caller's frames are recorded now (every call pays); otherwise only a failing call records the
    // frames of the code awaiting it, rebuilt by V8 from the chain of awaits.
    const site = this.#callSites ? captureCallSite(this.request) : undefined;
    return new APIPromise<T>(this.#execute<T>(spec, options, site));
  }

  /** One call: builds what it sends, runs the request loop under the call's deadline, maps aborts. */
  async #execute<T>(
    specOrFactory: OperationSpec | SpecFactory,
    options: RequestOptions | undefined,
    site: CallSite | undefined,
  ): Promise<WithResponse<T>> {
    // Validation (in the factory) happens before any I/O; its ValidationError rejects the returned promise.
    const made = typeof specOrFactory === 'function' ? specOrFactory() : specOrFactory;
    const spec = made instanceof Promise ? await made : made;
    // No options (the common case) needs no parsing: the rules would accept `{}` and return it unchanged.
    const opts: RequestOptions =
      options === undefined ? {} : parseOptions<RequestOptions>(requestOptionRules, options, 'request options');
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const query = serialiseQuery(spec.query);
    const userSignal = opts.signal;
    let path = spec.displayPath ?? spec.path + query;
    if (this.#closed) throw new ConfigurationError('the client is closed', { field: 'client' });
    if (userSignal?.aborted) throw new AbortError(userSignal.reason, { method: spec.method, path });

    const started = Date.now();
    // One cancellation per call: the deadline timer and the caller's signal both abort it (see abort.ts).
    const abort = new CallAbort();
    const timer = setTimeout(abortOnTimer, timeoutMs, abort);
    userSignal?.addEventListener('abort', abort);
    try {
      const bodyText = bodyTextOf(spec);
      const headers = baseHeaders(spec, bodyText, this.#userAgent, this.#service.contentType);
      const resolved = this.resolvePath(spec, headers, abort);
      const realPath = (typeof resolved === 'string' ? resolved : await resolved) + query;
      if (spec.displayPath === undefined) path = realPath;
      const url = new URL(this.#basePath + realPath, this.#baseOrigin);
      addHeaders(headers, spec.headers);
      addHeaders(headers, opts.headers);
      const maxRetries = opts.maxRetries ?? this.maxRetries;
      // One auth context per call (not per attempt): its fields do not change between attempts.
      const ctx = this.authContext(abort);
      const call: Call = {
        spec,
        url,
        href: url.href,
        headers,
        bodyText,
        path,
        abort,
        ctx,
        started,
        timeoutMs,
        maxRetries,
        attemptTimeoutMs: opts.attemptTimeoutMs ?? this.attemptTimeoutMs,
        lookup: (opts.reconcile ?? this.#reconcile) ? spec.lookup : undefined,
        reconcile: opts.reconcile ?? this.#reconcile,
        outcomeUnknown: false,
      };
      return await this.#send<T>(call);
    } catch (error) {
      const mapped =
        error instanceof TransportAborted || (abort.aborted && !isApiError(error))
          ? userSignal?.aborted
            ? new AbortError(userSignal.reason, { method: spec.method, path })
            : new TimeoutError(timeoutMs, { method: spec.method, path })
          : error;
      throw withCallSite(mapped, site ?? awaitingCallSite());
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', abort);
    }
  }

  /**
   * The request loop. Attempt 1 runs directly: most calls end there, and setting p-retry up costs more than the
   * rest of such a call. After a failure p-retry runs the retries, asking {@link ServiceClient.#beforeRetry} (the
   * retry table, its wait, the deadline) before each one, the first included.
   */
  async #send<T>(call: Call): Promise<WithResponse<T>> {
    try {
      return await this.#reconciled<T>(call, 1);
    } catch (error) {
      if (!(await this.#beforeRetry(call, error, 1))) throw finalError(call.spec.operation, error);
    }
    try {
      return await pRetry((n: number) => this.#retry<T>(call, n + 1), {
        retries: call.maxRetries - 1,
        // No wait of p-retry's own: #beforeRetry awaits ours (full jitter or the server's Retry-After).
        minTimeout: 0,
        shouldRetry: ({ error, retriesConsumed }) => this.#beforeRetry(call, error, retriesConsumed + 2),
      });
    } catch (error) {
      throw finalError(call.spec.operation, error);
    }
  }

  /**
   * An attempt of a call that may be a create: its id is recorded on success (no other call adopts it); after a
   * failure of unknown outcome the create is looked up, and an object it made resolves the call.
   */
  async #reconciled<T>(call: Call, n: number): Promise<WithResponse<T>> {
    const { lookup } = call;
    if (lookup === undefined) return this.#attempt<T>(call, n);
    const ledger = this.#creates;
    ledger.enter(lookup.key);
    let result: WithResponse<T>;
    try {
      result = await this.#attempt<T>(call, n);
    } catch (error) {
      ledger.leave(lookup.key);
      if (!mayHaveCreated(error)) throw error;
      return await lookUpCreate<T>(call, error, ledger, this.#logger);
    }
    // Claimed before it leaves the wire, so that a lookup waiting for this key never adopts it.
    const id = lookup.idOf(result.data);
    if (id !== undefined) ledger.claim(id);
    ledger.leave(lookup.key);
    return result;
  }

  /**
   * Whether retry number `retry` follows the failure `error`: the retry table says so, and its wait ends before the
   * deadline. Waits that long before answering true.
   */
  async #beforeRetry(call: Call, error: unknown, retry: number): Promise<boolean> {
    if (isOutcomeUnknown(error) && !notSent.has(error as object)) call.outcomeUnknown = true;
    // Retried as if idempotent: a failure that proves nothing was processed, and an outcome-unknown failure of an
    // operation whose repeat the service refuses with an "already done" answer (a run already in progress).
    const safe =
      notSent.has(error as object) ||
      lookedUp.has(error as object) ||
      (call.reconcile && call.outcomeUnknown && (call.spec.alreadyDoneCodes?.length ?? 0) > 0);
    if (retry > call.maxRetries || !isRetryable(error, safe || call.spec.idempotent)) return false;
    const fromService = this.#service.retryAfter && isApiError(error) ? this.#service.retryAfter(error) : undefined;
    const wait = fromService ?? retryDelay(error, retry);
    if (wait >= call.timeoutMs - (Date.now() - call.started)) return false;
    this.#logger.info(
      `${call.spec.method} ${call.path}: retrying in ${wait} ms (retry ${retry}/${call.maxRetries}) after: ${(error as Error).message}`,
    );
    await sleep(wait, call.abort);
    return true;
  }

  /** A retry: an attempt whose "already done" answer (see `OperationSpec.alreadyDoneCodes`) resolves the call. */
  async #retry<T>(call: Call, n: number): Promise<WithResponse<T>> {
    try {
      return await this.#reconciled<T>(call, n);
    } catch (error) {
      if (call.outcomeUnknown && isApiError(error) && isAlreadyDone(call.spec, error)) {
        this.#logger.info(
          `${call.spec.method} ${call.path}: ${error.errorCode} on a retry after an attempt of unknown outcome: taken as done`,
        );
        const data = (call.spec.alreadyDoneResult ? await call.spec.alreadyDoneResult(error) : undefined) as T;
        return { data, status: error.status, headers: error.headers, requestId: error.requestId, reconciled: true };
      }
      // p-retry would wrap a thrown non-Error in a TypeError: hand it back to the caller as thrown.
      if (!(error instanceof Error)) throw Object.assign(new StopRetrying('non-error'), { originalError: error });
      throw error;
    }
  }

  /** One attempt: send; after a 401 the auth provider answers by refreshing, send once more; read the answer. */
  async #attempt<T>(call: Call, n: number): Promise<WithResponse<T>> {
    let sent = await this.#exchange(call, n, false);
    if (sent.raw.status === 401 && this.#auth.onUnauthorized?.(errorCodeOf(sent.raw.body), sent.req)) {
      sent = await this.#exchange(call, n, true);
    }
    const { req, raw } = sent;
    const path = call.spec.displayPath ?? req.url.pathname + req.url.search;
    if (raw.status >= 200 && raw.status < 300) {
      return readSuccess<T>(call.spec, raw, path, this.#service, this.#strict, this.#logger);
    }
    const answer = { method: call.spec.method, path, status: raw.status, headers: raw.headers, body: raw.body };
    throw createApiError(answer, this.#service);
  }

  /** Signs and sends the call's request once; logs it at debug level. */
  async #exchange(call: Call, n: number, replay: boolean): Promise<Exchange> {
    const { spec } = call;
    // The first send uses the call's URL; a retry or replay gets a fresh copy, in case a provider changed it.
    const url = n === 1 && !replay ? call.url : new URL(call.href);
    const req: OutgoingRequest = { method: spec.method, url, headers: { ...call.headers } };
    if (call.bodyText !== undefined) req.body = call.bodyText;
    const debug = this.#logger.enabled('debug');
    const t0 = debug ? Date.now() : 0;
    const shown = () => spec.displayPath ?? url.pathname + url.search;
    let raw: RawResponse;
    try {
      await this.#auth.apply(req, call.ctx);
    } catch (error) {
      if (typeof error === 'object' && error !== null) notSent.add(error);
      throw error;
    }
    try {
      raw = await sendAttempt(this.#transport, req, call, n, shown);
    } catch (error) {
      if (error instanceof TransportAborted) throw error;
      const safe =
        spec.displayPath !== undefined && isConnectionError(error) ? withDisplayPath(error, req, shown()) : error;
      if (debug) {
        const what = isMetacollectError(safe) ? safe.name : 'error';
        this.#logger.debug(`${spec.method} ${url.origin}${shown()} → ${what} in ${Date.now() - t0} ms (attempt ${n})`);
      }
      throw safe;
    }
    if (debug) {
      const requestId = requestIdFrom(raw.headers, this.#service.requestIdHeaders);
      this.#logger.debug(
        `${spec.method} ${url.origin}${shown()} → ${raw.status} in ${Date.now() - t0} ms (attempt ${n}${replay ? ', replay' : ''}${requestId ? `, request id ${requestId}` : ''})`,
      );
    }
    return { req, raw };
  }

  /** The configuration shown by {@link ServiceClient.describe}, with service-specific fields after `endpoint`. */
  protected describeWith(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      endpoint: this.endpoint,
      ...extra,
      auth: this.#auth.kind,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
      strictResponses: this.#strict,
      logLevel: this.#logger.level,
    };
  }

  /** What `util.inspect(client)` shows: configuration only, never credentials. */
  protected describe(): Record<string, unknown> {
    return this.describeWith({});
  }

  /** JSON view of the client's configuration (endpoint, region, project, auth kind, limits); never credentials. */
  toJSON(): Record<string, unknown> {
    return this.describe();
  }

  /** `util.inspect` view: the class name and the same configuration as {@link toJSON}. */
  [inspect.custom](_depth: number, options: object, inspectFn: typeof inspect = inspect): string {
    return `${this.constructor.name} ${inspectFn(this.describe(), options)}`;
  }
}

/** Whether `error` carries one of the spec's "already done" codes (case-insensitive). */
function isAlreadyDone(spec: OperationSpec, error: ApiError): boolean {
  const code = error.errorCode?.toUpperCase();
  return code !== undefined && (spec.alreadyDoneCodes?.some((c) => c.toUpperCase() === code) ?? false);
}
