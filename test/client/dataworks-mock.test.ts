/**
 * DataWorksClient against the project's stateful mock: over HTTP (startMockServer) and in-process (`fetch`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, ServerError } from '../../src/core/errors.js';
import type { RequestInitLike } from '../../src/core/transport.js';
import { RunFailedError } from '../../src/core/waiter.js';
import { DataWorksClient } from '../../src/dataworks/client.js';
import type { CrawlerRun } from '../../src/dataworks/resources.js';
import { createMock, type MockServer, startMockServer } from '../../src/mock/index.js';
import type { DataWorksMockService } from '../../src/mock/services/dataworks/index.js';

const PROJECT = 4242;
let server: MockServer;
let dw: DataWorksClient;

const mysql = (name: string, envType: 'Dev' | 'Prod' = 'Prod') => ({
  ProjectId: PROJECT,
  Name: name,
  Type: 'mysql',
  ConnectionPropertiesMode: 'UrlMode' as const,
  ConnectionProperties: {
    envType,
    address: [{ host: '10.0.0.5', port: 3306 }],
    database: 'shop',
    username: 'collector',
    password: 'Pa55-word!',
  },
});

beforeAll(async () => {
  server = await startMockServer();
  const d = server.mock.defaults;
  dw = new DataWorksClient({
    endpoint: server.url,
    auth: { accessKeyId: d.ak, accessKeySecret: d.sk },
    logLevel: 'off',
    env: {},
  });
});
afterEach(() => {
  server.mock.faults.clear();
  server.mock.reset();
});
afterAll(async () => {
  await dw.close();
  await server.close();
  expect(server.mock.errors).toEqual([]);
});

describe('DataWorksClient against the mock (HTTP)', () => {
  it('runs the console flow: data source, connectivity, crawler, run, wait, latest log', async () => {
    const { Id: dsId } = await dw.createDataSource(mysql('shop_db'));
    (server.mock.services.dataworks as DataWorksMockService).seedDataSource(dsId, {
      tables: { shop: ['t1', 't2', 't3'] },
    });
    const conn = await dw.testDataSourceConnectivity({
      ProjectId: PROJECT,
      DataSourceId: dsId,
      ResourceGroupId: 'rg-1',
    });
    expect(conn.Connectivity.ConnectState).toBe('Connectable');
    const ds = await dw.getDataSource(dsId).withResponse();
    expect(ds.data.DataSource.ConnectionProperties).toMatchObject({ password: '******' });
    expect(ds.requestId).toBe(ds.data.RequestId);
    const { Id } = await dw.createCrawler({
      Name: 'shop collector',
      DataSourceId: dsId,
      Type: 'mysql',
      Scope: { Unit: 'DATABASE', ExcludeRegex: '^(?!(?:t1|t3)$).*$' },
      ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
    });
    const again = await dw.createCrawler({ Name: 'twice', DataSourceId: dsId, Type: 'mysql' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(BadRequestError);
    expect((again as BadRequestError).errorCode).toBe('Crawler.AlreadyExists');
    const listed = await dw.listCrawlers({ ProjectId: PROJECT, DataSourceIds: [dsId] });
    expect(listed.PagingInfo.Crawlers.map((c) => c.Id)).toEqual([Id]);
    const run = await dw.runCrawler(Id);
    expect(run).toMatchObject({ RunAccepted: true, RunStatus: 'WAITING' });
    const seen: (string | undefined)[] = [];
    const done = await dw.waitForCrawlerRun(Id, {
      taskInstanceId: run.TaskInstanceId,
      pollIntervalMs: 1,
      onProgress: (r: CrawlerRun | undefined) => {
        seen.push(r?.Status);
        server.mock.clock.advance(20_000);
      },
    });
    expect(done).toMatchObject({ Status: 'SUCCESS', TotalTableCount: 2, TaskInstanceId: run.TaskInstanceId });
    expect(seen[0]).toBe('WAITING');
    expect(seen).toContain('RUNNING');
    const latest = (await dw.listCrawlerRuns(Id, { PageSize: 1 })).PagingInfo.CrawlerRuns[0]!;
    const log = (await dw.getTaskInstanceLog(latest.TaskInstanceId)).TaskInstanceLog;
    expect(log).toContain('Collected table shop.t1.');
    expect(log).toContain('Collected table shop.t3.');
    expect(log).not.toContain('shop.t2');
    await dw.updateCrawler(Id, { ScheduleConfig: { Type: 'MANUAL' } });
    expect((await dw.getCrawler(Id)).Crawler).toMatchObject({
      ScheduleConfig: { Type: 'MANUAL' },
      LastRunStatus: 'SUCCESS',
      Scope: { Unit: 'DATABASE', ExcludeRegex: '^(?!(?:t1|t3)$).*$' },
    });
    await expect(dw.stopCrawler(Id)).rejects.toMatchObject({ errorCode: 'Crawler.NotRunning', status: 400 });
    await dw.deleteCrawler(Id);
    await expect(dw.getCrawler(Id)).rejects.toBeInstanceOf(NotFoundError);
    await dw.deleteDataSource(dsId);
    await expect(dw.getDataSource(dsId)).rejects.toMatchObject({ errorCode: 'DataSource.NotFound' });
  });

  it('pages with iterateCrawlers and iterateDataSources', async () => {
    const ids: number[] = [];
    for (const name of ['a_db', 'b_db', 'c_db', 'd_db', 'e_db']) {
      const { Id } = await dw.createDataSource(mysql(name));
      await dw.createDataSource(mysql(name, 'Dev'));
      ids.push((await dw.createCrawler({ Name: `crawler ${name}`, DataSourceId: Id, Type: 'mysql' })).Id);
    }
    const pages: number[] = [];
    for await (const page of dw.iterateCrawlers({ PageSize: 2 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([2, 2, 1]);
    expect((await dw.iterateCrawlers({ PageSize: 2 }).toArray()).map((c) => c.Id)).toEqual(ids);
    const groups = await dw
      .iterateDataSources({ ProjectId: PROJECT, PageSize: 3, SortBy: 'Name', Order: 'Asc' })
      .toArray();
    expect(groups.map((g) => g.Name)).toEqual(['a_db', 'b_db', 'c_db', 'd_db', 'e_db']);
    expect(groups.every((g) => g.DataSource.length === 2)).toBe(true);
  });

  it('waitForCrawlerRun throws RunFailedError with the log reason for an unreachable data source', async () => {
    const { Id: dsId } = await dw.createDataSource(mysql('down_db'));
    (server.mock.services.dataworks as DataWorksMockService).seedDataSource(dsId, {
      connectState: 'Unreachable',
      connectMessage: 'timeout connecting to 10.0.0.5:3306',
    });
    const { Id } = await dw.createCrawler({ Name: 'c', DataSourceId: dsId, Type: 'mysql' });
    await dw.runCrawler(Id);
    const err = await dw
      .waitForCrawlerRun(Id, { pollIntervalMs: 1, onProgress: () => server.mock.clock.advance(30_000) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect((err as RunFailedError<CrawlerRun>).status).toBe('ERROR');
    expect((err as RunFailedError<CrawlerRun>).errorMsg).toContain('timeout connecting to 10.0.0.5:3306');
  });

  it('does not repeat a create whose answer was lost (phase after), retries idempotent reads on 500', async () => {
    const { Id: dsId } = await dw.createDataSource(mysql('once_db'));
    server.mock.faults.inject({ service: 'dataworks', operation: 'CreateCrawler', status: 500, phase: 'after' });
    // With reconciliation off the retry table alone decides (reconciliation: test/integration/reconcile.test.ts).
    await expect(
      dw.createCrawler({ Name: 'c', DataSourceId: dsId, Type: 'mysql' }, { reconcile: false }),
    ).rejects.toBeInstanceOf(ServerError);
    expect((await dw.listCrawlers()).PagingInfo.TotalCount).toBe(1);
    server.mock.faults.inject({
      service: 'dataworks',
      operation: 'ListCrawlers',
      status: 500,
      code: 'InternalError.System',
      times: 2,
    });
    expect((await dw.listCrawlers()).PagingInfo.TotalCount).toBe(1);
    const calls = server.mock.requests.filter((r) => r.operation === 'ListCrawlers').map((r) => r.status);
    expect(calls).toEqual([200, 500, 500, 200]);
  });
});

describe('DataWorksClient against the mock (in-process fetch)', () => {
  it('honours x-acs-retry-after from a throttled RunCrawler and runs it once', async () => {
    const mock = createMock();
    const client = new DataWorksClient({
      endpoint: 'https://dataworks.cn-shanghai.aliyuncs.com',
      auth: { accessKeyId: mock.defaults.ak, accessKeySecret: mock.defaults.sk },
      fetch: (url: string, init: RequestInitLike) => mock.handle(new Request(url, init as RequestInit)),
      logLevel: 'off',
      env: {},
    });
    const { Id: dsId } = await client.createDataSource(mysql('fetch_db'));
    const { Id } = await client.createCrawler({ Name: 'c', DataSourceId: dsId, Type: 'mysql' });
    mock.faults.inject({ service: 'dataworks', operation: 'RunCrawler', status: 429, code: 'Throttling.User' });
    const run = await client.runCrawler(Id);
    expect(run.RunAccepted).toBe(true);
    const throttled = mock.requests.find((r) => r.status === 429);
    expect(throttled?.responseHeaders['x-acs-retry-after']).toBe('1000');
    expect((await client.listCrawlerRuns(Id)).PagingInfo.TotalCount).toBe(1);
    await client.close();
    expect(mock.errors).toEqual([]);
  });
});
