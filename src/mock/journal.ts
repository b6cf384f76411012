import type { MockExchange, ServiceName } from './types.js';

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
  requestId: string;
  /** Mock-clock time at which the request was handled (ms). */
  time: number;
  query: Record<string, string | string[]>;
  requestHeaders: Record<string, string>;
  /** Parsed JSON (or form fields) of the request body with secrets replaced by `***`, or the raw text. */
  requestBody: unknown;
  /** Set when a fault was applied to this exchange. */
  fault?: { id: number; phase: string };
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
    out[key] = SECRET_KEY.test(key) ? REDACTED : all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

/** Bounded journal of exchanges (oldest dropped first so a long-running mock does not grow without limit). */
export class Journal {
  private entries: JournalEntry[] = [];

  constructor(private readonly limit = 10_000) {}

  push(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): JournalEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

export type ExchangeService = ServiceName | 'control' | 'unknown';
