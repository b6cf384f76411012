import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  CreateTaskTemplateRequestSchema,
  DataSourceSchema,
  DeleteTaskTemplatesRequestSchema,
  DSC_DB_TYPES,
  DscErrorBodySchema,
  isKnownDscDbType,
  ListTaskInstancesQuerySchema,
  ListTaskInstancesResponseSchema,
  ListTaskTemplatesQuerySchema,
  ListTaskTemplatesResponseSchema,
  OperateResultSchema,
  OperateTaskTemplateRequestSchema,
  ScanConfigSchema,
  UpdateTaskTemplateRequestSchema,
} from '../../src/dsc/schemas.js';

/** `path: message` of every issue, for compact assertions. */
function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

const valid = {
  task_name: 'scan',
  data_sources: [{ db_type: 'MySQL', ins_id: 'ins-1' }],
  schedule_type: 'DAY',
} as const;

describe('DSC_DB_TYPES', () => {
  test('is the known list of the sheet, matched case-insensitively', () => {
    expect(DSC_DB_TYPES).toHaveLength(22);
    expect(DSC_DB_TYPES).toContain('MS-SQL');
    expect(isKnownDscDbType('mysql')).toBe(true);
    expect(isKnownDscDbType('OPENGAUSS')).toBe(true);
    expect(isKnownDscDbType('FOO')).toBe(false);
  });
});

describe('CreateTaskTemplateRequestSchema', () => {
  test('accepts a minimal and a full body, unchanged (no defaults added)', () => {
    expect(CreateTaskTemplateRequestSchema.parse(valid)).toEqual(valid);
    const full = {
      ...valid,
      task_description: '',
      start_time: 2147483647,
      start_now: true,
      schedule_switch: false,
      delete_failed_meta: true,
      scan_config: { scan_tables: false, scan_system_db: true },
    };
    expect(CreateTaskTemplateRequestSchema.parse(full)).toEqual(full);
  });

  test('accepts known db types in any case and keeps the spelling', () => {
    const body = {
      ...valid,
      data_sources: [
        { db_type: 'postgresql', ins_id: 'a' },
        { db_type: 'dws', ins_id: 'a' },
      ],
    };
    expect(CreateTaskTemplateRequestSchema.parse(body).data_sources.map((d) => d.db_type)).toEqual([
      'postgresql',
      'dws',
    ]);
  });

  test('requires task_name, data_sources and schedule_type', () => {
    const out = issues(CreateTaskTemplateRequestSchema, {});
    expect(out).toEqual([
      'task_name: expected a string of 1 to 1024 characters',
      'data_sources: expected an array of data sources',
      'schedule_type: expected one of ONCE, DAY, WEEK, MONTH (exact upper case), got nothing',
    ]);
  });

  test('rejects a non-object body', () => {
    expect(issues(CreateTaskTemplateRequestSchema, [])).toEqual([': expected a JSON object (the template)']);
  });

  test('task_name length 1–1024, task_description ≤ 1024', () => {
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, task_name: '' })).toEqual([
      'task_name: expected 1 to 1024 characters',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, task_name: 'x'.repeat(1025) })).toEqual([
      'task_name: expected 1 to 1024 characters',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, task_name: 'x'.repeat(1024) })).toEqual([]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, task_description: 'x'.repeat(1025) })).toEqual([
      'task_description: expected at most 1024 characters',
    ]);
  });

  test('schedule_type is exact upper case', () => {
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, schedule_type: 'day' })).toEqual([
      "schedule_type: expected one of ONCE, DAY, WEEK, MONTH (exact upper case), got 'day'",
    ]);
  });

  test('an unknown db_type names the value and the accepted list', () => {
    const [msg, ...rest] = issues(CreateTaskTemplateRequestSchema, {
      ...valid,
      data_sources: [{ db_type: 'FOO', ins_id: 'i' }],
    });
    expect(rest).toEqual([]);
    expect(msg).toMatch(/^data_sources\.0\.db_type: 'FOO' is not a supported database type; expected one of MySQL, /);
    expect(msg).toContain('LTS (case-insensitive)');
    expect(issues(DataSourceSchema, { db_type: 7, ins_id: 'i' })[0]).toMatch(
      /^db_type: expected a database type string \(one of MySQL, .*\), got 7$/,
    );
  });

  test('data_sources: 1–100 items, ins_id 1–256 characters, both fields required', () => {
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, data_sources: [] })).toEqual([
      'data_sources: expected 1 to 100 data sources',
    ]);
    const many = Array.from({ length: 101 }, (_, i) => ({ db_type: 'MySQL', ins_id: `i${i}` }));
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, data_sources: many })).toEqual([
      'data_sources: expected 1 to 100 data sources',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, data_sources: many.slice(0, 100) })).toEqual([]);
    expect(issues(DataSourceSchema, { db_type: 'MySQL', ins_id: '' })).toEqual([
      'ins_id: expected 1 to 256 characters',
    ]);
    expect(issues(DataSourceSchema, { db_type: 'MySQL', ins_id: 'x'.repeat(257) })).toEqual([
      'ins_id: expected 1 to 256 characters',
    ]);
    expect(issues(DataSourceSchema, { db_type: 'MySQL' })).toEqual([
      'ins_id: expected an instance id string of 1 to 256 characters',
    ]);
  });

  test('a repeated (db_type case-insensitive, ins_id) pair is rejected at the repeat', () => {
    const body = {
      ...valid,
      data_sources: [
        { db_type: 'MySQL', ins_id: 'a' },
        { db_type: 'MySQL', ins_id: 'b' },
        { db_type: 'mysql', ins_id: 'a' },
      ],
    };
    expect(issues(CreateTaskTemplateRequestSchema, body)).toEqual([
      'data_sources.2: repeats data_sources[0] (mysql, a); expected each (db_type, ins_id) pair once (db_type compared case-insensitively)',
    ]);
    // Same instance id under another type, or another id under the same type, is fine.
    const ok = {
      ...valid,
      data_sources: [
        { db_type: 'DWS', ins_id: 'a' },
        { db_type: 'MySQL', ins_id: 'a' },
      ],
    };
    expect(issues(CreateTaskTemplateRequestSchema, ok)).toEqual([]);
  });

  test('start_time is epoch seconds 0–2147483647, with a hint for milliseconds', () => {
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_time: 0 })).toEqual([]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_time: -1 })).toEqual([
      'start_time: expected epoch seconds from 0 to 2147483647',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_time: 1767225600000 })).toEqual([
      'start_time: expected epoch seconds from 0 to 2147483647, got 1767225600000; the unit is seconds, not milliseconds (did you mean 1767225600?)',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_time: 2147483648 })).toEqual([
      'start_time: expected epoch seconds from 0 to 2147483647, got 2147483648; the unit is seconds, not milliseconds',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_time: 1.5 })).toEqual([
      'start_time: expected an integer number of epoch seconds, got 1.5',
    ]);
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_time: '1767225600' })).toEqual([
      "start_time: expected an integer number of epoch seconds, got '1767225600'",
    ]);
  });

  test('booleans must be JSON booleans', () => {
    expect(issues(CreateTaskTemplateRequestSchema, { ...valid, start_now: 'true' })).toEqual([
      "start_now: expected a JSON boolean (true or false), got 'true'",
    ]);
    expect(issues(ScanConfigSchema, { scan_views: 1 })).toEqual([
      'scan_views: expected a JSON boolean (true or false), got 1',
    ]);
  });

  test('unknown fields are ignored (stripped)', () => {
    expect(CreateTaskTemplateRequestSchema.parse({ ...valid, future_field: 1 })).toEqual(valid);
  });
});

describe('UpdateTaskTemplateRequestSchema', () => {
  test('every field is optional, present fields follow the create rules', () => {
    expect(UpdateTaskTemplateRequestSchema.parse({})).toEqual({});
    expect(UpdateTaskTemplateRequestSchema.parse({ schedule_switch: false })).toEqual({ schedule_switch: false });
    expect(issues(UpdateTaskTemplateRequestSchema, { task_name: '' })).toEqual([
      'task_name: expected 1 to 1024 characters',
    ]);
    expect(issues(UpdateTaskTemplateRequestSchema, { data_sources: [] })).toEqual([
      'data_sources: expected 1 to 100 data sources',
    ]);
    expect(issues(UpdateTaskTemplateRequestSchema, { schedule_type: 'YEAR' })).toEqual([
      "schedule_type: expected one of ONCE, DAY, WEEK, MONTH (exact upper case), got 'YEAR'",
    ]);
  });
});

describe('DeleteTaskTemplatesRequestSchema', () => {
  test('1–100 ids, integers or decimal strings', () => {
    expect(DeleteTaskTemplatesRequestSchema.parse([1001, '1002'])).toEqual([1001, '1002']);
    expect(issues(DeleteTaskTemplatesRequestSchema, [])).toEqual([': expected 1 to 100 template ids']);
    expect(
      issues(
        DeleteTaskTemplatesRequestSchema,
        Array.from({ length: 101 }, (_, i) => i),
      ),
    ).toEqual([': expected 1 to 100 template ids']);
    expect(issues(DeleteTaskTemplatesRequestSchema, [1001, 'abc', -1, 1.5])).toEqual([
      "1: expected a template id (a non-negative integer or a string of 1 to 19 decimal digits), got 'abc'",
      '2: expected a template id (a non-negative integer or a string of 1 to 19 decimal digits), got -1',
      '3: expected a template id (a non-negative integer or a string of 1 to 19 decimal digits), got 1.5',
    ]);
    expect(issues(DeleteTaskTemplatesRequestSchema, { ids: [1] })).toEqual([': expected an array of template ids']);
  });
});

describe('OperateTaskTemplateRequestSchema', () => {
  test('action is required, exact upper case', () => {
    expect(OperateTaskTemplateRequestSchema.parse({ action: 'START' })).toEqual({ action: 'START' });
    expect(issues(OperateTaskTemplateRequestSchema, { action: 'start' })).toEqual([
      "action: expected one of ENABLE, DISABLE, START (exact upper case), got 'start'",
    ]);
    expect(issues(OperateTaskTemplateRequestSchema, {})).toEqual([
      'action: expected one of ENABLE, DISABLE, START (exact upper case), got nothing',
    ]);
  });
});

describe('query schemas', () => {
  test('ListTaskTemplatesQuerySchema', () => {
    const q = { page_size: 0, offset: 10, limit: 5, task_name: 'x', schedule_types: ['DAY', 'ONCE'], id: 1001 };
    expect(ListTaskTemplatesQuerySchema.parse(q)).toEqual(q);
    expect(issues(ListTaskTemplatesQuerySchema, { page_size: -1 })).toEqual([
      'page_size: expected an integer from 0 to 2147483647',
    ]);
    expect(issues(ListTaskTemplatesQuerySchema, { page_size: 2147483648 })).toEqual([
      'page_size: expected an integer from 0 to 2147483647',
    ]);
    expect(issues(ListTaskTemplatesQuerySchema, { task_name: '' })).toEqual([
      'task_name: expected 1 to 256 characters',
    ]);
    expect(issues(ListTaskTemplatesQuerySchema, { task_name: 'x'.repeat(257) })).toEqual([
      'task_name: expected 1 to 256 characters',
    ]);
    expect(issues(ListTaskTemplatesQuerySchema, { schedule_types: ['HOURLY'] })).toEqual([
      "schedule_types.0: expected one of ONCE, DAY, WEEK, MONTH (exact upper case), got 'HOURLY'",
    ]);
    expect(issues(ListTaskTemplatesQuerySchema, { id: 2147483648 })).toEqual([
      'id: expected an integer from 0 to 2147483647',
    ]);
  });

  test('ListTaskInstancesQuerySchema', () => {
    expect(ListTaskInstancesQuerySchema.parse({ reverse: true, page_size: 10 })).toEqual({
      reverse: true,
      page_size: 10,
    });
    expect(issues(ListTaskInstancesQuerySchema, { reverse: 'yes' })).toEqual([
      "reverse: expected a JSON boolean (true or false), got 'yes'",
    ]);
    expect(issues(ListTaskInstancesQuerySchema, { offset: -5 })).toEqual([
      'offset: expected an integer from 0 to 2147483647',
    ]);
  });
});

describe('response schemas accept what the mock emits and keep unknown fields', () => {
  const detail = {
    id: 1001,
    task_name: 'scan',
    task_description: '',
    schedule_type: 'DAY',
    schedule_switch: true,
    start_time: 1767225600,
    scan_config: {
      scan_tables: true,
      scan_views: true,
      scan_comment: true,
      scan_column_constraints: false,
      scan_privileges: false,
      scan_system_db: false,
    },
    create_user: 'alice',
    data_source: ['ins-1'],
    delete_failed_meta: false,
    last_trigger_time: null,
    last_end_time: null,
    data_sources: [{ db_type: 'SomethingNew', ins_id: 'ins-1' }],
    last_task_status: null,
    next_trigger_time: 1767312000000,
    create_time: 1767225600000,
    update_time: 1767225600000,
    newer_field: 'kept',
  };

  test('ListTaskTemplatesResponseSchema', () => {
    const parsed = ListTaskTemplatesResponseSchema.parse({ total_num: 1, result: [detail] });
    expect(parsed.result[0]).toEqual(detail);
  });

  test('ListTaskInstancesResponseSchema', () => {
    const inst = {
      id: 1,
      schedule_type: 'ONCE',
      task_status: 'RUNNING',
      task_create_time: 1,
      task_update_time: 1,
      task_end_time: null,
      error_msg: '',
      trigger: 'MANUAL',
    };
    expect(ListTaskInstancesResponseSchema.parse({ total_num: 1, result: [inst] }).result[0]).toEqual(inst);
    expect(
      ListTaskInstancesResponseSchema.safeParse({ total_num: 1, result: [{ ...inst, task_status: 'X' }] }).success,
    ).toBe(false);
  });

  test('OperateResultSchema and DscErrorBodySchema', () => {
    expect(OperateResultSchema.parse({ status: 'success', msg: '操作成功', id: '1001' }).id).toBe('1001');
    expect(OperateResultSchema.safeParse({ status: 'success', msg: 'ok', id: 1001 }).success).toBe(false);
    const gw = { error_code: 'APIGW.0301', error_msg: 'bad', request_id: 'r' };
    expect(DscErrorBodySchema.parse(gw)).toEqual(gw);
    expect(DscErrorBodySchema.safeParse({ error_code: 'dsc.1' }).success).toBe(false);
  });
});
