/**
 * zod helpers: request validation before any I/O (ValidationError naming each field path and what was expected)
 * and loose response checks (unknown fields kept; a documented field of the wrong type is a warning, or a
 * ResponseValidationError with `strictResponses`).
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';

/** `['data_sources', 0, 'db_type']` → `data_sources[0].db_type`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export function issuesFrom(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

/**
 * Validates `value` with `schema`; throws ValidationError (nothing is sent). `prefix` names the argument when it
 * is not a body (e.g. `templateId`).
 */
export function validateInput(schema: z.ZodType, value: unknown, operation: string, prefix = ''): void {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesFrom(result.error, prefix), { operation });
}

/** Returns the issues of a response body, or an empty array when it conforms. */
export function checkResponse(schema: z.ZodType, value: unknown): ValidationIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : issuesFrom(result.error);
}
