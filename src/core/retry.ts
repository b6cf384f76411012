/**
 * Retry policy: this module decides *whether* and *how long*; the request loop (`client.ts`) has p-retry schedule
 * the retries by it.
 *
 * | Failure                                                        | Idempotent (GET, PUT, DELETE, search, log) | Non-idempotent (create, operate/action, run) |
 * |----------------------------------------------------------------|:---:|:---:|
 * | Connection refused, DNS failure, connect timeout (nothing sent) | retry | retry |
 * | Connection reset / socket closed after the request was sent     | retry | no |
 * | Headers/body timeout of a caller-supplied dispatcher            | retry | no |
 * | HTTP 408                                                        | retry | no |
 * | HTTP 429 (or a throttling code of the service: RateLimitError)  | retry | retry |
 * | HTTP 500, 502, 504                                              | retry | no |
 * | HTTP 503                                                        | retry | retry |
 * | Any other 4xx (400, 401, 403, 404, 409, …), validation errors   | no | no |
 * | The call's own deadline (`timeoutMs`) passed — `TimeoutError`   | no (the deadline covers all attempts) | no |
 * | The caller aborted — `AbortError`                               | no, stops at once | no |
 *
 * - At most `maxRetries` retries (default 2, i.e. 3 attempts). A 401 that the auth provider answers by refreshing
 *   its credentials is replayed once on top of that budget.
 * - Wait before retry n (1-based): full jitter, `random(0, min(8 s, 500 ms · 2^(n-1)))`.
 * - A `Retry-After` header (delta seconds or HTTP date; `retry-after-ms` too) between 0 and 60 s replaces the
 *   computed wait; larger or unparseable values fall back to the computed wait.
 * - If the wait would end after the call's deadline, the call fails with the last error instead of waiting.
 * - "Already done" (per operation, `OperationSpec.alreadyDoneCodes`, e.g. a "not found" code on a delete): such an
 *   error answer resolves the call as a success only on a retry that follows an attempt whose outcome is unknown
 *   ({@link isOutcomeUnknown}: the request may have been processed — connection reset or timeout after sending,
 *   408, 500, 502, 504). Never on the first attempt, and never when every earlier failure proves nothing was processed (connection refused / DNS, 429,
 *   503, throttling, 401): there the resource really was missing and the caller gets the error.
 */
import type { ApiError } from './errors.js';
import {
  isAbortError,
  isApiError,
  isConnectionError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
} from './guards.js';
import { parseRetryAfter } from './response-fields.js';

const RETRY_BASE_MS = 500;
export const RETRY_CAP_MS = 8_000;
export const RETRY_AFTER_MAX_MS = 60_000;

const IDEMPOTENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const NON_IDEMPOTENT_STATUSES = new Set([429, 503]);

/** Whether the failure `error` may be retried for an operation of the given idempotency. */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (isAbortError(error) || isTimeoutError(error) || isValidationError(error)) return false;
  if (isConnectionError(error)) {
    if (!error.requestSent) return true;
    if (idempotent) return true;
    return false;
  }
  if (isApiError(error)) {
    if (isRateLimitError(error)) return true;
    return (idempotent ? IDEMPOTENT_STATUSES : NON_IDEMPOTENT_STATUSES).has(error.status);
  }
  return false;
}

/**
 * Whether the failed attempt `error` may have been processed by the server although it failed: a network failure
 * after (part of) the request was sent, or 408 / 500 / 502 / 504. Exactly the failures that are retried for an
 * idempotent operation but not for a non-idempotent one. Basis of the "already done" rule.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return isRetryable(error, true) && !isRetryable(error, false);
}

/** Full-jitter exponential backoff for retry number `retry` (1-based). */
export function computeBackoff(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** The server's requested wait in ms, if it sent one within [0, 60 s]. */
export function retryAfterFrom(error: ApiError, now: number = Date.now()): number | undefined {
  const ms = error.headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) {
    const v = Number(ms);
    if (v <= RETRY_AFTER_MAX_MS) return Math.round(v);
  }
  const parsed = parseRetryAfter(error.headers['retry-after'], now);
  if (parsed !== undefined && parsed >= 0 && parsed <= RETRY_AFTER_MAX_MS) return parsed;
  return undefined;
}

/** How long to wait before retry number `retry` after `error`. */
export function retryDelay(error: unknown, retry: number, random: () => number = Math.random): number {
  if (isApiError(error)) {
    const fromServer = retryAfterFrom(error);
    if (fromServer !== undefined) return fromServer;
  }
  return computeBackoff(retry, random);
}
