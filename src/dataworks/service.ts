/**
 * DataWorks as the core sees it: its service definition (request id, retry hint) and how one action becomes an
 * `OperationSpec` (validated input, form body or query, idempotency, the deletes' "already done" codes).
 */
import type { z } from 'zod';
import type { ApiError } from '../core/errors.js';
import { RETRY_AFTER_MAX_MS } from '../core/retry.js';
import type { OperationSpec, ServiceDefinition } from '../core/service.js';
import { isUnknownFieldsAllowed } from '../core/unknown-fields.js';
import { validateInput } from '../core/validation.js';
import type { DataWorksAction, DataWorksRequest, DataWorksRequestInput } from './actions.js';
import { DATAWORKS_REGIONS } from './regions.js';

type DataWorksSchemas = typeof import('./actions.js');

const IDEMPOTENT_PREFIXES = ['Get', 'List', 'Test'];
/**
 * Deletes and the error codes meaning "already deleted": retried like idempotent calls, and such an answer on a
 * retry after an attempt of unknown outcome counts as done (the core's "already done" rule).
 */
const ALREADY_DONE: Partial<Record<DataWorksAction, readonly string[]>> = {
  DeleteCrawler: ['Crawler.NotFound'],
  DeleteDataSource: ['DataSource.NotFound'],
};
/**
 * Whether an action may be repeated safely (retry table): Get*, List*, Test*, and the deletes `DeleteCrawler` /
 * `DeleteDataSource` (a retry that finds the resource gone after an attempt of unknown outcome counts as done).
 */
export function isIdempotentDataWorksAction(action: DataWorksAction): boolean {
  return IDEMPOTENT_PREFIXES.some((p) => action.startsWith(p)) || ALREADY_DONE[action] !== undefined;
}

/** `x-acs-retry-after` (milliseconds) of a DataWorks error, when present and within 0–60 s. */
function dataWorksRetryAfter(error: ApiError): number | undefined {
  const raw = error.headers['x-acs-retry-after'];
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
  const ms = Math.round(Number(raw));
  return ms <= RETRY_AFTER_MAX_MS ? ms : undefined;
}

/**
 * The gateway's answers to a credential or signature it refuses, whatever their status (an unknown AccessKey comes
 * with 404): entries ending in `.` match every code they start. A stale `x-acs-date` is a refused signature too.
 */
const AUTHENTICATION_CODES: ReadonlySet<string> = new Set([
  'INVALIDACCESSKEYID.',
  'SIGNATUREDOESNOTMATCH',
  'INCOMPLETESIGNATURE',
  'INVALIDSECURITYTOKEN.',
  'INVALIDTIMESTAMP.',
]);

export const DATAWORKS_SERVICE: ServiceDefinition = {
  name: 'DataWorks',
  hostTemplate: 'https://dataworks.{region}.aliyuncs.com',
  contentType: 'application/x-www-form-urlencoded',
  requestIdHeaders: ['x-acs-request-id'],
  bodyRequestIdField: 'RequestId',
  retryAfter: dataWorksRetryAfter,
  regions: DATAWORKS_REGIONS,
  authenticationCodes: AUTHENTICATION_CODES,
};

/**
 * The fields of an input wrapped with `allowUnknownFields` that the action table does not list, as parameters: a
 * string as is, anything else as JSON (how the table sends its own objects).
 */
function addUnknownParams(params: Record<string, string>, input: Record<string, unknown>, fields: object): void {
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || Object.hasOwn(fields, key)) continue;
    params[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The core's description of one action: validated input, serialised as form fields or query per action. */
export function dataWorksSpec<A extends DataWorksAction>(
  s: DataWorksSchemas,
  action: A,
  input: DataWorksRequestInput<A>,
): OperationSpec {
  const def = s.DATAWORKS_ACTIONS[action];
  validateInput(def.request as z.ZodType, input, action);
  const params = s.wireToParams(s.dataWorksWireFrom(action, input as DataWorksRequest<A>));
  if (isUnknownFieldsAllowed(input)) addUnknownParams(params, input as Record<string, unknown>, def.fields);
  const spec: OperationSpec = {
    operation: action,
    method: def.method,
    path: '/',
    // What messages, logs and errors show: never the parameters (CreateDataSource's query holds a password).
    displayPath: `/?Action=${action}`,
    idempotent: isIdempotentDataWorksAction(action),
    headers: { 'x-acs-action': action, 'x-acs-version': s.DATAWORKS_API_VERSION },
    responseSchema: def.response as z.ZodType,
    checkEmptyResponse: true,
  };
  if (def.params === 'query') spec.query = params;
  else if (Object.keys(params).length > 0) {
    spec.encodedBody = new URLSearchParams(params).toString();
    spec.contentType = 'application/x-www-form-urlencoded';
  }
  const alreadyDone = ALREADY_DONE[action];
  if (alreadyDone) {
    spec.alreadyDoneCodes = alreadyDone;
    const id = (input as { Id?: unknown }).Id;
    spec.alreadyDoneResult = (error) => ({
      RequestId: error.requestId ?? '',
      Success: true,
      ...(action === 'DeleteCrawler' ? { Id: id } : {}),
    });
  }
  return spec;
}
