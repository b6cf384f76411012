import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  BASE,
  createBody,
  createTemplate,
  ds,
  getTemplate,
  type Harness,
  instances,
  makeHarness,
  OTHER_PROJECT,
  PROJECT,
  T0,
} from './harness.js';

describe.each(BACKENDS)('%s', (backend) => {
  const mk = (startMs?: number) => makeHarness(backend, startMs);

  describe('DSC create', () => {
    it('answers OperateResult with the id as a decimal string, ids from 1001, defaults applied', async () => {
      const h = mk(T0 + 1234);
      const r = await h.call('POST', `${BASE}/task-templates`, createBody());
      expect(r).toEqual({ status: 200, body: { status: 'success', msg: '操作成功', id: '1001' } });
      const r2 = await h.call('POST', `${BASE}/task-template`, createBody({ task_name: 'alias' }));
      expect(r2.body.id).toBe('1002');
      const t = await getTemplate(h, 1001);
      expect(t).toEqual({
        id: 1001,
        task_name: 'scan',
        task_description: '',
        create_user: h.expectedUser('alice'),
        data_source: ['ins-1'],
        data_sources: [{ db_type: 'MySQL', ins_id: 'ins-1' }],
        schedule_type: 'DAY',
        schedule_switch: true,
        start_time: Math.floor((T0 + 1234) / 1000),
        scan_config: {
          scan_tables: true,
          scan_views: true,
          scan_comment: true,
          scan_column_constraints: false,
          scan_privileges: false,
          scan_system_db: false,
        },
        delete_failed_meta: false,
        last_trigger_time: null,
        last_end_time: null,
        last_task_status: null,
        // start_time defaults to now in whole seconds; the first DAY point is 24 h after it.
        next_trigger_time: T0 + 1000 + 86_400_000,
        create_time: T0 + 1234,
        update_time: T0 + 1234,
      });
      expect((await getTemplate(h, 1002)).task_name).toBe('alias');
    });

    it('uses the caller user name for create_user and stores every given field', async () => {
      const h = mk();
      const r = await h.call(
        'POST',
        `${BASE}/task-templates`,
        createBody({
          task_description: 'd',
          data_sources: [ds('a', 'oracle'), ds('b', 'Hive')],
          schedule_type: 'WEEK',
          start_time: T0 / 1000 + 60,
          schedule_switch: false,
          delete_failed_meta: true,
          scan_config: { scan_tables: false },
        }),
        'bob',
      );
      const t = await getTemplate(h, Number(r.body.id));
      expect(t.create_user).toBe(h.expectedUser('bob'));
      expect(t.data_source).toEqual(['a', 'b']);
      expect(t.task_description).toBe('d');
      expect(t.schedule_switch).toBe(false);
      expect(t.next_trigger_time).toBeNull();
      expect(t.delete_failed_meta).toBe(true);
      expect(t.scan_config.scan_tables).toBe(false);
      expect(t.scan_config.scan_views).toBe(true);
    });
  });

  describe('DSC list', () => {
    const setup = async () => {
      const h = mk();
      const types = ['ONCE', 'DAY', 'WEEK', 'MONTH'];
      for (let i = 0; i < 12; i++) {
        await createTemplate(h, {
          task_name: i % 3 === 0 ? `Nightly-${i}` : `adhoc-${i}`,
          schedule_type: types[i % 4],
        });
      }
      return h;
    };
    const ids = async (h: Harness, q: string): Promise<number[]> => {
      const r = await h.call('GET', `${BASE}/task-templates${q}`);
      expect(r.status).toBe(200);
      return r.body.result.map((t: { id: number }) => t.id);
    };
    const total = async (h: Harness, q: string): Promise<number> =>
      (await h.call('GET', `${BASE}/task-templates${q}`)).body.total_num;

    it('ascending id, total before paging, page_size / limit / offset', async () => {
      const h = await setup();
      expect(await ids(h, '')).toEqual(Array.from({ length: 12 }, (_, i) => 1001 + i));
      expect(await total(h, '?page_size=2&offset=3')).toBe(12);
      expect(await ids(h, '?page_size=2&offset=3')).toEqual([1004, 1005]);
      expect(await ids(h, '?limit=3')).toEqual([1001, 1002, 1003]);
      expect(await ids(h, '?limit=3&page_size=1')).toEqual([1001]);
      expect(await ids(h, '?page_size=0')).toHaveLength(12);
      expect(await ids(h, '?offset=11&page_size=5')).toEqual([1012]);
      expect(await ids(h, '?offset=50')).toEqual([]);
      expect(await total(h, '?offset=50')).toBe(12);
    });

    it('page_size 0 means the default 100; larger values are honoured', async () => {
      const h = mk();
      for (let i = 0; i < 150; i++) await createTemplate(h);
      expect(await ids(h, '')).toHaveLength(100);
      expect(await ids(h, '?page_size=0')).toHaveLength(100);
      expect(await ids(h, '?page_size=1000')).toHaveLength(150);
    });

    it('filters: task_name case-insensitive substring, schedule_types repeated or comma-separated, id exact, AND', async () => {
      const h = await setup();
      expect(await ids(h, '?task_name=NIGHTLY')).toEqual([1001, 1004, 1007, 1010]);
      expect(await ids(h, '?task_name=ly-9')).toEqual([1010]);
      expect(await ids(h, '?schedule_types=WEEK')).toEqual([1003, 1007, 1011]);
      expect(await ids(h, '?schedule_types=WEEK&schedule_types=ONCE')).toEqual([1001, 1003, 1005, 1007, 1009, 1011]);
      expect(await ids(h, '?schedule_types=WEEK,ONCE')).toEqual([1001, 1003, 1005, 1007, 1009, 1011]);
      expect(await ids(h, '?schedule_types=WEEK,ONCE&page_size=2&offset=3')).toEqual([1007, 1009]);
      expect(await total(h, '?schedule_types=WEEK,ONCE&page_size=2')).toBe(6);
      expect(await ids(h, '?schedule_types=WEEK,ONCE&task_name=nightly')).toEqual([1001, 1007]);
      expect(await total(h, '?schedule_types=DAY&task_name=nightly&page_size=1')).toBe(1);
      expect(await ids(h, '?id=1005')).toEqual([1005]);
      expect(await ids(h, '?id=1005&schedule_types=DAY')).toEqual([]);
      expect(await ids(h, '?id=1004&task_name=night')).toEqual([1004]);
      expect(await ids(h, '?id=99')).toEqual([]);
      expect(await ids(h, '?task_name=')).toHaveLength(12);
    });

    it('is per project: another project sees nothing', async () => {
      const h = await setup();
      const r = await h.call('GET', `/v1/${OTHER_PROJECT}/metadata/task-templates`);
      expect(r.body).toEqual({ total_num: 0, result: [] });
    });

    it('schedule type indexes follow updates and deletes', async () => {
      const h = await setup();
      await h.call('PUT', `${BASE}/task-templates/1003`, { schedule_type: 'DAY' });
      await h.call('DELETE', `${BASE}/task-templates`, [1007]);
      expect(await ids(h, '?schedule_types=WEEK')).toEqual([1011]);
      expect(await ids(h, '?schedule_types=DAY')).toEqual([1002, 1003, 1006, 1010]);
      expect(await total(h, '')).toBe(11);
    });
  });

  describe('DSC update', () => {
    it('merges: present fields replace, scan_config key by key, data_sources whole, start_now ignored', async () => {
      const h = mk();
      const id = await createTemplate(h, {
        task_description: 'keep',
        data_sources: [ds('a'), ds('b')],
        scan_config: { scan_privileges: true },
      });
      h.advance(5000);
      for (const [path, name] of [
        [`${BASE}/task-templates/${id}`, 'renamed'],
        [`${BASE}/task-template/${id}`, 'renamed2'],
      ] as const) {
        const r = await h.call('PUT', path, {
          task_name: name,
          data_sources: [ds('c', 'Oracle')],
          scan_config: { scan_tables: false },
          start_now: true,
        });
        expect(r.body).toEqual({ status: 'success', msg: '操作成功', id: String(id) });
        const t = await getTemplate(h, id);
        expect(t.task_name).toBe(name);
        expect(t.task_description).toBe('keep');
        expect(t.data_sources).toEqual([{ db_type: 'Oracle', ins_id: 'c' }]);
        expect(t.scan_config).toMatchObject({ scan_tables: false, scan_views: true, scan_privileges: true });
        expect(t.update_time).toBe(T0 + 5000);
        expect(t.create_time).toBe(T0);
      }
      expect(await instances(h, id)).toEqual([]);
    });

    it('recomputes the next trigger from now (changed start_time / type)', async () => {
      const h = mk();
      const id = await createTemplate(h, { start_time: T0 / 1000 });
      expect((await getTemplate(h, id)).next_trigger_time).toBe(T0 + 86_400_000);
      h.advance(3 * 86_400_000 + 10);
      await h.call('PUT', `${BASE}/task-templates/${id}`, { schedule_type: 'WEEK' });
      expect((await getTemplate(h, id)).next_trigger_time).toBe(T0 + 7 * 86_400_000);
      await h.call('PUT', `${BASE}/task-templates/${id}`, { schedule_type: 'ONCE', start_time: T0 / 1000 + 100 });
      expect((await getTemplate(h, id)).next_trigger_time).toBeNull();
      await h.call('PUT', `${BASE}/task-templates/${id}`, { start_time: T0 / 1000 + 4 * 86_400 });
      expect((await getTemplate(h, id)).next_trigger_time).toBe(T0 + 4 * 86_400_000);
    });

    it('unknown / malformed / foreign template id → 404 dsc.600000025', async () => {
      const h = mk();
      const id = await createTemplate(h);
      for (const seg of ['999', 'abc', '1'.repeat(20), `${id}x`]) {
        const r = await h.call('PUT', `${BASE}/task-templates/${seg}`, { task_name: 'x' });
        expect(r.status).toBe(404);
        expect(r.body).toEqual({ error_code: 'dsc.600000025', error_msg: 'The template does not exist' });
      }
      const r = await h.call('PUT', `/v1/${OTHER_PROJECT}/metadata/task-templates/${id}`, { task_name: 'x' });
      expect(r.status).toBe(404);
    });
  });

  describe('DSC batch delete', () => {
    it('ints or decimal strings, duplicates and unknown ignored, id = deleted ids joined', async () => {
      const h = mk();
      const [a, b, c] = [await createTemplate(h), await createTemplate(h), await createTemplate(h)];
      const r = await h.call('DELETE', `${BASE}/task-templates`, [a, String(c), a, 424242, '9999999999999999999']);
      expect(r).toEqual({ status: 200, body: { status: 'success', msg: '操作成功', id: `${a},${c}` } });
      expect(await getTemplate(h, a)).toBeUndefined();
      expect((await getTemplate(h, b)).id).toBe(b);
      expect((await h.call('DELETE', `${BASE}/task-templates`, [a])).body.id).toBe('');
    });

    it("does not delete another project's templates", async () => {
      const h = mk();
      const a = await createTemplate(h);
      expect((await h.call('DELETE', `/v1/${OTHER_PROJECT}/metadata/task-templates`, [a])).body.id).toBe('');
      expect((await getTemplate(h, a)).id).toBe(a);
    });

    it('removes instances and discards a running instance (no completion event left)', async () => {
      const h = mk();
      const a = await createTemplate(h, { start_now: true, schedule_switch: false });
      expect(h.service.nextDueAt()).toBe(T0 + 30_000);
      await h.call('DELETE', `${BASE}/task-templates`, [a]);
      expect(h.service.nextDueAt()).toBeUndefined();
      expect((await h.call('GET', `${BASE}/task-templates/${a}/task-instances`)).status).toBe(404);
      h.advance(60_000);
      expect(h.service.snapshot()).toMatchObject({ templates: [], instances: [] });
    });
  });

  describe('DSC operate', () => {
    it('ENABLE / DISABLE are idempotent and arm / disarm the schedule; alias behaves the same', async () => {
      const h = mk();
      const id = await createTemplate(h, { start_time: T0 / 1000 });
      const op = async (action: string, alias = false) =>
        alias
          ? await h.call('PUT', `${BASE}/task-template/${id}/action?action=${action}`, 'ignored body')
          : await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action });
      for (const alias of [false, true]) {
        expect((await op('DISABLE', alias)).body).toEqual({ status: 'success', msg: '操作成功', id: String(id) });
        expect((await op('DISABLE', alias)).status).toBe(200);
        let t = await getTemplate(h, id);
        expect(t.schedule_switch).toBe(false);
        expect(t.next_trigger_time).toBeNull();
        h.advance(86_400_000);
        expect((await op('ENABLE', alias)).status).toBe(200);
        t = await getTemplate(h, id);
        expect(t.schedule_switch).toBe(true);
        // Resumes from the next point after now; the passed point is not caught up.
        expect(t.next_trigger_time).toBe(T0 + (alias ? 3 : 2) * 86_400_000);
        expect((await op('ENABLE', alias)).status).toBe(200);
        expect((await getTemplate(h, id)).next_trigger_time).toBe(t.next_trigger_time);
      }
      expect(await instances(h, id)).toEqual([]);
    });

    it('START starts a MANUAL instance regardless of schedule_switch; START while RUNNING → 400 dsc.40000028', async () => {
      const h = mk();
      const id = await createTemplate(h, { schedule_switch: false, schedule_type: 'MONTH' });
      expect((await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' })).status).toBe(200);
      const before = JSON.stringify(h.service.snapshot());
      for (const r of [
        await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' }),
        await h.call('PUT', `${BASE}/task-template/${id}/action?action=START`),
      ]) {
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ error_code: 'dsc.40000028', error_msg: 'task is running and cannot be dispatched' });
      }
      expect(JSON.stringify(h.service.snapshot())).toBe(before);
      const [inst] = await instances(h, id);
      expect(inst).toEqual({
        id: 1,
        schedule_type: 'MONTH',
        task_status: 'RUNNING',
        task_create_time: T0,
        task_update_time: T0,
        task_end_time: null,
        error_msg: '',
        trigger: 'MANUAL',
      });
      h.advance(30_000);
      expect((await h.call('PUT', `${BASE}/task-template/${id}/action?action=START`)).status).toBe(200);
      const list = await instances(h, id);
      expect(list.map((i) => [i.id, i.task_status, i.trigger])).toEqual([
        [1, 'SUCCESS', 'MANUAL'],
        [2, 'RUNNING', 'MANUAL'],
      ]);
      expect(list[0].task_end_time).toBe(T0 + 30_000);
    });

    it('unknown template → 404 on operate, alias and instance list', async () => {
      const h = mk();
      for (const r of [
        await h.call('POST', `${BASE}/task-templates/77/operate`, { action: 'START' }),
        await h.call('PUT', `${BASE}/task-template/77/action?action=START`),
        await h.call('GET', `${BASE}/task-templates/77/task-instances`),
      ]) {
        expect(r.status).toBe(404);
        expect(r.body.error_code).toBe('dsc.600000025');
      }
    });
  });

  describe('DSC instance list', () => {
    it('ascending by default, reverse (case-insensitive), page_size / limit / offset', async () => {
      const h = mk();
      const id = await createTemplate(h, { schedule_switch: false });
      for (let i = 0; i < 5; i++) {
        await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' });
        h.advance(60_000);
      }
      const list = async (q: string) => (await instances(h, id, q)).map((i) => i.id);
      expect(await list('')).toEqual([1, 2, 3, 4, 5]);
      expect(await list('?reverse=TRUE')).toEqual([5, 4, 3, 2, 1]);
      expect(await list('?reverse=false&page_size=2')).toEqual([1, 2]);
      expect(await list('?reverse=true&page_size=2&offset=1')).toEqual([4, 3]);
      expect(await list('?limit=2&offset=3')).toEqual([4, 5]);
      expect(await list('?limit=2&page_size=3')).toEqual([1, 2, 3]);
      expect(await list('?page_size=0')).toEqual([1, 2, 3, 4, 5]);
      expect(await list('?offset=9')).toEqual([]);
      expect((await h.call('GET', `${BASE}/task-templates/${id}/task-instances?page_size=1`)).body.total_num).toBe(5);
    });
  });

  describe('DSC project enablement and instance reachability seeds', () => {
    it('a disabled project answers 401 dsc.10000009 on every operation; seeds via control routes', async () => {
      const h = mk();
      const id = await createTemplate(h);
      const seed = await h.call('POST', `/__mock/dsc/projects/${PROJECT}`, { enabled: false });
      expect(seed).toEqual({ status: 200, body: { project_id: PROJECT, enabled: false } });
      const calls = [
        await h.call('POST', `${BASE}/task-templates`, createBody()),
        await h.call('POST', `${BASE}/task-template`, createBody()),
        await h.call('GET', `${BASE}/task-templates`),
        await h.call('PUT', `${BASE}/task-templates/${id}`, {}),
        await h.call('PUT', `${BASE}/task-template/${id}`, {}),
        await h.call('DELETE', `${BASE}/task-templates`, [id]),
        await h.call('POST', `${BASE}/task-templates/${id}/operate`, { action: 'START' }),
        await h.call('PUT', `${BASE}/task-template/${id}/action?action=START`),
        await h.call('GET', `${BASE}/task-templates/${id}/task-instances`),
      ];
      for (const r of calls) {
        expect(r.status).toBe(401);
        expect(r.body).toEqual({ error_code: 'dsc.10000009', error_msg: 'Current instance does not exist' });
      }
      expect((await h.call('GET', `/v1/${OTHER_PROJECT}/metadata/task-templates`)).status).toBe(200);
      h.service.setProjectEnabled(h.project, true);
      expect((await getTemplate(h, id)).id).toBe(id);
    });

    it('bad seed input → 400 {error}', async () => {
      const h = mk();
      for (const [path, body] of [
        [`/__mock/dsc/projects/${PROJECT}`, { enabled: 'no' }],
        [`/__mock/dsc/projects/${PROJECT}`, '{'],
        ['/__mock/dsc/projects/short', { enabled: false }],
        ['/__mock/dsc/instances/ins-1', { reachable: 0 }],
        ['/__mock/dsc/instances/ins-1', []],
        [`/__mock/dsc/instances/${'x'.repeat(257)}`, { reachable: false }],
      ] as const) {
        const r = await h.call('POST', path, body);
        expect(r.status).toBe(400);
        expect(typeof r.body.error).toBe('string');
      }
      expect(h.service.snapshot()).toMatchObject({ unreachableInstances: [], disabledProjects: [] });
    });
  });

  describe('DSC snapshot / restore / reset', () => {
    it('snapshot is plain JSON; restore rebuilds indexes and due events', async () => {
      const h = mk();
      const a = await createTemplate(h, { start_time: T0 / 1000, schedule_type: 'WEEK' });
      await createTemplate(h, { start_now: true, schedule_switch: false });
      h.service.setInstanceReachable('gone', false);
      const snap = JSON.parse(JSON.stringify(h.service.snapshot()));

      const h2 = mk(T0);
      h2.service.restore(snap);
      expect(h2.service.snapshot()).toEqual(snap);
      expect(h2.service.nextDueAt()).toBe(T0 + 30_000);
      expect(
        (await h2.call('GET', `${BASE}/task-templates?schedule_types=WEEK`)).body.result.map(
          (t: { id: number }) => t.id,
        ),
      ).toEqual([a]);
      h2.advance(7 * 86_400_000);
      expect((await instances(h2, a)).map((i) => [i.trigger, i.task_status])).toEqual([['SCHEDULE', 'RUNNING']]);
      expect((await instances(h2, 1002))[0].task_status).toBe('SUCCESS');
      // A new template does not reuse a restored id.
      expect(await createTemplate(h2)).toBe(1003);
    });

    it('reset wipes templates and instances, keeps seeds', async () => {
      const h = mk();
      await createTemplate(h, { start_now: true });
      h.service.setInstanceReachable('gone', false);
      h.service.setProjectEnabled(OTHER_PROJECT, false);
      h.service.reset();
      expect(h.service.nextDueAt()).toBeUndefined();
      expect(h.service.snapshot()).toEqual({
        version: 1,
        templates: [],
        instances: [],
        unreachableInstances: ['gone'],
        disabledProjects: [OTHER_PROJECT],
      });
    });

    it('errorResponse builds the DSC envelope', async () => {
      const h = mk();
      const req = {} as Parameters<typeof h.service.errorResponse>[3];
      expect(h.service.errorResponse(500, 'dsc.50000000', 'boom', req)).toEqual({
        status: 500,
        body: { error_code: 'dsc.50000000', error_msg: 'boom' },
      });
    });
  });
});
