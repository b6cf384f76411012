/** `metacollect dataworks …`: DataWorks data sources, crawlers (metadata collectors), their runs and logs. */
import type { Command } from 'commander';
import type { Crawler, CrawlerRun, DataWorksClient, DataWorksDataSourceGroup } from '../../index.js';
import type { Context } from '../context.js';
import { UsageError } from '../exit.js';
import { integer, merge, readBody } from '../input.js';
import { onePage, printList, printObject, printText, type View } from '../output.js';
import { follow } from '../wait.js';
import { act, type Flags, group, leaf, waitOptions } from './shared.js';

const M = 'metacollect --endpoint http://127.0.0.1:4010';

const CRAWLER_VIEW: View<Crawler> = {
  columns: [
    ['ID', (c) => c.Id],
    ['NAME', (c) => c.Name],
    ['TYPE', (c) => c.Type],
    ['DATA SOURCE', (c) => c.DataSourceId],
    ['STATUS', (c) => c.Status],
  ],
  id: (c) => c.Id,
};
const RUN_VIEW: View<CrawlerRun> = {
  columns: [
    ['TASK INSTANCE', (r) => r.TaskInstanceId],
    ['STATUS', (r) => r.Status],
    ['STARTED', (r) => (r.StartedTime ? new Date(r.StartedTime).toISOString() : '')],
    ['TABLES', (r) => r.TotalTableCount],
  ],
  id: (r) => r.TaskInstanceId,
};
const DATASOURCE_VIEW: View<DataWorksDataSourceGroup> = {
  columns: [
    ['NAME', (g) => g.Name],
    ['TYPE', (g) => g.Type],
    [
      'IDS',
      (g) =>
        g.DataSource.map((d) => {
          const env = d.ConnectionProperties.envType;
          return `${d.Id}${env ? ` (${env})` : ''}`;
        }).join(', '),
    ],
  ],
  id: (g) => g.DataSource.map((d) => d.Id).join('\n'),
};

type CrawlerTypeRow = { Type?: unknown; DisplayName?: unknown };
const TYPE_VIEW: View<CrawlerTypeRow> = {
  columns: [
    ['TYPE', (t) => t.Type],
    ['NAME', (t) => t.DisplayName],
  ],
  id: (t) => t.Type,
};

const id = (name: string, raw: string | undefined): number => integer(name, raw) as number;

/** The DataWorks workspace (`ProjectId`), required by the data-source actions. */
function projectId(ctx: Context): number {
  const raw = ctx.workspace;
  if (raw === undefined) throw new UsageError('DataWorks data sources need a workspace: --workspace <ProjectId>');
  return id('--workspace', raw);
}

async function waitRun(ctx: Context, f: Flags, dw: DataWorksClient, crawlerId: number, run?: number): Promise<void> {
  const result = await follow<CrawlerRun>(
    `crawler ${crawlerId} run`,
    f,
    (r) => r.Status,
    (o) => dw.waitForCrawlerRun(crawlerId, { ...o, ...(run !== undefined ? { taskInstanceId: run } : {}) }),
  );
  printObject(ctx, result, result.TaskInstanceId);
}

function crawlerOptions(c: Command, create: boolean): Command {
  c.option('--body <file>', 'request body as JSON (a file, or - for stdin); flags are set over it');
  if (create) {
    c.option('--name <name>', 'Name')
      .option('--data-source <id>', 'DataSourceId')
      .option('--type <type>', 'Type, e.g. mysql');
  }
  return c
    .option('--resource-group <id>', 'ResourceGroupId')
    .option('--schedule <cron>', 'ScheduleConfig: NORMAL on this Quartz cron expression, e.g. "0 0 2 ? * *"');
}

function crawlerFields(f: Flags): Record<string, unknown> {
  return {
    Name: f.name,
    DataSourceId: f.dataSource === undefined ? undefined : id('--data-source', f.dataSource as string),
    Type: f.type,
    ResourceGroupId: f.resourceGroup,
    ScheduleConfig: f.schedule === undefined ? undefined : { Type: 'NORMAL', CronExpress: f.schedule },
  };
}

export function registerDataWorks(program: Command): void {
  const dw = group(
    program,
    'dataworks',
    'Alibaba Cloud DataWorks crawlers and data sources',
    `${M} dataworks crawlers list`,
  );

  leaf(dw, 'crawler-types', 'list the crawler types of the region', `${M} dataworks crawler-types`).action(
    act(async (ctx) => {
      const r = await (await ctx.dataworks()).listCrawlerTypes();
      await printList(ctx, TYPE_VIEW, async () => r, onePage(r, r.CrawlerTypes as CrawlerTypeRow[]));
    }),
  );

  // ---------------------------------------------------------------------------------------------- data sources
  const ds = group(dw, 'datasources', 'data sources', `${M} --workspace 1 dataworks datasources list`);
  leaf(ds, 'list', 'list data sources of the workspace', `${M} --workspace 1 dataworks datasources list -o ndjson`)
    .option('--name <name>', 'name filter')
    .option('--limit <n>', 'page size')
    .action(
      act(async (ctx, f) => {
        const client = await ctx.dataworks();
        const input = {
          ProjectId: projectId(ctx),
          ...(f.name ? { Name: f.name as string } : {}),
          ...(f.limit ? { PageSize: integer('--limit', f.limit as string) } : {}),
        };
        await printList(
          ctx,
          DATASOURCE_VIEW,
          () => client.listDataSources(input),
          () => client.iterateDataSources(input).pages(),
        );
      }),
    );
  leaf(ds, 'get <id>', 'show a data source (passwords masked)', `${M} dataworks datasources get 1001`).action(
    act(async (ctx, _f, dsId) => {
      const r = await (await ctx.dataworks()).getDataSource(id('id', dsId));
      printObject(ctx, r, r.DataSource.Id, r.DataSource);
    }),
  );
  leaf(
    ds,
    'create',
    'create a data source',
    `${M} --workspace 1 dataworks datasources create --body mysql.json --name orders`,
  )
    .option('--body <file>', 'request body as JSON (a file, or - for stdin); flags are set over it')
    .option('--name <name>', 'Name')
    .option('--type <type>', 'Type, e.g. mysql')
    .option('--mode <mode>', 'ConnectionPropertiesMode: UrlMode or InstanceMode')
    .action(
      act(async (ctx, f) => {
        const body = merge(readBody(f.body as string | undefined), {
          ProjectId: ctx.workspace === undefined ? undefined : projectId(ctx),
          Name: f.name,
          Type: f.type,
          ConnectionPropertiesMode: f.mode,
        });
        const r = await (await ctx.dataworks()).createDataSource(body as never);
        printObject(ctx, r, r.Id);
      }),
    );
  leaf(ds, 'delete <id>', 'delete a data source', `${M} dataworks datasources delete 1001`).action(
    act(async (ctx, _f, dsId) => {
      const r = await (await ctx.dataworks()).deleteDataSource(id('id', dsId));
      printObject(ctx, r, dsId);
    }),
  );
  leaf(
    ds,
    'test <id>',
    'test connectivity through a resource group',
    `${M} --workspace 1 dataworks datasources test 1001 --resource-group rg-1`,
  )
    .requiredOption('--resource-group <id>', 'ResourceGroupId')
    .action(
      act(async (ctx, f, dsId) => {
        const r = await (await ctx.dataworks()).testDataSourceConnectivity({
          ProjectId: projectId(ctx),
          DataSourceId: id('id', dsId),
          ResourceGroupId: f.resourceGroup as string,
        });
        printObject(ctx, r, dsId, r.Connectivity);
      }),
    );

  // --------------------------------------------------------------------------------------------------- crawlers
  const cr = group(
    dw,
    'crawlers',
    'crawlers (metadata collectors) and their runs',
    `${M} dataworks crawlers run 7 --wait`,
  );
  leaf(cr, 'list', 'list crawlers', `${M} dataworks crawlers list --quiet`)
    .option('--type <type>', 'Type filter')
    .option('--limit <n>', 'page size')
    .action(
      act(async (ctx, f) => {
        const client = await ctx.dataworks();
        const input = {
          ...(ctx.workspace !== undefined ? { ProjectId: projectId(ctx) } : {}),
          ...(f.type ? { Type: f.type as string } : {}),
          ...(f.limit ? { PageSize: integer('--limit', f.limit as string) } : {}),
        };
        await printList(
          ctx,
          CRAWLER_VIEW,
          () => client.listCrawlers(input),
          () => client.iterateCrawlers(input).pages(),
        );
      }),
    );
  leaf(cr, 'get <id>', 'show a crawler', `${M} dataworks crawlers get 7 -o json`).action(
    act(async (ctx, _f, cId) => {
      const r = await (await ctx.dataworks()).getCrawler(id('id', cId));
      printObject(ctx, r, r.Crawler.Id, r.Crawler);
    }),
  );
  crawlerOptions(
    leaf(
      cr,
      'create',
      'create a crawler (no run)',
      `${M} dataworks crawlers create --name orders --data-source 1001 --type mysql`,
    ),
    true,
  ).action(
    act(async (ctx, f) => {
      const body = merge(readBody(f.body as string | undefined), crawlerFields(f));
      const r = await (await ctx.dataworks()).createCrawler(body as never);
      printObject(ctx, r, r.Id);
    }),
  );
  crawlerOptions(
    leaf(cr, 'update <id>', 'change a crawler', `${M} dataworks crawlers update 7 --schedule "0 0 2 ? * *"`),
    false,
  ).action(
    act(async (ctx, f, cId) => {
      const body = merge(readBody(f.body as string | undefined), crawlerFields(f));
      const r = await (await ctx.dataworks()).updateCrawler(id('id', cId), body as never);
      printObject(ctx, r, cId);
    }),
  );
  leaf(cr, 'delete <id>', 'delete a crawler', `${M} dataworks crawlers delete 7`).action(
    act(async (ctx, _f, cId) => {
      const r = await (await ctx.dataworks()).deleteCrawler(id('id', cId));
      printObject(ctx, r, cId);
    }),
  );
  waitOptions(leaf(cr, 'run <id>', 'start a run', `${M} dataworks crawlers run 7 --wait --timeout 600`), true).action(
    act(async (ctx, f, cId) => {
      const client = await ctx.dataworks();
      const r = await client.runCrawler(id('id', cId));
      if (!f.wait) return printObject(ctx, r, r.TaskInstanceId);
      ctx.note(`started crawler ${cId}: task instance ${r.TaskInstanceId}`);
      await waitRun(ctx, f, client, id('id', cId), r.TaskInstanceId);
    }),
  );
  leaf(cr, 'stop <id>', 'stop the running run', `${M} dataworks crawlers stop 7`).action(
    act(async (ctx, _f, cId) => {
      const r = await (await ctx.dataworks()).stopCrawler(id('id', cId));
      printObject(ctx, r, cId);
    }),
  );
  leaf(cr, 'runs <id>', 'list runs, newest first', `${M} dataworks crawlers runs 7`)
    .option('--limit <n>', 'page size')
    .action(
      act(async (ctx, f, cId) => {
        const client = await ctx.dataworks();
        const query = f.limit ? { PageSize: integer('--limit', f.limit as string) } : {};
        const r = await client.listCrawlerRuns(id('id', cId), query);
        // One page (the service keeps 30 days of runs): the listing has no iterator in the client.
        await printList(ctx, RUN_VIEW, async () => r, onePage(r, r.PagingInfo.CrawlerRuns));
      }),
    );
  waitOptions(
    leaf(cr, 'wait <id>', 'follow a run until it ends', `${M} dataworks crawlers wait 7 --timeout 600`),
    false,
  )
    .option('--run <task-instance-id>', 'the run to follow (default: the newest)')
    .action(
      act(async (ctx, f, cId) => {
        const client = await ctx.dataworks();
        await waitRun(ctx, f, client, id('id', cId), integer('--run', f.run as string | undefined));
      }),
    );
  leaf(cr, 'logs <id>', "print a run's log", `${M} dataworks crawlers logs 7 --run 5001`)
    .option('--run <task-instance-id>', 'the run (default: the newest)')
    .action(
      act(async (ctx, f, cId) => {
        const client = await ctx.dataworks();
        let run = integer('--run', f.run as string | undefined);
        if (run === undefined) {
          const runs = await client.listCrawlerRuns(id('id', cId), { PageSize: 1 });
          run = runs.PagingInfo.CrawlerRuns[0]?.TaskInstanceId;
          if (run === undefined) throw new UsageError(`crawler ${cId} has no runs`);
        }
        const r = await client.getTaskInstanceLog(run);
        printText(ctx, r, r.TaskInstanceLog);
      }),
    );
}
