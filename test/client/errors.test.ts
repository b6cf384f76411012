import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createApiError,
  MetacollectError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { isApiError, isMetacollectError, isNotFoundError, isRateLimitError } from '../../src/core/guards.js';
import { parseErrorBody, parseRetryAfter } from '../../src/core/response-fields.js';
import { DATAARTS_SERVICE } from '../../src/dataarts/client.js';

const req = { method: 'POST', path: '/v3/p/metadata/tasks/create' };
const hdrs = { 'x-request-id': 'f'.repeat(32) };

// Answers of DataArts Catalog: its not-found codes and the Huawei gateway's throttling code come from its definition.
function make(status: number, body: unknown, headers: Record<string, string> = hdrs) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return createApiError({ ...req, status, headers, body: text }, DATAARTS_SERVICE);
}

describe('createApiError: class from status and code', () => {
  it.each([
    [400, { error_code: 'dsc.40000011', error_msg: 'Invalid parameter' }, BadRequestError],
    [401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }, AuthenticationError],
    [403, { error_code: 'APIGW.0306', error_msg: 'API access denied' }, PermissionDeniedError],
    [404, { error_code: 'dsc.600000025', error_msg: 'The template does not exist' }, NotFoundError],
    [409, { error_code: 'X.409', error_msg: 'conflict' }, ConflictError],
    [429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, RateLimitError],
    [500, { error_code: 'dsc.500', error_msg: 'boom' }, ServerError],
    [503, 'Service Unavailable', ServerError],
  ])('%i %j → %o', (status, body, Cls) => {
    const e = make(status, body);
    expect(e).toBeInstanceOf(Cls);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(MetacollectError);
    expect(e).toBeInstanceOf(Error);
    expect(e.status).toBe(status);
    expect(e.requestId).toBe('f'.repeat(32));
    expect(e.name).toBe(Cls.name);
  });

  it.each(['DLG.2253', 'DLG.2208', 'DLG.0818', 'DLG.9005', 'dlg.2253'])(
    '%s with HTTP 400 is a NotFoundError',
    (code) => {
      const e = make(400, { error_code: code, error_msg: 'Processing failed.' });
      expect(e).toBeInstanceOf(NotFoundError);
      expect(isNotFoundError(e)).toBe(true);
      expect(e.status).toBe(400);
      expect(e.errorCode).toBe(code);
    },
  );

  it('DLG.9001 (validation) stays a BadRequestError', () => {
    expect(make(400, { error_code: 'DLG.9001', error_msg: 'Invalid parameter: name' })).toBeInstanceOf(BadRequestError);
  });

  it('APIGW.0308 is a RateLimitError whatever the status', () => {
    expect(isRateLimitError(make(403, { error_code: 'apigw.0308', error_msg: 'x' }))).toBe(true);
  });

  it('message names method, path, status, code, text and request id', () => {
    const e = make(400, { error_code: 'DLG.0818', error_msg: 'Processing failed. The workspace does not exist.' });
    expect(e.message).toBe(
      `POST /v3/p/metadata/tasks/create → 400 DLG.0818: Processing failed. The workspace does not exist. (request id ${'f'.repeat(32)})`,
    );
  });

  it('takes the request id from the body when the header is absent', () => {
    const e = make(404, { error_code: 'APIGW.0101', error_msg: 'no api', request_id: 'r1' }, {});
    expect(e.requestId).toBe('r1');
    expect(e.message).toContain('(request id r1)');
  });
});

describe('parseErrorBody', () => {
  it('flat fields first', () => {
    expect(parseErrorBody({ error_code: 'A', error_msg: 'a', errors: [{ error_code: 'B' }] })).toEqual({
      errorCode: 'A',
      errorMessage: 'a',
    });
  });
  it('camelCase and code/message', () => {
    expect(parseErrorBody({ errorCode: 'A', errorMsg: 'a' })).toEqual({ errorCode: 'A', errorMessage: 'a' });
    expect(parseErrorBody({ code: 'C', message: 'c' })).toEqual({ errorCode: 'C', errorMessage: 'c' });
  });
  it('then errors[0]', () => {
    expect(parseErrorBody({ errors: [{ error_code: 'DLG.2253', error_msg: 'nf' }] })).toEqual({
      errorCode: 'DLG.2253',
      errorMessage: 'nf',
    });
  });
  it('then nested error.{code,message} (IAM)', () => {
    expect(
      parseErrorBody({ error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' } }),
    ).toEqual({ errorCode: '401', errorMessage: 'The username or password is wrong.' });
  });
  it('gateway body with request_id', () => {
    expect(parseErrorBody({ error_code: 'APIGW.0101', error_msg: 'x', request_id: 'abc' })).toEqual({
      errorCode: 'APIGW.0101',
      errorMessage: 'x',
      requestId: 'abc',
    });
  });
  it('non-objects give nothing', () => {
    expect(parseErrorBody('text')).toEqual({});
    expect(parseErrorBody(null)).toEqual({});
  });
  it('an error of an unparseable body keeps the text', () => {
    const e = make(502, '<html>Bad Gateway</html>');
    expect(e).toBeInstanceOf(ServerError);
    expect(e.errorCode).toBeUndefined();
    expect(e.body).toBe('<html>Bad Gateway</html>');
  });
});

describe('type guards and instanceof across package copies', () => {
  it('a second copy of the module recognises errors of the first', async () => {
    vi.resetModules();
    const other = await import('../../src/index.js');
    expect(other.NotFoundError).not.toBe(NotFoundError);
    const e = make(400, { error_code: 'DLG.2253', error_msg: 'nf' });
    expect(other.isNotFoundError(e)).toBe(true);
    expect(other.isApiError(e)).toBe(true);
    expect(e instanceof other.NotFoundError).toBe(true);
    expect(e instanceof other.ServerError).toBe(false);
    const foreign = new other.TimeoutError(10);
    expect(foreign).toBeInstanceOf(TimeoutError);
    expect(isMetacollectError(foreign)).toBe(true);
    expect(isApiError(foreign)).toBe(false);
  });

  it('plain errors and look-alikes are not matched', () => {
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError({ status: 400, name: 'ApiError' })).toBe(false);
    expect(isMetacollectError(undefined)).toBe(false);
  });
});

describe('other errors', () => {
  it('AbortError keeps the caller reason as cause', () => {
    const reason = new Error('user cancelled');
    const e = new AbortError(reason, { method: 'GET', path: '/x' });
    expect(e.cause).toBe(reason);
    expect(e.message).toBe('GET /x: request aborted');
  });
  it('ValidationError lists every issue', () => {
    const e = new ValidationError(
      [
        { path: 'data_sources[0].db_type', message: "'FOO' is not a supported database type" },
        { path: 'name', message: 'name: expected a string' },
      ],
      { operation: 'createScanTask' },
    );
    expect(e.message).toBe(
      "Invalid createScanTask request: data_sources[0].db_type: 'FOO' is not a supported database type; name: expected a string",
    );
    expect(e.issues).toHaveLength(2);
  });
  it('ConnectionError tells whether the request may have been sent', () => {
    expect(new ConnectionError('x', { code: 'ECONNREFUSED', requestSent: false }).requestSent).toBe(false);
    expect(new ConnectionError('x').requestSent).toBe(true);
  });
});

describe('redaction', () => {
  it('JSON.stringify and util.inspect show no secret response header or body field', () => {
    const e = createApiError({
      method: 'POST',
      path: '/v3/auth/tokens',
      status: 401,
      headers: { 'x-subject-token': 'MIIsecret-token', 'set-cookie': 'sid=secret-cookie', 'x-request-id': 'r' },
      body: JSON.stringify({ error_code: 'APIGW.0301', error_msg: 'bad', password: 'hunter2-secret' }),
    });
    const json = JSON.stringify(e);
    const shown = inspect(e, { depth: 10 });
    for (const out of [json, shown]) {
      expect(out).not.toContain('MIIsecret-token');
      expect(out).not.toContain('secret-cookie');
      expect(out).not.toContain('hunter2-secret');
      expect(out).toContain('APIGW.0301');
    }
    expect(JSON.parse(json)).toMatchObject({ name: 'AuthenticationError', status: 401, errorCode: 'APIGW.0301' });
  });
});

describe('parseRetryAfter', () => {
  it('seconds, HTTP dates and garbage', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
