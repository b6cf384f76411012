/**
 * Type-level proofs that the zod schemas (src/dataworks/) and the types generated from
 * openapi/dataworks.yaml (src/generated/dataworks.ts) agree:
 * - every response schema's z.output equals the generated `<Action>Response` (and each shared object its schema);
 * - the wire form of every SDK request (`DataWorksWire<z.output<request schema>>`) equals the generated
 *   `<Action>Request`, i.e. same fields, same optionality, same enums, objects/arrays sent as strings;
 * - the SDK-facing CreateCrawler input is pinned field by field.
 * `Normalize` turns an index signature into a `'[index]'` key so that `A & {[k: string]: unknown}` (generated)
 * and zod's loose-object output compare structurally; it keeps optional modifiers.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type {
  DataWorksAction,
  DataWorksRequestInput,
  DataWorksResponse,
  DataWorksWire,
  DataWorksWireRequest,
} from '../../src/dataworks/actions.js';
import type * as requests from '../../src/dataworks/requests.js';
import type * as resources from '../../src/dataworks/resources.js';
import type * as responses from '../../src/dataworks/responses.js';
import type * as schemas from '../../src/dataworks/schemas.js';
import type { components } from '../../src/generated/dataworks.js';

type Schemas = components['schemas'];

type Normalize<T> = T extends readonly (infer E)[]
  ? Normalize<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? '[index]' : number extends K ? never : K]: Normalize<T[K]> }
    : T;

describe('Normalize can tell types apart', () => {
  test('optional vs required, loose vs closed, enum width', () => {
    expectTypeOf<Normalize<{ a?: string }>>().not.toEqualTypeOf<Normalize<{ a: string }>>();
    expectTypeOf<Normalize<{ a: string } & { [k: string]: unknown }>>().not.toEqualTypeOf<Normalize<{ a: string }>>();
    expectTypeOf<Normalize<{ a: 'X' | 'Y' }>>().not.toEqualTypeOf<Normalize<{ a: string }>>();
    expectTypeOf<Normalize<{ a: { b: number }[] }>>().not.toEqualTypeOf<Normalize<{ a: { b?: number }[] }>>();
  });
});

describe('request wire form equals the generated <Action>Request', () => {
  test('every action', () => {
    // no parameters: `{}` on the SDK side, `Record<string, never>` (no field may carry a value) generated
    expectTypeOf<keyof DataWorksWireRequest<'ListCrawlerTypes'>>().toEqualTypeOf<never>();
    expectTypeOf<Schemas['ListCrawlerTypesRequest']>().toEqualTypeOf<Record<string, never>>();
    // no parameters: `{}` on the SDK side, `Record<string, never>` (no field may carry a value) generated
    expectTypeOf<keyof DataWorksWireRequest<'GetCrawlerTypeCapabilities'>>().toEqualTypeOf<never>();
    expectTypeOf<Schemas['GetCrawlerTypeCapabilitiesRequest']>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<Normalize<DataWorksWireRequest<'CreateCrawler'>>>().toEqualTypeOf<
      Normalize<Schemas['CreateCrawlerRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'ListCrawlers'>>>().toEqualTypeOf<
      Normalize<Schemas['ListCrawlersRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'GetCrawler'>>>().toEqualTypeOf<
      Normalize<Schemas['GetCrawlerRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'UpdateCrawler'>>>().toEqualTypeOf<
      Normalize<Schemas['UpdateCrawlerRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'RunCrawler'>>>().toEqualTypeOf<
      Normalize<Schemas['RunCrawlerRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'StopCrawler'>>>().toEqualTypeOf<
      Normalize<Schemas['StopCrawlerRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'ListCrawlerRuns'>>>().toEqualTypeOf<
      Normalize<Schemas['ListCrawlerRunsRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'DeleteCrawler'>>>().toEqualTypeOf<
      Normalize<Schemas['DeleteCrawlerRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'CreateDataSource'>>>().toEqualTypeOf<
      Normalize<Schemas['CreateDataSourceRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'GetDataSource'>>>().toEqualTypeOf<
      Normalize<Schemas['GetDataSourceRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'ListDataSources'>>>().toEqualTypeOf<
      Normalize<Schemas['ListDataSourcesRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'DeleteDataSource'>>>().toEqualTypeOf<
      Normalize<Schemas['DeleteDataSourceRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'TestDataSourceConnectivity'>>>().toEqualTypeOf<
      Normalize<Schemas['TestDataSourceConnectivityRequest']>
    >();
    expectTypeOf<Normalize<DataWorksWireRequest<'GetTaskInstanceLog'>>>().toEqualTypeOf<
      Normalize<Schemas['GetTaskInstanceLogRequest']>
    >();
  });
  test('refused UpdateCrawler keys vanish from the wire form and nested objects become strings', () => {
    expectTypeOf<
      DataWorksWire<{ Id: number; Name?: undefined; Scope?: { Unit: 'DATABASE' }; Ids?: number[] }>
    >().toEqualTypeOf<{
      Id: number;
      Scope?: string;
      Ids?: string;
    }>();
  });
});

describe('response schemas equal the generated <Action>Response', () => {
  test('every action', () => {
    expectTypeOf<Normalize<z.output<typeof responses.ListCrawlerTypesResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['ListCrawlerTypesResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.GetCrawlerTypeCapabilitiesResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['GetCrawlerTypeCapabilitiesResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.CreateCrawlerResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['CreateCrawlerResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.ListCrawlersResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['ListCrawlersResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.GetCrawlerResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['GetCrawlerResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.UpdateCrawlerResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['UpdateCrawlerResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.RunCrawlerResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['RunCrawlerResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.StopCrawlerResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['StopCrawlerResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.ListCrawlerRunsResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['ListCrawlerRunsResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.DeleteCrawlerResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['DeleteCrawlerResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.CreateDataSourceResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['CreateDataSourceResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.GetDataSourceResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['GetDataSourceResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.ListDataSourcesResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['ListDataSourcesResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.DeleteDataSourceResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['DeleteDataSourceResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.TestDataSourceConnectivityResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['TestDataSourceConnectivityResponse']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.GetTaskInstanceLogResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['GetTaskInstanceLogResponse']>
    >();
  });
  test('shared objects', () => {
    expectTypeOf<Normalize<z.output<typeof resources.CrawlerSchema>>>().toEqualTypeOf<Normalize<Schemas['Crawler']>>();
    expectTypeOf<Normalize<z.output<typeof resources.CrawlerRunSchema>>>().toEqualTypeOf<
      Normalize<Schemas['CrawlerRun']>
    >();
    expectTypeOf<Normalize<z.output<typeof resources.DataSourceSchema>>>().toEqualTypeOf<
      Normalize<Schemas['DataSource']>
    >();
    expectTypeOf<Normalize<z.output<typeof resources.DataSourceGroupSchema>>>().toEqualTypeOf<
      Normalize<Schemas['DataSourceGroup']>
    >();
    expectTypeOf<Normalize<z.output<typeof resources.ConnectivitySchema>>>().toEqualTypeOf<
      Normalize<Schemas['Connectivity']>
    >();
    expectTypeOf<Normalize<z.output<typeof resources.CrawlerTypeCapabilitySchema>>>().toEqualTypeOf<
      Normalize<Schemas['CrawlerTypeCapability']>
    >();
    expectTypeOf<Normalize<z.output<typeof resources.ScopeResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['Scope']>
    >();
    expectTypeOf<Normalize<z.output<typeof resources.ScheduleConfigResponseSchema>>>().toEqualTypeOf<
      Normalize<Schemas['ScheduleConfig']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.CrawlersPagingInfoSchema>>>().toEqualTypeOf<
      Normalize<Schemas['CrawlersPagingInfo']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.CrawlerRunsPagingInfoSchema>>>().toEqualTypeOf<
      Normalize<Schemas['CrawlerRunsPagingInfo']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.DataSourcesPagingInfoSchema>>>().toEqualTypeOf<
      Normalize<Schemas['DataSourcesPagingInfo']>
    >();
    expectTypeOf<Normalize<z.output<typeof responses.DataWorksErrorSchema>>>().toEqualTypeOf<
      Normalize<Schemas['DataWorksError']>
    >();
  });
  test('request-side nested objects equal the spec objects minus the index signature', () => {
    type Closed<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
    expectTypeOf<z.output<typeof schemas.ScopeSchema>>().toEqualTypeOf<Closed<Schemas['Scope']>>();
    expectTypeOf<z.output<typeof schemas.ScheduleConfigSchema>>().toEqualTypeOf<Closed<Schemas['ScheduleConfig']>>();
    expectTypeOf<z.output<typeof schemas.CrawlerOptionsSchema>>().toEqualTypeOf<Schemas['CrawlerOptions']>();
    expectTypeOf<z.output<typeof schemas.DataSourceTagSchema>>().toEqualTypeOf<Schemas['DataSourceTag']>();
  });
  test('DataWorksResponse<A> is the response schema output', () => {
    expectTypeOf<DataWorksResponse<'GetCrawler'>>().toEqualTypeOf<
      z.output<typeof responses.GetCrawlerResponseSchema>
    >();
    expectTypeOf<DataWorksAction>().toEqualTypeOf<
      | 'ListCrawlerTypes'
      | 'GetCrawlerTypeCapabilities'
      | 'CreateCrawler'
      | 'ListCrawlers'
      | 'GetCrawler'
      | 'UpdateCrawler'
      | 'RunCrawler'
      | 'StopCrawler'
      | 'ListCrawlerRuns'
      | 'DeleteCrawler'
      | 'CreateDataSource'
      | 'GetDataSource'
      | 'ListDataSources'
      | 'DeleteDataSource'
      | 'TestDataSourceConnectivity'
      | 'GetTaskInstanceLog'
    >();
  });
});

describe('SDK-facing requests', () => {
  test('CreateCrawler input is pinned', () => {
    expectTypeOf<DataWorksRequestInput<'CreateCrawler'>>().toEqualTypeOf<{
      Name: string;
      DataSourceId: number;
      Type: string;
      ResourceGroupId?: string | undefined;
      Scope?:
        | {
            Unit: 'PROJECT' | 'DATABASE' | 'INSTANCE' | 'CATALOG';
            Items?: string[] | undefined;
            ExcludeRegex?: string | undefined;
          }
        | undefined;
      ScheduleConfig?: { Type: 'MANUAL' | 'NORMAL'; CronExpress?: string | undefined } | undefined;
      EnableAiComment?: boolean | undefined;
      Options?: Record<string, string> | undefined;
    }>();
    expectTypeOf<DataWorksRequestInput<'CreateCrawler'>>().toEqualTypeOf<
      z.output<typeof requests.CreateCrawlerRequestSchema>
    >();
  });
  test('UpdateCrawler refuses Name, DataSourceId and Type at compile time', () => {
    expectTypeOf<DataWorksRequestInput<'UpdateCrawler'>['Name']>().toEqualTypeOf<undefined>();
    expectTypeOf<DataWorksRequestInput<'UpdateCrawler'>['Type']>().toEqualTypeOf<undefined>();
    // @ts-expect-error a crawler cannot be renamed
    const bad: DataWorksRequestInput<'UpdateCrawler'> = { Id: 1, Name: 'x' };
    void bad;
  });
  test('arrays and objects on the SDK side', () => {
    expectTypeOf<DataWorksRequestInput<'ListCrawlers'>['DataSourceIds']>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<DataWorksRequestInput<'ListDataSources'>['Types']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<DataWorksRequestInput<'CreateDataSource'>['ConnectionProperties']>().toEqualTypeOf<{
      envType: 'Dev' | 'Prod';
      [k: string]: unknown;
    }>();
  });
});
