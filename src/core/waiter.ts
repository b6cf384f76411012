/**
 * Generic polling loop for waiters: polls immediately, then waits `pollIntervalMs · 1.5^n` (capped at
 * `maxIntervalMs`) with ±25 % jitter between polls, never past the waiter's deadline.
 * The caller's signal stops the wait at once (`AbortError`, reason as cause); the waiter's own deadline ends it with
 * `WaiterTimeoutError` (also when it passes during a poll request).
 */
import { AbortError, isAbortError, isTimeoutError, WaiterTimeoutError } from './errors.js';

export const DEFAULT_WAITER_TIMEOUT_MS = 15 * 60_000;
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;

export type PollResult<TDone, TLast> = { done: true; value: TDone } | { done: false; last?: TLast | undefined };

export interface PollOptions<TDone, TLast> {
  what: string;
  timeoutMs: number;
  pollIntervalMs: number;
  maxIntervalMs?: number;
  signal?: AbortSignal | undefined;
  random?: () => number;
  /** One poll; `signal` combines the caller's and the waiter's deadline. Throwing ends the wait. */
  poll(signal: AbortSignal, elapsedMs: number): Promise<PollResult<TDone, TLast>>;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function pollUntil<TDone, TLast>(o: PollOptions<TDone, TLast>): Promise<TDone> {
  const started = Date.now();
  const random = o.random ?? Math.random;
  const maxInterval = Math.max(o.pollIntervalMs, o.maxIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS);
  if (o.signal?.aborted) throw new AbortError(o.signal.reason);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, deadline.signal]) : deadline.signal;
  let last: TLast | undefined;
  const timeout = () =>
    new WaiterTimeoutError<TLast>({
      timeoutMs: o.timeoutMs,
      elapsedMs: Date.now() - started,
      ...(last !== undefined ? { lastInstance: last } : {}),
      what: o.what,
    });
  try {
    for (let n = 0; ; n++) {
      let result: PollResult<TDone, TLast>;
      try {
        result = await o.poll(signal, Date.now() - started);
      } catch (error) {
        if (o.signal?.aborted) throw new AbortError(o.signal.reason);
        if (deadline.signal.aborted && (isTimeoutError(error) || isAbortError(error))) throw timeout();
        throw error;
      }
      if (result.done) return result.value;
      if (result.last !== undefined) last = result.last;
      const base = Math.min(maxInterval, o.pollIntervalMs * 1.5 ** n);
      const wait = Math.round(base * (0.75 + 0.5 * random()));
      const remaining = o.timeoutMs - (Date.now() - started);
      if (remaining <= 0) throw timeout();
      await delay(Math.min(wait, remaining), signal);
      if (o.signal?.aborted) throw new AbortError(o.signal.reason);
      if (deadline.signal.aborted) throw timeout();
    }
  } finally {
    clearTimeout(timer);
  }
}
