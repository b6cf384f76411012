import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../../src/mock/index.js';
import { signAcs3Request } from '../../../src/signing/acs3.js';
import { controlRequest } from '../../support/mock.js';
import { setup, T0 } from './harness.js';

const DAY = 86_400_000;

describe('DataWorks mock — runs', () => {
  it('WAITING → RUNNING after the queue delay → SUCCESS after the run duration, with the log and tables', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    h.service.seedDataSource(ds, { tables: { shop: ['orders', 'order_items', 'users'], other: ['x'] } });
    const id = await h.createCrawler(ds, {
      Scope: { Unit: 'DATABASE', ExcludeRegex: '^(?!(?:orders|users)$).*$' },
    });
    const run = await h.ok('RunCrawler', { Id: id });
    expect(run).toMatchObject({
      Success: true,
      Id: id,
      RunAccepted: true,
      RunStatus: 'WAITING',
      TaskInstanceId: 900001,
    });
    await h.fail('RunCrawler', { Id: id }, 400, 'Crawler.RunInProgress');
    expect(await h.runs(id)).toEqual([{ Status: 'WAITING', StartedTime: T0, TaskInstanceId: 900001 }]);
    expect((await h.ok('GetTaskInstanceLog', { Id: 900001 }, 'GET')).TaskInstanceLog).toBe('');
    h.mock.clock.advance(4999);
    expect((await h.runs(id))[0].Status).toBe('WAITING');
    h.mock.clock.advance(1);
    expect((await h.runs(id))[0].Status).toBe('RUNNING');
    const crawler = (await h.ok('GetCrawler', { Id: id })).Crawler;
    expect(crawler).toMatchObject({ LastRunStatus: 'RUNNING', LastRunTaskInstanceId: 900001 });
    h.mock.clock.advance(60_000);
    const [done] = await h.runs(id);
    expect(done).toEqual({
      Status: 'SUCCESS',
      StartedTime: T0,
      FinishedTime: T0 + 65_000,
      Duration: 65,
      TaskInstanceId: 900001,
      TotalTableCount: 2,
    });
    const log: string = (await h.ok('GetTaskInstanceLog', { Id: 900001, RunNumber: 1 }, 'GET')).TaskInstanceLog;
    const lines = log.split('\n');
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (INFO|WARN|ERROR) /);
    expect(lines[0]).toMatch(/^2026-01-01 00:00:05 INFO /);
    expect(lines.filter((l) => l.includes('Collected table'))).toEqual([
      '2026-01-01 00:01:05 INFO Collected table shop.orders.',
      '2026-01-01 00:01:05 INFO Collected table shop.users.',
    ]);
    expect(log).toContain('SUCCESS');
    await h.fail('GetTaskInstanceLog', { Id: 900001, RunNumber: 2 }, 400, 'Invalid.Param', 'GET');
    await h.fail('GetTaskInstanceLog', { Id: 123 }, 404, 'TaskInstance.NotFound', 'GET');
    expect(h.mock.errors).toEqual([]);
  });

  it('honours the settings, INSTANCE scope, Items with an unseeded database, no seed = 0 tables', async () => {
    const h = setup();
    h.mock.settings.dataworksQueueDelayMs = 1000;
    h.mock.settings.dataworksRunDurationMs = 2000;
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds, { Scope: { Unit: 'DATABASE', Items: ['shop', 'ghost'] } });
    h.service.seedDataSource(ds, { tables: { shop: ['a'], crm: ['b', 'c'] } });
    await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(3000);
    const [r1] = await h.runs(id);
    expect(r1).toMatchObject({ Status: 'SUCCESS', Duration: 3, TotalTableCount: 1 });
    const log1: string = (await h.ok('GetTaskInstanceLog', { Id: r1.TaskInstanceId }, 'GET')).TaskInstanceLog;
    expect(log1).toMatch(/WARN Database ghost is not present/);
    await h.ok('UpdateCrawler', { Id: id, Scope: { Unit: 'INSTANCE', ExcludeRegex: 'c' } });
    await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(3000);
    expect((await h.runs(id))[0]).toMatchObject({ Status: 'SUCCESS', TotalTableCount: 2 }); // crm.b, shop.a
    const other = await h.createDataSource('empty_db');
    const c2 = await h.createCrawler(other);
    await h.ok('RunCrawler', { Id: c2 });
    h.mock.clock.advance(3000);
    expect((await h.runs(c2))[0]).toMatchObject({ Status: 'SUCCESS', TotalTableCount: 0 });
  });

  it('ERROR when the seeded ConnectState is not Connectable, or on an injected run fault', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    await controlRequest(h.mock, 'POST', `/__mock/dataworks/datasources/${ds}`, {
      connectState: 'Unreachable',
      tables: { shop: ['t'] },
    });
    const id = await h.createCrawler(ds);
    await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(65_000);
    const [r] = await h.runs(id);
    expect(r).toMatchObject({ Status: 'ERROR', TotalTableCount: 0, Duration: 65 });
    const log: string = (await h.ok('GetTaskInstanceLog', { Id: r.TaskInstanceId }, 'GET')).TaskInstanceLog;
    expect(log).toMatch(/ERROR Cannot connect to data source shop_db: Unreachable/);
    h.service.seedDataSource(ds, { connectState: 'Connectable' });
    h.mock.faults.inject({
      service: 'dataworks',
      operation: 'RunCrawler',
      phase: 'run',
      message: 'disk full on the collector',
    });
    await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(65_000);
    expect((await h.runs(id))[0].Status).toBe('ERROR');
    const log2: string = (await h.ok('GetTaskInstanceLog', { Id: (await h.runs(id))[0].TaskInstanceId }, 'GET'))
      .TaskInstanceLog;
    expect(log2).toContain('ERROR disk full on the collector');
    await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(65_000);
    expect((await h.runs(id))[0].Status).toBe('SUCCESS'); // the fault was used once
  });

  it('Stop and Delete shut the run down at once; Crawler.NotRunning when idle', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds);
    await h.fail('StopCrawler', { Id: id }, 400, 'Crawler.NotRunning');
    const { TaskInstanceId } = await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(10_000);
    expect(await h.ok('StopCrawler', { Id: id })).toMatchObject({ Success: true, Id: id, StopAccepted: true });
    expect((await h.runs(id))[0]).toEqual({
      Status: 'SHUTDOWN',
      StartedTime: T0,
      FinishedTime: T0 + 10_000,
      Duration: 10,
      TaskInstanceId,
      TotalTableCount: 0,
    });
    h.mock.clock.advance(120_000);
    expect((await h.runs(id))[0].Status).toBe('SHUTDOWN');
    await h.fail('StopCrawler', { Id: id }, 400, 'Crawler.NotRunning');
    const second = await h.ok('RunCrawler', { Id: id });
    await h.ok('DeleteCrawler', { Id: id });
    const log: string = (await h.ok('GetTaskInstanceLog', { Id: second.TaskInstanceId }, 'GET')).TaskInstanceLog;
    expect(log).toMatch(/stopped by DeleteCrawler/);
    expect(log).toContain('SHUTDOWN');
  });

  it('ListCrawlerRuns: newest first, Status filter, 30-day window on the mock clock, paging', async () => {
    const h = setup();
    h.mock.settings.dataworksQueueDelayMs = 0;
    h.mock.settings.dataworksRunDurationMs = 1000;
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds);
    h.service.seedDataSource(ds, { connectState: 'ConfigError' });
    await h.ok('RunCrawler', { Id: id });
    h.mock.clock.advance(DAY);
    h.service.seedDataSource(ds, { connectState: 'Connectable' });
    for (let i = 0; i < 3; i++) {
      await h.ok('RunCrawler', { Id: id });
      h.mock.clock.advance(DAY);
    }
    const all = await h.runs(id);
    expect(all.map((r: { TaskInstanceId: number }) => r.TaskInstanceId)).toEqual([900004, 900003, 900002, 900001]);
    const q = async (params: Record<string, string | number>) =>
      (await h.ok('ListCrawlerRuns', { Id: id, ...params })).PagingInfo;
    expect((await q({ Status: 'ERROR' })).CrawlerRuns.map((r: { TaskInstanceId: number }) => r.TaskInstanceId)).toEqual(
      [900001],
    );
    const page = await q({ PageSize: 1, PageNumber: 2 });
    expect(page).toMatchObject({ TotalCount: 4, PageSize: 1, PageNumber: 2 });
    expect(page.CrawlerRuns[0].TaskInstanceId).toBe(900003);
    const now = h.mock.clock.now();
    expect((await q({ StartTimeFrom: T0 + 1, StartTimeTo: now })).TotalCount).toBe(3);
    await h.fail('ListCrawlerRuns', { Id: id, StartTimeFrom: now - 31 * DAY }, 400, 'Invalid.Param');
    await h.fail('ListCrawlerRuns', { Id: id, StartTimeTo: now + 1 }, 400, 'Invalid.Param');
    await h.fail('ListCrawlerRuns', { Id: id, StartTimeFrom: now, StartTimeTo: now - 1 }, 400, 'Invalid.Param');
    await h.fail('ListCrawlerRuns', { Id: id, PageSize: 101 }, 400, 'Invalid.Param');
    // runs older than 30 days drop out of the default window
    h.mock.clock.advance(27 * DAY);
    expect((await q({})).TotalCount).toBe(3);
  });
});

describe('DataWorks mock — NORMAL schedules', () => {
  it('fires at each cron point in order while VALID, skipping points that find a run in progress', async () => {
    const h = setup();
    h.mock.settings.dataworksRunDurationMs = 2 * 3_600_000; // longer than the hourly period
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds, { ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 * ? * *' } });
    h.mock.clock.advance(5 * 3_600_000); // points at 01:00 … 05:00
    const runs = await h.runs(id);
    // 01:00 fires (ends 03:00:05), 02:00 and 03:00 are skipped, 04:00 fires (still running at 05:00 → skipped)
    expect(runs.map((r: { StartedTime: number }) => (r.StartedTime - T0) / 3_600_000)).toEqual([4, 1]);
    expect(runs[1]).toMatchObject({ Status: 'SUCCESS', FinishedTime: T0 + 3 * 3_600_000 + 5000 });
  });

  it('evaluates cron in the configured time zone and stops firing once INVALID or MANUAL', async () => {
    const h = setup({ timeZone: 'Asia/Shanghai' });
    h.mock.settings.dataworksRunDurationMs = 1000;
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds, { ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' } });
    h.mock.clock.advance(DAY);
    const [r] = await h.runs(id);
    expect(r.StartedTime).toBe(Date.UTC(2025, 11, 31, 18, 0, 0) + DAY); // 02:00 in UTC+8 = 18:00 UTC
    await h.ok('UpdateCrawler', { Id: id, ScheduleConfig: { Type: 'MANUAL' } });
    h.mock.clock.advance(2 * DAY);
    expect(await h.runs(id)).toHaveLength(1);
    await h.ok('UpdateCrawler', { Id: id, ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 30 * ? * *' } });
    h.mock.clock.advance(3_600_000);
    expect(await h.runs(id)).toHaveLength(2);
    await h.ok('DeleteDataSource', { Id: ds }, 'GET');
    h.mock.clock.advance(5 * 3_600_000);
    expect(await h.runs(id)).toHaveLength(2);
  });

  it('snapshot/restore keeps crawlers, runs, schedules and seeds; reset wipes state but keeps seeds', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    h.service.seedDataSource(ds, { tables: { shop: ['a', 'b'] } });
    const id = await h.createCrawler(ds, { ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 * ? * *' } });
    await h.ok('RunCrawler', { Id: id });
    const snap = h.mock.snapshot();
    h.mock.clock.advance(65_000);
    expect((await h.runs(id))[0].Status).toBe('SUCCESS');
    h.mock.restore(snap);
    expect((await h.runs(id))[0].Status).toBe('WAITING');
    h.mock.clock.advance(3_600_000 + 65_000); // the restored run ends, the 01:00 cron point fires and ends
    const runs = await h.runs(id);
    expect(runs.map((r: { Status: string; TotalTableCount?: number }) => [r.Status, r.TotalTableCount])).toEqual([
      ['SUCCESS', 2],
      ['SUCCESS', 2],
    ]);
    h.mock.reset();
    await h.fail('GetCrawler', { Id: id }, 404, 'Crawler.NotFound');
    expect(h.service.state.seedOf(ds).tables).toEqual({ shop: ['a', 'b'] });
  });
});

describe('DataWorks mock over HTTP', () => {
  it('serves signed form and query requests through startMockServer', async () => {
    const server = await startMockServer({ now: T0 });
    try {
      const send = async (action: string, method: 'GET' | 'POST', params: Record<string, string>, inQuery: boolean) => {
        const url = new URL(`${server.url}/`);
        const form = new URLSearchParams(params).toString();
        if (inQuery) url.search = form;
        const headers: Record<string, string> = { 'x-acs-action': action, 'x-acs-version': '2024-05-18' };
        const body = inQuery ? undefined : form;
        if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
        const signed = signAcs3Request({
          method,
          url,
          headers,
          ...(body !== undefined ? { body } : {}),
          accessKeyId: server.mock.defaults.ak,
          accessKeySecret: server.mock.defaults.sk,
          date: new Date(server.mock.clock.now()),
        });
        const res = await fetch(url, { method, headers: { ...headers, ...signed.headers }, ...(body ? { body } : {}) });
        return { status: res.status, requestId: res.headers.get('x-acs-request-id'), body: await res.json() };
      };
      const created = await send(
        'CreateDataSource',
        'POST',
        {
          ProjectId: '7',
          Name: 'http_db',
          Type: 'mysql',
          ConnectionPropertiesMode: 'UrlMode',
          ConnectionProperties: JSON.stringify({
            envType: 'Prod',
            address: [{ host: 'db', port: 3306 }],
            database: 'd',
            username: 'u',
            password: 'pw with spaces & symbols',
          }),
        },
        true,
      );
      expect(created.status).toBe(200);
      expect(created.requestId).toBe(created.body.RequestId);
      const crawler = await send(
        'CreateCrawler',
        'POST',
        { Name: 'c 1', DataSourceId: String(created.body.Id), Type: 'mysql' },
        false,
      );
      expect(crawler.body.Id).toBe(50001);
      const got = await send('GetDataSource', 'GET', { Id: String(created.body.Id) }, true);
      expect(got.body.DataSource.ConnectionProperties.password).toBe('******');
      const missing = await send('GetCrawler', 'POST', { Id: '1' }, false);
      expect(missing.status).toBe(404);
      expect(missing.body.HostId).toBe(new URL(server.url).host);
    } finally {
      await server.close();
    }
    expect(server.mock.errors).toEqual([]);
  });
});
