/**
 * openapi/dataworks.yaml and the DataWorks schemas and action table (src/dataworks/) agree at run time (the
 * type-level proofs are in dataworks-types.test-d.ts):
 * - `x-actions` lists the sheet's 16 actions with method / params as in DATAWORKS_ACTIONS;
 * - every request field's wire kind (integer, boolean, JSON string, comma list, text) and required flag match;
 * - limits and defaults the SDK enforces match the spec (PageSize maxima, Name lengths, …);
 * - the spec's request examples validate (JSON-string fields against their `contentSchema` too), parse with
 *   `parseDataWorksParams` and serialise back to the same wire form; response examples parse with zod;
 * - wire forms produced by the SDK from valid inputs validate against the spec's `<Action>Request`.
 */
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  DATAWORKS_ACTIONS,
  type DataWorksAction,
  type DataWorksFieldKind,
  type DataWorksRequestInput,
  wireToParams,
} from '../../src/dataworks/actions.js';
import { DataWorksErrorSchema } from '../../src/dataworks/responses.js';
import { DATAWORKS_PAGE_SIZE_MAX } from '../../src/dataworks/schemas.js';
import { parseDataWorksParams } from '../../src/mock/services/dataworks/requests.js';
import { DATAWORKS_ACTION_NAMES, toDataWorksWire } from '../support/dataworks-wire.js';
import { formatAjvErrors, loadSpec, type OpenApiDoc, resolveRef, SpecValidator } from '../support/openapi.js';

const spec = loadSpec('dataworks.yaml');
const doc = spec.doc;
const validator = new SpecValidator([spec]);
const schemas = doc.components.schemas as Record<string, OpenApiDoc>;

const SHEET_ACTIONS = [
  'ListCrawlerTypes',
  'GetCrawlerTypeCapabilities',
  'CreateCrawler',
  'ListCrawlers',
  'GetCrawler',
  'UpdateCrawler',
  'RunCrawler',
  'StopCrawler',
  'ListCrawlerRuns',
  'DeleteCrawler',
  'CreateDataSource',
  'GetDataSource',
  'ListDataSources',
  'DeleteDataSource',
  'TestDataSourceConnectivity',
  'GetTaskInstanceLog',
];

function requestProps(action: string): Record<string, OpenApiDoc> {
  return schemas[`${action}Request`]?.properties ?? {};
}

/** The wire kind a spec property implies. */
function specKind(prop: OpenApiDoc): DataWorksFieldKind {
  const p = resolveRef<OpenApiDoc>(doc, prop);
  if (p.contentMediaType === 'application/json') return 'json';
  if (p.type === 'integer') return 'int';
  if (p.type === 'boolean') return 'bool';
  if (p.type === 'string' && typeof p.pattern === 'string' && p.pattern.includes(',')) {
    return p.pattern.includes('[0-9]') ? 'csv-int' : 'csv-string';
  }
  return 'string';
}

function validateComponent(name: string, value: unknown): string {
  const fn = validator.component(spec, name);
  if (!fn) return `no component ${name}`;
  return fn(value) ? '' : formatAjvErrors(fn.errors);
}

/** Validates every JSON-string field of a wire request against its contentSchema. */
function validateJsonFields(action: string, wire: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, prop] of Object.entries(requestProps(action))) {
    if (prop.contentMediaType !== 'application/json' || wire[key] === undefined) continue;
    const fn = validator.compile(spec, prop.contentSchema, `content:${action}.${key}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(wire[key]));
    } catch {
      out.push(`${key}: not JSON`);
      continue;
    }
    if (!fn(parsed)) out.push(`${key}: ${formatAjvErrors(fn.errors)}`);
  }
  return out;
}

/** Wire object with JSON-string fields parsed (key order inside JSON does not matter). */
function comparable(action: string, wire: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wire)) {
    out[key] = requestProps(action)[key]?.contentMediaType === 'application/json' ? JSON.parse(String(value)) : value;
  }
  return out;
}

describe('x-actions', () => {
  test('lists exactly the sheet actions, in the sheet order, same as DATAWORKS_ACTIONS', () => {
    expect(Object.keys(doc['x-actions'])).toEqual(SHEET_ACTIONS);
    expect(DATAWORKS_ACTION_NAMES).toEqual(SHEET_ACTIONS);
  });

  test.each(SHEET_ACTIONS)('%s: method, params, schemas and errors', (action) => {
    const entry = doc['x-actions'][action];
    const mine = DATAWORKS_ACTIONS[action as DataWorksAction];
    expect(entry).toEqual({
      method: mine.method,
      params: mine.params,
      request: `${action}Request`,
      response: `${action}Response`,
      errors: [400, 403, 404, 429, 500, 502, 503, 504],
    });
    expect(schemas[entry.request]).toBeDefined();
    expect(schemas[entry.response]).toBeDefined();
    // the `/` path summary names the action under the right method
    const param = entry.method === 'GET' ? 'XAcsActionGet' : 'XAcsActionPost';
    expect(doc.components.parameters[param].schema.enum).toContain(action);
  });

  test('the `/` path item has one operationId per method and points at x-actions', () => {
    expect(Object.keys(doc.paths)).toEqual(['/']);
    const root = doc.paths['/'];
    expect(root.get.operationId).toBeTruthy();
    expect(root.post.operationId).toBeTruthy();
    expect(root.get.description).toContain('x-actions');
    expect(root.post.description).toContain('x-actions');
    const inEnums = [
      ...doc.components.parameters.XAcsActionGet.schema.enum,
      ...doc.components.parameters.XAcsActionPost.schema.enum,
    ].sort();
    expect(inEnums).toEqual([...SHEET_ACTIONS].sort());
  });

  test('server, security scheme and error envelope', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('https://dataworks.{regionId}.aliyuncs.com');
    expect(doc.servers[0].variables.regionId.default).toBe('cn-shanghai');
    expect(doc.components.securitySchemes.acs3).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(schemas.DataWorksError?.required).toEqual(['RequestId', 'Code', 'Message']);
    expect(Object.keys(schemas.DataWorksError?.properties ?? {})).toEqual([
      'RequestId',
      'HostId',
      'Code',
      'Message',
      'Recommend',
      'AccessDeniedDetail',
    ]);
  });
});

describe('request fields: spec wire form vs SDK field table', () => {
  test.each(SHEET_ACTIONS)('%s', (action) => {
    const mine = DATAWORKS_ACTIONS[action as DataWorksAction];
    const fields = mine.fields as Record<string, DataWorksFieldKind>;
    const props = requestProps(action);
    const sent = Object.entries(fields).filter(([, kind]) => kind !== 'forbidden');
    expect(sent.map(([k]) => k)).toEqual(Object.keys(props));
    for (const [key, kind] of sent) expect(`${key}:${kind}`).toBe(`${key}:${specKind(props[key]!)}`);
    // refused fields are not part of the wire form
    for (const [key, kind] of Object.entries(fields)) if (kind === 'forbidden') expect(props[key]).toBeUndefined();
    // required flags
    const shape = (mine.request as z.ZodObject).shape as Record<string, z.ZodType>;
    const zodRequired = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
    expect(zodRequired).toEqual(schemas[`${action}Request`]?.required ?? []);
  });

  test('PageSize maxima and defaults', () => {
    for (const [action, max] of Object.entries(DATAWORKS_PAGE_SIZE_MAX)) {
      expect(requestProps(action).PageSize?.maximum, action).toBe(max);
      expect(requestProps(action).PageNumber?.default, action).toBe(1);
    }
    expect(requestProps('ListCrawlers').PageSize?.default).toBe(20);
    expect(requestProps('ListCrawlerRuns').PageSize?.default).toBe(20);
    expect(requestProps('ListDataSources').PageSize?.default).toBe(10);
  });

  test('documented limits are in the spec', () => {
    expect(requestProps('CreateCrawler').Name).toMatchObject({ maxLength: 128, minLength: 1 });
    expect(requestProps('CreateDataSource').Name).toMatchObject({ maxLength: 255, pattern: '^[A-Za-z][A-Za-z0-9_]*$' });
    expect(requestProps('CreateDataSource').Description).toMatchObject({ maxLength: 3000 });
    expect(schemas.Scope?.properties.Items).toMatchObject({ maxItems: 1000, uniqueItems: true });
    expect(schemas.Scope?.properties.Items.items).toMatchObject({ minLength: 1, maxLength: 256 });
    expect(schemas.Scope?.properties.ExcludeRegex).toMatchObject({ maxLength: 1024 });
  });
});

describe('spec examples', () => {
  const requestExamples = SHEET_ACTIONS.flatMap((action) =>
    ((schemas[`${action}Request`]?.examples ?? []) as Record<string, unknown>[]).map(
      (example, i) => [`${action} #${i}`, action, example] as const,
    ),
  );

  test('every action with parameters has at least one request example', () => {
    const withParams = SHEET_ACTIONS.filter((a) => Object.keys(requestProps(a)).length > 0);
    const exampled = new Set(requestExamples.map(([, action]) => action));
    expect(withParams.filter((a) => !exampled.has(a))).toEqual([]);
  });

  test.each(requestExamples)('request %s validates, parses and round-trips', (_label, action, example) => {
    expect(validateComponent(`${action}Request`, example)).toBe('');
    expect(validateJsonFields(action, example)).toEqual([]);
    const parsed = parseDataWorksParams(action as DataWorksAction, wireToParams(example));
    expect(parsed.success ? 'ok' : parsed.message).toBe('ok');
    if (!parsed.success) return;
    const back = toDataWorksWire(action as DataWorksAction, parsed.data as never) as Record<string, unknown>;
    expect(comparable(action, back)).toEqual(comparable(action, example));
  });

  test('the vendor ScheduleConfig example is in the CreateCrawler examples', () => {
    const examples = (schemas.CreateCrawlerRequest?.examples ?? []) as Record<string, unknown>[];
    expect(examples.map((e) => e.ScheduleConfig)).toContain('{"Type":"NORMAL","CronExpress":"0 0 2 ? * *"}');
    const modes = ((schemas.CreateDataSourceRequest?.examples ?? []) as Record<string, unknown>[]).map(
      (e) => e.ConnectionPropertiesMode,
    );
    expect(modes).toContain('UrlMode');
  });

  test.each(
    SHEET_ACTIONS.flatMap((action) =>
      ((schemas[`${action}Response`]?.examples ?? []) as unknown[]).map(
        (ex, i) => [`${action} #${i}`, action, ex] as const,
      ),
    ),
  )('response %s validates with ajv and zod', (_label, action, example) => {
    expect(validateComponent(`${action}Response`, example)).toBe('');
    const result = DATAWORKS_ACTIONS[action as DataWorksAction].response.safeParse(example);
    expect(result.success).toBe(true);
  });

  test('error example validates with ajv and zod', () => {
    for (const example of schemas.DataWorksError?.examples ?? []) {
      expect(validateComponent('DataWorksError', example)).toBe('');
      expect(DataWorksErrorSchema.safeParse(example).success).toBe(true);
    }
  });
});

describe('SDK wire output conforms to the spec', () => {
  const cases: { [A in DataWorksAction]: DataWorksRequestInput<A>[] } = {
    ListCrawlerTypes: [{}],
    GetCrawlerTypeCapabilities: [{}],
    CreateCrawler: [
      { Name: 'c', DataSourceId: 1001, Type: 'mysql' },
      {
        Name: 'full',
        DataSourceId: 1,
        Type: 'mysql',
        ResourceGroupId: 'rg',
        Scope: { Unit: 'DATABASE', Items: ['a', 'b'], ExcludeRegex: '^x$' },
        ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 15 3 ? * MON' },
        EnableAiComment: true,
        Options: { a: 'b' },
      },
    ],
    ListCrawlers: [
      {},
      {
        ProjectId: 1,
        DataSourceIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        Type: 'mysql',
        EnvType: 'Dev',
        Owner: 'u',
        Name: 'n',
        PageNumber: 2,
        PageSize: 100,
      },
    ],
    GetCrawler: [{ Id: 1 }],
    UpdateCrawler: [{ Id: 1, Scope: { Unit: 'INSTANCE' }, Options: {} }],
    RunCrawler: [{ Id: 1 }],
    StopCrawler: [{ Id: 1 }],
    ListCrawlerRuns: [{ Id: 1, StartTimeFrom: 0, StartTimeTo: 1, Status: 'SUCCESS', PageNumber: 1, PageSize: 1 }],
    DeleteCrawler: [{ Id: 1 }],
    CreateDataSource: [
      {
        ProjectId: 1,
        Name: 'a',
        Type: 'mysql',
        ConnectionPropertiesMode: 'UrlMode',
        ConnectionProperties: {
          envType: 'Dev',
          address: [{ host: 'h', port: 1 }],
          database: 'd',
          username: 'u',
          password: '',
        },
        Description: '',
      },
      {
        ProjectId: 1,
        Name: 'b',
        Type: 'holo',
        ConnectionPropertiesMode: 'InstanceMode',
        ConnectionProperties: { envType: 'Prod', anything: [1] },
      },
    ],
    GetDataSource: [{ Id: 1 }],
    ListDataSources: [
      {
        ProjectId: 1,
        Name: 'x',
        Types: ['mysql', 'holo'],
        EnvType: 'Prod',
        Tags: [{ Key: 'k' }],
        SortBy: 'Id',
        Order: 'Asc',
        PageNumber: 1,
        PageSize: 100,
      },
    ],
    DeleteDataSource: [{ Id: 1 }],
    TestDataSourceConnectivity: [{ ProjectId: 1, DataSourceId: 2, ResourceGroupId: 'rg' }],
    GetTaskInstanceLog: [{ Id: 900001, RunNumber: 1 }],
  };

  test.each(SHEET_ACTIONS)('%s', (action) => {
    const list = cases[action as DataWorksAction] as unknown[];
    expect(list.length).toBeGreaterThan(0);
    for (const input of list) {
      const wire = toDataWorksWire(action as DataWorksAction, input as never) as Record<string, unknown>;
      expect(validateComponent(`${action}Request`, wire)).toBe('');
      expect(validateJsonFields(action, wire)).toEqual([]);
    }
  });

  test('the spec rejects what the SDK rejects (sample)', () => {
    expect(validateComponent('ListCrawlersRequest', { PageSize: 101 })).not.toBe('');
    expect(validateComponent('ListCrawlersRequest', { DataSourceIds: '1,2,3,4,5,6,7,8,9,10,11' })).not.toBe('');
    expect(validateComponent('CreateCrawlerRequest', { Name: '   ', DataSourceId: 1, Type: 'mysql' })).not.toBe('');
    expect(validateComponent('CreateDataSourceRequest', { ...{ ProjectId: 1, Type: 't' }, Name: '_x' })).not.toBe('');
    expect(validateComponent('ListDataSourcesRequest', {})).not.toBe('');
  });
});

describe('spec and zod agree on scalar limits (boundary probes through the wire parser)', () => {
  /** Smallest valid wire request per action; each probe replaces one field. */
  const bases: Record<DataWorksAction, Record<string, unknown>> = {
    ListCrawlerTypes: {},
    GetCrawlerTypeCapabilities: {},
    CreateCrawler: { Name: 'c', DataSourceId: 1, Type: 'mysql' },
    ListCrawlers: {},
    GetCrawler: { Id: 1 },
    UpdateCrawler: { Id: 1, EnableAiComment: true },
    RunCrawler: { Id: 1 },
    StopCrawler: { Id: 1 },
    ListCrawlerRuns: { Id: 1 },
    DeleteCrawler: { Id: 1 },
    CreateDataSource: {
      ProjectId: 1,
      Name: 'a',
      Type: 'holo',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: '{"envType":"Dev"}',
    },
    GetDataSource: { Id: 1 },
    ListDataSources: { ProjectId: 1 },
    DeleteDataSource: { Id: 1 },
    TestDataSourceConnectivity: { ProjectId: 1, DataSourceId: 1, ResourceGroupId: 'rg' },
    GetTaskInstanceLog: { Id: 1 },
  };

  function probes(prop: OpenApiDoc, kind: DataWorksFieldKind): unknown[] {
    const p = resolveRef<OpenApiDoc>(doc, prop);
    switch (kind) {
      case 'int': {
        const out = [0, 1, -1, 2, 20, 100, 101, 1.5, Number.MAX_SAFE_INTEGER];
        if (typeof p.maximum === 'number') out.push(p.maximum, p.maximum + 1);
        return out;
      }
      case 'bool':
        return [true, false];
      case 'csv-int':
        return ['1', '1,2', '0', '1,,2', 'a', '1,2,3,4,5,6,7,8,9,10', '1,2,3,4,5,6,7,8,9,10,11'];
      case 'csv-string':
        return ['mysql', 'mysql,holo', ',', 'a,,b'];
      case 'string': {
        const out: unknown[] = ['', ' ', 'a', 'A1_b', '1abc', '_x', 'a-b', 'x'.repeat(300), ...(p.enum ?? [])];
        if (typeof p.maxLength === 'number') out.push('y'.repeat(p.maxLength), 'y'.repeat(p.maxLength + 1));
        return out;
      }
      default:
        return [];
    }
  }

  test.each(SHEET_ACTIONS)('%s', (action) => {
    const fields = DATAWORKS_ACTIONS[action as DataWorksAction].fields as Record<string, DataWorksFieldKind>;
    const base = bases[action as DataWorksAction];
    expect(validateComponent(`${action}Request`, base)).toBe('');
    expect(parseDataWorksParams(action as DataWorksAction, wireToParams(base)).success).toBe(true);
    const disagreements: string[] = [];
    for (const [key, prop] of Object.entries(requestProps(action))) {
      for (const value of probes(prop, fields[key]!)) {
        const wire = { ...base, [key]: value };
        const specOk = validateComponent(`${action}Request`, wire) === '';
        const zodOk = parseDataWorksParams(action as DataWorksAction, wireToParams(wire)).success;
        if (specOk !== zodOk) {
          disagreements.push(`${key}=${JSON.stringify(value).slice(0, 20)}: spec ${specOk}, zod ${zodOk}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('spec contentSchema and zod agree on JSON fields (probes)', () => {
  // Only what JSON Schema can express is probed; regex compilation and the cron subset's value ranges are checked
  // by zod alone (the spec states them in prose).
  const scopes: unknown[] = [
    { Unit: 'DATABASE' },
    { Unit: 'INSTANCE' },
    { Unit: 'CATALOG' },
    { Unit: 'database' },
    {},
    { Unit: 'DATABASE', Items: [] },
    { Unit: 'DATABASE', Items: ['a', 'b'] },
    { Unit: 'DATABASE', Items: ['a', 'a'] },
    { Unit: 'DATABASE', Items: [''] },
    { Unit: 'DATABASE', Items: ['x'.repeat(256)] },
    { Unit: 'DATABASE', Items: ['x'.repeat(257)] },
    { Unit: 'DATABASE', Items: Array.from({ length: 1001 }, (_, i) => `d${i}`) },
    { Unit: 'INSTANCE', Items: ['a'] },
    { Unit: 'PROJECT', Items: [] },
    { Unit: 'DATABASE', ExcludeRegex: '^t.*$' },
    { Unit: 'DATABASE', ExcludeRegex: 'e'.repeat(1025) },
    { Unit: 'DATABASE', Items: 'a,b' },
  ];
  const schedules: unknown[] = [
    { Type: 'MANUAL' },
    { Type: 'MANUAL', CronExpress: 'whatever' },
    { Type: 'NORMAL' },
    { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
    { Type: 'NORMAL', CronExpress: '00 05 23 ? * MON-FRI' },
    { Type: 'NORMAL', CronExpress: '0 59 0 1 * ?' },
    { Type: 'NORMAL', CronExpress: '1 0 2 ? * *' },
    { Type: 'NORMAL', CronExpress: '0 */5 2 ? * *' },
    { Type: 'NORMAL', CronExpress: '0 0,30 2 ? * *' },
    { Type: 'NORMAL', CronExpress: '0 0 2 ? *' },
    { Type: 'NORMAL', CronExpress: '0 0 2 ? * * 2026' },
    { Type: 'NORMAL', CronExpress: '0 60 2 ? * *' },
    { Type: 'DAILY' },
    {},
  ];
  const options: unknown[] = [{}, { a: 'b' }, { a: 1 }, { '': 'x' }, ['a']];

  function agree(action: DataWorksAction, field: string, base: Record<string, unknown>, values: unknown[]): string[] {
    const prop = requestProps(action)[field]!;
    const fn = validator.compile(spec, prop.contentSchema, `probe:${action}.${field}`);
    const out: string[] = [];
    for (const value of values) {
      const specOk = fn(value) === true;
      const zodOk = parseDataWorksParams(action, wireToParams({ ...base, [field]: JSON.stringify(value) })).success;
      if (specOk !== zodOk) out.push(`${JSON.stringify(value).slice(0, 40)}: spec ${specOk}, zod ${zodOk}`);
    }
    return out;
  }

  const create = { Name: 'c', DataSourceId: 1, Type: 'mysql' };
  test('Scope', () => {
    expect(agree('CreateCrawler', 'Scope', create, scopes)).toEqual([]);
    expect(agree('UpdateCrawler', 'Scope', { Id: 1 }, scopes)).toEqual([]);
  });
  test('ScheduleConfig', () => {
    expect(agree('CreateCrawler', 'ScheduleConfig', create, schedules)).toEqual([]);
  });
  test('Options', () => {
    expect(agree('CreateCrawler', 'Options', create, options)).toEqual([]);
  });
  test('Tags', () => {
    const tags = [[], [{ Key: 'k' }], [{ Key: 'k', Value: 'v' }], [{ Value: 'v' }], [{ Key: '' }], { Key: 'k' }];
    expect(agree('ListDataSources', 'Tags', { ProjectId: 1 }, tags)).toEqual([]);
  });
  test('ConnectionProperties (non-mysql type: only envType is required)', () => {
    const cps = [{ envType: 'Dev' }, { envType: 'Prod', x: [1] }, {}, { envType: 'dev' }, 'str', [1]];
    const base = { ProjectId: 1, Name: 'a', Type: 'holo', ConnectionPropertiesMode: 'UrlMode' };
    expect(agree('CreateDataSource', 'ConnectionProperties', base, cps)).toEqual([]);
  });
});
