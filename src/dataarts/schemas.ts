/**
 * Zod schemas for the DataArts Catalog metadata-collection-task API (openapi/dataarts-catalog.yaml).
 *
 * Every schema is type-equal to the generated type of the same name without `Schema` (z.input for request
 * schemas, z.output for response schemas; pinned by test/spec/dataarts-types.test-d.ts). Request schemas enforce
 * every [mock] rule of the spec that can be checked before I/O, so the SDK rejects what the mock would reject; the
 * mock's request checks call the rules exported here. Request schemas do not transform: what parses is what is
 * sent (`null` stays `null`, which the service reads as "absent").
 *
 * Messages are self-contained: each one starts with the dotted field name and says what was expected, e.g.
 * `schedule_config.cron_expression: unsupported token 'L' in day-of-month …`. `formatDataArtsIssues` joins them.
 *
 * Decisions where the vendor is silent:
 * - String lengths (`name` 1–128, `description` ≤ 1024, `dir_id` ≤ 64) count Unicode code points, as JSON Schema
 *   `maxLength` does, so the spec, ajv and these schemas agree.
 * - The cron expression is checked only when `schedule_type` is `CRON` (it is never used otherwise).
 * - Schedule window bounds must be real calendar times in the accepted formats (the mock has to evaluate them);
 *   search `start_time`/`end_time` must be epoch-ms digits (≤ 15) or the same date-time formats.
 * - The documented `task_config` keys are typed (as in the official examples, `null` allowed); other keys pass through.
 * - Response schemas are lenient where the real service may differ: unknown fields kept (`z.looseObject`), no
 *   format or cron checks, but required fields and enums are checked.
 */

import { z } from 'zod';
import { describeValue, formatPath, INT32_MAX } from '../core/format.js';
import { keptObject } from '../core/kept-object.js';
import { parseQuartzCron } from '../cron/quartz.js';
import type { components } from '../generated/dataarts-catalog.js';
import { optBool, optInt, optStringArray, optText, text, typeError } from './fields.js';
import { parseScheduleTime, parseSearchTime } from './times.js';

type Schemas = components['schemas'];

/**
 * When a DataArts collection task runs (`RUN_ONCE` or `CRON`, with its window and time-out).
 * @useDeclaredType
 */
export type ScheduleConfig = Schemas['ScheduleConfig'];
/**
 * What a DataArts collection task collects: an open object in the vendor's keys, stored and echoed verbatim.
 * @useDeclaredType
 */
export type TaskConfig = Schemas['TaskConfig'];
/**
 * One user-defined metadata entry of a DataArts collection task.
 * @useDeclaredType
 */
export type ParameterConfigItem = Schemas['ParameterConfigItem'];
/**
 * Body of {@link DataArtsCatalogClient.createCollectionTask} and {@link DataArtsCatalogClient.updateCollectionTask}.
 * @useDeclaredType
 */
export type CollectionTaskInput = Schemas['CollectionTaskInput'];
/**
 * Answer of {@link DataArtsCatalogClient.createCollectionTask}: the new task's id.
 * @useDeclaredType
 */
export type CreateTaskResponse = Schemas['CreateTaskResponse'];
/**
 * A DataArts collection task as read back; times are epoch milliseconds as decimal strings.
 * @useDeclaredType
 */
export type CollectionTask = Schemas['CollectionTask'];
/**
 * Filters and paging of {@link DataArtsCatalogClient.searchCollectionTasks}; all optional, combined with AND.
 * @useDeclaredType
 */
export type SearchTasksRequest = Schemas['SearchTasksRequest'];
/**
 * One page of DataArts collection tasks with the total count.
 * @useDeclaredType
 */
export type SearchTasksResponse = Schemas['SearchTasksResponse'];
/**
 * Action on a DataArts task: `runimmediate` (one run now), `run` (start scheduling) or `stop`.
 * @useDeclaredType
 */
export type TaskAction = Schemas['TaskAction'];
/**
 * Which jobs of a DataArts task run to read logs of.
 * @useDeclaredType
 */
export type JobLogRequest = Schemas['JobLogRequest'];
/**
 * Logs of the jobs of a DataArts task run.
 * @useDeclaredType
 */
export type JobLogResponse = Schemas['JobLogResponse'];
export type DataArtsError = Schemas['DataArtsError'];
export type DataArtsErrorList = Schemas['DataArtsErrorList'];
export type DataArtsErrorBody = Schemas['DataArtsErrorBody'];
export type GatewayError = Schemas['GatewayError'];
export type AnyErrorBody = Schemas['AnyErrorBody'];

// ---------------------------------------------------------------------------------------------------------------
// Message helpers and the rules the mock's request checks share

/** Longest task `name`, `description` and `dir_id`, in Unicode code points. */
export const TASK_TEXT_MAX = { name: 128, description: 1024, dir_id: 64 } as const;
/** What a `data_source_type` may be: 1-64 letters, digits or `_`. */
export const DATA_SOURCE_TYPE_PATTERN = /^[A-Za-z0-9_]{1,64}$/;
/** Largest search page (`limit`); anything above is rejected, never capped. */
export const SEARCH_LIMIT_MAX = 1000;

/**
 * Joins the issues of a failed parse into one line. Each message already names its field; a message that does not
 * (zod's own, e.g. from a nested union) gets the dotted path in front.
 */
export function formatDataArtsIssues(error: z.ZodError): string {
  return error.issues
    .map((iss) => {
      const field = formatPath(iss.path);
      if (field === '') return iss.message;
      // Messages of array items say `items[].x:`; put the actual index in.
      const generic = field.replace(/\[\d+\]/g, '[]');
      if (iss.message.startsWith(`${generic}:`)) return `${field}${iss.message.slice(generic.length)}`;
      return iss.message.startsWith(`${field}:`) ? iss.message : `${field}: ${iss.message}`;
    })
    .join('; ');
}

// ---------------------------------------------------------------------------------------------------------------
// Time formats

const TIME_FORMATS = "'yyyy-MM-ddTHH:mm:ss +08' or ISO-8601 with Z or ±HH:MM";

function optScheduleTime(field: string) {
  return z
    .string({ error: typeError(field, 'a date-time string or null') })
    .refine((v) => parseScheduleTime(v) !== undefined, {
      error: (iss) => `${field}: ${describeValue(iss.input)} is not a valid date-time (expected ${TIME_FORMATS})`,
    })
    .nullable()
    .optional();
}

function optSearchTime(field: string) {
  return z
    .string({ error: typeError(field, 'a time string or null') })
    .refine((v) => parseSearchTime(v) !== undefined, {
      error: (iss) =>
        `${field}: ${describeValue(iss.input)} is not a valid time (expected epoch milliseconds or ${TIME_FORMATS})`,
    })
    .nullable()
    .optional();
}

// ---------------------------------------------------------------------------------------------------------------
// Schedule config

/** The schedule types, exact case. */
export const SCHEDULE_TYPES = ['RUN_ONCE', 'CRON'] as const;
/** The `schedule_config.enabled` values a request may send (3 and 5 mean 1). */
export const ENABLED_VALUES = [0, 1, 3, 5] as const;
const SC = 'schedule_config';

const scheduleTypeSchema = z.enum(SCHEDULE_TYPES, {
  error: (iss) =>
    iss.input === undefined
      ? `${SC}.schedule_type: is required (expected 'RUN_ONCE' or 'CRON')`
      : `${SC}.schedule_type: expected 'RUN_ONCE' or 'CRON' (exact case), got ${describeValue(iss.input)}`,
});

const enabledSchema = z.literal(ENABLED_VALUES, {
  error: (iss) => `${SC}.enabled: expected 0, 1, 3 or 5 (or null), got ${describeValue(iss.input)}`,
});

/** `schedule_config` in create/update bodies, with the [mock] rules (cron required and valid for `CRON`). */
export const ScheduleConfigSchema = z
  .object(
    {
      schedule_type: scheduleTypeSchema,
      cron_expression: optText(`${SC}.cron_expression`),
      start_time: optScheduleTime(`${SC}.start_time`),
      end_time: optScheduleTime(`${SC}.end_time`),
      interval: optText(`${SC}.interval`),
      max_time_out: optInt(`${SC}.max_time_out`, 1, INT32_MAX),
      enabled: enabledSchema.nullable().optional(),
      job_id: optInt(`${SC}.job_id`, -INT32_MAX - 1, INT32_MAX),
    },
    { error: typeError(SC, 'an object') },
  )
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields failed (see `when`), so `v` may hold unchecked input: treat it as unknown.
      if ((v as { schedule_type?: unknown }).schedule_type !== 'CRON') return;
      const expr: unknown = v.cron_expression;
      if (expr === undefined || expr === null || (typeof expr === 'string' && expr.trim() === '')) {
        ctx.addIssue({
          code: 'custom',
          path: ['cron_expression'],
          message: `${SC}.cron_expression: is required when schedule_type is 'CRON' (a 6-field Quartz expression)`,
        });
        return;
      }
      if (typeof expr !== 'string') return; // the type issue is already reported
      const parsed = parseQuartzCron(expr);
      if (!parsed.ok) {
        const names = parsed.message.includes(parsed.token) ? '' : ` (token '${parsed.token}')`;
        ctx.addIssue({
          code: 'custom',
          path: ['cron_expression'],
          message: `${SC}.cron_expression: ${parsed.message}${names}`,
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  );

/** `schedule_config` as read from responses: same shape and enums, no format or cron checks. */
export const ScheduleConfigInfoSchema = z.object({
  schedule_type: z.enum(SCHEDULE_TYPES),
  cron_expression: z.string().nullable().optional(),
  start_time: z.string().nullable().optional(),
  end_time: z.string().nullable().optional(),
  interval: z.string().nullable().optional(),
  max_time_out: z.number().nullable().optional(),
  enabled: z.literal(ENABLED_VALUES).nullable().optional(),
  job_id: z.number().nullable().optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Task object

const TC = 'task_config';

/** `task_config`: open object, documented keys typed, every other key kept verbatim. */
export const TaskConfigSchema = z.looseObject(
  {
    data_connection_id: optText(`${TC}.data_connection_id`),
    data_connection_name: optText(`${TC}.data_connection_name`),
    data_connection_create_time: optText(`${TC}.data_connection_create_time`),
    databaseName: optStringArray(`${TC}.databaseName`),
    tableName: optStringArray(`${TC}.tableName`),
    alive_object_policy: optText(`${TC}.alive_object_policy`),
    deleted_object_policy: optText(`${TC}.deleted_object_policy`),
    enableDataProfile: optBool(`${TC}.enableDataProfile`),
    enableDataClassification: optBool(`${TC}.enableDataClassification`),
    enable_table_filter_by_regex: optBool(`${TC}.enable_table_filter_by_regex`),
    sampling: optText(`${TC}.sampling`),
    queue: optText(`${TC}.queue`),
    unique: optBool(`${TC}.unique`),
    bucket_name: optText(`${TC}.bucket_name`),
  },
  { error: typeError(TC, 'an object') },
);

export const ParameterConfigItemSchema = z.object(
  {
    description: optText('parameter_config[].description'),
    type: optText('parameter_config[].type'),
    task_id: optText('parameter_config[].task_id'),
  },
  { error: typeError('parameter_config[]', 'an object') },
);

/** Body of CreateTask and UpdateTaskInfo. Unknown keys are dropped; server-computed fields are accepted and ignored. */
export const CollectionTaskInputSchema = z.object(
  {
    id: optText('id'),
    name: text('name', { min: 1, max: TASK_TEXT_MAX.name }),
    description: optText('description', { max: TASK_TEXT_MAX.description }),
    user_id: optText('user_id'),
    user_name: optText('user_name'),
    duty_person: optText('duty_person'),
    dir_id: text('dir_id', { min: 1, max: TASK_TEXT_MAX.dir_id }),
    path: optText('path'),
    project_id: optText('project_id'),
    schedule_config: ScheduleConfigSchema,
    parameter_config: z
      .array(ParameterConfigItemSchema, { error: typeError('parameter_config', 'an array or null') })
      .nullable()
      .optional(),
    update_type: optText('update_type'),
    data_source_type: z.string({ error: typeError('data_source_type', 'a string') }).regex(DATA_SOURCE_TYPE_PATTERN, {
      error: (iss) =>
        `data_source_type: expected 1-64 letters, digits or '_' (e.g. 'DLI'), got ${describeValue(iss.input)}`,
    }),
    task_config: TaskConfigSchema,
    data_source_workspace_id: optText('data_source_workspace_id'),
    create_time: optText('create_time'),
    update_time: optText('update_time'),
    last_run_time: optText('last_run_time'),
    start_time: optText('start_time'),
    end_time: optText('end_time'),
    next_run_time: optText('next_run_time'),
  },
  { error: typeError('body', 'a JSON object') },
);

const nullableString = () => z.string().nullable().optional();

/** A task as returned by ShowTaskInfo and in search results; unknown fields are kept. */
export const CollectionTaskSchema = keptObject({
  id: z.string(),
  name: z.string(),
  description: nullableString(),
  user_id: nullableString(),
  user_name: nullableString(),
  duty_person: nullableString(),
  dir_id: z.string(),
  path: nullableString(),
  project_id: nullableString(),
  schedule_config: ScheduleConfigInfoSchema,
  parameter_config: z
    .array(
      z.object({
        description: nullableString(),
        type: nullableString(),
        task_id: nullableString(),
      }),
    )
    .nullable()
    .optional(),
  update_type: nullableString(),
  data_source_type: z.string(),
  task_config: z.looseObject({
    data_connection_id: nullableString(),
    data_connection_name: nullableString(),
    data_connection_create_time: nullableString(),
    databaseName: z.array(z.string()).nullable().optional(),
    tableName: z.array(z.string()).nullable().optional(),
    alive_object_policy: nullableString(),
    deleted_object_policy: nullableString(),
    enableDataProfile: z.boolean().nullable().optional(),
    enableDataClassification: z.boolean().nullable().optional(),
    enable_table_filter_by_regex: z.boolean().nullable().optional(),
    sampling: nullableString(),
    queue: nullableString(),
    unique: z.boolean().nullable().optional(),
    bucket_name: nullableString(),
  }),
  data_source_workspace_id: nullableString(),
  create_time: nullableString(),
  update_time: nullableString(),
  last_run_time: nullableString(),
  start_time: nullableString(),
  end_time: nullableString(),
  next_run_time: nullableString(),
});

export const CreateTaskResponseSchema = keptObject({
  task_id: z.string(),
});

// ---------------------------------------------------------------------------------------------------------------
// Search

/** Body of ShowTaskList. All filters optional; `null` = absent. */
export const SearchTasksRequestSchema = z.object(
  {
    name: optText('name'),
    user_name: optText('user_name'),
    data_source_type: optText('data_source_type'),
    data_connection_id: optText('data_connection_id'),
    start_time: optSearchTime('start_time'),
    end_time: optSearchTime('end_time'),
    directory_id: optText('directory_id'),
    bucket_name: optText('bucket_name'),
    limit: optInt('limit', 1, SEARCH_LIMIT_MAX),
    offset: optInt('offset', 0, INT32_MAX),
  },
  { error: typeError('body', 'a JSON object') },
);

export const SearchTasksResponseSchema = keptObject({
  count: z.number(),
  total_records: z.number(),
  max_records: z.number(),
  resources: z.array(CollectionTaskSchema),
});

// ---------------------------------------------------------------------------------------------------------------
// Action and log

/** The task actions, lower case. */
export const TASK_ACTIONS = ['run', 'runimmediate', 'stop'] as const;

export const TaskActionSchema = z.enum(TASK_ACTIONS, {
  error: (iss) => `action: expected 'run', 'runimmediate' or 'stop' (lower case), got ${describeValue(iss.input)}`,
});

/** Body of ShowInstanceLog. */
export const JobLogRequestSchema = z.object(
  {
    bridge_id: text('bridge_id', { min: 1 }),
    classification_id: optText('classification_id'),
  },
  { error: typeError('body', 'a JSON object') },
);

export const JobLogResponseSchema = keptObject({
  enable_bridge: z.boolean(),
  enable_profile: z.boolean(),
  enable_classification: z.boolean(),
  bridge_status: z.string(),
  profile_status: z.string(),
  classification_status: z.string(),
  bridge_job_log: z.string(),
  profile_job_log: z.string(),
  classification_job_log: z.string(),
});

// ---------------------------------------------------------------------------------------------------------------
// Errors

/** Documented flat error body (`request_id` present on gateway errors). */
export const DataArtsErrorSchema = keptObject({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string().optional(),
});

/** `errors[]` form read by the vendor's Terraform provider; accepted by the SDK, never sent by the mock. */
export const DataArtsErrorListSchema = keptObject({
  errors: z.array(keptObject({ error_code: z.string(), error_msg: z.string() })).min(1),
});

/** Any DataArts service error body: flat first, then the list form. */
export const DataArtsErrorBodySchema = z.union([DataArtsErrorSchema, DataArtsErrorListSchema]);

/** Gateway (`APIGW.*`) error body. */
export const GatewayErrorSchema = keptObject({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string(),
});

/** What a 401/403/404 may carry: the gateway envelope or a service error body. */
export const AnyErrorBodySchema = z.union([GatewayErrorSchema, DataArtsErrorSchema, DataArtsErrorListSchema]);
