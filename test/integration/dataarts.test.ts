/**
 * Contract tests: every DataArtsCatalogClient method against the mock over loopback HTTP (undici transport),
 * checked against the DataArts Catalog sheet (shared/api/dataarts-catalog.md) and the mock's journal.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  type CollectionTaskInput,
  ConfigurationError,
  type DataArtsCatalogClient,
  DataArtsCatalogClient as DataArtsCatalogClientClass,
  NotFoundError,
  ValidationError,
} from '../../src/index.js';
import { collectionTask, control, type Harness, rejection, startHarness } from './harness.js';

let h: Harness;
let catalog: DataArtsCatalogClient;

beforeAll(async () => {
  h = await startHarness();
  catalog = h.dataarts();
});
afterEach(() => h.reset());
afterAll(async () => {
  h.assertNoSecrets();
  await h.close();
  expect(h.mock.errors).toEqual([]);
});

const RUN_MS = 60_000;
const HEX32 = /^[0-9a-f]{32}$/;
const LOG_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [A-Z]+ .+$/;

/** The vendor's published CreateTask example, with `"id": null` and without `user_id` (as Terraform sends it). */
const published = (): CollectionTaskInput => ({
  id: null,
  name: 'test采集110',
  description: '',
  dir_id: '0',
  data_source_type: 'DLI',
  schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10 },
  task_config: {
    data_connection_id: '14bb947454e64de784eadaab759081e8',
    data_connection_name: 'dli_test',
    databaseName: ['ygy1'],
    tableName: ['ygy1.ygy'],
    alive_object_policy: '3',
    deleted_object_policy: '3',
    enableDataProfile: false,
    enableDataClassification: false,
    enable_table_filter_by_regex: false,
  },
});

const input = collectionTask;

const instancesOf = async (taskId: string) => {
  const res = await fetch(`${h.url}/__mock/dataarts/${h.mock.defaults.projectId}/tasks/${taskId}/instances`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { instances: Array<Record<string, unknown>> }).instances;
};

describe('create and show', () => {
  it('accepts the published example body ("id": null, no user_id) and fills the server fields', async () => {
    const created = await catalog.createCollectionTask(published()).withResponse();
    expect(created.status).toBe(200);
    expect(created.data.task_id).toMatch(HEX32);
    expect(created.requestId).toMatch(HEX32);
    // The journal shows the body as sent: id null, no user_id, workspace header present.
    const [entry] = h.requests().filter((e) => e.operation === 'CreateTask');
    expect(entry?.requestBody).toMatchObject({ id: null, name: 'test采集110' });
    expect(entry?.requestBody).not.toHaveProperty('user_id');
    expect(entry?.requestHeaders['workspace']).toBe(h.mock.defaults.workspace);
    expect(entry?.requestHeaders['content-type']).toBe('application/json;charset=UTF-8');

    const t = await catalog.getCollectionTask(created.data.task_id);
    const d = h.mock.defaults;
    expect(t).toMatchObject({
      id: created.data.task_id,
      name: 'test采集110',
      description: '',
      user_id: d.userId,
      user_name: d.userName,
      duty_person: d.userName,
      dir_id: '0',
      path: '',
      project_id: d.projectId,
      data_source_type: 'DLI',
      data_source_workspace_id: d.workspace,
      task_config: published().task_config,
      create_time: String(h.mock.clock.now()),
      last_run_time: null,
      next_run_time: null,
    });
    expect(t.schedule_config).toMatchObject({ schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0 });
    expect(typeof t.schedule_config?.job_id).toBe('number');
  });

  it('an unknown task is a NotFoundError with status 400 and code DLG.2253', async () => {
    const err = await rejection(catalog.getCollectionTask('f'.repeat(32)));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.2253' });
  });
});

describe('search', () => {
  it('filters (name, user_name, data_source_type, data_connection_id, directory_id, bucket_name) and pages', async () => {
    const ids: string[] = [];
    const specs: Array<[string, Partial<CollectionTaskInput>]> = [
      ['Orders nightly', { task_config: { data_connection_id: 'conn-a' } }],
      ['customers', { data_source_type: 'DWS', task_config: { data_connection_id: 'conn-b' } }],
      ['orders weekly', { dir_id: 'dir-7', task_config: { data_connection_id: 'conn-a' } }],
      ['obs files', { data_source_type: 'OBS', task_config: { bucket_name: 'bkt-1' } }],
    ];
    for (const [name, extra] of specs) {
      ids.push((await catalog.createCollectionTask(input(name, extra))).task_id);
      h.mock.clock.advance(1_000);
    }
    const names = async (filters: Parameters<DataArtsCatalogClient['searchCollectionTasks']>[0]) =>
      (await catalog.searchCollectionTasks(filters)).resources.map((t) => t.name);

    // Newest first (create_time descending).
    const all = await catalog.searchCollectionTasks();
    expect(all).toMatchObject({ count: 4, total_records: 4, max_records: 1000 });
    expect(all.resources.map((t) => t.id)).toEqual([...ids].reverse());

    expect(await names({ name: 'ORDERS' })).toEqual(['orders weekly', 'Orders nightly']);
    expect(await names({ data_source_type: 'dws' })).toEqual(['customers']);
    expect(await names({ data_connection_id: 'conn-a' })).toEqual(['orders weekly', 'Orders nightly']);
    expect(await names({ directory_id: 'dir-7' })).toEqual(['orders weekly']);
    expect(await names({ bucket_name: 'bkt-1' })).toEqual(['obs files']);
    expect(await names({ user_name: h.mock.defaults.userName, name: 'nightly' })).toEqual(['Orders nightly']);
    expect(await names({ user_name: 'someone-else' })).toEqual([]);

    const page = await catalog.searchCollectionTasks({ limit: 2, offset: 1 });
    expect(page.count).toBe(4);
    expect(page.resources.map((t) => t.id)).toEqual([ids[2], ids[1]]);
    // Filters travel in the body, not the query.
    const searches = h.requests().filter((e) => e.operation === 'ShowTaskList');
    expect(searches.at(-1)?.requestBody).toEqual({ limit: 2, offset: 1 });
    expect(searches.at(-1)?.query).toEqual({});
  });

  it('start_time / end_time match last_run_time; tasks never run do not match', async () => {
    const ran = (await catalog.createCollectionTask(input('ran'))).task_id;
    await catalog.createCollectionTask(input('never'));
    const t0 = h.mock.clock.now();
    await catalog.runCollectionTaskNow(ran);
    expect((await catalog.searchCollectionTasks({ start_time: String(t0) })).resources.map((t) => t.name)).toEqual([
      'ran',
    ]);
    expect((await catalog.searchCollectionTasks({ end_time: String(t0 - 1) })).count).toBe(0);
    // ISO-8601 is accepted as well.
    const iso = new Date(t0).toISOString();
    expect((await catalog.searchCollectionTasks({ start_time: iso, end_time: iso })).count).toBe(1);
  });

  it('iterateCollectionTasks walks several pages with limit + offset, keeping the filters', async () => {
    for (let i = 0; i < 7; i++) {
      await catalog.createCollectionTask(input(`c${i}`, i === 3 ? { dir_id: 'other' } : {}));
      h.mock.clock.advance(1_000);
    }
    h.mock.clearRequests();
    const names: string[] = [];
    for await (const t of catalog.iterateCollectionTasks({ limit: 2, directory_id: '0' })) names.push(t.name);
    expect(names).toEqual(['c6', 'c5', 'c4', 'c2', 'c1', 'c0']);
    const bodies = h.requests().map((e) => e.requestBody);
    expect(bodies).toEqual([
      { directory_id: '0', limit: 2, offset: 0 },
      { directory_id: '0', limit: 2, offset: 2 },
      { directory_id: '0', limit: 2, offset: 4 },
    ]);
  });
});

describe('update and delete', () => {
  it('update replaces the client-settable fields and resolves to undefined', async () => {
    const { task_id } = await catalog.createCollectionTask(input('orig', { description: 'will reset' }));
    const res = await catalog
      .updateCollectionTask(task_id, input('renamed', { task_config: { data_connection_id: 'conn-2', x: 1 } }))
      .withResponse();
    expect(res).toMatchObject({ status: 200, data: undefined });
    const t = await catalog.getCollectionTask(task_id);
    expect(t).toMatchObject({ id: task_id, name: 'renamed', description: '' });
    expect(t.task_config).toEqual({ data_connection_id: 'conn-2', x: 1 });
  });

  it('update with another data_source_type → BadRequestError DLG.9001; unknown task → DLG.2253', async () => {
    const { task_id } = await catalog.createCollectionTask(input('t'));
    const err = await rejection(catalog.updateCollectionTask(task_id, input('t', { data_source_type: 'DWS' })));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.9001' });
    const missing = await rejection(catalog.updateCollectionTask('a'.repeat(32), input('t')));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ status: 400, errorCode: 'DLG.2253' });
  });

  it('delete twice: the second is a NotFoundError with status 400 and code DLG.2208', async () => {
    const { task_id } = await catalog.createCollectionTask(input('gone'));
    await expect(catalog.deleteCollectionTask(task_id)).resolves.toBeUndefined();
    const err = await rejection(catalog.deleteCollectionTask(task_id));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.2208' });
    expect((err as NotFoundError).requestId).toMatch(HEX32);
    // A 400 is not retried: exactly two deletes reached the mock.
    expect(
      h
        .requests()
        .filter((e) => e.operation === 'DeleteTaskInfo')
        .map((e) => e.status),
    ).toEqual([200, 400]);
  });
});

describe('runs, logs and schedules', () => {
  it('runCollectionTaskNow().withResponse() exposes x-mock-instance-id / x-mock-bridge-id; the log follows the run', async () => {
    const { task_id } = await catalog.createCollectionTask(
      input('run', { task_config: { data_connection_id: 'conn-1', enableDataProfile: true } }),
    );
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    expect(run.status).toBe(200);
    expect(run.data).toBeUndefined();
    const instanceId = run.headers['x-mock-instance-id'];
    const bridgeId = run.headers['x-mock-bridge-id'];
    expect(instanceId).toMatch(HEX32);
    expect(bridgeId).toMatch(/^[0-9A-F]{32}$/);

    const running = await catalog.getCollectionTaskLog(task_id, instanceId!, { bridgeId: bridgeId! });
    expect(running).toMatchObject({
      enable_bridge: true,
      enable_profile: true,
      enable_classification: false,
      bridge_status: 'RUNNING',
      classification_status: '',
      classification_job_log: '',
    });
    // runimmediate while RUNNING → 400 DLG.9002, not retried (not idempotent).
    const busy = await rejection(catalog.runCollectionTaskNow(task_id));
    expect(busy).toBeInstanceOf(BadRequestError);
    expect(busy).toMatchObject({ status: 400, errorCode: 'DLG.9002' });

    h.mock.clock.advance(RUN_MS);
    const log = await catalog.getCollectionTaskLog(task_id, instanceId!, {
      bridgeId: bridgeId!,
      classificationId: null,
    });
    expect(log).toMatchObject({ bridge_status: 'SUCCESS', profile_status: 'SUCCESS' });
    const lines = log.bridge_job_log.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(LOG_LINE);
    const logCall = h
      .requests()
      .filter((e) => e.operation === 'ShowInstanceLog')
      .at(-1);
    expect(logCall?.requestBody).toEqual({ bridge_id: bridgeId, classification_id: null });

    const task = await catalog.getCollectionTask(task_id);
    expect(task.last_run_time).toBe(task.start_time);
    expect(Number(task.end_time) - Number(task.start_time)).toBe(RUN_MS);

    // An instance id that is not this task's → NotFoundError DLG.9005 (status 400).
    const unknown = await rejection(catalog.getCollectionTaskLog(task_id, 'c'.repeat(32), { bridgeId: bridgeId! }));
    expect(unknown).toMatchObject({ name: 'NotFoundError', status: 400, errorCode: 'DLG.9005' });
    // A bridge id that is not this instance's → NotFoundError DLG.9005 (status 400).
    const wrong = await rejection(catalog.getCollectionTaskLog(task_id, instanceId!, { bridgeId: 'A'.repeat(32) }));
    expect(wrong).toBeInstanceOf(NotFoundError);
    expect(wrong).toMatchObject({ status: 400, errorCode: 'DLG.9005' });
  });

  it('a run on an unreachable connection fails; its log says why', async () => {
    const seeded = await control(h.url, '/__mock/dataarts/connections/conn-down', { reachable: false });
    expect(seeded.status).toBe(200);
    const { task_id } = await catalog.createCollectionTask(
      input('bad', { task_config: { data_connection_id: 'conn-down' } }),
    );
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    h.mock.clock.advance(RUN_MS);
    const log = await catalog.getCollectionTaskLog(task_id, run.headers['x-mock-instance-id']!, {
      bridgeId: run.headers['x-mock-bridge-id']!,
    });
    expect(log.bridge_status).toBe('FAILED');
    expect(log.bridge_job_log).toContain('Failed to connect to data connection conn-down');
  });

  it('startCollectionSchedule on a CRON task schedules it; advancing the clock fires; stop ends both', async () => {
    const { task_id } = await catalog.createCollectionTask(
      input('cron', { schedule_config: { schedule_type: 'CRON', cron_expression: '0 */5 * * * ?', enabled: 0 } }),
    );
    let t = await catalog.getCollectionTask(task_id);
    expect(t.schedule_config?.enabled).toBe(0);
    expect(t.next_run_time).toBeNull();

    const started = await catalog.startCollectionSchedule(task_id).withResponse();
    expect(started.headers['x-mock-instance-id']).toBeUndefined(); // `run` on CRON starts no instance
    t = await catalog.getCollectionTask(task_id);
    expect(t.schedule_config?.enabled).toBe(3);
    const now = h.mock.clock.now();
    const next = Number(t.next_run_time);
    const fiveMin = 5 * 60_000;
    expect(next).toBe(Math.floor(now / fiveMin) * fiveMin + fiveMin);
    expect(await instancesOf(task_id)).toEqual([]);
    // `run` again is idempotent.
    await catalog.startCollectionSchedule(task_id);
    expect(await instancesOf(task_id)).toEqual([]);

    h.mock.clock.set(next);
    const fired = await instancesOf(task_id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ trigger: 'SCHEDULE', status: 'RUNNING', start_time: next });
    t = await catalog.getCollectionTask(task_id);
    expect(t.last_run_time).toBe(String(next));
    expect(t.next_run_time).toBe(String(next + fiveMin));

    await catalog.stopCollectionTask(task_id);
    t = await catalog.getCollectionTask(task_id);
    expect(t.schedule_config?.enabled).toBe(5);
    expect(t.next_run_time).toBeNull();
    expect((await instancesOf(task_id))[0]).toMatchObject({ status: 'STOPPED' });
    // Stopped: the clock passes another point without a firing; stop again is idempotent.
    h.mock.clock.advance(2 * fiveMin);
    expect(await instancesOf(task_id)).toHaveLength(1);
    await expect(catalog.stopCollectionTask(task_id)).resolves.toBeUndefined();
  });

  it('startCollectionSchedule on a RUN_ONCE task runs it now', async () => {
    const { task_id } = await catalog.createCollectionTask(input('once'));
    const res = await catalog.startCollectionSchedule(task_id).withResponse();
    expect(res.headers['x-mock-instance-id']).toMatch(HEX32);
    expect(await instancesOf(task_id)).toMatchObject([{ trigger: 'MANUAL', status: 'RUNNING' }]);
  });
});

describe('workspace', () => {
  it('an unknown workspace → NotFoundError (status 400, DLG.0818, "Processing failed. …")', async () => {
    const other = h.dataarts({ workspace: 'e'.repeat(32) });
    const err = await rejection(other.searchCollectionTasks());
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({
      status: 400,
      errorCode: 'DLG.0818',
      errorMessage: 'Processing failed. The workspace does not exist.',
    });
  });

  it('an empty workspace header → DLG.0818; tasks are scoped to their workspace', async () => {
    const err = await rejection(catalog.searchCollectionTasks({}, { headers: { workspace: '' } }));
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.0818' });

    const ws = h.mock.addWorkspace(h.mock.defaults.projectId);
    const second = h.dataarts({ workspace: ws });
    const { task_id } = await second.createCollectionTask(input('elsewhere'));
    expect((await second.getCollectionTask(task_id)).data_source_workspace_id).toBe(ws);
    // Same task id under the default workspace: not found.
    await expect(catalog.getCollectionTask(task_id)).rejects.toMatchObject({ status: 400, errorCode: 'DLG.2253' });
    const counts = await catalog.searchCollectionTasks();
    expect(counts).toMatchObject({ count: 0, total_records: 1 });
  });

  it('a missing workspace option is a ConfigurationError at construction (no request)', () => {
    h.mock.clearRequests();
    const d = h.mock.defaults;
    expect(
      () =>
        new DataArtsCatalogClientClass({
          ...h.common(),
          auth: { token: d.token },
        } as unknown as ConstructorParameters<typeof DataArtsCatalogClientClass>[0]),
    ).toThrow(ConfigurationError);
    expect(h.mock.requests).toEqual([]);
  });
});

describe('client-side validation', () => {
  it('rejects bad input with ValidationError before any I/O', async () => {
    h.mock.clearRequests();
    const cases: Array<[Promise<unknown>, string]> = [
      [catalog.createCollectionTask({ ...input('x'), name: '' }), 'name'],
      [catalog.createCollectionTask({ ...input('x'), data_source_type: 'no spaces' }), 'data_source_type'],
      [
        catalog.createCollectionTask(
          input('x', { schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 L * * ?' } }),
        ),
        'cron_expression',
      ],
      [catalog.searchCollectionTasks({ limit: 0 }), 'limit'],
      [catalog.getCollectionTask(''), 'taskId'],
      [catalog.runCollectionTask('a'.repeat(32), 'RUN' as never), 'action'],
      [catalog.getCollectionTaskLog('a'.repeat(32), 'b'.repeat(32), { bridgeId: '' }), 'bridge_id'],
    ];
    for (const [call, field] of cases) {
      const err = await rejection(call);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).message).toContain(field);
    }
    expect(h.mock.requests).toEqual([]);
  });
});
