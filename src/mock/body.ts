/**
 * One JSON reader for every body the mock parses: service requests (each service turns a failure into its own error
 * code) and control or seed routes ({@link readControlBody}).
 */
import { ControlError } from './errors.js';

/** The outcome of {@link readJson}: the parsed value, or why the text is not acceptable JSON. */
export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses `raw` as JSON. An empty (or blank) body reads as `undefined`. */
export function readJson(raw: string): JsonRead {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, problem: 'malformed JSON' };
  }
}

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON object body of a control or seed route; an empty body is `{}`.
 * @throws ControlError `body: malformed JSON` or `body: expected a JSON object`.
 */
export function readControlBody(raw: string): Record<string, unknown> {
  const read = readJson(raw);
  if (!read.ok) throw new ControlError(`body: ${read.problem}`);
  if (read.value === undefined) return {};
  if (!isJsonObject(read.value)) throw new ControlError('body: expected a JSON object');
  return read.value;
}
