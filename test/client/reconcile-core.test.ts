import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  CreateLedger,
  type CreateLookup,
  clockOffset,
  describeLookup,
  findCreated,
  type LookupPage,
  RECONCILE_TOLERANCE_MS,
} from '../../src/core/reconcile.js';

const never = new AbortController().signal;

function lookupOf(pages: Candidate[][], date?: () => string, key = 'k'): CreateLookup<string> {
  return {
    key,
    async *pages(): AsyncIterable<LookupPage> {
      for (const matches of pages) yield { matches, seen: matches.length + 1, date: date?.() };
    },
    result: (c) => c.id,
    idOf: (id) => id,
  };
}

describe('findCreated', () => {
  it('adopts the earliest object created after the call began, and claims it', async () => {
    const ledger = new CreateLedger();
    const start = Date.now();
    const report = await findCreated(
      lookupOf([[{ id: 'b', createdAt: start + 20 }], [{ id: 'a', createdAt: start + 10 }]]),
      ledger,
      start,
      never,
    );
    expect(report.adopted?.id).toBe('a');
    expect(report).toMatchObject({ seen: 4, matched: 2, tooOld: 0, claimed: 0 });
    expect(ledger.isClaimed('a')).toBe(true);
  });

  it('never adopts an object created before the call (beyond the tolerance) or one without a create time', async () => {
    const start = Date.now();
    const report = await findCreated(
      lookupOf([
        [
          { id: 'old', createdAt: start - RECONCILE_TOLERANCE_MS - 1 },
          { id: 'unknown', createdAt: undefined },
        ],
      ]),
      new CreateLedger(),
      start,
      never,
    );
    expect(report.adopted).toBeUndefined();
    expect(report.tooOld).toBe(2);
    expect(describeLookup(report)).toBe(
      'looked through 3 object(s): 2 matched exactly (2 created before the call began)',
    );
  });

  it('judges creation times on the service clock given by the Date header', async () => {
    const start = Date.now();
    // The service clock runs an hour behind ours: an object it stamped 30 minutes "ago" in our terms is new.
    const behind = () => new Date(Date.now() - 3_600_000).toUTCString();
    const report = await findCreated(
      lookupOf([[{ id: 'x', createdAt: start - 3_600_000 + 5 }]], behind),
      new CreateLedger(),
      start,
      never,
    );
    expect(report.adopted?.id).toBe('x');
  });

  it('two lookups of the same key never adopt the same object', async () => {
    const ledger = new CreateLedger();
    const start = Date.now();
    const pages = [
      [
        { id: 'one', createdAt: start + 1 },
        { id: 'two', createdAt: start + 2 },
      ],
    ];
    const [a, b, c] = await Promise.all([
      findCreated(lookupOf(pages), ledger, start, never),
      findCreated(lookupOf(pages), ledger, start, never),
      findCreated(lookupOf(pages), ledger, start, never),
    ]);
    expect([a.adopted?.id, b.adopted?.id].sort()).toEqual(['one', 'two']);
    expect(c.adopted).toBeUndefined();
    expect(c.claimed).toBe(2);
  });

  it('waits for identical attempts on the wire before looking', async () => {
    const ledger = new CreateLedger();
    const start = Date.now();
    ledger.enter('k');
    let looked = false;
    const pending = findCreated(
      {
        ...lookupOf([[{ id: 'sibling', createdAt: start + 1 }]]),
        async *pages() {
          looked = true;
          yield { matches: [{ id: 'sibling', createdAt: start + 1 }], seen: 1, date: undefined };
        },
      },
      ledger,
      start,
      never,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(looked).toBe(false);
    ledger.claim('sibling'); // the sibling's success is recorded before it leaves the wire
    ledger.leave('k');
    const report = await pending;
    expect(looked).toBe(true);
    expect(report.adopted).toBeUndefined();
    expect(report.claimed).toBe(1);
  });

  it('clockOffset ignores a missing or unparsable Date', () => {
    expect(clockOffset(undefined, 5)).toBe(0);
    expect(clockOffset('not a date', 5)).toBe(0);
    expect(clockOffset('Thu, 01 Jan 1970 00:00:10 GMT', 4_000)).toBe(6_000);
  });

  it('the ledger forgets the oldest claims past its bound', () => {
    const ledger = new CreateLedger();
    for (let i = 0; i <= 10_000; i++) ledger.claim(String(i));
    expect(ledger.isClaimed('0')).toBe(false);
    expect(ledger.isClaimed('10000')).toBe(true);
    expect(ledger.claim('10000')).toBe(false);
  });
});
