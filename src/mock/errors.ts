/**
 * The two errors a mock route may throw. The engine catches both in one place: a {@link MockApiError} is answered in
 * the envelope of the service that threw it, a {@link ControlError} (control and seed routes) as `{"error": message}`.
 * Anything else a handler throws is a mock bug: 500 in the service's envelope, recorded in `mock.errors`.
 */

/** A service-level error answer: HTTP status, the service's error code and a message naming the field. */
export class MockApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MockApiError';
  }
}

/** A mistake in a request to a `/__mock/` control or seed route: answered `{"error": message}`, 400 by default. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
