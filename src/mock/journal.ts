import type { MockExchange } from './types.js';

export const REDACTED = '***';

/** Request headers whose values never reach the journal. */
const SECRET_HEADERS = new Set([
  'x-auth-token',
  'authorization',
  'x-security-token',
  'x-subject-token',
  'x-acs-security-token',
  'cookie',
  'set-cookie',
]);

/** JSON / form keys whose values are secrets (case-insensitive, matched on the whole key). */
const SECRET_KEY = /(password|passwd|secret|^sk$|token|securitytoken|accesskeysecret)/i;

/** One journal entry: an exchange with the (redacted) request and timing. */
export interface JournalEntry extends MockExchange {
  /** Request id the engine sent in `X-Request-Id` / `x-acs-request-id`. */
  requestId: string;
  /** Mock-clock time at which the request was handled (ms). */
  time: number;
  /** Query parameters; a repeated key gives an array. */
  query: Record<string, string | string[]>;
  /** Request headers (lowercase names), credentials redacted. */
  requestHeaders: Record<string, string>;
  /** Parsed JSON (or form fields) of the request body with secrets replaced by `***`, or the raw text. */
  requestBody: unknown;
  /** Set when a fault was applied to this exchange. */
  fault?: {
    /** Id of the fault ({@link ArmedFault.id}). */
    id: number;
    /** Phase in which it applied: `before` or `after`. */
    phase: string;
  };
  /** Set when the handler threw (an engine/service bug). */
  error?: string;
}

export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, string][] = [];
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      entries.push([name, value]);
    });
  } else entries.push(...Object.entries(headers));
  for (const [name, value] of entries) {
    out[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** Deep copy of a JSON value with secret-named keys replaced; strings that hold JSON objects are redacted too. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 64) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) && v !== null && typeof v !== 'object' ? REDACTED : redactValue(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string' && value.length > 1 && (value[0] === '{' || value[0] === '[')) {
    try {
      return JSON.stringify(redactValue(JSON.parse(value), depth + 1));
    } catch {
      return value;
    }
  }
  return value;
}

/** Parses and redacts a request body: JSON, form-encoded, or raw text (left as is when neither). */
export function redactBody(rawBody: string, contentType: string | null): unknown {
  if (rawBody === '') return undefined;
  const trimmed = rawBody.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return redactValue(JSON.parse(rawBody));
    } catch {
      return rawBody;
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const form: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(rawBody)) form[k] = SECRET_KEY.test(k) ? REDACTED : redactValue(v);
    return form;
  }
  return rawBody;
}

export function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    // Query values can hold JSON with secrets too (DataWorks CreateDataSource sends ConnectionProperties there).
    const values = all.map((v) => (SECRET_KEY.test(key) ? REDACTED : (redactValue(v) as string)));
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** A journal entry, or a function that builds it on first read (see {@link Journal}). */
export type JournalItem = JournalEntry | (() => JournalEntry);

/**
 * Bounded journal of exchanges (oldest dropped first so a long-running mock does not grow without limit).
 *
 * Performance: the engine records every request, so recording must be cheap. Entries live in a ring buffer (no
 * `splice` of the whole array once full), and an entry may be pushed as a thunk: the expensive parts (header
 * redaction, parsing and redacting bodies) run only when the journal is read, once per entry (the result replaces
 * the thunk). A thunk must only capture values that do not change after the exchange.
 */
export class Journal {
  private items: JournalItem[] = [];
  /** Index of the oldest item once the buffer is full (it then wraps around). */
  private head = 0;
  private readonly capacity: number;

  constructor(limit = 10_000) {
    this.capacity = Number.isNaN(limit) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
  }

  push(entry: JournalItem): void {
    if (this.capacity === 0) return;
    if (this.items.length < this.capacity) {
      this.items.push(entry);
      return;
    }
    this.items[this.head] = entry;
    this.head = (this.head + 1) % this.capacity;
  }

  /** The entries, oldest first (a new array). */
  list(): JournalEntry[] {
    const n = this.items.length;
    const out = new Array<JournalEntry>(n);
    for (let i = 0; i < n; i++) {
      const k = (this.head + i) % n;
      let item = this.items[k] as JournalItem;
      if (typeof item === 'function') {
        item = item();
        this.items[k] = item;
      }
      out[i] = item;
    }
    return out;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
