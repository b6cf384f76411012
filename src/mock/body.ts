/**
 * One JSON reader for every body the mock parses: service requests (each service turns a failure into its own error
 * code) and control or seed routes ({@link readControlBody}).
 */
import { ControlError } from './errors.js';

/**
 * Deepest nesting of arrays and objects a service request body may have. None of the mocked services documents a
 * limit; the mock sets one so that no request can store a value too deep to list, copy or snapshot.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Deepest nesting a control or seed body may have: a snapshot wraps stored request bodies (up to
 * {@link MAX_JSON_DEPTH} deep) in a few levels of its own, so it gets twice the room.
 */
export const MAX_CONTROL_JSON_DEPTH = 2 * MAX_JSON_DEPTH;

/** The outcome of {@link readJson}: the parsed value, or why the text is not acceptable JSON. */
export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: string };

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether `raw` nests arrays and objects deeper than `max`, counted by one pass over the brackets outside strings
 * (no recursion and no parse, so a body 100,000 levels deep costs one loop). Malformed text is judged as written;
 * JSON.parse rejects it afterwards when it is within the limit.
 */
export function nestedDeeperThan(raw: string, max: number): boolean {
  if (raw.length <= max) return false; // each level takes at least one character
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/**
 * Parses `raw` as JSON. An empty (or blank) body reads as `undefined`; text nested deeper than `maxDepth` (default
 * {@link MAX_JSON_DEPTH}) is refused before it is parsed.
 */
export function readJson(raw: string, maxDepth = MAX_JSON_DEPTH): JsonRead {
  if (raw.trim() === '') return { ok: true, value: undefined };
  if (nestedDeeperThan(raw, maxDepth)) return { ok: false, problem: `JSON nested deeper than ${maxDepth} levels` };
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
 * The JSON object body of a control or seed route; an empty body is `{}`. Nesting is limited to
 * {@link MAX_CONTROL_JSON_DEPTH}.
 * @throws ControlError `body: malformed JSON`, `body: JSON nested deeper than 128 levels` or
 *   `body: expected a JSON object`.
 */
export function readControlBody(raw: string): Record<string, unknown> {
  const read = readJson(raw, MAX_CONTROL_JSON_DEPTH);
  if (!read.ok) throw new ControlError(`body: ${read.problem}`);
  if (read.value === undefined) return {};
  if (!isJsonObject(read.value)) throw new ControlError('body: expected a JSON object');
  return read.value;
}
