/**
 * The shared core of the service clients (DSC, DataArts Catalog, DataWorks): configuration, transport, auth,
 * one deadline per call, retries (see `retry.ts` for the table, including the "already done" rule), error mapping,
 * response checks and logging. {@link ServiceClient} owns the request loop; {@link HuaweiServiceClient} adds the
 * Huawei project id (`{project_id}` in paths, `X-Project-Id` with AK/SK).
 */
import { inspect } from 'node:util';
import pRetry from 'p-retry';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { type AbortLike, CallAbort, toAbortSignal } from './abort.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { resolveHuaweiAuth } from './auth/index.js';
import type { AuthContext, AuthProvider, OutgoingRequest, RawResponse } from './auth/types.js';
import {
  type BaseClientOptions,
  baseOptionRules,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  parseOptions,
  type RequestOptions,
  requestOptionRules,
  resolveEndpoint,
} from './config.js';
import {
  AbortError,
  type ApiError,
  ConfigurationError,
  ConnectionError,
  createApiError,
  isApiError,
  isConnectionError,
  isMetacollectError,
  parseErrorBody,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
import { LevelLogger, type Logger, type LogLevel, resolveLogLevel } from './logger.js';
import { isOutcomeUnknown, isRetryable, retryDelay } from './retry.js';
import {
  type FetchLike,
  FetchTransport,
  OwnedAgentTransport,
  type Transport,
  TransportAborted,
  UndiciTransport,
} from './transport.js';
import { checkResponse } from './validation.js';
import { VERSION } from './version.js';

export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** One API operation, as the service clients describe it to the core. */
export interface OperationSpec {
  /** Operation name from the sheets, used in logs and validation errors. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path (a Huawei client may use the `{project_id}` placeholder); segments already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body; `undefined` sends no body. Ignored when `encodedBody` is given. */
  body?: unknown;
  /**
   * A body already encoded by the service client (e.g. a form), sent as is with `contentType` (default the
   * service's content type); takes precedence over `body`.
   */
  encodedBody?: string;
  /** Content-Type of `encodedBody`. */
  contentType?: string;
  /**
   * What messages, logs, `ApiError.path` and `ConnectionError.path` show instead of the real path and query
   * (e.g. DataWorks `/?Action=X`: its query can hold a password). Default: the real path and query.
   */
  displayPath?: string;
  /** Whether the operation may be repeated safely (see the retry table). */
  idempotent: boolean;
  /**
   * Service error codes (compared case-insensitively) that mean "already done", e.g. "not found" on a delete: on a
   * retry after an attempt whose outcome is unknown (see `isOutcomeUnknown` in `retry.ts`), such an answer
   * resolves the call instead of rejecting it. Never on the first attempt.
   */
  alreadyDoneCodes?: readonly string[];
  /** The value the call resolves to when an "already done" answer is taken as success (default `undefined`). */
  alreadyDoneResult?: (error: ApiError) => unknown;
  /** Loose check of the response body. */
  responseSchema?: z.ZodType;
  /** Check `responseSchema` against an empty body too (as `undefined`); default only non-empty bodies are checked. */
  checkEmptyResponse?: boolean;
  /** The operation answers with no body: resolve to undefined whatever comes back. */
  emptyResponse?: boolean;
  headers?: Record<string, string>;
}

/**
 * Builds an operation's spec, validating its input first; may be async (the zod schemas are loaded on first use).
 */
export type SpecFactory = () => OperationSpec | Promise<OperationSpec>;

/** What the core needs to know about a service (host, content type, how it names request ids and errors). */
export interface ServiceDefinition {
  /** Short service name for messages, e.g. `dsc`. */
  name: string;
  /** e.g. `https://sdg.{region}.myhuaweicloud.com` */
  hostTemplate: string;
  /** Content-Type sent with JSON bodies. */
  contentType: string;
  /** Response headers carrying the request id, first match wins (default `x-request-id`, `x-acs-request-id`). */
  requestIdHeaders?: readonly string[];
  /** Field of a JSON success body carrying the request id when no header does (default `request_id`). */
  bodyRequestIdField?: string;
  /** Builds the ApiError of a non-2xx answer (default {@link createApiError}). */
  createError?: (init: {
    method: string;
    path: string;
    status: number;
    headers: Record<string, string>;
    body: string;
  }) => ApiError;
  /** The service's own retry delay of an error in ms (e.g. DataWorks `x-acs-retry-after`), before the core's. */
  retryAfter?: (error: ApiError) => number | undefined;
}

/**
 * Process environment snapshot (injectable for tests through the `env` option).
 * @inline
 */
export type Env = Record<string, string | undefined>;

export interface CoreOptions<TAuth> extends BaseClientOptions<TAuth> {
  /** Environment used for credentials and `METACOLLECT_LOG` (default `process.env`). */
  env?: Env;
}

/** The resolved configuration a {@link ServiceClient} is built from (options already checked). */
export interface ServiceClientConfig {
  /** Base URL, already resolved. */
  endpoint: string;
  /** Region given to the auth provider (`AuthContext.region`). */
  region?: string | undefined;
  /** Default deadline of one call in ms (default 60 000). */
  timeoutMs?: number | undefined;
  /** Default number of retries (default 2). */
  maxRetries?: number | undefined;
  /** Reject (instead of logging) a response that does not match its schema. */
  strictResponses?: boolean | undefined;
  /** Console-like logger (default `console`). */
  logger?: Partial<Logger> | undefined;
  /** Log level (default `METACOLLECT_LOG`, else `warn`). */
  logLevel?: LogLevel | undefined;
  /** Appended to the `User-Agent`. */
  userAgent?: string | undefined;
  /** A WHATWG fetch to send with instead of undici. */
  fetch?: ((...args: never[]) => unknown) | undefined;
  /** A caller-owned undici Dispatcher (left open by `close()`). */
  dispatcher?: Dispatcher | undefined;
  /** The credential, already resolved to a provider. */
  auth: AuthProvider;
  /** Environment for the log level. */
  env: Env;
}

const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = ['x-request-id', 'x-acs-request-id'];

function serialiseQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString().replace(/\+/g, '%20');
  return s ? `?${s}` : '';
}

function sleep(ms: number, signal: AbortLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TransportAborted());
    const listener = {
      handleEvent() {
        clearTimeout(timer);
        reject(new TransportAborted());
      },
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', listener);
      resolve();
    }, ms);
    signal.addEventListener('abort', listener);
  });
}

/** The deadline timer's callback (a shared function: no closure per call). */
const abortCall = (call: CallAbort): void => call.abort();

/** What one attempt sends; built once per call. */
interface AttemptInput {
  /** The URL of the first attempt; later attempts and replays get a fresh copy parsed from `href`. */
  url: URL;
  href: string;
  headers: Record<string, string>;
  bodyText: string | undefined;
  call: CallAbort;
  ctx: AuthContext;
}

/** The path shown in messages and logs: the operation's display path, else the real path and query. */
function shownPath(spec: OperationSpec, url: URL): string {
  return spec.displayPath ?? url.pathname + url.search;
}

/**
 * The auth context of one call. A class rather than an object literal with closures: one is built per call. Its
 * `signal` (a real AbortSignal) is only built when a provider reads it, e.g. to fetch a token.
 */
class CallAuthContext implements AuthContext {
  readonly #transport: Transport;
  readonly #abort: AbortLike;
  region?: string;

  constructor(transport: Transport, abort: AbortLike, region: string | undefined) {
    this.#transport = transport;
    this.#abort = abort;
    if (region) this.region = region;
  }

  get signal(): AbortSignal {
    return toAbortSignal(this.#abort);
  }

  send(req: OutgoingRequest, opts: { signal?: AbortSignal }): Promise<RawResponse> {
    return this.#transport.send(req, opts.signal ?? this.#abort);
  }

  now(): number {
    return Date.now();
  }
}

/** The transport's ConnectionError names the real path + query; rebuild it with the displayed path. */
function withDisplayPath(error: ConnectionError, req: OutgoingRequest, path: string): ConnectionError {
  const full = req.url.pathname + req.url.search;
  const message = full.length > 1 ? error.message.split(full).join(path) : error.message;
  return new ConnectionError(
    message,
    { method: error.method ?? req.method, path, code: error.code, requestSent: error.requestSent },
    { cause: error.cause },
  );
}

// p-retry callbacks that need no per-call state, shared by every call instead of re-created each time.
const ignoreFailedAttempt = (): undefined => undefined;
const alwaysConsumeRetry = (): boolean => true;

/**
 * Base class of the service clients: owns the transport, the auth provider and the request loop (one deadline per
 * call, retries, 401 replay, error mapping, response checks, logging). Subclasses describe operations as
 * {@link OperationSpec}s and send them with {@link ServiceClient.request}.
 */
export abstract class ServiceClient {
  /** Base URL the client sends to: the `endpoint` option, else the service host of the region. */
  readonly endpoint: string;
  /** Default deadline of one call in milliseconds, retries included (option `timeoutMs`, default 60 000). */
  readonly timeoutMs: number;
  /** Default number of retries after the first attempt (option `maxRetries`, default 2). */
  readonly maxRetries: number;
  readonly #service: ServiceDefinition;
  readonly #requestIdHeaders: readonly string[];
  readonly #bodyRequestIdField: string;
  readonly #auth: AuthProvider;
  readonly #authRegion: string | undefined;
  readonly #transport: Transport;
  readonly #ownedAgent: OwnedAgentTransport | undefined;
  readonly #logger: LevelLogger;
  readonly #userAgent: string;
  readonly #strict: boolean;
  /** Origin and path prefix of `endpoint`, parsed once here instead of on every call. */
  readonly #baseOrigin: string;
  readonly #basePath: string;
  #closed = false;

  protected constructor(service: ServiceDefinition, config: ServiceClientConfig) {
    this.#service = service;
    this.#requestIdHeaders = service.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;
    this.#bodyRequestIdField = service.bodyRequestIdField ?? 'request_id';
    this.endpoint = config.endpoint;
    const base = new URL(this.endpoint);
    this.#baseOrigin = base.origin;
    this.#basePath = base.pathname.replace(/\/+$/, '');
    this.#authRegion = config.region;
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = config.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#strict = config.strictResponses ?? false;
    this.#logger = new LevelLogger(config.logger ?? console, resolveLogLevel(config.logLevel, config.env));
    this.#userAgent = `metacollect/${VERSION} node/${process.versions.node}${config.userAgent ? ` ${config.userAgent}` : ''}`;
    this.#auth = config.auth;
    if (config.fetch) {
      this.#transport = new FetchTransport(config.fetch as FetchLike);
      this.#ownedAgent = undefined;
    } else if (config.dispatcher) {
      this.#transport = new UndiciTransport(config.dispatcher);
      this.#ownedAgent = undefined;
    } else {
      // Our deadline (AbortSignal) is the only timeout: undici's own timers are disabled per request too.
      // The Agent (and undici itself) is created on the first request, see OwnedAgentTransport.
      this.#ownedAgent = new OwnedAgentTransport({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 4_000 });
      this.#transport = this.#ownedAgent;
    }
  }

  /** The kind of credential in use (e.g. `token`, `iam-password`, `huawei-aksk`, `acs3`). */
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

  /** The auth provider in use (for subclass hooks such as the Huawei project id). */
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
    return new APIPromise<T>(this.#execute<T>(spec, options));
  }

  async #execute<T>(
    specOrFactory: OperationSpec | SpecFactory,
    options: RequestOptions | undefined,
  ): Promise<WithResponse<T>> {
    // Validation (in the factory) happens before any I/O; its ValidationError rejects the returned promise.
    const made = typeof specOrFactory === 'function' ? specOrFactory() : specOrFactory;
    const spec = made instanceof Promise ? await made : made;
    // No options (the common case) needs no parsing: the schema would accept `{}` and return it unchanged.
    const opts: RequestOptions =
      options === undefined ? {} : parseOptions<RequestOptions>(requestOptionRules, options, 'request options');
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const maxRetries = opts.maxRetries ?? this.maxRetries;
    const query = serialiseQuery(spec.query);
    const userSignal = opts.signal;
    let path = spec.displayPath ?? spec.path + query;
    if (this.#closed) throw new ConfigurationError('the client is closed', { field: 'client' });
    if (userSignal?.aborted) throw new AbortError(userSignal.reason, { method: spec.method, path });

    const started = Date.now();
    // One cancellation per call: the deadline timer and the caller's signal both abort it (see abort.ts).
    const call = new CallAbort();
    const timer = setTimeout(abortCall, timeoutMs, call);
    userSignal?.addEventListener('abort', call);

    try {
      const bodyText =
        spec.encodedBody !== undefined
          ? spec.encodedBody
          : spec.body === undefined
            ? undefined
            : JSON.stringify(spec.body);
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': this.#userAgent,
      };
      if (bodyText !== undefined) {
        headers['content-type'] =
          spec.encodedBody !== undefined ? (spec.contentType ?? this.#service.contentType) : this.#service.contentType;
      }
      const resolved = this.resolvePath(spec, headers, call);
      const realPath = (typeof resolved === 'string' ? resolved : await resolved) + query;
      if (spec.displayPath === undefined) path = realPath;
      const url = new URL(this.#basePath + realPath, this.#baseOrigin);
      if (spec.headers) for (const k in spec.headers) headers[k.toLowerCase()] = spec.headers[k]!;
      if (opts.headers) for (const [k, v] of Object.entries(opts.headers)) headers[k.toLowerCase()] = v;

      // One auth context per call (not per attempt): its fields do not change between attempts.
      const a: AttemptInput = { url, href: url.href, headers, bodyText, call, ctx: this.authContext(call) };
      // The first attempt runs directly; p-retry takes over only once it has failed (most calls never do).
      let firstError: unknown;
      try {
        return await this.#attempt<T>(spec, a, 1);
      } catch (error) {
        firstError = error;
      }
      return await this.#retry<T>(spec, a, firstError, { maxRetries, timeoutMs, started, path });
    } catch (error) {
      if (error instanceof TransportAborted || (call.aborted && !isApiError(error))) {
        throw userSignal?.aborted
          ? new AbortError(userSignal.reason, { method: spec.method, path })
          : new TimeoutError(timeoutMs, { method: spec.method, path });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', call);
    }
  }

  /**
   * The retries after a failed first attempt, with p-retry: the retry table (`retry.ts`), waits within the
   * deadline, and the "already done" rule of {@link OperationSpec.alreadyDoneCodes}.
   */
  async #retry<T>(
    spec: OperationSpec,
    a: AttemptInput,
    firstError: unknown,
    limits: { maxRetries: number; timeoutMs: number; started: number; path: string },
  ): Promise<WithResponse<T>> {
    const { maxRetries, timeoutMs, started, path } = limits;
    let retry = 0;
    const shouldRetry = async (error: unknown): Promise<boolean> => {
      if (!isRetryable(error, spec.idempotent)) return false;
      retry += 1;
      const fromService = this.#service.retryAfter && isApiError(error) ? this.#service.retryAfter(error) : undefined;
      const wait = fromService ?? retryDelay(error, retry);
      const remaining = timeoutMs - (Date.now() - started);
      if (wait >= remaining) return false;
      this.#logger.info(
        `${spec.method} ${path}: retrying in ${wait} ms (retry ${retry}/${maxRetries}) after: ${(error as Error).message}`,
      );
      await sleep(wait, a.call);
      return true;
    };
    if (maxRetries === 0 || !(await shouldRetry(firstError))) throw firstError;

    const alreadyDone = spec.alreadyDoneCodes?.map((c) => c.toUpperCase());
    let outcomeUnknown = isOutcomeUnknown(firstError);
    const run =
      alreadyDone === undefined || alreadyDone.length === 0
        ? (attempt: number) => this.#attempt<T>(spec, a, attempt)
        : async (attempt: number): Promise<WithResponse<T>> => {
            try {
              return await this.#attempt<T>(spec, a, attempt);
            } catch (error) {
              // "Already done": only on a retry after an attempt that may have been processed.
              if (outcomeUnknown && isApiError(error) && alreadyDone.includes(error.errorCode?.toUpperCase() ?? '')) {
                this.#logger.info(
                  `${spec.method} ${path}: ${error.errorCode} on a retry after an attempt of unknown outcome: taken as done`,
                );
                return {
                  data: (spec.alreadyDoneResult ? spec.alreadyDoneResult(error) : undefined) as T,
                  status: error.status,
                  headers: error.headers,
                  requestId: error.requestId,
                };
              }
              if (isOutcomeUnknown(error)) outcomeUnknown = true;
              throw error;
            }
          };
    return await pRetry((n: number) => run(n + 1), {
      // p-retry's defaults are not ours: no own delay (we wait in shouldRetry), no randomisation, no time budget
      // (the deadline bounds the call), no signal (aborts are mapped by us). The first attempt already ran.
      retries: maxRetries - 1,
      factor: 2,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      maxRetryTime: Number.POSITIVE_INFINITY,
      unref: false,
      onFailedAttempt: ignoreFailedAttempt,
      shouldConsumeRetry: alwaysConsumeRetry,
      shouldRetry: ({ error }) => shouldRetry(error),
    });
  }

  #requestId(headers: Record<string, string>): string | undefined {
    for (const name of this.#requestIdHeaders) {
      const v = headers[name];
      if (v) return v;
    }
    return undefined;
  }

  async #attempt<T>(spec: OperationSpec, a: AttemptInput, attempt: number): Promise<WithResponse<T>> {
    const debug = this.#logger.enabled('debug');
    let replayed = false;
    for (;;) {
      // The first send uses the call's URL; a retry or replay gets a fresh copy, in case a provider changed it.
      const url = attempt === 1 && !replayed ? a.url : new URL(a.href);
      const req: OutgoingRequest = { method: spec.method, url, headers: { ...a.headers } };
      if (a.bodyText !== undefined) req.body = a.bodyText;
      const t0 = debug ? Date.now() : 0;
      let raw: RawResponse;
      try {
        await this.#auth.apply(req, a.ctx);
        raw = await this.#transport.send(req, a.call);
      } catch (error) {
        if (error instanceof TransportAborted) throw error;
        const path = shownPath(spec, url);
        const safe =
          spec.displayPath !== undefined && isConnectionError(error) ? withDisplayPath(error, req, path) : error;
        if (debug) {
          this.#logger.debug(
            `${spec.method} ${path} → ${isMetacollectError(safe) ? safe.name : 'error'} in ${Date.now() - t0} ms (attempt ${attempt})`,
          );
        }
        throw safe;
      }
      // The line is only built when debug logging is on (it is skipped on every call otherwise).
      if (debug) {
        const requestId = this.#requestId(raw.headers);
        this.#logger.debug(
          `${spec.method} ${shownPath(spec, url)} → ${raw.status} in ${Date.now() - t0} ms (attempt ${attempt}${replayed ? ', replay' : ''}${requestId ? `, request id ${requestId}` : ''})`,
        );
      }
      if (raw.status >= 200 && raw.status < 300) return this.#success<T>(spec, raw, url);
      if (raw.status === 401 && !replayed && this.#auth.onUnauthorized) {
        let code: string | undefined;
        try {
          code = parseErrorBody(JSON.parse(raw.body)).errorCode;
        } catch {
          code = undefined;
        }
        if (this.#auth.onUnauthorized(code, req)) {
          replayed = true;
          continue;
        }
      }
      const init = {
        method: spec.method,
        path: shownPath(spec, url),
        status: raw.status,
        headers: raw.headers,
        body: raw.body,
      };
      throw this.#service.createError ? this.#service.createError(init) : createApiError(init);
    }
  }

  #success<T>(spec: OperationSpec, raw: RawResponse, url: URL): WithResponse<T> {
    let data: unknown;
    let bodyRequestId: string | undefined;
    const headerRequestId = this.#requestId(raw.headers);
    if (!spec.emptyResponse && raw.body.trim() !== '') {
      try {
        data = JSON.parse(raw.body);
      } catch (error) {
        throw new ResponseValidationError(
          {
            method: spec.method,
            path: shownPath(spec, url),
            status: raw.status,
            requestId: headerRequestId,
            issues: [{ path: '', message: 'response body is not JSON' }],
          },
          { cause: error },
        );
      }
      if (typeof data === 'object' && data !== null) {
        const v = (data as Record<string, unknown>)[this.#bodyRequestIdField];
        if (typeof v === 'string') bodyRequestId = v;
      }
    }
    const requestId = headerRequestId || bodyRequestId;
    if (spec.responseSchema && (data !== undefined || (spec.checkEmptyResponse && !spec.emptyResponse))) {
      const issues = checkResponse(spec.responseSchema, data);
      if (issues.length > 0) {
        const err = new ResponseValidationError({
          method: spec.method,
          path: shownPath(spec, url),
          status: raw.status,
          requestId,
          issues,
        });
        if (this.#strict) throw err;
        this.#logger.warn(err.message);
      }
    }
    return { data: data as T, status: raw.status, headers: raw.headers, requestId };
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

/** Base class of the Huawei service clients: the common options plus the project id. */
export abstract class HuaweiServiceClient<TAuth = unknown> extends ServiceClient {
  /** The `region` option, if given. */
  readonly region: string | undefined;
  readonly #configuredProjectId: string | undefined;
  #projectId: Promise<string> | undefined;

  protected constructor(service: ServiceDefinition, options: CoreOptions<TAuth> | undefined) {
    const opts = parseOptions<BaseClientOptions<TAuth>>(baseOptionRules, options, `${service.name} client options`);
    const env: Env = options?.env ?? process.env;
    const endpoint = resolveEndpoint(service.hostTemplate, opts.region, opts.endpoint);
    let auth: AuthProvider;
    try {
      auth = resolveHuaweiAuth(opts.auth as Parameters<typeof resolveHuaweiAuth>[0], env);
    } catch (error) {
      if (isMetacollectError(error)) throw error;
      throw new ConfigurationError(`Invalid auth: ${(error as Error).message}`, { field: 'auth', cause: error });
    }
    super(service, { ...opts, endpoint, auth, env });
    this.region = opts.region;
    this.#configuredProjectId = opts.projectId;
  }

  /** Resolves the project id (configured, else from the credential). */
  async getProjectId(options?: { signal?: AbortSignal }): Promise<string> {
    if (this.#configuredProjectId) return this.#configuredProjectId;
    const signal = options?.signal ?? AbortSignal.timeout(this.timeoutMs);
    return this.#resolveProjectId(signal);
  }

  #resolveProjectId(signal: AbortLike): Promise<string> {
    if (this.#configuredProjectId) return Promise.resolve(this.#configuredProjectId);
    if (!this.#projectId) {
      const ctx = this.authContext(signal);
      const pending = (async () => {
        const id = await this.authProvider.resolveProjectId?.(ctx);
        if (!id) {
          throw new ConfigurationError(
            'projectId is required: pass `projectId`, set HUAWEICLOUD_SDK_PROJECT_ID, or use a project-scoped credential',
            { field: 'projectId' },
          );
        }
        return id;
      })();
      this.#projectId = pending;
      pending.catch(() => {
        if (this.#projectId === pending) this.#projectId = undefined;
      });
    }
    return this.#projectId;
  }

  /** Fills `{project_id}` and, with AK/SK, sends the project id as `X-Project-Id`. */
  protected override resolvePath(
    spec: OperationSpec,
    headers: Record<string, string>,
    signal: AbortLike,
  ): string | Promise<string> {
    // A configured project id is used as is, without a detour through a promise.
    const configured = this.#configuredProjectId;
    if (configured) return this.#withProject(spec.path, headers, configured);
    return this.#resolveProjectId(signal).then((id) => this.#withProject(spec.path, headers, id));
  }

  #withProject(path: string, headers: Record<string, string>, projectId: string): string {
    if (this.authProvider.kind === 'huawei-aksk') headers['x-project-id'] = projectId;
    return path.replace('{project_id}', encodeURIComponent(projectId));
  }

  protected override describe(): Record<string, unknown> {
    return this.describeWith({ region: this.region, projectId: this.#configuredProjectId });
  }
}
