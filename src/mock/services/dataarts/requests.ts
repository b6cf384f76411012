/**
 * DataArts Catalog requests → typed inputs, or a thrown DLG.9001 naming the field (`Invalid parameter: <field>:
 * <problem>`). Every rule the SDK also checks calls the SDK's own rule from src/dataarts/schemas.ts.
 *
 * Mock decisions where the vendor is silent:
 * - Known fields with a wrong JSON type are rejected; `null` in an optional field means absent. Fields the service
 *   ignores (`id`, `user_name`, `path`, `project_id`, the server times, `schedule_config.job_id`) are not checked.
 * - `user_id`, `duty_person` and `data_source_workspace_id` are strings of any length; `parameter_config` is an array
 *   of objects whose `description`, `type` and `task_id` are strings or null, stored verbatim.
 * - `cron_expression` is parsed only for `CRON` (a `RUN_ONCE` task stores it verbatim if sent).
 * - A window whose `end_time` is before its `start_time` is accepted; it never fires.
 * - Numbers are JSON numbers only (no numeric strings).
 */
import { describeValue, INT32_MAX } from '../../../core/format.js';
import { parseQuartzCron, type QuartzCron } from '../../../cron/quartz.js';
import {
  DATA_SOURCE_TYPE_PATTERN,
  ENABLED_VALUES,
  SCHEDULE_TYPES,
  SEARCH_LIMIT_MAX,
  TASK_ACTIONS,
  TASK_TEXT_MAX,
} from '../../../dataarts/schemas.js';
import { codePointLength, parseScheduleTime, parseSearchTime } from '../../../dataarts/times.js';
import { isJsonObject, readControlBody, readJson } from '../../body.js';
import { ControlError } from '../../errors.js';
import type { MockRequest } from '../../types.js';
import { invalidParameter } from './errors.js';

export type JsonObject = Record<string, unknown>;

/** The project of the path and the workspace of the `workspace` header (null when absent). */
export interface Scope {
  projectId: string;
  workspace: string | null;
}

/** The authenticated caller, recorded as a task's creator or updater. */
export interface Caller {
  userId: string;
  userName: string;
}

export interface ScheduleInput {
  schedule_type: (typeof SCHEDULE_TYPES)[number];
  cron_expression?: string;
  start_time?: string;
  end_time?: string;
  interval?: string;
  max_time_out?: number;
  /** Requested: 0 = off, 1 = on (3 and 5 map to 1). */
  enabled: 0 | 1;
}

/** A create or update body. */
export interface TaskInput {
  name: string;
  description: string;
  user_id?: string;
  duty_person?: string;
  dir_id: string;
  schedule: ScheduleInput;
  /** Parsed cron of a CRON task. */
  cron?: QuartzCron;
  startMs?: number;
  endMs?: number;
  data_source_type: string;
  task_config: JsonObject;
  parameter_config?: unknown[];
  update_type: string | null;
  data_source_workspace_id?: string;
}

/** The search filters a request sets (a filter left out or null is absent). */
export interface SearchFilters {
  /** Case-insensitive substring of the name, lower-cased. */
  nameLower?: string;
  user_name?: string;
  /** Exact data source type, lower-cased (compared case-insensitively). */
  dataSourceTypeLower?: string;
  data_connection_id?: string;
  directory_id?: string;
  bucket_name?: string;
  /** Last run started at or after, epoch ms. */
  startMs?: number;
  /** Last run started at or before, epoch ms. */
  endMs?: number;
}

export interface SearchInput {
  filters: SearchFilters;
  limit: number;
  offset: number;
}

export type TaskAction = (typeof TASK_ACTIONS)[number];

/** A path parameter, decoded ('' when the route has none of that name). */
export function param(req: MockRequest, name: string): string {
  return req.params[name] ?? '';
}

export function scopeOf(req: MockRequest): Scope {
  return { projectId: param(req, 'project_id'), workspace: req.headers.get('workspace') };
}

export function callerOf(req: MockRequest): Caller {
  return { userId: req.identity?.userId ?? '', userName: req.identity?.userName ?? '' };
}

/** A JSON object body; `emptyAsObject`: an empty body reads as `{}` (search). */
function objectBody(req: MockRequest, emptyAsObject: boolean): JsonObject {
  const read = readJson(req.rawBody);
  if (!read.ok) throw invalidParameter('body', read.problem);
  if (read.value === undefined && emptyAsObject) return {};
  if (!isJsonObject(read.value)) throw invalidParameter('body', 'a JSON object is required');
  return read.value;
}

function optString(obj: JsonObject, key: string, field = key): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParameter(field, `expected a string, got ${describeValue(v)}`);
  return v;
}

function reqString(obj: JsonObject, key: string, field = key): string {
  const v = optString(obj, key, field);
  if (v === undefined) throw invalidParameter(field, 'is required');
  return v;
}

function optInt(obj: JsonObject, key: string, field = key): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw invalidParameter(field, `expected an integer, got ${describeValue(v)}`);
  }
  return v;
}

function optIntIn(obj: JsonObject, key: string, min: number, max: number): number | undefined {
  const v = optInt(obj, key);
  if (v !== undefined && (v < min || v > max)) {
    throw invalidParameter(key, `${v} is not an integer from ${min} to ${max}`);
  }
  return v;
}

function textOfLength(obj: JsonObject, key: string, max: number): string {
  const v = reqString(obj, key);
  const length = codePointLength(v);
  if (length < 1 || length > max) throw invalidParameter(key, `must be 1-${max} characters, got ${length}`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Create and update

const SC = 'schedule_config';

function scheduleTime(obj: JsonObject, key: 'start_time' | 'end_time'): { text: string; ms: number } | undefined {
  const text = optString(obj, key, `${SC}.${key}`);
  if (text === undefined) return undefined;
  const ms = parseScheduleTime(text);
  if (ms === undefined) {
    throw invalidParameter(
      `${SC}.${key}`,
      `'${text}' is not a valid time (expected yyyy-MM-ddTHH:mm:ss +08, or ISO-8601 with Z or ±HH:MM)`,
    );
  }
  return { text, ms };
}

function parseSchedule(v: unknown): Pick<TaskInput, 'schedule' | 'cron' | 'startMs' | 'endMs'> {
  if (v === undefined || v === null) throw invalidParameter(SC, 'is required');
  if (!isJsonObject(v)) throw invalidParameter(SC, `expected an object, got ${describeValue(v)}`);
  const type = reqString(v, 'schedule_type', `${SC}.schedule_type`);
  if (!(SCHEDULE_TYPES as readonly string[]).includes(type)) {
    throw invalidParameter(`${SC}.schedule_type`, `'${type}' is not one of ${SCHEDULE_TYPES.join(', ')}`);
  }
  const out: Pick<TaskInput, 'schedule' | 'cron' | 'startMs' | 'endMs'> = {
    schedule: { schedule_type: type as ScheduleInput['schedule_type'], enabled: 0 },
  };
  const schedule = out.schedule;
  const cronText = optString(v, 'cron_expression', `${SC}.cron_expression`);
  if (type === 'CRON') {
    if (cronText === undefined || cronText.trim() === '') {
      throw invalidParameter(`${SC}.cron_expression`, 'is required when schedule_type is CRON');
    }
    const parsed = parseQuartzCron(cronText);
    if (!parsed.ok) throw invalidParameter(`${SC}.cron_expression`, parsed.message);
    out.cron = parsed.value;
  }
  if (cronText !== undefined) schedule.cron_expression = cronText;
  const start = scheduleTime(v, 'start_time');
  if (start) {
    schedule.start_time = start.text;
    out.startMs = start.ms;
  }
  const end = scheduleTime(v, 'end_time');
  if (end) {
    schedule.end_time = end.text;
    out.endMs = end.ms;
  }
  const interval = optString(v, 'interval', `${SC}.interval`);
  if (interval !== undefined) schedule.interval = interval;
  const maxTimeOut = optInt(v, 'max_time_out', `${SC}.max_time_out`);
  if (maxTimeOut !== undefined) {
    if (maxTimeOut < 1 || maxTimeOut > INT32_MAX) {
      throw invalidParameter(`${SC}.max_time_out`, `${maxTimeOut} is not an integer from 1 to ${INT32_MAX} (minutes)`);
    }
    schedule.max_time_out = maxTimeOut;
  }
  const enabled = optInt(v, 'enabled', `${SC}.enabled`);
  if (enabled !== undefined) {
    if (!(ENABLED_VALUES as readonly number[]).includes(enabled)) {
      throw invalidParameter(`${SC}.enabled`, `${enabled} is not one of ${ENABLED_VALUES.join(', ')}`);
    }
    schedule.enabled = enabled === 0 ? 0 : 1;
  }
  return out;
}

function parseParameterConfig(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalidParameter('parameter_config', `expected an array, got ${describeValue(v)}`);
  v.forEach((item, i) => {
    const field = `parameter_config[${i}]`;
    if (!isJsonObject(item)) throw invalidParameter(field, `expected an object, got ${describeValue(item)}`);
    for (const key of ['description', 'type', 'task_id']) optString(item, key, `${field}.${key}`);
  });
  return v;
}

/** The body of CreateTask and UpdateTaskInfo (the same rules for both). */
export function parseTask(req: MockRequest): TaskInput {
  const body = objectBody(req, false);
  const name = textOfLength(body, 'name', TASK_TEXT_MAX.name);
  const description = optString(body, 'description') ?? '';
  if (codePointLength(description) > TASK_TEXT_MAX.description) {
    throw invalidParameter('description', `must be at most ${TASK_TEXT_MAX.description} characters`);
  }
  const userId = optString(body, 'user_id');
  const dutyPerson = optString(body, 'duty_person');
  const dirId = textOfLength(body, 'dir_id', TASK_TEXT_MAX.dir_id);
  const sched = parseSchedule(body.schedule_config);
  const dst = reqString(body, 'data_source_type');
  if (!DATA_SOURCE_TYPE_PATTERN.test(dst)) {
    throw invalidParameter('data_source_type', `'${dst}' must be 1-64 letters, digits or '_'`);
  }
  const taskConfig = body.task_config;
  if (taskConfig === undefined || taskConfig === null) throw invalidParameter('task_config', 'is required');
  if (!isJsonObject(taskConfig)) {
    throw invalidParameter('task_config', `expected an object, got ${describeValue(taskConfig)}`);
  }
  const parameterConfig = parseParameterConfig(body.parameter_config);
  const updateType = optString(body, 'update_type') ?? null;
  const dsWorkspace = optString(body, 'data_source_workspace_id');
  const input: TaskInput = {
    name,
    description,
    dir_id: dirId,
    data_source_type: dst,
    task_config: taskConfig,
    update_type: updateType,
    ...sched,
  };
  if (userId !== undefined) input.user_id = userId;
  if (dutyPerson !== undefined) input.duty_person = dutyPerson;
  if (parameterConfig !== undefined) input.parameter_config = parameterConfig;
  if (dsWorkspace !== undefined) input.data_source_workspace_id = dsWorkspace;
  return input;
}

// ---------------------------------------------------------------------------------------------------------------
// Search, action, log

function searchTime(body: JsonObject, key: 'start_time' | 'end_time'): number | undefined {
  const text = optString(body, key);
  if (text === undefined) return undefined;
  const ms = parseSearchTime(text);
  if (ms === undefined) {
    throw invalidParameter(key, `'${text}' is not a valid time (expected epoch milliseconds or ISO-8601)`);
  }
  return ms;
}

/** The body of ShowTaskList: filters (each set only when given) and paging. */
export function parseSearch(req: MockRequest): SearchInput {
  const body = objectBody(req, true);
  const f: SearchFilters = {};
  const name = optString(body, 'name');
  if (name !== undefined) f.nameLower = name.toLowerCase();
  const userName = optString(body, 'user_name');
  if (userName !== undefined) f.user_name = userName;
  const dst = optString(body, 'data_source_type');
  if (dst !== undefined) f.dataSourceTypeLower = dst.toLowerCase();
  const conn = optString(body, 'data_connection_id');
  if (conn !== undefined) f.data_connection_id = conn;
  const dir = optString(body, 'directory_id');
  if (dir !== undefined) f.directory_id = dir;
  const bucket = optString(body, 'bucket_name');
  if (bucket !== undefined) f.bucket_name = bucket;
  const startMs = searchTime(body, 'start_time');
  if (startMs !== undefined) f.startMs = startMs;
  const endMs = searchTime(body, 'end_time');
  if (endMs !== undefined) f.endMs = endMs;
  return {
    filters: f,
    limit: optIntIn(body, 'limit', 1, SEARCH_LIMIT_MAX) ?? 10,
    offset: optIntIn(body, 'offset', 0, INT32_MAX) ?? 0,
  };
}

/** The `action` query parameter of ExecuteTaskAction. */
export function parseAction(req: MockRequest): TaskAction {
  const action = req.query.get('action');
  if (action === null || action === '') throw invalidParameter('action', 'is required (run, runimmediate or stop)');
  if (!(TASK_ACTIONS as readonly string[]).includes(action)) {
    throw invalidParameter('action', `'${action}' is not one of ${TASK_ACTIONS.join(', ')}`);
  }
  return action as TaskAction;
}

/** The body of ShowInstanceLog: the bridge job the caller names. */
export function parseLog(req: MockRequest): { bridge_id: string } {
  const body = objectBody(req, false);
  const bridge = reqString(body, 'bridge_id');
  if (bridge === '') throw invalidParameter('bridge_id', 'must not be empty');
  optString(body, 'classification_id');
  return { bridge_id: bridge };
}

// ---------------------------------------------------------------------------------------------------------------
// Seeds (answered `{"error"}`)

/**
 * A seeded workspace id: a non-empty string of at most 64 characters without whitespace or '/' (a mock decision:
 * it must fit a header and a path segment).
 */
export function isWorkspaceId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 64 && !/[\s/]/.test(v);
}

/** The id in the body of the workspace seed; null or absent: undefined (a random id). */
export function parseWorkspaceSeed(req: MockRequest): string | undefined {
  const id = readControlBody(req.rawBody).id;
  if (id === undefined || id === null) return undefined;
  if (!isWorkspaceId(id)) {
    throw new ControlError('id: expected a non-empty string of at most 64 characters without spaces or /');
  }
  return id;
}

/** The connection seed: the path's connection id and the body's `reachable`. */
export function parseConnectionSeed(req: MockRequest): { id: string; reachable: boolean } {
  const { reachable } = readControlBody(req.rawBody);
  if (typeof reachable !== 'boolean') throw new ControlError('reachable: expected a boolean');
  const id = param(req, 'data_connection_id');
  if (id === '') throw new ControlError('data_connection_id: must not be empty');
  return { id, reachable };
}
