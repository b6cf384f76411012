/** Type guards of the SDK's errors: they compare the brand, so they work across ESM/CJS copies of the package. */
import {
  type AbortError,
  type ApiError,
  type AuthenticationError,
  type BadRequestError,
  type ConfigurationError,
  type ConflictError,
  type ConnectionError,
  hasKind,
  type MetacollectError,
  type NotFoundError,
  type PermissionDeniedError,
  type RateLimitError,
  type ResponseValidationError,
  type ServerError,
  type TimeoutError,
  type ValidationError,
} from './errors.js';
import type { RunFailedError, WaiterTimeoutError } from './waiter.js';

/** Whether `e` is any error thrown by this SDK (works across ESM/CJS copies of the package). */
export const isMetacollectError = (e: unknown): e is MetacollectError => hasKind(e, 'MetacollectError');
/** Whether `e` is a {@link ConfigurationError}. */
export const isConfigurationError = (e: unknown): e is ConfigurationError => hasKind(e, 'ConfigurationError');
/** Whether `e` is a {@link ValidationError}. */
export const isValidationError = (e: unknown): e is ValidationError => hasKind(e, 'ValidationError');
/** Whether `e` is a {@link ResponseValidationError}. */
export const isResponseValidationError = (e: unknown): e is ResponseValidationError =>
  hasKind(e, 'ResponseValidationError');
/** Whether `e` is a {@link ConnectionError}. */
export const isConnectionError = (e: unknown): e is ConnectionError => hasKind(e, 'ConnectionError');
/** Whether `e` is a {@link TimeoutError}. */
export const isTimeoutError = (e: unknown): e is TimeoutError => hasKind(e, 'TimeoutError');
/** Whether `e` is an {@link AbortError}. */
export const isAbortError = (e: unknown): e is AbortError => hasKind(e, 'AbortError');
/** Whether `e` is an {@link ApiError} (any of its subclasses included). */
export const isApiError = (e: unknown): e is ApiError => hasKind(e, 'ApiError');
/** Whether `e` is a {@link BadRequestError}. */
export const isBadRequestError = (e: unknown): e is BadRequestError => hasKind(e, 'BadRequestError');
/** Whether `e` is an {@link AuthenticationError}. */
export const isAuthenticationError = (e: unknown): e is AuthenticationError => hasKind(e, 'AuthenticationError');
/** Whether `e` is a {@link PermissionDeniedError}. */
export const isPermissionDeniedError = (e: unknown): e is PermissionDeniedError => hasKind(e, 'PermissionDeniedError');
/** Whether `e` is a {@link NotFoundError} (including a service's not-found codes). */
export const isNotFoundError = (e: unknown): e is NotFoundError => hasKind(e, 'NotFoundError');
/** Whether `e` is a {@link ConflictError}. */
export const isConflictError = (e: unknown): e is ConflictError => hasKind(e, 'ConflictError');
/** Whether `e` is a {@link RateLimitError}. */
export const isRateLimitError = (e: unknown): e is RateLimitError => hasKind(e, 'RateLimitError');
/** Whether `e` is a {@link ServerError}. */
export const isServerError = (e: unknown): e is ServerError => hasKind(e, 'ServerError');
/** Whether `e` is a {@link RunFailedError}. */
export const isRunFailedError = (e: unknown): e is RunFailedError => hasKind(e, 'RunFailedError');
/** Whether `e` is a {@link WaiterTimeoutError}. */
export const isWaiterTimeoutError = (e: unknown): e is WaiterTimeoutError => hasKind(e, 'WaiterTimeoutError');
