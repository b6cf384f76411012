/**
 * The shared core of the Huawei service clients (DSC, DataArts Catalog): configuration, transport, auth,
 * one deadline per call, retries (see `retry.ts` for the table), error mapping, response checks and logging.
 */
import { inspect } from 'node:util';
import pRetry from 'p-retry';
import type { z } from 'zod';
import { APIPromise, type WithResponse } from './api-promise.js';
import { resolveHuaweiAuth } from './auth/index.js';
import type { AuthContext, AuthProvider, OutgoingRequest, RawResponse } from './auth/types.js';
import {
  type BaseClientOptions,
  baseOptionsSchema,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  parseOptions,
  type RequestOptions,
  requestOptionsSchema,
  resolveEndpoint,
} from './config.js';
import {
  AbortError,
  ConfigurationError,
  createApiError,
  isApiError,
  isMetacollectError,
  parseErrorBody,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
import { LevelLogger, resolveLogLevel } from './logger.js';
import { isRetryable, retryDelay } from './retry.js';
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
  /** Path with `{project_id}` placeholder; other segments already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body; `undefined` sends no body. */
  body?: unknown;
  /** Whether the operation may be repeated safely (see the retry table). */
  idempotent: boolean;
  /** Loose check of the response body. */
  responseSchema?: z.ZodType;
  /** The operation answers with no body: resolve to undefined whatever comes back. */
  emptyResponse?: boolean;
  headers?: Record<string, string>;
}

export interface ServiceDefinition {
  /** Short service name for messages, e.g. `dsc`. */
  name: string;
  /** e.g. `https://sdg.{region}.myhuaweicloud.com` */
  hostTemplate: string;
  /** Content-Type sent with JSON bodies. */
  contentType: string;
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TransportAborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransportAborted());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// p-retry callbacks that need no per-call state, shared by every call instead of re-created each time.
const ignoreFailedAttempt = (): undefined => undefined;
const alwaysConsumeRetry = (): boolean => true;

/** Base class of the Huawei service clients. */
export abstract class HuaweiServiceClient<TAuth = unknown> {
  /** Base URL the client sends to: the `endpoint` option, else the service host of `region`. */
  readonly endpoint: string;
  /** The `region` option, if given. */
  readonly region: string | undefined;
  /** Default deadline of one call in milliseconds, retries included (option `timeoutMs`, default 60 000). */
  readonly timeoutMs: number;
  /** Default number of retries after the first attempt (option `maxRetries`, default 2). */
  readonly maxRetries: number;
  readonly #service: ServiceDefinition;
  readonly #auth: AuthProvider;
  readonly #transport: Transport;
  readonly #ownedAgent: OwnedAgentTransport | undefined;
  readonly #logger: LevelLogger;
  readonly #userAgent: string;
  readonly #strict: boolean;
  readonly #configuredProjectId: string | undefined;
  /** Origin and path prefix of `endpoint`, parsed once here instead of on every call. */
  readonly #baseOrigin: string;
  readonly #basePath: string;
  #projectId: Promise<string> | undefined;
  #closed = false;

  protected constructor(service: ServiceDefinition, options: CoreOptions<TAuth> | undefined) {
    const opts = parseOptions(baseOptionsSchema, options, `${service.name} client options`);
    const env: Env = options?.env ?? process.env;
    this.#service = service;
    this.endpoint = resolveEndpoint(service.hostTemplate, opts.region, opts.endpoint);
    const base = new URL(this.endpoint);
    this.#baseOrigin = base.origin;
    this.#basePath = base.pathname.replace(/\/+$/, '');
    this.region = opts.region;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#configuredProjectId = opts.projectId;
    this.#strict = opts.strictResponses ?? false;
    this.#logger = new LevelLogger(opts.logger ?? console, resolveLogLevel(opts.logLevel, env));
    this.#userAgent = `metacollect/${VERSION} node/${process.versions.node}${opts.userAgent ? ` ${opts.userAgent}` : ''}`;
    try {
      this.#auth = resolveHuaweiAuth(opts.auth as Parameters<typeof resolveHuaweiAuth>[0], env);
    } catch (error) {
      if (isMetacollectError(error)) throw error;
      throw new ConfigurationError(`Invalid auth: ${(error as Error).message}`, { field: 'auth', cause: error });
    }
    if (opts.fetch) {
      this.#transport = new FetchTransport(opts.fetch as FetchLike);
      this.#ownedAgent = undefined;
    } else if (opts.dispatcher) {
      this.#transport = new UndiciTransport(opts.dispatcher);
      this.#ownedAgent = undefined;
    } else {
      // Our deadline (AbortSignal) is the only timeout: undici's own timers are disabled per request too.
      // The Agent (and undici itself) is created on the first request, see OwnedAgentTransport.
      this.#ownedAgent = new OwnedAgentTransport({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 4_000 });
      this.#transport = this.#ownedAgent;
    }
  }

  /** The kind of credential in use (`token`, `iam-password`, `huawei-aksk`). */
  get authKind(): string {
    return this.#auth.kind;
  }

  /** Releases the sockets of the Agent the client created (a caller-supplied dispatcher is left open). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ownedAgent?.close();
  }

  /** Resolves the project id (configured, else from the credential). */
  async getProjectId(options?: { signal?: AbortSignal }): Promise<string> {
    if (this.#configuredProjectId) return this.#configuredProjectId;
    const signal = options?.signal ?? AbortSignal.timeout(this.timeoutMs);
    return this.#resolveProjectId(signal);
  }

  #resolveProjectId(signal: AbortSignal): Promise<string> {
    if (this.#configuredProjectId) return Promise.resolve(this.#configuredProjectId);
    if (!this.#projectId) {
      const ctx = this.#authContext(signal);
      const pending = (async () => {
        const id = await this.#auth.resolveProjectId?.(ctx);
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

  #authContext(signal: AbortSignal): AuthContext {
    const ctx: AuthContext = {
      send: (req: OutgoingRequest, opts: { signal?: AbortSignal }): Promise<RawResponse> =>
        this.#transport.send(req, opts.signal ?? signal),
      signal,
      now: () => Date.now(),
    };
    if (this.region) ctx.region = this.region;
    return ctx;
  }

  protected get logger(): LevelLogger {
    return this.#logger;
  }

  /** Sends an operation; resolves to the typed body (`.withResponse()` for status, headers, request id). */
  protected request<T>(spec: OperationSpec | (() => OperationSpec), options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.#execute<T>(spec, options));
  }

  async #execute<T>(
    specOrFactory: OperationSpec | (() => OperationSpec),
    options: RequestOptions | undefined,
  ): Promise<WithResponse<T>> {
    // Validation (in the factory) happens before any I/O; its ValidationError rejects the returned promise.
    const spec = typeof specOrFactory === 'function' ? specOrFactory() : specOrFactory;
    // No options (the common case) needs no parsing: the schema would accept `{}` and return it unchanged.
    const opts = options === undefined ? {} : (parseOptions(requestOptionsSchema, options, 'request options') ?? {});
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const maxRetries = opts.maxRetries ?? this.maxRetries;
    const displayPath = spec.path + serialiseQuery(spec.query);
    const userSignal = opts.signal;
    if (this.#closed) throw new ConfigurationError('the client is closed', { field: 'client' });
    if (userSignal?.aborted) throw new AbortError(userSignal.reason, { method: spec.method, path: displayPath });

    const started = Date.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = userSignal ? AbortSignal.any([userSignal, deadline.signal]) : deadline.signal;
    let path = displayPath;
    const mapAbort = () =>
      userSignal?.aborted
        ? new AbortError(userSignal.reason, { method: spec.method, path })
        : new TimeoutError(timeoutMs, { method: spec.method, path });

    try {
      // A configured project id is used as is, without a detour through a promise.
      const projectId = this.#configuredProjectId || (await this.#resolveProjectId(signal));
      path = spec.path.replace('{project_id}', encodeURIComponent(projectId)) + serialiseQuery(spec.query);
      const url = new URL(this.#basePath + path, this.#baseOrigin);
      const bodyText = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      const headers: Record<string, string> = {
        accept: 'application/json',
        'user-agent': this.#userAgent,
      };
      if (bodyText !== undefined) headers['content-type'] = this.#service.contentType;
      if (this.#auth.kind === 'huawei-aksk') headers['x-project-id'] = projectId;
      if (spec.headers) for (const [k, v] of Object.entries(spec.headers)) headers[k.toLowerCase()] = v;
      if (opts.headers) for (const [k, v] of Object.entries(opts.headers)) headers[k.toLowerCase()] = v;

      let retry = 0;
      // One auth context per call (not per attempt): its fields do not change between attempts.
      const ctx = this.#authContext(signal);
      return await pRetry((attempt) => this.#attempt<T>(spec, { url, headers, bodyText, signal, ctx, attempt }), {
        // p-retry's defaults are not ours: no own delay (we wait in shouldRetry), no randomisation, no time budget
        // (the deadline signal bounds the call), no signal (aborts are mapped by us).
        retries: maxRetries,
        factor: 2,
        minTimeout: 0,
        maxTimeout: 0,
        randomize: false,
        maxRetryTime: Number.POSITIVE_INFINITY,
        unref: false,
        onFailedAttempt: ignoreFailedAttempt,
        shouldConsumeRetry: alwaysConsumeRetry,
        shouldRetry: async ({ error }) => {
          if (!isRetryable(error, spec.idempotent)) return false;
          retry += 1;
          const wait = retryDelay(error, retry);
          const remaining = timeoutMs - (Date.now() - started);
          if (wait >= remaining) return false;
          this.#logger.info(
            `${spec.method} ${path}: retrying in ${wait} ms (retry ${retry}/${maxRetries}) after: ${(error as Error).message}`,
          );
          await sleep(wait, signal);
          return true;
        },
      });
    } catch (error) {
      if (error instanceof TransportAborted || (signal.aborted && !isApiError(error))) throw mapAbort();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #attempt<T>(
    spec: OperationSpec,
    a: {
      url: URL;
      headers: Record<string, string>;
      bodyText: string | undefined;
      signal: AbortSignal;
      ctx: AuthContext;
      attempt: number;
    },
  ): Promise<WithResponse<T>> {
    const path = a.url.pathname + a.url.search;
    let replayed = false;
    for (;;) {
      const req: OutgoingRequest = { method: spec.method, url: new URL(a.url), headers: { ...a.headers } };
      if (a.bodyText !== undefined) req.body = a.bodyText;
      const t0 = Date.now();
      let raw: RawResponse;
      try {
        await this.#auth.apply(req, a.ctx);
        raw = await this.#transport.send(req, a.signal);
      } catch (error) {
        if (!(error instanceof TransportAborted)) {
          this.#logger.debug(
            `${spec.method} ${path} → ${isMetacollectError(error) ? error.name : 'error'} in ${Date.now() - t0} ms (attempt ${a.attempt})`,
          );
        }
        throw error;
      }
      // The line is only built when debug logging is on (it is skipped on every call otherwise).
      if (this.#logger.enabled('debug')) {
        const requestId = raw.headers['x-request-id'] || raw.headers['x-acs-request-id'] || undefined;
        this.#logger.debug(
          `${spec.method} ${path} → ${raw.status} in ${Date.now() - t0} ms (attempt ${a.attempt}${replayed ? ', replay' : ''}${requestId ? `, request id ${requestId}` : ''})`,
        );
      }
      if (raw.status >= 200 && raw.status < 300) return this.#success<T>(spec, raw, path);
      if (raw.status === 401 && !replayed && this.#auth.onUnauthorized) {
        let code: string | undefined;
        try {
          code = parseErrorBody(JSON.parse(raw.body)).errorCode;
        } catch {
          code = undefined;
        }
        if (this.#auth.onUnauthorized(code)) {
          replayed = true;
          continue;
        }
      }
      throw createApiError({ method: spec.method, path, status: raw.status, headers: raw.headers, body: raw.body });
    }
  }

  #success<T>(spec: OperationSpec, raw: RawResponse, path: string): WithResponse<T> {
    let data: unknown;
    let bodyRequestId: string | undefined;
    if (!spec.emptyResponse && raw.body.trim() !== '') {
      try {
        data = JSON.parse(raw.body);
      } catch (error) {
        throw new ResponseValidationError(
          {
            method: spec.method,
            path,
            status: raw.status,
            requestId: raw.headers['x-request-id'],
            issues: [{ path: '', message: 'response body is not JSON' }],
          },
          { cause: error },
        );
      }
      if (
        typeof data === 'object' &&
        data !== null &&
        typeof (data as { request_id?: unknown }).request_id === 'string'
      ) {
        bodyRequestId = (data as { request_id: string }).request_id;
      }
    }
    const requestId = raw.headers['x-request-id'] || raw.headers['x-acs-request-id'] || bodyRequestId;
    if (spec.responseSchema && data !== undefined) {
      const issues = checkResponse(spec.responseSchema, data);
      if (issues.length > 0) {
        const err = new ResponseValidationError({ method: spec.method, path, status: raw.status, requestId, issues });
        if (this.#strict) throw err;
        this.#logger.warn(err.message);
      }
    }
    return { data: data as T, status: raw.status, headers: raw.headers, requestId };
  }

  /** What `util.inspect(client)` shows: configuration only, never credentials. */
  protected describe(): Record<string, unknown> {
    return {
      endpoint: this.endpoint,
      region: this.region,
      projectId: this.#configuredProjectId,
      auth: this.#auth.kind,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
      strictResponses: this.#strict,
      logLevel: this.#logger.level,
    };
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
