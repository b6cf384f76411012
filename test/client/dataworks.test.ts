/**
 * DataWorksClient against a loopback server (wire format, signing, errors, retries, secrets) — the mock has its
 * own file (dataworks-mock.test.ts).
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ConfigurationError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { DataWorksClient } from '../../src/dataworks/client.js';
import { parseAcs3Authorization, verifyAcs3Signature } from '../../src/signing/acs3.js';
import { json, type Recorded, startServer, type TestServer } from './helpers.js';

const AK = 'LTAItestAccessKeyId';
const SK = 'test-access-key-secret-value';
const REQUEST_ID = '9252F32F-D855-549E-8898-61CF5A733050';

let server: TestServer;
let client: DataWorksClient;

beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => {
  server.requests.length = 0;
  client = new DataWorksClient({
    endpoint: server.url,
    auth: { accessKeyId: AK, accessKeySecret: SK },
    logLevel: 'off',
    env: {},
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function ok(body: Record<string, unknown> = {}) {
  return (_req: Recorded, res: Parameters<typeof json>[0]) =>
    json(res, 200, { RequestId: REQUEST_ID, ...body }, { 'x-acs-request-id': REQUEST_ID });
}

function verify(rec: Recorded): boolean {
  const parsed = parseAcs3Authorization(rec.headers.authorization ?? '');
  if (!parsed) return false;
  return verifyAcs3Signature({
    method: rec.method,
    url: new URL(rec.url, server.url),
    headers: rec.headers,
    authorization: parsed,
    accessKeySecret: SK,
  });
}

describe('DataWorksClient — wire format and signing', () => {
  it('sends crawler actions as signed form bodies with JSON-string nested objects', async () => {
    server.handle(ok({ Success: true, Id: 50001 }));
    const r = await client
      .createCrawler({
        Name: 'shop crawler',
        DataSourceId: 1001,
        Type: 'mysql',
        Scope: { Unit: 'DATABASE', ExcludeRegex: '^(?!(?:t1|t2)$).*$' },
        ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
        EnableAiComment: false,
      })
      .withResponse();
    expect(r.data.Id).toBe(50001);
    expect(r.requestId).toBe(REQUEST_ID);
    const [rec] = server.requests;
    expect(rec?.method).toBe('POST');
    expect(rec?.url).toBe('/');
    expect(rec?.headers['x-acs-action']).toBe('CreateCrawler');
    expect(rec?.headers['x-acs-version']).toBe('2024-05-18');
    expect(rec?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(rec?.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAItestAccessKeyId,SignedHeaders=/);
    expect(verify(rec!)).toBe(true);
    const form = Object.fromEntries(new URLSearchParams(rec!.body));
    expect(form).toEqual({
      Name: 'shop crawler',
      DataSourceId: '1001',
      Type: 'mysql',
      Scope: '{"Unit":"DATABASE","ExcludeRegex":"^(?!(?:t1|t2)$).*$"}',
      ScheduleConfig: '{"Type":"NORMAL","CronExpress":"0 0 2 ? * *"}',
      EnableAiComment: 'false',
    });
  });

  it('sends GET actions, CreateDataSource and TestDataSourceConnectivity in the query (comma-joined arrays)', async () => {
    server.handle(ok({ PagingInfo: { TotalCount: 0, PageNumber: 1, PageSize: 10, DataSources: [] } }));
    await client.listDataSources({ ProjectId: 7, Types: ['mysql', 'holo'], Name: 'a b' });
    server.handle(ok({ Id: 1001 }));
    await client.createDataSource({
      ProjectId: 7,
      Name: 'shop',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: {
        envType: 'Prod',
        address: [{ host: 'h', port: 3306 }],
        database: 'd',
        username: 'u',
        password: 'p w',
      },
    });
    server.handle(ok({ Connectivity: { ConnectState: 'Connectable' } }));
    await client.testDataSourceConnectivity({ ProjectId: 7, DataSourceId: 1001, ResourceGroupId: 'rg' });
    const [list, create, test] = server.requests;
    expect(list?.method).toBe('GET');
    expect(list?.body).toBe('');
    const q = new URL(list!.url, server.url).searchParams;
    expect(q.get('Types')).toBe('mysql,holo');
    expect(q.get('Name')).toBe('a b');
    expect(list?.url).toContain('Name=a%20b');
    expect(create?.method).toBe('POST');
    expect(create?.body).toBe('');
    expect(JSON.parse(new URL(create!.url, server.url).searchParams.get('ConnectionProperties')!)).toMatchObject({
      password: 'p w',
    });
    expect(test?.method).toBe('POST');
    for (const rec of server.requests) expect(verify(rec)).toBe(true);
  });

  it('signs STS requests with x-acs-security-token, reads ALIBABA_CLOUD_* when auth is absent', async () => {
    server.handle(ok({ Success: true, CrawlerTypes: [] }));
    const sts = new DataWorksClient({
      endpoint: server.url,
      logLevel: 'off',
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: AK,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: SK,
        ALIBABA_CLOUD_SECURITY_TOKEN: 'sts-token-value',
      },
    });
    await sts.listCrawlerTypes();
    await sts.close();
    const [rec] = server.requests;
    expect(rec?.headers['x-acs-security-token']).toBe('sts-token-value');
    expect(parseAcs3Authorization(rec!.headers.authorization!)?.signedHeaders).toContain('x-acs-security-token');
    expect(verify(rec!)).toBe(true);
    expect(() => new DataWorksClient({ endpoint: server.url, env: {} })).toThrow(ConfigurationError);
    expect(() => new DataWorksClient({ auth: { accessKeyId: AK, accessKeySecret: SK }, env: {} })).toThrow(/regionId/);
    expect(
      new DataWorksClient({ regionId: 'cn-shanghai', auth: { accessKeyId: AK, accessKeySecret: SK } }).endpoint,
    ).toBe('https://dataworks.cn-shanghai.aliyuncs.com');
    expect(() => new DataWorksClient({ regionId: 'Shanghai', auth: { accessKeyId: AK, accessKeySecret: SK } })).toThrow(
      ConfigurationError,
    );
  });

  it('validates before any I/O, naming the field', async () => {
    await expect(client.createCrawler({ Name: 'x', DataSourceId: 0, Type: 'mysql' })).rejects.toThrow(ValidationError);
    await expect(
      client.createCrawler({
        Name: 'x',
        DataSourceId: 1,
        Type: 'mysql',
        ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 */5 * * * ?' },
      }),
    ).rejects.toThrow(/ScheduleConfig\.CronExpress/);
    await expect(client.listCrawlers({ PageSize: 500 })).rejects.toThrow(/PageSize/);
    await expect(client.updateCrawler(5, {})).rejects.toThrow(ValidationError);
    await expect(client.getTaskInstanceLog(1, { RunNumber: 0 })).rejects.toThrow(/RunNumber/);
    const err = await client
      .createDataSource({
        ProjectId: 1,
        Name: 'ok',
        Type: 'mysql',
        ConnectionPropertiesMode: 'UrlMode',
        ConnectionProperties: { envType: 'Prod', database: 'd', username: 'u', password: 'Very-Secret-1' } as never,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(String((err as Error).message)).toContain('ConnectionProperties.address');
    expect(String((err as Error).message)).not.toContain('Very-Secret-1');
    expect(server.requests).toHaveLength(0);
  });
});

describe('DataWorksClient — errors and retries', () => {
  const envelope =
    (status: number, code: string, headers: Record<string, string> = {}) =>
    (_req: Recorded, res: Parameters<typeof json>[0]) =>
      json(
        res,
        status,
        { RequestId: REQUEST_ID, HostId: 'h', Code: code, Message: `msg ${code}`, Recommend: 'https://x' },
        { 'x-acs-request-id': REQUEST_ID, ...headers },
      );

  it('maps the envelope to typed errors with Code, Message and RequestId; never retries a 4xx', async () => {
    server.handle(envelope(404, 'Crawler.NotFound'));
    const err = (await client.getCrawler(1).catch((e: unknown) => e)) as NotFoundError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.errorCode).toBe('Crawler.NotFound');
    expect(err.errorMessage).toBe('msg Crawler.NotFound');
    expect(err.requestId).toBe(REQUEST_ID);
    expect(err.message).toBe(
      `POST /?Action=GetCrawler → 404 Crawler.NotFound: msg Crawler.NotFound (request id ${REQUEST_ID})`,
    );
    server.handle(envelope(400, 'Crawler.RunInProgress'));
    await expect(client.runCrawler(1)).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(2);
  });

  it('retries idempotent actions on 500 but not Create/Run; waits x-acs-retry-after on 429 for any action', async () => {
    server.handle((req, res, i) =>
      i === 0 ? envelope(500, 'InternalError.System')(req, res) : ok({ Success: true, CrawlerTypes: [] })(req, res),
    );
    await client.getCrawlerTypeCapabilities();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers['x-acs-signature-nonce']).not.toBe(
      server.requests[1]?.headers['x-acs-signature-nonce'],
    );

    server.requests.length = 0;
    server.handle(envelope(500, 'InternalError.System'));
    // The retry table alone (reconciliation, which repeats a run after such a failure, is tested elsewhere).
    await expect(client.runCrawler(1, { reconcile: false })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    const lines: string[] = [];
    const logged = new DataWorksClient({
      endpoint: server.url,
      auth: { accessKeyId: AK, accessKeySecret: SK },
      logLevel: 'info',
      logger: { info: (m: string) => lines.push(m), warn: () => {}, error: () => {}, debug: () => {} },
      env: {},
    });
    server.handle((req, res, i) => {
      return i === 0
        ? envelope(429, 'Throttling.User', { 'x-acs-retry-after': '300' })(req, res)
        : ok({ Success: true, Id: 50001, RunAccepted: true, RunStatus: 'WAITING', TaskInstanceId: 900001 })(req, res);
    });
    const run = await logged.runCrawler(50001);
    await logged.close();
    expect(run.TaskInstanceId).toBe(900001);
    expect(server.requests).toHaveLength(2);
    expect(lines).toEqual([expect.stringContaining('POST /?Action=RunCrawler: retrying in 300 ms (retry 1/2)')]);

    server.requests.length = 0;
    server.handle(envelope(429, 'Throttling.Api', { 'x-acs-retry-after': '0' }));
    const limited = await client.listCrawlerTypes({ maxRetries: 1 }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps the CreateDataSource query (password) out of connection errors, timeouts and inspect', async () => {
    const dead = new DataWorksClient({
      endpoint: 'http://127.0.0.1:1',
      auth: { accessKeyId: AK, accessKeySecret: SK },
      logLevel: 'off',
      maxRetries: 0,
      env: {},
    });
    const err = await dead
      .createDataSource({
        ProjectId: 1,
        Name: 'shop',
        Type: 'mysql',
        ConnectionPropertiesMode: 'UrlMode',
        ConnectionProperties: {
          envType: 'Prod',
          address: [{ host: 'h', port: 1 }],
          database: 'd',
          username: 'u',
          password: 'Hunter2-Secret',
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    const shown = `${(err as Error).message} ${JSON.stringify(err)} ${inspect(err)}`;
    expect(shown).toContain('/?Action=CreateDataSource');
    expect(shown).not.toContain('Hunter2');
    await dead.close();
    expect(inspect(client)).not.toContain(SK);
    expect(JSON.stringify(client)).not.toContain(SK);

    server.handle(() => undefined); // never answers
    const slow = await client.listCrawlerTypes({ timeoutMs: 200 }).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(TimeoutError);
  });
});
