/**
 * Zod schemas for Huawei Cloud DSC metadata scan task templates (openapi/dsc.yaml).
 *
 * Request schemas enforce every rule the mock applies that a client can check before any I/O, with
 * messages that say what was expected (the issue path names the field). They apply no defaults: the server fills
 * defaults, so `z.input` and `z.output` of a request schema are the same type, and both equal the generated type.
 * Response schemas are loose (`z.looseObject`): unknown fields are kept, and they accept what the mock emits.
 * test/spec/dsc-types.test-d.ts pins every schema to the generated type.
 */
import { z } from 'zod';
import { describeValue, INT32_MAX } from '../core/format.js';
import { keptObject } from '../core/kept-object.js';
import type { components, operations } from '../generated/dsc.js';

type Schemas = components['schemas'];

/** Database types the mock knows, matched case-insensitively and stored as sent. */
export const DSC_DB_TYPES = [
  'MySQL',
  'SQLServer',
  'MSSQL',
  'MS-SQL',
  'PostgreSQL',
  'Greenplum',
  'Oracle',
  'DWS',
  'DLI',
  'Hive',
  'MRS_HIVE',
  'HBase',
  'MongoDB',
  'DDS',
  'openGauss',
  'GaussDB',
  'KingBase',
  'DMDBMS',
  'TDSQL',
  'Elasticsearch',
  'ES',
  'LTS',
] as const;

export const DSC_SCHEDULE_TYPES = ['ONCE', 'DAY', 'WEEK', 'MONTH'] as const;
export const DSC_TEMPLATE_ACTIONS = ['ENABLE', 'DISABLE', 'START'] as const;
export const DSC_TASK_STATUSES = ['RUNNING', 'SUCCESS', 'FAILED'] as const;

/**
 * A known db type, or any other string (the union is widened so that new engines still type-check).
 * @useDeclaredType
 */
export type DscDbType = Schemas['DscDbType'];
/**
 * How often a DSC template runs: `ONCE`, `DAY`, `WEEK` or `MONTH` (exact upper case).
 * @useDeclaredType
 */
export type ScheduleType = Schemas['ScheduleType'];
/**
 * Operation on a DSC template: `ENABLE` (arm the schedule), `DISABLE` (disarm it) or `START` (run now).
 * @useDeclaredType
 */
export type TemplateAction = Schemas['TemplateAction'];
/**
 * Status of a DSC task instance: `RUNNING`, `SUCCESS` or `FAILED`.
 * @useDeclaredType
 */
export type TaskStatus = Schemas['TaskStatus'];

/**
 * One database instance to scan.
 * @useDeclaredType
 */
export type DataSource = Schemas['DataSource'];
/**
 * What a DSC scan reads; omitted keys default to `true` for tables, views and comments and `false` otherwise.
 * @useDeclaredType
 */
export type ScanConfig = Schemas['ScanConfig'];
/**
 * Body of {@link DscClient.createScanTask}.
 * @useDeclaredType
 */
export type CreateTaskTemplateRequest = Schemas['CreateTaskTemplateRequest'];
/**
 * Body of {@link DscClient.updateScanTask}: the create fields, all optional; present fields replace stored ones.
 * @useDeclaredType
 */
export type UpdateTaskTemplateRequest = Schemas['UpdateTaskTemplateRequest'];
/**
 * Filters and paging of {@link DscClient.listScanTasks}.
 * @useDeclaredType
 */
export type ListTaskTemplatesQuery = NonNullable<operations['ListTaskTemplates']['parameters']['query']>;
/**
 * Ids of the templates {@link DscClient.deleteScanTasks} deletes (1–100; unknown ids are ignored).
 * @useDeclaredType
 */
export type DeleteTaskTemplatesRequest = Schemas['DeleteTaskTemplatesRequest'];
/**
 * Body of the DSC `CreateOperate` call: the {@link TemplateAction} to perform.
 * @useDeclaredType
 */
export type OperateTaskTemplateRequest = Schemas['OperateTaskTemplateRequest'];
/**
 * Paging and order of {@link DscClient.listScanInstances}.
 * @useDeclaredType
 */
export type ListTaskInstancesQuery = NonNullable<operations['ListTaskInstances']['parameters']['query']>;
/**
 * Answer of every DSC write: the template id (a decimal string) or the deleted ids.
 * @useDeclaredType
 */
export type OperateResult = Schemas['OperateResult'];
/**
 * One DSC template, as listed by {@link DscClient.listScanTasks}.
 * @useDeclaredType
 */
export type TaskDetail = Schemas['TaskDetail'];
/**
 * One page of DSC templates with the total count.
 * @useDeclaredType
 */
export type ListTaskTemplatesResponse = Schemas['ListTaskTemplatesResponse'];
/**
 * One run (task instance) of a DSC template.
 * @useDeclaredType
 */
export type TaskInstance = Schemas['TaskInstance'];
/**
 * One page of DSC task instances with the total count.
 * @useDeclaredType
 */
export type ListTaskInstancesResponse = Schemas['ListTaskInstancesResponse'];
/** Error body of the DSC service (`error_code`, `error_msg`). */
export type DscErrorBody = Schemas['DscError'];

const KNOWN_DB_TYPES = new Map(DSC_DB_TYPES.map((t) => [t.toLowerCase(), t]));

/** True when `value` is one of DSC_DB_TYPES, compared case-insensitively. */
export function isKnownDscDbType(value: string): boolean {
  return KNOWN_DB_TYPES.has(value.toLowerCase());
}

/** Size bounds of DSC request fields ([mock] rules: the SDK and the mock check the same numbers). */
export const DSC_LIMITS = {
  taskNameMax: 1024,
  taskDescriptionMax: 1024,
  insIdMax: 256,
  dataSourcesMax: 100,
  deleteIdsMax: 100,
  listTaskNameMax: 256,
} as const;

/** A template id as the service reads it in paths and delete bodies: 1 to 19 decimal digits. */
export const DSC_TEMPLATE_ID_DIGITS = /^[0-9]{1,19}$/;

/** Path `project_id` rule [mock]: exactly 32 letters or digits. */
export const DSC_PROJECT_ID = /^[0-9A-Za-z]{32}$/;

/** What makes two data sources of one template the same: db_type compared case-insensitively, and ins_id. */
export function dscDataSourceKey(source: { db_type: string; ins_id: string }): string {
  return `${source.db_type.toLowerCase()}\u0000${source.ins_id}`;
}

const lengthBetween = (min: number, max: number) => `expected ${min} to ${max} characters`;

/** int32 query/body number: JSON integer within [min, INT32_MAX]. */
function int32(min = 0) {
  return z
    .int({ error: (iss) => `expected an integer from ${min} to ${INT32_MAX}, got ${describeValue(iss.input)}` })
    .min(min, { error: `expected an integer from ${min} to ${INT32_MAX}` })
    .max(INT32_MAX, { error: `expected an integer from ${min} to ${INT32_MAX}` });
}

function bool() {
  return z.boolean({ error: (iss) => `expected a JSON boolean (true or false), got ${describeValue(iss.input)}` });
}

const dbTypeList = DSC_DB_TYPES.join(', ');

/** db_type in requests: a known type (case-insensitive); the TS type is the widened union. */
const DbTypeSchema = z.custom<DscDbType>((v) => typeof v === 'string' && isKnownDscDbType(v), {
  error: (iss) =>
    typeof iss.input === 'string'
      ? `${describeValue(iss.input)} is not a supported database type; expected one of ${dbTypeList} (case-insensitive)`
      : `expected a database type string (one of ${dbTypeList}), got ${describeValue(iss.input)}`,
});

const ScheduleTypeSchema = z.enum(DSC_SCHEDULE_TYPES, {
  error: (iss) => `expected one of ONCE, DAY, WEEK, MONTH (exact upper case), got ${describeValue(iss.input)}`,
});

const TemplateActionSchema = z.enum(DSC_TEMPLATE_ACTIONS, {
  error: (iss) => `expected one of ENABLE, DISABLE, START (exact upper case), got ${describeValue(iss.input)}`,
});

const TaskStatusSchema = z.enum(DSC_TASK_STATUSES);

const { taskNameMax, taskDescriptionMax, insIdMax, dataSourcesMax, deleteIdsMax, listTaskNameMax } = DSC_LIMITS;

const TaskNameSchema = z
  .string({ error: `expected a string of 1 to ${taskNameMax} characters` })
  .min(1, { error: lengthBetween(1, taskNameMax) })
  .max(taskNameMax, { error: lengthBetween(1, taskNameMax) });

const TaskDescriptionSchema = z
  .string({ error: `expected a string of at most ${taskDescriptionMax} characters` })
  .max(taskDescriptionMax, { error: `expected at most ${taskDescriptionMax} characters` });

/** start_time: epoch seconds, 0–2147483647; a millisecond value gets a hint. */
const StartTimeSchema = z
  .int({ error: (iss) => `expected an integer number of epoch seconds, got ${describeValue(iss.input)}` })
  .min(0, { error: 'expected epoch seconds from 0 to 2147483647' })
  .max(INT32_MAX, {
    error: (iss) =>
      `expected epoch seconds from 0 to 2147483647, got ${describeValue(iss.input)}; the unit is seconds, not milliseconds` +
      (typeof iss.input === 'number' && iss.input > 1e11 ? ` (did you mean ${Math.floor(iss.input / 1000)}?)` : ''),
  });

export const DataSourceSchema = z.object({
  db_type: DbTypeSchema,
  ins_id: z
    .string({ error: `expected an instance id string of 1 to ${insIdMax} characters` })
    .min(1, { error: lengthBetween(1, insIdMax) })
    .max(insIdMax, { error: lengthBetween(1, insIdMax) }),
});

export const ScanConfigSchema = z.object({
  scan_tables: bool().optional(),
  scan_views: bool().optional(),
  scan_comment: bool().optional(),
  scan_column_constraints: bool().optional(),
  scan_privileges: bool().optional(),
  scan_system_db: bool().optional(),
});

/** 1–100 data sources without a repeated (db_type case-insensitive, ins_id) pair. */
const DataSourcesSchema = z
  .array(DataSourceSchema, { error: 'expected an array of data sources' })
  .min(1, { error: `expected 1 to ${dataSourcesMax} data sources` })
  .max(dataSourcesMax, { error: `expected 1 to ${dataSourcesMax} data sources` })
  .superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const key = dscDataSourceKey(item);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [i],
        input: item,
        message: `repeats data_sources[${first}] (${item.db_type}, ${item.ins_id}); expected each (db_type, ins_id) pair once (db_type compared case-insensitively)`,
      });
    });
  });

const templateFields = {
  task_name: TaskNameSchema,
  task_description: TaskDescriptionSchema.optional(),
  data_sources: DataSourcesSchema,
  schedule_type: ScheduleTypeSchema,
  start_time: StartTimeSchema.optional(),
  start_now: bool().optional(),
  schedule_switch: bool().optional(),
  delete_failed_meta: bool().optional(),
  scan_config: ScanConfigSchema.optional(),
};

export const CreateTaskTemplateRequestSchema = z.object(templateFields, {
  error: 'expected a JSON object (the template)',
});

/** Update merges: every field optional; each present field must be valid on its own. */
export const UpdateTaskTemplateRequestSchema = z.object(
  {
    ...templateFields,
    task_name: TaskNameSchema.optional(),
    data_sources: DataSourcesSchema.optional(),
    schedule_type: ScheduleTypeSchema.optional(),
  },
  { error: 'expected a JSON object (the fields to change)' },
);

export const ListTaskTemplatesQuerySchema = z.object({
  page_size: int32().optional(),
  offset: int32().optional(),
  limit: int32().optional(),
  task_name: z
    .string({ error: `expected a string of 1 to ${listTaskNameMax} characters` })
    .min(1, { error: lengthBetween(1, listTaskNameMax) })
    .max(listTaskNameMax, { error: lengthBetween(1, listTaskNameMax) })
    .optional(),
  schedule_types: z.array(ScheduleTypeSchema, { error: 'expected an array of schedule types' }).optional(),
  id: int32().optional(),
});

const templateIdMessage = (iss: { input?: unknown }) =>
  `expected a template id (a non-negative integer or a string of 1 to 19 decimal digits), got ${describeValue(iss.input)}`;

const TemplateIdValueSchema = z.union(
  [
    z.int().min(0, { error: templateIdMessage }),
    z.string().regex(DSC_TEMPLATE_ID_DIGITS, { error: templateIdMessage }),
  ],
  { error: templateIdMessage },
);

export const DeleteTaskTemplatesRequestSchema = z
  .array(TemplateIdValueSchema, { error: 'expected an array of template ids' })
  .min(1, { error: `expected 1 to ${deleteIdsMax} template ids` })
  .max(deleteIdsMax, { error: `expected 1 to ${deleteIdsMax} template ids` });

export const OperateTaskTemplateRequestSchema = z.object(
  { action: TemplateActionSchema },
  { error: 'expected a JSON object with an action' },
);

export const ListTaskInstancesQuerySchema = z.object({
  page_size: int32().optional(),
  reverse: bool().optional(),
  limit: int32().optional(),
  offset: int32().optional(),
});

/** Path `template_id`: 1–64 characters [doc]; the mock finds only decimal ids of up to 19 digits. */
export const DscTemplateIdSchema = TemplateIdValueSchema;

// ---------------------------------------------------------------------------------------------------------------
// Responses (loose: unknown fields kept)

export const OperateResultSchema = keptObject({
  status: z.string(),
  msg: z.string(),
  id: z.string(),
});

/** data_sources items in responses: any db_type string is accepted (stored as the client sent it). */
const DataSourceResultSchema = z.object({
  db_type: z.custom<DscDbType>((v) => typeof v === 'string', { error: 'expected a db_type string' }),
  ins_id: z.string(),
});

export const TaskDetailSchema = keptObject({
  id: z.int(),
  task_name: z.string(),
  task_description: z.string(),
  schedule_type: ScheduleTypeSchema,
  schedule_switch: z.boolean(),
  start_time: z.int(),
  scan_config: ScanConfigSchema,
  create_user: z.string(),
  data_source: z.array(z.string()),
  delete_failed_meta: z.boolean(),
  last_trigger_time: z.int().nullable(),
  last_end_time: z.int().nullable(),
  data_sources: z.array(DataSourceResultSchema).optional(),
  last_task_status: TaskStatusSchema.nullable().optional(),
  next_trigger_time: z.int().nullable().optional(),
  create_time: z.int().optional(),
  update_time: z.int().optional(),
});

export const ListTaskTemplatesResponseSchema = keptObject({
  total_num: z.int(),
  result: z.array(TaskDetailSchema),
});

export const TaskInstanceSchema = keptObject({
  id: z.int(),
  schedule_type: ScheduleTypeSchema,
  task_status: TaskStatusSchema,
  task_create_time: z.int(),
  task_update_time: z.int(),
  task_end_time: z.int().nullable(),
  error_msg: z.string(),
  trigger: z.enum(['MANUAL', 'SCHEDULE']).optional(),
});

export const ListTaskInstancesResponseSchema = keptObject({
  total_num: z.int(),
  result: z.array(TaskInstanceSchema),
});

/** DSC error body; also matches the gateway envelope (which adds `request_id`). */
export const DscErrorBodySchema = keptObject({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string().optional(),
});
