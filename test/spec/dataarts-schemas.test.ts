import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { withUnknownFields } from '../../src/core/api-promise.js';
import {
  AnyErrorBodySchema,
  CollectionTaskInputSchema,
  CollectionTaskSchema,
  CreateTaskResponseSchema,
  DataArtsErrorBodySchema,
  formatDataArtsIssues,
  GatewayErrorSchema,
  JobLogRequestSchema,
  JobLogResponseSchema,
  ScheduleConfigSchema,
  SearchTasksRequestSchema,
  SearchTasksResponseSchema,
  TaskActionSchema,
} from '../../src/dataarts/schemas.js';
import { codePointLength, parseScheduleTime, parseSearchTime } from '../../src/dataarts/times.js';

/** The vendor's published CreateTask example, verbatim in content (note "id": null). */
const published = {
  data_source_type: 'DLI',
  description: '',
  dir_id: '0',
  id: null,
  name: 'test采集110',
  schedule_config: { max_time_out: 10, schedule_type: 'RUN_ONCE' },
  task_config: {
    alive_object_policy: '3',
    data_connection_id: '14bb947454e64de784eadaab759081e8',
    data_connection_name: 'dli_test',
    databaseName: ['ygy1'],
    deleted_object_policy: '3',
    enableDataClassification: false,
    enableDataProfile: false,
    enable_table_filter_by_regex: false,
    tableName: ['ygy1.ygy'],
  },
  user_id: '0833a573fe80d5401f6dc010a775569a',
};

const minimal = {
  name: 'task',
  dir_id: '0',
  data_source_type: 'DLI',
  schedule_config: { schedule_type: 'RUN_ONCE' },
  task_config: {},
};

function cronTask(cron_expression: unknown) {
  return { ...minimal, schedule_config: { schedule_type: 'CRON', cron_expression, enabled: 1 } };
}

/** Messages of a failed parse; fails the test if the parse succeeded. */
function messages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  expect(r.success, `expected rejection of ${JSON.stringify(input)}`).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

function rejectsWith(schema: z.ZodType, input: unknown, ...fragments: string[]): void {
  const joined = messages(schema, input).join(' | ');
  for (const f of fragments) expect(joined).toContain(f);
}

describe('CollectionTaskInputSchema', () => {
  test('accepts the published example with "id": null and keeps it as sent', () => {
    const r = CollectionTaskInputSchema.safeParse(published);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(published);
    expect(r.data?.id).toBeNull();
  });

  test('accepts a body without user_id (Terraform omits it)', () => {
    const { user_id: _omit, ...body } = published;
    const r = CollectionTaskInputSchema.safeParse(body);
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty('user_id');
  });

  test('accepts null for every optional field', () => {
    const body = {
      ...minimal,
      id: null,
      description: null,
      user_id: null,
      user_name: null,
      duty_person: null,
      path: null,
      project_id: null,
      parameter_config: null,
      update_type: null,
      data_source_workspace_id: null,
      create_time: null,
      update_time: null,
      last_run_time: null,
      start_time: null,
      end_time: null,
      next_run_time: null,
      schedule_config: {
        schedule_type: 'RUN_ONCE',
        cron_expression: null,
        start_time: null,
        end_time: null,
        interval: null,
        max_time_out: null,
        enabled: null,
        job_id: null,
      },
    };
    expect(CollectionTaskInputSchema.safeParse(body).success).toBe(true);
  });

  test('accepts a task read back from the service (read-modify-write)', () => {
    const task = {
      ...published,
      id: '8a9480ed8353e491018354b87f63009e',
      user_name: 'u',
      path: '',
      project_id: 'p',
      create_time: '1775892315978',
      update_time: '1775892315978',
      last_run_time: null,
      next_run_time: null,
      schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0, job_id: 7 },
      some_future_field: { x: 1 },
    };
    const r = CollectionTaskInputSchema.safeParse(task);
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty('some_future_field');
  });

  test('requires name, dir_id, schedule_config, data_source_type and task_config', () => {
    for (const field of ['name', 'dir_id', 'schedule_config', 'data_source_type', 'task_config'] as const) {
      const body: Record<string, unknown> = { ...minimal };
      delete body[field];
      rejectsWith(CollectionTaskInputSchema, body, `${field}: is required`);
    }
  });

  test('name is 1–128 characters counted as code points, Unicode allowed', () => {
    rejectsWith(CollectionTaskInputSchema, { ...minimal, name: '' }, 'name: must not be empty');
    rejectsWith(CollectionTaskInputSchema, { ...minimal, name: 'a'.repeat(129) }, 'name: must be at most 128');
    expect(CollectionTaskInputSchema.safeParse({ ...minimal, name: 'a'.repeat(128) }).success).toBe(true);
    const emoji = '😀'.repeat(128); // 256 UTF-16 code units, 128 code points
    expect(codePointLength(emoji)).toBe(128);
    expect(CollectionTaskInputSchema.safeParse({ ...minimal, name: emoji }).success).toBe(true);
    rejectsWith(CollectionTaskInputSchema, { ...minimal, name: `${emoji}a` }, 'name: must be at most 128');
    rejectsWith(CollectionTaskInputSchema, { ...minimal, name: 123 }, 'name: expected a string, got 123');
  });

  test('description is at most 1024 characters', () => {
    expect(CollectionTaskInputSchema.safeParse({ ...minimal, description: 'd'.repeat(1024) }).success).toBe(true);
    rejectsWith(
      CollectionTaskInputSchema,
      { ...minimal, description: 'd'.repeat(1025) },
      'description: must be at most 1024',
    );
  });

  test('dir_id is non-empty and at most 64 characters', () => {
    rejectsWith(CollectionTaskInputSchema, { ...minimal, dir_id: '' }, 'dir_id: must not be empty');
    rejectsWith(CollectionTaskInputSchema, { ...minimal, dir_id: 'x'.repeat(65) }, 'dir_id: must be at most 64');
    expect(CollectionTaskInputSchema.safeParse({ ...minimal, dir_id: 'x'.repeat(64) }).success).toBe(true);
  });

  test('data_source_type is 1–64 letters, digits or _', () => {
    for (const ok of ['DLI', 'dws', 'HIVE_2', 'x'.repeat(64)]) {
      expect(CollectionTaskInputSchema.safeParse({ ...minimal, data_source_type: ok }).success).toBe(true);
    }
    for (const bad of ['', 'DL-I', 'DLI ', 'x'.repeat(65), 'ĐLI']) {
      rejectsWith(CollectionTaskInputSchema, { ...minimal, data_source_type: bad }, 'data_source_type: expected 1-64');
    }
  });

  test('task_config is any object; documented keys are type-checked, unknown keys kept', () => {
    const r = CollectionTaskInputSchema.safeParse({ ...minimal, task_config: { foo: { bar: [1] }, queue: 'default' } });
    expect(r.data?.task_config).toEqual({ foo: { bar: [1] }, queue: 'default' });
    rejectsWith(CollectionTaskInputSchema, { ...minimal, task_config: [] }, 'task_config: expected an object');
    rejectsWith(CollectionTaskInputSchema, { ...minimal, task_config: null }, 'task_config: expected an object');
    rejectsWith(
      CollectionTaskInputSchema,
      { ...minimal, task_config: { data_connection_id: 5 } },
      'task_config.data_connection_id: expected a string or null, got 5',
    );
    rejectsWith(
      CollectionTaskInputSchema,
      { ...minimal, task_config: { databaseName: 'db' } },
      'task_config.databaseName',
    );
  });

  test('the body must be an object', () => {
    rejectsWith(CollectionTaskInputSchema, [], 'body: expected a JSON object');
    rejectsWith(CollectionTaskInputSchema, undefined, 'body: is required');
  });
});

describe('ScheduleConfigSchema', () => {
  test('schedule_type is required and exact case', () => {
    rejectsWith(ScheduleConfigSchema, {}, 'schedule_config.schedule_type: is required');
    rejectsWith(
      ScheduleConfigSchema,
      { schedule_type: 'cron' },
      "schedule_config.schedule_type: expected 'RUN_ONCE' or 'CRON'",
      "'cron'",
    );
  });

  test('CRON requires a cron expression', () => {
    for (const missing of [undefined, null, '', '   ']) {
      rejectsWith(
        CollectionTaskInputSchema,
        cronTask(missing),
        "schedule_config.cron_expression: is required when schedule_type is 'CRON'",
      );
    }
  });

  test('accepts cron expressions of the subset', () => {
    for (const expr of ['00 */15 9-23 * * ?', '0 0 12 ? * MON-FRI', '0 0,30 8-18/2 1-15 JAN-JUN ?', '5 4 3 ? * 1,7']) {
      const r = CollectionTaskInputSchema.safeParse(cronTask(expr));
      expect(r.success, `${expr}: ${r.error?.message}`).toBe(true);
    }
  });

  test.each([
    ['0 0 12 L * ?', 'L'],
    ['0 0 12 15W * ?', '15W'],
    ['0 0 12 ? * 6#3', '6#3'],
    ['0 0 12 LW * ?', 'LW'],
    ['0 0 12 * * ? 2026', '2026'],
  ])('rejects %s naming the token %s', (expr, token) => {
    const msgs = messages(CollectionTaskInputSchema, cronTask(expr));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/^schedule_config\.cron_expression: /);
    expect(msgs[0]).toContain(token);
    const r = ScheduleConfigSchema.safeParse({ schedule_type: 'CRON', cron_expression: expr });
    expect(r.error?.issues[0]?.path).toEqual(['cron_expression']);
  });

  test('rejects other malformed cron expressions', () => {
    rejectsWith(CollectionTaskInputSchema, cronTask('0 0 12 * *'), 'schedule_config.cron_expression:', '6 fields');
    rejectsWith(CollectionTaskInputSchema, cronTask('0 60 12 ? * *'), 'schedule_config.cron_expression:', '60');
    rejectsWith(
      CollectionTaskInputSchema,
      cronTask(15),
      'schedule_config.cron_expression: expected a string or null, got 15',
    );
  });

  test('RUN_ONCE does not look at cron_expression', () => {
    const body = { ...minimal, schedule_config: { schedule_type: 'RUN_ONCE', cron_expression: 'whatever L' } };
    expect(CollectionTaskInputSchema.safeParse(body).success).toBe(true);
  });

  test('max_time_out is an integer ≥ 1 (minutes)', () => {
    const sc = (max_time_out: unknown) => ({ schedule_type: 'RUN_ONCE', max_time_out });
    for (const ok of [1, 10, 2147483647, null]) expect(ScheduleConfigSchema.safeParse(sc(ok)).success).toBe(true);
    rejectsWith(ScheduleConfigSchema, sc(0), 'schedule_config.max_time_out: expected an integer from 1');
    rejectsWith(ScheduleConfigSchema, sc(1.5), 'schedule_config.max_time_out: expected an integer', '1.5');
    rejectsWith(ScheduleConfigSchema, sc('10'), 'schedule_config.max_time_out:', "'10'");
    rejectsWith(ScheduleConfigSchema, sc(2147483648), 'schedule_config.max_time_out:');
  });

  test('enabled is 0, 1, 3 or 5', () => {
    for (const ok of [0, 1, 3, 5, null, undefined]) {
      expect(ScheduleConfigSchema.safeParse({ schedule_type: 'RUN_ONCE', enabled: ok }).success).toBe(true);
    }
    for (const bad of [2, 4, -1, '1', true]) {
      rejectsWith(
        ScheduleConfigSchema,
        { schedule_type: 'RUN_ONCE', enabled: bad },
        'schedule_config.enabled: expected 0, 1, 3 or 5',
      );
    }
  });

  test('window bounds accept the vendor format and ISO-8601', () => {
    for (const t of [
      '2026-04-14T00:00:00 +08',
      '2026-04-14T00:00:00Z',
      '2026-04-14T00:00:00+08:00',
      '2026-04-14T00:00:00.123-05:30',
    ]) {
      expect(ScheduleConfigSchema.safeParse({ schedule_type: 'RUN_ONCE', start_time: t, end_time: t }).success, t).toBe(
        true,
      );
    }
    for (const t of [
      '2026-04-14 00:00:00',
      '2026-02-30T00:00:00Z',
      '2026-04-14T24:00:00Z',
      'tomorrow',
      '2026-04-14T00:00:00',
    ]) {
      rejectsWith(
        ScheduleConfigSchema,
        { schedule_type: 'RUN_ONCE', end_time: t },
        'schedule_config.end_time:',
        'not a valid date-time',
      );
    }
  });
});

describe('time parsing helpers', () => {
  test('parseScheduleTime', () => {
    expect(parseScheduleTime('2026-04-14T00:00:00 +08')).toBe(Date.UTC(2026, 3, 13, 16));
    expect(parseScheduleTime('2026-04-14T00:00:00 +0800')).toBe(Date.UTC(2026, 3, 13, 16));
    expect(parseScheduleTime('2026-04-14T00:00:00Z')).toBe(Date.UTC(2026, 3, 14));
    expect(parseScheduleTime('2026-04-14T10:20:30.5-01:30')).toBe(Date.UTC(2026, 3, 14, 11, 50, 30, 500));
    expect(parseScheduleTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseScheduleTime('2025-02-29T00:00:00Z')).toBeUndefined();
    expect(parseScheduleTime('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(parseScheduleTime('2026-04-14T00:00:00 +19')).toBeUndefined();
  });

  test('parseSearchTime', () => {
    expect(parseSearchTime('1775892315978')).toBe(1775892315978);
    expect(parseSearchTime('2026-04-14T00:00:00Z')).toBe(Date.UTC(2026, 3, 14));
    expect(parseSearchTime('1234567890123456')).toBeUndefined();
    expect(parseSearchTime('-5')).toBeUndefined();
  });

  test('parseSearchTime: epoch ms of 1 to 15 digits, as the spec pattern says; 16 digits rejected', () => {
    expect(parseSearchTime('0')).toBe(0);
    expect(parseSearchTime('999999999999999')).toBe(999_999_999_999_999);
    expect(parseSearchTime('1000000000000000')).toBeUndefined();
    expect(SearchTasksRequestSchema.safeParse({ start_time: '999999999999999' }).success).toBe(true);
    expect(SearchTasksRequestSchema.safeParse({ end_time: '1000000000000000' }).success).toBe(false);
  });
});

describe('SearchTasksRequestSchema', () => {
  test('accepts an empty body, nulls and every filter', () => {
    expect(SearchTasksRequestSchema.safeParse({}).success).toBe(true);
    const all = {
      name: 'test',
      user_name: 'u',
      data_source_type: 'dli',
      data_connection_id: 'c',
      start_time: '1775892315978',
      end_time: '2026-04-14T00:00:00Z',
      directory_id: '0',
      bucket_name: 'b',
      limit: 1000,
      offset: 0,
    };
    expect(SearchTasksRequestSchema.parse(all)).toEqual(all);
    const nulls = Object.fromEntries(Object.keys(all).map((k) => [k, null]));
    expect(SearchTasksRequestSchema.safeParse(nulls).success).toBe(true);
  });

  test('limit is 1–1000 and offset ≥ 0, integers', () => {
    rejectsWith(SearchTasksRequestSchema, { limit: 0 }, 'limit: expected an integer from 1 to 1000');
    rejectsWith(SearchTasksRequestSchema, { limit: 1001 }, 'limit: expected an integer from 1 to 1000');
    rejectsWith(SearchTasksRequestSchema, { limit: 2.5 }, 'limit:');
    rejectsWith(SearchTasksRequestSchema, { offset: -1 }, 'offset: expected an integer from 0');
    expect(SearchTasksRequestSchema.safeParse({ limit: 1, offset: 5000 }).success).toBe(true);
  });

  test('time filters must be epoch ms or a date-time; unknown fields are dropped', () => {
    rejectsWith(SearchTasksRequestSchema, { start_time: 'yesterday' }, 'start_time:', 'not a valid time');
    expect(SearchTasksRequestSchema.parse({ page: 2, limit: 5 })).toEqual({ limit: 5 });
  });
});

describe('TaskActionSchema and JobLogRequestSchema', () => {
  test('actions are exact lower case', () => {
    for (const a of ['run', 'runimmediate', 'stop']) expect(TaskActionSchema.parse(a)).toBe(a);
    rejectsWith(TaskActionSchema, 'RUN', "action: expected 'run', 'runimmediate' or 'stop'");
    rejectsWith(TaskActionSchema, 'start', "'start'");
  });

  test('log request: published example, bridge_id required and non-empty', () => {
    const ex = { bridge_id: 'D0D87362B46C4DBB8D9F7E3511E69E45', classification_id: null };
    expect(JobLogRequestSchema.parse(ex)).toEqual(ex);
    rejectsWith(JobLogRequestSchema, { classification_id: 'x' }, 'bridge_id: is required');
    rejectsWith(JobLogRequestSchema, { bridge_id: '' }, 'bridge_id: must not be empty');
  });
});

describe('response schemas', () => {
  const task = {
    id: '8a9480ed8353e491018354b87f63009e',
    name: 'test采集110',
    dir_id: '0',
    data_source_type: 'DLI',
    schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 12 L * ?', enabled: 3, job_id: 1 },
    task_config: { data_connection_id: 'c', vendorKey: 1 },
    last_run_time: null,
    brand_new_field: 'kept',
  };

  test('CollectionTaskSchema keeps unknown fields and does not re-validate cron', () => {
    const r = CollectionTaskSchema.parse(task);
    expect(withUnknownFields(r)['brand_new_field']).toBe('kept');
    expect(r.task_config['vendorKey']).toBe(1);
    expect(r.schedule_config.enabled).toBe(3);
  });

  test('CollectionTaskSchema requires the identity fields and known enums', () => {
    const { id: _id, ...noId } = task;
    expect(CollectionTaskSchema.safeParse(noId).success).toBe(false);
    expect(
      CollectionTaskSchema.safeParse({ ...task, schedule_config: { schedule_type: 'CRON', enabled: 2 } }).success,
    ).toBe(false);
  });

  test('search, create and log responses', () => {
    expect(
      SearchTasksResponseSchema.parse({ count: 1, total_records: 3, max_records: 1000, resources: [task] }).resources,
    ).toHaveLength(1);
    expect(SearchTasksResponseSchema.safeParse({ count: 1, resources: [] }).success).toBe(false);
    expect(CreateTaskResponseSchema.parse({ task_id: 'abc', extra: 1 })).toEqual({ task_id: 'abc', extra: 1 });
    const log = {
      enable_bridge: true,
      enable_profile: false,
      enable_classification: false,
      bridge_status: 'SUCCESS',
      profile_status: '',
      classification_status: '',
      bridge_job_log: '2026-04-14 01:00:00.000 INFO done',
      profile_job_log: '',
      classification_job_log: '',
    };
    expect(JobLogResponseSchema.parse(log)).toEqual(log);
    expect(JobLogResponseSchema.safeParse({ ...log, enable_bridge: 'true' }).success).toBe(false);
  });

  test('error bodies: flat, errors[] and gateway', () => {
    expect(DataArtsErrorBodySchema.parse({ error_code: 'DLG.2253', error_msg: 'not found' })).toEqual({
      error_code: 'DLG.2253',
      error_msg: 'not found',
    });
    const list = { errors: [{ error_code: 'DLG.2253', error_msg: 'not found' }] };
    expect(DataArtsErrorBodySchema.parse(list)).toEqual(list);
    expect(DataArtsErrorBodySchema.safeParse({ errors: [] }).success).toBe(false);
    expect(DataArtsErrorBodySchema.safeParse({ message: 'x' }).success).toBe(false);
    const gw = { error_code: 'APIGW.0301', error_msg: 'bad signature', request_id: 'r' };
    expect(GatewayErrorSchema.parse(gw)).toEqual(gw);
    expect(GatewayErrorSchema.safeParse({ error_code: 'APIGW.0301', error_msg: 'x' }).success).toBe(false);
    expect(AnyErrorBodySchema.parse(gw)).toEqual(gw);
    expect(AnyErrorBodySchema.parse(list)).toEqual(list);
  });
});

describe('messages', () => {
  test('every issue message starts with the field it is about', () => {
    const bad = {
      name: '',
      dir_id: 7,
      data_source_type: 'a-b',
      description: 'x'.repeat(2000),
      schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 0 ? * 2#1', enabled: 9, max_time_out: 0 },
      task_config: { enableDataProfile: 'yes' },
      parameter_config: [{ type: 1 }],
    };
    const r = CollectionTaskInputSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const issues = r.error?.issues ?? [];
    expect(issues.length).toBeGreaterThanOrEqual(8);
    for (const iss of issues) {
      const field = iss.path
        .map((p) => (typeof p === 'number' ? '[]' : String(p)))
        .join('.')
        .replace(/\.\[\]/g, '[]');
      expect(iss.message.startsWith(`${field}:`), `${iss.message} should start with ${field}`).toBe(true);
    }
    const line = formatDataArtsIssues(r.error!);
    for (const f of [
      'name:',
      'dir_id:',
      'data_source_type:',
      'description:',
      'schedule_config.cron_expression:',
      'schedule_config.enabled:',
      'schedule_config.max_time_out:',
      'task_config.enableDataProfile:',
      'parameter_config[0].type: expected a string or null, got 1',
    ]) {
      expect(line).toContain(f);
    }
    expect(line.split('; ')).toHaveLength(issues.length);
  });
});

describe('the spec examples parse with the zod schemas', () => {
  const specPath = fileURLToPath(new URL('../../openapi/dataarts-catalog.yaml', import.meta.url));
  // biome-ignore lint/suspicious/noExplicitAny: walking a parsed YAML document
  const spec: any = parseYaml(readFileSync(specPath, 'utf8'));
  const ops = new Map<string, { requestBody?: unknown; responses: Record<string, unknown> }>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item as Record<string, { operationId: string }>)) {
      ops.set(op.operationId, op as never);
    }
  }
  // biome-ignore lint/suspicious/noExplicitAny: parsed YAML
  const op = (id: string): any => {
    const found = ops.get(id);
    if (!found) throw new Error(`operation ${id} missing from the spec`);
    return found;
  };
  // biome-ignore lint/suspicious/noExplicitAny: parsed YAML
  const examplesOf = (media: any): [string, unknown][] =>
    Object.entries(media?.examples ?? {}).map(([k, v]) => {
      // biome-ignore lint/suspicious/noExplicitAny: parsed YAML
      const ex = v as any;
      const resolved = ex.$ref ? spec.components.examples[String(ex.$ref).split('/').pop() as string] : ex;
      return [k, resolved.value];
    });

  const requestCases: [string, z.ZodType][] = [
    ['ShowTaskList', SearchTasksRequestSchema],
    ['CreateTask', CollectionTaskInputSchema],
    ['UpdateTaskInfo', CollectionTaskInputSchema],
    ['ShowInstanceLog', JobLogRequestSchema],
  ];
  test.each(requestCases)('%s request examples', (opId, schema) => {
    const media = op(opId).requestBody.content['application/json'];
    const examples = examplesOf(media);
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, value] of examples) {
      const r = schema.safeParse(value);
      expect(r.success, `${opId} example ${name}: ${r.error?.message}`).toBe(true);
      expect(r.data, `${opId} example ${name} parses unchanged`).toEqual(value);
    }
  });

  test('the published create example is in the spec unchanged', () => {
    const media = op('CreateTask').requestBody.content['application/json'];
    const ex = Object.fromEntries(examplesOf(media));
    expect(ex['published']).toEqual(published);
  });

  const responseCases: [string, z.ZodType][] = [
    ['ShowTaskList', SearchTasksResponseSchema],
    ['CreateTask', CreateTaskResponseSchema],
    ['ShowTaskInfo', CollectionTaskSchema],
    ['ShowInstanceLog', JobLogResponseSchema],
  ];
  test.each(responseCases)('%s 200 examples', (opId, schema) => {
    const media = op(opId).responses['200'].content['application/json'];
    const examples = examplesOf(media);
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, value] of examples) {
      expect(schema.safeParse(value).success, `${opId} example ${name}`).toBe(true);
    }
  });

  test('error response examples', () => {
    for (const [name, resp] of Object.entries(spec.components.responses)) {
      // biome-ignore lint/suspicious/noExplicitAny: parsed YAML
      for (const [ex, value] of examplesOf((resp as any).content['application/json'])) {
        expect(AnyErrorBodySchema.safeParse(value).success, `${name}/${ex}`).toBe(true);
      }
    }
  });

  test('the seven operations, each with the workspace header', () => {
    expect([...ops.keys()].sort()).toEqual(
      [
        'CreateTask',
        'DeleteTaskInfo',
        'ExecuteTaskAction',
        'ShowInstanceLog',
        'ShowTaskInfo',
        'ShowTaskList',
        'UpdateTaskInfo',
      ].sort(),
    );
    for (const [id, op] of ops) {
      // biome-ignore lint/suspicious/noExplicitAny: parsed YAML
      const params = ((op as any).parameters as { $ref?: string; name?: string }[]).map((p) => p.$ref ?? p.name);
      expect(params, id).toContain('#/components/parameters/Workspace');
    }
    expect(spec.components.parameters.Workspace).toMatchObject({ name: 'workspace', in: 'header', required: true });
  });
});
