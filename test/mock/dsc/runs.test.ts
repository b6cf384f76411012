import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  BASE,
  createBody,
  createTemplate,
  directHarness,
  ds,
  getTemplate,
  instances,
  makeHarness,
  T0,
} from './harness.js';

describe.each(BACKENDS)('%s', (backend) => {
  const mk = (startMs?: number) => makeHarness(backend, startMs);

  const DAY = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const S0 = T0 / 1000;

  describe('DSC schedules', () => {
    it('ONCE in the future fires exactly once at start_time; ONCE not in the future never fires', async () => {
      const h = mk();
      const future = await createTemplate(h, { schedule_type: 'ONCE', start_time: S0 + 3600 });
      const now = await createTemplate(h, { schedule_type: 'ONCE', start_time: S0 });
      const past = await createTemplate(h, { schedule_type: 'ONCE', start_time: S0 - 3600 });
      expect((await getTemplate(h, future)).next_trigger_time).toBe(T0 + 3_600_000);
      expect((await getTemplate(h, now)).next_trigger_time).toBeNull();
      expect((await getTemplate(h, past)).next_trigger_time).toBeNull();
      h.advance(30 * DAY);
      const list = await instances(h, future);
      expect(list.map((i) => [i.trigger, i.task_create_time, i.task_status, i.schedule_type])).toEqual([
        ['SCHEDULE', T0 + 3_600_000, 'SUCCESS', 'ONCE'],
      ]);
      expect((await getTemplate(h, future)).next_trigger_time).toBeNull();
      expect(await instances(h, now)).toEqual([]);
      expect(await instances(h, past)).toEqual([]);
    });

    it('DAY with the default start_time first fires 24 h after creation; each passed point fires in order', async () => {
      const h = mk();
      const id = await createTemplate(h);
      h.advance(DAY - 1);
      expect(await instances(h, id)).toEqual([]);
      h.advance(1);
      expect((await instances(h, id)).map((i) => i.task_create_time)).toEqual([T0 + DAY]);
      h.advance(4 * DAY + 30_000);
      const list = await instances(h, id);
      expect(list.map((i) => i.task_create_time)).toEqual([1, 2, 3, 4, 5].map((k) => T0 + k * DAY));
      expect(list.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
      expect(list.every((i) => i.task_status === 'SUCCESS' && i.trigger === 'SCHEDULE')).toBe(true);
      expect(list.map((i) => i.task_end_time)).toEqual([1, 2, 3, 4, 5].map((k) => T0 + k * DAY + 30_000));
      const t = await getTemplate(h, id);
      expect(t.last_trigger_time).toBe(T0 + 5 * DAY);
      expect(t.last_end_time).toBe(T0 + 5 * DAY + 30_000);
      expect(t.last_task_status).toBe('SUCCESS');
      expect(t.next_trigger_time).toBe(T0 + 6 * DAY);
    });

    it('WEEK fires every 7 days from start_time (points at or before creation are not caught up)', async () => {
      const h = mk(T0 + 10 * DAY);
      const id = await createTemplate(h, { schedule_type: 'WEEK', start_time: S0 });
      expect((await getTemplate(h, id)).next_trigger_time).toBe(T0 + 14 * DAY);
      h.advance(17 * DAY);
      expect((await instances(h, id)).map((i) => i.task_create_time)).toEqual([T0 + 14 * DAY, T0 + 21 * DAY]);
    });

    it('MONTH clamps in UTC: Jan 31 → Feb 29 (leap) → Mar 31 → Apr 30', async () => {
      const start = Date.UTC(2028, 0, 31, 6, 0, 0);
      const h = mk(start - 1000);
      const id = await createTemplate(h, { schedule_type: 'MONTH', start_time: start / 1000 });
      h.setTime(Date.UTC(2028, 4, 1));
      expect((await instances(h, id)).map((i) => iso(i.task_create_time))).toEqual([
        '2028-01-31T06:00:00.000Z',
        '2028-02-29T06:00:00.000Z',
        '2028-03-31T06:00:00.000Z',
        '2028-04-30T06:00:00.000Z',
      ]);
      expect(iso((await getTemplate(h, id)).next_trigger_time)).toBe('2028-05-31T06:00:00.000Z');
    });

    it('MONTH in a non-leap year: Jan 31 → Feb 28 → Mar 31', async () => {
      const start = Date.UTC(2027, 0, 31, 0, 0, 0);
      const h = mk(start);
      const id = await createTemplate(h, { schedule_type: 'MONTH', start_time: start / 1000 });
      h.setTime(Date.UTC(2027, 3, 1));
      expect((await instances(h, id)).map((i) => iso(i.task_create_time))).toEqual([
        '2027-02-28T00:00:00.000Z',
        '2027-03-31T00:00:00.000Z',
      ]);
    });

    it('a point that finds an instance RUNNING is skipped, not queued', async () => {
      const h = mk();
      h.settings.dscRunDurationMs = 2 * DAY + 1000;
      const id = await createTemplate(h, { start_time: S0 });
      h.advance(6 * DAY);
      const list = await instances(h, id);
      // Points at 1 d, 4 d start runs (ending at 3 d + 1 s, 6 d + 1 s); points at 2 d, 3 d, 5 d, 6 d are skipped.
      expect(list.map((i) => [i.task_create_time, i.task_status])).toEqual([
        [T0 + DAY, 'SUCCESS'],
        [T0 + 4 * DAY, 'RUNNING'],
      ]);
      expect((await getTemplate(h, id)).next_trigger_time).toBe(T0 + 7 * DAY);
    });

    it('a run finishing at the same ms as the next point is finished first (the point is not skipped)', async () => {
      const h = mk();
      h.settings.dscRunDurationMs = DAY;
      const id = await createTemplate(h, { start_time: S0 });
      h.advance(3 * DAY);
      expect((await instances(h, id)).map((i) => [i.task_create_time, i.task_end_time])).toEqual([
        [T0 + DAY, T0 + 2 * DAY],
        [T0 + 2 * DAY, T0 + 3 * DAY],
        [T0 + 3 * DAY, null],
      ]);
    });

    it('events of several templates interleave in time order within one advance', async () => {
      const h = mk();
      h.settings.dscRunDurationMs = 12 * 3_600_000;
      const a = await createTemplate(h, { start_time: S0 });
      const b = await createTemplate(h, { start_time: S0 + 6 * 3600 });
      const c = await createTemplate(h, { schedule_type: 'ONCE', start_time: S0 + 30 * 3600 });
      h.advance(2 * DAY);
      const all = [];
      for (const t of [a, b, c]) for (const i of await instances(h, t)) all.push({ t, ...i });
      all.sort((x, y) => x.id - y.id);
      // Instance ids are allocated in firing order, which must be time order.
      expect(all.map((i) => [i.t, i.task_create_time - T0])).toEqual([
        [b, 6 * 3_600_000],
        [a, DAY],
        [b, DAY + 6 * 3_600_000],
        [c, 30 * 3_600_000],
        [a, 2 * DAY],
      ]);
    });

    it('no catch-up: DISABLE, time passes, ENABLE resumes after now; update recomputes from now', async () => {
      const h = mk();
      const id = await createTemplate(h, { start_time: S0 });
      await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'DISABLE' });
      h.advance(3 * DAY + 5);
      expect(await instances(h, id)).toEqual([]);
      await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'ENABLE' });
      expect((await getTemplate(h, id)).next_trigger_time).toBe(T0 + 4 * DAY);
      h.advance(DAY);
      expect((await instances(h, id)).map((i) => i.task_create_time)).toEqual([T0 + 4 * DAY]);
    });

    it('a disabled template reports next_trigger_time null and never fires', async () => {
      const h = mk();
      const id = await createTemplate(h, { start_time: S0, schedule_switch: false });
      h.advance(10 * DAY);
      expect(await instances(h, id)).toEqual([]);
      expect((await getTemplate(h, id)).next_trigger_time).toBeNull();
    });
  });

  describe('DSC runs', () => {
    it('start_now starts a MANUAL instance at creation, whatever schedule_switch says', async () => {
      const h = mk();
      for (const schedule_switch of [true, false]) {
        const id = await createTemplate(h, { start_now: true, schedule_switch });
        const [inst] = await instances(h, id);
        expect(inst).toMatchObject({ task_status: 'RUNNING', trigger: 'MANUAL', task_create_time: T0 });
        const t = await getTemplate(h, id);
        expect(t.last_trigger_time).toBe(T0);
        expect(t.last_task_status).toBe('RUNNING');
        expect(t.last_end_time).toBeNull();
      }
      h.advance(29_999);
      expect((await instances(h, 1001))[0].task_status).toBe('RUNNING');
      h.advance(1);
      expect((await instances(h, 1001))[0]).toMatchObject({ task_status: 'SUCCESS', task_end_time: T0 + 30_000 });
      expect((await getTemplate(h, 1002)).last_end_time).toBe(T0 + 30_000);
    });

    it('fails with the unreachable ins_id; recovers once reachable again (HTTP seed and method)', async () => {
      const h = mk();
      const seeded = await h.call('POST', '/__mock/dsc/instances/db-2', { reachable: false });
      expect(seeded).toEqual({ status: 200, body: { ins_id: 'db-2', reachable: false } });
      const id = await createTemplate(h, { data_sources: [ds('db-1'), ds('db-2', 'Oracle')], start_now: true });
      h.advance(30_000);
      const [inst] = await instances(h, id);
      expect(inst).toMatchObject({
        task_status: 'FAILED',
        error_msg: 'Failed to connect to database instance db-2',
        task_end_time: T0 + 30_000,
      });
      expect((await getTemplate(h, id)).last_task_status).toBe('FAILED');
      h.service.setInstanceReachable('db-2', true);
      await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' });
      h.advance(30_000);
      expect((await instances(h, id))[1]).toMatchObject({ task_status: 'SUCCESS', error_msg: '' });
    });

    it('reads the configuration stored when the instance started', async () => {
      const h = mk();
      h.service.setInstanceReachable('bad', false);
      const id = await createTemplate(h, { data_sources: [ds('good')], start_now: true });
      await h.call('PUT', `${BASE}/task-templates/${id}`, { data_sources: [ds('bad')], schedule_type: 'WEEK' });
      h.advance(30_000);
      expect((await instances(h, id))[0]).toMatchObject({ task_status: 'SUCCESS', schedule_type: 'DAY' });
      await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' });
      await h.call('PUT', `${BASE}/task-templates/${id}`, { data_sources: [ds('good')] });
      h.advance(30_000);
      expect((await instances(h, id))[1]).toMatchObject({
        task_status: 'FAILED',
        schedule_type: 'WEEK',
        error_msg: 'Failed to connect to database instance bad',
      });
    });

    it('an injected run fault fails the next run with its message, once', async () => {
      const h = mk();
      h.addRunFault('disk full', 'CreateOperate');
      const id = await createTemplate(h, { start_now: true, schedule_switch: false });
      h.advance(30_000);
      expect((await instances(h, id))[0].task_status).toBe('SUCCESS');
      await h.call('PUT', `${BASE}/task-template/${id}/action?action=START`);
      h.advance(30_000);
      await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' });
      h.advance(30_000);
      expect((await instances(h, id)).map((i) => [i.task_status, i.error_msg])).toEqual([
        ['SUCCESS', ''],
        ['FAILED', 'disk full'],
        ['SUCCESS', ''],
      ]);
    });

    it('the run duration setting is read when a run starts', async () => {
      const h = mk();
      h.settings.dscRunDurationMs = 5000;
      const id = await createTemplate(h, { start_now: true });
      h.settings.dscRunDurationMs = 999_999;
      h.advance(5000);
      expect((await instances(h, id))[0]).toMatchObject({ task_status: 'SUCCESS', task_end_time: T0 + 5000 });
    });
  });
});

describe('DSC wake (direct)', () => {
  it('routes never call wake() (the engine settles the clock after every route); restore and reset do', () => {
    const d = directHarness();
    const w0 = d.wakes();
    d.call('POST', `${BASE}/task-templates`, createBody({ start_time: T0 / 1000 }));
    expect(d.service.nextDueAt()).toBe(T0 + 86_400_000);
    d.call('GET', `${BASE}/task-templates`);
    d.call('POST', `${BASE}/task-templates`, createBody({ start_time: T0 / 1000 + 10 * 86_400 }));
    expect(d.service.nextDueAt()).toBe(T0 + 86_400_000);
    d.call('POST', `${BASE}/task-templates/1001/operate`, { action: 'START' });
    expect(d.service.nextDueAt()).toBe(T0 + 30_000);
    expect(d.wakes()).toBe(w0);
    d.service.restore(d.service.snapshot());
    expect(d.wakes()).toBe(w0 + 1);
    d.service.reset();
    expect(d.wakes()).toBe(w0 + 2);
    expect(d.service.nextDueAt()).toBeUndefined();
  });
});
