/**
 * `metacollect dataarts …`: DataArts Catalog metadata collection tasks. The service has no API that lists a task's
 * runs or reports their outcome by task, so waiting takes one of two forms:
 * - `run|run-now --wait`, and `wait <task-id>`: the task's latest run, followed through the task's `start_time` /
 *   `end_time`, until it ends. Its outcome is not reported there: the command says so on stderr and exits 0.
 * - `wait <task-id> --instance <id> --bridge <id>`: one run, by the ids the console shows, through its log
 *   statuses, with the outcome (exit 1 when it failed or was stopped).
 */
import type { Command } from 'commander';
import { instanceStatus, latestRunDurationMs, latestRunEnded } from '../../dataarts/runs.js';
import type { CollectionTask, CollectionTaskInput, DataArtsCatalogClient, JobLogResponse } from '../../index.js';
import type { Context } from '../context.js';
import { UsageError } from '../exit.js';
import { integer, merge, readBody } from '../input.js';
import { printList, printObject, printText, type View } from '../output.js';
import { follow } from '../wait.js';
import { act, type Flags, group, leaf, waitOptions } from './shared.js';

const M = 'metacollect --endpoint http://127.0.0.1:4010';

const TASK_VIEW: View<CollectionTask> = {
  columns: [
    ['ID', (t) => t.id],
    ['NAME', (t) => t.name],
    ['TYPE', (t) => t.data_source_type],
    ['SCHEDULE', (t) => t.schedule_config?.schedule_type],
    ['LAST RUN', (t) => t.last_run_time],
  ],
  id: (t) => t.id,
};

/** The body from `--body` with the flags set over it; nested flags merge into their objects. */
function taskBody(f: Flags, base: Record<string, unknown>): Record<string, unknown> {
  const body = merge(base, {
    name: f.name,
    description: f.description,
    dir_id: f.dirId,
    data_source_type: f.dataSourceType,
  });
  const obj = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
  if (f.schedule !== undefined || f.cron !== undefined) {
    body.schedule_config = merge(obj(body.schedule_config) as Record<string, unknown>, {
      schedule_type: f.schedule,
      cron_expression: f.cron,
    });
  }
  if (f.dataSource !== undefined) {
    body.task_config = merge(obj(body.task_config) as Record<string, unknown>, { data_connection_id: f.dataSource });
  }
  return body;
}

function taskOptions(c: Command): Command {
  return c
    .option('--body <file>', 'request body as JSON (a file, or - for stdin); flags are set over it')
    .option('--name <name>', 'name')
    .option('--description <text>', 'description')
    .option('--dir-id <id>', 'dir_id (catalog directory)')
    .option('--data-source-type <type>', 'data_source_type, e.g. DLI')
    .option('--data-source <id>', 'task_config.data_connection_id')
    .option('--schedule <type>', 'schedule_config.schedule_type, e.g. RUN_ONCE or CRON')
    .option('--cron <expr>', 'schedule_config.cron_expression');
}

/** The job ids of a run, from `--bridge` and `--classification`. */
function runIds(f: Flags): { bridgeId: string; classificationId?: string } {
  return {
    bridgeId: f.bridge as string,
    ...(f.classification ? { classificationId: f.classification as string } : {}),
  };
}

/** A run's log as text: each job's status, then its log. */
function logText(log: JobLogResponse): string {
  const parts = [
    `bridge: ${log.bridge_status}\n${log.bridge_job_log}`,
    log.enable_profile ? `profile: ${log.profile_status}\n${log.profile_job_log}` : '',
    log.enable_classification ? `classification: ${log.classification_status}\n${log.classification_job_log}` : '',
  ];
  return parts.filter(Boolean).join('\n');
}

/** Follows the task's latest run (the first started after `after`) to its end; prints the task. */
async function waitTaskRun(
  ctx: Context,
  f: Flags,
  client: DataArtsCatalogClient,
  id: string,
  after: string | null | undefined,
): Promise<void> {
  const task = await follow<CollectionTask>(
    `run of task ${id}`,
    f,
    (t) => (latestRunEnded(t) ? 'ENDED' : 'RUNNING'),
    (o) => client.waitForCollectionTaskRun(id, { ...o, ...(after !== undefined ? { afterStartTime: after } : {}) }),
  );
  const tookMs = latestRunDurationMs(task);
  ctx.note(
    `the run of task ${id} ended after ${tookMs === undefined ? '?' : tookMs / 1000} s; DataArts Catalog does not report a run's outcome for a task: follow it with ` +
      '`dataarts tasks wait <task-id> --instance <id> --bridge <id>` or read it with `dataarts tasks logs` ' +
      '(the ids are in the console)',
  );
  printObject(ctx, task, task.id);
}

export function registerDataArts(program: Command): void {
  const dataarts = group(
    program,
    'dataarts',
    'Huawei Cloud DataArts Catalog collection tasks',
    `${M} dataarts tasks search`,
  );
  const tasks = group(dataarts, 'tasks', 'metadata collection tasks', `${M} dataarts tasks get <task-id>`);

  leaf(tasks, 'search', 'search tasks', `${M} dataarts tasks search --name orders --output ndjson`)
    .option('--name <name>', 'name filter')
    .option('--data-source-type <type>', 'data_source_type filter')
    .option('--limit <n>', 'page size')
    .option('--offset <n>', 'first item')
    .action(
      act(async (ctx, f) => {
        const client = await ctx.dataarts();
        const filters = {
          ...(f.name ? { name: f.name as string } : {}),
          ...(f.dataSourceType ? { data_source_type: f.dataSourceType as string } : {}),
          ...(f.limit ? { limit: integer('--limit', f.limit as string) } : {}),
          ...(f.offset ? { offset: integer('--offset', f.offset as string) } : {}),
        };
        await printList(
          ctx,
          TASK_VIEW,
          () => client.searchCollectionTasks(filters),
          () => client.iterateCollectionTasks(filters).pages(),
        );
      }),
    );

  taskOptions(
    leaf(tasks, 'create', 'create a task', `${M} dataarts tasks create --body task.json --name orders-nightly`),
  ).action(
    act(async (ctx, f) => {
      const body = taskBody(f, readBody(f.body as string | undefined));
      const client = await ctx.dataarts();
      const result = await client.createCollectionTask(body as unknown as CollectionTaskInput);
      printObject(ctx, result, result.task_id);
    }),
  );

  leaf(tasks, 'get <task-id>', 'show a task', `${M} dataarts tasks get 8f3c… --output json`).action(
    act(async (ctx, _f, id) => {
      const task = await (await ctx.dataarts()).getCollectionTask(id!);
      printObject(ctx, task, task.id);
    }),
  );

  taskOptions(
    leaf(
      tasks,
      'update <task-id>',
      'replace a task (without --body, the current task with the flags set over it)',
      `${M} dataarts tasks update 8f3c… --cron "0 0 2 * * ?"`,
    ),
  ).action(
    act(async (ctx, f, id) => {
      const client = await ctx.dataarts();
      const base =
        f.body === undefined
          ? ((await client.getCollectionTask(id!)) as unknown as Record<string, unknown>)
          : readBody(f.body as string);
      await client.updateCollectionTask(id!, taskBody(f, base) as unknown as CollectionTaskInput);
      printObject(ctx, { task_id: id, updated: true }, id);
    }),
  );

  for (const [verb, what, call] of [
    ['delete', 'delete a task', 'deleteCollectionTask'],
    ['stop', 'stop the schedule and a running instance', 'stopCollectionTask'],
  ] as const) {
    leaf(tasks, `${verb} <task-id>`, what, `${M} dataarts tasks ${verb} 8f3c…`).action(
      act(async (ctx, _f, id) => {
        await (await ctx.dataarts())[call](id!);
        printObject(ctx, { task_id: id, action: verb, accepted: true }, id);
      }),
    );
  }

  for (const [verb, what, call] of [
    ['run', 'start the schedule (a RUN_ONCE task runs now)', 'startCollectionSchedule'],
    ['run-now', 'run the task once now', 'runCollectionTaskNow'],
  ] as const) {
    waitOptions(
      leaf(tasks, `${verb} <task-id>`, what, `${M} dataarts tasks ${verb} 8f3c… --wait --timeout 1800`),
      true,
      'follow the run until it ends (the service does not report its outcome: see `wait --instance`)',
    ).action(
      act(async (ctx, f, id) => {
        const client = await ctx.dataarts();
        // The start of the run before this one, so that the wait follows the run this command starts.
        const before = f.wait ? await client.getCollectionTask(id!) : undefined;
        await client[call](id!);
        if (!before) return printObject(ctx, { task_id: id, action: verb, accepted: true }, id);
        ctx.note(`${verb === 'run' ? 'started the schedule of' : 'started'} task ${id}`);
        await waitTaskRun(ctx, f, client, id!, before.start_time ?? null);
      }),
    );
  }

  waitOptions(
    leaf(
      tasks,
      'wait <task-id>',
      "follow the task's latest run until it ends; with --instance and --bridge, one run and its outcome",
      `${M} dataarts tasks wait 8f3c… --instance 41d2… --bridge 77AA… --timeout 1800`,
    ),
    false,
  )
    .option('--instance <id>', 'instance_id of the run to follow (from the console); needs --bridge')
    .option('--bridge <id>', 'bridge_id of that run')
    .option('--classification <id>', 'classification_id of that run')
    .action(
      act(async (ctx, f, id) => {
        const client = await ctx.dataarts();
        if (f.instance === undefined) {
          if (f.bridge !== undefined) throw new UsageError('--bridge: only with --instance');
          return waitTaskRun(ctx, f, client, id!, undefined);
        }
        if (f.bridge === undefined) throw new UsageError("--instance: needs --bridge <id> (the run's bridge_id)");
        const instance = f.instance as string;
        const log = await follow<JobLogResponse>(`instance ${instance} of task ${id}`, f, instanceStatus, (o) =>
          client.waitForCollectionInstance(id!, instance, { ...o, ...runIds(f) }),
        );
        printText(ctx, log, logText(log), instance);
      }),
    );

  leaf(
    tasks,
    'logs <task-id> <instance-id>',
    "print a run's logs",
    `${M} dataarts tasks logs 8f3c… 41d2… --bridge 77aa…`,
  )
    .requiredOption('--bridge <id>', 'bridge_id of the run')
    .option('--classification <id>', 'classification_id of the run')
    .action(
      act(async (ctx, f, taskId, instanceId) => {
        const log = await (await ctx.dataarts()).getCollectionTaskLog(taskId!, instanceId!, runIds(f));
        printText(ctx, log, logText(log));
      }),
    );
}
