/**
 * Request validation for the DSC mock (dsc.md, README decision 6). Every failure is a `DscError` 400
 * `dsc.40000011` whose message is `Invalid parameter: <field>: <problem>`. Unknown fields are ignored; known fields
 * with a wrong JSON type are rejected ([mock]: `null` counts as a wrong type, it never means "absent").
 */

import { DSC_DB_TYPES } from '../../../dsc/schemas.js';
import { SCHEDULE_TYPES, type ScheduleType } from './schedule.js';

export class DscError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DscError';
  }
}

export const INVALID_PARAMETER = 'dsc.40000011';

export function invalid(field: string, problem: string): DscError {
  return new DscError(400, INVALID_PARAMETER, `Invalid parameter: ${field}: ${problem}`);
}

/** [mock] known `db_type` values, matched case-insensitively, stored as sent (one list, shared with the SDK). */
export const DB_TYPES = DSC_DB_TYPES;
const DB_TYPES_LOWER = new Set(DB_TYPES.map((t) => t.toLowerCase()));

export const SCAN_CONFIG_KEYS = [
  'scan_tables',
  'scan_views',
  'scan_comment',
  'scan_column_constraints',
  'scan_privileges',
  'scan_system_db',
] as const;
export type ScanConfig = Record<(typeof SCAN_CONFIG_KEYS)[number], boolean>;
export const SCAN_CONFIG_DEFAULTS: ScanConfig = {
  scan_tables: true,
  scan_views: true,
  scan_comment: true,
  scan_column_constraints: false,
  scan_privileges: false,
  scan_system_db: false,
};

export interface DataSource {
  db_type: string;
  ins_id: string;
}

export const ACTIONS = ['ENABLE', 'DISABLE', 'START'] as const;
export type Action = (typeof ACTIONS)[number];

export const INT32_MAX = 2_147_483_647;

/** The create fields as stored (all present). */
export interface TemplateFields {
  task_name: string;
  task_description: string;
  data_sources: DataSource[];
  schedule_type: ScheduleType;
  start_time: number;
  schedule_switch: boolean;
  delete_failed_meta: boolean;
  scan_config: ScanConfig;
}

/** The fields a create/update body carried (each validated for type and range). */
export interface TemplateInput {
  task_name?: string;
  task_description?: string;
  data_sources?: DataSource[];
  schedule_type?: ScheduleType;
  start_time?: number;
  start_now?: boolean;
  schedule_switch?: boolean;
  delete_failed_meta?: boolean;
  scan_config?: Partial<ScanConfig>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

function quote(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${s.length > 64 ? `${s.slice(0, 64)}…` : s}'`;
}

/** Parses a request body as JSON; empty or malformed → 400 naming `body`. */
export function parseJsonBody(raw: string): Json {
  if (raw.trim() === '') throw invalid('body', 'a JSON body is required');
  try {
    return JSON.parse(raw) as Json;
  } catch {
    throw invalid('body', 'malformed JSON');
  }
}

export function parseJsonObject(raw: string): Record<string, Json> {
  const body = parseJsonBody(raw);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid('body', `expected a JSON object, got ${describe(body)}`);
  }
  return body;
}

function has(obj: Record<string, Json>, key: string): boolean {
  return Object.hasOwn(obj, key);
}

function str(value: Json | undefined, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw invalid(field, `expected a string, got ${describe(value)}`);
  if (value.length < min || value.length > max) {
    throw invalid(field, min === 0 ? `must be at most ${max} characters` : `must be ${min}-${max} characters`);
  }
  return value;
}

function bool(value: Json | undefined, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid(field, `expected a boolean (true or false), got ${describe(value)}`);
  return value;
}

function scheduleType(value: Json | undefined, field: string): ScheduleType {
  if (typeof value !== 'string') throw invalid(field, `expected a string, got ${describe(value)}`);
  if (!(SCHEDULE_TYPES as readonly string[]).includes(value)) {
    throw invalid(field, `${quote(value)} is not a schedule type (expected one of ${SCHEDULE_TYPES.join(', ')})`);
  }
  return value as ScheduleType;
}

function startTime(value: Json | undefined): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid('start_time', `expected an integer (epoch seconds), got ${describe(value)}`);
  }
  if (value < 0 || value > INT32_MAX) {
    throw invalid(
      'start_time',
      `${value} is out of range 0-${INT32_MAX}; the unit is epoch seconds${value > INT32_MAX ? ', not milliseconds' : ''}`,
    );
  }
  return value;
}

function dataSources(value: Json | undefined): DataSource[] {
  if (!Array.isArray(value)) throw invalid('data_sources', `expected an array, got ${describe(value)}`);
  if (value.length < 1 || value.length > 100) {
    throw invalid('data_sources', `must contain 1-100 items, got ${value.length}`);
  }
  const seen = new Map<string, number>();
  return value.map((item, i) => {
    const field = `data_sources[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw invalid(field, `expected an object, got ${describe(item)}`);
    }
    if (!has(item, 'db_type')) throw invalid(`${field}.db_type`, 'is required');
    const dbType = item['db_type'];
    if (typeof dbType !== 'string') throw invalid(`${field}.db_type`, `expected a string, got ${describe(dbType)}`);
    if (!DB_TYPES_LOWER.has(dbType.toLowerCase())) {
      throw invalid(
        `${field}.db_type`,
        `${quote(dbType)} is not a supported database type (accepted, case-insensitive: ${DB_TYPES.join(', ')})`,
      );
    }
    if (!has(item, 'ins_id')) throw invalid(`${field}.ins_id`, 'is required');
    const insId = str(item['ins_id'], `${field}.ins_id`, 1, 256);
    const key = `${dbType.toLowerCase()}\u0000${insId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw invalid(field, `duplicates data_sources[${first}] (same db_type and ins_id)`);
    }
    seen.set(key, i);
    return { db_type: dbType, ins_id: insId };
  });
}

function scanConfig(value: Json | undefined): Partial<ScanConfig> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid('scan_config', `expected an object, got ${describe(value)}`);
  }
  const out: Partial<ScanConfig> = {};
  for (const key of SCAN_CONFIG_KEYS) {
    if (has(value, key)) out[key] = bool(value[key], `scan_config.${key}`);
  }
  return out;
}

/**
 * Validates the type and range of every known field present in a create/update body (fixed field order, first
 * failure wins). Presence of required fields is checked by `completeTemplate`.
 */
export function parseTemplateInput(body: Record<string, Json>): TemplateInput {
  const input: TemplateInput = {};
  if (has(body, 'task_name')) input.task_name = str(body['task_name'], 'task_name', 1, 1024);
  if (has(body, 'task_description')) {
    input.task_description = str(body['task_description'], 'task_description', 0, 1024);
  }
  if (has(body, 'data_sources')) input.data_sources = dataSources(body['data_sources']);
  if (has(body, 'schedule_type')) input.schedule_type = scheduleType(body['schedule_type'], 'schedule_type');
  if (has(body, 'start_time')) input.start_time = startTime(body['start_time']);
  if (has(body, 'start_now')) input.start_now = bool(body['start_now'], 'start_now');
  if (has(body, 'schedule_switch')) input.schedule_switch = bool(body['schedule_switch'], 'schedule_switch');
  if (has(body, 'delete_failed_meta')) {
    input.delete_failed_meta = bool(body['delete_failed_meta'], 'delete_failed_meta');
  }
  if (has(body, 'scan_config')) input.scan_config = scanConfig(body['scan_config']);
  return input;
}

/**
 * Merges `input` over `base` (a stored template, or the create defaults) and checks the create rules on the
 * result: required fields present. `scan_config` merges key by key; `data_sources` is replaced whole.
 */
export function completeTemplate(base: Partial<TemplateFields>, input: TemplateInput): TemplateFields {
  const task_name = input.task_name ?? base.task_name;
  if (task_name === undefined) throw invalid('task_name', 'is required');
  const data_sources = input.data_sources ?? base.data_sources;
  if (data_sources === undefined) throw invalid('data_sources', 'is required');
  const schedule_type = input.schedule_type ?? base.schedule_type;
  if (schedule_type === undefined) throw invalid('schedule_type', 'is required');
  const start_time = input.start_time ?? base.start_time;
  if (start_time === undefined) throw invalid('start_time', 'is required');
  return {
    task_name,
    task_description: input.task_description ?? base.task_description ?? '',
    data_sources: data_sources.map((d) => ({ ...d })),
    schedule_type,
    start_time,
    schedule_switch: input.schedule_switch ?? base.schedule_switch ?? true,
    delete_failed_meta: input.delete_failed_meta ?? base.delete_failed_meta ?? false,
    scan_config: { ...SCAN_CONFIG_DEFAULTS, ...base.scan_config, ...input.scan_config },
  };
}

export function parseAction(value: unknown, field: string): Action {
  if (value === undefined) throw invalid(field, 'is required');
  if (typeof value !== 'string') throw invalid(field, `expected a string, got ${describe(value)}`);
  if (!(ACTIONS as readonly string[]).includes(value)) {
    throw invalid(field, `${quote(value)} is not a supported action (expected one of ${ACTIONS.join(', ')})`);
  }
  return value as Action;
}

export function parseActionBody(raw: string): Action {
  const body = parseJsonObject(raw);
  return parseAction(has(body, 'action') ? body['action'] : undefined, 'action');
}

/** Batch-delete body: a bare JSON array of 1–100 ids, integers or decimal strings. Returns unique ids in order. */
export function parseDeleteBody(raw: string): (number | null)[] {
  const body = parseJsonBody(raw);
  if (!Array.isArray(body)) throw invalid('body', `expected a JSON array of template ids, got ${describe(body)}`);
  if (body.length < 1 || body.length > 100) {
    throw invalid('body', `must contain 1-100 template ids, got ${body.length}`);
  }
  return body.map((el, i) => {
    if (typeof el === 'number' && Number.isInteger(el) && el >= 0) return Number.isSafeInteger(el) ? el : null;
    if (typeof el === 'string' && /^[0-9]{1,19}$/.test(el)) {
      const n = Number(el);
      // Beyond 2^53 no stored id can match (ids are < 2^53); such an id is simply unknown.
      return Number.isSafeInteger(n) ? n : null;
    }
    throw invalid(`body[${i}]`, `${quote(el)} is not a template id (expected an integer or a decimal string)`);
  });
}

/** Optional int32 query parameter (0–2147483647). */
export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  if (!/^[0-9]{1,10}$/.test(v) || Number(v) > INT32_MAX) {
    throw invalid(name, `${quote(v)} is not an integer in 0-${INT32_MAX}`);
  }
  return Number(v);
}

export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  const l = v.toLowerCase();
  if (l === 'true') return true;
  if (l === 'false') return false;
  throw invalid(name, `${quote(v)} is not a boolean (expected true or false)`);
}

/** Paging: `page_size` (or legacy `limit`; `page_size` wins), 0 = default 100; `offset` default 0. */
export function queryPaging(query: URLSearchParams): { size: number; offset: number } {
  const pageSize = queryInt(query, 'page_size');
  const limit = queryInt(query, 'limit');
  const offset = queryInt(query, 'offset') ?? 0;
  const raw = pageSize ?? limit ?? 0;
  return { size: raw === 0 ? 100 : raw, offset };
}

export function querySchedules(query: URLSearchParams): ScheduleType[] | undefined {
  const values = query
    .getAll('schedule_types')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length === 0) return undefined;
  return [...new Set(values.map((v) => scheduleType(v, 'schedule_types')))];
}
