/**
 * The state file of the `metacollect-mock` command: loaded at start (a file that cannot be read, parsed or restored
 * is refused and left as it is), and saved while the command runs, shortly after every change, so that a crash loses
 * at most the last second.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Mock, MockSnapshot } from '../mock/index.js';

/** A change is saved once no other change has come for this long... */
export const SAVE_QUIET_MS = 200;
/** ...and at the latest this long after it, however busy the mock is. */
export const SAVE_MAX_DELAY_MS = 1_000;
/** Longest wait on one timer for the next clock-driven event; it is looked up again after that. */
const MAX_DUE_WAIT_MS = 3_600_000;

/** A state file the command refuses (to read or to write); the message names the file and the cause. */
export class StateFileError extends Error {}

/**
 * Reads and restores `path` into `mock`. Returns false when the file does not exist (the mock keeps its new state).
 * @throws StateFileError when the file exists but cannot be read, is not JSON or is not a mock snapshot.
 */
export async function loadState(mock: Mock, path: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StateFileError(`cannot read state file ${path}: ${(error as Error).message}`);
  }
  let snapshot: unknown;
  try {
    snapshot = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`cannot load state from ${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    mock.restore(snapshot as MockSnapshot);
  } catch (error) {
    throw new StateFileError(`cannot load state from ${path}: ${(error as Error).message}`);
  }
  return true;
}

/**
 * What a snapshot holds, per service: the number of entries of each top-level list, and of each list of records
 * (objects with an `id`) one level inside them, e.g. `dsc: 20 templates; dataarts: 1 projects, 3 tasks`.
 */
export function describeState(snapshot: MockSnapshot): string {
  const parts: string[] = [];
  for (const [service, state] of Object.entries(snapshot.services)) {
    const counts = new Map<string, number>();
    const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
    for (const [key, value] of Object.entries(isObject(state) ? state : {})) {
      if (!Array.isArray(value)) continue;
      add(key, value.length);
      for (const item of value) {
        if (!isObject(item)) continue;
        for (const [inner, list] of Object.entries(item)) {
          if (Array.isArray(list) && list.every((x) => isObject(x) && 'id' in x)) add(inner, list.length);
        }
      }
    }
    const listed = [...counts].filter(([, n]) => n > 0).map(([key, n]) => `${n} ${key}`);
    parts.push(`${service}: ${listed.length > 0 ? listed.join(', ') : 'empty'}`);
  }
  return parts.join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes `text` to `path` so that the file is at every moment either the old or the new content: a temporary file
 * in the same folder, flushed to disk, renamed over the target, then the folder flushed so the rename is durable.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Options of {@link StateSaver}. */
export interface StateSaverOptions {
  mock: Mock;
  path: string;
  /** Called when a save fails (the saver tries again after {@link SAVE_MAX_DELAY_MS}); a forced save throws instead. */
  onError: (error: Error) => void;
}

/**
 * Saves the mock's snapshot to a file shortly after each change: {@link markChanged} after anything that may have
 * changed state (the saver also marks itself when the mock's clock reaches its next due event, in real clock mode).
 * Saves are debounced ({@link SAVE_QUIET_MS}, at most {@link SAVE_MAX_DELAY_MS} after the first unsaved change),
 * one at a time, and skipped when the snapshot text is what was last written.
 */
export class StateSaver {
  private dirtySince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dueTimer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private lastText: string | undefined;
  private stopped = false;

  constructor(private readonly options: StateSaverOptions) {}

  /** Notes a possible change; the save follows within {@link SAVE_MAX_DELAY_MS}. */
  markChanged(): void {
    if (this.stopped) return;
    const now = Date.now();
    this.dirtySince ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(now + SAVE_QUIET_MS, this.dirtySince + SAVE_MAX_DELAY_MS) - now);
    this.timer = setTimeout(() => void this.flush().catch(() => {}), wait);
  }

  /** Writes now if anything changed since the last write (`force`: write in any case). */
  async flush(force = false): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing !== undefined) await this.writing;
    if (this.dirtySince === undefined && !force) return;
    this.dirtySince = undefined;
    const text = `${JSON.stringify(this.options.mock.snapshot(), null, 2)}\n`;
    if (text !== this.lastText || force) {
      this.writing = writeAtomically(this.options.path, text).then(
        () => {
          this.lastText = text;
        },
        (error: Error) => {
          if (force) throw error; // the caller reports it
          this.options.onError(error);
          this.dirtySince ??= Date.now();
          if (!this.stopped) this.timer = setTimeout(() => void this.flush().catch(() => {}), SAVE_MAX_DELAY_MS);
        },
      );
      try {
        await this.writing;
      } finally {
        this.writing = undefined;
      }
    }
    this.watchClock();
  }

  /** Stops every timer (a final {@link flush} may still be called). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.dueTimer);
  }

  /** In real clock mode, marks a change when the earliest due event (a run ending, a schedule firing) comes. */
  private watchClock(): void {
    clearTimeout(this.dueTimer);
    const { mock } = this.options;
    if (this.stopped || mock.clock.mode !== 'real') return;
    let due: number | undefined;
    for (const service of Object.values(mock.services)) {
      const at = service.nextDueAt();
      if (at !== undefined && (due === undefined || at < due)) due = at;
    }
    if (due === undefined) return;
    const wait = Math.min(MAX_DUE_WAIT_MS, Math.max(0, due - mock.clock.now()));
    this.dueTimer = setTimeout(() => this.markChanged(), wait);
  }
}
