/**
 * The DataWorks 2024-05-18 action table and wire encoding. DataWorks is RPC: every call is `/` naming an action and
 * the API version, its parameters travel as form fields or query parameters, all text: nested objects as JSON
 * strings, scalar arrays comma-joined. `DATAWORKS_ACTIONS` gives each action's method, where its parameters travel,
 * its request and response schemas and the wire kind of each request field; `dataWorksWireFrom` and `wireToParams`
 * encode a validated SDK request. The mock reads requests with the same table.
 */
import type { z } from 'zod';
import {
  CreateCrawlerRequestSchema,
  CreateDataSourceRequestSchema,
  DeleteCrawlerRequestSchema,
  DeleteDataSourceRequestSchema,
  GetCrawlerRequestSchema,
  GetCrawlerTypeCapabilitiesRequestSchema,
  GetDataSourceRequestSchema,
  GetTaskInstanceLogRequestSchema,
  ListCrawlerRunsRequestSchema,
  ListCrawlersRequestSchema,
  ListCrawlerTypesRequestSchema,
  ListDataSourcesRequestSchema,
  RunCrawlerRequestSchema,
  StopCrawlerRequestSchema,
  TestDataSourceConnectivityRequestSchema,
  UpdateCrawlerRequestSchema,
} from './requests.js';
import {
  CreateCrawlerResponseSchema,
  CreateDataSourceResponseSchema,
  DeleteCrawlerResponseSchema,
  DeleteDataSourceResponseSchema,
  GetCrawlerResponseSchema,
  GetCrawlerTypeCapabilitiesResponseSchema,
  GetDataSourceResponseSchema,
  GetTaskInstanceLogResponseSchema,
  ListCrawlerRunsResponseSchema,
  ListCrawlersResponseSchema,
  ListCrawlerTypesResponseSchema,
  ListDataSourcesResponseSchema,
  RunCrawlerResponseSchema,
  StopCrawlerResponseSchema,
  TestDataSourceConnectivityResponseSchema,
  UpdateCrawlerResponseSchema,
} from './responses.js';

/** The one API version the SDK speaks (`x-acs-version`). */
export const DATAWORKS_API_VERSION = '2024-05-18';

/** How a request field travels as text. `forbidden` = known but refused (UpdateCrawler Name/DataSourceId/Type). */
export type DataWorksFieldKind = 'string' | 'int' | 'bool' | 'json' | 'csv-int' | 'csv-string' | 'forbidden';

const ID: Record<string, DataWorksFieldKind> = { Id: 'int' };
const CRAWLER_SETTINGS: Record<string, DataWorksFieldKind> = {
  ResourceGroupId: 'string',
  Scope: 'json',
  ScheduleConfig: 'json',
  EnableAiComment: 'bool',
  Options: 'json',
};

/**
 * Every action: HTTP method, where the parameters travel, the request and response schemas and the wire kind of
 * each request field. Mirrors the spec's `x-actions` (test/spec/dataworks-schemas.test.ts checks that).
 */
export const DATAWORKS_ACTIONS = {
  ListCrawlerTypes: {
    method: 'GET',
    params: 'query',
    request: ListCrawlerTypesRequestSchema,
    response: ListCrawlerTypesResponseSchema,
    fields: {},
  },
  GetCrawlerTypeCapabilities: {
    method: 'POST',
    params: 'body',
    request: GetCrawlerTypeCapabilitiesRequestSchema,
    response: GetCrawlerTypeCapabilitiesResponseSchema,
    fields: {},
  },
  CreateCrawler: {
    method: 'POST',
    params: 'body',
    request: CreateCrawlerRequestSchema,
    response: CreateCrawlerResponseSchema,
    fields: { Name: 'string', DataSourceId: 'int', Type: 'string', ...CRAWLER_SETTINGS },
  },
  ListCrawlers: {
    method: 'POST',
    params: 'body',
    request: ListCrawlersRequestSchema,
    response: ListCrawlersResponseSchema,
    fields: {
      ProjectId: 'int',
      DataSourceIds: 'csv-int',
      Type: 'string',
      EnvType: 'string',
      Owner: 'string',
      Name: 'string',
      PageNumber: 'int',
      PageSize: 'int',
    },
  },
  GetCrawler: {
    method: 'POST',
    params: 'body',
    request: GetCrawlerRequestSchema,
    response: GetCrawlerResponseSchema,
    fields: ID,
  },
  UpdateCrawler: {
    method: 'POST',
    params: 'body',
    request: UpdateCrawlerRequestSchema,
    response: UpdateCrawlerResponseSchema,
    fields: { ...ID, ...CRAWLER_SETTINGS, Name: 'forbidden', DataSourceId: 'forbidden', Type: 'forbidden' },
  },
  RunCrawler: {
    method: 'POST',
    params: 'body',
    request: RunCrawlerRequestSchema,
    response: RunCrawlerResponseSchema,
    fields: ID,
  },
  StopCrawler: {
    method: 'POST',
    params: 'body',
    request: StopCrawlerRequestSchema,
    response: StopCrawlerResponseSchema,
    fields: ID,
  },
  ListCrawlerRuns: {
    method: 'POST',
    params: 'body',
    request: ListCrawlerRunsRequestSchema,
    response: ListCrawlerRunsResponseSchema,
    fields: {
      Id: 'int',
      StartTimeFrom: 'int',
      StartTimeTo: 'int',
      Status: 'string',
      PageNumber: 'int',
      PageSize: 'int',
    },
  },
  DeleteCrawler: {
    method: 'POST',
    params: 'body',
    request: DeleteCrawlerRequestSchema,
    response: DeleteCrawlerResponseSchema,
    fields: ID,
  },
  CreateDataSource: {
    method: 'POST',
    params: 'query',
    request: CreateDataSourceRequestSchema,
    response: CreateDataSourceResponseSchema,
    fields: {
      ProjectId: 'int',
      Name: 'string',
      Type: 'string',
      ConnectionPropertiesMode: 'string',
      ConnectionProperties: 'json',
      Description: 'string',
    },
  },
  GetDataSource: {
    method: 'GET',
    params: 'query',
    request: GetDataSourceRequestSchema,
    response: GetDataSourceResponseSchema,
    fields: ID,
  },
  ListDataSources: {
    method: 'GET',
    params: 'query',
    request: ListDataSourcesRequestSchema,
    response: ListDataSourcesResponseSchema,
    fields: {
      ProjectId: 'int',
      Name: 'string',
      Types: 'csv-string',
      EnvType: 'string',
      Tags: 'json',
      SortBy: 'string',
      Order: 'string',
      PageNumber: 'int',
      PageSize: 'int',
    },
  },
  DeleteDataSource: {
    method: 'GET',
    params: 'query',
    request: DeleteDataSourceRequestSchema,
    response: DeleteDataSourceResponseSchema,
    fields: ID,
  },
  TestDataSourceConnectivity: {
    method: 'POST',
    params: 'query',
    request: TestDataSourceConnectivityRequestSchema,
    response: TestDataSourceConnectivityResponseSchema,
    fields: { ProjectId: 'int', DataSourceId: 'int', ResourceGroupId: 'string' },
  },
  GetTaskInstanceLog: {
    method: 'GET',
    params: 'query',
    request: GetTaskInstanceLogRequestSchema,
    response: GetTaskInstanceLogResponseSchema,
    fields: { Id: 'int', RunNumber: 'int' },
  },
} as const satisfies Record<
  string,
  {
    method: 'GET' | 'POST';
    params: 'body' | 'query';
    request: z.ZodObject;
    response: z.ZodType;
    fields: Record<string, DataWorksFieldKind>;
  }
>;

/**
 * Name of a DataWorks 2024-05-18 action the SDK supports (e.g. `CreateCrawler`).
 * @useDeclaredType
 */
export type DataWorksAction = keyof typeof DATAWORKS_ACTIONS;

/** What the SDK accepts for an action (objects and arrays, not JSON strings). */
export type DataWorksRequestInput<A extends DataWorksAction> = z.input<(typeof DATAWORKS_ACTIONS)[A]['request']>;
/** A validated SDK request. */
export type DataWorksRequest<A extends DataWorksAction> = z.output<(typeof DATAWORKS_ACTIONS)[A]['request']>;
/** A parsed response body. */
export type DataWorksResponse<A extends DataWorksAction> = z.output<(typeof DATAWORKS_ACTIONS)[A]['response']>;

type WireValue<V> = V extends string | number | boolean ? V : string;
/**
 * Wire form of an SDK request type: nested objects and arrays become strings (JSON / comma-joined), scalars stay;
 * keys that can only be `undefined` (refused fields) disappear. Equal to the generated `<Action>Request`.
 */
export type DataWorksWire<T> = {
  [K in keyof T as [Exclude<T[K], undefined>] extends [never] ? never : K]: WireValue<Exclude<T[K], undefined>>;
};
export type DataWorksWireRequest<A extends DataWorksAction> = DataWorksWire<DataWorksRequest<A>>;

function wireValue(kind: DataWorksFieldKind, value: unknown): string | number | boolean {
  switch (kind) {
    case 'json':
      return JSON.stringify(value);
    case 'csv-int':
    case 'csv-string':
      return (value as unknown[]).map(String).join(',');
    default:
      return value as string | number | boolean;
  }
}

/**
 * The wire object of an already validated request (checked against `DATAWORKS_ACTIONS[action].request`): JSON
 * strings, comma-joined arrays, typed scalars. Only the action's known fields are emitted.
 */
export function dataWorksWireFrom<A extends DataWorksAction>(
  action: A,
  request: DataWorksRequest<A>,
): DataWorksWireRequest<A> {
  const valid = request as Record<string, unknown>;
  const fields = DATAWORKS_ACTIONS[action].fields as Record<string, DataWorksFieldKind>;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, kind] of Object.entries(fields)) {
    const value = valid[key];
    if (value === undefined || kind === 'forbidden') continue;
    out[key] = wireValue(kind, value);
  }
  return out as DataWorksWireRequest<A>;
}

/** A wire object as the flat text map sent in the form body or query string (booleans `true`/`false`). */
export function wireToParams(wire: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}
