/** Field builders of the DataArts schemas: each message names its field and says what was expected. */
import { z } from 'zod';
import { describeValue } from '../core/format.js';
import { codePointLength } from './times.js';

/** Error callback for a field's type check: "field: is required (expected X)" or "field: expected X, got Y". */
export function typeError(field: string, expected: string) {
  return (iss: { input?: unknown }) =>
    iss.input === undefined
      ? `${field}: is required (expected ${expected})`
      : `${field}: expected ${expected}, got ${describeValue(iss.input)}`;
}

export function text(field: string, opts: { min?: number; max?: number } = {}) {
  let s = z.string({ error: typeError(field, 'a string') });
  const { min, max } = opts;
  if (min !== undefined && min > 0) {
    s = s.refine((v) => codePointLength(v) >= min, {
      error: min === 1 ? `${field}: must not be empty` : `${field}: must be at least ${min} characters`,
    });
  }
  if (max !== undefined) {
    s = s.refine((v) => codePointLength(v) <= max, { error: `${field}: must be at most ${max} characters` });
  }
  return s;
}

/** Optional string that also accepts `null` (= absent, [mock]). */
export function optText(field: string, opts: { max?: number } = {}) {
  let s = z.string({ error: typeError(field, 'a string or null') });
  const { max } = opts;
  if (max !== undefined) {
    s = s.refine((v) => codePointLength(v) <= max, { error: `${field}: must be at most ${max} characters` });
  }
  return s.nullable().optional();
}

export function optInt(field: string, min: number, max: number) {
  const range = `an integer from ${min} to ${max}`;
  return z
    .int({ error: typeError(field, `${range} or null`) })
    .min(min, { error: `${field}: expected ${range}` })
    .max(max, { error: `${field}: expected ${range}` })
    .nullable()
    .optional();
}

export function optBool(field: string) {
  return z
    .boolean({ error: typeError(field, 'a boolean or null') })
    .nullable()
    .optional();
}

export function optStringArray(field: string) {
  return z
    .array(z.string({ error: typeError(`${field}[]`, 'a string') }), { error: typeError(field, 'an array of strings') })
    .nullable()
    .optional();
}
