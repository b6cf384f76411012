/**
 * The two errors a mock route may throw. The engine catches both in one place: a {@link MockApiError} is answered in
 * the envelope of the service that threw it, a {@link ControlError} (control and seed routes) as `{"error": message}`.
 * Anything else a handler throws is a mock bug: 500 in the service's envelope, recorded in `mock.errors`.
 */

/** A service-level error answer: HTTP status, the service's error code and a message naming the field. */
export class MockApiError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** The service's error code, e.g. `DLG.9001`. */
  readonly code: string;

  /** Creates the error; `message` names the field and what was expected. */
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'MockApiError';
    this.status = status;
    this.code = code;
  }
}

/** A mistake in a request to a `/__mock/` control or seed route: answered `{"error": message}`, 400 by default. */
export class ControlError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;

  /** Creates the error; `message` names the field and what was expected. */
  constructor(message: string, status = 400) {
    super(message);
    this.name = 'ControlError';
    this.status = status;
  }
}
