/**
 * HTTP transport: sends one OutgoingRequest and returns a fully consumed RawResponse.
 *
 * Two back ends:
 * - undici (default): `dispatcher.request()` on the client's Agent (or a caller-supplied Dispatcher). undici's own
 *   `headersTimeout` / `bodyTimeout` are disabled per request (0) so that the call's deadline, enforced through the
 *   AbortSignal, is the only timeout and is never undercut.
 * - any WHATWG `fetch` (the `fetch` option), which is how msw users intercept requests.
 *
 * Every response body is read to the end, or destroyed/cancelled on failure, so no socket is leaked.
 * Network failures become `ConnectionError` (with `requestSent` false when nothing can have reached the server);
 * an aborted signal becomes `TransportAborted`, which the caller maps to `TimeoutError` or `AbortError`.
 */
import type { Agent, Dispatcher } from 'undici';
import type { OutgoingRequest, RawResponse } from './auth/types.js';
import { ConnectionError } from './errors.js';

/** The subset of WHATWG `fetch` the clients use; `globalThis.fetch` fits (pass it to let msw intercept calls). */
export type FetchLike = (input: string, init: RequestInitLike) => Promise<ResponseLike>;

/**
 * The request options the clients pass to a {@link FetchLike}.
 * @inline
 */
export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect?: 'manual' | 'follow' | 'error';
}

/**
 * The parts of a fetch `Response` the clients read.
 * @inline
 */
export interface ResponseLike {
  /** HTTP status. */
  status: number;
  /** Response headers, visited one by one. */
  headers: {
    /** Calls `cb` once per header. */
    forEach(cb: (value: string, key: string) => void): void;
  };
  /** Reads the whole body as text. */
  text(): Promise<string>;
  /** The body stream, cancelled when the body is not read. */
  body?: {
    /** Discards the rest of the body. */
    cancel(reason?: unknown): Promise<void>;
  } | null;
}

/** Thrown by the transport when the signal aborted; the caller decides between timeout and abort. */
export class TransportAborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'TransportAborted';
  }
}

export interface Transport {
  send(req: OutgoingRequest, signal: AbortSignal | undefined): Promise<RawResponse>;
}

/** Codes meaning the request never left this process / never reached a server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** All `code`s found along an error's cause chain (and inside AggregateErrors). */
export function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 6 || typeof error !== 'object' || error === null) return [];
  const codes: string[] = [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') codes.push(e.code);
  if (Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...errorCodes(inner, depth + 1));
  if (e.cause !== undefined) codes.push(...errorCodes(e.cause, depth + 1));
  return codes;
}

function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let cur: unknown = error;
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    if (cur.message && !parts.includes(cur.message)) parts.push(cur.message);
    cur = (cur as { cause?: unknown }).cause;
  }
  return parts.join(': ') || 'network error';
}

export function toConnectionError(error: unknown, req: OutgoingRequest): ConnectionError {
  const codes = errorCodes(error);
  const code = codes.find((c) => NOT_SENT_CODES.has(c)) ?? codes[0];
  const requestSent = !(codes.length > 0 && codes.every((c) => NOT_SENT_CODES.has(c)));
  const path = req.url.pathname + req.url.search;
  return new ConnectionError(
    `${req.method} ${path}: connection failed${code ? ` (${code})` : ''}: ${describeNetworkError(error)}`,
    { method: req.method, path, code, requestSent },
    { cause: error },
  );
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Transport over an undici Dispatcher. */
export class UndiciTransport implements Transport {
  constructor(private readonly dispatcher: Dispatcher) {}

  async send(req: OutgoingRequest, signal: AbortSignal | undefined): Promise<RawResponse> {
    if (signal?.aborted) throw new TransportAborted();
    let res: Dispatcher.ResponseData | undefined;
    try {
      res = await this.dispatcher.request({
        origin: req.url.origin,
        path: req.url.pathname + req.url.search,
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body ?? null,
        signal: signal ?? null,
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const body = await res.body.text();
      return { status: res.statusCode, headers: flattenHeaders(res.headers), body };
    } catch (error) {
      if (res && !res.body.destroyed) res.body.destroy();
      if (signal?.aborted) throw new TransportAborted();
      throw toConnectionError(error, req);
    }
  }
}

/**
 * Transport over an undici Agent that the client owns and creates on its first request. undici is loaded then
 * (dynamic import) rather than when the package is imported: loading undici costs about as much as the rest of the
 * client entry together, and a client that never sends a request (or sends through `fetch`) never needs it.
 */
export class OwnedAgentTransport implements Transport {
  readonly #options: Agent.Options;
  #inner: UndiciTransport | undefined;
  #agent: Promise<Agent> | undefined;

  constructor(options: Agent.Options) {
    this.#options = options;
  }

  send(req: OutgoingRequest, signal: AbortSignal | undefined): Promise<RawResponse> {
    // Once the Agent exists, hand over directly (no extra async step per request).
    if (this.#inner !== undefined) return this.#inner.send(req, signal);
    return this.#sendFirst(req, signal);
  }

  async #sendFirst(req: OutgoingRequest, signal: AbortSignal | undefined): Promise<RawResponse> {
    if (signal?.aborted) throw new TransportAborted();
    const agent = await this.#loadAgent();
    this.#inner ??= new UndiciTransport(agent);
    return this.#inner.send(req, signal);
  }

  #loadAgent(): Promise<Agent> {
    this.#agent ??= import('undici').then(({ Agent }) => new Agent(this.#options));
    return this.#agent;
  }

  /** Closes the Agent if one was created (waiting for one being created); a no-op otherwise. */
  async close(): Promise<void> {
    if (this.#agent === undefined) return;
    await (await this.#agent).close();
  }
}

/** Transport over a WHATWG fetch implementation. */
export class FetchTransport implements Transport {
  constructor(private readonly fetchImpl: FetchLike) {}

  async send(req: OutgoingRequest, signal: AbortSignal | undefined): Promise<RawResponse> {
    if (signal?.aborted) throw new TransportAborted();
    let res: ResponseLike | undefined;
    try {
      const init: RequestInitLike = { method: req.method, headers: { ...req.headers }, redirect: 'manual' };
      // `host` is computed by fetch from the URL (and is a forbidden header in browsers).
      delete init.headers['host'];
      if (req.body !== undefined) init.body = req.body;
      if (signal) init.signal = signal;
      res = await this.fetchImpl(req.url.toString(), init);
      const body = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      return { status: res.status, headers, body };
    } catch (error) {
      if (res?.body) await res.body.cancel().catch(() => undefined);
      if (signal?.aborted) throw new TransportAborted();
      throw toConnectionError(error, req);
    }
  }
}
