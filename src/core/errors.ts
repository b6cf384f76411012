/**
 * Error hierarchy of the metacollect SDK.
 *
 * ```
 * MetacollectError
 * ├── ConfigurationError          invalid client options (names the field)
 * ├── ValidationError             request rejected before any I/O (issues: { path, message }[])
 * ├── ResponseValidationError     a documented response field has the wrong type (strictResponses)
 * ├── ConnectionError             DNS / connect / reset / TLS failures (no HTTP status)
 * ├── TimeoutError                the call's deadline (timeoutMs) passed
 * ├── AbortError                  the caller's AbortSignal fired (`cause` = the signal's reason)
 * ├── ApiError                    the service answered with an error status
 * │   ├── BadRequestError         400
 * │   ├── AuthenticationError     401
 * │   ├── PermissionDeniedError   403
 * │   ├── NotFoundError           404, or a not-found code of the service whatever the status
 * │   ├── ConflictError           409
 * │   ├── RateLimitError          429, or a throttling code of the service whatever the status
 * │   └── ServerError             5xx
 * ├── RunFailedError              a waited-for run ended in failure (carries the instance)
 * └── WaiterTimeoutError          a waiter gave up before the run ended
 * ```
 *
 * Every error is branded with `Symbol.for('metacollect.error.kinds')`, so the type guards (`isApiError`, …) and
 * `instanceof` work across duplicated copies of the package (ESM + CJS in one process, nested node_modules); the
 * guards are in `guards.ts`.
 *
 * No error keeps request headers; response headers and bodies are redacted when serialised
 * (`JSON.stringify`, `util.inspect`), so credentials never appear in logs.
 */
import { inspect } from 'node:util';
import { formatIssues } from './format.js';
import { redactHeaders, redactValue } from './redact.js';
import { jsonOrText, parseErrorBody, parseRetryAfter, requestIdFrom } from './response-fields.js';

const KINDS = Symbol.for('metacollect.error.kinds');

type Ctor = { kind?: string } & (abstract new (...args: never[]) => unknown);

function kindsOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kinds = (value as Record<symbol, unknown>)[KINDS];
  return Array.isArray(kinds) ? (kinds as string[]) : undefined;
}

export function hasKind(value: unknown, kind: string): boolean {
  return kindsOf(value)?.includes(kind) ?? false;
}

/**
 * Options accepted by every error constructor.
 * @inline
 */
export interface MetacollectErrorOptions {
  /** The underlying error or reason, exposed as the standard `Error.cause`. */
  cause?: unknown;
}

/** Base class of every error the SDK throws. */
export class MetacollectError extends Error {
  /** Brand name recorded on instances; `instanceof` and the `is…Error` guards compare it, not the prototype chain. */
  static readonly kind: string = 'MetacollectError';

  /** Creates the error and brands it with the kinds of its class chain. */
  constructor(message: string, options?: MetacollectErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    let c: unknown = new.target;
    while (typeof c === 'function' && c !== Error) {
      if (Object.hasOwn(c, 'kind')) kinds.push((c as Ctor).kind as string);
      c = Object.getPrototypeOf(c);
    }
    Object.defineProperty(this, KINDS, { value: kinds, enumerable: false });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true });
  }

  /** `instanceof` works across copies of the package: it checks the brand, not the prototype chain. */
  static override [Symbol.hasInstance](instance: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being tested against.
    return hasKind(instance, (this as Ctor).kind ?? 'MetacollectError');
  }

  /** Serialisable view without secrets. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [k, v] of Object.entries(this)) out[k] = k === 'headers' ? redactHeaders(v as never) : redactValue(v);
    if (this.cause !== undefined) out['cause'] = describeCause(this.cause);
    return out;
  }

  /** `util.inspect` view: the stack followed by the redacted fields of {@link MetacollectError.toJSON}. */
  [inspect.custom](_depth: number, options: object, inspectFn: typeof inspect = inspect): string {
    const { name: _n, message: _m, ...rest } = this.toJSON();
    const stack = this.stack ?? `${this.name}: ${this.message}`;
    return Object.keys(rest).length > 0 ? `${stack} ${inspectFn(rest, { ...options, depth: 4 })}` : stack;
  }
}

function describeCause(cause: unknown): unknown {
  if (cause instanceof Error) {
    const c = cause as Error & { code?: unknown };
    return { name: c.name, message: c.message, ...(c.code !== undefined ? { code: c.code } : {}) };
  }
  return redactValue(cause);
}

/** Invalid client options; `field` names the offending option (e.g. `region`). */
export class ConfigurationError extends MetacollectError {
  static override readonly kind: string = 'ConfigurationError';
  /** Name of the offending option (e.g. `region`), when known. */
  readonly field: string | undefined;
  /** Creates the error; `options.field` names the offending option. */
  constructor(message: string, options?: MetacollectErrorOptions & { field?: string }) {
    super(message, options);
    this.field = options?.field;
  }
}

/** One problem found by schema validation. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `data_sources[0].db_type`; `''` for the whole value. */
  path: string;
  /** What was expected, in words (e.g. `expected a string of 1–1024 characters`). */
  message: string;
}

/** The request failed client-side validation; nothing was sent. */
export class ValidationError extends MetacollectError {
  static override readonly kind: string = 'ValidationError';
  /** Every problem found, in schema order. */
  readonly issues: ValidationIssue[];
  /** Operation whose request was rejected (e.g. `CreateTaskTemplates`), when known. */
  readonly operation: string | undefined;
  /** Creates the error; the message lists every issue as `path: message`. */
  constructor(issues: ValidationIssue[], options?: MetacollectErrorOptions & { operation?: string }) {
    super(`Invalid ${options?.operation ? `${options.operation} ` : ''}request: ${formatIssues(issues)}`, options);
    this.issues = issues;
    this.operation = options?.operation;
  }
}

/**
 * The request an error refers to.
 * @inline
 */
export interface RequestInfo {
  /** HTTP method, upper case. */
  method: string;
  /** Path (and query) of the request, without the origin. */
  path: string;
}

/** A documented response field had the wrong type (thrown with `strictResponses: true`, else logged). */
export class ResponseValidationError extends MetacollectError {
  static override readonly kind: string = 'ResponseValidationError';
  /** Every mismatch between the response body and its schema. */
  readonly issues: ValidationIssue[];
  /** HTTP status of the response. */
  readonly status: number;
  /** Request id the service returned (header or body), when present. */
  readonly requestId: string | undefined;
  /** HTTP method of the request. */
  readonly method: string;
  /** Path (and query) of the request, without the origin. */
  readonly path: string;
  /** Creates the error from the request, the response status and the issues found. */
  constructor(
    init: RequestInfo & { issues: ValidationIssue[]; status: number; requestId?: string | undefined },
    options?: MetacollectErrorOptions,
  ) {
    super(
      `${init.method} ${init.path} → ${init.status}: unexpected response: ${formatIssues(init.issues)}${requestIdSuffix(init.requestId)}`,
      options,
    );
    this.issues = init.issues;
    this.status = init.status;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
  }
}

/**
 * A network-level failure: DNS, connection refused, reset, TLS.
 * `requestSent` is false when the failure happened before any byte of the request could reach the server
 * (DNS failure, connection refused), which is what makes a non-idempotent retry safe.
 */
export class ConnectionError extends MetacollectError {
  static override readonly kind: string = 'ConnectionError';
  /** HTTP method of the request, when known. */
  readonly method: string | undefined;
  /** Path (and query) of the request, when known. */
  readonly path: string | undefined;
  /** System error code of the failure (e.g. `ECONNREFUSED`, `ENOTFOUND`), when known. */
  readonly code: string | undefined;
  /**
   * Whether any part of the request may have reached the server; `false` makes a retry of a non-idempotent call safe.
   */
  readonly requestSent: boolean;
  /** Creates the error; `init.requestSent` defaults to `true` (the safe assumption). */
  constructor(
    message: string,
    init: Partial<RequestInfo> & { code?: string | undefined; requestSent?: boolean } = {},
    options?: MetacollectErrorOptions,
  ) {
    super(message, options);
    this.method = init.method;
    this.path = init.path;
    this.code = init.code;
    this.requestSent = init.requestSent ?? true;
  }
}

/** The call's deadline passed (all attempts and waits included). */
export class TimeoutError extends MetacollectError {
  static override readonly kind: string = 'TimeoutError';
  /** The deadline that passed, in milliseconds. */
  readonly timeoutMs: number;
  /** HTTP method of the request, when known. */
  readonly method: string | undefined;
  /** Path (and query) of the request, when known. */
  readonly path: string | undefined;
  /** Creates the error for a deadline of `timeoutMs` milliseconds. */
  constructor(timeoutMs: number, init: Partial<RequestInfo> = {}, options?: MetacollectErrorOptions) {
    super(`${init.method && init.path ? `${init.method} ${init.path}: ` : ''}timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
    this.method = init.method;
    this.path = init.path;
  }
}

/** The caller aborted the call; `cause` is the signal's reason. */
export class AbortError extends MetacollectError {
  static override readonly kind: string = 'AbortError';
  /** HTTP method of the request, when known. */
  readonly method: string | undefined;
  /** Path (and query) of the request, when known. */
  readonly path: string | undefined;
  /** Creates the error; `reason` (the signal's reason) becomes `cause`. */
  constructor(reason: unknown, init: Partial<RequestInfo> = {}) {
    super(`${init.method && init.path ? `${init.method} ${init.path}: ` : ''}request aborted`, { cause: reason });
    this.method = init.method;
    this.path = init.path;
  }
}

/** Fields an {@link ApiError} is built from. */
export interface ApiErrorInit extends RequestInfo {
  /** HTTP status of the response. */
  status: number;
  /** Service error code from the body (e.g. `Crawler.NotFound`). */
  errorCode?: string | undefined;
  /** Service error message from the body. */
  errorMessage?: string | undefined;
  /** Request id from the `X-Request-Id` header or the body. */
  requestId?: string | undefined;
  /** Response headers (lowercase names). */
  headers?: Record<string, string>;
  /** Parsed response body (JSON) or the raw text. */
  body?: unknown;
}

function requestIdSuffix(requestId: string | undefined): string {
  return requestId ? ` (request id ${requestId})` : '';
}

/** The service answered with a non-success status. */
export class ApiError extends MetacollectError {
  static override readonly kind: string = 'ApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** Service error code from the body (e.g. `Crawler.NotFound`), when present. */
  readonly errorCode: string | undefined;
  /** Service error message from the body (or the start of a non-JSON body), when present. */
  readonly errorMessage: string | undefined;
  /** Request id from the `X-Request-Id` header or the body; quote it to the vendor's support. */
  readonly requestId: string | undefined;
  /** Response headers (lowercase names), with credential-bearing values redacted. */
  readonly headers: Record<string, string>;
  /** Parsed response body (JSON) or the raw text, with secret-looking fields redacted. */
  readonly body: unknown;
  /** HTTP method of the request. */
  readonly method: string;
  /** Path (and query) of the request, without the origin. */
  readonly path: string;

  /** Creates the error; the message is `METHOD path → status code: message (request id …)`. */
  constructor(init: ApiErrorInit, options?: MetacollectErrorOptions) {
    const what = [init.errorCode, init.errorMessage].filter(Boolean).join(': ');
    super(
      `${init.method} ${init.path} → ${init.status}${what ? ` ${what}` : ''}${requestIdSuffix(init.requestId)}`,
      options,
    );
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMessage = init.errorMessage;
    this.requestId = init.requestId;
    this.headers = redactHeaders(init.headers);
    this.body = redactValue(init.body);
    this.method = init.method;
    this.path = init.path;
  }
}

// The ApiError subclasses: which one an answer gets is decided by `createApiError` below.
/** The service answered 400: the request was malformed or broke a rule the server checks. */
export class BadRequestError extends ApiError {
  static override readonly kind: string = 'BadRequestError';
}
/**
 * The credentials are missing, wrong or expired: HTTP 401, or one of the service's authentication codes whatever the
 * status (e.g. DataWorks `InvalidAccessKeyId.NotFound`, sent with 404; `status` stays as sent).
 */
export class AuthenticationError extends ApiError {
  static override readonly kind: string = 'AuthenticationError';
}
/** The service answered 403: the caller is authenticated but not allowed to do this. */
export class PermissionDeniedError extends ApiError {
  static override readonly kind: string = 'PermissionDeniedError';
}
/** The resource does not exist: HTTP 404, or one of the service's not-found codes (then `status` stays as sent). */
export class NotFoundError extends ApiError {
  static override readonly kind: string = 'NotFoundError';
}
/** The service answered 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  static override readonly kind: string = 'ConflictError';
}
/** The service answered 5xx. */
export class ServerError extends ApiError {
  static override readonly kind: string = 'ServerError';
}
/** The call was throttled: HTTP 429, or one of the service's throttling codes whatever the status. */
export class RateLimitError extends ApiError {
  static override readonly kind: string = 'RateLimitError';
  /** Parsed `Retry-After` in ms, when the response carried one. */
  get retryAfterMs(): number | undefined {
    return parseRetryAfter(this.headers['retry-after']);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Building an ApiError from a response.

/** What a service's definition says about its error answers (see `ServiceDefinition`). */
export interface ErrorRules {
  /** Response headers carrying the request id, first match wins (default `x-request-id`). */
  requestIdHeaders?: readonly string[] | undefined;
  /** Error codes meaning "not found" whatever the status (upper case); they make a `NotFoundError`. */
  notFoundCodes?: ReadonlySet<string> | undefined;
  /** Error codes meaning "throttled" whatever the status (upper case); they make a `RateLimitError`. */
  throttlingCodes?: ReadonlySet<string> | undefined;
  /**
   * Error codes meaning "the credential was refused" whatever the status (upper case); they make an
   * `AuthenticationError`. An entry ending in `.` matches every code it starts.
   */
  authenticationCodes?: ReadonlySet<string> | undefined;
}

/** Whether `code` is one of `codes`, or starts with one of its entries that end in `.`. */
function matchesCode(codes: ReadonlySet<string>, code: string): boolean {
  if (codes.has(code)) return true;
  for (let dot = code.indexOf('.'); dot >= 0; dot = code.indexOf('.', dot + 1)) {
    if (codes.has(code.slice(0, dot + 1))) return true;
  }
  return false;
}

const DEFAULT_REQUEST_ID_HEADERS: readonly string[] = ['x-request-id'];

/** Picks the ApiError subclass of a status and (upper-case) error code under the service's rules. */
function apiErrorClass(status: number, code: string | undefined, rules: ErrorRules): typeof ApiError {
  if (code !== undefined && rules.authenticationCodes && matchesCode(rules.authenticationCodes, code)) {
    return AuthenticationError;
  }
  if (code !== undefined && rules.notFoundCodes?.has(code)) return NotFoundError;
  if (code !== undefined && rules.throttlingCodes?.has(code)) return RateLimitError;
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? ServerError : ApiError;
  }
}

/**
 * Builds the ApiError of a non-2xx answer. `body` is the raw text (parsed as JSON when possible); the request id
 * comes from the service's request-id headers, else the body.
 */
export function createApiError(
  init: RequestInfo & { status: number; headers: Record<string, string>; body: string },
  rules: ErrorRules = {},
): ApiError {
  const parsed = jsonOrText(init.body);
  const fields = parseErrorBody(parsed);
  const Cls = apiErrorClass(init.status, fields.errorCode?.toUpperCase(), rules);
  return new Cls({
    method: init.method,
    path: init.path,
    status: init.status,
    errorCode: fields.errorCode,
    errorMessage: fields.errorMessage ?? (typeof parsed === 'string' ? parsed.slice(0, 500) : undefined),
    requestId: requestIdFrom(init.headers, rules.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS) || fields.requestId,
    headers: init.headers,
    body: parsed,
  });
}
