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
 * │   ├── NotFoundError           404, and the DataArts not-found codes sent with 400 (see NOT_FOUND_CODES)
 * │   ├── ConflictError           409
 * │   ├── RateLimitError          429
 * │   └── ServerError             5xx
 * ├── RunFailedError              a waited-for run ended in failure (carries the instance)
 * └── WaiterTimeoutError          a waiter gave up before the run ended
 * ```
 *
 * Every error is branded with `Symbol.for('metacollect.error.kinds')`, so the type guards (`isApiError`, …) and
 * `instanceof` work across duplicated copies of the package (ESM + CJS in one process, nested node_modules).
 *
 * No error keeps request headers; response headers and bodies are redacted when serialised
 * (`JSON.stringify`, `util.inspect`), so credentials never appear in logs.
 */
import { inspect } from 'node:util';
import { redactHeaders, redactValue } from './redact.js';

const KINDS = Symbol.for('metacollect.error.kinds');

type Ctor = { kind?: string } & (abstract new (...args: never[]) => unknown);

function kindsOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kinds = (value as Record<symbol, unknown>)[KINDS];
  return Array.isArray(kinds) ? (kinds as string[]) : undefined;
}

function hasKind(value: unknown, kind: string): boolean {
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
  /** Brand name of this class. */
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

function formatIssue(issue: ValidationIssue): string {
  if (!issue.path) return issue.message;
  // Schemas may already name the field at the start of their message (`name: expected …`): do not repeat it.
  const last =
    issue.path
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? issue.path;
  const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (issue.message.startsWith(`${issue.path}:`) || new RegExp(`^${escaped}(\\[\\])?:`).test(issue.message)) {
    return issue.path === last
      ? issue.message
      : `${issue.path}: ${issue.message.slice(issue.message.indexOf(':') + 1).trim()}`;
  }
  return `${issue.path}: ${issue.message}`;
}

function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join('; ');
}

/** The request failed client-side validation; nothing was sent. */
export class ValidationError extends MetacollectError {
  /** Brand name of this class. */
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
  /** Brand name of this class. */
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
  /** Brand name of this class. */
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
  /** Brand name of this class. */
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
  /** Brand name of this class. */
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
  /** Service error code from the body (e.g. `DLG.2253`, `APIGW.0301`). */
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
  /** Brand name of this class. */
  static override readonly kind: string = 'ApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** Service error code from the body (e.g. `DLG.2253`, `APIGW.0301`), when present. */
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

/** The service answered 400: the request was malformed or broke a rule the server checks. */
export class BadRequestError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'BadRequestError';
}
/** The service answered 401: the credentials are missing, wrong or expired. */
export class AuthenticationError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'AuthenticationError';
}
/** The service answered 403: the caller is authenticated but not allowed to do this. */
export class PermissionDeniedError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'PermissionDeniedError';
}
/** The resource does not exist: HTTP 404, or HTTP 400 with one of {@link NOT_FOUND_CODES} (then `status` stays 400). */
export class NotFoundError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'NotFoundError';
}
/** The service answered 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'ConflictError';
}
/** The call was throttled: HTTP 429, or the gateway code `APIGW.0308` whatever the status. */
export class RateLimitError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'RateLimitError';
  /** Parsed `Retry-After` in ms, when the response carried one. */
  get retryAfterMs(): number | undefined {
    return parseRetryAfter(this.headers['retry-after']);
  }
}
/** The service answered with a 5xx status. */
export class ServerError extends ApiError {
  /** Brand name of this class. */
  static override readonly kind: string = 'ServerError';
}

/** A waited-for run ended without success (`FAILED`, `STOPPED`, …). */
export class RunFailedError<TInstance = unknown> extends MetacollectError {
  /** Brand name of this class. */
  static override readonly kind: string = 'RunFailedError';
  /** The run as last read from the service. */
  readonly instance: TInstance;
  /** Final status of the run (e.g. `FAILED`). */
  readonly status: string | undefined;
  /** Failure reason the service reported, when any. */
  readonly errorMsg: string | undefined;
  /** Creates the error; `init.what` names the run in the message (default `run`). */
  constructor(init: {
    instance: TInstance;
    status?: string | undefined;
    errorMsg?: string | undefined;
    what?: string;
  }) {
    super(
      `${init.what ?? 'run'} ended with status ${init.status ?? 'unknown'}${init.errorMsg ? `: ${init.errorMsg}` : ''}`,
    );
    this.instance = init.instance;
    this.status = init.status;
    this.errorMsg = init.errorMsg;
  }
}

/** A waiter gave up: the run had not ended when its timeout passed. */
export class WaiterTimeoutError<TInstance = unknown> extends MetacollectError {
  /** Brand name of this class. */
  static override readonly kind: string = 'WaiterTimeoutError';
  /** Time spent waiting, in milliseconds. */
  readonly elapsedMs: number;
  /** The waiter's timeout, in milliseconds. */
  readonly timeoutMs: number;
  /** The run as last read before giving up, if any read succeeded. */
  readonly lastInstance: TInstance | undefined;
  /** Creates the error; `init.what` names the awaited run in the message. */
  constructor(init: { timeoutMs: number; elapsedMs: number; lastInstance?: TInstance; what?: string }) {
    super(`gave up waiting for ${init.what ?? 'the run'} after ${init.timeoutMs} ms`);
    this.timeoutMs = init.timeoutMs;
    this.elapsedMs = init.elapsedMs;
    this.lastInstance = init.lastInstance;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Type guards (brand-based: they work across ESM/CJS copies of the package).

/** Whether `e` is any error thrown by this SDK (works across ESM/CJS copies of the package). */
export const isMetacollectError = (e: unknown): e is MetacollectError => hasKind(e, 'MetacollectError');
/** Whether `e` is a {@link ConfigurationError}. */
export const isConfigurationError = (e: unknown): e is ConfigurationError => hasKind(e, 'ConfigurationError');
/** Whether `e` is a {@link ValidationError}. */
export const isValidationError = (e: unknown): e is ValidationError => hasKind(e, 'ValidationError');
/** Whether `e` is a {@link ResponseValidationError}. */
export const isResponseValidationError = (e: unknown): e is ResponseValidationError =>
  hasKind(e, 'ResponseValidationError');
/** Whether `e` is a {@link ConnectionError}. */
export const isConnectionError = (e: unknown): e is ConnectionError => hasKind(e, 'ConnectionError');
/** Whether `e` is a {@link TimeoutError}. */
export const isTimeoutError = (e: unknown): e is TimeoutError => hasKind(e, 'TimeoutError');
/** Whether `e` is an {@link AbortError}. */
export const isAbortError = (e: unknown): e is AbortError => hasKind(e, 'AbortError');
/** Whether `e` is an {@link ApiError} (any of its subclasses included). */
export const isApiError = (e: unknown): e is ApiError => hasKind(e, 'ApiError');
/** Whether `e` is a {@link BadRequestError}. */
export const isBadRequestError = (e: unknown): e is BadRequestError => hasKind(e, 'BadRequestError');
/** Whether `e` is an {@link AuthenticationError}. */
export const isAuthenticationError = (e: unknown): e is AuthenticationError => hasKind(e, 'AuthenticationError');
/** Whether `e` is a {@link PermissionDeniedError}. */
export const isPermissionDeniedError = (e: unknown): e is PermissionDeniedError => hasKind(e, 'PermissionDeniedError');
/** Whether `e` is a {@link NotFoundError} (including DataArts not-found codes sent with 400). */
export const isNotFoundError = (e: unknown): e is NotFoundError => hasKind(e, 'NotFoundError');
/** Whether `e` is a {@link ConflictError}. */
export const isConflictError = (e: unknown): e is ConflictError => hasKind(e, 'ConflictError');
/** Whether `e` is a {@link RateLimitError}. */
export const isRateLimitError = (e: unknown): e is RateLimitError => hasKind(e, 'RateLimitError');
/** Whether `e` is a {@link ServerError}. */
export const isServerError = (e: unknown): e is ServerError => hasKind(e, 'ServerError');
/** Whether `e` is a {@link RunFailedError}. */
export const isRunFailedError = (e: unknown): e is RunFailedError => hasKind(e, 'RunFailedError');
/** Whether `e` is a {@link WaiterTimeoutError}. */
export const isWaiterTimeoutError = (e: unknown): e is WaiterTimeoutError => hasKind(e, 'WaiterTimeoutError');

// ---------------------------------------------------------------------------------------------------------------
// Building an ApiError from a response.

/**
 * Error codes that mean "not found" although the service answers HTTP 400 (DataArts Catalog). Compared
 * case-insensitively. They produce a `NotFoundError` whose `status` stays 400.
 * - `DLG.2253` task not found; `DLG.2208` delete of an unknown task; `DLG.0818` workspace does not exist.
 * - `DLG.9005` (project decision): unknown `instance_id` for the task, or a `bridge_id` that is not that
 *   instance's. Both name a run that does not exist under that task, so it is treated as not found too.
 */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['DLG.2253', 'DLG.2208', 'DLG.0818', 'DLG.9005']);

/** Codes that mean "throttled" whatever the status (`APIGW.0308`). */
const RATE_LIMIT_CODES: ReadonlySet<string> = new Set(['APIGW.0308']);

/** Error fields read from a response body by {@link parseErrorBody}. */
export interface ParsedErrorBody {
  /** Service error code. */
  errorCode?: string;
  /** Service error message. */
  errorMessage?: string;
  /** Request id carried in the body. */
  requestId?: string;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function pickFlat(o: Record<string, unknown>): ParsedErrorBody {
  const code = str(o['error_code']) ?? str(o['errorCode']) ?? str(o['code']) ?? str(o['Code']);
  const message =
    str(o['error_msg']) ?? str(o['errorMsg']) ?? str(o['error_message']) ?? str(o['message']) ?? str(o['Message']);
  const out: ParsedErrorBody = {};
  if (code !== undefined) out.errorCode = code;
  if (message !== undefined) out.errorMessage = message;
  return out;
}

/**
 * Reads a Huawei-style error body, in this order: flat `{error_code, error_msg}` (also `errorCode/errorMsg`,
 * `code/message`), then `errors[0]`, then nested `error.{code, message}` (IAM). The gateway `APIGW.*` body is
 * the flat shape. `request_id` from the body is returned as well.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const o = body as Record<string, unknown>;
  const out: ParsedErrorBody = {};
  const requestId = str(o['request_id']) ?? str(o['requestId']) ?? str(o['RequestId']);
  if (requestId) out.requestId = requestId;
  const flat = pickFlat(o);
  if (flat.errorCode !== undefined || flat.errorMessage !== undefined) return { ...out, ...flat };
  const errors = o['errors'];
  if (Array.isArray(errors) && typeof errors[0] === 'object' && errors[0] !== null) {
    const first = pickFlat(errors[0] as Record<string, unknown>);
    if (first.errorCode !== undefined || first.errorMessage !== undefined) return { ...out, ...first };
  }
  const nested = o['error'];
  if (typeof nested === 'object' && nested !== null) {
    const n = pickFlat(nested as Record<string, unknown>);
    const title = str((nested as Record<string, unknown>)['title']);
    if (n.errorMessage === undefined && title !== undefined) n.errorMessage = title;
    return { ...out, ...n };
  }
  if (typeof nested === 'string') return { ...out, errorMessage: nested };
  return out;
}

/** Picks the ApiError subclass for a status + code. */
export function apiErrorClassFor(status: number, errorCode: string | undefined): typeof ApiError {
  const code = errorCode?.toUpperCase();
  if (code && NOT_FOUND_CODES.has(code)) return NotFoundError;
  if (code && RATE_LIMIT_CODES.has(code)) return RateLimitError;
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
 * Builds the right ApiError from a response. `body` is the raw text (parsed as JSON when possible);
 * the request id comes from the `X-Request-Id` header, else the body's `request_id`.
 */
export function createApiError(
  init: RequestInfo & { status: number; headers: Record<string, string>; body: string },
): ApiError {
  let parsed: unknown = init.body;
  if (init.body) {
    try {
      parsed = JSON.parse(init.body);
    } catch {
      parsed = init.body;
    }
  } else {
    parsed = undefined;
  }
  const fields = parseErrorBody(parsed);
  const requestId = init.headers['x-request-id'] || init.headers['x-acs-request-id'] || fields.requestId;
  const Cls = apiErrorClassFor(init.status, fields.errorCode);
  return new Cls({
    method: init.method,
    path: init.path,
    status: init.status,
    errorCode: fields.errorCode,
    errorMessage: fields.errorMessage ?? (typeof parsed === 'string' ? parsed.slice(0, 500) : undefined),
    requestId,
    headers: init.headers,
    body: parsed,
  });
}

/**
 * Parses a `Retry-After` header (delta seconds or an HTTP date) into milliseconds from `now`.
 * Returns undefined when absent or unparseable; never negative.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
