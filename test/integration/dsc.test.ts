/**
 * Contract tests: every DscClient method against the mock over loopback HTTP (undici transport), checked against
 * the DSC sheet (shared/api/dsc.md) and the mock's journal.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  type DscClient,
  NotFoundError,
  RunFailedError,
  type TaskInstance,
  ValidationError,
  WaiterTimeoutError,
} from '../../src/index.js';
import { control, type Harness, operations, rejection, startHarness, template } from './harness.js';

let h: Harness;
let dsc: DscClient;

beforeAll(async () => {
  h = await startHarness();
  dsc = h.dsc();
});
afterEach(() => h.reset());
afterAll(async () => {
  h.assertNoSecrets();
  await h.close();
  expect(h.mock.errors).toEqual([]);
});

const RUN_MS = 30_000;

describe('create', () => {
  it('answers the OperateResult with the decimal-string id and stores the defaults', async () => {
    const before = h.mock.clock.now();
    const res = await dsc.createScanTask(template('first')).withResponse();
    expect(res.status).toBe(200);
    // The first template of the mock gets id 1001 (this test runs first in the file).
    expect(res.data).toEqual({ status: 'success', msg: '操作成功', id: '1001' });
    expect(res.requestId).toMatch(/^[0-9a-f]{32}$/);
    const [t] = (await dsc.listScanTasks({ id: 1001 })).result;
    expect(t).toMatchObject({
      id: 1001,
      task_name: 'first',
      task_description: '',
      create_user: h.mock.defaults.userName,
      data_source: ['rds-1'],
      data_sources: [{ db_type: 'MySQL', ins_id: 'rds-1' }],
      schedule_type: 'ONCE',
      schedule_switch: true,
      delete_failed_meta: false,
      start_time: Math.floor(before / 1000),
      scan_config: {
        scan_tables: true,
        scan_views: true,
        scan_comment: true,
        scan_column_constraints: false,
        scan_privileges: false,
        scan_system_db: false,
      },
      last_trigger_time: null,
      last_task_status: null,
    });
    // The journal saw exactly one create, with the JSON body as sent.
    const creates = h.requests().filter((e) => e.operation === 'CreateTaskTemplates');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.requestBody).toEqual(template('first'));
    expect(creates[0]?.requestHeaders['content-type']).toBe('application/json');
  });

  it('start_now starts a MANUAL instance at creation', async () => {
    const { id } = await dsc.createScanTask(template('now', 'rds-1', { start_now: true, schedule_switch: false }));
    const instances = await dsc.listScanInstances(id);
    expect(instances.total_num).toBe(1);
    expect(instances.result[0]).toMatchObject({
      task_status: 'RUNNING',
      trigger: 'MANUAL',
      schedule_type: 'ONCE',
      task_end_time: null,
      error_msg: '',
      task_create_time: h.mock.clock.now(),
    });
    const [t] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(t?.last_task_status).toBe('RUNNING');
    expect(t?.last_trigger_time).toBe(h.mock.clock.now());
  });
});

describe('list', () => {
  /** Five templates; returns their numeric ids (template ids are unique across the mock, resets included). */
  const seed = async (): Promise<number[]> => {
    const ids: number[] = [];
    for (const [name, type] of [
      ['Alpha nightly', 'DAY'],
      ['beta weekly', 'WEEK'],
      ['gamma NIGHTLY', 'DAY'],
      ['delta monthly', 'MONTH'],
      ['epsilon once', 'ONCE'],
    ] as const) {
      ids.push(Number((await dsc.createScanTask(template(name, name, { schedule_type: type }))).id));
    }
    return ids;
  };

  it('filters by name (case-insensitive substring), schedule types (repeated keys) and id, AND-combined', async () => {
    const ids = await seed();
    const byName = await dsc.listScanTasks({ task_name: 'nightly' });
    expect(byName.total_num).toBe(2);
    expect(byName.result.map((t) => t.task_name)).toEqual(['Alpha nightly', 'gamma NIGHTLY']);

    h.mock.clearRequests();
    const byTypes = await dsc.listScanTasks({ schedule_types: ['WEEK', 'MONTH'] });
    expect(byTypes.result.map((t) => t.id)).toEqual([ids[1], ids[3]]);
    expect(h.requests()[0]?.query['schedule_types']).toEqual(['WEEK', 'MONTH']);

    const both = await dsc.listScanTasks({ task_name: 'NIGHT', schedule_types: ['DAY'], id: ids[2] });
    expect(both.result.map((t) => t.task_name)).toEqual(['gamma NIGHTLY']);
    expect((await dsc.listScanTasks({ task_name: 'beta', schedule_types: ['DAY'] })).total_num).toBe(0);
  });

  it('pages with page_size + offset (total_num counts matches before paging; ascending id)', async () => {
    const ids = await seed();
    const page = await dsc.listScanTasks({ page_size: 2, offset: 1 });
    expect(page.total_num).toBe(5);
    expect(page.result.map((t) => t.id)).toEqual([ids[1], ids[2]]);
    const last = await dsc.listScanTasks({ page_size: 2, offset: 4 });
    expect(last.result.map((t) => t.id)).toEqual([ids[4]]);
    // limit is the legacy alias of page_size.
    expect((await dsc.listScanTasks({ limit: 3 })).result.map((t) => t.id)).toEqual(ids.slice(0, 3));
    // page_size 0 means the default (100).
    expect((await dsc.listScanTasks({ page_size: 0 })).result).toHaveLength(5);
  });

  it('iterateScanTasks walks several pages lazily, keeping the filters', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { id } = await dsc.createScanTask(
        template(`t${i}`, `rds-${i}`, { schedule_type: i === 3 ? 'WEEK' : 'DAY' }),
      );
      ids.push(Number(id));
    }
    h.mock.clearRequests();
    const names: string[] = [];
    for await (const t of dsc.iterateScanTasks({ page_size: 2, schedule_types: ['DAY'] })) names.push(t.task_name);
    expect(names).toEqual(['t0', 't1', 't2', 't4', 't5', 't6']);
    const lists = h.requests().filter((e) => e.operation === 'ListTaskTemplates');
    expect(lists.map((e) => e.query['offset'])).toEqual(['0', '2', '4']);
    expect(lists.every((e) => e.query['page_size'] === '2' && e.query['schedule_types'] === 'DAY')).toBe(true);

    const pages: number[][] = [];
    for await (const p of dsc.iterateScanTasks({ page_size: 3 }).pages()) pages.push(p.items.map((t) => t.id));
    expect(pages).toEqual([ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);
  });
});

describe('update', () => {
  it('merges: present fields replace, absent are kept, scan_config merges key by key, data_sources whole', async () => {
    const { id } = await dsc.createScanTask(
      template('orig', 'rds-1', {
        task_description: 'keep me',
        data_sources: [
          { db_type: 'MySQL', ins_id: 'rds-1' },
          { db_type: 'PostgreSQL', ins_id: 'pg-1' },
        ],
        scan_config: { scan_views: false },
      }),
    );
    const res = await dsc.updateScanTask(id, {
      task_name: 'renamed',
      data_sources: [{ db_type: 'oracle', ins_id: 'ora-1' }],
      scan_config: { scan_privileges: true },
    });
    expect(res).toEqual({ status: 'success', msg: '操作成功', id });
    const [t] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(t).toMatchObject({
      task_name: 'renamed',
      task_description: 'keep me',
      schedule_type: 'ONCE',
      data_source: ['ora-1'],
      data_sources: [{ db_type: 'oracle', ins_id: 'ora-1' }],
      scan_config: {
        scan_tables: true,
        scan_views: false,
        scan_comment: true,
        scan_column_constraints: false,
        scan_privileges: true,
        scan_system_db: false,
      },
    });
  });

  it('ignores start_now on update and moves update_time (ms) on the mock clock', async () => {
    const { id } = await dsc.createScanTask(template('u'));
    const [before] = (await dsc.listScanTasks({ id: Number(id) })).result;
    h.mock.clock.advance(5_000);
    await dsc.updateScanTask(id, { start_now: true, task_description: 'later' });
    const [after] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(after?.create_time).toBe(before?.create_time);
    expect(after?.update_time).toBe(h.mock.clock.now());
    expect((await dsc.listScanInstances(id)).total_num).toBe(0);
  });

  it('accepts the template id as a number as well as a string', async () => {
    const { id } = await dsc.createScanTask(template('n'));
    await dsc.updateScanTask(Number(id), { task_description: 'by number' });
    expect((await dsc.listScanTasks({ id: Number(id) })).result[0]?.task_description).toBe('by number');
  });
});

describe('delete', () => {
  it('deletes ids given as strings and numbers; unknown ids are ignored; the body is a JSON array', async () => {
    const a = await dsc.createScanTask(template('a', 'a'));
    const b = await dsc.createScanTask(template('b', 'b'));
    const c = await dsc.createScanTask(template('c', 'c'));
    h.mock.clearRequests();
    const res = await dsc.deleteScanTasks([a.id, Number(b.id), 999_999]);
    expect(res).toEqual({ status: 'success', msg: '操作成功', id: `${a.id},${b.id}` });
    const [entry] = h.requests();
    expect(entry).toMatchObject({ operation: 'DeleteTaskTemplates', method: 'DELETE', status: 200 });
    expect(entry?.requestBody).toEqual([a.id, Number(b.id), 999_999]);
    expect(entry?.requestHeaders['content-type']).toBe('application/json');
    expect((await dsc.listScanTasks()).result.map((t) => String(t.id))).toEqual([c.id]);
    // Nothing left to delete: id is "".
    expect((await dsc.deleteScanTasks([a.id])).id).toBe('');
  });

  it('removes the instances too (listing them is then a 404)', async () => {
    const { id } = await dsc.createScanTask(template('x', 'x', { start_now: true }));
    await dsc.deleteScanTasks([id]);
    await expect(dsc.listScanInstances(id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('enable / disable / start', () => {
  it('DISABLE disarms (next_trigger_time null), ENABLE re-arms from the next point after now', async () => {
    const created = h.mock.clock.now();
    const { id } = await dsc.createScanTask(template('daily', 'd', { schedule_type: 'DAY' }));
    const startS = Math.floor(created / 1000);
    let [t] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(t?.next_trigger_time).toBe((startS + 86_400) * 1000);

    expect(await dsc.disableScanTask(id)).toEqual({ status: 'success', msg: '操作成功', id });
    [t] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(t).toMatchObject({ schedule_switch: false, next_trigger_time: null });
    // Disarmed: a whole day passes without a firing.
    h.mock.clock.advance(86_400_000 + 1_000);
    expect((await dsc.listScanInstances(id)).total_num).toBe(0);

    await dsc.enableScanTask(Number(id));
    [t] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(t?.schedule_switch).toBe(true);
    expect(t?.next_trigger_time).toBe((startS + 2 * 86_400) * 1000);
    h.mock.clock.advance(86_400_000);
    const runs = await dsc.listScanInstances(id);
    expect(runs.result.map((i) => i.trigger)).toEqual(['SCHEDULE']);
    const ops = operations(h.requests(), 'dsc').filter((o) => o === 'CreateOperate');
    expect(ops).toHaveLength(2);
    const bodies = h
      .requests()
      .filter((e) => e.operation === 'CreateOperate')
      .map((e) => e.requestBody);
    expect(bodies).toEqual([{ action: 'DISABLE' }, { action: 'ENABLE' }]);
  });

  it('START starts a MANUAL instance even when disarmed; START while RUNNING → 400 dsc.40000028', async () => {
    const { id } = await dsc.createScanTask(template('s', 's', { schedule_switch: false }));
    expect(await dsc.startScanTask(id)).toEqual({ status: 'success', msg: '操作成功', id });
    const err = await rejection(dsc.startScanTask(id));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ status: 400, errorCode: 'dsc.40000028' });
    expect((err as BadRequestError).message).toContain('dsc.40000028');
    expect((err as BadRequestError).requestId).toMatch(/^[0-9a-f]{32}$/);
    // START is not idempotent: the 400 was not retried.
    expect(h.requests().filter((e) => e.operation === 'CreateOperate')).toHaveLength(2);
    // Once the run ended, START works again.
    h.mock.clock.advance(RUN_MS);
    await dsc.startScanTask(id);
    expect((await dsc.listScanInstances(id)).total_num).toBe(2);
  });
});

describe('task instances', () => {
  /** A template with `n` finished instances (ids ascending in time). */
  const withRuns = async (n: number) => {
    const { id } = await dsc.createScanTask(template('runs', 'r'));
    for (let i = 0; i < n; i++) {
      await dsc.startScanTask(id);
      h.mock.clock.advance(RUN_MS + 1_000);
    }
    return id;
  };

  it('listScanInstances: ascending by default, reverse=true descending, paging', async () => {
    const id = await withRuns(3);
    const asc = await dsc.listScanInstances(id);
    expect(asc.total_num).toBe(3);
    expect(asc.result.map((i) => i.task_status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    const ids = asc.result.map((i) => i.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const desc = await dsc.listScanInstances(Number(id), { reverse: true });
    expect(desc.result.map((i) => i.id)).toEqual([...ids].reverse());
    const page = await dsc.listScanInstances(id, { page_size: 1, offset: 1 });
    expect(page).toMatchObject({ total_num: 3 });
    expect(page.result.map((i) => i.id)).toEqual([ids[1]]);
    for (const i of asc.result) {
      expect(i.task_end_time).toBe(i.task_create_time + RUN_MS);
      expect(i.error_msg).toBe('');
    }
  });

  it('iterateScanInstances walks several pages', async () => {
    const id = await withRuns(5);
    h.mock.clearRequests();
    const seen: TaskInstance[] = [];
    for await (const i of dsc.iterateScanInstances(id, { page_size: 2, reverse: true })) seen.push(i);
    expect(seen).toHaveLength(5);
    expect(seen.map((i) => i.task_create_time)).toEqual([...seen.map((i) => i.task_create_time)].sort((a, b) => b - a));
    const offsets = h.requests().map((e) => e.query['offset']);
    expect(offsets).toEqual(['0', '2', '4']);
  });

  it('an unknown template is a NotFoundError (404 dsc.600000025)', async () => {
    for (const call of [
      dsc.listScanInstances(424_242),
      dsc.updateScanTask('424242', { task_description: 'x' }),
      dsc.startScanTask(424_242),
    ]) {
      const err = await rejection(call);
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).toMatchObject({ status: 404, errorCode: 'dsc.600000025' });
    }
  });
});

describe('waitForScanInstance', () => {
  it('follows the newest instance to SUCCESS while onProgress advances the mock clock', async () => {
    const { id } = await dsc.createScanTask(template('w', 'w', { start_now: true }));
    const seen: string[] = [];
    const done = await dsc.waitForScanInstance(id, {
      pollIntervalMs: 5,
      onProgress: (instance) => {
        seen.push(instance?.task_status ?? 'none');
        h.mock.clock.advance(10_000);
      },
    });
    expect(done).toMatchObject({ task_status: 'SUCCESS', trigger: 'MANUAL', error_msg: '' });
    expect(seen.slice(0, 3)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(seen.at(-1)).toBe('SUCCESS');
    // It polled with reverse=true&page_size=1.
    const polls = h.requests().filter((e) => e.operation === 'ListTaskInstances');
    expect(polls.length).toBe(seen.length);
    expect(polls[0]?.query).toMatchObject({ reverse: 'true', page_size: '1' });
  });

  it('waits while no instance exists yet, until a scheduled (ONCE, start_time in the future) run ends', async () => {
    const startS = Math.floor(h.mock.clock.now() / 1000) + 10;
    const { id } = await dsc.createScanTask(template('later', 'l', { start_time: startS }));
    const seen: string[] = [];
    const done = await dsc.waitForScanInstance(id, {
      pollIntervalMs: 5,
      onProgress: (instance) => {
        seen.push(instance?.task_status ?? 'none');
        h.mock.clock.advance(20_000);
      },
    });
    expect(seen[0]).toBe('none');
    expect(done).toMatchObject({ task_status: 'SUCCESS', trigger: 'SCHEDULE', task_create_time: startS * 1000 });
  });

  it('waits for a given instanceId, with the clock advanced from a timer', async () => {
    const { id } = await dsc.createScanTask(template('w2', 'w2', { start_now: true }));
    const [first] = (await dsc.listScanInstances(id)).result;
    const timer = setInterval(() => h.mock.clock.advance(5_000), 5);
    try {
      const done = await dsc.waitForScanInstance(id, { instanceId: first!.id, pollIntervalMs: 5 });
      expect(done.id).toBe(first!.id);
      expect(done.task_status).toBe('SUCCESS');
    } finally {
      clearInterval(timer);
    }
  });

  it('throws RunFailedError for an instance seeded unreachable in-process (setInstanceReachable)', async () => {
    h.mock.services.dsc.setInstanceReachable('rds-down', false);
    const { id } = await dsc.createScanTask(template('bad', 'rds-down', { start_now: true }));
    const err = await rejection(
      dsc.waitForScanInstance(id, { pollIntervalMs: 5, onProgress: () => h.mock.clock.advance(RUN_MS) }),
    );
    expect(err).toBeInstanceOf(RunFailedError);
    const e = err as RunFailedError<TaskInstance>;
    expect(e.status).toBe('FAILED');
    expect(e.errorMsg).toBe('Failed to connect to database instance rds-down');
    expect(e.instance.task_status).toBe('FAILED');
    expect(e.message).toContain('Failed to connect to database instance rds-down');
  });

  it('throws RunFailedError for an instance seeded unreachable through /__mock/dsc/instances/{ins_id}', async () => {
    const seed = await control(h.url, '/__mock/dsc/instances/pg-down', { reachable: false });
    expect(seed.status).toBe(200);
    const { id } = await dsc.createScanTask(
      template('bad2', 'ok-1', {
        data_sources: [
          { db_type: 'MySQL', ins_id: 'ok-1' },
          { db_type: 'PostgreSQL', ins_id: 'pg-down' },
        ],
      }),
    );
    await dsc.startScanTask(id);
    const err = await rejection(
      dsc.waitForScanInstance(id, { pollIntervalMs: 5, onProgress: () => h.mock.clock.advance(RUN_MS) }),
    );
    expect(err).toBeInstanceOf(RunFailedError);
    expect((err as RunFailedError).errorMsg).toBe('Failed to connect to database instance pg-down');
    // Reachable again: the next run succeeds.
    await control(h.url, '/__mock/dsc/instances/pg-down', { reachable: true });
    await dsc.startScanTask(id);
    const ok = await dsc.waitForScanInstance(id, { pollIntervalMs: 5, onProgress: () => h.mock.clock.advance(RUN_MS) });
    expect(ok.task_status).toBe('SUCCESS');
  });

  it('throws WaiterTimeoutError (with the last instance seen) when the run does not end in time', async () => {
    const { id } = await dsc.createScanTask(template('slow', 'slow', { start_now: true }));
    const err = await rejection(dsc.waitForScanInstance(id, { pollIntervalMs: 10, timeoutMs: 500 }));
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    const e = err as WaiterTimeoutError<TaskInstance>;
    expect(e.timeoutMs).toBe(500);
    expect(e.lastInstance?.task_status).toBe('RUNNING');
    expect(h.requests().filter((r) => r.operation === 'ListTaskInstances').length).toBeGreaterThan(1);
  });
});

describe('project state', () => {
  it('a project without DSC enabled answers 401 dsc.10000009 (AuthenticationError), via the seed route too', async () => {
    const projectId = h.mock.defaults.projectId;
    h.mock.services.dsc.setProjectEnabled(projectId, false);
    const err = await rejection(dsc.listScanTasks());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, errorCode: 'dsc.10000009' });
    expect((await control(h.url, `/__mock/dsc/projects/${projectId}`, { enabled: true })).status).toBe(200);
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
  });
});

describe('client-side validation', () => {
  it('rejects bad input with ValidationError before any I/O (the journal stays empty)', async () => {
    h.mock.clearRequests();
    const cases: Array<[Promise<unknown>, string]> = [
      [
        dsc.createScanTask(template('x', 'x', { data_sources: [{ db_type: 'FOO', ins_id: 'i' }] })),
        'data_sources[0].db_type',
      ],
      [dsc.createScanTask({ ...template('x'), schedule_type: 'daily' as never }), 'schedule_type'],
      [dsc.createScanTask(template('x', 'x', { start_time: Date.now() })), 'start_time'],
      [dsc.updateScanTask('abc', { task_name: 'y' }), 'templateId'],
      [dsc.deleteScanTasks([]), 'templateIds'],
      [dsc.deleteScanTasks(['1x']), 'templateIds'],
      [dsc.operateScanTask(1001, 'start' as never), 'action'],
      [dsc.listScanTasks({ task_name: '' }), 'task_name'],
    ];
    for (const [call, field] of cases) {
      const err = await rejection(call);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).message).toContain(field);
    }
    expect(h.mock.requests).toEqual([]);
  });
});
