/**
 * The quickstart that `npm start` runs.
 *
 *   npm start                          # against the embedded mock (started in-process on a free loopback port)
 *   npm start -- --endpoint URL        # against another server, e.g. `metacollect-mock` in another terminal
 *
 * Only an explicit --endpoint points it elsewhere; credentials in the environment are never picked up, since the
 * mock's own default account (GET /__mock/defaults) is what it authenticates with.
 *
 * It creates a DSC scan task with start_now against a MySQL instance and waits for the run, then creates a DataArts
 * Catalog collection task from the published example body, runs it now and prints its log, adds a DataWorks MySQL
 * data source and a crawler for it and runs it, and ends with a summary.
 */
import { parseArgs } from 'node:util';
import { DataArtsCatalogClient, DataWorksClient, DscClient, isMetacollectError } from 'metacollect';
import { createMock, startMockServer } from 'metacollect/mock';

interface Defaults {
  projectId: string;
  workspace: string;
  token: string;
  ak: string;
  sk: string;
}

interface Row {
  service: string;
  task: string;
  run: string;
  status: string;
  seconds: string;
}

const isTTY = Boolean(process.stdout.isTTY);

/** One live progress line: rewritten in place on a terminal, printed on change elsewhere. */
function progress(label: string): { update(state: string, elapsedMs: number): void; done(final: string): void } {
  let last = '';
  return {
    update(state, elapsedMs) {
      const line = `  ${label}: ${state} (${(elapsedMs / 1000).toFixed(1)} s)`;
      if (isTTY) process.stdout.write(`\r${line.padEnd(70)}`);
      else if (state !== last) console.log(line);
      last = state;
    },
    done(final) {
      if (isTTY) process.stdout.write(`\r${`  ${label}: ${final}`.padEnd(70)}\n`);
      else console.log(`  ${label}: ${final}`);
    },
  };
}

function table(rows: Row[]): string {
  const cols: (keyof Row)[] = ['service', 'task', 'run', 'status', 'seconds'];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ');
  return [line(cols), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => r[c])))].join(
    '\n',
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { endpoint: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('usage: npm start [-- --endpoint URL]');
    return;
  }

  // The embedded mock runs on the real clock with short run durations, so the quickstart finishes in seconds.
  const server = values.endpoint
    ? undefined
    : await startMockServer({
        mock: createMock({
          clock: 'real',
          seed: 2026,
          settings: {
            dscRunDurationMs: 3_000,
            dataartsRunDurationMs: 4_000,
            dataworksQueueDelayMs: 500,
            dataworksRunDurationMs: 2_500,
          },
        }),
      });
  const endpoint = values.endpoint ?? server!.url;
  console.log(server ? `embedded mock at ${endpoint}` : `using ${endpoint}`);
  const res = await fetch(new URL('/__mock/defaults', endpoint));
  if (!res.ok)
    throw new Error(`${endpoint} does not look like a metacollect mock (GET /__mock/defaults → ${res.status})`);
  const d = (await res.json()) as Defaults;
  const rows: Row[] = [];

  const dsc = new DscClient({ endpoint, projectId: d.projectId, auth: { token: d.token } });
  const catalog = new DataArtsCatalogClient({
    endpoint,
    projectId: d.projectId,
    workspace: d.workspace,
    auth: { token: d.token },
  });
  // env: {} — the quickstart authenticates with the mock's own keys, never with ALIBABA_CLOUD_* from the environment.
  const dataworks = new DataWorksClient({
    endpoint,
    auth: { accessKeyId: d.ak, accessKeySecret: d.sk },
    env: {},
  });
  try {
    // 1. DSC: a metadata scan of a MySQL instance, started at once.
    console.log('\nDSC: scan task template with start_now');
    const created = await dsc.createScanTask({
      task_name: 'quickstart-orders',
      task_description: 'tables, views, comments and constraints of the orders database',
      data_sources: [{ db_type: 'MySQL', ins_id: 'mysql-orders-01' }],
      schedule_type: 'ONCE',
      start_now: true,
      scan_config: { scan_tables: true, scan_views: true, scan_comment: true, scan_column_constraints: true },
    });
    console.log(`  created template ${created.id}`);
    const bar = progress('scan');
    const started = Date.now();
    const instance = await dsc.waitForScanInstance(created.id, {
      pollIntervalMs: 500,
      timeoutMs: 120_000,
      onProgress: (i, elapsedMs) => bar.update(i?.task_status ?? 'WAITING', elapsedMs),
    });
    bar.done(`${instance.task_status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const [template] = (await dsc.listScanTasks({ id: Number(created.id) })).result;
    if (template) {
      const scanned = Object.entries(template.scan_config ?? {})
        .filter(([, on]) => on === true)
        .map(([k]) => k.replace(/^scan_/, ''));
      console.log(`  collected from ${template.data_source.join(', ')}: ${scanned.join(', ')}`);
    }
    rows.push({
      service: 'DSC',
      task: `template ${created.id}`,
      run: `instance ${instance.id}`,
      status: instance.task_status,
      seconds: (((instance.task_end_time ?? Date.now()) - instance.task_create_time) / 1000).toFixed(1),
    });

    // 2. DataArts Catalog: the published example body, run now, then its log.
    console.log('\nDataArts Catalog: collection task from the published example');
    const task = await catalog.createCollectionTask({
      id: null,
      name: 'test采集110',
      description: '',
      dir_id: '0',
      schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0 },
      data_source_type: 'DLI',
      task_config: {
        data_connection_id: 'c3bfb6a1c2b04e3c9b6ee6a1f1c8a9b2',
        data_connection_name: 'dli',
        databaseName: ['sales'],
        tableName: [],
        alive_object_policy: '3',
        deleted_object_policy: '3',
        enableDataProfile: false,
        enableDataClassification: false,
        queue: 'default',
      },
    });
    console.log(`  created task ${task.task_id}`);
    const { headers } = await catalog.runCollectionTaskNow(task.task_id).withResponse();
    const instanceId = headers['x-mock-instance-id'];
    const bridgeId = headers['x-mock-bridge-id'];
    const runBar = progress('collection');
    const t0 = Date.now();
    let shown = await catalog.getCollectionTask(task.task_id);
    while (!shown.end_time) {
      runBar.update('RUNNING', Date.now() - t0);
      await new Promise((r) => setTimeout(r, 500));
      shown = await catalog.getCollectionTask(task.task_id);
    }
    let status = 'UNKNOWN';
    if (instanceId && bridgeId) {
      const log = await catalog.getCollectionTaskLog(task.task_id, instanceId, { bridgeId });
      status = log.bridge_status ?? status;
      runBar.done(status);
      console.log(
        (log.bridge_job_log ?? '')
          .split('\n')
          .filter(Boolean)
          .map((l) => `    ${l}`)
          .join('\n'),
      );
    } else {
      runBar.done('finished (this server does not expose instance ids)');
    }
    rows.push({
      service: 'DataArts',
      task: `task ${task.task_id.slice(0, 8)}…`,
      run: instanceId ? `instance ${instanceId.slice(0, 8)}…` : '-',
      status,
      seconds: ((Number(shown.end_time) - Number(shown.start_time)) / 1000).toFixed(1),
    });

    // 3. DataWorks: a MySQL data source and a crawler for it, collected now.
    console.log('\nDataWorks: MySQL data source and crawler');
    const workspaceId = 10001;
    const { Id: dataSourceId } = await dataworks.createDataSource({
      ProjectId: workspaceId,
      Name: `quickstart_orders_${Date.now().toString(36)}`,
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: {
        envType: 'Prod',
        address: [{ host: '10.0.0.5', port: 3306 }],
        database: 'orders',
        username: 'collector',
        password: 'quickstart-password',
      },
    });
    console.log(`  created data source ${dataSourceId}`);
    if (server) {
      // (embedded mock only) what the database holds: the crawler collects these tables.
      await fetch(new URL(`/__mock/dataworks/datasources/${dataSourceId}`, endpoint), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tables: { orders: ['customers', 'orders', 'order_items', 'payments'] } }),
      });
    }
    const { Id: crawlerId } = await dataworks.createCrawler({
      Name: 'quickstart orders crawler',
      DataSourceId: dataSourceId,
      Type: 'mysql',
      ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
    });
    console.log(`  created crawler ${crawlerId} (daily at 02:00 UTC)`);
    const accepted = await dataworks.runCrawler(crawlerId);
    const crawlBar = progress('crawl');
    const crawlStarted = Date.now();
    const crawl = await dataworks.waitForCrawlerRun(crawlerId, {
      taskInstanceId: accepted.TaskInstanceId,
      pollIntervalMs: 250,
      timeoutMs: 120_000,
      onProgress: (r) => crawlBar.update(r?.Status ?? 'WAITING', Date.now() - crawlStarted),
    });
    crawlBar.done(`${crawl.Status}, ${crawl.TotalTableCount ?? 0} tables`);
    const { TaskInstanceLog } = await dataworks.getTaskInstanceLog(crawl.TaskInstanceId);
    console.log(
      TaskInstanceLog.split('\n')
        .filter(Boolean)
        .map((l) => `    ${l}`)
        .join('\n'),
    );
    rows.push({
      service: 'DataWorks',
      task: `crawler ${crawlerId}`,
      run: `instance ${crawl.TaskInstanceId}`,
      status: crawl.Status,
      seconds: String(crawl.Duration ?? '-'),
    });

    console.log(`\nSummary\n${table(rows)}`);
  } finally {
    await dsc.close();
    await catalog.close();
    await dataworks.close();
    await server?.close();
  }
}

main().catch((error: unknown) => {
  const message = isMetacollectError(error) || error instanceof Error ? error.message : String(error);
  console.error(`\nquickstart failed: ${message}`);
  process.exitCode = 1;
});
