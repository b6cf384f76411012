/**
 * Rendering of an answer: the request-id header, the body text and its content type, the observer call and the
 * journal entry (built lazily: see {@link Journal}).
 */
import { type Journal, type JournalEntry, queryRecord, redactBody, redactHeaders, redactValue } from './journal.js';
import { MOCK_OBSERVER, type MockExchange, type MockResponse } from './types.js';

/** A request as the engine prepared it: its parts, and the request id its gateway drew. */
export interface Prepared {
  requestId: string;
  /** Lowercase name of the response header that carries the request id. */
  requestIdHeader: string;
  /** Upper case. */
  method: string;
  url: URL;
  path: string;
  headers: Headers;
  lowerHeaders: Record<string, string>;
  rawBody: string;
  bodyBytes: number;
}

/**
 * The engine's answer before conversion to a Fetch `Response` (handle) or a node:http response (the server's fast
 * path). Header names are lowercase; `body` is null for an empty body (and always for 204, 304 and HEAD).
 * @internal
 */
export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Stands for `Response.error()` (a network-error fault) in an {@link EngineAnswer} position. */
export const NETWORK_ERROR = null;

/** Where rendering records: the journal, the mock time, and the bug sink for a throwing observer. */
export interface RenderSink {
  journal: Journal;
  now(): number;
  onError(error: unknown, where: { requestId: string; service: string; operation?: string }): void;
}

type Service = MockExchange['service'];
type Fault = JournalEntry['fault'];

/** HTTP whitespace that `Headers.set` strips from both ends of a value. */
const HTTP_WS_EDGES = /^[\t\n\r ]+|[\t\n\r ]+$/g;

let dateSecond = Number.NaN;
let dateText = '';

/** `Date` header text of mock time `ms` (cached for the current second). */
function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}

/** A record's entries sorted by name, as `Headers.forEach` yields them. */
function sortedRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(record).sort()) out[name] = record[name] as string;
  return out;
}

/** Renders a service answer (see the file header); the journal entry only captures values that never change. */
export function render(
  sink: RenderSink,
  p: Prepared,
  service: Service,
  operation: string | undefined,
  res: MockResponse,
  fault?: Fault,
): EngineAnswer {
  // A plain record with lowercase names stands in for a Headers object (same normalisation as Headers.set).
  const headers: Record<string, string> = {};
  if (res.headers !== undefined) {
    for (const [name, value] of Object.entries(res.headers)) {
      headers[name.toLowerCase()] = `${value}`.replace(HTTP_WS_EDGES, '');
    }
  }
  headers[p.requestIdHeader] = p.requestId;
  // The services' clock is the mock's: clients judge creation times against this header.
  headers['date'] ??= httpDate(sink.now());
  let text: string | undefined;
  if (res.body !== undefined) {
    if (typeof res.body === 'string') {
      text = res.body;
      headers['content-type'] ??= 'text/plain;charset=UTF-8';
    } else {
      text = JSON.stringify(res.body);
      headers['content-type'] ??= 'application/json;charset=UTF-8';
    }
  }
  const status = res.status;
  const observer = (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER];
  if (typeof observer === 'function') {
    const exchange: MockExchange = {
      service,
      operation,
      method: p.method,
      path: p.path,
      status,
      responseHeaders: sortedRecord(headers),
      // What observers see is a copy, never the handler's object.
      responseBody:
        res.body === undefined ? undefined : typeof res.body === 'string' ? res.body : JSON.parse(text as string),
    };
    try {
      observer(exchange);
    } catch (error) {
      sink.onError(error, { requestId: p.requestId, service, ...(operation ? { operation } : {}) });
    }
  }
  const response = { headers, text, json: typeof res.body !== 'string' };
  sink.journal.push(lazyEntry(p, service, operation, sink.now(), status, response, fault));
  const nullBody = status === 204 || status === 304 || p.method === 'HEAD';
  // Same check as the Response constructor, so that both paths (Fetch and the server's fast path) reject alike.
  if (status < 200 || status > 599)
    throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
  return { status, headers, body: nullBody ? null : (text ?? null) };
}

/** Records a connection reset (no answer) and returns the stand-in for `Response.error()`. */
export function renderReset(sink: RenderSink, p: Prepared, service: Service, operation: string, fault: Fault): null {
  sink.journal.push(lazyEntry(p, service, operation, sink.now(), 0, undefined, fault));
  return NETWORK_ERROR;
}

/**
 * A journal entry built on first read. Made outside any method so that the thunk's closure holds only what it needs
 * (a compact copy of the request, the response text and headers): the journal keeps up to 10 000 of these.
 */
function lazyEntry(
  p: Prepared,
  service: Service,
  operation: string | undefined,
  time: number,
  status: number,
  response: { headers: Record<string, string>; text: string | undefined; json: boolean } | undefined,
  fault: Fault | undefined,
): () => JournalEntry {
  const { method, path, requestId, lowerHeaders, rawBody } = p;
  const search = p.url.search;
  return () => {
    const text = response?.text;
    const responseBody = text === undefined || !response?.json ? text : JSON.parse(text);
    return {
      service,
      operation,
      method,
      path,
      requestId,
      time,
      query: queryRecord(new URLSearchParams(search)),
      requestHeaders: redactHeaders(lowerHeaders),
      requestBody: redactBody(rawBody, lowerHeaders['content-type'] ?? null),
      status,
      responseHeaders: response === undefined ? {} : redactHeaders(sortedRecord(response.headers)),
      responseBody:
        service !== 'control'
          ? responseBody
          : operation === 'ListRequests' || operation === 'GetSnapshot'
            ? '[omitted]' // the journal would otherwise nest itself (and the snapshot holds credentials)
            : redactValue(responseBody),
      ...(fault ? { fault } : {}),
    };
  };
}
