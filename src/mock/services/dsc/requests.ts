/**
 * DSC requests → typed input for the state. Every failure is a 400 `dsc.40000011`
 * `Invalid parameter: <field>: <problem>`, first failure wins in a fixed field order. Unknown fields are ignored;
 * a known field of the wrong JSON type is rejected (`null` is a wrong type, it never means "absent"). The rules the
 * SDK checks too (lists, bounds, id patterns, what makes two data sources the same) come from the SDK's schemas.
 */
import { describeValue, formatPath, INT32_MAX } from '../../../core/format.js';
import {
  DSC_DB_TYPES,
  DSC_LIMITS,
  DSC_PROJECT_ID,
  DSC_SCHEDULE_TYPES,
  DSC_TEMPLATE_ACTIONS,
  DSC_TEMPLATE_ID_DIGITS,
  dscDataSourceKey,
  isKnownDscDbType,
  ScanConfigSchema,
  type ScheduleType,
  type TemplateAction,
} from '../../../dsc/schemas.js';
import { isJsonObject, readControlBody, readJson } from '../../body.js';
import { ControlError } from '../../errors.js';
import type { MockRequest } from '../../types.js';
import { invalidParameter as invalid } from './errors.js';
import type { CreateInput, DataSource, InstancePage, ListFilter, ScanConfig, TemplateInput } from './state.js';

type JsonObject = Record<string, unknown>;

const SCAN_CONFIG_KEYS = Object.keys(ScanConfigSchema.shape) as (keyof ScanConfig)[];

// ---- values ------------------------------------------------------------------------------------------------------

function str(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw invalid(field, `expected a string, got ${describeValue(value)}`);
  if (value.length < min || value.length > max) {
    throw invalid(field, min === 0 ? `must be at most ${max} characters` : `must be ${min}-${max} characters`);
  }
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw invalid(field, `expected a boolean (true or false), got ${describeValue(value)}`);
  }
  return value;
}

function scheduleType(value: unknown, field: string): ScheduleType {
  if (typeof value !== 'string') throw invalid(field, `expected a string, got ${describeValue(value)}`);
  if (!(DSC_SCHEDULE_TYPES as readonly string[]).includes(value)) {
    const expected = DSC_SCHEDULE_TYPES.join(', ');
    throw invalid(field, `${describeValue(value)} is not a schedule type (expected one of ${expected})`);
  }
  return value as ScheduleType;
}

function startTime(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid('start_time', `expected an integer (epoch seconds), got ${describeValue(value)}`);
  }
  if (value < 0 || value > INT32_MAX) {
    const hint = value > INT32_MAX ? ', not milliseconds' : '';
    throw invalid('start_time', `${value} is out of range 0-${INT32_MAX}; the unit is epoch seconds${hint}`);
  }
  return value;
}

function dataSources(value: unknown): DataSource[] {
  const max = DSC_LIMITS.dataSourcesMax;
  if (!Array.isArray(value)) throw invalid('data_sources', `expected an array, got ${describeValue(value)}`);
  if (value.length < 1 || value.length > max) {
    throw invalid('data_sources', `must contain 1-${max} items, got ${value.length}`);
  }
  const seen = new Map<string, number>();
  return value.map((item: unknown, i) => {
    const field = formatPath(['data_sources', i]);
    const dbTypeField = formatPath(['db_type'], field);
    const insIdField = formatPath(['ins_id'], field);
    if (!isJsonObject(item)) throw invalid(field, `expected an object, got ${describeValue(item)}`);
    if (!Object.hasOwn(item, 'db_type')) throw invalid(dbTypeField, 'is required');
    const dbType = item['db_type'];
    if (typeof dbType !== 'string') {
      throw invalid(dbTypeField, `expected a string, got ${describeValue(dbType)}`);
    }
    if (!isKnownDscDbType(dbType)) {
      const accepted = DSC_DB_TYPES.join(', ');
      throw invalid(
        dbTypeField,
        `${describeValue(dbType)} is not a supported database type (accepted, case-insensitive: ${accepted})`,
      );
    }
    if (!Object.hasOwn(item, 'ins_id')) throw invalid(insIdField, 'is required');
    const source = { db_type: dbType, ins_id: str(item['ins_id'], insIdField, 1, DSC_LIMITS.insIdMax) };
    const key = dscDataSourceKey(source);
    const first = seen.get(key);
    if (first !== undefined) throw invalid(field, `duplicates data_sources[${first}] (same db_type and ins_id)`);
    seen.set(key, i);
    return source;
  });
}

function scanConfig(value: unknown): Partial<ScanConfig> {
  if (!isJsonObject(value)) throw invalid('scan_config', `expected an object, got ${describeValue(value)}`);
  const out: Partial<ScanConfig> = {};
  for (const key of SCAN_CONFIG_KEYS) {
    if (Object.hasOwn(value, key)) out[key] = bool(value[key], formatPath([key], 'scan_config'));
  }
  return out;
}

function action(value: unknown, field: string): TemplateAction {
  if (value === undefined) throw invalid(field, 'is required');
  if (typeof value !== 'string') throw invalid(field, `expected a string, got ${describeValue(value)}`);
  if (!(DSC_TEMPLATE_ACTIONS as readonly string[]).includes(value)) {
    const expected = DSC_TEMPLATE_ACTIONS.join(', ');
    throw invalid(field, `${describeValue(value)} is not a supported action (expected one of ${expected})`);
  }
  return value as TemplateAction;
}

// ---- bodies ------------------------------------------------------------------------------------------------------

/** The JSON body; an empty or malformed one → 400 naming `body`. */
function jsonBody(req: MockRequest): unknown {
  const read = readJson(req.rawBody);
  if (!read.ok) throw invalid('body', read.problem);
  if (read.value === undefined) throw invalid('body', 'a JSON body is required');
  return read.value;
}

function objectBody(req: MockRequest): JsonObject {
  const body = jsonBody(req);
  if (!isJsonObject(body)) throw invalid('body', `expected a JSON object, got ${describeValue(body)}`);
  return body;
}

/** Type and range of every known field present in a create/update body; presence is checked by the caller. */
function templateFields(body: JsonObject): TemplateInput {
  const has = (key: string) => Object.hasOwn(body, key);
  const input: TemplateInput = {};
  if (has('task_name')) input.task_name = str(body['task_name'], 'task_name', 1, DSC_LIMITS.taskNameMax);
  if (has('task_description')) {
    input.task_description = str(body['task_description'], 'task_description', 0, DSC_LIMITS.taskDescriptionMax);
  }
  if (has('data_sources')) input.data_sources = dataSources(body['data_sources']);
  if (has('schedule_type')) input.schedule_type = scheduleType(body['schedule_type'], 'schedule_type');
  if (has('start_time')) input.start_time = startTime(body['start_time']);
  if (has('start_now')) input.start_now = bool(body['start_now'], 'start_now');
  if (has('schedule_switch')) input.schedule_switch = bool(body['schedule_switch'], 'schedule_switch');
  if (has('delete_failed_meta')) input.delete_failed_meta = bool(body['delete_failed_meta'], 'delete_failed_meta');
  if (has('scan_config')) input.scan_config = scanConfig(body['scan_config']);
  return input;
}

/** CreateTaskTemplates: the template fields, with `task_name`, `data_sources` and `schedule_type` required. */
export function createBody(req: MockRequest): CreateInput {
  const input = templateFields(objectBody(req));
  const { task_name, data_sources, schedule_type } = input;
  if (task_name === undefined) throw invalid('task_name', 'is required');
  if (data_sources === undefined) throw invalid('data_sources', 'is required');
  if (schedule_type === undefined) throw invalid('schedule_type', 'is required');
  return { ...input, task_name, data_sources, schedule_type };
}

/** UpdateTaskTemplates: the fields to change, each valid on its own (the stored template fills the rest). */
export function updateBody(req: MockRequest): TemplateInput {
  return templateFields(objectBody(req));
}

/** A template id, or null beyond 2^53: no stored template has such an id (ids stay below it), so it is unknown. */
function storedId(id: number): number | null {
  return Number.isSafeInteger(id) ? id : null;
}

/** DeleteTaskTemplates: a bare JSON array of 1–100 ids, integers or decimal strings (null: an id none can have). */
export function deleteBody(req: MockRequest): (number | null)[] {
  const body = jsonBody(req);
  const max = DSC_LIMITS.deleteIdsMax;
  if (!Array.isArray(body)) {
    throw invalid('body', `expected a JSON array of template ids, got ${describeValue(body)}`);
  }
  if (body.length < 1 || body.length > max) {
    throw invalid('body', `must contain 1-${max} template ids, got ${body.length}`);
  }
  return body.map((el: unknown, i) => {
    if (typeof el === 'number' && Number.isInteger(el) && el >= 0) return storedId(el);
    if (typeof el === 'string' && DSC_TEMPLATE_ID_DIGITS.test(el)) return storedId(Number(el));
    const problem = `${describeValue(el)} is not a template id (expected an integer or a decimal string)`;
    throw invalid(formatPath([i], 'body'), problem);
  });
}

/** CreateOperate: `{"action": ...}`. */
export function operateBody(req: MockRequest): TemplateAction {
  const body = objectBody(req);
  return action(Object.hasOwn(body, 'action') ? body['action'] : undefined, 'action');
}

/** UpdateAction: the `action` query parameter. */
export function actionQuery(req: MockRequest): TemplateAction {
  return action(req.query.get('action') ?? undefined, 'action');
}

// ---- path and query ----------------------------------------------------------------------------------------------

export function projectId(req: MockRequest): string {
  const id = req.params['project_id'] ?? '';
  if (!DSC_PROJECT_ID.test(id)) throw invalid('project_id', 'must be 32 letters or digits');
  return id;
}

/** The `template_id` path segment as an id, or null when it can name no template (the state answers 404). */
export function templateId(req: MockRequest): number | null {
  const segment = req.params['template_id'] ?? '';
  return DSC_TEMPLATE_ID_DIGITS.test(segment) ? storedId(Number(segment)) : null;
}

/** Optional int32 query parameter (0–2147483647). */
function queryInt(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  if (!/^[0-9]{1,10}$/.test(v) || Number(v) > INT32_MAX) {
    throw invalid(name, `${describeValue(v)} is not an integer in 0-${INT32_MAX}`);
  }
  return Number(v);
}

function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  const l = v.toLowerCase();
  if (l === 'true') return true;
  if (l === 'false') return false;
  throw invalid(name, `${describeValue(v)} is not a boolean (expected true or false)`);
}

/** Paging: `page_size` (or legacy `limit`; `page_size` wins), 0 = default 100; `offset` default 0. */
function queryPaging(query: URLSearchParams): { size: number; offset: number } {
  const pageSize = queryInt(query, 'page_size');
  const limit = queryInt(query, 'limit');
  const offset = queryInt(query, 'offset') ?? 0;
  const size = pageSize ?? limit ?? 0;
  return { size: size === 0 ? 100 : size, offset };
}

/** `schedule_types`, repeated or comma-separated; blank items are skipped, duplicates dropped. */
function querySchedules(query: URLSearchParams): ScheduleType[] | undefined {
  const values = query
    .getAll('schedule_types')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length === 0) return undefined;
  return [...new Set(values.map((v) => scheduleType(v, 'schedule_types')))];
}

/** ListTaskTemplates: `task_name=` (empty) means no filter; more than 256 characters → 400. */
export function listTemplatesQuery(req: MockRequest): ListFilter {
  const q = req.query;
  const taskName = q.get('task_name') ?? '';
  const max = DSC_LIMITS.listTaskNameMax;
  if (taskName.length > max) throw invalid('task_name', `must be 1-${max} characters`);
  const paging = queryPaging(q);
  const id = queryInt(q, 'id');
  const scheduleTypes = querySchedules(q);
  return { ...paging, id, taskName: taskName === '' ? undefined : taskName, scheduleTypes };
}

/** ListTaskInstances: `reverse` (default false) and paging. */
export function listInstancesQuery(req: MockRequest): InstancePage {
  const reverse = queryBool(req.query, 'reverse') ?? false;
  return { reverse, ...queryPaging(req.query) };
}

// ---- seed routes -------------------------------------------------------------------------------------------------

function seedFlag(req: MockRequest, key: string): boolean {
  const value = readControlBody(req.rawBody)[key];
  if (typeof value !== 'boolean') throw new ControlError(`${key}: expected true or false, got ${describeValue(value)}`);
  return value;
}

/** POST /__mock/dsc/instances/{ins_id} `{"reachable": boolean}`. */
export function seedInstance(req: MockRequest): { insId: string; reachable: boolean } {
  const insId = req.params['ins_id'] ?? '';
  const max = DSC_LIMITS.insIdMax;
  if (insId.length < 1 || insId.length > max) throw new ControlError(`ins_id: expected 1-${max} characters`);
  return { insId, reachable: seedFlag(req, 'reachable') };
}

/** POST /__mock/dsc/projects/{project_id} `{"enabled": boolean}`. */
export function seedProject(req: MockRequest): { projectId: string; enabled: boolean } {
  const id = req.params['project_id'] ?? '';
  if (!DSC_PROJECT_ID.test(id)) throw new ControlError('project_id: expected 32 letters or digits');
  return { projectId: id, enabled: seedFlag(req, 'enabled') };
}

/** The name of the calling user (the template's `create_user`). */
export function userName(req: MockRequest): string {
  return req.identity?.userName ?? '';
}
