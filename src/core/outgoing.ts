/** Building what a call sends (query, body, headers) and naming it safely in messages. */
import type { OutgoingRequest } from './auth/types.js';
import { ConnectionError } from './errors.js';
import type { OperationSpec, QueryValue } from './service.js';

/** `?a=1&b=x%20y` (repeated keys for arrays, `%20` for spaces), or `''` when nothing is set. */
export function serialiseQuery(query: Record<string, QueryValue> | undefined): string {
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

/** The body text of a spec: its encoded body, else its JSON body, else none. */
export function bodyTextOf(spec: OperationSpec): string | undefined {
  if (spec.encodedBody !== undefined) return spec.encodedBody;
  return spec.body === undefined ? undefined : JSON.stringify(spec.body);
}

/** The headers every attempt of a call starts from (the auth provider adds its own per attempt). */
export function baseHeaders(
  spec: OperationSpec,
  bodyText: string | undefined,
  userAgent: string,
  contentType: string,
): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
  if (bodyText !== undefined) {
    headers['content-type'] = spec.encodedBody !== undefined ? (spec.contentType ?? contentType) : contentType;
  }
  return headers;
}

/** Adds headers with lowercase names, replacing those already set. */
export function addHeaders(headers: Record<string, string>, extra: Record<string, string> | undefined): void {
  if (extra) for (const k in extra) headers[k.toLowerCase()] = extra[k]!;
}

/** The transport's ConnectionError names the real path + query; rebuild it with the displayed path. */
export function withDisplayPath(error: ConnectionError, req: OutgoingRequest, path: string): ConnectionError {
  const full = req.url.pathname + req.url.search;
  const message = full.length > 1 ? error.message.split(full).join(path) : error.message;
  return new ConnectionError(
    message,
    { method: error.method ?? req.method, path, code: error.code, requestSent: error.requestSent },
    { cause: error.cause },
  );
}
