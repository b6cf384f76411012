/**
 * DataWorks requests → typed input, or a thrown `MockApiError` (`Missing<Param>` / `Invalid.Param` naming the field).
 * Parameters are text, from the query and the form body merged (the body wins); each is decoded by its wire kind in
 * `DATAWORKS_ACTIONS` and validated with the SDK's request schema, so the mock and the SDK check the same rules.
 * Fields whose problems rank after a state rule in the documented order (a crawler's `Scope` after its data source
 * exists, …) are read later, through the `Deferred` functions of the input, when the state asks for them.
 */
import type { z } from 'zod';
import { describeValue, formatPath } from '../../../core/format.js';
import {
  DATAWORKS_ACTIONS,
  type DataWorksAction,
  type DataWorksFieldKind,
  type DataWorksRequest,
} from '../../../dataworks/actions.js';
import { DATAWORKS_CONNECT_STATES } from '../../../dataworks/schemas.js';
import { isJsonObject, readControlBody, readJson } from '../../body.js';
import { ControlError, MockApiError } from '../../errors.js';
import type { MockRequest } from '../../types.js';
import type { DataSourceSeed, EnvType, NewDataSource } from './state-records.js';

type Params = Readonly<Record<string, string | undefined>>;

/** A part of the input read when called; it throws `MockApiError` when that part is bad. */
export type Deferred<T> = () => T;

export type DataWorksParamsResult<A extends DataWorksAction> =
  | { success: true; data: DataWorksRequest<A> }
  | {
      success: false;
      /** `Missing<Param>` or `Invalid.Param`. */
      code: string;
      /** `<Param> is mandatory for this action.` or `Invalid parameter: <path>: <problem>`. */
      message: string;
      /** Dotted path of the offending field (`''` when the rule concerns the whole request). */
      field: string;
    };

/** Query and form body merged (the body wins). */
export function paramsOf(req: MockRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.query) out[k] = v;
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (req.rawBody !== '' && (type === '' || type.includes('x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(req.rawBody)) out[k] = v;
  }
  return out;
}

type Decoded = { ok: true; value: unknown } | { ok: false; why: string };

/** A JSON text that is not blank, or undefined. */
function jsonValue(raw: string): { value: unknown } | undefined {
  const read = readJson(raw);
  return read.ok && read.value !== undefined ? { value: read.value } : undefined;
}

function decodeList(kind: 'csv-int' | 'csv-string', raw: string): Decoded {
  const trimmed = raw.trim();
  let items: unknown[];
  if (trimmed.startsWith('[')) {
    // [mock] a JSON array string is also accepted
    const parsed = jsonValue(trimmed);
    if (parsed === undefined || !Array.isArray(parsed.value)) {
      return { ok: false, why: 'expected a comma-separated list or a JSON array' };
    }
    items = parsed.value;
  } else {
    items = trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim());
  }
  if (kind === 'csv-string') return { ok: true, value: items.map(String) };
  const nums = items.map((v) => (typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : Number.NaN));
  const bad = nums.findIndex((n) => Number.isNaN(n));
  return bad >= 0
    ? { ok: false, why: `expected comma-separated integers, got ${describeValue(String(items[bad]))}` }
    : { ok: true, value: nums };
}

/** One text parameter → the value its wire kind stands for. */
function decode(kind: DataWorksFieldKind, raw: string): Decoded {
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(raw.trim())
        ? { ok: true, value: Number(raw.trim()) }
        : { ok: false, why: `expected an integer, got ${describeValue(raw)}` };
    case 'bool': {
      const lower = raw.trim().toLowerCase(); // [mock] booleans are case-insensitive
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, why: `expected true or false, got ${describeValue(raw)}` };
    }
    case 'json': {
      const parsed = jsonValue(raw);
      // no echo: the text may hold ConnectionProperties secrets
      return parsed === undefined ? { ok: false, why: 'expected a JSON value' } : { ok: true, value: parsed.value };
    }
    case 'csv-int':
    case 'csv-string':
      return decodeList(kind, raw);
    default:
      return { ok: true, value: raw };
  }
}

/**
 * The text parameters of `action` as a validated SDK request, or the error to answer with: a missing required
 * parameter → `Missing<Param>`, anything else → `Invalid.Param` naming the first bad field. Unknown parameters are
 * ignored; rules that need state are the state's.
 */
export function parseDataWorksParams<A extends DataWorksAction>(action: A, params: Params): DataWorksParamsResult<A> {
  const spec = DATAWORKS_ACTIONS[action];
  const fields = spec.fields as Record<string, DataWorksFieldKind>;
  const shape = (spec.request as z.ZodObject).shape as Record<string, z.ZodType>;
  for (const key of Object.keys(fields)) {
    const raw = params[key];
    const required = shape[key] !== undefined && !shape[key].safeParse(undefined).success;
    if (required && (raw === undefined || raw === '')) {
      return { success: false, code: `Missing${key}`, message: `${key} is mandatory for this action.`, field: key };
    }
  }
  const input: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(fields)) {
    const raw = params[key];
    if (raw === undefined) continue;
    const decoded = decode(kind, raw);
    if (!decoded.ok) {
      return {
        success: false,
        code: 'Invalid.Param',
        message: `Invalid parameter: ${key}: ${decoded.why}`,
        field: key,
      };
    }
    input[key] = decoded.value;
  }
  const result = (spec.request as z.ZodType).safeParse(input);
  if (result.success) return { success: true, data: result.data as DataWorksRequest<A> };
  const issue = result.error.issues[0]!;
  const field = formatPath(issue.path); // '' for whole-request rules (UpdateCrawler with nothing to update)
  const message = field ? `Invalid parameter: ${field}: ${issue.message}` : `Invalid parameter: ${issue.message}`;
  return { success: false, code: 'Invalid.Param', message, field };
}

/** The validated request of `action` from `params` (only `keys` of them when given), or a thrown `MockApiError`. */
function read<A extends DataWorksAction>(action: A, params: Params, keys?: readonly string[]): DataWorksRequest<A> {
  const subset = keys === undefined ? params : Object.fromEntries(keys.map((k) => [k, params[k]]));
  const result = parseDataWorksParams(action, subset);
  if (!result.success) throw new MockApiError(400, result.code, result.message);
  return result.data;
}

/** Actions whose one parameter is an `Id`. */
type ByIdAction = 'GetCrawler' | 'RunCrawler' | 'StopCrawler' | 'DeleteCrawler' | 'GetDataSource' | 'DeleteDataSource';

export function parseId(action: ByIdAction, req: MockRequest): number {
  return read(action, paramsOf(req)).Id;
}

export const parseListCrawlers = (req: MockRequest) => read('ListCrawlers', paramsOf(req));
export const parseListDataSources = (req: MockRequest) => read('ListDataSources', paramsOf(req));
export const parseTestConnectivity = (req: MockRequest) => read('TestDataSourceConnectivity', paramsOf(req));
export const parseGetTaskInstanceLog = (req: MockRequest) => read('GetTaskInstanceLog', paramsOf(req));

const CRAWLER_HEAD = ['Name', 'DataSourceId', 'Type'] as const;

/** CreateCrawler: the head fields now, then `Scope`, `ScheduleConfig` and the whole request when asked. */
export interface CreateCrawlerInput {
  Name: string;
  DataSourceId: number;
  Type: string;
  /** The caller's user id. */
  owner: string;
  scope: Deferred<DataWorksRequest<'CreateCrawler'>['Scope']>;
  schedule: Deferred<DataWorksRequest<'CreateCrawler'>['ScheduleConfig']>;
  all: Deferred<DataWorksRequest<'CreateCrawler'>>;
}

export function parseCreateCrawler(req: MockRequest): CreateCrawlerInput {
  const params = paramsOf(req);
  const head = read('CreateCrawler', params, CRAWLER_HEAD);
  return {
    Name: head.Name,
    DataSourceId: head.DataSourceId,
    Type: head.Type,
    owner: req.identity?.userId ?? '',
    scope: () => read('CreateCrawler', params, [...CRAWLER_HEAD, 'Scope']).Scope,
    schedule: () => read('CreateCrawler', params, [...CRAWLER_HEAD, 'ScheduleConfig']).ScheduleConfig,
    all: () => read('CreateCrawler', params),
  };
}

/** UpdateCrawler: `Id` now (MissingId and its format come before Crawler.NotFound), the changes when asked. */
export function parseUpdateCrawler(req: MockRequest): {
  Id: number;
  changes: Deferred<DataWorksRequest<'UpdateCrawler'>>;
} {
  const params = paramsOf(req);
  return { Id: read('GetCrawler', params, ['Id']).Id, changes: () => read('UpdateCrawler', params) };
}

/** ListCrawlerRuns: `Id` now, the filters when asked (after the crawler is found). */
export function parseListCrawlerRuns(req: MockRequest): {
  Id: number;
  filters: Deferred<DataWorksRequest<'ListCrawlerRuns'>>;
} {
  const params = paramsOf(req);
  return { Id: read('ListCrawlerRuns', params, ['Id']).Id, filters: () => read('ListCrawlerRuns', params) };
}

/** CreateDataSource: the record to store; the type is lower-cased (data-source types are case-insensitive). */
export function parseCreateDataSource(req: MockRequest): NewDataSource {
  const q = read('CreateDataSource', paramsOf(req));
  const props = q.ConnectionProperties as Record<string, unknown>;
  return {
    projectId: q.ProjectId,
    name: q.Name,
    type: q.Type.toLowerCase(),
    mode: q.ConnectionPropertiesMode,
    props: structuredClone(props),
    ...(q.Description !== undefined ? { description: q.Description } : {}),
    envType: props['envType'] as EnvType,
    createUser: req.identity?.userId ?? '',
  };
}

// ---- seeds (control route and in-process method) ------------------------------------------------------------

/** Why a seed body is unacceptable, or undefined. */
export function seedProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'body: expected a JSON object';
  const state = body['connectState'];
  if (state !== undefined && !(DATAWORKS_CONNECT_STATES as readonly unknown[]).includes(state)) {
    return `connectState: expected one of ${DATAWORKS_CONNECT_STATES.join(', ')}`;
  }
  if (body['connectMessage'] !== undefined && typeof body['connectMessage'] !== 'string') {
    return 'connectMessage: expected a string';
  }
  const tables = body['tables'];
  if (tables !== undefined) {
    if (!isJsonObject(tables)) return 'tables: expected an object {"<database>": ["<table>", …]}';
    for (const [db, list] of Object.entries(tables)) {
      if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t === '')) {
        return `tables.${db}: expected an array of non-empty table names`;
      }
    }
  }
  return undefined;
}

/** `POST /__mock/dataworks/datasources/{id}`: the data-source id and the seed fields to merge. */
export function parseSeed(req: MockRequest): { id: number; seed: Partial<DataSourceSeed> } {
  const raw = req.params['id'] ?? '';
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new ControlError('id: expected a positive integer');
  const body = readControlBody(req.rawBody);
  const problem = seedProblem(body);
  if (problem) throw new ControlError(problem);
  return { id: Number(raw), seed: body as Partial<DataSourceSeed> };
}
