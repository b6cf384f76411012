/**
 * Quartz cron subset shared by the SDK's client-side validation and the mock (DataArts Catalog, DataWorks).
 * Pure and dependency-free.
 *
 * The DataArts cron subset: exactly 6 whitespace-separated fields
 * `sec min hour day-of-month month day-of-week`; ranges sec 0–59, min 0–59, hour 0–23, day-of-month 1–31,
 * month 1–12 or JAN–DEC, day-of-week 1–7 (1 = Sunday) or SUN–SAT; each field is `*`, a number, `a-b`, a comma
 * list, or a step `*∕n`, `a/n`, `a-b/n`; `?` only in day-of-month or day-of-week, and at least one of the two must
 * be `?`. `L`, `W`, `#`, `LW` and a 7th (year) field are rejected naming the token. Leading zeros are allowed.
 *
 * Decisions where the vendor docs are silent (as Quartz 2.x does unless noted):
 * - Names are case-insensitive (`mon-fri`), numbers and names may be mixed in a range (`2-FRI`).
 * - A range whose start is greater than its end wraps around (`22-2` hours = 22,23,0,1,2; `FRI-MON`).
 * - A step `n` must be 1 … field maximum (59, 59, 23, 31, 12, 7); `a/n` runs from `a` to the field maximum.
 * - Both day fields `?` means every day (DataArts asks for at least one `?`; Quartz itself rejects that form).
 * - Daylight saving time (non-UTC zones): a wall-clock time that does not exist (spring-forward gap) does not fire;
 *   a wall-clock time that occurs twice (fall-back overlap) fires once, at its first occurrence.
 */
import { formatterFor, isUtc, zoneOffsetMs } from './zone.js';

export interface QuartzCron {
  /** The expression as given. */
  readonly expression: string;
  /** Allowed values, ascending. */
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** Allowed days of the month, ascending; `undefined` when the field is `?` (no restriction). */
  readonly daysOfMonth: readonly number[] | undefined;
  readonly months: readonly number[];
  /** Allowed days of the week (1 = Sunday … 7 = Saturday), ascending; `undefined` when the field is `?`. */
  readonly daysOfWeek: readonly number[] | undefined;
}

export type QuartzParseResult = { ok: true; value: QuartzCron } | { ok: false; token: string; message: string };

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  question?: boolean;
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const FIELDS: readonly FieldSpec[] = [
  { name: 'seconds', min: 0, max: 59 },
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day-of-week', min: 1, max: 7, names: DAY_NAMES, question: true },
];

class CronError extends Error {
  constructor(
    readonly token: string,
    message: string,
  ) {
    super(message);
  }
}

function parseValue(text: string, spec: FieldSpec, item: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < spec.min || n > spec.max) {
      throw new CronError(item, `value '${text}' out of range ${spec.min}-${spec.max} in ${spec.name}`);
    }
    return n;
  }
  const upper = text.toUpperCase();
  if (spec.names) {
    const idx = spec.names.indexOf(upper);
    if (idx >= 0) return idx + 1;
  }
  if (/[LW#]/.test(upper)) {
    throw new CronError(item, `unsupported token '${item}' in ${spec.name} (L, W, # and LW are not supported)`);
  }
  throw new CronError(item, `invalid value '${text}' in ${spec.name}`);
}

function addRange(set: Set<number>, spec: FieldSpec, from: number, to: number, step: number): void {
  const span = spec.max - spec.min + 1;
  // Wrap-around range (e.g. 22-2): walk forward modulo the field size.
  const count = to >= from ? to - from : to + span - from;
  for (let k = 0; k <= count; k += step) {
    set.add(((from - spec.min + k) % span) + spec.min);
  }
}

function parseField(field: string, spec: FieldSpec): number[] | undefined {
  if (field === '?') {
    if (!spec.question)
      throw new CronError('?', `'?' is only allowed in day-of-month or day-of-week, not in ${spec.name}`);
    return undefined;
  }
  const set = new Set<number>();
  for (const item of field.split(',')) {
    if (item === '') throw new CronError(field, `empty list element in ${spec.name}`);
    if (item === '?') throw new CronError('?', `'?' must be the whole ${spec.name} field`);
    const slash = item.indexOf('/');
    let rangePart = item;
    let step = 1;
    let hasStep = false;
    if (slash >= 0) {
      rangePart = item.slice(0, slash);
      const stepText = item.slice(slash + 1);
      if (!/^\d+$/.test(stepText)) {
        if (/[LW#]/i.test(stepText)) {
          throw new CronError(item, `unsupported token '${item}' in ${spec.name} (L, W, # and LW are not supported)`);
        }
        throw new CronError(item, `invalid step '${stepText}' in ${spec.name}`);
      }
      step = Number(stepText);
      if (step < 1 || step > spec.max) {
        throw new CronError(item, `step '${stepText}' out of range 1-${spec.max} in ${spec.name}`);
      }
      hasStep = true;
      if (rangePart === '') throw new CronError(item, `missing start before '/' in ${spec.name}`);
    }
    if (rangePart === '*') {
      addRange(set, spec, spec.min, spec.max, step);
      continue;
    }
    const dash = rangePart.indexOf('-', 1);
    if (dash > 0) {
      const from = parseValue(rangePart.slice(0, dash), spec, item);
      const to = parseValue(rangePart.slice(dash + 1), spec, item);
      addRange(set, spec, from, to, step);
      continue;
    }
    const value = parseValue(rangePart, spec, item);
    if (hasStep) addRange(set, spec, value, spec.max, step);
    else set.add(value);
  }
  return [...set].sort((a, b) => a - b);
}

/** Parses a 6-field Quartz expression of the supported subset. */
export function parseQuartzCron(expr: string): QuartzParseResult {
  if (typeof expr !== 'string') return { ok: false, token: String(expr), message: 'cron expression must be a string' };
  const parts = expr
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  if (parts.length > 6) {
    const extra = parts.slice(6).join(' ');
    return {
      ok: false,
      token: extra,
      message: `unsupported token '${extra}': expected exactly 6 fields (sec min hour day-of-month month day-of-week), a year field is not supported`,
    };
  }
  if (parts.length < 6) {
    return {
      ok: false,
      token: expr,
      message: `expected exactly 6 fields (sec min hour day-of-month month day-of-week), got ${parts.length}`,
    };
  }
  try {
    const values = parts.map((p, i) => parseField(p, FIELDS[i] as FieldSpec));
    const dom = values[3];
    const dow = values[5];
    if (dom !== undefined && dow !== undefined) {
      return {
        ok: false,
        token: parts[5] as string,
        message: `'?' is required in day-of-month or day-of-week (got '${parts[3]}' and '${parts[5]}')`,
      };
    }
    return {
      ok: true,
      value: {
        expression: expr,
        seconds: values[0] as number[],
        minutes: values[1] as number[],
        hours: values[2] as number[],
        daysOfMonth: dom,
        months: values[4] as number[],
        daysOfWeek: dow,
      },
    };
  } catch (err) {
    if (err instanceof CronError) return { ok: false, token: err.token, message: err.message };
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

/** Smallest value in ascending `values` that is ≥ `from`, or undefined. */
function nextIn(values: readonly number[], from: number): number | undefined {
  for (const v of values) if (v >= from) return v;
  return undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] as number;
}

function dayMatches(cron: QuartzCron, year: number, month: number, day: number): boolean {
  if (cron.daysOfMonth && !cron.daysOfMonth.includes(day)) return false;
  if (cron.daysOfWeek) {
    const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
    if (!cron.daysOfWeek.includes(dow)) return false;
  }
  return true;
}

/** How many years past the start the search gives up (expressions like `0 0 0 30 2 ?` never fire). */
const SEARCH_YEARS = 400;

/**
 * First matching wall-clock second ≥ `fromSec` (wall clock expressed as a UTC epoch, in seconds), or undefined.
 * Field-wise search: each step either returns or advances a calendar field, so the work is bounded by the number of
 * months searched, not the number of seconds.
 */
function nextWallSecond(cron: QuartzCron, fromSec: number): number | undefined {
  const start = new Date(fromSec * 1000);
  if (Number.isNaN(start.getTime())) return undefined; // beyond the Date range
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth() + 1;
  let d = start.getUTCDate();
  let h = start.getUTCHours();
  let mi = start.getUTCMinutes();
  let s = start.getUTCSeconds();
  const limit = y + SEARCH_YEARS;
  for (;;) {
    if (y > limit) return undefined;
    const mo2 = nextIn(cron.months, mo);
    if (mo2 === undefined) {
      y += 1;
      mo = 1;
      d = 1;
      h = 0;
      mi = 0;
      s = 0;
      continue;
    }
    if (mo2 !== mo) {
      mo = mo2;
      d = 1;
      h = 0;
      mi = 0;
      s = 0;
    }
    const dim = daysInMonth(y, mo);
    let d2: number | undefined;
    for (let day = d; day <= dim; day++) {
      if (dayMatches(cron, y, mo, day)) {
        d2 = day;
        break;
      }
    }
    if (d2 === undefined) {
      mo += 1;
      d = 1;
      h = 0;
      mi = 0;
      s = 0;
      continue;
    }
    if (d2 !== d) {
      d = d2;
      h = 0;
      mi = 0;
      s = 0;
    }
    const h2 = nextIn(cron.hours, h);
    if (h2 === undefined) {
      d += 1;
      h = 0;
      mi = 0;
      s = 0;
      continue;
    }
    if (h2 !== h) {
      h = h2;
      mi = 0;
      s = 0;
    }
    const mi2 = nextIn(cron.minutes, mi);
    if (mi2 === undefined) {
      h += 1;
      mi = 0;
      s = 0;
      continue;
    }
    if (mi2 !== mi) {
      mi = mi2;
      s = 0;
    }
    const s2 = nextIn(cron.seconds, s);
    if (s2 === undefined) {
      mi += 1;
      s = 0;
      continue;
    }
    const found = Date.UTC(y, mo - 1, d, h, mi, s2);
    return Number.isFinite(found) && Math.abs(found) <= 8.64e15 ? found / 1000 : undefined;
  }
}

const DAY_MS = 86_400_000;

/** Earliest instant whose wall clock in `timeZone` reads `wallMs`, or undefined when that wall time does not exist. */
function earliestInstant(timeZone: string, wallMs: number): number | undefined {
  const offsets = new Set([zoneOffsetMs(timeZone, wallMs - DAY_MS), zoneOffsetMs(timeZone, wallMs + DAY_MS)]);
  let best: number | undefined;
  for (const o of offsets) {
    const t = wallMs - o;
    if (zoneOffsetMs(timeZone, t) === o && (best === undefined || t < best)) best = t;
  }
  return best;
}

/**
 * The first firing of `cron` strictly after `afterMs` (epoch ms), evaluated in the IANA zone `timeZone`
 * (default UTC), or undefined when the expression never fires again (e.g. `0 0 0 30 2 ?`).
 * Throws RangeError for an unknown zone or a non-finite `afterMs`.
 */
export function nextFireTime(cron: QuartzCron, afterMs: number, timeZone = 'UTC'): number | undefined {
  if (!Number.isFinite(afterMs)) throw new RangeError(`afterMs must be a finite number, got ${afterMs}`);
  const firstSec = Math.floor(afterMs / 1000) + 1;
  if (isUtc(timeZone)) {
    const sec = nextWallSecond(cron, firstSec);
    return sec === undefined ? undefined : sec * 1000;
  }
  formatterFor(timeZone); // throws RangeError for an unknown zone
  let wallSec = (firstSec * 1000 + zoneOffsetMs(timeZone, firstSec * 1000)) / 1000;
  // Bounded: each iteration moves the wall clock forward to the next matching second.
  for (let guard = 0; guard < 100_000; guard++) {
    const sec = nextWallSecond(cron, wallSec);
    if (sec === undefined) return undefined;
    const instant = earliestInstant(timeZone, sec * 1000);
    if (instant !== undefined && instant > afterMs) return instant;
    wallSec = sec + 1;
  }
  return undefined;
}

/**
 * Whether the instant `ms` is a firing point of `cron` in `timeZone`: a whole second whose wall-clock fields all
 * match, and (DST) the first instant showing that wall-clock time.
 */
export function matchesQuartzCron(cron: QuartzCron, ms: number, timeZone = 'UTC'): boolean {
  if (ms % 1000 !== 0) return false;
  const wall = ms + zoneOffsetMs(timeZone, ms);
  const d = new Date(wall);
  const month = d.getUTCMonth() + 1;
  if (
    !cron.seconds.includes(d.getUTCSeconds()) ||
    !cron.minutes.includes(d.getUTCMinutes()) ||
    !cron.hours.includes(d.getUTCHours()) ||
    !cron.months.includes(month) ||
    !dayMatches(cron, d.getUTCFullYear(), month, d.getUTCDate())
  ) {
    return false;
  }
  return isUtc(timeZone) || earliestInstant(timeZone, wall) === ms;
}
