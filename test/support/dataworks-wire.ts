/**
 * Test-side encoders of DataWorks requests: validate an SDK input with the action's schema and return its wire
 * object or text parameters, throwing {@link DataWorksRequestValidationError} (one `path: message` per issue) when
 * it breaks a rule. The SDK itself validates through the core's `validateInput` and encodes with
 * `dataWorksWireFrom` / `wireToParams`.
 */
import type { z } from 'zod';
import { formatPath } from '../../src/core/format.js';
import {
  DATAWORKS_ACTIONS,
  type DataWorksAction,
  type DataWorksRequest,
  type DataWorksRequestInput,
  type DataWorksWireRequest,
  dataWorksWireFrom,
  wireToParams,
} from '../../src/dataworks/actions.js';

/** Every action of the table, in its order. */
export const DATAWORKS_ACTION_NAMES = Object.keys(DATAWORKS_ACTIONS) as DataWorksAction[];

/** Thrown by `toDataWorksWire` / `toDataWorksParams` when the input breaks a rule; nothing was encoded. */
export class DataWorksRequestValidationError extends Error {
  override readonly name = 'DataWorksRequestValidationError';
  constructor(
    readonly action: DataWorksAction,
    /** `path: message` per problem, e.g. `Scope.Items[2]: expected unique entries, 'shop' repeats`. */
    readonly problems: string[],
    readonly zodError: z.ZodError,
  ) {
    super(`Invalid ${action} request: ${problems.join('; ')}`);
  }
}

/** `path: message` for each issue (`(request)` for whole-object issues). */
export function formatDataWorksIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path) || '(request)'}: ${issue.message}`);
}

/** Validates an SDK request and returns its wire object (JSON strings, comma-joined arrays, typed scalars). */
export function toDataWorksWire<A extends DataWorksAction>(
  action: A,
  input: DataWorksRequestInput<A>,
): DataWorksWireRequest<A> {
  const result = (DATAWORKS_ACTIONS[action].request as z.ZodType).safeParse(input);
  if (!result.success) {
    throw new DataWorksRequestValidationError(action, formatDataWorksIssues(result.error), result.error);
  }
  return dataWorksWireFrom(action, result.data as DataWorksRequest<A>);
}

/** Validates an SDK request and returns the text fields to send (form body or query, per `DATAWORKS_ACTIONS`). */
export function toDataWorksParams<A extends DataWorksAction>(
  action: A,
  input: DataWorksRequestInput<A>,
): Record<string, string> {
  return wireToParams(toDataWorksWire(action, input));
}
