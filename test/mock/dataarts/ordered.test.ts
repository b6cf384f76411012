import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedList } from '../../../src/mock/services/dataarts/ordered.js';

interface Item {
  t: number;
  id: number;
}
// Same shape of order as the DataArts tasks: time ascending, then id descending.
const after = (a: Item, b: Item): boolean => a.t > b.t || (a.t === b.t && a.id < b.id);
const byOrder = (a: Item, b: Item): number => (after(a, b) ? 1 : after(b, a) ? -1 : 0);

function fromEnd(list: OrderedList<Item>, skip: number, limit: number): Item[] {
  const out: Item[] = [];
  list.forEachFromEnd(skip, (item) => {
    out.push(item);
    return out.length < limit;
  });
  return out;
}

describe('OrderedList (chunked sorted list behind the DataArts search order)', () => {
  it('keeps the same order as a sorted array through inserts and removals, across chunk splits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 3 }), remove: fc.boolean() }), { maxLength: 3000 }),
        fc.nat(),
        (ops, seed) => {
          const list = new OrderedList(after);
          const model: Item[] = [];
          let n = seed;
          for (const op of ops) {
            if (op.remove && model.length > 0) {
              const victim = model[(n * 7919) % model.length] as Item;
              expect(list.remove(victim)).toBe(true);
              model.splice(model.indexOf(victim), 1);
            } else {
              // Unique ids in scrambled order (a bijection of the 32-bit counter), so that ties on t insert mid-list.
              const item = { t: op.t, id: Math.imul(++n, 0x9e3779b1) >>> 0 };
              list.insert(item);
              model.push(item);
            }
          }
          model.sort(byOrder);
          expect(list.length).toBe(model.length);
          expect(list.toArray()).toEqual(model);
          const skip = model.length === 0 ? 0 : seed % model.length;
          expect(fromEnd(list, skip, 25)).toEqual(
            model
              .slice()
              .reverse()
              .slice(skip, skip + 25),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('removing an item that is not in the list answers false and changes nothing', () => {
    const list = OrderedList.fromSorted(after, [
      { t: 1, id: 2 },
      { t: 1, id: 1 },
      { t: 2, id: 5 },
    ]);
    expect(list.remove({ t: 1, id: 2 })).toBe(false); // equal fields, another object
    expect(list.length).toBe(3);
    expect(fromEnd(list, 1, 10).map((i) => i.id)).toEqual([1, 2]);
  });
});
