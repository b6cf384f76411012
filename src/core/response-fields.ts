/**
 * What the core reads from a response besides its data: the request id, an error body's code and message, and a
 * `Retry-After` header. Pure functions.
 */

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
 * Reads an error body, in this order: flat `{error_code, error_msg}` (also `errorCode/errorMsg`, `code/message`,
 * `Code/Message`), then `errors[0]`, then nested `error.{code, message}` (`title` when it has no message). The
 * body's `request_id` (`requestId`, `RequestId`) is returned as well.
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

/** A response body as JSON when it parses, else the text itself; `undefined` when empty. */
export function jsonOrText(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** The error code of an error response body, if it has one. */
export function errorCodeOf(body: string): string | undefined {
  return parseErrorBody(jsonOrText(body)).errorCode;
}

/** The first non-empty value among the named response headers (lowercase names), in the order given. */
export function requestIdFrom(headers: Record<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = headers[name];
    if (v) return v;
  }
  return undefined;
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
