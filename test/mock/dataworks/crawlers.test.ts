import { describe, expect, it } from 'vitest';
import { PROJECT, setup, T0 } from './harness.js';

describe('DataWorks mock — CreateCrawler rules in the sheet order', () => {
  it('creates a crawler with defaults, counters and derived fields; GetCrawler-only fields', async () => {
    const h = setup();
    const ds = await h.createDataSource('shop_db');
    const id = await h.createCrawler(ds);
    expect(id).toBe(50001);
    const c = (await h.ok('GetCrawler', { Id: id })).Crawler;
    expect(c).toEqual({
      Id: 50001,
      Name: 'collector',
      DataSourceId: ds,
      ProjectId: PROJECT,
      Type: 'mysql',
      Status: 'VALID',
      MetaEntityId: 'mysql:shop_db',
      EnvType: 'Prod',
      ScheduleConfig: { Type: 'MANUAL' },
      Owner: h.mock.defaults.userId,
      CreateTime: T0,
      ModifyTime: T0,
      TaskId: 700001,
      Scope: { Unit: 'DATABASE' },
      Options: {},
      EnableAiComment: false,
    });
    const listed = (await h.ok('ListCrawlers', { ProjectId: PROJECT })).PagingInfo;
    expect(listed).toMatchObject({ TotalCount: 1, PageNumber: 1, PageSize: 20 });
    expect(listed.Crawlers[0]).not.toHaveProperty('Scope');
    expect(listed.Crawlers[0]).not.toHaveProperty('Options');
    expect(listed.Crawlers[0]).not.toHaveProperty('EnableAiComment');
    expect(listed.Crawlers[0]).not.toHaveProperty('LastRunStatus');
    expect(h.mock.clock.now()).toBe(T0);
    expect(await h.runs(id)).toEqual([]); // creating never starts a run
  });

  it('checks 1 Name, 2 DataSource, 3 Type, 4 one per data source, 5 Scope, 6 ScheduleConfig, 7 extras', async () => {
    const h = setup();
    const ds = await h.createDataSource('prod_db', 'Prod');
    const dev = await h.createDataSource('dev_db', 'Dev');
    const badScope = { Unit: 'PROJECT' };
    const badCron = { Type: 'NORMAL', CronExpress: '0 */5 * * * ?' };
    // Every later problem present: the earliest rule answers.
    await h.fail(
      'CreateCrawler',
      { Name: '  ', DataSourceId: 9999, Type: 'hive', Scope: badScope },
      400,
      'Invalid.Param',
    );
    await h.fail('CreateCrawler', { Name: 'x'.repeat(129), DataSourceId: ds, Type: 'mysql' }, 400, 'Invalid.Param');
    await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: 9999, Type: 'hive', Scope: badScope },
      404,
      'DataSource.NotFound',
    );
    const t = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: ds, Type: 'hive', Scope: badScope },
      400,
      'Invalid.Param',
    );
    expect(t.body.Message).toMatch(/^Invalid parameter: Type: /);
    const first = await h.createCrawler(ds);
    const again = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: ds, Type: 'mysql', Scope: badScope },
      400,
      'Crawler.AlreadyExists',
    );
    expect(again.body.Message).toContain(String(first));
    const s = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: dev, Type: 'mysql', Scope: badScope, ScheduleConfig: badCron },
      400,
      'Invalid.Param',
    );
    expect(s.body.Message).toMatch(/^Invalid parameter: Scope\.Unit: /);
    const sc = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: dev, Type: 'mysql', ScheduleConfig: badCron, EnableAiComment: true },
      400,
      'Invalid.Param',
    );
    expect(sc.body.Message).toMatch(/^Invalid parameter: ScheduleConfig\.CronExpress: /);
    const devNormal = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: dev, Type: 'mysql', ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' } },
      400,
      'Invalid.Param',
    );
    expect(devNormal.body.Message).toContain('Dev');
    const ai = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: dev, Type: 'mysql', EnableAiComment: true },
      400,
      'Invalid.Param',
    );
    expect(ai.body.Message).toMatch(/EnableAiComment/);
    const opt = await h.fail(
      'CreateCrawler',
      { Name: 'n', DataSourceId: dev, Type: 'mysql', Options: { depth: '1' } },
      400,
      'Invalid.Param',
    );
    expect(opt.body.Message).toMatch(/Options\.depth/);
    await h.fail('CreateCrawler', { Name: 'n', DataSourceId: dev }, 400, 'MissingType');
    // Scope syntax rules
    for (const scope of [
      { Unit: 'INSTANCE', Items: ['a'] },
      { Unit: 'DATABASE', Items: ['a', 'a'] },
      { Unit: 'DATABASE', Items: [''] },
      { Unit: 'DATABASE', ExcludeRegex: '(' },
      { Unit: 'DATABASE', ExcludeRegex: 'a'.repeat(1025) },
      { Items: ['a'] },
    ]) {
      await h.fail(
        'CreateCrawler',
        { Name: 'n', DataSourceId: dev, Type: 'mysql', Scope: scope },
        400,
        'Invalid.Param',
      );
    }
    // MANUAL ignores CronExpress; rejected requests created nothing
    const ok = await h.createCrawler(dev, { ScheduleConfig: { Type: 'MANUAL', CronExpress: 'garbage' } });
    expect((await h.ok('GetCrawler', { Id: ok })).Crawler.ScheduleConfig).toEqual({ Type: 'MANUAL' });
    expect((await h.ok('ListCrawlers', {})).PagingInfo.TotalCount).toBe(2);
  });

  it('lists with filters, Id ascending, paging; Crawler.NotFound for unknown ids', async () => {
    const h = setup();
    const ids: number[] = [];
    for (const [name, env] of [
      ['a_db', 'Prod'],
      ['b_db', 'Dev'],
      ['c_db', 'Prod'],
    ] as const) {
      const ds = await h.createDataSource(name, env);
      ids.push(await h.createCrawler(ds, { Name: `Crawler ${name}` }));
    }
    const list = async (q: Record<string, string | number>) => (await h.ok('ListCrawlers', q)).PagingInfo;
    expect((await list({})).Crawlers.map((c: { Id: number }) => c.Id)).toEqual(ids);
    expect((await list({ EnvType: 'Dev' })).Crawlers.map((c: { Id: number }) => c.Id)).toEqual([ids[1]]);
    expect((await list({ Name: 'CRAWLER C' })).TotalCount).toBe(1);
    expect((await list({ DataSourceIds: '1001,1003' })).TotalCount).toBe(2);
    expect((await list({ DataSourceIds: '[1002]' })).TotalCount).toBe(1);
    expect((await list({ Owner: 'someone-else' })).TotalCount).toBe(0);
    expect((await list({ ProjectId: PROJECT + 1 })).TotalCount).toBe(0);
    const p2 = await list({ PageSize: 2, PageNumber: 2 });
    expect(p2).toMatchObject({ TotalCount: 3, PageNumber: 2, PageSize: 2 });
    expect(p2.Crawlers.map((c: { Id: number }) => c.Id)).toEqual([ids[2]]);
    await h.fail('ListCrawlers', { DataSourceIds: '1,2,3,4,5,6,7,8,9,10,11' }, 400, 'Invalid.Param');
    for (const action of ['GetCrawler', 'RunCrawler', 'StopCrawler', 'DeleteCrawler', 'ListCrawlerRuns'] as const) {
      await h.fail(action, { Id: 77 }, 404, 'Crawler.NotFound');
    }
  });

  it('updates partially: Options merged, Scope/ScheduleConfig replaced and re-validated, immutable fields refused', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds, { Scope: { Unit: 'DATABASE', Items: ['shop'] } });
    h.mock.clock.advance(5000);
    await h.fail('UpdateCrawler', { Id: id }, 400, 'Invalid.Param');
    await h.fail('UpdateCrawler', { ResourceGroupId: 'rg' }, 400, 'MissingId');
    await h.fail('UpdateCrawler', { Id: 999, ResourceGroupId: 'rg' }, 404, 'Crawler.NotFound');
    for (const field of ['Name', 'DataSourceId', 'Type']) {
      await h.fail(
        'UpdateCrawler',
        { Id: id, ResourceGroupId: 'rg', [field]: field === 'DataSourceId' ? 1 : 'x' },
        400,
        'Invalid.Param',
      );
    }
    await h.fail('UpdateCrawler', { Id: id, Scope: { Unit: 'CATALOG' } }, 400, 'Invalid.Param');
    await h.fail('UpdateCrawler', { Id: id, Options: { k: 'v' } }, 400, 'Invalid.Param');
    expect(
      (
        await h.ok('UpdateCrawler', {
          Id: id,
          ResourceGroupId: 'rg-serverless',
          ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 3 ? * *' },
        })
      ).Id,
    ).toBe(id);
    await h.ok('UpdateCrawler', { Id: id, Scope: { Unit: 'INSTANCE' } });
    const c = (await h.ok('GetCrawler', { Id: id })).Crawler;
    expect(c).toMatchObject({
      ResourceGroupId: 'rg-serverless',
      ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 3 ? * *' },
      Scope: { Unit: 'INSTANCE' },
      ModifyTime: T0 + 5000,
      CreateTime: T0,
    });
  });

  it('deletes a crawler: later calls 404, the data source can get a new crawler', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    const id = await h.createCrawler(ds);
    expect((await h.ok('DeleteCrawler', { Id: id })).Id).toBe(id);
    await h.fail('GetCrawler', { Id: id }, 404, 'Crawler.NotFound');
    await h.fail('UpdateCrawler', { Id: id, ResourceGroupId: 'x' }, 404, 'Crawler.NotFound');
    await h.fail('DeleteCrawler', { Id: id }, 404, 'Crawler.NotFound');
    expect(await h.createCrawler(ds)).toBe(50002);
  });
});
