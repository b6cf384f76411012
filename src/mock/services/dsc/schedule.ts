/**
 * DSC schedule trigger points: every DAY, WEEK or calendar MONTH from `start_time` (epoch seconds), or ONCE at it;
 * MONTH counts UTC calendar months, clamped to the month's last day. All results are epoch ms.
 */
import type { ScheduleType } from '../../../dsc/schemas.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

function daysInUtcMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The MONTH trigger point `k` months after `startMs` (k >= 0), clamped to the month's last day. */
export function monthPoint(startMs: number, k: number): number {
  const s = new Date(startMs);
  const y = s.getUTCFullYear();
  const m = s.getUTCMonth() + k;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const day = Math.min(s.getUTCDate(), daysInUtcMonth(targetYear, targetMonth));
  return Date.UTC(
    targetYear,
    targetMonth,
    day,
    s.getUTCHours(),
    s.getUTCMinutes(),
    s.getUTCSeconds(),
    s.getUTCMilliseconds(),
  );
}

/** First trigger point strictly after `afterMs`, or null when there is none (a past ONCE). O(1). */
export function nextTriggerAfter(type: ScheduleType, startTimeSec: number, afterMs: number): number | null {
  const startMs = startTimeSec * 1000;
  if (startMs > afterMs) return startMs;
  switch (type) {
    case 'ONCE':
      return null;
    case 'DAY':
    case 'WEEK': {
      const period = type === 'DAY' ? DAY_MS : WEEK_MS;
      const k = Math.floor((afterMs - startMs) / period) + 1;
      return startMs + k * period;
    }
    case 'MONTH': {
      const s = new Date(startMs);
      const a = new Date(afterMs);
      const diff = (a.getUTCFullYear() - s.getUTCFullYear()) * 12 + (a.getUTCMonth() - s.getUTCMonth());
      // The point for `diff` months lies in after's month; start one earlier to be safe, at most three steps.
      for (let k = Math.max(0, diff - 1); ; k++) {
        const p = monthPoint(startMs, k);
        if (p > afterMs) return p;
      }
    }
  }
}
