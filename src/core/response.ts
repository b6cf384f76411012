/** Reading a 2xx answer: its JSON body, its request id, and the loose check of the body against its schema. */
import type { WithResponse } from './api-promise.js';
import type { RawResponse } from './auth/types.js';
import { ResponseValidationError } from './errors.js';
import type { LevelLogger } from './logger.js';
import { requestIdFrom } from './response-fields.js';
import type { OperationSpec, ServiceDefinition } from './service.js';
import { checkResponse } from './validation.js';

/**
 * The result of a 2xx answer. A body that is not JSON rejects; a body that does not match the spec's schema is
 * logged as a warning, or rejects when `strict`.
 */
export function readSuccess<T>(
  spec: OperationSpec,
  raw: RawResponse,
  path: string,
  service: ServiceDefinition,
  strict: boolean,
  logger: LevelLogger,
): WithResponse<T> {
  let data: unknown;
  let bodyRequestId: string | undefined;
  const headerRequestId = requestIdFrom(raw.headers, service.requestIdHeaders);
  if (!spec.emptyResponse && raw.body.trim() !== '') {
    try {
      data = JSON.parse(raw.body);
    } catch (error) {
      throw new ResponseValidationError(
        {
          method: spec.method,
          path,
          status: raw.status,
          requestId: headerRequestId,
          issues: [{ path: '', message: 'response body is not JSON' }],
        },
        { cause: error },
      );
    }
    if (typeof data === 'object' && data !== null) {
      const v = (data as Record<string, unknown>)[service.bodyRequestIdField];
      if (typeof v === 'string') bodyRequestId = v;
    }
  }
  const requestId = headerRequestId || bodyRequestId;
  if (spec.responseSchema && (data !== undefined || (spec.checkEmptyResponse && !spec.emptyResponse))) {
    const issues = checkResponse(spec.responseSchema, data);
    if (issues.length > 0) {
      const err = new ResponseValidationError({ method: spec.method, path, status: raw.status, requestId, issues });
      if (strict) throw err;
      logger.warn(err.message);
    }
  }
  return { data: data as T, status: raw.status, headers: raw.headers, requestId };
}
