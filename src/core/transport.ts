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
import { type AbortLike, toAbortSignal } from './abort.js';
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
  /** Sends `req`; `signal` (an AbortSignal, or the call's own lighter {@link CallAbort}) cancels it. */
  send(req: OutgoingRequest, signal: AbortLike | undefined): Promise<RawResponse>;
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
function errorCodes(error: unknown, depth = 0): string[] {
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

function toConnectionError(error: unknown, req: OutgoingRequest): ConnectionError {
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

/**
 * Collects one response of `Dispatcher.dispatch()` (undici's handler API) into a {@link RawResponse}.
 *
 * Why `dispatch()` and not `dispatcher.request()`: `request()` wraps every body in a Node `Readable` and reads it
 * back through a stream consumer, which measured about a quarter of a small call's cost (bench/README.md). Our
 * calls always read the whole body into memory anyway, so the handler appends the chunks as they arrive: the body
 * is always consumed (there is no stream to forget), and on abort the request is cancelled through undici's
 * controller, which releases the socket.
 *
 * The signal settles the call at once, even while the request still waits for a connection: undici only hands
 * out the controller when the request is dispatched on a socket, so an abort that comes earlier is remembered and
 * applied then.
 */
class CollectingHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #status = 0;
  #headers: Record<string, string | string[] | undefined> = {};
  #chunks: Buffer[] = [];
  #settled = false;
  readonly #req: OutgoingRequest;
  readonly #signal: AbortLike | undefined;
  readonly #resolve: (value: RawResponse) => void;
  readonly #reject: (reason: unknown) => void;

  constructor(
    req: OutgoingRequest,
    signal: AbortLike | undefined,
    resolve: (value: RawResponse) => void,
    reject: (reason: unknown) => void,
  ) {
    this.#req = req;
    this.#signal = signal;
    this.#resolve = resolve;
    this.#reject = reject;
    signal?.addEventListener('abort', this);
  }

  /** The signal's abort listener (an object listener: no closure per call). */
  handleEvent(): void {
    if (this.#settle()) this.#reject(new TransportAborted());
    this.#controller?.abort(new TransportAborted());
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#settled) controller.abort(new TransportAborted());
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.#status = statusCode;
    this.#headers = headers;
    this.#chunks = [];
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (!this.#settle()) return;
    const chunks = this.#chunks;
    let body =
      chunks.length === 0
        ? ''
        : chunks.length === 1
          ? chunks[0]!.toString('utf8')
          : Buffer.concat(chunks).toString('utf8');
    // As undici's body.text() does: a UTF-8 byte order mark is not part of the text.
    if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
    this.#resolve({ status: this.#status, headers: flattenHeaders(this.#headers), body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  /** Rejects with the error mapped (abort → TransportAborted, else ConnectionError), unless already settled. */
  fail(error: unknown): void {
    if (!this.#settle()) return;
    this.#reject(this.#signal?.aborted ? new TransportAborted() : toConnectionError(error, this.#req));
  }

  /** Marks the call settled; false when it already was. */
  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    this.#signal?.removeEventListener('abort', this);
    return true;
  }
}

/** Transport over an undici Dispatcher (its `dispatch()` handler API, see {@link CollectingHandler}). */
export class UndiciTransport implements Transport {
  constructor(private readonly dispatcher: Dispatcher) {}

  send(req: OutgoingRequest, signal: AbortLike | undefined): Promise<RawResponse> {
    if (signal?.aborted) return Promise.reject(new TransportAborted());
    return new Promise<RawResponse>((resolve, reject) => {
      const handler = new CollectingHandler(req, signal, resolve, reject);
      try {
        this.dispatcher.dispatch(
          {
            origin: req.url.origin,
            path: req.url.pathname + req.url.search,
            method: req.method as Dispatcher.HttpMethod,
            headers: req.headers,
            body: req.body ?? null,
            headersTimeout: 0,
            bodyTimeout: 0,
          },
          handler,
        );
      } catch (error) {
        handler.fail(error);
      }
    });
  }
}

/** Set by the build (tsup `define`): true in the CommonJS build, false in the ESM one, undefined when run from source. */
declare const __METACOLLECT_CJS__: boolean | undefined;

/**
 * Loads undici on demand. The CommonJS build uses `require`, because CommonJS runners without ESM support (jest)
 * refuse `import()`; the build drops the other branch, so each build holds only its own way of loading.
 */
function loadUndici(): Promise<typeof import('undici')> {
  return typeof __METACOLLECT_CJS__ === 'boolean' && __METACOLLECT_CJS__
    ? Promise.resolve().then(() => require('undici') as typeof import('undici'))
    : import('undici');
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

  send(req: OutgoingRequest, signal: AbortLike | undefined): Promise<RawResponse> {
    // Once the Agent exists, hand over directly (no extra async step per request).
    if (this.#inner !== undefined) return this.#inner.send(req, signal);
    return this.#sendFirst(req, signal);
  }

  async #sendFirst(req: OutgoingRequest, signal: AbortLike | undefined): Promise<RawResponse> {
    if (signal?.aborted) throw new TransportAborted();
    const agent = await this.#loadAgent();
    this.#inner ??= new UndiciTransport(agent);
    return this.#inner.send(req, signal);
  }

  #loadAgent(): Promise<Agent> {
    this.#agent ??= loadUndici().then(({ Agent }) => new Agent(this.#options));
    return this.#agent;
  }

  /** Loads undici and creates the Agent now rather than on the first request. */
  async preload(): Promise<void> {
    await this.#loadAgent();
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

  async send(req: OutgoingRequest, signal: AbortLike | undefined): Promise<RawResponse> {
    if (signal?.aborted) throw new TransportAborted();
    let res: ResponseLike | undefined;
    try {
      const init: RequestInitLike = { method: req.method, headers: { ...req.headers }, redirect: 'manual' };
      // `host` is computed by fetch from the URL (and is a forbidden header in browsers).
      delete init.headers['host'];
      if (req.body !== undefined) init.body = req.body;
      if (signal) init.signal = toAbortSignal(signal);
      res = await this.fetchImpl(req.url.toString(), init);
      // `Response.error()` (status 0) is how a fetch stand-in reports a network failure without throwing.
      if (res.status === 0) throw new TypeError('network error (the fetch answered Response.error())');
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

/** The transport a client sends through: the caller's `fetch` or `dispatcher`, else an Agent of its own. */
export function transportFor(config: {
  fetch?: ((...args: never[]) => unknown) | undefined;
  dispatcher?: Dispatcher | undefined;
}): { transport: Transport; owned: OwnedAgentTransport | undefined } {
  if (config.fetch) return { transport: new FetchTransport(config.fetch as FetchLike), owned: undefined };
  if (config.dispatcher) return { transport: new UndiciTransport(config.dispatcher), owned: undefined };
  // Our deadline (the call's abort) is the only timeout: undici's own timers are disabled, per request too.
  const owned = new OwnedAgentTransport({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 4_000 });
  return { transport: owned, owned };
}
