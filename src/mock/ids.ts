import type { MockIds } from './types.js';

/** Serialisable state of {@link SeededIds}. */
export interface IdsSnapshot {
  state: number;
  counters: Record<string, number>;
}

/**
 * Deterministic id source: a mulberry32 PRNG (one 32-bit word of state, so snapshots are trivial) plus named
 * counters. The same seed always yields the same sequence of ids.
 */
export class SeededIds implements MockIds {
  private state: number;
  private counters = new Map<string, number>();

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next 32-bit unsigned random value. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.nextUint32() / 0x1_0000_0000) * n);
  }

  next(counter: string, start: number): number {
    const current = this.counters.get(counter);
    const value = current === undefined ? start : current + 1;
    this.counters.set(counter, value);
    return value;
  }

  hex(length: number, upper = false): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    out = out.slice(0, length);
    return upper ? out.toUpperCase() : out;
  }

  uuid(upper = false): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(4)]!;
    const s = h.join('');
    const id = `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    return upper ? id.toUpperCase() : id;
  }

  snapshot(): IdsSnapshot {
    return { state: this.state, counters: Object.fromEntries(this.counters) };
  }

  restore(snapshot: IdsSnapshot): void {
    this.state = snapshot.state >>> 0;
    this.counters = new Map(Object.entries(snapshot.counters));
  }
}

/**
 * `length` characters drawn from `alphabet` with any {@link MockIds} (one 32-bit draw per character: `hex(8)` is
 * exactly one draw, so a seeded source yields the same characters as drawing integers from it directly).
 */
export function randomChars(ids: MockIds, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor((Number.parseInt(ids.hex(8), 16) / 0x1_0000_0000) * alphabet.length)];
  }
  return out;
}
