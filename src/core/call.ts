/** The state of one call, shared by its attempts, and the auth context providers see during it. */
import { type AbortLike, abortOnTimer, CallAbort, toAbortSignal } from './abort.js';
import type { AuthContext, OutgoingRequest, RawResponse } from './auth/types.js';
import { ConnectionError } from './errors.js';
import type { CreateLookup } from './reconcile.js';
import type { OperationSpec } from './service.js';
import { type Transport, TransportAborted } from './transport.js';

/** One call: what every attempt sends, its cancellation and limits, and what its failed attempts showed. */
export interface Call {
  spec: OperationSpec;
  /** The URL of the first attempt; later attempts and replays get a fresh copy parsed from `href`. */
  url: URL;
  href: string;
  headers: Record<string, string>;
  bodyText: string | undefined;
  /** The path messages and logs show (see `OperationSpec.displayPath`). */
  path: string;
  abort: CallAbort;
  ctx: AuthContext;
  started: number;
  timeoutMs: number;
  maxRetries: number;
  /** Limit of one attempt in ms. */
  attemptTimeoutMs: number;
  /** How the create of this call is looked up after an attempt of unknown outcome (absent: never). */
  lookup: CreateLookup | undefined;
  /** Whether an attempt of unknown outcome is settled (lookup, or a repeat whose "already done" answer counts). */
  reconcile: boolean;
  /** Whether a failed attempt may have been processed (the "already done" rule, see `retry.ts`). */
  outcomeUnknown: boolean;
}

/**
 * The auth context of one call. A class rather than an object literal with closures: one is built per call. Its
 * `signal` (a real AbortSignal) is only built when a provider reads it, e.g. to fetch a token.
 */
export class CallAuthContext implements AuthContext {
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

/** Waits `ms`; rejects with TransportAborted as soon as the call is aborted. */
export function sleep(ms: number, signal: AbortLike): Promise<void> {
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

/**
 * Sends one attempt of `call` within its own limit (`attemptTimeoutMs`), when that ends before the call's deadline:
 * an attempt that outlives it is abandoned with a `ConnectionError` of code `ATTEMPT_TIMEOUT` (its outcome unknown).
 */
export async function sendAttempt(
  transport: Transport,
  req: OutgoingRequest,
  call: Call,
  n: number,
  shown: () => string,
): Promise<RawResponse> {
  const remaining = call.timeoutMs - (Date.now() - call.started);
  if (call.attemptTimeoutMs >= remaining) return transport.send(req, call.abort);
  const attempt = new CallAbort();
  const timer = setTimeout(abortOnTimer, call.attemptTimeoutMs, attempt);
  call.abort.addEventListener('abort', attempt);
  try {
    return await transport.send(req, attempt);
  } catch (error) {
    if (error instanceof TransportAborted && attempt.aborted && !call.abort.aborted) {
      const { method } = req;
      throw new ConnectionError(`${method} ${shown()}: attempt ${n} timed out after ${call.attemptTimeoutMs} ms`, {
        method,
        path: shown(),
        code: 'ATTEMPT_TIMEOUT',
        requestSent: true,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    call.abort.removeEventListener('abort', attempt);
  }
}
