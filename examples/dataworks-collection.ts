/**
 * The DataWorks console flow "collect metadata" through the API (shared/api/dataworks.md, "Console flow → API"),
 * against the embedded mock:
 *
 *   npx tsx examples/dataworks-collection.ts
 *
 * 1. add a MySQL data source (JDBC-style `UrlMode`, production environment);
 * 2. test its connectivity through a resource group;
 * 3. add a collection task for it, "Specify Tables" t1, t2 — a crawler whose `Scope.ExcludeRegex` excludes every
 *    table name that is not one of them — collecting daily at 02:00;
 * 4. "Collect Now" (RunCrawler), wait for the run, and print the latest log (ListCrawlerRuns → GetTaskInstanceLog).
 *
 * The mock runs on the real clock with short queue and run durations so the example ends in seconds; its tables are
 * seeded through the mock's control surface (`POST /__mock/dataworks/datasources/{id}`).
 */
import { DataWorksClient, isMetacollectError } from 'metacollect';
import { createMock, startMockServer } from 'metacollect/mock';

/** Escapes a table name for use inside a regular expression. */
function escapeRegex(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The console's "Specify Tables" as a DataWorks ExcludeRegex: exclude every name that is not listed. */
function onlyTables(names: readonly string[]): string {
  return `^(?!(?:${names.map(escapeRegex).join('|')})$).*$`;
}

function time(ms: number | undefined): string {
  return ms === undefined ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

async function main(): Promise<void> {
  const server = await startMockServer({
    mock: createMock({
      clock: 'real',
      seed: 2026,
      settings: { dataworksQueueDelayMs: 500, dataworksRunDurationMs: 1_500 },
    }),
  });
  const { ak, sk } = server.mock.defaults;
  const dw = new DataWorksClient({ endpoint: server.url, auth: { accessKeyId: ak, accessKeySecret: sk }, env: {} });
  const projectId = 10001;
  try {
    // 1. Add a MySQL data source.
    const { Id: dataSourceId } = await dw.createDataSource({
      ProjectId: projectId,
      Name: 'shop_mysql',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: {
        envType: 'Prod',
        address: [{ host: '10.0.0.5', port: 3306 }],
        database: 'shop',
        username: 'collector',
        password: 'example-password',
      },
      Description: 'Shop database (production)',
    });
    console.log(`data source ${dataSourceId} created`);
    // (mock only) what the database holds
    await fetch(`${server.url}/__mock/dataworks/datasources/${dataSourceId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tables: { shop: ['t1', 't2', 'orders', 'users'] } }),
    });

    // 2. Test connectivity through a resource group.
    const { Connectivity } = await dw.testDataSourceConnectivity({
      ProjectId: projectId,
      DataSourceId: dataSourceId,
      ResourceGroupId: 'Serverless_res_group_1',
    });
    console.log(`connectivity: ${Connectivity.ConnectState} — ${Connectivity.ConnectMessage ?? ''}`);
    if (Connectivity.ConnectState !== 'Connectable') throw new Error('the data source is not reachable');

    // 3. Collection task, "Specify Tables" t1, t2, daily at 02:00.
    const { Id: crawlerId } = await dw.createCrawler({
      Name: 'shop_mysql collection',
      DataSourceId: dataSourceId,
      Type: 'mysql',
      Scope: { Unit: 'DATABASE', ExcludeRegex: onlyTables(['t1', 't2']) },
      ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
    });
    const { Crawler } = await dw.getCrawler(crawlerId);
    console.log(
      `crawler ${crawlerId} (${Crawler.Status}, ${Crawler.ScheduleConfig?.CronExpress}) scope`,
      Crawler.Scope,
    );

    // 4. Collect now, wait, print the latest log.
    const run = await dw.runCrawler(crawlerId);
    console.log(`run accepted: task instance ${run.TaskInstanceId} ${run.RunStatus}`);
    let last = '';
    const done = await dw.waitForCrawlerRun(crawlerId, {
      taskInstanceId: run.TaskInstanceId,
      pollIntervalMs: 250,
      timeoutMs: 60_000,
      onProgress: (r) => {
        if (r && r.Status !== last) {
          last = r.Status;
          console.log(`  status: ${last}`);
        }
      },
    });
    console.log(
      `run ${done.TaskInstanceId}: ${done.Status}, ${done.TotalTableCount} tables, ${time(done.StartedTime)} → ${time(done.FinishedTime)} (${done.Duration} s)`,
    );
    const latest = (await dw.listCrawlerRuns(crawlerId, { PageSize: 1 })).PagingInfo.CrawlerRuns[0];
    if (latest) {
      const { TaskInstanceLog } = await dw.getTaskInstanceLog(latest.TaskInstanceId);
      console.log('latest log:');
      for (const line of TaskInstanceLog.split('\n')) console.log(`  ${line}`);
    }
  } finally {
    await dw.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(isMetacollectError(error) ? error.message : error);
  process.exitCode = 1;
});
