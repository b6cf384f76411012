import { describe, expect, it } from 'vitest';
import { BACKENDS, BASE, createBody, createTemplate, ds, makeHarness, PROJECT } from './harness.js';

describe.each(BACKENDS)('%s', (backend) => {
  const mk = (startMs?: number) => makeHarness(backend, startMs);

  const invalid = (field: string) => new RegExp(`^Invalid parameter: ${field.replace(/[[\].]/g, '\\$&')}: `);

  describe('DSC create validation', () => {
    const cases: [string, unknown, string, RegExp?][] = [
      ['empty body', '', 'body'],
      ['malformed JSON', '{"task_name": ', 'body', /malformed JSON/],
      ['array body', '[1]', 'body', /expected a JSON object/],
      ['missing task_name', { data_sources: [ds()], schedule_type: 'DAY' }, 'task_name', /is required/],
      ['task_name wrong type', createBody({ task_name: 5 }), 'task_name', /expected a string, got 5/],
      ['task_name empty', createBody({ task_name: '' }), 'task_name', /1-1024/],
      ['task_name too long', createBody({ task_name: 'x'.repeat(1025) }), 'task_name', /1-1024/],
      ['task_description too long', createBody({ task_description: 'x'.repeat(1025) }), 'task_description'],
      ['task_description null', createBody({ task_description: null }), 'task_description', /got null/],
      ['missing data_sources', { task_name: 'a', schedule_type: 'DAY' }, 'data_sources', /is required/],
      ['data_sources not array', createBody({ data_sources: {} }), 'data_sources', /expected an array/],
      ['data_sources empty', createBody({ data_sources: [] }), 'data_sources', /1-100/],
      [
        'data_sources too many',
        createBody({ data_sources: Array.from({ length: 101 }, (_, i) => ds(`i${i}`)) }),
        'data_sources',
        /1-100/,
      ],
      ['data source not object', createBody({ data_sources: ['x'] }), 'data_sources[0]', /expected an object/],
      [
        'db_type unknown',
        createBody({ data_sources: [ds(), ds('b', 'FOO')] }),
        'data_sources[1].db_type',
        /'FOO' is not a supported database type \(accepted, case-insensitive: MySQL, SQLServer, .*LTS\)/,
      ],
      ['db_type missing', createBody({ data_sources: [{ ins_id: 'a' }] }), 'data_sources[0].db_type', /is required/],
      ['ins_id missing', createBody({ data_sources: [{ db_type: 'MySQL' }] }), 'data_sources[0].ins_id', /is required/],
      ['ins_id empty', createBody({ data_sources: [ds('')] }), 'data_sources[0].ins_id', /1-256/],
      ['ins_id too long', createBody({ data_sources: [ds('x'.repeat(257))] }), 'data_sources[0].ins_id', /1-256/],
      [
        'duplicate data source (db_type case-insensitive)',
        createBody({ data_sources: [ds('a', 'MySQL'), ds('a', 'mysql')] }),
        'data_sources[1]',
        /duplicates data_sources\[0\]/,
      ],
      ['missing schedule_type', { task_name: 'a', data_sources: [ds()] }, 'schedule_type', /is required/],
      [
        'schedule_type lower case',
        createBody({ schedule_type: 'day' }),
        'schedule_type',
        /'day' is not a schedule type/,
      ],
      ['start_time string', createBody({ start_time: '1700000000' }), 'start_time', /expected an integer/],
      ['start_time fraction', createBody({ start_time: 1.5 }), 'start_time', /expected an integer/],
      ['start_time negative', createBody({ start_time: -1 }), 'start_time', /out of range/],
      [
        'start_time in ms',
        createBody({ start_time: 1_767_225_600_000 }),
        'start_time',
        /epoch seconds, not milliseconds/,
      ],
      ['start_now string', createBody({ start_now: 'true' }), 'start_now', /expected a boolean/],
      ['schedule_switch number', createBody({ schedule_switch: 1 }), 'schedule_switch', /expected a boolean/],
      ['delete_failed_meta string', createBody({ delete_failed_meta: 'no' }), 'delete_failed_meta'],
      ['scan_config not object', createBody({ scan_config: [] }), 'scan_config', /expected an object/],
      [
        'scan_config key wrong type',
        createBody({ scan_config: { scan_views: 'yes' } }),
        'scan_config.scan_views',
        /expected a boolean/,
      ],
    ];

    for (const [name, body, field, problem] of cases) {
      it(`${name} → 400 naming ${field}, no state change`, async () => {
        const h = mk();
        const before = JSON.stringify(h.service.snapshot());
        for (const path of [`${BASE}/task-templates`, `${BASE}/task-template`]) {
          const r = await h.call('POST', path, body);
          expect(r.status).toBe(400);
          expect(r.body.error_code).toBe('dsc.40000011');
          expect(r.body.error_msg).toMatch(invalid(field));
          if (problem) expect(r.body.error_msg).toMatch(problem);
        }
        expect(JSON.stringify(h.service.snapshot())).toBe(before);
        // The id counter was not consumed either: the next create gets the first id.
        expect(await createTemplate(h)).toBe(1001);
      });
    }

    it('ignores unknown fields and accepts case-insensitive db_type, stored as sent', async () => {
      const h = mk();
      const id = await createTemplate(h, {
        extra: { nested: true },
        data_sources: [{ db_type: 'postgresql', ins_id: 'p1', whatever: 1 }],
        scan_config: { scan_privileges: true, bogus: 'x' },
      });
      const r = await h.call('GET', `${BASE}/task-templates?id=${id}`);
      const t = r.body.result[0];
      expect(t.data_sources).toEqual([{ db_type: 'postgresql', ins_id: 'p1' }]);
      expect(t).not.toHaveProperty('extra');
      expect(t.scan_config).toEqual({
        scan_tables: true,
        scan_views: true,
        scan_comment: true,
        scan_column_constraints: false,
        scan_privileges: true,
        scan_system_db: false,
      });
    });

    it('project_id must be 32 letters or digits', async () => {
      const h = mk();
      for (const p of ['short', `${PROJECT}0`, '0123456789abcdef0123456789abcde-']) {
        const r = await h.call('POST', `/v1/${p}/metadata/task-templates`, createBody());
        if (h.backend === 'engine') {
          // The engine's gateway refuses a path project the token is not scoped to before DSC sees it.
          expect(r.status).toBe(403);
        } else {
          expect(r.status).toBe(400);
          expect(r.body.error_msg).toMatch(invalid('project_id'));
        }
      }
    });
  });

  describe('DSC update / delete / operate / list validation', () => {
    it('update: types checked, merged result must pass create validation, nothing changes on failure', async () => {
      const h = mk();
      const id = await createTemplate(h);
      const before = JSON.stringify(h.service.snapshot());
      const bad: [unknown, string][] = [
        ['{', 'body'],
        [{ data_sources: [] }, 'data_sources'],
        [{ schedule_type: 'YEAR' }, 'schedule_type'],
        [{ task_name: '' }, 'task_name'],
        [{ schedule_switch: 'false' }, 'schedule_switch'],
        [{ scan_config: { scan_tables: null } }, 'scan_config.scan_tables'],
        [{ start_now: 1 }, 'start_now'],
        [{ start_time: 3_000_000_000 }, 'start_time'],
      ];
      for (const [body, field] of bad) {
        for (const path of [`${BASE}/task-templates/${id}`, `${BASE}/task-template/${id}`]) {
          const r = await h.call('PUT', path, body);
          expect(r.status).toBe(400);
          expect(r.body.error_msg).toMatch(invalid(field));
        }
      }
      expect(JSON.stringify(h.service.snapshot())).toBe(before);
    });

    it('delete: not an array, empty, >100 or non-numeric element → 400 naming the element', async () => {
      const h = mk();
      const id = await createTemplate(h);
      const before = JSON.stringify(h.service.snapshot());
      const bad: [unknown, RegExp][] = [
        ['', invalid('body')],
        ['nope', /malformed JSON/],
        [{ ids: [id] }, /expected a JSON array of template ids/],
        [[], /1-100/],
        [Array.from({ length: 101 }, () => id), /1-100/],
        [[id, 'abc'], invalid('body[1]')],
        [[id, -3], invalid('body[1]')],
        [[id, 1.5], invalid('body[1]')],
        [[id, null], invalid('body[1]')],
        [[id, '12a'], invalid('body[1]')],
      ];
      for (const [body, re] of bad) {
        const r = await h.call('DELETE', `${BASE}/task-templates`, body);
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe('dsc.40000011');
        expect(r.body.error_msg).toMatch(re);
      }
      expect(JSON.stringify(h.service.snapshot())).toBe(before);
    });

    it('operate: action required, exact upper case, body must be JSON; alias reads the query', async () => {
      const h = mk();
      const id = await createTemplate(h);
      const before = JSON.stringify(h.service.snapshot());
      const op = `${BASE}/task-templates/${id}/operate`;
      for (const body of ['', '{', {}, { action: 'start' }, { action: 1 }, { action: 'PAUSE' }]) {
        const r = await h.call('POST', op, body);
        expect(r.status).toBe(400);
        expect(r.body.error_msg).toMatch(typeof body === 'string' ? invalid('body') : invalid('action'));
      }
      for (const q of ['', '?action=', '?action=enable']) {
        const r = await h.call('PUT', `${BASE}/task-template/${id}/action${q}`, { action: 'START' });
        expect(r.status).toBe(400);
        expect(r.body.error_msg).toMatch(invalid('action'));
      }
      expect(JSON.stringify(h.service.snapshot())).toBe(before);
    });

    it('list queries: integers, schedule types, reverse, task_name length', async () => {
      const h = mk();
      const id = await createTemplate(h);
      const bad: [string, string][] = [
        ['page_size=-1', 'page_size'],
        ['page_size=abc', 'page_size'],
        ['page_size=2147483648', 'page_size'],
        ['limit=1.5', 'limit'],
        ['offset=x', 'offset'],
        ['id=abc', 'id'],
        ['id=2147483648', 'id'],
        ['schedule_types=DAY,HOURLY', 'schedule_types'],
        ['schedule_types=day', 'schedule_types'],
        [`task_name=${'x'.repeat(257)}`, 'task_name'],
      ];
      for (const [q, field] of bad) {
        const r = await h.call('GET', `${BASE}/task-templates?${q}`);
        expect(r.status, q).toBe(400);
        expect(r.body.error_msg).toMatch(invalid(field));
      }
      for (const q of ['reverse=yes', 'page_size=x', 'limit=-2', 'offset=1e3']) {
        const r = await h.call('GET', `${BASE}/task-templates/${id}/task-instances?${q}`);
        expect(r.status, q).toBe(400);
        expect(r.body.error_msg).toMatch(invalid(q.split('=')[0]!));
      }
    });
  });
});
