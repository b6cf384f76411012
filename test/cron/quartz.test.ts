import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesQuartzCron, nextFireTime, parseQuartzCron, type QuartzCron } from '../../src/cron/quartz.js';
import { isValidTimeZone, zoneOffsetMs } from '../../src/cron/zone.js';

function parse(expr: string): QuartzCron {
  const r = parseQuartzCron(expr);
  if (!r.ok) throw new Error(`expected ${expr} to parse: ${r.message}`);
  return r.value;
}

function rejects(expr: string): { token: string; message: string } {
  const r = parseQuartzCron(expr);
  if (r.ok) throw new Error(`expected ${expr} to be rejected`);
  return r;
}

const range = (a: number, b: number, step = 1): number[] => {
  const out: number[] = [];
  for (let i = a; i <= b; i += step) out.push(i);
  return out;
};

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseQuartzCron — accepted subset', () => {
  it('parses the documented example 00 */15 9-23 * * ?', () => {
    const c = parse('00 */15 9-23 * * ?');
    expect(c.seconds).toEqual([0]);
    expect(c.minutes).toEqual([0, 15, 30, 45]);
    expect(c.hours).toEqual(range(9, 23));
    expect(c.daysOfMonth).toEqual(range(1, 31));
    expect(c.months).toEqual(range(1, 12));
    expect(c.daysOfWeek).toBeUndefined();
    expect(c.expression).toBe('00 */15 9-23 * * ?');
  });

  it('accepts numbers, lists, ranges and the three step forms', () => {
    const c = parse('5,10,15 1-3 */6 ? * *');
    expect(c.seconds).toEqual([5, 10, 15]);
    expect(c.minutes).toEqual([1, 2, 3]);
    expect(c.hours).toEqual([0, 6, 12, 18]);
    expect(c.daysOfMonth).toBeUndefined();
    expect(c.daysOfWeek).toEqual(range(1, 7));
    expect(parse('10/20 0 0 * * ?').seconds).toEqual([10, 30, 50]);
    expect(parse('0 10-40/10 0 * * ?').minutes).toEqual([10, 20, 30, 40]);
    expect(parse('0 0 0 1/10 * ?').daysOfMonth).toEqual([1, 11, 21, 31]);
    expect(parse('0 0 0 ? 2/3 *').months).toEqual([2, 5, 8, 11]);
    expect(parse('0 0 0,1-2,*/12 * * ?').hours).toEqual([0, 1, 2, 12]);
  });

  it('maps month names JAN–DEC and day names SUN–SAT (1 = Sunday), case-insensitive', () => {
    expect(parse('0 0 0 * JAN,MAR,DEC ?').months).toEqual([1, 3, 12]);
    expect(parse('0 0 0 * jun-aug ?').months).toEqual([6, 7, 8]);
    expect(parse('0 0 0 ? * SUN').daysOfWeek).toEqual([1]);
    expect(parse('0 0 0 ? * SAT').daysOfWeek).toEqual([7]);
    expect(parse('0 0 0 ? * MON-FRI').daysOfWeek).toEqual([2, 3, 4, 5, 6]);
    expect(parse('0 0 0 ? * Tue,Thu').daysOfWeek).toEqual([3, 5]);
    expect(parse('0 0 0 ? * MON/2').daysOfWeek).toEqual([2, 4, 6]);
  });

  it('accepts leading zeros', () => {
    const c = parse('00 05 007 01 02 ?');
    expect([c.seconds, c.minutes, c.hours, c.daysOfMonth, c.months]).toEqual([[0], [5], [7], [1], [2]]);
  });

  it('wraps a range whose start is after its end', () => {
    expect(parse('0 0 22-2 * * ?').hours).toEqual([0, 1, 2, 22, 23]);
    expect(parse('0 0 0 ? * FRI-MON').daysOfWeek).toEqual([1, 2, 6, 7]);
    expect(parse('0 50-10/10 0 * * ?').minutes).toEqual([0, 10, 50]);
  });

  it('accepts ? in both day fields (every day) and extra whitespace', () => {
    const c = parse('  0   0\t12 ? * ?  ');
    expect(c.daysOfMonth).toBeUndefined();
    expect(c.daysOfWeek).toBeUndefined();
    expect(iso(nextFireTime(c, utc(2026, 1, 1)))).toBe('2026-01-01T12:00:00.000Z');
  });
});

describe('parseQuartzCron — rejections name the token', () => {
  it.each([
    ['0 0 12 L * ?', 'L'],
    ['0 0 12 LW * ?', 'LW'],
    ['0 0 12 15W * ?', '15W'],
    ['0 0 12 W * ?', 'W'],
    ['0 0 12 ? * 6L', '6L'],
    ['0 0 12 ? * 6#3', '6#3'],
    ['0 0 12 ? * FRI#2', 'FRI#2'],
    ['0 0 12 L-3 * ?', 'L-3'],
    ['0 0 12 1,L * ?', 'L'],
  ])('%s → %s', (expr, token) => {
    const r = rejects(expr);
    expect(r.token).toBe(token);
    expect(r.message).toContain(`'${token}'`);
    expect(r.message).toMatch(/not supported/);
  });

  it('rejects a 7th (year) field naming it', () => {
    const r = rejects('0 0 12 * * ? 2026');
    expect(r.token).toBe('2026');
    expect(r.message).toContain("'2026'");
    expect(r.message).toMatch(/year/);
  });

  it('rejects fewer than 6 fields and non-strings', () => {
    expect(rejects('0 12 * * ?').message).toMatch(/exactly 6 fields.*got 5/);
    expect(rejects('').message).toMatch(/got 0/);
    expect(parseQuartzCron(42 as unknown as string).ok).toBe(false);
  });

  it('rejects ? outside the day fields and requires ? in one day field', () => {
    expect(rejects('? 0 0 * * ?').token).toBe('?');
    expect(rejects('0 0 0 ? ? *').message).toMatch(/only allowed in day-of-month or day-of-week/);
    const both = rejects('0 0 0 * * *');
    expect(both.message).toMatch(/'\?' is required/);
    expect(rejects('0 0 0 1 * MON').message).toMatch(/'\?' is required/);
    expect(rejects('0 0 0 1,? * *').token).toBe('?');
  });

  it.each([
    ['60 0 0 * * ?', '60'],
    ['0 60 0 * * ?', '60'],
    ['0 0 24 * * ?', '24'],
    ['0 0 0 0 * ?', '0'],
    ['0 0 0 32 * ?', '32'],
    ['0 0 0 * 13 ?', '13'],
    ['0 0 0 * 0 ?', '0'],
    ['0 0 0 ? * 8', '8'],
    ['0 0 0 ? * 0', '0'],
    ['0 0 0-24 * * ?', '0-24'],
  ])('out of range %s names %s', (expr, token) => {
    const r = rejects(expr);
    expect(r.token).toBe(token);
    expect(r.message).toMatch(/out of range/);
  });

  it.each([
    ['*/0 0 0 * * ?', '*/0', /step/],
    ['*/60 0 0 * * ?', '*/60', /step/],
    ['0 0 */24 * * ?', '*/24', /step/],
    ['0 0 0 ? * */8', '*/8', /step/],
    ['*/x 0 0 * * ?', '*/x', /step/],
    ['/5 0 0 * * ?', '/5', /missing start/],
    ['1,,2 0 0 * * ?', '1,,2', /empty/],
    ['abc 0 0 * * ?', 'abc', /invalid value/],
    ['0 0 0 * MON ?', 'MON', /invalid value/],
    ['0 0 0 ? * JAN', 'JAN', /invalid value/],
    ['-5 0 0 * * ?', '-5', /invalid value/],
    ['1-2-3 0 0 * * ?', '1-2-3', /invalid value/],
    ['0 0 0 * * ? *', '*', /year/],
  ])('malformed %s names %s', (expr, token, msg) => {
    const r = rejects(expr);
    expect(r.token).toBe(token);
    expect(r.message).toMatch(msg);
  });
});

describe('nextFireTime — UTC', () => {
  const c15 = parse('00 */15 9-23 * * ?');

  it('returns the first point strictly after the given instant', () => {
    expect(iso(nextFireTime(c15, utc(2026, 4, 14, 8, 59, 59)))).toBe('2026-04-14T09:00:00.000Z');
    expect(iso(nextFireTime(c15, utc(2026, 4, 14, 9, 0, 0)))).toBe('2026-04-14T09:15:00.000Z');
    expect(iso(nextFireTime(c15, utc(2026, 4, 14, 9, 0, 0) - 1))).toBe('2026-04-14T09:00:00.000Z');
    expect(iso(nextFireTime(c15, utc(2026, 4, 14, 9, 0, 0) + 1))).toBe('2026-04-14T09:15:00.000Z');
    expect(iso(nextFireTime(c15, utc(2026, 4, 14, 23, 45, 0)))).toBe('2026-04-15T09:00:00.000Z');
  });

  it('rolls over months and years', () => {
    expect(iso(nextFireTime(c15, utc(2026, 12, 31, 23, 50)))).toBe('2027-01-01T09:00:00.000Z');
    const c = parse('30 15 10 31 * ?');
    expect(iso(nextFireTime(c, utc(2026, 4, 1)))).toBe('2026-05-31T10:15:30.000Z');
    expect(iso(nextFireTime(c, utc(2026, 5, 31, 10, 15, 30)))).toBe('2026-07-31T10:15:30.000Z');
  });

  it('honours days of the week (1 = Sunday)', () => {
    // 2026-04-14 is a Tuesday.
    const c = parse('0 0 8 ? * SUN');
    expect(iso(nextFireTime(c, utc(2026, 4, 14)))).toBe('2026-04-19T08:00:00.000Z');
    const wk = parse('0 0 0 ? * MON-FRI');
    expect(iso(nextFireTime(wk, utc(2026, 4, 17, 1)))).toBe('2026-04-20T00:00:00.000Z');
  });

  it('finds February 29 across a non-leap century year', () => {
    const c = parse('0 0 0 29 FEB ?');
    expect(iso(nextFireTime(c, utc(2026, 1, 1)))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(nextFireTime(c, utc(2097, 1, 1)))).toBe('2104-02-29T00:00:00.000Z');
  });

  it('returns undefined for an expression that never fires', () => {
    expect(nextFireTime(parse('0 0 0 30 2 ?'), utc(2026, 1, 1))).toBeUndefined();
    expect(nextFireTime(parse('0 0 0 31 4,6,9,11 ?'), utc(2026, 1, 1))).toBeUndefined();
  });

  it('rejects a non-finite instant and stops at the end of the Date range', () => {
    const c = parse('0 0 0 * * ?');
    expect(() => nextFireTime(c, Number.NaN)).toThrow(RangeError);
    expect(() => nextFireTime(c, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(nextFireTime(c, 8.64e15)).toBeUndefined();
    expect(nextFireTime(c, 8.64e15 - 1)).toBe(8.64e15);
    expect(nextFireTime(c, 8.64e15 - 86_400_000 - 1)).toBe(8.64e15 - 86_400_000);
  });

  it('handles every second and instants before 1970', () => {
    const every = parse('* * * * * ?');
    expect(nextFireTime(every, 1_000)).toBe(2_000);
    expect(nextFireTime(every, 1_999)).toBe(2_000);
    expect(nextFireTime(every, -1)).toBe(0);
    expect(iso(nextFireTime(c15, utc(1960, 1, 1)))).toBe('1960-01-01T09:00:00.000Z');
  });
});

describe('nextFireTime — time zones', () => {
  it('evaluates in a fixed-offset zone (Asia/Shanghai, +08)', () => {
    const c = parse('0 0 9 * * ?');
    expect(iso(nextFireTime(c, utc(2026, 4, 14), 'Asia/Shanghai'))).toBe('2026-04-14T01:00:00.000Z');
    expect(iso(nextFireTime(c, utc(2026, 4, 14, 1), 'Asia/Shanghai'))).toBe('2026-04-15T01:00:00.000Z');
    expect(zoneOffsetMs('Asia/Shanghai', utc(2026, 4, 14))).toBe(8 * 3_600_000);
    expect(zoneOffsetMs('Asia/Kolkata', utc(2026, 4, 14))).toBe(5.5 * 3_600_000);
  });

  it('skips a wall time inside the spring-forward gap', () => {
    // America/New_York: 2026-03-08 02:00 EST → 03:00 EDT.
    const c = parse('0 30 2 * * ?');
    let t = utc(2026, 3, 7, 0);
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const n = nextFireTime(c, t, 'America/New_York');
      seen.push(iso(n));
      t = n ?? t;
    }
    expect(seen).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
  });

  it('fires a repeated wall time once, at its first occurrence (fall back)', () => {
    // America/New_York: 2026-11-01 02:00 EDT → 01:00 EST, so 01:30 happens at 05:30Z and 06:30Z.
    const c = parse('0 30 1 * * ?');
    expect(iso(nextFireTime(c, utc(2026, 11, 1, 4), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextFireTime(c, utc(2026, 11, 1, 5, 30), 'America/New_York'))).toBe('2026-11-02T06:30:00.000Z');
    // Starting inside the second pass does not fire the second occurrence either.
    expect(iso(nextFireTime(c, utc(2026, 11, 1, 6, 10), 'America/New_York'))).toBe('2026-11-02T06:30:00.000Z');
    const hourly = parse('0 0 * * * ?');
    expect(iso(nextFireTime(hourly, utc(2026, 11, 1, 5, 0), 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('throws RangeError for an unknown zone and validates zone names', () => {
    expect(() => nextFireTime(parse('0 0 0 * * ?'), 0, 'Mars/Olympus')).toThrow(RangeError);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property tests

const fieldArb = (min: number, max: number, names?: readonly string[]): fc.Arbitrary<string> => {
  const value = names
    ? fc.oneof(
        fc.integer({ min, max }).map(String),
        fc.integer({ min, max }).map((v) => names[v - min] as string),
      )
    : fc.integer({ min, max }).map((v) => (v < 10 && v % 2 === 0 ? `0${v}` : String(v)));
  const item = fc.oneof(
    { weight: 3, arbitrary: fc.constant('*') },
    { weight: 2, arbitrary: value },
    { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => `${a}-${b}`) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max }).map((n) => `*/${n}`) },
    { weight: 1, arbitrary: fc.tuple(value, fc.integer({ min: 1, max })).map(([a, n]) => `${a}/${n}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(value, value, fc.integer({ min: 1, max })).map(([a, b, n]) => `${a}-${b}/${n}`),
    },
  );
  return fc.array(item, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','));
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const exprArb = fc
  .tuple(
    fieldArb(0, 59),
    fieldArb(0, 59),
    fieldArb(0, 23),
    fieldArb(1, 31),
    fieldArb(1, 12, MONTHS),
    fieldArb(1, 7, DAYS),
    fc.constantFrom('dom', 'dow', 'both'),
  )
  .map(([s, mi, h, dom, mo, dow, q]) => [s, mi, h, q === 'dow' ? dom : '?', mo, q === 'dom' ? dow : '?'].join(' '));

/** Independent oracle: do the UTC fields of `ms` match the cron? */
function fieldsMatch(c: QuartzCron, ms: number): boolean {
  const d = new Date(ms);
  return (
    c.seconds.includes(d.getUTCSeconds()) &&
    c.minutes.includes(d.getUTCMinutes()) &&
    c.hours.includes(d.getUTCHours()) &&
    c.months.includes(d.getUTCMonth() + 1) &&
    (!c.daysOfMonth || c.daysOfMonth.includes(d.getUTCDate())) &&
    (!c.daysOfWeek || c.daysOfWeek.includes(d.getUTCDay() + 1))
  );
}

/** Naive scan for the first matching second in (after, until], skipping whole non-matching days/hours/minutes. */
function naiveFirstMatch(c: QuartzCron, after: number, until: number): number | undefined {
  let t = Math.floor(after / 1000) * 1000 + 1000;
  while (t <= until) {
    const d = new Date(t);
    const dayOk =
      c.months.includes(d.getUTCMonth() + 1) &&
      (!c.daysOfMonth || c.daysOfMonth.includes(d.getUTCDate())) &&
      (!c.daysOfWeek || c.daysOfWeek.includes(d.getUTCDay() + 1));
    if (!dayOk) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!c.hours.includes(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!c.minutes.includes(d.getUTCMinutes())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes() + 1);
      continue;
    }
    if (fieldsMatch(c, t)) return t;
    t += 1000;
  }
  return undefined;
}

describe('nextFireTime — properties', () => {
  const afterArb = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });

  it('every generated expression of the subset parses', () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        expect(parseQuartzCron(expr).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('UTC: result > after, matches every field, and no earlier matching second in between', () => {
    fc.assert(
      fc.property(exprArb, afterArb, (expr, after) => {
        const c = parse(expr);
        const next = nextFireTime(c, after);
        const horizon = after + 400 * 86_400_000;
        const naive = naiveFirstMatch(c, after, next ?? horizon);
        if (next === undefined) {
          expect(naive).toBeUndefined();
          return;
        }
        expect(next).toBeGreaterThan(after);
        expect(next % 1000).toBe(0);
        expect(fieldsMatch(c, next)).toBe(true);
        expect(matchesQuartzCron(c, next)).toBe(true);
        expect(naive).toBe(next);
      }),
      { numRuns: 300 },
    );
  });

  it('successive calls enumerate strictly increasing matching points', () => {
    fc.assert(
      fc.property(exprArb, afterArb, (expr, after) => {
        const c = parse(expr);
        let t = after;
        for (let i = 0; i < 5; i++) {
          const n = nextFireTime(c, t);
          if (n === undefined) return;
          expect(n).toBeGreaterThan(t);
          expect(naiveFirstMatch(c, t, n)).toBe(n);
          t = n;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('other zones: result > after, wall-clock fields match, no earlier matching second in short windows', () => {
    const zoneArb = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe');
    const denseExpr = fc
      .tuple(fieldArb(0, 59), fc.constantFrom('*', '*/7', '0-30', '15,45'), fieldArb(0, 23))
      .map(([s, mi, h]) => `${s} ${mi} ${h} * * ?`);
    fc.assert(
      fc.property(denseExpr, zoneArb, afterArb, (expr, zone, after) => {
        const c = parse(expr);
        const next = nextFireTime(c, after, zone);
        expect(next).toBeDefined();
        if (next === undefined) return;
        expect(next).toBeGreaterThan(after);
        const wall = new Date(next + zoneOffsetMs(zone, next));
        expect(c.seconds).toContain(wall.getUTCSeconds());
        expect(c.minutes).toContain(wall.getUTCMinutes());
        expect(c.hours).toContain(wall.getUTCHours());
        expect(matchesQuartzCron(c, next, zone)).toBe(true);
        if (next - after <= 20 * 60_000) {
          for (let t = Math.floor(after / 1000) * 1000 + 1000; t < next; t += 1000) {
            expect(matchesQuartzCron(c, t, zone)).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
