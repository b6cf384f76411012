import { describe, expect, it } from 'vitest';
import { controlRequest } from '../../support/mock.js';
import { PROJECT, setup, T0 } from './harness.js';

describe('DataWorks mock — envelope and wire', () => {
  it('answers errors in the DataWorks envelope with x-acs-request-id = RequestId and the Recommend URL', async () => {
    const h = setup();
    const r = await h.fail('GetDataSource', { Id: 4242 }, 404, 'DataSource.NotFound', 'GET');
    expect(r.body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(r.headers.get('x-acs-request-id')).toBe(r.body.RequestId);
    expect(r.body.HostId).toBe('dataworks.cn-shanghai.aliyuncs.com');
    expect(r.body.Recommend).toBe(
      `https://api.alibabacloud.com/troubleshoot?q=DataSource.NotFound&product=dataworks-public&requestId=${r.body.RequestId}`,
    );
    const good = await h.call('ListCrawlerTypes', {}, 'GET');
    expect(good.headers.get('x-acs-request-id')).toBe(good.body.RequestId);
    expect(good.body).toMatchObject({
      Success: true,
      CrawlerTypes: [{ Type: 'mysql', DisplayName: 'MySQL' }],
    });
    expect(good.body.CrawlerTypes[0].SupportedEntityTypes.map((e: { Type: string }) => e.Type)).toEqual([
      'database',
      'table',
      'column',
    ]);
  });

  it('reports the one mysql capability exactly as the sheet says', async () => {
    const h = setup();
    const body = await h.ok('GetCrawlerTypeCapabilities');
    expect(body.CrawlerTypes).toEqual([
      {
        Type: 'mysql',
        DisplayName: 'MySQL',
        SupportedDatasourceTypes: ['mysql'],
        SupportedScopeUnits: ['DATABASE', 'INSTANCE'],
        DefaultScopeUnit: 'DATABASE',
        RequireResourceGroup: false,
        SupportSchedule: true,
        SupportExcludeRegex: true,
        SupportAiComment: false,
        SupportedEntityTypes: [
          { Type: 'database', Optional: false },
          { Type: 'table', Optional: false },
          { Type: 'column', Optional: false },
        ],
        SupportedOptionKeys: [],
      },
    ]);
  });

  it('reads query and form body merged, the body winning; Missing<Param> and Invalid.Param messages', async () => {
    const h = setup();
    const missing = await h.fail('GetCrawler', {}, 400, 'MissingId');
    expect(missing.body.Message).toBe('Id is mandatory for this action.');
    const bad = await h.fail('ListCrawlers', { PageSize: 101 }, 400, 'Invalid.Param');
    expect(bad.body.Message).toMatch(/^Invalid parameter: PageSize: /);
    await h.fail('ListDataSources', {}, 400, 'MissingProjectId', 'GET');
    // A body field overrides the same field in the query (signed request built by hand via the helper's GET + body)
    const id = await h.createDataSource();
    const { signAcs3Request } = await import('../../../src/signing/acs3.js');
    const url = new URL('https://dataworks.cn-shanghai.aliyuncs.com/?Id=999999');
    const body = `Id=${id}`;
    const headers: Record<string, string> = {
      'x-acs-action': 'GetDataSource',
      'x-acs-version': '2024-05-18',
      'content-type': 'application/x-www-form-urlencoded',
    };
    const signed = signAcs3Request({
      method: 'POST',
      url,
      headers,
      body,
      accessKeyId: h.mock.defaults.ak,
      accessKeySecret: h.mock.defaults.sk,
      date: new Date(h.mock.clock.now()),
    });
    const res = await h.mock.handle(
      new Request(url, { method: 'POST', headers: { ...headers, ...signed.headers }, body }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).DataSource.Id).toBe(id);
  });

  it('unknown action → 404 InvalidAction.NotFound; unsigned → IncompleteSignature', async () => {
    const h = setup();
    await h.fail('ListMetaCollections', {}, 404, 'InvalidAction.NotFound');
    const { dataworksRequest } = await import('../../support/mock.js');
    const r = await dataworksRequest(h.mock, { action: 'ListCrawlers', auth: 'none' });
    expect(r.body.Code).toBe('IncompleteSignature');
  });
});

describe('DataWorks mock — data sources', () => {
  it('creates, reads with masked secrets, QualifiedName and the caller as user', async () => {
    const h = setup();
    const id = await h.createDataSource('shop_db', 'Prod', { truststorePassword: 'tp', properties: { password: 'x' } });
    expect(id).toBe(1001);
    const r = await h.call('GetDataSource', { Id: id }, 'GET');
    expect(r.text).not.toContain('S3cret-pw');
    expect(r.body.DataSource).toMatchObject({
      Id: 1001,
      Name: 'shop_db',
      Type: 'mysql',
      ProjectId: PROJECT,
      ConnectionPropertiesMode: 'UrlMode',
      QualifiedName: `${PROJECT}:shop_db:Prod`,
      CreateTime: T0,
      ModifyTime: T0,
      CreateUser: h.mock.defaults.userId,
      ModifyUser: h.mock.defaults.userId,
    });
    expect(r.body.DataSource.ConnectionProperties).toEqual({
      envType: 'Prod',
      address: [{ host: '10.0.0.5', port: 3306 }],
      database: 'shop',
      username: 'u',
      password: '******',
      truststorePassword: '******',
      properties: { password: '******' },
    });
  });

  it('enforces name rules, modes and uniqueness per (ProjectId, Name, envType); Type is case-insensitive', async () => {
    const h = setup();
    const base = {
      ProjectId: PROJECT,
      Type: 'MySQL',
      ConnectionPropertiesMode: 'InstanceMode',
      ConnectionProperties: {
        envType: 'Dev',
        regionId: 'cn-shanghai',
        instanceId: 'rm-1',
        database: 'shop',
        username: 'u',
        password: 'p',
      },
    };
    const first = await h.ok('CreateDataSource', { ...base, Name: 'orders' });
    expect((await h.ok('GetDataSource', { Id: first.Id }, 'GET')).DataSource.Type).toBe('mysql');
    for (const name of ['1orders', '_orders', 'or-ders', 'x'.repeat(256)]) {
      await h.fail('CreateDataSource', { ...base, Name: name }, 400, 'Invalid.Param');
    }
    const noInstance = { ...base.ConnectionProperties } as Record<string, unknown>;
    delete noInstance.instanceId;
    const r = await h.fail(
      'CreateDataSource',
      { ...base, Name: 'b', ConnectionProperties: noInstance },
      400,
      'Invalid.Param',
    );
    expect(r.body.Message).toContain('ConnectionProperties.instanceId');
    expect(r.body.Message).not.toContain('"p"');
    await h.fail(
      'CreateDataSource',
      {
        ...base,
        Name: 'c',
        ConnectionPropertiesMode: 'UrlMode',
        ConnectionProperties: { envType: 'Prod', database: 'd', username: 'u', password: 'p', address: [] },
      },
      400,
      'Invalid.Param',
    );
    const dup = await h.fail('CreateDataSource', { ...base, Name: 'orders' }, 400, 'DataSource.AlreadyExists');
    expect(dup.body.Message).toContain('orders');
    // same name, other environment / other project: fine
    await h.ok('CreateDataSource', {
      ...base,
      Name: 'orders',
      ConnectionProperties: { ...base.ConnectionProperties, envType: 'Prod' },
    });
    await h.ok('CreateDataSource', { ...base, ProjectId: PROJECT + 1, Name: 'orders' });
    await h.fail('CreateDataSource', { ...base, Name: 'z', ProjectId: 0 }, 400, 'Invalid.Param');
    const missing = { ...base } as Record<string, unknown>;
    delete missing.ConnectionPropertiesMode;
    await h.fail('CreateDataSource', { ...missing, Name: 'm' } as never, 400, 'MissingConnectionPropertiesMode');
  });

  it('lists groups by name with paging over groups, EnvType filter, SortBy/Order and fuzzy Name', async () => {
    const h = setup();
    await h.createDataSource('alpha', 'Dev');
    h.mock.clock.advance(1000);
    await h.createDataSource('beta', 'Prod');
    h.mock.clock.advance(1000);
    await h.createDataSource('alpha', 'Prod');
    h.mock.clock.advance(1000);
    await h.createDataSource('gamma', 'Dev');
    const list = async (q: Record<string, string | number>) =>
      (await h.ok('ListDataSources', { ProjectId: PROJECT, ...q }, 'GET')).PagingInfo;
    const all = await list({});
    expect(all.TotalCount).toBe(3);
    expect(all.PageSize).toBe(10);
    expect(all.DataSources.map((g: { Name: string }) => g.Name)).toEqual(['gamma', 'beta', 'alpha']); // CreateTime Desc
    const alpha = all.DataSources[2];
    expect(alpha.Type).toBe('mysql');
    expect(alpha.DataSource.map((d: { QualifiedName: string }) => d.QualifiedName)).toEqual([
      `${PROJECT}:alpha:Dev`,
      `${PROJECT}:alpha:Prod`,
    ]);
    expect(alpha.DataSource[0].ConnectionProperties.password).toBe('******');
    expect((await list({ SortBy: 'Name', Order: 'Asc' })).DataSources.map((g: { Name: string }) => g.Name)).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
    const page2 = await list({ SortBy: 'Id', Order: 'Asc', PageSize: 2, PageNumber: 2 });
    expect(page2.TotalCount).toBe(3);
    expect(page2.DataSources.map((g: { Name: string }) => g.Name)).toEqual(['gamma']);
    const dev = await list({ EnvType: 'Dev' });
    expect(dev.TotalCount).toBe(2);
    expect(dev.DataSources.flatMap((g: { DataSource: unknown[] }) => g.DataSource)).toHaveLength(2);
    expect((await list({ Name: 'ALP' })).DataSources.map((g: { Name: string }) => g.Name)).toEqual(['alpha']);
    expect((await list({ Types: 'postgresql' })).TotalCount).toBe(0);
    expect((await h.ok('ListDataSources', { ProjectId: PROJECT + 5 }, 'GET')).PagingInfo.TotalCount).toBe(0);
    await h.fail('ListDataSources', { ProjectId: PROJECT, PageSize: 101 }, 400, 'Invalid.Param', 'GET');
  });

  it('tests connectivity from the seed (HTTP control route and in-process method)', async () => {
    const h = setup();
    const id = await h.createDataSource();
    const test = async () =>
      (await h.ok('TestDataSourceConnectivity', { ProjectId: PROJECT, DataSourceId: id, ResourceGroupId: 'rg-1' }))
        .Connectivity;
    expect((await test()).ConnectState).toBe('Connectable');
    const seeded = await controlRequest(h.mock, 'POST', `/__mock/dataworks/datasources/${id}`, {
      connectState: 'Unreachable',
      connectMessage: 'no route to 10.0.0.5',
    });
    expect(seeded.status).toBe(200);
    const c = await test();
    expect(c.ConnectState).toBe('Unreachable');
    expect(c.ConnectMessage).toBe('no route to 10.0.0.5');
    expect(c.DetailLogs[0]).toMatchObject({ Code: 'CHECK_NETWORK', StartTime: T0, EndTime: T0 });
    h.service.seedDataSource(id, { connectState: 'ConfigError' });
    expect((await test()).ConnectState).toBe('ConfigError');
    const bad = await controlRequest(h.mock, 'POST', `/__mock/dataworks/datasources/${id}`, { connectState: 'Up' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('connectState');
    await h.fail('TestDataSourceConnectivity', { ProjectId: PROJECT, DataSourceId: id }, 400, 'MissingResourceGroupId');
    await h.fail(
      'TestDataSourceConnectivity',
      { ProjectId: PROJECT + 1, DataSourceId: id, ResourceGroupId: 'rg' },
      404,
      'DataSource.NotFound',
    );
  });

  it('deletes a data source: GetDataSource 404, its crawler turns INVALID and cannot run', async () => {
    const h = setup();
    const ds = await h.createDataSource();
    const crawler = await h.createCrawler(ds);
    expect((await h.ok('DeleteDataSource', { Id: ds }, 'GET')).Success).toBe(true);
    await h.fail('GetDataSource', { Id: ds }, 404, 'DataSource.NotFound', 'GET');
    await h.fail('DeleteDataSource', { Id: ds }, 404, 'DataSource.NotFound', 'GET');
    expect((await h.ok('GetCrawler', { Id: crawler })).Crawler.Status).toBe('INVALID');
    await h.fail('RunCrawler', { Id: crawler }, 400, 'Crawler.Invalid');
  });
});
