/**
 * Request bodies: `--body file.json` or `--body -` (stdin), with the flags for common fields merged over it. The
 * result is checked by the client's own schemas when the call is made, before anything is sent.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './exit.js';

/** Reads `--body`: a JSON object from the file, or from stdin for `-`. No `--body`: `{}`. */
export function readBody(source: string | undefined): Record<string, unknown> {
  if (source === undefined) return {};
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    throw new UsageError(`--body: cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--body: ${source === '-' ? 'stdin' : source} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--body: expected a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The body with each flag that was given set over it (`fields` maps a flag's value to the body field). */
export function merge(body: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}

/** An integer argument (an id, a page size); anything else is a usage error naming it. */
export function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new UsageError(`${name}: expected a non-negative integer, got ${raw}`);
  return Number(raw);
}

/** `--data-source db_type:ins_id` (repeatable) → DSC data sources. */
export function dscDataSources(values: string[] | undefined): { db_type: string; ins_id: string }[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.map((v) => {
    const at = v.indexOf(':');
    if (at <= 0 || at === v.length - 1) throw new UsageError(`--data-source: expected db_type:instance_id, got ${v}`);
    return { db_type: v.slice(0, at), ins_id: v.slice(at + 1) };
  });
}

/** Collects a repeatable flag. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
