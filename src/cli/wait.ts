/**
 * Following a run: live progress on a terminal (state and elapsed time, redrawn on one stderr line), a plain line
 * per state change otherwise. Ctrl-C stops waiting only: the run is left alone and the message says so.
 */
import { isAbortError } from '../index.js';
import { InterruptedError, UsageError } from './exit.js';
import { integer } from './input.js';

/** What `follow` passes to a client's waiter. */
export interface FollowOptions<T> {
  signal: AbortSignal;
  onProgress: (run: T | undefined, elapsedMs: number) => void;
  timeoutMs?: number;
  pollIntervalMs?: number;
}

/** The flags of every waiting command. */
export interface WaitFlags {
  timeout?: string | undefined;
  pollInterval?: string | undefined;
}

/** Follows a run with `waitFn` (a client's `waitFor*`); resolves with the run that succeeded. */
export async function follow<T>(
  what: string,
  flags: WaitFlags & Record<string, unknown>,
  state: (run: T) => string,
  waitFn: (options: FollowOptions<T>) => Promise<T>,
): Promise<T> {
  const timeoutS = flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeoutS !== undefined && !(timeoutS > 0 && Number.isFinite(timeoutS))) {
    throw new UsageError(`--timeout: expected a positive number of seconds, got ${flags.timeout}`);
  }
  const pollIntervalMs = integer('--poll-interval', flags.pollInterval);
  const tty = process.stderr.isTTY === true;
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  let last = '';
  let drawn = false;
  const started = Date.now();
  const onProgress = (run: T | undefined) => {
    const s = run === undefined ? 'PENDING' : state(run);
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    if (tty) {
      process.stderr.write(`\r\x1b[K${what}: ${s} (${elapsed} s)`);
      drawn = true;
    } else if (s !== last) {
      process.stderr.write(`${what}: ${s} (${elapsed} s)\n`);
    }
    last = s;
  };
  try {
    return await waitFn({
      signal: controller.signal,
      onProgress,
      ...(timeoutS !== undefined ? { timeoutMs: Math.round(timeoutS * 1000) } : {}),
      ...(pollIntervalMs ? { pollIntervalMs } : {}),
    });
  } catch (error) {
    if (controller.signal.aborted && isAbortError(error)) {
      throw new InterruptedError(
        `stopped waiting for ${what}; the run itself was left alone and continues on the service`,
      );
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (drawn) process.stderr.write('\n');
  }
}
