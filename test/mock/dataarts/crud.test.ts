import { describe, expect, it } from 'vitest';
import { cronTask, harness, minimalTask, T0 } from './harness.js';

/** The vendor's published CreateTask example, as raw text ("id": null, Unicode name, no schedule enabled). */
const PUBLISHED_EXAMPLE = `{
  "id" : null,
  "name" : "test采集110",
  "description" : "",
  "user_id" : "0833a573fe80d5401f6dc010a775569a",
  "dir_id" : "0",
  "data_source_type" : "DLI",
  "schedule_config" : {
    "schedule_type" : "RUN_ONCE",
    "max_time_out" : 10
  },
  "task_config" : {
    "data_connection_id" : "14bb947454e64de784eadaab759081e8",
    "data_connection_name" : "dli_test",
    "databaseName" : [ "ygy1" ],
    "tableName" : [ "ygy1.ygy" ],
    "alive_object_policy" : "3",
    "deleted_object_policy" : "3",
    "enableDataProfile" : false,
    "enableDataClassification" : false,
    "enable_table_filter_by_regex" : false
  }
}`;

describe('workspace header', () => {
  it.each([
    ['missing', null],
    ['empty', ''],
    ['unknown', 'ffffffffffffffffffffffffffffffff'],
  ])('%s workspace → 400 DLG.0818 on every operation', async (_label, ws) => {
    const h = harness();
    const id = await h.create();
    const headers = { workspace: ws };
    const calls = [
      h.call('POST', `${h.base}/search`, {}, headers),
      h.call('POST', `${h.base}/create`, minimalTask(), headers),
      h.call('GET', `${h.base}/${id}`, undefined, headers),
      h.call('PUT', `${h.base}/${id}`, minimalTask(), headers),
      h.call('DELETE', `${h.base}/${id}`, undefined, headers),
      h.call('POST', `${h.base}/${id}/action?action=runimmediate`, undefined, headers),
      h.call('POST', `${h.base}/${id}/abc/log`, { bridge_id: 'X' }, headers),
    ];
    for (const r of await Promise.all(calls)) {
      expect(r.status).toBe(400);
      expect(r.json).toEqual({
        error_code: 'DLG.0818',
        error_msg: 'Processing failed. The workspace does not exist.',
      });
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    }
    expect((await h.show(id)).status).toBe(200);
  });

  it('workspace is checked before body validation', async () => {
    const h = harness();
    const r = await h.call('POST', `${h.base}/create`, '{not json', { workspace: null });
    expect(r.json.error_code).toBe('DLG.0818');
  });

  it('a task of another workspace is not found there (DLG.2253)', async () => {
    const h = harness();
    const other = h.svc.addWorkspace(h.project);
    const id = await h.create();
    const r = await h.show(id, { workspace: other });
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.2253');
    const del = await h.call('DELETE', `${h.base}/${id}`, undefined, { workspace: other });
    expect(del.json.error_code).toBe('DLG.2208');
    expect((await h.show(id)).status).toBe(200);
  });
});

describe('CreateTask', () => {
  it('accepts the published example byte for byte and echoes it', async () => {
    const h = harness();
    const r = await h.call('POST', `${h.base}/create`, PUBLISHED_EXAMPLE);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['task_id']);
    expect(r.json.task_id).toMatch(/^[0-9a-f]{32}$/);
    const show = await h.show(r.json.task_id);
    expect(show.status).toBe(200);
    expect(show.json).toEqual({
      id: r.json.task_id,
      name: 'test采集110',
      description: '',
      user_id: '0833a573fe80d5401f6dc010a775569a',
      user_name: h.mock.defaults.userName,
      duty_person: h.mock.defaults.userName,
      dir_id: '0',
      path: '',
      project_id: h.project,
      schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0, job_id: 1 },
      update_type: null,
      data_source_type: 'DLI',
      task_config: JSON.parse(PUBLISHED_EXAMPLE).task_config,
      data_source_workspace_id: h.workspace,
      create_time: String(T0),
      update_time: String(T0),
      last_run_time: null,
      start_time: null,
      end_time: null,
      next_run_time: null,
    });
  });

  it('a missing user_id defaults to the caller; duty_person and data_source_workspace_id default too', async () => {
    const h = harness();
    const id = await h.create(minimalTask());
    const t = (await h.show(id)).json;
    expect(t.user_id).toBe(h.mock.defaults.userId);
    expect(t.user_name).toBe(h.mock.defaults.userName);
    expect(t.duty_person).toBe(h.mock.defaults.userName);
    expect(t.data_source_workspace_id).toBe(h.workspace);
    expect(t.description).toBe('');
  });

  it('null optional fields mean absent; server-computed fields sent back are ignored', async () => {
    const h = harness();
    const id = await h.create(
      minimalTask({
        description: null,
        user_id: null,
        duty_person: null,
        parameter_config: null,
        update_type: null,
        data_source_workspace_id: null,
        user_name: 'someone-else',
        path: '/nowhere',
        project_id: 'other-project',
        create_time: '1',
        update_time: 42,
        last_run_time: { odd: true },
        start_time: 'x',
        end_time: null,
        next_run_time: '5',
        unknown_field: [1, 2, 3],
        schedule_config: {
          schedule_type: 'RUN_ONCE',
          cron_expression: null,
          start_time: null,
          end_time: null,
          interval: null,
          max_time_out: null,
          enabled: null,
          job_id: 999,
          extra: 'ignored',
        },
      }),
    );
    const t = (await h.show(id)).json;
    expect(t.description).toBe('');
    expect(t.user_id).toBe(h.mock.defaults.userId);
    expect(t.user_name).toBe(h.mock.defaults.userName);
    expect(t.path).toBe('');
    expect(t.project_id).toBe(h.project);
    expect(t.create_time).toBe(String(T0));
    expect(t.last_run_time).toBeNull();
    expect(t.update_type).toBeNull();
    expect(t).not.toHaveProperty('unknown_field');
    expect(t).not.toHaveProperty('parameter_config');
    expect(t.schedule_config).toEqual({ schedule_type: 'RUN_ONCE', enabled: 0, job_id: 1 });
  });

  it('stores given optional fields; path is "/" + dir_id off the root; job_id counts up', async () => {
    const h = harness();
    await h.create();
    const id = await h.create(
      minimalTask({
        description: 'd',
        user_id: 'u1',
        duty_person: 'alice',
        dir_id: 'dir42',
        parameter_config: [{ description: 'p', type: 't', task_id: 'x' }, { type: null }],
        update_type: 'INCREMENT',
        data_source_workspace_id: 'ws2',
        task_config: { data_connection_id: 'c', nested: { deep: [1, { a: null }] }, bucket_name: 'b' },
        schedule_config: {
          schedule_type: 'CRON',
          cron_expression: '00 */15 9-23 * * ?',
          start_time: '2026-04-14T00:00:00 +08',
          end_time: '2027-04-14T00:00:00Z',
          interval: '15 minutes',
          max_time_out: 60,
          enabled: 0,
        },
      }),
    );
    const t = (await h.show(id)).json;
    expect(t).toMatchObject({
      description: 'd',
      user_id: 'u1',
      duty_person: 'alice',
      dir_id: 'dir42',
      path: '/dir42',
      parameter_config: [{ description: 'p', type: 't', task_id: 'x' }, { type: null }],
      update_type: 'INCREMENT',
      data_source_workspace_id: 'ws2',
      task_config: { data_connection_id: 'c', nested: { deep: [1, { a: null }] }, bucket_name: 'b' },
      schedule_config: {
        schedule_type: 'CRON',
        cron_expression: '00 */15 9-23 * * ?',
        start_time: '2026-04-14T00:00:00 +08',
        end_time: '2027-04-14T00:00:00Z',
        interval: '15 minutes',
        max_time_out: 60,
        enabled: 0,
        job_id: 2,
      },
      next_run_time: null,
    });
  });

  it('accepts any application/json content type, or none', async () => {
    const h = harness();
    for (const ct of ['application/json', 'application/json; charset=utf-8', null]) {
      const r = await h.call('POST', `${h.base}/create`, minimalTask(), { 'Content-Type': ct });
      expect(r.status).toBe(200);
    }
  });

  it.each([
    ['malformed JSON', '{"name":', 'body: malformed JSON'],
    ['empty body', '', 'body: a JSON object is required'],
    ['array body', '[]', 'body: a JSON object is required'],
    ['missing name', minimalTask({ name: undefined }), 'name: is required'],
    ['empty name', minimalTask({ name: '' }), 'name: must be 1-128 characters, got 0'],
    ['long name', minimalTask({ name: 'x'.repeat(129) }), 'name: must be 1-128 characters, got 129'],
    ['numeric name', minimalTask({ name: 5 }), 'name: expected a string, got 5'],
    ['long description', minimalTask({ description: 'd'.repeat(1025) }), 'description: must be at most 1024'],
    ['user_id wrong type', minimalTask({ user_id: 7 }), 'user_id: expected a string'],
    ['missing dir_id', minimalTask({ dir_id: undefined }), 'dir_id: is required'],
    ['empty dir_id', minimalTask({ dir_id: '' }), 'dir_id: must be 1-64 characters'],
    ['long dir_id', minimalTask({ dir_id: 'd'.repeat(65) }), 'dir_id: must be 1-64 characters'],
    ['missing schedule_config', minimalTask({ schedule_config: undefined }), 'schedule_config: is required'],
    ['schedule_config array', minimalTask({ schedule_config: [] }), 'schedule_config: expected an object'],
    ['missing schedule_type', minimalTask({ schedule_config: {} }), 'schedule_config.schedule_type: is required'],
    [
      'lower-case schedule_type',
      minimalTask({ schedule_config: { schedule_type: 'cron' } }),
      "schedule_config.schedule_type: 'cron' is not one of RUN_ONCE, CRON",
    ],
    [
      'CRON without expression',
      minimalTask({ schedule_config: { schedule_type: 'CRON' } }),
      'schedule_config.cron_expression: is required when schedule_type is CRON',
    ],
    ['enabled 2', cronTask('0 0 0 * * ?', { enabled: 2 }), 'schedule_config.enabled: 2 is not one of 0, 1, 3, 5'],
    ['enabled string', cronTask('0 0 0 * * ?', { enabled: '1' }), 'schedule_config.enabled: expected an integer'],
    ['max_time_out 0', cronTask('0 0 0 * * ?', { max_time_out: 0 }), 'schedule_config.max_time_out: 0 is not'],
    ['max_time_out 1.5', cronTask('0 0 0 * * ?', { max_time_out: 1.5 }), 'schedule_config.max_time_out: expected'],
    [
      'bad start_time',
      cronTask('0 0 0 * * ?', { start_time: '2026-04-14 00:00:00' }),
      "schedule_config.start_time: '2026-04-14 00:00:00' is not a valid time",
    ],
    ['impossible end_time', cronTask('0 0 0 * * ?', { end_time: '2026-02-30T00:00:00Z' }), 'schedule_config.end_time:'],
    ['missing data_source_type', minimalTask({ data_source_type: undefined }), 'data_source_type: is required'],
    ['bad data_source_type', minimalTask({ data_source_type: 'D-LI' }), "data_source_type: 'D-LI' must be"],
    ['missing task_config', minimalTask({ task_config: undefined }), 'task_config: is required'],
    ['task_config array', minimalTask({ task_config: ['a'] }), 'task_config: expected an object, got an array'],
    ['parameter_config object', minimalTask({ parameter_config: {} }), 'parameter_config: expected an array'],
    [
      'parameter_config item type',
      minimalTask({ parameter_config: [{ type: 1 }] }),
      'parameter_config[0].type: expected a string',
    ],
    ['update_type number', minimalTask({ update_type: 1 }), 'update_type: expected a string'],
  ])('%s → 400 DLG.9001', async (_label, body, message) => {
    const h = harness();
    const before = h.state();
    const r = await h.call('POST', `${h.base}/create`, body);
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.9001');
    expect(r.json.error_msg).toContain(`Invalid parameter: ${message}`);
    expect(h.state()).toBe(before);
  });

  it('accepts a 128-character Unicode name and the schedule time formats of the sheet', async () => {
    const h = harness();
    await h.create(minimalTask({ name: '采'.repeat(128) }));
    for (const t of [
      '2026-04-14T00:00:00 +08',
      '2026-04-14T00:00:00+08',
      '2026-04-14T00:00:00Z',
      '2026-04-14T00:00:00.123Z',
      '2026-04-14T00:00:00+08:00',
      '2026-04-14T00:00:00-05:30',
    ]) {
      await h.create(cronTask('0 0 0 * * ?', { start_time: t }));
    }
  });

  it('quota: creating beyond max_records in the project → 400 DLG.9003 and nothing created', async () => {
    const h = harness({ settings: { dataartsMaxRecords: 3 } });
    const other = h.svc.addWorkspace(h.project);
    await h.create();
    await h.create();
    await h.create(minimalTask(), { workspace: other });
    const before = h.state();
    const r = await h.call('POST', `${h.base}/create`, minimalTask());
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.9003');
    expect(h.state()).toBe(before);
    const s = await h.call('POST', `${h.base}/search`, {});
    expect(s.json.max_records).toBe(3);
    expect(s.json.total_records).toBe(3);
    // Another project has its own quota.
    const p2 = h.mock.addProject();
    const token = h.mock.issueToken({ projectId: p2.id });
    const r2 = await h.call('POST', `/v3/${p2.id}/metadata/tasks/create`, minimalTask(), { 'X-Auth-Token': token });
    expect(r2.status).toBe(200);
  });

  it('creation never runs the task; CRON with enabled 1 starts scheduling (enabled 3)', async () => {
    const h = harness();
    const id = await h.create(cronTask('0 0 * * * ?'));
    const t = (await h.show(id)).json;
    expect(t.schedule_config.enabled).toBe(3);
    expect(t.next_run_time).toBe(String(T0 + 3_600_000));
    expect(t.last_run_time).toBeNull();
    expect((await h.instances(id)).json.instances).toEqual([]);
  });
});

describe('ShowTaskInfo / literal routes', () => {
  it('unknown id → 400 DLG.2253; GET …/tasks/create is a lookup that finds nothing', async () => {
    const h = harness();
    const r = await h.show('0123456789abcdef0123456789abcdef');
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.2253');
    expect(r.json.error_msg).toMatch(/task/);
    const c = await h.call('GET', `${h.base}/create`);
    expect(c.status).toBe(400);
    expect(c.json.error_code).toBe('DLG.2253');
    const s = await h.call('GET', `${h.base}/search`);
    expect(s.json.error_code).toBe('DLG.2253');
  });
});

describe('UpdateTaskInfo', () => {
  it('fully replaces client-settable fields; absent optionals reset; keeps id, creator, job_id, create_time', async () => {
    const h = harness();
    const id = await h.create(
      minimalTask({
        description: 'old',
        duty_person: 'bob',
        update_type: 'X',
        parameter_config: [{ type: 'a' }],
        data_source_workspace_id: 'w9',
      }),
    );
    h.advance(5_000);
    const r = await h.call('PUT', `${h.base}/${id}`, {
      id: 'ffffffffffffffffffffffffffffffff',
      name: 'renamed',
      dir_id: 'd1',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE', job_id: 77 },
      task_config: { data_connection_id: 'conn-2' },
    });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const t = (await h.show(id)).json;
    expect(t).toMatchObject({
      id,
      name: 'renamed',
      description: '',
      duty_person: h.mock.defaults.userName,
      dir_id: 'd1',
      path: '/d1',
      update_type: null,
      data_source_workspace_id: h.workspace,
      task_config: { data_connection_id: 'conn-2' },
      schedule_config: { schedule_type: 'RUN_ONCE', enabled: 0, job_id: 1 },
      create_time: String(T0),
      update_time: String(T0 + 5_000),
    });
    expect(t).not.toHaveProperty('parameter_config');
    expect((await h.show('ffffffffffffffffffffffffffffffff')).json.error_code).toBe('DLG.2253');
  });

  it('a different data_source_type → 400 DLG.9001 and nothing changes', async () => {
    const h = harness();
    const id = await h.create();
    const before = h.state();
    const r = await h.call('PUT', `${h.base}/${id}`, minimalTask({ name: 'new', data_source_type: 'DWS' }));
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.9001');
    expect(r.json.error_msg).toMatch(/^Invalid parameter: data_source_type: cannot be changed/);
    expect(h.state()).toBe(before);
  });

  it('unknown task → DLG.2253, but body validation comes first (DLG.9001)', async () => {
    const h = harness();
    const missing = '0123456789abcdef0123456789abcdef';
    expect((await h.call('PUT', `${h.base}/${missing}`, minimalTask())).json.error_code).toBe('DLG.2253');
    expect((await h.call('PUT', `${h.base}/${missing}`, { name: 'x' })).json.error_code).toBe('DLG.9001');
  });

  it('recomputes the schedule: CRON enabled 1/3/5 → scheduling, 0 → not scheduled; running instance unaffected', async () => {
    const h = harness();
    const id = await h.create(cronTask('0 0 * * * ?', { enabled: 0 }));
    expect((await h.show(id)).json.schedule_config.enabled).toBe(0);
    const run = await h.action(id, 'runimmediate');
    const instanceId = run.headers.get('x-mock-instance-id');
    for (const enabled of [5, 3, 1]) {
      await h.call('PUT', `${h.base}/${id}`, cronTask('0 30 * * * ?', { enabled: 0 }));
      expect((await h.show(id)).json.schedule_config.enabled).toBe(0);
      await h.call('PUT', `${h.base}/${id}`, cronTask('0 30 * * * ?', { enabled }));
      const t = (await h.show(id)).json;
      expect(t.schedule_config.enabled).toBe(3);
      expect(t.next_run_time).toBe(String(T0 + 30 * 60_000));
    }
    const inst = (await h.instances(id)).json.instances;
    expect(inst).toHaveLength(1);
    expect(inst[0]).toMatchObject({ instance_id: instanceId, status: 'RUNNING' });
    await h.call('PUT', `${h.base}/${id}`, minimalTask());
    const t = (await h.show(id)).json;
    expect(t.schedule_config.enabled).toBe(0);
    expect(t.next_run_time).toBeNull();
    h.advance(3 * 3_600_000);
    expect((await h.instances(id)).json.instances).toHaveLength(1);
  });
});

describe('DeleteTaskInfo', () => {
  it('deletes; a second delete → 400 DLG.2208; the task is gone everywhere', async () => {
    const h = harness();
    const id = await h.create();
    const r = await h.call('DELETE', `${h.base}/${id}`);
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const again = await h.call('DELETE', `${h.base}/${id}`);
    expect(again.status).toBe(400);
    expect(again.json.error_code).toBe('DLG.2208');
    expect((await h.show(id)).json.error_code).toBe('DLG.2253');
    expect((await h.call('POST', `${h.base}/search`, {})).json).toMatchObject({ count: 0, total_records: 0 });
    expect((await h.action(id, 'run')).json.error_code).toBe('DLG.2253');
    expect((await h.instances(id)).status).toBe(404);
  });

  it('stops scheduling and a running instance (STOPPED)', async () => {
    const h = harness();
    const id = await h.create(cronTask('0 * * * * ?'));
    h.advance(60_000);
    const [inst] = h.svc.listInstances(h.project, id) ?? [];
    expect(inst?.status).toBe('RUNNING');
    await h.call('DELETE', `${h.base}/${id}`);
    expect(h.svc.listInstances(h.project, id)).toBeUndefined();
    expect(h.svc.nextDueAt()).toBeUndefined();
    h.advance(10 * 60_000);
    expect(h.mock.errors).toEqual([]);
  });
});
