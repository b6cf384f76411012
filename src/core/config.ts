/**
 * Client options shared by the Huawei service clients, validated with zod at construction
 * (a `ConfigurationError` names the offending field).
 */
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { ConfigurationError } from './errors.js';
import type { Logger, LogLevel } from './logger.js';
import type { FetchLike } from './transport.js';

/** Default deadline of one call (all attempts and waits included). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;
/** Largest timer delay Node accepts. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** Any well-formed Huawei region id: lower-case words joined by `-`, e.g. `cn-north-4`, `my-kualalumpur-1`. */
export const REGION_PATTERN = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;
/** Project ids are 32 hex characters at Huawei; the SDK accepts any 1–64 `[0-9A-Za-z_-]` (path-safe). */
export const PROJECT_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

const fn = (name: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: `${name} must be a function` });

const loggerSchema = z.custom<Partial<Logger>>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    ['debug', 'info', 'warn', 'error'].some((k) => typeof (v as Record<string, unknown>)[k] === 'function'),
  { message: 'expected a console-like object with debug/info/warn/error methods' },
);

const dispatcherSchema = z.custom<Dispatcher>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { request?: unknown }).request === 'function' &&
    typeof (v as { dispatch?: unknown }).dispatch === 'function',
  { message: 'expected an undici Dispatcher (e.g. new Agent())' },
);

export const timeoutSchema = z.number().int().positive().max(MAX_TIMEOUT_MS);
export const maxRetriesSchema = z.number().int().min(0).max(10);

export const baseOptionsSchema = z.object({
  region: z.string().regex(REGION_PATTERN, { message: 'expected a region id such as cn-north-4' }).optional(),
  endpoint: z
    .string()
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash;
        } catch {
          return false;
        }
      },
      { message: 'expected an absolute http(s) URL without query or fragment' },
    )
    .optional(),
  projectId: z.string().regex(PROJECT_ID_PATTERN, { message: 'expected a project id (32 hex characters)' }).optional(),
  auth: z.unknown().optional(),
  timeoutMs: timeoutSchema.optional(),
  maxRetries: maxRetriesSchema.optional(),
  logger: loggerSchema.optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'off']).optional(),
  dispatcher: dispatcherSchema.optional(),
  fetch: fn('fetch').optional(),
  userAgent: z
    .string()
    .max(256)
    .regex(/^[\x20-\x7e]*$/, { message: 'expected printable ASCII' })
    .optional(),
  strictResponses: z.boolean().optional(),
});

/** Options common to the Huawei service clients. */
export interface BaseClientOptions<TAuth = unknown> {
  /** Region id, e.g. `cn-north-4`; the host is built from the service's template. */
  region?: string;
  /** Overrides the host (e.g. the mock's URL). Required when `region` is absent. */
  endpoint?: string;
  /** Project id; when absent it comes from the credential (`HUAWEICLOUD_SDK_PROJECT_ID`, the IAM token's scope). */
  projectId?: string;
  /** `{ token }`, `{ ak, sk, securityToken? }`, an AuthProvider (e.g. `iamPasswordAuth(…)`), or absent (environment). */
  auth?: TAuth;
  /** Deadline of one call, all attempts and retry waits included. Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
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
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export const requestOptionsSchema = z
  .object({
    signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, { message: 'expected an AbortSignal' }).optional(),
    timeoutMs: timeoutSchema.optional(),
    maxRetries: maxRetriesSchema.optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .optional();

/** Parses options with `schema`; throws ConfigurationError naming the first bad field. */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const all = result.error.issues.map((i) => `${i.path.map(String).join('.') || what}: ${i.message}`).join('; ');
  throw new ConfigurationError(`Invalid ${what}: ${all}`, field ? { field } : {});
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
