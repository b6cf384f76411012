/**
 * What a service client tells the core: its {@link ServiceDefinition} once, and an {@link OperationSpec} per call.
 * Everything vendor- or service-specific the core acts on (hosts, request-id headers, not-found and throttling
 * codes, retry hints) comes from these.
 */
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { Env } from './auth/resolve.js';
import type { AuthProvider } from './auth/types.js';
import type { BaseClientOptions } from './config.js';
import type { ApiError } from './errors.js';
import type { Logger, LogLevel } from './logger.js';
import type { CreateLookup } from './reconcile.js';

export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** One API operation, as the service clients describe it to the core. */
export interface OperationSpec {
  /** Operation name, used in logs and validation errors. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path (placeholders such as `{project_id}` are filled by the client's `resolvePath`); segments encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body; `undefined` sends no body. Ignored when `encodedBody` is given. */
  body?: unknown;
  /** A body already encoded by the service client (e.g. a form), sent as is with `contentType`; wins over `body`. */
  encodedBody?: string;
  /** Content-Type of `encodedBody` (default the service's content type). */
  contentType?: string;
  /**
   * What messages, logs, `ApiError.path` and `ConnectionError.path` show instead of the real path and query (for a
   * query that can hold a secret). Default: the real path and query.
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
  /**
   * The value the call resolves to when an "already done" answer is taken as success (default `undefined`); may
   * look it up (e.g. the run an earlier attempt started).
   */
  alreadyDoneResult?: (error: ApiError) => unknown;
  /**
   * How to find the object a create made, when an attempt's outcome is unknown: the loop looks it up before it
   * sends the create again, and after the last attempt (see `reconcile.ts`).
   */
  lookup?: CreateLookup;
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

/** What the core needs to know about a service: host, content type, and how it names request ids and errors. */
export interface ServiceDefinition {
  /** Service name for messages and option errors. */
  name: string;
  /** Host with a `{region}` placeholder, e.g. `https://service.{region}.example.com`. */
  hostTemplate: string;
  /** Content-Type sent with JSON bodies. */
  contentType: string;
  /** Response headers carrying the request id (lowercase), first match wins. */
  requestIdHeaders: readonly string[];
  /** Field of a JSON body carrying the request id when no header does. */
  bodyRequestIdField: string;
  /** Error codes meaning "not found" whatever the status (upper case): they reject with `NotFoundError`. */
  notFoundCodes?: ReadonlySet<string>;
  /** Error codes meaning "throttled" whatever the status (upper case): `RateLimitError`, retried. */
  throttlingCodes?: ReadonlySet<string>;
  /**
   * Error codes meaning "the credential was refused" whatever the status (upper case): `AuthenticationError`. An
   * entry ending in `.` matches every code it starts (e.g. `INVALIDACCESSKEYID.`).
   */
  authenticationCodes?: ReadonlySet<string>;
  /** The regions the service is published in; another region is refused at construction (absent: any). */
  regions?: readonly string[];
  /** The service's own retry delay of an error in ms (e.g. from a vendor header), before the core's. */
  retryAfter?: (error: ApiError) => number | undefined;
}

export interface CoreOptions<TAuth> extends BaseClientOptions<TAuth> {
  /** Environment used for credentials and `METACOLLECT_LOG` (default `process.env`). */
  env?: Env;
}

/** The resolved configuration a `ServiceClient` is built from (options already checked). */
export interface ServiceClientConfig {
  /** Base URL, already resolved. */
  endpoint: string;
  /** Region given to the auth provider (`AuthContext.region`). */
  region?: string | undefined;
  /** Default deadline of one call in ms (default 60 000). */
  timeoutMs?: number | undefined;
  /** Default number of retries (default 2). */
  maxRetries?: number | undefined;
  /** Default limit of one attempt in ms (default 20 000). */
  attemptTimeoutMs?: number | undefined;
  /** Look creates up after an attempt of unknown outcome (default true). */
  reconcile?: boolean | undefined;
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
