import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedMinHeap } from '../../../src/mock/heap.js';
import { monthPoint, nextTriggerAfter } from '../../../src/mock/services/dsc/schedule.js';

const sec = (iso: string) => Date.parse(iso) / 1000;
const ms = (iso: string) => Date.parse(iso);

describe('nextTriggerAfter', () => {
  it('ONCE: start_time if strictly in the future, else none', () => {
    const s = sec('2026-03-01T10:00:00Z');
    expect(nextTriggerAfter('ONCE', s, ms('2026-03-01T09:59:59Z'))).toBe(s * 1000);
    expect(nextTriggerAfter('ONCE', s, s * 1000)).toBeNull();
    expect(nextTriggerAfter('ONCE', s, s * 1000 + 1)).toBeNull();
  });

  it('DAY and WEEK: start + k·period, strictly after', () => {
    const s = sec('2026-03-01T10:00:00Z');
    expect(nextTriggerAfter('DAY', s, s * 1000)).toBe(ms('2026-03-02T10:00:00Z'));
    expect(nextTriggerAfter('DAY', s, ms('2026-03-05T10:00:00.001Z'))).toBe(ms('2026-03-06T10:00:00Z'));
    expect(nextTriggerAfter('DAY', s, ms('2026-03-05T09:00:00Z'))).toBe(ms('2026-03-05T10:00:00Z'));
    expect(nextTriggerAfter('WEEK', s, s * 1000)).toBe(ms('2026-03-08T10:00:00Z'));
    expect(nextTriggerAfter('WEEK', s, ms('2026-03-20T00:00:00Z'))).toBe(ms('2026-03-22T10:00:00Z'));
    expect(nextTriggerAfter('WEEK', s, ms('2026-02-01T00:00:00Z'))).toBe(s * 1000);
  });

  it('MONTH clamps to the last day: Jan 31 → Feb 28 → Mar 31 (non-leap) and Feb 29 in a leap year', () => {
    const s = sec('2027-01-31T12:30:00Z');
    const p1 = nextTriggerAfter('MONTH', s, s * 1000)!;
    expect(new Date(p1).toISOString()).toBe('2027-02-28T12:30:00.000Z');
    const p2 = nextTriggerAfter('MONTH', s, p1)!;
    expect(new Date(p2).toISOString()).toBe('2027-03-31T12:30:00.000Z');
    const p3 = nextTriggerAfter('MONTH', s, p2)!;
    expect(new Date(p3).toISOString()).toBe('2027-04-30T12:30:00.000Z');
    const leap = sec('2028-01-31T00:00:00Z');
    expect(new Date(nextTriggerAfter('MONTH', leap, leap * 1000)!).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(new Date(monthPoint(leap * 1000, 2)).toISOString()).toBe('2028-03-31T00:00:00.000Z');
    expect(new Date(monthPoint(leap * 1000, 12)).toISOString()).toBe('2029-01-31T00:00:00.000Z');
  });

  it('MONTH from far ahead jumps straight to the right month', () => {
    const s = sec('2026-01-15T08:00:00Z');
    expect(new Date(nextTriggerAfter('MONTH', s, ms('2030-06-15T08:00:00Z'))!).toISOString()).toBe(
      '2030-07-15T08:00:00.000Z',
    );
    expect(new Date(nextTriggerAfter('MONTH', s, ms('2030-06-15T07:59:59Z'))!).toISOString()).toBe(
      '2030-06-15T08:00:00.000Z',
    );
  });

  it('property: the result is the smallest point strictly after `after` (brute force)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DAY', 'WEEK', 'MONTH' as const),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (type, start, delta) => {
          const after = start * 1000 + delta - 30 * 86_400_000;
          const got = nextTriggerAfter(type, start, after)!;
          const points: number[] = [];
          for (let k = 0; k < 500; k++) {
            points.push(
              type === 'MONTH' ? monthPoint(start * 1000, k) : start * 1000 + k * (type === 'DAY' ? 1 : 7) * 86_400_000,
            );
          }
          const expected = points.find((p) => p > after);
          expect(got).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('KeyedMinHeap', () => {
  it('pops in order with updates and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1000 }), fc.boolean())),
        (ops) => {
          const heap = new KeyedMinHeap<number>((a, b) => a < b);
          const model = new Map<string, number>();
          for (const [k, v, del] of ops) {
            if (del) {
              heap.delete(`k${k}`);
              model.delete(`k${k}`);
            } else {
              heap.set(`k${k}`, v);
              model.set(`k${k}`, v);
            }
            expect(heap.peek()).toBe(model.size === 0 ? undefined : Math.min(...model.values()));
          }
          const out: number[] = [];
          for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
          expect(out).toEqual([...model.values()].sort((a, b) => a - b));
        },
      ),
    );
  });
});
