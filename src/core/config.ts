/**
 * Client options shared by the service clients, checked at construction (a `ConfigurationError` names the
 * offending field).
 *
 * These checks are plain functions, not zod: the client entry does not load zod when it is imported (zod takes
 * about 100 ms to import on a small VM; the request and response schemas load it on the first call that needs
 * them, see `schemas` in each service folder). Options are few and flat, so a rule per field says it as clearly.
 */
import type { Dispatcher } from 'undici';
import type { Env } from './auth/resolve.js';
import type { AuthProvider } from './auth/types.js';
import { ConfigurationError } from './errors.js';
import { INT32_MAX } from './format.js';
import { isMetacollectError } from './guards.js';
import type { Logger, LogLevel } from './logger.js';
import { didYouMean } from './suggest.js';
import type { FetchLike } from './transport.js';

/** Default deadline of one call (all attempts and waits included). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default limit of one attempt: a hung attempt is abandoned and retried per the retry table within the deadline. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 20_000;
/** Largest timer delay Node accepts. */
const MAX_TIMEOUT_MS = INT32_MAX;

/** A well-formed region id: lower-case words joined by `-`, e.g. `cn-north-4`, `cn-shanghai`. */
export const REGION_PATTERN = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;
/** Project ids: any 1–64 `[0-9A-Za-z_-]` (path-safe). */
const PROJECT_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * The check of one option: returns what was expected when `value` (never `undefined`: absent options are always
 * accepted) is invalid, else `undefined`.
 */
export type OptionRule = (value: unknown) => string | undefined;
/** The rules of an options object, by field. Fields without a rule are dropped from the parsed options. */
export type OptionRules = Readonly<Record<string, OptionRule>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A string matching `pattern`. */
export const patternRule =
  (pattern: RegExp, expected: string): OptionRule =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? undefined : expected;

/** An integer in [min, max]. */
const integerRule =
  (min: number, max: number, unit = ''): OptionRule =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `expected an integer${unit} from ${min} to ${max}`;

const oneOfRule =
  (values: readonly string[]): OptionRule =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `expected one of ${values.join(', ')}`;

const functionRule =
  (name: string): OptionRule =>
  (v) =>
    typeof v === 'function' ? undefined : `${name} must be a function`;

const endpointRule: OptionRule = (v) => {
  const expected = 'expected an absolute http(s) URL without query or fragment';
  if (typeof v !== 'string') return expected;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash ? undefined : expected;
  } catch {
    return expected;
  }
};

const timeoutRule = integerRule(1, MAX_TIMEOUT_MS, ' number of milliseconds');
const booleanRule: OptionRule = (v) => (typeof v === 'boolean' ? undefined : 'expected a boolean');
const maxRetriesRule = integerRule(0, 10);

export const baseOptionRules: OptionRules = {
  region: patternRule(REGION_PATTERN, 'expected a region id such as cn-north-4'),
  endpoint: endpointRule,
  projectId: patternRule(PROJECT_ID_PATTERN, 'expected a project id (32 hex characters)'),
  auth: () => undefined,
  timeoutMs: timeoutRule,
  maxRetries: maxRetriesRule,
  attemptTimeoutMs: timeoutRule,
  reconcile: booleanRule,
  logger: (v) =>
    isObject(v) && ['debug', 'info', 'warn', 'error'].some((k) => typeof v[k] === 'function')
      ? undefined
      : 'expected a console-like object with debug/info/warn/error methods',
  logLevel: oneOfRule(['debug', 'info', 'warn', 'error', 'off']),
  dispatcher: (v) =>
    isObject(v) && typeof v.request === 'function' && typeof v.dispatch === 'function'
      ? undefined
      : 'expected an undici Dispatcher (e.g. new Agent())',
  fetch: functionRule('fetch'),
  userAgent: patternRule(/^[\x20-\x7e]{0,256}$/, 'expected printable ASCII, at most 256 characters'),
  strictResponses: booleanRule,
};

/** Options common to the service clients. */
export interface BaseClientOptions<TAuth = unknown> {
  /** Region id, e.g. `cn-north-4`; the host is built from the service's template. */
  region?: string;
  /** Overrides the host (e.g. the mock's URL). Required when `region` is absent. */
  endpoint?: string;
  /** Project id; when absent it comes from the credential (its environment variable or its token's scope). */
  projectId?: string;
  /** `{ token }`, `{ ak, sk, securityToken? }`, an AuthProvider (e.g. `iamPasswordAuth(…)`), or absent (environment). */
  auth?: TAuth;
  /** Deadline of one call, all attempts and retry waits included. Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /**
   * Limit of one attempt in ms: a hung attempt is abandoned (its outcome unknown) and retried per the retry table,
   * all within `timeoutMs`. Default 20 000.
   */
  attemptTimeoutMs?: number;
  /**
   * After an attempt whose outcome is unknown, settle it instead of failing: a create looks its object up and adopts
   * it (never creating it twice), a run or start is sent again and its "already running" answer resolves the call.
   * Default true.
   */
  reconcile?: boolean;
  /** Console-like logger. Default `console`. */
  logger?: Partial<Logger>;
  /** Default: env `METACOLLECT_LOG`, else `warn`. */
  logLevel?: LogLevel;
  /** undici Dispatcher to send through (not closed by `close()`). */
  dispatcher?: Dispatcher;
  /** A WHATWG fetch to use instead of undici (e.g. to let msw intercept). */
  fetch?: FetchLike | typeof globalThis.fetch;
  /** Appended to the User-Agent header. */
  userAgent?: string;
  /** Throw ResponseValidationError (instead of logging a warning) when a documented response field has the wrong type. */
  strictResponses?: boolean;
}

/** Per-call options (last argument of every method). */
export interface RequestOptions {
  /** Aborts the call; it then rejects with {@link AbortError}. */
  signal?: AbortSignal;
  /** Deadline of this call (all attempts and waits). */
  timeoutMs?: number;
  /** Retries after the first attempt for this call (0–10); defaults to the client's `maxRetries`. */
  maxRetries?: number;
  /** Limit of one attempt of this call; defaults to the client's `attemptTimeoutMs`. */
  attemptTimeoutMs?: number;
  /** Whether this call settles an attempt of unknown outcome (see the client option); defaults to the client's. */
  reconcile?: boolean;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export const requestOptionRules: OptionRules = {
  signal: (v) => (v instanceof AbortSignal ? undefined : 'expected an AbortSignal'),
  timeoutMs: timeoutRule,
  maxRetries: maxRetriesRule,
  attemptTimeoutMs: timeoutRule,
  reconcile: booleanRule,
  headers: (v) => {
    if (!isObject(v) || Array.isArray(v)) return 'expected an object of header names to string values';
    for (const k of Object.keys(v)) if (typeof v[k] !== 'string') return `expected a string value for header ${k}`;
    return undefined;
  },
};

/**
 * Checks an options object with `rules`; returns a copy holding only the fields that have a rule (absent ones
 * stay absent). Throws ConfigurationError naming the first bad field, the message listing every bad field.
 */
export function parseOptions<T extends object>(rules: OptionRules, value: unknown, what: string): T {
  const input = value ?? {};
  if (!isObject(input) || Array.isArray(input)) {
    throw new ConfigurationError(`Invalid ${what}: expected an object`, {});
  }
  const out: Record<string, unknown> = {};
  const problems: [string, string][] = [];
  for (const field in rules) {
    const v = input[field];
    if (v === undefined) continue;
    const problem = rules[field]!(v);
    if (problem === undefined) out[field] = v;
    else problems.push([field, problem]);
  }
  if (problems.length > 0) {
    const all = problems.map(([field, problem]) => `${field}: ${problem}`).join('; ');
    throw new ConfigurationError(`Invalid ${what}: ${all}`, { field: problems[0]![0] });
  }
  return out as T;
}

/** Base URL from the explicit endpoint, else the host template with the region. */
export function resolveEndpoint(
  hostTemplate: string,
  region: string | undefined,
  endpoint: string | undefined,
): string {
  if (endpoint) return endpoint.replace(/\/+$/, '');
  if (region) return hostTemplate.replace('{region}', region);
  throw new ConfigurationError('Either `region` or `endpoint` is required', { field: 'region' });
}

/**
 * Refuses a region the service is not published in (`known`, the vendor's list), naming the nearest known id. No
 * check when `known` is absent or an explicit endpoint is given (a newer region, a proxy, the mock).
 * @throws ConfigurationError naming `field`.
 */
export function checkRegion(
  service: string,
  region: string | undefined,
  endpoint: string | undefined,
  known: readonly string[] | undefined,
  field = 'region',
): void {
  if (region === undefined || endpoint !== undefined || known === undefined || known.includes(region)) return;
  throw new ConfigurationError(
    `Invalid ${service} client options: ${field}: unknown region '${region}'${didYouMean(region, known)} ` +
      `(${service} is published in ${known.join(', ')}; pass \`endpoint\` to use a region not listed)`,
    { field },
  );
}

/**
 * Resolves the `auth` option with a vendor's resolver; a failure that is not already one of ours becomes a
 * ConfigurationError naming `auth`.
 */
export function resolveAuthOption<TAuth>(
  resolve: (auth: TAuth | undefined, env: Env) => AuthProvider,
  auth: TAuth | undefined,
  env: Env,
): AuthProvider {
  try {
    return resolve(auth, env);
  } catch (error) {
    if (isMetacollectError(error)) throw error;
    throw new ConfigurationError(`Invalid auth: ${(error as Error).message}`, { field: 'auth', cause: error });
  }
}
