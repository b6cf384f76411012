/** `metacollect dsc …`: DSC metadata scan task templates and their instances. */
import type { Command } from 'commander';
import type { TaskDetail, TaskInstance } from '../../index.js';
import type { Context } from '../context.js';
import { collect, dscDataSources, integer, merge, readBody } from '../input.js';
import { printList, printObject, type View } from '../output.js';
import { follow } from '../wait.js';
import { act, type Flags, group, leaf, waitOptions } from './shared.js';

const M = 'metacollect --endpoint http://127.0.0.1:4010';

const TASK_VIEW: View<TaskDetail> = {
  columns: [
    ['ID', (t) => t.id],
    ['NAME', (t) => t.task_name],
    ['SCHEDULE', (t) => t.schedule_type],
    ['LAST STATUS', (t) => t.last_task_status],
    ['DATA SOURCES', (t) => t.data_sources?.map((d) => `${d.db_type}:${d.ins_id}`).join(',')],
  ],
  id: (t) => t.id,
};

const INSTANCE_VIEW: View<TaskInstance> = {
  columns: [
    ['ID', (i) => i.id],
    ['STATUS', (i) => i.task_status],
    ['CREATED', (i) => i.task_create_time],
    ['ENDED', (i) => i.task_end_time],
    ['ERROR', (i) => i.error_msg],
  ],
  id: (i) => i.id,
};

/** The template fields that have flags. */
function templateFields(f: Flags): Record<string, unknown> {
  return {
    task_name: f.name,
    data_sources: dscDataSources(f.dataSource as string[] | undefined),
    schedule_type: f.schedule,
    start_time: f.startTime,
    task_description: f.description,
    start_now: f.startNow,
  };
}

function templateOptions(c: Command): Command {
  return c
    .option('--body <file>', 'request body as JSON (a file, or - for stdin); flags are set over it')
    .option('--name <name>', 'task_name')
    .option('--data-source <db_type:ins_id>', 'a data source (repeatable), e.g. MySQL:mysql-orders-01', collect)
    .option('--schedule <type>', 'schedule_type: ONCE, DAY, WEEK or MONTH')
    .option('--start-time <time>', 'start_time')
    .option('--description <text>', 'task_description')
    .option('--start-now', 'start_now: run as soon as it is created');
}

async function waitInstance(ctx: Context, f: Flags, templateId: string, instanceId?: string): Promise<void> {
  const dsc = await ctx.dsc();
  const run = await follow<TaskInstance>(
    `scan instance of template ${templateId}`,
    f,
    (i) => String(i.task_status ?? 'UNKNOWN'),
    (o) => dsc.waitForScanInstance(templateId, { ...o, ...(instanceId ? { instanceId } : {}) }),
  );
  printObject(ctx, run, run.id);
}

export function registerDsc(program: Command): void {
  const dsc = group(program, 'dsc', 'Huawei Cloud DSC metadata scan tasks', `${M} dsc tasks list`);
  const tasks = group(
    dsc,
    'tasks',
    'scan task templates',
    `${M} dsc tasks create --name orders --data-source MySQL:db1 --schedule DAY`,
  );

  leaf(tasks, 'list', 'list task templates', `${M} dsc tasks list --output ndjson`)
    .option('--name <name>', 'only templates whose name contains this')
    .option('--limit <n>', 'page size')
    .option('--offset <n>', 'first item')
    .action(
      act(async (ctx, f) => {
        const client = await ctx.dsc();
        const query = {
          ...(f.name ? { task_name: f.name as string } : {}),
          ...(f.limit ? { page_size: integer('--limit', f.limit as string) } : {}),
          ...(f.offset ? { offset: integer('--offset', f.offset as string) } : {}),
        };
        await printList(
          ctx,
          TASK_VIEW,
          () => client.listScanTasks(query),
          () => client.iterateScanTasks(query).pages(),
        );
      }),
    );

  templateOptions(
    leaf(
      tasks,
      'create',
      'create a task template',
      `${M} dsc tasks create --name orders --data-source MySQL:db1 --schedule DAY`,
    ),
  ).action(
    act(async (ctx, f) => {
      const body = merge(readBody(f.body as string | undefined), templateFields(f));
      const client = await ctx.dsc();
      const result = await client.createScanTask(body as never);
      printObject(ctx, result, result.id);
    }),
  );

  templateOptions(
    leaf(tasks, 'update <template-id>', 'change fields of a task template', `${M} dsc tasks update 12 --schedule WEEK`),
  ).action(
    act(async (ctx, f, id) => {
      const body = merge(readBody(f.body as string | undefined), templateFields(f));
      const client = await ctx.dsc();
      const result = await client.updateScanTask(id!, body as never);
      printObject(ctx, result, result.id ?? id);
    }),
  );

  leaf(tasks, 'delete <template-id...>', 'delete task templates', `${M} dsc tasks delete 12 13`).action(
    act(async (ctx, _f, ...ids) => {
      const client = await ctx.dsc();
      const list = (ids.flat() as string[]).map((i) => (/^\d{1,15}$/.test(i) ? Number(i) : i));
      const result = await client.deleteScanTasks(list as never);
      printObject(ctx, result, list.join('\n'));
    }),
  );

  waitOptions(
    leaf(tasks, 'start <template-id>', 'start a scan now', `${M} dsc tasks start 12 --wait --timeout 600`),
    true,
  ).action(
    act(async (ctx, f, id) => {
      const client = await ctx.dsc();
      const result = await client.startScanTask(id!);
      if (!f.wait) return printObject(ctx, result, result.id ?? id);
      ctx.note(`started template ${id}`);
      await waitInstance(ctx, f, id!);
    }),
  );

  for (const [verb, what] of [
    ['enable', 'arm the schedule'],
    ['disable', 'disarm the schedule (a running instance continues)'],
  ] as const) {
    leaf(tasks, `${verb} <template-id>`, what, `${M} dsc tasks ${verb} 12`).action(
      act(async (ctx, _f, id) => {
        const client = await ctx.dsc();
        const result = verb === 'enable' ? await client.enableScanTask(id!) : await client.disableScanTask(id!);
        printObject(ctx, result, result.id ?? id);
      }),
    );
  }

  const instances = group(dsc, 'instances', 'scan runs (task instances) of a template', `${M} dsc instances list 12`);
  leaf(instances, 'list <template-id>', 'list the runs of a template', `${M} dsc instances list 12 --output json`)
    .option('--limit <n>', 'page size')
    .option('--offset <n>', 'first item')
    .option('--reverse', 'newest first')
    .action(
      act(async (ctx, f, id) => {
        const client = await ctx.dsc();
        const query = {
          ...(f.reverse ? { reverse: true } : {}),
          ...(f.limit ? { page_size: integer('--limit', f.limit as string) } : {}),
          ...(f.offset ? { offset: integer('--offset', f.offset as string) } : {}),
        };
        await printList(
          ctx,
          INSTANCE_VIEW,
          () => client.listScanInstances(id!, query),
          () => client.iterateScanInstances(id!, query).pages(),
        );
      }),
    );
  waitOptions(
    leaf(instances, 'wait <template-id>', 'follow a run until it ends', `${M} dsc instances wait 12 --timeout 600`),
    false,
  )
    .option('--instance <id>', 'the run to follow (default: the newest)')
    .action(act(async (ctx, f, id) => waitInstance(ctx, f, id!, f.instance as string | undefined)));
}
