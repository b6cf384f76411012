/**
 * Request validation for the DataArts Catalog mock (shared/api/dataarts-catalog.md). Pure: parses a request body
 * into a normalised input or throws a DataArtsError (400 DLG.9001 `Invalid parameter: <field>: <problem>`).
 *
 * Decisions where the sheet is silent:
 * - Known fields with a wrong JSON type are rejected (README decision 6); `null` in an optional field = absent.
 *   Ignored fields (`id`, `user_name`, `path`, `project_id`, the server times, `schedule_config.job_id`) are never
 *   type-checked.
 * - `name`, `description` and `dir_id` lengths count Unicode code points (as the SDK's schemas do).
 *   `user_id` / `duty_person` / `data_source_workspace_id` must be strings
 *   when given (any length); `parameter_config` must be an array of objects whose `description`, `type`, `task_id`
 *   are strings or null; it is stored verbatim.
 * - `cron_expression` is parsed only for `CRON` (a `RUN_ONCE` task stores it verbatim if sent).
 * - A window whose `end_time` is before its `start_time` is accepted (as the SDK's schemas do); it never fires.
 * - `max_time_out` is an int32 ≥ 1; `enabled` an int32 in {0, 1, 3, 5}; JSON numbers only (no numeric strings).
 */
import { parseQuartzCron, type QuartzCron } from '../../../cron/quartz.js';

export class DataArtsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataArtsError';
  }
}

export const invalid = (field: string, problem: string): DataArtsError =>
  new DataArtsError(400, 'DLG.9001', `Invalid parameter: ${field}: ${problem}`);

export type JsonObject = Record<string, unknown>;

const INT32_MAX = 2_147_483_647;

export function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a JSON object body. `emptyAsObject`: an empty body reads as `{}` (search). */
export function parseBody(rawBody: string, emptyAsObject: boolean): JsonObject {
  if (rawBody.trim() === '') {
    if (emptyAsObject) return {};
    throw invalid('body', 'a JSON object is required');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw invalid('body', 'malformed JSON');
  }
  if (!isPlainObject(parsed)) throw invalid('body', 'a JSON object is required');
  return parsed;
}

function optString(obj: JsonObject, key: string, field = key): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(field, `expected a string, got ${describe(v)}`);
  return v;
}

function reqString(obj: JsonObject, key: string, field = key): string {
  const v = optString(obj, key, field);
  if (v === undefined) throw invalid(field, 'is required');
  return v;
}

function optInt(obj: JsonObject, key: string, field: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalid(field, `expected an integer, got ${describe(v)}`);
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Times

const SCHEDULE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z| ?([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * Parses a schedule-window time: vendor `yyyy-MM-ddTHH:mm:ss +08`, or ISO-8601 with `Z` / `±HH:MM` (also `±HHMM`,
 * `±HH`, optional space before the offset, optional fractional seconds). Returns epoch ms or undefined.
 */
export function parseScheduleTime(s: string): number | undefined {
  const m = SCHEDULE_TIME.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return undefined;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const frac = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = m[11] ? Number(m[11]) : 0;
    if (oh > 18 || om > 59) return undefined;
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, sec, frac);
  return wall.getTime() - offsetMin * 60_000;
}

/** Search filter time: epoch-ms decimal string (1–16 digits) or a schedule-style ISO time. */
export function parseFilterTime(s: string): number | undefined {
  if (/^\d{1,16}$/.test(s)) return Number(s);
  return parseScheduleTime(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Task body

export interface ScheduleInput {
  schedule_type: 'RUN_ONCE' | 'CRON';
  cron_expression?: string;
  start_time?: string;
  end_time?: string;
  interval?: string;
  max_time_out?: number;
  /** Requested: 0 = off, 1 = on (3 and 5 map to 1). */
  enabled: 0 | 1;
}

export interface TaskInput {
  name: string;
  description: string;
  user_id?: string;
  duty_person?: string;
  dir_id: string;
  schedule: ScheduleInput;
  /** Parsed cron for CRON tasks. */
  cron?: QuartzCron;
  startMs?: number;
  endMs?: number;
  data_source_type: string;
  task_config: JsonObject;
  parameter_config?: unknown[];
  update_type: string | null;
  data_source_workspace_id?: string;
}

function validateSchedule(v: unknown): {
  schedule: ScheduleInput;
  cron?: QuartzCron;
  startMs?: number;
  endMs?: number;
} {
  if (v === undefined || v === null) throw invalid('schedule_config', 'is required');
  if (!isPlainObject(v)) throw invalid('schedule_config', `expected an object, got ${describe(v)}`);
  const F = 'schedule_config.';
  const type = reqString(v, 'schedule_type', `${F}schedule_type`);
  if (type !== 'RUN_ONCE' && type !== 'CRON') {
    throw invalid(`${F}schedule_type`, `'${type}' is not one of RUN_ONCE, CRON`);
  }
  const schedule: ScheduleInput = { schedule_type: type, enabled: 0 };
  const cronText = optString(v, 'cron_expression', `${F}cron_expression`);
  let cron: QuartzCron | undefined;
  if (type === 'CRON') {
    if (cronText === undefined || cronText.trim() === '') {
      throw invalid(`${F}cron_expression`, 'is required when schedule_type is CRON');
    }
    const parsed = parseQuartzCron(cronText);
    if (!parsed.ok) throw invalid(`${F}cron_expression`, parsed.message);
    cron = parsed.value;
  }
  if (cronText !== undefined) schedule.cron_expression = cronText;
  const start = optString(v, 'start_time', `${F}start_time`);
  const end = optString(v, 'end_time', `${F}end_time`);
  let startMs: number | undefined;
  let endMs: number | undefined;
  const timeProblem = (s: string): string =>
    `'${s}' is not a valid time (expected yyyy-MM-ddTHH:mm:ss +08, or ISO-8601 with Z or ±HH:MM)`;
  if (start !== undefined) {
    startMs = parseScheduleTime(start);
    if (startMs === undefined) throw invalid(`${F}start_time`, timeProblem(start));
    schedule.start_time = start;
  }
  if (end !== undefined) {
    endMs = parseScheduleTime(end);
    if (endMs === undefined) throw invalid(`${F}end_time`, timeProblem(end));
    schedule.end_time = end;
  }
  const interval = optString(v, 'interval', `${F}interval`);
  if (interval !== undefined) schedule.interval = interval;
  const maxTimeOut = optInt(v, 'max_time_out', `${F}max_time_out`);
  if (maxTimeOut !== undefined) {
    if (maxTimeOut < 1 || maxTimeOut > INT32_MAX) {
      throw invalid(`${F}max_time_out`, `${maxTimeOut} is not an integer from 1 to ${INT32_MAX} (minutes)`);
    }
    schedule.max_time_out = maxTimeOut;
  }
  const enabled = optInt(v, 'enabled', `${F}enabled`);
  if (enabled !== undefined) {
    if (enabled !== 0 && enabled !== 1 && enabled !== 3 && enabled !== 5) {
      throw invalid(`${F}enabled`, `${enabled} is not one of 0, 1, 3, 5`);
    }
    schedule.enabled = enabled === 0 ? 0 : 1;
  }
  const out: { schedule: ScheduleInput; cron?: QuartzCron; startMs?: number; endMs?: number } = { schedule };
  if (cron) out.cron = cron;
  if (startMs !== undefined) out.startMs = startMs;
  if (endMs !== undefined) out.endMs = endMs;
  return out;
}

function validateParameterConfig(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid('parameter_config', `expected an array, got ${describe(v)}`);
  v.forEach((item, i) => {
    if (!isPlainObject(item)) throw invalid(`parameter_config[${i}]`, `expected an object, got ${describe(item)}`);
    for (const key of ['description', 'type', 'task_id']) {
      optString(item, key, `parameter_config[${i}].${key}`);
    }
  });
  return v;
}

/** Validates a create/update body (same rules for both). */
export function validateTaskBody(body: JsonObject): TaskInput {
  const name = reqString(body, 'name');
  const nameLength = [...name].length;
  if (nameLength < 1 || nameLength > 128) throw invalid('name', `must be 1-128 characters, got ${nameLength}`);
  const description = optString(body, 'description') ?? '';
  if ([...description].length > 1024) throw invalid('description', 'must be at most 1024 characters');
  const userId = optString(body, 'user_id');
  const dutyPerson = optString(body, 'duty_person');
  const dirId = reqString(body, 'dir_id');
  const dirLength = [...dirId].length;
  if (dirLength < 1 || dirLength > 64) throw invalid('dir_id', `must be 1-64 characters, got ${dirLength}`);
  const sched = validateSchedule(body.schedule_config);
  const dst = reqString(body, 'data_source_type');
  if (!/^[A-Za-z0-9_]{1,64}$/.test(dst)) {
    throw invalid('data_source_type', `'${dst}' must be 1-64 letters, digits or '_'`);
  }
  const taskConfig = body.task_config;
  if (taskConfig === undefined || taskConfig === null) throw invalid('task_config', 'is required');
  if (!isPlainObject(taskConfig)) throw invalid('task_config', `expected an object, got ${describe(taskConfig)}`);
  const parameterConfig = validateParameterConfig(body.parameter_config);
  const updateType = optString(body, 'update_type') ?? null;
  const dsWorkspace = optString(body, 'data_source_workspace_id');
  const input: TaskInput = {
    name,
    description,
    dir_id: dirId,
    schedule: sched.schedule,
    data_source_type: dst,
    task_config: taskConfig,
    update_type: updateType,
  };
  if (sched.cron) input.cron = sched.cron;
  if (sched.startMs !== undefined) input.startMs = sched.startMs;
  if (sched.endMs !== undefined) input.endMs = sched.endMs;
  if (userId !== undefined) input.user_id = userId;
  if (dutyPerson !== undefined) input.duty_person = dutyPerson;
  if (parameterConfig !== undefined) input.parameter_config = parameterConfig;
  if (dsWorkspace !== undefined) input.data_source_workspace_id = dsWorkspace;
  return input;
}

// ---------------------------------------------------------------------------------------------------------------
// Search, action, log

export interface SearchInput {
  nameLower?: string;
  user_name?: string;
  dataSourceTypeLower?: string;
  data_connection_id?: string;
  directory_id?: string;
  bucket_name?: string;
  startMs?: number;
  endMs?: number;
  limit: number;
  offset: number;
}

export function validateSearchBody(body: JsonObject): SearchInput {
  const out: SearchInput = { limit: 10, offset: 0 };
  const name = optString(body, 'name');
  if (name !== undefined) out.nameLower = name.toLowerCase();
  const userName = optString(body, 'user_name');
  if (userName !== undefined) out.user_name = userName;
  const dst = optString(body, 'data_source_type');
  if (dst !== undefined) out.dataSourceTypeLower = dst.toLowerCase();
  const conn = optString(body, 'data_connection_id');
  if (conn !== undefined) out.data_connection_id = conn;
  const dir = optString(body, 'directory_id');
  if (dir !== undefined) out.directory_id = dir;
  const bucket = optString(body, 'bucket_name');
  if (bucket !== undefined) out.bucket_name = bucket;
  for (const key of ['start_time', 'end_time'] as const) {
    const s = optString(body, key);
    if (s === undefined) continue;
    const ms = parseFilterTime(s);
    if (ms === undefined) {
      throw invalid(key, `'${s}' is not a valid time (expected epoch milliseconds or ISO-8601)`);
    }
    if (key === 'start_time') out.startMs = ms;
    else out.endMs = ms;
  }
  const limit = optInt(body, 'limit', 'limit');
  if (limit !== undefined) {
    if (limit < 1 || limit > 1000) throw invalid('limit', `${limit} is not an integer from 1 to 1000`);
    out.limit = limit;
  }
  const offset = optInt(body, 'offset', 'offset');
  if (offset !== undefined) {
    if (offset < 0 || offset > INT32_MAX) throw invalid('offset', `${offset} is not an integer from 0 to ${INT32_MAX}`);
    out.offset = offset;
  }
  return out;
}

export type TaskAction = 'run' | 'runimmediate' | 'stop';

export function validateAction(query: URLSearchParams): TaskAction {
  const action = query.get('action');
  if (action === null || action === '') throw invalid('action', 'is required (run, runimmediate or stop)');
  if (action !== 'run' && action !== 'runimmediate' && action !== 'stop') {
    throw invalid('action', `'${action}' is not one of run, runimmediate, stop`);
  }
  return action;
}

export function validateLogBody(body: JsonObject): { bridge_id: string } {
  const bridge = reqString(body, 'bridge_id');
  if (bridge === '') throw invalid('bridge_id', 'must not be empty');
  optString(body, 'classification_id');
  return { bridge_id: bridge };
}
