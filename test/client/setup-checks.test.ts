/**
 * Setup mistakes caught at construction (unknown regions, with the nearest known one) and authentication failures
 * classified by code whatever the status the vendor answers with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createApiError, NotFoundError } from '../../src/core/errors.js';
import { isAuthenticationError } from '../../src/core/guards.js';
import { nearest } from '../../src/core/suggest.js';
import { DATAARTS_SERVICE, DataArtsCatalogClient } from '../../src/dataarts/client.js';
import { DataWorksClient } from '../../src/dataworks/client.js';
import { DATAWORKS_REGIONS } from '../../src/dataworks/regions.js';
import { DATAWORKS_SERVICE } from '../../src/dataworks/service.js';
import { DscClient } from '../../src/dsc/client.js';
import { DATAARTS_REGIONS, DSC_REGIONS } from '../../src/huawei/regions.js';
import { type MockServer, startMockServer } from '../../src/mock/index.js';
import { PROJECT, WORKSPACE } from './helpers.js';

const huawei = { auth: { token: 't' }, projectId: PROJECT, env: {} };
const alibaba = { auth: { accessKeyId: 'LTAI0123', accessKeySecret: 'secret' }, env: {} };

describe('nearest', () => {
  it('finds a likely typo and nothing for an unrelated word', () => {
    expect(nearest('cn-nort-4', DSC_REGIONS)).toBe('cn-north-4');
    expect(nearest('tasks_name', ['task_name', 'data_sources'])).toBe('task_name');
    expect(nearest('TASK_NAME', ['task_name'])).toBe('task_name');
    expect(nearest('cn-sanghai', DATAWORKS_REGIONS)).toBe('cn-shanghai');
    expect(nearest('zzzzzzzz', ['task_name', 'data_sources'])).toBeUndefined();
    expect(nearest('ab', ['xy'])).toBeUndefined();
  });
});

describe('regions', () => {
  it('refuses a region the service is not published in, naming the nearest known one', () => {
    const bad = () => new DscClient({ ...huawei, region: 'cn-nort-4' });
    expect(bad).toThrow(expect.objectContaining({ name: 'ConfigurationError', field: 'region' }));
    expect(bad).toThrow(/unknown region 'cn-nort-4'; did you mean cn-north-4\?/);
    expect(bad).toThrow(/pass `endpoint`/);
    // Each service has its own list: cn-north-2 has DataArts but not DSC.
    expect(() => new DscClient({ ...huawei, region: 'cn-north-2' })).toThrow(
      expect.objectContaining({ field: 'region' }),
    );
    expect(new DataArtsCatalogClient({ ...huawei, region: 'cn-north-2', workspace: WORKSPACE }).endpoint).toBe(
      'https://dayu.cn-north-2.myhuaweicloud.com',
    );
    expect(() => new DataArtsCatalogClient({ ...huawei, region: 'eu-west-10', workspace: WORKSPACE })).toThrow(
      /did you mean eu-west-101\?/,
    );
  });

  it('accepts every listed region, and any region with an explicit endpoint', () => {
    for (const region of DSC_REGIONS) expect(() => new DscClient({ ...huawei, region })).not.toThrow();
    for (const region of DATAARTS_REGIONS) {
      expect(() => new DataArtsCatalogClient({ ...huawei, region, workspace: WORKSPACE })).not.toThrow();
    }
    for (const region of DATAWORKS_REGIONS)
      expect(() => new DataWorksClient({ ...alibaba, regionId: region })).not.toThrow();
    const c = new DscClient({
      ...huawei,
      region: 'xx-newregion-9',
      endpoint: 'https://sdg.xx-newregion-9.example.com',
    });
    expect(c.endpoint).toBe('https://sdg.xx-newregion-9.example.com');
    expect(c.region).toBe('xx-newregion-9');
  });

  it('DataWorks: regionId checked against the SDK endpoint table; central regions use the central host', () => {
    expect(() => new DataWorksClient({ ...alibaba, regionId: 'cn-shangai' })).toThrow(
      expect.objectContaining({
        name: 'ConfigurationError',
        field: 'regionId',
        message: expect.stringMatching(/did you mean cn-shanghai\?/),
      }),
    );
    expect(new DataWorksClient({ ...alibaba, regionId: 'cn-shanghai' }).endpoint).toBe(
      'https://dataworks.cn-shanghai.aliyuncs.com',
    );
    expect(new DataWorksClient({ ...alibaba, regionId: 'cn-zhangjiakou' }).endpoint).toBe(
      'https://dataworks.aliyuncs.com',
    );
    expect(new DataWorksClient({ ...alibaba, regionId: 'cn-nowhere-1', endpoint: 'http://127.0.0.1:9' }).endpoint).toBe(
      'http://127.0.0.1:9',
    );
  });
});

describe('authentication failures are AuthenticationError whatever the status', () => {
  const answer = (status: number, code: string, rules: Parameters<typeof createApiError>[1]) =>
    createApiError(
      {
        method: 'POST',
        path: '/',
        status,
        headers: {},
        body: JSON.stringify({ Code: code, Message: 'm', RequestId: 'R', error_code: code, error_msg: 'm' }),
      },
      rules,
    );

  it('DataWorks: InvalidAccessKeyId.* (404), signature and STS codes; other codes keep their class', () => {
    for (const [status, code] of [
      [404, 'InvalidAccessKeyId.NotFound'],
      [400, 'InvalidAccessKeyId.Inactive'],
      [400, 'SignatureDoesNotMatch'],
      [400, 'IncompleteSignature'],
      [400, 'InvalidSecurityToken.Mismatch'],
      [400, 'InvalidSecurityToken.Expired'],
      [400, 'InvalidTimeStamp.Expired'],
    ] as const) {
      const e = answer(status, code, DATAWORKS_SERVICE);
      expect(e).toBeInstanceOf(AuthenticationError);
      expect(isAuthenticationError(e)).toBe(true);
      expect(e.status).toBe(status);
      expect(e.errorCode).toBe(code);
    }
    expect(answer(404, 'Crawler.NotFound', DATAWORKS_SERVICE)).toBeInstanceOf(NotFoundError);
    expect(answer(400, 'SignatureNonceUsed', DATAWORKS_SERVICE)).toBeInstanceOf(BadRequestError);
    // A code that only starts like a listed entry without its dot does not match.
    expect(answer(400, 'InvalidAccessKeyIdX', DATAWORKS_SERVICE)).toBeInstanceOf(BadRequestError);
  });

  it('Huawei: the gateway codes APIGW.0301 / APIGW.0307 whatever the status', () => {
    expect(answer(403, 'APIGW.0301', DATAARTS_SERVICE)).toBeInstanceOf(AuthenticationError);
    expect(answer(400, 'apigw.0307', DATAARTS_SERVICE)).toBeInstanceOf(AuthenticationError);
    expect(answer(400, 'DLG.2253', DATAARTS_SERVICE)).toBeInstanceOf(NotFoundError);
  });

  describe('against the mock', () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer();
    });
    afterAll(async () => {
      await server.close();
    });

    it('a wrong DataWorks AccessKey (404 InvalidAccessKeyId.NotFound) and a wrong secret are AuthenticationError', async () => {
      const d = server.mock.defaults;
      for (const auth of [
        { accessKeyId: 'LTAIunknownkey0000', accessKeySecret: d.sk },
        { accessKeyId: d.ak, accessKeySecret: 'not-the-secret' },
      ]) {
        const dw = new DataWorksClient({ endpoint: server.url, auth, logLevel: 'off', env: {}, maxRetries: 0 });
        const error = await dw.listCrawlerTypes().catch((e) => e);
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(isAuthenticationError(error)).toBe(true);
        expect([404, 400]).toContain(error.status);
        await dw.close();
      }
    });
  });
});
