/**
 * Indexed binary min-heap of keyed entries: peek O(1), push/update/remove O(log n) by key.
 * The due-event queue of every mock service (schedule trigger points, run completions), one entry per key at most.
 */
export class KeyedMinHeap<T> {
  private readonly items: { key: string; value: T }[] = [];
  private readonly positions = new Map<string, number>();

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0]?.value;
  }

  has(key: string): boolean {
    return this.positions.has(key);
  }

  /** Inserts, or replaces the value of an existing key. */
  set(key: string, value: T): void {
    const at = this.positions.get(key);
    if (at !== undefined) {
      this.items[at] = { key, value };
      this.siftUp(at);
      this.siftDown(this.positions.get(key)!);
      return;
    }
    this.items.push({ key, value });
    this.positions.set(key, this.items.length - 1);
    this.siftUp(this.items.length - 1);
  }

  delete(key: string): boolean {
    const at = this.positions.get(key);
    if (at === undefined) return false;
    const last = this.items.pop()!;
    this.positions.delete(key);
    if (at < this.items.length) {
      this.items[at] = last;
      this.positions.set(last.key, at);
      this.siftUp(at);
      this.siftDown(this.positions.get(last.key)!);
    }
    return true;
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top === undefined) return undefined;
    this.delete(top.key);
    return top.value;
  }

  clear(): void {
    this.items.length = 0;
    this.positions.clear();
  }

  private swap(i: number, j: number): void {
    const a = this.items[i]!;
    const b = this.items[j]!;
    this.items[i] = b;
    this.items[j] = a;
    this.positions.set(b.key, i);
    this.positions.set(a.key, j);
  }

  private siftUp(i: number): void {
    let k = i;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.less(this.items[k]!.value, this.items[parent]!.value)) break;
      this.swap(k, parent);
      k = parent;
    }
  }

  private siftDown(i: number): void {
    let k = i;
    const n = this.items.length;
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < n && this.less(this.items[l]!.value, this.items[m]!.value)) m = l;
      if (r < n && this.less(this.items[r]!.value, this.items[m]!.value)) m = r;
      if (m === k) break;
      this.swap(k, m);
      k = m;
    }
  }
}
