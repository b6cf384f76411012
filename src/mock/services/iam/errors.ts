/** IAM's error codes as factories, and its nested envelope `{error: {code, title, message}}` (code = HTTP status). */
import { MockApiError } from '../../errors.js';
import type { MockResponse } from '../../types.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The nested envelope: IAM answers carry no string code, only the status and its title. */
export function iamErrorResponse(status: number, message: string): MockResponse {
  return { status, body: { error: { code: status, title: TITLES[status] ?? 'Error', message } } };
}

/** 400 naming the field and what was expected. */
export const badField = (field: string, problem: string) =>
  new MockApiError(400, 'IAM.BadRequest', `${field}: ${problem}`);

/** 401 for an unknown user, a wrong password or a domain that does not match: the same message, nothing echoed. */
export const wrongCredentials = () => new MockApiError(401, 'IAM.Unauthorized', 'The username or password is wrong.');

/** 401 for a call that reached IAM without an authenticated caller. */
export const unauthenticated = () =>
  new MockApiError(401, 'IAM.Unauthorized', 'The request you have made requires authentication.');
