import { describe, expect, test } from 'vitest';
import { MOCK_OBSERVER, type MockExchange } from '../../src/mock/types.js';
import { drainConformanceViolations } from '../setup/conformance.js';
import { createExchangeValidator, loadSpec, validateExchange } from '../support/openapi.js';

const RID = '0123456789abcdef0123456789abcdef';
const PROJECT = 'abcdefabcdefabcdefabcdefabcdef12';
const DW_RID = '9252F32F-D855-549E-8898-61CF5A733050';

function dsc(over: Partial<MockExchange> = {}): MockExchange {
  return {
    service: 'dsc',
    operation: 'CreateTaskTemplates',
    method: 'POST',
    path: `/v1/${PROJECT}/metadata/task-templates`,
    status: 200,
    responseHeaders: { 'x-request-id': RID, 'content-type': 'application/json' },
    responseBody: { status: 'success', msg: '操作成功', id: '1001' },
    ...over,
  };
}

function dataworks(over: Partial<MockExchange> = {}): MockExchange {
  return {
    service: 'dataworks',
    operation: 'DeleteCrawler',
    method: 'POST',
    path: '/',
    status: 200,
    responseHeaders: { 'x-acs-request-id': DW_RID },
    responseBody: { RequestId: DW_RID, Success: true, Id: 50001 },
    ...over,
  };
}

describe('validateExchange: Huawei operations', () => {
  test('a conforming DSC answer has no violation', () => {
    expect(validateExchange(dsc())).toEqual([]);
  });

  test('a body that breaks the response schema is reported with its JSON path', () => {
    const out = validateExchange(dsc({ responseBody: { status: 'success', msg: 'ok', id: 1001 } }));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('dsc CreateTaskTemplates POST');
    expect(out[0]).toContain('→ 200: body does not match the spec: /id must be string');
  });

  test('a status the spec does not declare is a violation', () => {
    const out = validateExchange(dsc({ status: 409, responseBody: { error_code: 'dsc.1', error_msg: 'x' } }));
    expect(out).toEqual([expect.stringContaining('status 409 is not declared for CreateTaskTemplates')]);
  });

  test('error statuses use the DSC or the gateway envelope', () => {
    expect(
      validateExchange(dsc({ status: 400, responseBody: { error_code: 'dsc.40000011', error_msg: 'x' } })),
    ).toEqual([]);
    const gw = { error_code: 'APIGW.0301', error_msg: 'bad signature', request_id: RID };
    expect(validateExchange(dsc({ status: 401, responseBody: gw }))).toEqual([]);
    expect(validateExchange(dsc({ status: 503, responseBody: { error_code: 'dsc.x', error_msg: 'fault' } }))).toEqual(
      [],
    );
    expect(validateExchange(dsc({ status: 400, responseBody: { code: 'x' } }))).toHaveLength(1);
  });

  test('a missing or malformed X-Request-Id is a violation', () => {
    expect(validateExchange(dsc({ responseHeaders: {} }))).toEqual([
      expect.stringContaining('missing required header X-Request-Id'),
    ]);
    expect(validateExchange(dsc({ responseHeaders: { 'X-Request-Id': 'NOT-HEX' } }))).toEqual([
      expect.stringContaining('header X-Request-Id does not match its schema'),
    ]);
  });

  test('operationId, method and path must match the spec', () => {
    expect(validateExchange(dsc({ operation: 'ShowTaskTemplate' }))).toEqual([
      expect.stringContaining('operationId ShowTaskTemplate is not in openapi/dsc.yaml'),
    ]);
    expect(validateExchange(dsc({ method: 'PUT' }))).toEqual([
      expect.stringContaining('spec declares POST for CreateTaskTemplates'),
    ]);
    expect(validateExchange(dsc({ path: `/v1/${PROJECT}/metadata/task-template` }))).toEqual([
      expect.stringContaining('path does not match the spec path /v1/{project_id}/metadata/task-templates'),
    ]);
  });

  test('IAM: the 201 needs X-Subject-Token; violations never echo header values', () => {
    const token = 'MIIsecret-token-value';
    const body = {
      token: {
        expires_at: '2026-01-02T00:00:00.000000Z',
        issued_at: '2026-01-01T00:00:00.000000Z',
        methods: ['password'],
        user: { id: 'u', name: 'alice', domain: { id: 'd', name: 'acct' } },
      },
    };
    const ex: MockExchange = {
      service: 'iam',
      operation: 'KeystoneCreateUserTokenByPassword',
      method: 'POST',
      path: '/v3/auth/tokens',
      status: 201,
      responseHeaders: { 'x-request-id': RID, 'x-subject-token': token },
      responseBody: body,
    };
    expect(validateExchange(ex)).toEqual([]);
    expect(validateExchange({ ...ex, responseHeaders: { 'x-request-id': RID } })).toEqual([
      expect.stringContaining('missing required header X-Subject-Token'),
    ]);
    const bad = validateExchange({ ...ex, responseBody: { token: { ...body.token, user: token } } });
    expect(bad).toHaveLength(1);
    expect(bad.join('\n')).not.toContain(token);
    expect(
      validateExchange({
        ...ex,
        status: 401,
        responseHeaders: { 'x-request-id': RID },
        responseBody: { error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' } },
      }),
    ).toEqual([]);
  });

  test('a response the spec declares without a body must be empty', () => {
    const doc = structuredClone(loadSpec('dsc.yaml').doc);
    doc.components.responses.OperateOk = { description: 'no body' };
    const check = createExchangeValidator([{ file: 'dsc.yaml', doc }]);
    expect(check(dsc({ responseBody: undefined }))).toEqual([]);
    expect(check(dsc())).toEqual([expect.stringContaining('the spec declares no body for this response')]);
  });
});

describe('validateExchange: route misses and the control surface', () => {
  test('control exchanges are not checked', () => {
    expect(validateExchange({ ...dsc(), service: 'control', status: 500, responseBody: 'anything' })).toEqual([]);
  });

  test('a Huawei route miss must be a 4xx gateway envelope with X-Request-Id', () => {
    const miss: MockExchange = {
      service: 'unknown',
      operation: undefined,
      method: 'GET',
      path: `/v1/${PROJECT}/metadata/catalog/x`,
      status: 404,
      responseHeaders: { 'x-request-id': RID },
      responseBody: {
        error_code: 'APIGW.0101',
        error_msg: 'The API does not exist or has not been published in the environment.',
        request_id: RID,
      },
    };
    expect(validateExchange(miss)).toEqual([]);
    expect(validateExchange({ ...miss, responseBody: { error_code: 'dsc.600000025', error_msg: 'x' } })).toEqual([
      expect.stringContaining('body is not the gateway envelope'),
    ]);
    expect(validateExchange({ ...miss, status: 200 })).toEqual([
      expect.stringContaining('a route miss must answer 4xx'),
    ]);
  });
});

describe('validateExchange: DataWorks actions', () => {
  test('a conforming answer and a conforming error have no violation', () => {
    expect(validateExchange(dataworks())).toEqual([]);
    const err = { RequestId: DW_RID, Code: 'Invalid.Param', Message: 'Invalid parameter: Id: expected an integer' };
    expect(validateExchange(dataworks({ status: 400, responseBody: err }))).toEqual([]);
  });

  test('violations: wrong body, unknown action, status, request id', () => {
    expect(validateExchange(dataworks({ responseBody: { RequestId: DW_RID, Success: 'yes', Id: 50001 } }))).toEqual([
      expect.stringContaining('body does not match DeleteCrawlerResponse: /Success must be boolean'),
    ]);
    expect(validateExchange(dataworks({ operation: 'DescribeCrawler' }))).toEqual([
      expect.stringContaining('action DescribeCrawler is not in the x-actions map'),
    ]);
    expect(validateExchange(dataworks({ status: 302 }))).toEqual([
      expect.stringContaining('status 302 is not declared'),
    ]);
    expect(validateExchange(dataworks({ responseHeaders: { 'x-acs-request-id': 'OTHER' } }))).toEqual([
      expect.stringContaining('header x-acs-request-id differs from body RequestId'),
    ]);
    expect(validateExchange(dataworks({ status: 400, responseBody: { error_code: 'x', error_msg: 'y' } }))).toEqual([
      expect.stringContaining('body does not match DataWorksError'),
    ]);
  });

  test('an unknown action (route miss on /) answers the DataWorks envelope', () => {
    const body = { RequestId: DW_RID, Code: 'InvalidAction.NotFound', Message: 'Specified api is not found' };
    const miss = dataworks({ service: 'unknown', operation: undefined, status: 404, responseBody: body });
    expect(validateExchange(miss)).toEqual([]);
    expect(validateExchange({ ...miss, status: 200 })).toEqual([expect.stringContaining('status 200 is not declared')]);
  });
});

describe('the vitest setup file', () => {
  test('installs an observer that collects violations (and the file fails in afterAll if any remain)', () => {
    const observer = (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER];
    expect(typeof observer).toBe('function');
    drainConformanceViolations();
    (observer as (ex: MockExchange) => void)(dsc({ responseBody: { wrong: true } }));
    (observer as (ex: MockExchange) => void)(dsc());
    const seen = drainConformanceViolations();
    expect(seen).toEqual([expect.stringContaining('body does not match the spec')]);
    expect(drainConformanceViolations()).toEqual([]);
  });
});

describe('end to end with the mock engine', () => {
  test('DSC and IAM answers of the real mock conform to the specs', async () => {
    const { createMock } = await import('../../src/mock/index.js');
    const key = MOCK_OBSERVER as unknown as string;
    const g = globalThis as unknown as Record<string, (ex: MockExchange) => void>;
    const installed = g[key]!;
    const seen: MockExchange[] = [];
    g[key] = (ex) => {
      seen.push(ex);
      installed(ex);
    };
    try {
      drainConformanceViolations();
      const mock = createMock({ clock: 'manual' });
      const { projectId, token, userName, password, domainName, projectName } = mock.defaults;
      const base = `https://sdg.cn-north-4.myhuaweicloud.com/v1/${projectId}/metadata`;
      const call = (method: string, url: string, body?: unknown) =>
        mock.handle(
          new Request(url, {
            method,
            headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        );
      const created = await call('POST', `${base}/task-templates`, {
        task_name: 'e2e',
        data_sources: [{ db_type: 'MySQL', ins_id: 'ins-1' }],
        schedule_type: 'DAY',
        start_now: true,
      });
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: string };
      await call('GET', `${base}/task-templates?page_size=10`);
      await call('GET', `${base}/task-templates/${id}/task-instances?reverse=true`);
      await call('POST', `${base}/task-templates/${id}/operate`, { action: 'START' }); // 400: already running
      await call('PUT', `${base}/task-template/${id}`, { task_name: 'renamed' });
      await call('PUT', `${base}/task-template/${id}/action?action=DISABLE`);
      await call('POST', `${base}/task-templates`, { task_name: '' }); // 400
      await call('GET', `${base}/task-templates/999999/task-instances`); // 404
      await call('GET', `${base}/catalog/anything`); // route miss
      await call('DELETE', `${base}/task-templates`, [id, 424242]);
      const iam = 'https://iam.myhuaweicloud.com';
      const identity = (pw: string) => ({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: userName, password: pw, domain: { name: domainName } } },
          },
          scope: { project: { name: projectName } },
        },
      });
      const tokenRes = await mock.handle(
        new Request(`${iam}/v3/auth/tokens?nocatalog=true`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(identity(password)),
        }),
      );
      expect(tokenRes.status).toBe(201);
      await mock.handle(
        new Request(`${iam}/v3/auth/tokens`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(identity(`${password}-wrong`)),
        }),
      ); // 401
      await mock.handle(new Request(`${iam}/v3/projects?name=${projectName}`, { headers: { 'X-Auth-Token': token } }));
      await mock.handle(new Request(`${iam}/v3/projects`)); // 401 gateway
      expect(seen.map((ex) => ex.status)).toEqual([
        200, 200, 200, 400, 200, 200, 400, 404, 404, 200, 201, 401, 200, 401,
      ]);
      expect(seen.map((ex) => ex.operation)).toContain('UpdateAction');
      expect(drainConformanceViolations()).toEqual([]);
    } finally {
      g[key] = installed;
    }
  });
});
