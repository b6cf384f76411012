/**
 * The CLI's exit codes and how an error becomes one: every failure is printed on stderr (never a secret: the SDK's
 * messages hold none) and mapped to the code a shell script can test.
 */
import {
  isApiError,
  isConfigurationError,
  isConnectionError,
  isResponseValidationError,
  isRunFailedError,
  isTimeoutError,
  isValidationError,
  isWaiterTimeoutError,
  OutcomeUnknownError,
} from '../index.js';

/** Exit codes, documented in the README and in `metacollect --help`. */
export const EXIT = {
  ok: 0,
  runFailed: 1,
  usage: 2,
  api: 3,
  timeout: 4,
  connection: 5,
  interrupted: 130,
} as const;

/** A bad argument or flag found by the CLI itself (exit 2). */
export class UsageError extends Error {}

/** Stopped by Ctrl-C: the message says what was left alone (exit 130). */
export class InterruptedError extends Error {}

/** Writes the error to stderr and returns its exit code. */
export function report(error: unknown, write: (line: string) => void): number {
  if (error instanceof UsageError) {
    write(`error: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof InterruptedError) {
    write(`interrupted: ${error.message}`);
    return EXIT.interrupted;
  }
  if (isValidationError(error)) {
    write(`error: invalid input${error.operation ? ` for ${error.operation}` : ''} (nothing was sent):`);
    for (const issue of error.issues) write(`  ${issue.path || '(body)'}: ${issue.message}`);
    return EXIT.usage;
  }
  if (isConfigurationError(error)) {
    write(`error: ${error.message}`);
    return EXIT.usage;
  }
  if (isRunFailedError(error)) {
    write(`run failed: ${error.message}`);
    return EXIT.runFailed;
  }
  if (isWaiterTimeoutError(error)) {
    write(`timed out: ${error.message} (the run continues on the service)`);
    return EXIT.timeout;
  }
  if (isTimeoutError(error)) {
    write(`timed out: ${error.message}`);
    return EXIT.timeout;
  }
  if (isApiError(error)) {
    write(
      `error: the service answered ${error.status}${error.errorCode ? ` ${error.errorCode}` : ''}: ${error.errorMessage ?? error.message}`,
    );
    write(`  ${error.method} ${error.path}, request id ${error.requestId ?? '(none)'}`);
    return EXIT.api;
  }
  if (isResponseValidationError(error)) {
    write(`error: ${error.message} (request id ${error.requestId ?? '(none)'})`);
    return EXIT.api;
  }
  if (isConnectionError(error) || error instanceof OutcomeUnknownError) {
    write(`connection error: ${(error as Error).message}`);
    return EXIT.connection;
  }
  write(`error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.runFailed;
}
