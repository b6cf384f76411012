import { describe, expect, it } from 'vitest';
import { cronTask, type Harness, harness, minimalTask, T0 } from './harness.js';

const MIN = 60_000;
const HOUR = 3_600_000;

async function instances(h: Harness, id: string) {
  const r = await h.instances(id);
  expect(r.status).toBe(200);
  return r.json.instances as {
    instance_id: string;
    bridge_id: string;
    status: string;
    trigger: string;
    start_time: number;
    end_time: number | null;
  }[];
}

async function log(h: Harness, id: string, instanceId: string, bridgeId: string) {
  return h.call('POST', `${h.base}/${id}/${instanceId}/log`, { bridge_id: bridgeId, classification_id: null });
}

describe('cron subset on create/update', () => {
  it.each([
    ['0 0 12 L * ?', "'L'"],
    ['0 0 12 15W * ?', "'15W'"],
    ['0 0 12 LW * ?', "'LW'"],
    ['0 0 12 ? * 6#3', "'6#3'"],
    ['0 0 12 * * ? 2026', "'2026'"],
    ['0 0 12 * *', 'exactly 6 fields'],
    ['0 0 12 * * *', "'?' is required"],
    ['0 0 24 * * ?', "'24'"],
    ['? 0 12 * * ?', "'?'"],
  ])('%s → 400 DLG.9001 naming %s', async (cron, token) => {
    const h = harness();
    const r = await h.call('POST', `${h.base}/create`, cronTask(cron));
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.9001');
    expect(r.json.error_msg).toMatch(/^Invalid parameter: schedule_config\.cron_expression: /);
    expect(r.json.error_msg).toContain(token);
    const id = await h.create(cronTask('0 0 * * * ?'));
    const before = h.state();
    const u = await h.call('PUT', `${h.base}/${id}`, cronTask(cron));
    expect(u.json.error_code).toBe('DLG.9001');
    expect(h.state()).toBe(before);
  });

  it('accepts the subset: names, steps, lists, leading zeros; RUN_ONCE stores an expression without parsing it', async () => {
    const h = harness();
    for (const cron of ['00 */15 9-23 * * ?', '0 0 8 ? JAN-MAR MON-FRI', '5,10 1/5 0-6/2 1,15 * ?', '0 0 0 ? * SUN']) {
      await h.create(cronTask(cron));
    }
    const id = await h.create(
      minimalTask({ schedule_config: { schedule_type: 'RUN_ONCE', cron_expression: 'L L L' } }),
    );
    expect((await h.show(id)).json.schedule_config.cron_expression).toBe('L L L');
  });
});

describe('ExecuteTaskAction', () => {
  it('runimmediate starts an instance (MANUAL) and returns X-Mock-Instance-Id / X-Mock-Bridge-Id', async () => {
    const h = harness();
    const id = await h.create();
    const r = await h.action(id, 'runimmediate');
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const instanceId = r.headers.get('x-mock-instance-id');
    const bridgeId = r.headers.get('x-mock-bridge-id');
    expect(instanceId).toMatch(/^[0-9a-f]{32}$/);
    expect(bridgeId).toMatch(/^[0-9A-F]{32}$/);
    expect(await instances(h, id)).toEqual([
      {
        instance_id: instanceId,
        bridge_id: bridgeId,
        status: 'RUNNING',
        trigger: 'MANUAL',
        start_time: T0,
        end_time: null,
      },
    ]);
    const t = (await h.show(id)).json;
    expect(t).toMatchObject({ last_run_time: String(T0), start_time: String(T0), end_time: null });
    expect(t.schedule_config.enabled).toBe(0);
  });

  it('a second start while RUNNING → 400 DLG.9002 (nothing changes); after the run duration it succeeds', async () => {
    const h = harness();
    const id = await h.create();
    await h.action(id, 'runimmediate');
    const before = h.state();
    for (const action of ['runimmediate', 'run']) {
      const r = await h.action(id, action);
      expect(r.status).toBe(400);
      expect(r.json.error_code).toBe('DLG.9002');
      expect(r.headers.get('x-mock-instance-id')).toBeNull();
    }
    expect(h.state()).toBe(before);
    h.advance(MIN - 1);
    expect((await instances(h, id))[0]?.status).toBe('RUNNING');
    h.advance(1);
    const [first] = await instances(h, id);
    expect(first).toMatchObject({ status: 'SUCCESS', end_time: T0 + MIN });
    expect((await h.show(id)).json.end_time).toBe(String(T0 + MIN));
    const again = await h.action(id, 'runimmediate');
    expect(again.status).toBe(200);
    expect(await instances(h, id)).toHaveLength(2);
  });

  it('run on RUN_ONCE = runimmediate; enabled always reads 0', async () => {
    const h = harness();
    const id = await h.create(minimalTask({ schedule_config: { schedule_type: 'RUN_ONCE', enabled: 1 } }));
    expect((await h.show(id)).json.schedule_config.enabled).toBe(0);
    const r = await h.action(id, 'run');
    expect(r.headers.get('x-mock-instance-id')).toMatch(/^[0-9a-f]{32}$/);
    expect((await instances(h, id))[0]?.trigger).toBe('MANUAL');
    expect((await h.show(id)).json.schedule_config.enabled).toBe(0);
    h.advance(24 * HOUR);
    expect(await instances(h, id)).toHaveLength(1);
  });

  it('CRON: run schedules (0 → 3, idempotent, no instance); stop pauses (3 → 5); run resumes (5 → 3)', async () => {
    const h = harness();
    const id = await h.create(cronTask('0 0 * * * ?', { enabled: 0 }));
    const enabled = async () => (await h.show(id)).json.schedule_config.enabled;
    expect(await enabled()).toBe(0);
    expect((await h.show(id)).json.next_run_time).toBeNull();
    const r = await h.action(id, 'run');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-mock-instance-id')).toBeNull();
    expect(await enabled()).toBe(3);
    expect((await h.show(id)).json.next_run_time).toBe(String(T0 + HOUR));
    h.advance(30 * MIN);
    await h.action(id, 'run'); // idempotent: keeps the pending point
    expect((await h.show(id)).json.next_run_time).toBe(String(T0 + HOUR));
    expect(await instances(h, id)).toEqual([]);
    await h.action(id, 'stop');
    expect(await enabled()).toBe(5);
    expect((await h.show(id)).json.next_run_time).toBeNull();
    await h.action(id, 'stop');
    expect(await enabled()).toBe(5);
    h.advance(2 * HOUR);
    expect(await instances(h, id)).toEqual([]);
    await h.action(id, 'run');
    expect(await enabled()).toBe(3);
    expect((await h.show(id)).json.next_run_time).toBe(String(T0 + 3 * HOUR));
  });

  it('stop ends a running instance as STOPPED, is idempotent, and 200 when nothing runs', async () => {
    const h = harness();
    const id = await h.create();
    expect((await h.action(id, 'stop')).status).toBe(200);
    const r = await h.action(id, 'runimmediate');
    h.advance(10_000);
    const s = await h.action(id, 'stop');
    expect(s.status).toBe(200);
    expect(s.headers.get('x-mock-instance-id')).toBeNull();
    expect((await instances(h, id))[0]).toMatchObject({ status: 'STOPPED', end_time: T0 + 10_000 });
    expect((await h.action(id, 'stop')).status).toBe(200);
    h.advance(5 * MIN);
    expect((await instances(h, id))[0]?.status).toBe('STOPPED');
    const l = await log(h, id, r.headers.get('x-mock-instance-id') ?? '', r.headers.get('x-mock-bridge-id') ?? '');
    expect(l.json.bridge_status).toBe('STOPPED');
    expect(l.json.bridge_job_log).toContain('2026-04-14 00:00:10.000 WARN Instance stopped by user');
    // stop on a CRON task that is not scheduling keeps enabled 0.
    const c = await h.create(cronTask('0 0 * * * ?', { enabled: 0 }));
    await h.action(c, 'stop');
    expect((await h.show(c)).json.schedule_config.enabled).toBe(0);
  });

  it.each([
    ['', 'action: is required'],
    ['?action=', 'action: is required'],
    ['?action=RUN', "action: 'RUN' is not one of run, runimmediate, stop"],
    ['?action=start', "action: 'start' is not one of"],
  ])('action query %j → 400 DLG.9001 before lookup', async (query, message) => {
    const h = harness();
    const id = await h.create();
    const r = await h.call('POST', `${h.base}/${id}/action${query}`);
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.9001');
    expect(r.json.error_msg).toContain(`Invalid parameter: ${message}`);
    const unknown = await h.call('POST', `${h.base}/0123456789abcdef0123456789abcdef/action${query}`);
    expect(unknown.json.error_code).toBe('DLG.9001');
  });

  it('unknown task → 400 DLG.2253', async () => {
    const h = harness();
    const r = await h.action('0123456789abcdef0123456789abcdef', 'runimmediate');
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.2253');
  });
});

describe('cron firing', () => {
  it('fires at each point in order while enabled is 3; several points in one advance; next_run_time follows', async () => {
    const h = harness();
    const id = await h.create(cronTask('0 */15 * * * ?'));
    h.advance(HOUR);
    const list = await instances(h, id);
    expect(list.map((i) => i.start_time)).toEqual([T0 + 60 * MIN, T0 + 45 * MIN, T0 + 30 * MIN, T0 + 15 * MIN]);
    expect(list.every((i) => i.trigger === 'SCHEDULE')).toBe(true);
    expect(list.slice(1).every((i) => i.status === 'SUCCESS' && i.end_time === i.start_time + MIN)).toBe(true);
    expect(list[0]?.status).toBe('RUNNING');
    const t = (await h.show(id)).json;
    expect(t.next_run_time).toBe(String(T0 + 75 * MIN));
    expect(t.last_run_time).toBe(String(T0 + HOUR));
    expect(t.schedule_config.enabled).toBe(3);
  });

  it('a point that finds an instance RUNNING is skipped; a run ending at a point frees it', async () => {
    const h = harness({ settings: { dataartsRunDurationMs: 90_000 } });
    const id = await h.create(cronTask('0 * * * * ?'));
    h.advance(5 * MIN);
    // Points every minute, runs of 90 s: 1, (2 skipped), 3, (4 skipped), 5.
    const starts = (await instances(h, id)).map((i) => (i.start_time - T0) / MIN).reverse();
    expect(starts).toEqual([1, 3, 5]);
    const h2 = harness({ settings: { dataartsRunDurationMs: MIN } });
    const id2 = await h2.create(cronTask('0 * * * * ?'));
    h2.advance(3 * MIN);
    expect((await instances(h2, id2)).map((i) => (i.start_time - T0) / MIN).reverse()).toEqual([1, 2, 3]);
  });

  it('runimmediate on a scheduled task blocks the next point while it runs', async () => {
    const h = harness({ settings: { dataartsRunDurationMs: 20 * MIN } });
    const id = await h.create(cronTask('0 */15 * * * ?'));
    h.advance(10 * MIN);
    await h.action(id, 'runimmediate');
    h.advance(20 * MIN);
    const list = (await instances(h, id)).reverse();
    expect(list.map((i) => [(i.start_time - T0) / MIN, i.trigger])).toEqual([
      [10, 'MANUAL'],
      [30, 'SCHEDULE'],
    ]);
  });

  it('fires only inside the start_time/end_time window (vendor +08 format)', async () => {
    const h = harness();
    // Window: 2026-04-14T02:00Z … 2026-04-14T04:00Z, hourly points.
    const id = await h.create(
      cronTask('0 0 * * * ?', { start_time: '2026-04-14T10:00:00 +08', end_time: '2026-04-14T12:00:00 +08' }),
    );
    expect((await h.show(id)).json.next_run_time).toBe(String(T0 + 2 * HOUR));
    h.advance(24 * HOUR);
    const starts = (await instances(h, id)).map((i) => (i.start_time - T0) / HOUR).reverse();
    expect(starts).toEqual([2, 3, 4]);
    const t = (await h.show(id)).json;
    expect(t.next_run_time).toBeNull();
    expect(t.schedule_config.enabled).toBe(3);
    expect(h.svc.nextDueAt()).toBeUndefined();
  });

  it('a window entirely in the past, or ending before it starts, never fires', async () => {
    const h = harness();
    const past = await h.create(cronTask('0 * * * * ?', { end_time: '2026-04-13T00:00:00Z' }));
    const backwards = await h.create(
      cronTask('0 * * * * ?', { start_time: '2026-04-14T02:00:00Z', end_time: '2026-04-14T01:00:00Z' }),
    );
    for (const id of [past, backwards]) expect((await h.show(id)).json.next_run_time).toBeNull();
    h.advance(3 * HOUR);
    for (const id of [past, backwards]) expect(await instances(h, id)).toEqual([]);
  });

  it('evaluates cron points in the configured time zone', async () => {
    const h = harness({ settings: { timeZone: 'Asia/Shanghai' } });
    const id = await h.create(cronTask('0 0 9 * * ?'));
    // 09:00 in Shanghai = 01:00Z.
    expect((await h.show(id)).json.next_run_time).toBe(String(T0 + HOUR));
  });

  it('enabled 0 on create does not schedule; deleting a scheduled task stops its firings', async () => {
    const h = harness();
    const off = await h.create(cronTask('0 * * * * ?', { enabled: 0 }));
    const on = await h.create(cronTask('0 * * * * ?'));
    h.advance(2 * MIN + 30_000);
    expect(await instances(h, off)).toEqual([]);
    expect(await instances(h, on)).toHaveLength(2);
    await h.call('DELETE', `${h.base}/${on}`);
    h.advance(HOUR);
    expect(h.svc.nextDueAt()).toBeUndefined();
    expect(h.mock.errors).toEqual([]);
  });
});

describe('run failures', () => {
  async function runOnce(h: Harness, body: Record<string, unknown>) {
    const id = await h.create(body);
    const r = await h.action(id, 'runimmediate');
    const instanceId = r.headers.get('x-mock-instance-id') ?? '';
    const bridgeId = r.headers.get('x-mock-bridge-id') ?? '';
    return { id, instanceId, bridgeId };
  }

  it('no data_connection_id → FAILED "data connection not specified" after the run duration', async () => {
    const h = harness();
    const { id, instanceId, bridgeId } = await runOnce(h, minimalTask({ task_config: { databaseName: ['x'] } }));
    h.advance(MIN);
    expect((await instances(h, id))[0]).toMatchObject({ status: 'FAILED', end_time: T0 + MIN });
    const l = (await log(h, id, instanceId, bridgeId)).json;
    expect(l.bridge_status).toBe('FAILED');
    expect(l.bridge_job_log).toContain('2026-04-14 00:01:00.000 ERROR data connection not specified');
  });

  it('unreachable connection (seeded over HTTP) → FAILED "Failed to connect to data connection <id>"', async () => {
    const h = harness();
    const seed = await h.call('POST', '/__mock/dataarts/connections/conn-1', { reachable: false });
    expect(seed.status).toBe(200);
    const { id, instanceId, bridgeId } = await runOnce(h, minimalTask());
    h.advance(MIN);
    expect((await instances(h, id))[0]?.status).toBe('FAILED');
    const l = (await log(h, id, instanceId, bridgeId)).json;
    expect(l.bridge_job_log).toContain('ERROR Failed to connect to data connection conn-1');
    // Reachable again: the next run succeeds.
    await h.call('POST', '/__mock/dataarts/connections/conn-1', { reachable: true });
    await h.action(id, 'runimmediate');
    h.advance(MIN);
    expect((await instances(h, id))[0]?.status).toBe('SUCCESS');
  });

  it('max_time_out shorter than the run duration → FAILED at the limit "timed out after N minutes"', async () => {
    const h = harness({ settings: { dataartsRunDurationMs: 5 * MIN } });
    const body = minimalTask({ schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 2 } });
    const { id, instanceId, bridgeId } = await runOnce(h, body);
    h.advance(2 * MIN - 1);
    expect((await instances(h, id))[0]?.status).toBe('RUNNING');
    h.advance(1);
    expect((await instances(h, id))[0]).toMatchObject({ status: 'FAILED', end_time: T0 + 2 * MIN });
    expect((await log(h, id, instanceId, bridgeId)).json.bridge_job_log).toContain(
      '2026-04-14 00:02:00.000 ERROR timed out after 2 minutes',
    );
    // A limit equal to the run duration is not exceeded.
    const ok = await runOnce(h, minimalTask({ schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 5 } }));
    h.advance(5 * MIN);
    expect((await instances(h, ok.id))[0]?.status).toBe('SUCCESS');
  });

  it('an injected run fault fails the next run with its message', async () => {
    const h = harness();
    h.mock.faults.inject({ service: 'dataarts', operation: 'ExecuteTaskAction', phase: 'run', message: 'boom' });
    const { id, instanceId, bridgeId } = await runOnce(h, minimalTask());
    h.advance(MIN);
    expect((await instances(h, id))[0]?.status).toBe('FAILED');
    expect((await log(h, id, instanceId, bridgeId)).json.bridge_job_log).toContain('ERROR boom');
    await h.action(id, 'runimmediate');
    h.advance(MIN);
    expect((await instances(h, id))[0]?.status).toBe('SUCCESS');
  });

  it('scheduled runs take faults armed for ScheduledRun', async () => {
    const h = harness();
    h.mock.faults.inject({ service: 'dataarts', operation: 'ScheduledRun', phase: 'run', message: 'sched-boom' });
    const id = await h.create(cronTask('0 * * * * ?'));
    h.advance(3 * MIN);
    expect((await instances(h, id)).map((i) => i.status).reverse()).toEqual(['FAILED', 'SUCCESS', 'RUNNING']);
  });
});

describe('ShowInstanceLog', () => {
  it('returns the log object; profile/classification follow task_config at instance start', async () => {
    const h = harness();
    const id = await h.create(
      minimalTask({
        task_config: { data_connection_id: 'conn-1', enableDataProfile: true, enableDataClassification: false },
      }),
    );
    const r = await h.action(id, 'runimmediate');
    const instanceId = r.headers.get('x-mock-instance-id') ?? '';
    const bridgeId = r.headers.get('x-mock-bridge-id') ?? '';
    // Changing task_config later does not change this instance.
    await h.call(
      'PUT',
      `${h.base}/${id}`,
      minimalTask({ task_config: { data_connection_id: 'conn-1', enableDataClassification: true } }),
    );
    const running = (await log(h, id, instanceId, bridgeId)).json;
    expect(running).toMatchObject({
      enable_bridge: true,
      enable_profile: true,
      enable_classification: false,
      bridge_status: 'RUNNING',
      profile_status: 'RUNNING',
      classification_status: '',
      classification_job_log: '',
    });
    h.advance(MIN);
    const done = await log(h, id, instanceId, bridgeId);
    expect(done.status).toBe(200);
    expect(Object.keys(done.json).sort()).toEqual(
      [
        'enable_bridge',
        'enable_profile',
        'enable_classification',
        'bridge_status',
        'profile_status',
        'classification_status',
        'bridge_job_log',
        'profile_job_log',
        'classification_job_log',
      ].sort(),
    );
    expect(done.json.bridge_status).toBe('SUCCESS');
    expect(done.json.profile_status).toBe('SUCCESS');
    const lines = (done.json.bridge_job_log as string).split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} (INFO|WARN|ERROR) \S/);
    expect(lines[0]).toBe(`2026-04-14 00:00:00.000 INFO Task ${id} instance ${instanceId} started (trigger MANUAL)`);
    expect(lines.at(-1)).toBe('2026-04-14 00:01:00.000 INFO Bridge job finished: SUCCESS');
    expect(done.json.profile_job_log).toMatch(
      /^2026-04-14 00:00:00\.000 INFO .*\n2026-04-14 00:01:00\.000 INFO .*SUCCESS$/,
    );
    // The next instance picks up the new task_config.
    const r2 = await h.action(id, 'runimmediate');
    const l2 = await log(h, id, r2.headers.get('x-mock-instance-id') ?? '', r2.headers.get('x-mock-bridge-id') ?? '');
    expect(l2.json).toMatchObject({ enable_profile: false, enable_classification: true, profile_job_log: '' });
  });

  it('errors: unknown task DLG.2253; foreign instance or wrong bridge DLG.9005; missing bridge_id DLG.9001', async () => {
    const h = harness();
    const a = await h.create();
    const b = await h.create();
    const ra = await h.action(a, 'runimmediate');
    const rb = await h.action(b, 'runimmediate');
    const ia = ra.headers.get('x-mock-instance-id') ?? '';
    const ba = ra.headers.get('x-mock-bridge-id') ?? '';
    const bb = rb.headers.get('x-mock-bridge-id') ?? '';
    expect((await log(h, '0123456789abcdef0123456789abcdef', ia, ba)).json.error_code).toBe('DLG.2253');
    const foreign = await log(h, b, ia, ba);
    expect(foreign.status).toBe(400);
    expect(foreign.json.error_code).toBe('DLG.9005');
    expect((await log(h, a, 'ffffffffffffffffffffffffffffffff', ba)).json.error_code).toBe('DLG.9005');
    expect((await log(h, a, ia, bb)).json.error_code).toBe('DLG.9005');
    const missing = await h.call('POST', `${h.base}/${a}/${ia}/log`, { classification_id: null });
    expect(missing.json).toEqual({ error_code: 'DLG.9001', error_msg: 'Invalid parameter: bridge_id: is required' });
    const wrongType = await h.call('POST', `${h.base}/${a}/${ia}/log`, { bridge_id: ba, classification_id: 5 });
    expect(wrongType.json.error_code).toBe('DLG.9001');
    expect((await log(h, a, ia, ba)).status).toBe(200);
  });
});
