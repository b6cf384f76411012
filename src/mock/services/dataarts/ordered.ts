/**
 * A sorted list stored as a list of chunks (at most {@link CHUNK} items each, except transiently).
 *
 * Why: DataArts tasks are kept sorted by (create_time, id), and tasks created at the same mock time (manual clock)
 * land at random positions. With one flat array each such insert is a `splice` moving half the array (O(n),
 * ~50 000 moves per create at 100 000 tasks); with chunks an insert or removal moves at most one chunk, and paging
 * from the end walks chunk lengths only (O(n / CHUNK) + page size).
 */
const CHUNK = 512;

export class OrderedList<T> {
  private chunks: T[][] = [];
  private size = 0;

  /** @param after - whether `a` sorts after `b` (a strict order). */
  constructor(private readonly after: (a: T, b: T) => boolean) {}

  /** Builds a list from items already sorted by `after` (ascending). */
  static fromSorted<T>(after: (a: T, b: T) => boolean, items: readonly T[]): OrderedList<T> {
    const list = new OrderedList(after);
    for (let i = 0; i < items.length; i += CHUNK) list.chunks.push(items.slice(i, i + CHUNK));
    list.size = items.length;
    return list;
  }

  get length(): number {
    return this.size;
  }

  /** Index of the first chunk whose last item does not sort before `item` (chunks.length when none). */
  private chunkFor(item: T): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid] as T[];
      if (this.after(item, chunk[chunk.length - 1] as T)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index in `chunk` of the first item that does not sort before `item`. */
  private lowerBound(chunk: T[], item: T): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.after(item, chunk[mid] as T)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts `item` at its sorted place (before the items it does not sort after). */
  insert(item: T): void {
    this.size++;
    const n = this.chunks.length;
    const last = this.chunks[n - 1];
    if (last === undefined) {
      this.chunks.push([item]);
      return;
    }
    let ci = this.chunkFor(item);
    if (ci === n) {
      // After every item: the common case (creates come in time order).
      if (last.length >= CHUNK) this.chunks.push([item]);
      else last.push(item);
      return;
    }
    const chunk = this.chunks[ci] as T[];
    chunk.splice(this.lowerBound(chunk, item), 0, item);
    if (chunk.length > CHUNK) {
      const half = chunk.length >> 1;
      this.chunks.splice(++ci, 0, chunk.splice(half));
    }
  }

  /** Removes `item` (compared by identity); false when it is not in the list. */
  remove(item: T): boolean {
    let ci = this.chunkFor(item);
    let chunk = this.chunks[ci];
    let i = chunk === undefined ? -1 : this.lowerBound(chunk, item);
    if (chunk === undefined || chunk[i] !== item) {
      // Not at its sorted place (should not happen): search every chunk.
      ci = this.chunks.findIndex((c) => c.includes(item));
      if (ci < 0) return false;
      chunk = this.chunks[ci] as T[];
      i = chunk.indexOf(item);
    }
    chunk.splice(i, 1);
    if (chunk.length === 0) this.chunks.splice(ci, 1);
    this.size--;
    return true;
  }

  /**
   * Calls `fn` with the items in descending order (last first), starting `skip` items from the end, until `fn`
   * returns false or the list ends.
   */
  forEachFromEnd(skip: number, fn: (item: T) => boolean | undefined): void {
    let k = skip;
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const chunk = this.chunks[c] as T[];
      if (k >= chunk.length) {
        k -= chunk.length;
        continue;
      }
      for (let i = chunk.length - 1 - k; i >= 0; i--) if (fn(chunk[i] as T) === false) return;
      k = 0;
    }
  }

  /** The items in ascending order (a new array). */
  toArray(): T[] {
    return this.chunks.flat();
  }
}
