/**
 * Waiting for a run to end, shared by every client's `waitFor*`: polls at once, then waits `pollIntervalMs · 1.5^n`
 * (capped at 30 s) with ±25 % jitter between polls, never past the waiter's deadline. The caller's signal stops the
 * wait at once (`AbortError`, reason as cause); the deadline ends it with `WaiterTimeoutError` (also when it passes
 * during a poll request); a run that ends badly rejects with `RunFailedError`.
 */
import { AbortError, MetacollectError } from './errors.js';
import { isAbortError, isTimeoutError } from './guards.js';

const DEFAULT_WAITER_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 2_000;
const MAX_POLL_INTERVAL_MS = 30_000;

/** A waited-for run ended without success (`FAILED`, `STOPPED`, …). */
export class RunFailedError<TInstance = unknown> extends MetacollectError {
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

/** The options of every `waitFor*` method. */
export interface RunWaitOptions<TRun> {
  /** Give up after this long (default 15 minutes) with WaiterTimeoutError. */
  timeoutMs?: number;
  /** First wait between polls (default 2 000 ms); grows ×1.5 per poll up to 30 s, with jitter. */
  pollIntervalMs?: number;
  /** Stops waiting; the wait then rejects with {@link AbortError}. */
  signal?: AbortSignal;
  /** Called after each poll with the run seen (undefined while none exists yet) and the time waited so far. */
  onProgress?: (run: TRun | undefined, elapsedMs: number) => void;
}

/** How a client watches one kind of run. */
export interface RunWatch<TRun> {
  /** The awaited run in messages, e.g. `scan instance 7 of template 3`. */
  what: string;
  /** Reads the run; `undefined` while none exists yet. `signal` combines the caller's and the deadline. */
  find(signal: AbortSignal): Promise<TRun | undefined>;
  /** Whether the run succeeded, failed or is still going. */
  state(run: TRun): 'succeeded' | 'failed' | 'running';
  /** The error of a failed run (it may read more, e.g. the run's log, with `signal`). */
  failure(run: TRun, signal: AbortSignal): RunFailedError<TRun> | Promise<RunFailedError<TRun>>;
}

/** Polls `watch.find` until the run ends: resolves with a succeeded run, rejects with its failure otherwise. */
export async function waitForRun<TRun>(watch: RunWatch<TRun>, options: RunWaitOptions<TRun>): Promise<TRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAITER_TIMEOUT_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const maxInterval = Math.max(pollIntervalMs, MAX_POLL_INTERVAL_MS);
  const started = Date.now();
  const caller = options.signal;
  if (caller?.aborted) throw new AbortError(caller.reason);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = caller ? AbortSignal.any([caller, deadline.signal]) : deadline.signal;
  let last: TRun | undefined;
  const timeout = () =>
    new WaiterTimeoutError<TRun>({
      timeoutMs,
      elapsedMs: Date.now() - started,
      ...(last !== undefined ? { lastInstance: last } : {}),
      what: watch.what,
    });
  try {
    for (let n = 0; ; n++) {
      const elapsedMs = Date.now() - started;
      try {
        const run = await watch.find(signal);
        options.onProgress?.(run, elapsedMs);
        if (run !== undefined) {
          const state = watch.state(run);
          if (state === 'succeeded') return run;
          if (state === 'failed') throw await watch.failure(run, signal);
          last = run;
        }
      } catch (error) {
        if (caller?.aborted) throw new AbortError(caller.reason);
        if (deadline.signal.aborted && (isTimeoutError(error) || isAbortError(error))) throw timeout();
        throw error;
      }
      const base = Math.min(maxInterval, pollIntervalMs * 1.5 ** n);
      const wait = Math.round(base * (0.75 + 0.5 * Math.random()));
      const remaining = timeoutMs - (Date.now() - started);
      if (remaining <= 0) throw timeout();
      await delay(Math.min(wait, remaining), signal);
      if (caller?.aborted) throw new AbortError(caller.reason);
      if (deadline.signal.aborted) throw timeout();
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
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
