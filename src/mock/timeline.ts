/**
 * The due-event queue of a mock service: schedule trigger points and run completions, one event per key at most.
 * Every service keeps one and hands its two methods to the engine's clock (`nextDueAt`, `runDue`).
 */
import { KeyedMinHeap } from './heap.js';

/**
 * One due event. Events fire by `at`, then `rank` (lower first: e.g. run completions before trigger points, so a
 * run ending at t frees its task for a trigger at t), then `tie` (lower first: e.g. the record id).
 */
export interface TimelineEvent {
  /** Mock time the event is due at, epoch milliseconds. */
  at: number;
  /** Order among events due at the same time, lower first. */
  rank: number;
  /** Order among events of the same time and rank, lower first. */
  tie: number;
}

function earlier(a: TimelineEvent, b: TimelineEvent): boolean {
  return a.at < b.at || (a.at === b.at && (a.rank < b.rank || (a.rank === b.rank && a.tie < b.tie)));
}

export class Timeline<E extends TimelineEvent> {
  readonly #heap = new KeyedMinHeap<E>(earlier);

  /** Schedules `event` under `key`, replacing the key's earlier event if any. */
  set(key: string, event: E): void {
    this.#heap.set(key, event);
  }

  /** Drops the event of `key`; false when there was none. */
  delete(key: string): boolean {
    return this.#heap.delete(key);
  }

  /** Whether an event is scheduled under `key`. */
  has(key: string): boolean {
    return this.#heap.has(key);
  }

  /** Number of scheduled events. */
  get size(): number {
    return this.#heap.size;
  }

  /** Time of the earliest event, or undefined when none is scheduled. */
  nextDueAt(): number | undefined {
    return this.#heap.peek()?.at;
  }

  /**
   * Fires every event due at or before `now`, earliest first; each `fire` call sees the state the previous one
   * left and may schedule further events (fired in the same pass when they are due too).
   */
  runDue(now: number, fire: (event: E) => void): void {
    for (let e = this.#heap.peek(); e !== undefined && e.at <= now; e = this.#heap.peek()) {
      this.#heap.pop();
      fire(e);
    }
  }

  /** Drops every event. */
  clear(): void {
    this.#heap.clear();
  }
}
