/**
 * DataArts text rules the SDK and the mock share, without zod: code-point lengths and the time formats of schedule
 * windows and search bounds.
 */

/** Number of Unicode code points (what JSON Schema minLength/maxLength count). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z| ?([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * Parses a schedule window bound — vendor `yyyy-MM-ddTHH:mm:ss +08`, or ISO-8601 with `Z` / `±HH:MM` / `±HHMM`
 * (space before the offset optional, fractional seconds allowed) — to epoch milliseconds; `undefined` if the text
 * is not in those formats or is not a real calendar time.
 */
export function parseScheduleTime(value: string): number | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, zone, sign, ohs, oms] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const s = Number(ss);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const dim = new Date(Date.UTC(2000, mo, 0)).getUTCDate(); // leap year: 29 for February
  if (d > dim || (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))) return undefined;
  let offsetMin = 0;
  if (zone !== 'Z') {
    const oh = Number(ohs);
    const om = oms === undefined ? 0 : Number(oms);
    if (oh > 18 || om > 59) return undefined;
    offsetMin = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime() - offsetMin * 60_000;
}

/**
 * Parses a search `start_time`/`end_time`: epoch-ms digits or a date-time as `parseScheduleTime`. The spec's pattern
 * allows 1-15 digits (epoch ms up to the year 33658), so a 16th digit is rejected, by the SDK and the mock alike.
 */
export function parseSearchTime(value: string): number | undefined {
  if (/^\d{1,15}$/.test(value)) return Number(value);
  return parseScheduleTime(value);
}
