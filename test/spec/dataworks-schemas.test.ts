/**
 * DataWorks zod schemas (src/dataworks/): SDK-input validation of the [mock] rules a client can check locally, the
 * SDK → wire serialisation, the wire → SDK parsing of the mock (src/mock/services/dataworks/requests.ts: error codes
 * and messages), and the loose response schemas.
 */

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withUnknownFields } from '../../src/core/api-promise.js';
import {
  DATAWORKS_ACTIONS,
  type DataWorksAction,
  type DataWorksRequestInput,
  dataWorksWireFrom,
} from '../../src/dataworks/actions.js';
import { CreateCrawlerRequestSchema, CreateDataSourceRequestSchema } from '../../src/dataworks/requests.js';
import {
  DataWorksErrorSchema,
  GetCrawlerResponseSchema,
  ListCrawlerRunsResponseSchema,
  ListDataSourcesResponseSchema,
} from '../../src/dataworks/responses.js';
import { dataWorksCronProblem } from '../../src/dataworks/schemas.js';
import { parseDataWorksParams } from '../../src/mock/services/dataworks/requests.js';
import {
  DataWorksRequestValidationError,
  formatDataWorksIssues,
  toDataWorksParams,
  toDataWorksWire,
} from '../support/dataworks-wire.js';

/** `path: message` lines of a rejected request, or [] when it is valid. */
function problems<A extends DataWorksAction>(action: A, input: unknown): string[] {
  const result = (DATAWORKS_ACTIONS[action].request as { safeParse(v: unknown): unknown }).safeParse(input) as
    | { success: true }
    | { success: false; error: Parameters<typeof formatDataWorksIssues>[0] };
  return result.success ? [] : formatDataWorksIssues(result.error);
}

const crawler = { Name: 'shop_crawler', DataSourceId: 1001, Type: 'mysql' };
const urlMode = {
  envType: 'Prod',
  address: [{ host: '10.0.0.5', port: 3306 }],
  database: 'shop',
  username: 'u',
  password: 'S3cr3t-pw!',
  properties: {},
};
const dataSource = {
  ProjectId: 10001,
  Name: 'shop_mysql',
  Type: 'mysql',
  ConnectionPropertiesMode: 'UrlMode',
  ConnectionProperties: urlMode,
};

describe('CreateCrawler input', () => {
  test('minimal and full inputs are valid', () => {
    expect(problems('CreateCrawler', crawler)).toEqual([]);
    expect(
      problems('CreateCrawler', {
        ...crawler,
        ResourceGroupId: 'Serverless_res_group_1',
        Scope: { Unit: 'DATABASE', Items: ['shop', 'crm'], ExcludeRegex: '^tmp_.*$' },
        ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
        EnableAiComment: false,
        Options: { k: 'v' },
      }),
    ).toEqual([]);
  });

  test('Name: required, 1-128 characters, not blank', () => {
    expect(problems('CreateCrawler', { ...crawler, Name: 'x'.repeat(128) })).toEqual([]);
    expect(problems('CreateCrawler', { ...crawler, Name: 'x'.repeat(129) })).toEqual([
      'Name: expected a crawler name of 1 to 128 characters',
    ]);
    expect(problems('CreateCrawler', { ...crawler, Name: '   ' })).toEqual([
      'Name: expected a crawler name of 1 to 128 characters, not blank',
    ]);
    expect(problems('CreateCrawler', { ...crawler, Name: '' })[0]).toMatch(/^Name: .*not blank/);
    const { Name: _n, ...noName } = crawler;
    expect(problems('CreateCrawler', noName)).toEqual(['Name: expected a crawler name (a string), got nothing']);
  });

  test('DataSourceId: a positive integer', () => {
    expect(problems('CreateCrawler', { ...crawler, DataSourceId: 0 })).toEqual([
      'DataSourceId: expected a positive integer data source id',
    ]);
    expect(problems('CreateCrawler', { ...crawler, DataSourceId: 1.5 })[0]).toMatch(
      /^DataSourceId: expected a positive integer/,
    );
    expect(problems('CreateCrawler', { ...crawler, DataSourceId: '1001' })).toEqual([
      "DataSourceId: expected a positive integer data source id, got '1001'",
    ]);
  });

  test('Scope: unit enum, Items only with DATABASE, at most 1000 unique entries of 1-256 characters', () => {
    const scope = (s: unknown) => problems('CreateCrawler', { ...crawler, Scope: s });
    expect(scope({ Unit: 'INSTANCE' })).toEqual([]);
    expect(scope({ Unit: 'database' })[0]).toMatch(/^Scope\.Unit: expected a scope unit: one of PROJECT, DATABASE/);
    expect(scope({ Unit: 'INSTANCE', Items: ['a'] })).toEqual([
      'Scope.Items: expected no Items with Unit INSTANCE (Items are only allowed with Unit DATABASE)',
    ]);
    expect(scope({ Unit: 'DATABASE', Items: ['a', 'b', 'a'] })).toEqual([
      "Scope.Items[2]: expected unique entries, 'a' repeats",
    ]);
    expect(scope({ Unit: 'DATABASE', Items: ['a', ''] })).toEqual([
      'Scope.Items[1]: expected a database name (a non-empty string)',
    ]);
    expect(scope({ Unit: 'DATABASE', Items: ['d'.repeat(256)] })).toEqual([]);
    expect(scope({ Unit: 'DATABASE', Items: ['d'.repeat(257)] })).toEqual([
      'Scope.Items[0]: expected a database name of 1 to 256 characters',
    ]);
    const many = Array.from({ length: 1000 }, (_, i) => `db${i}`);
    expect(scope({ Unit: 'DATABASE', Items: many })).toEqual([]);
    expect(scope({ Unit: 'DATABASE', Items: [...many, 'one_more'] })).toEqual([
      'Scope.Items: expected at most 1000 database names',
    ]);
  });

  test('Scope.ExcludeRegex: at most 1024 characters and must compile', () => {
    const scope = (s: unknown) => problems('CreateCrawler', { ...crawler, Scope: s });
    expect(scope({ Unit: 'DATABASE', ExcludeRegex: '^(?!(?:t1|t2)$).*$' })).toEqual([]);
    expect(scope({ Unit: 'DATABASE', ExcludeRegex: 'a'.repeat(1025) })).toEqual([
      'Scope.ExcludeRegex: expected a regular expression of at most 1024 characters',
    ]);
    expect(scope({ Unit: 'DATABASE', ExcludeRegex: '(unclosed' })[0]).toMatch(
      /^Scope\.ExcludeRegex: expected a valid regular expression \(/,
    );
  });

  test('ScheduleConfig: NORMAL needs a 6-field cron with seconds 0 and one minute number; MANUAL ignores it', () => {
    const sched = (s: unknown) => problems('CreateCrawler', { ...crawler, ScheduleConfig: s });
    expect(sched({ Type: 'NORMAL', CronExpress: '0 0 2 ? * *' })).toEqual([]);
    expect(sched({ Type: 'NORMAL', CronExpress: '00 30 9 ? * MON-FRI' })).toEqual([]);
    expect(sched({ Type: 'MANUAL' })).toEqual([]);
    expect(sched({ Type: 'MANUAL', CronExpress: 'not a cron' })).toEqual([]);
    expect(sched({ Type: 'NORMAL' })).toEqual([
      "ScheduleConfig.CronExpress: expected a cron expression with Type NORMAL, e.g. '0 0 2 ? * *'",
    ]);
    expect(sched({ Type: 'NORMAL', CronExpress: '0 0 2 * *' })[0]).toMatch(
      /^ScheduleConfig\.CronExpress: expected exactly 6 fields .*got 5$/,
    );
    expect(sched({ Type: 'NORMAL', CronExpress: '5 0 2 ? * *' })).toEqual([
      "ScheduleConfig.CronExpress: expected the seconds field to be 0, got '5'",
    ]);
    expect(sched({ Type: 'NORMAL', CronExpress: '0 */15 * ? * *' })).toEqual([
      "ScheduleConfig.CronExpress: expected the minutes field to be one number 0-59 (at most one run per hour), got '*/15'",
    ]);
    expect(sched({ Type: 'WEEKLY' })[0]).toMatch(
      /^ScheduleConfig\.Type: expected a schedule type: one of MANUAL, NORMAL/,
    );
  });

  test('Options: string values only', () => {
    expect(problems('CreateCrawler', { ...crawler, Options: { k: 1 } })).toEqual([
      'Options.k: expected a string option value, got 1',
    ]);
  });

  test('unknown keys are dropped, never sent', () => {
    const parsed = CreateCrawlerRequestSchema.parse({ ...crawler, Extra: 'x' });
    expect(parsed).toEqual(crawler);
  });
});

describe('dataWorksCronProblem', () => {
  test.each([
    ['0 0 2 ? * *', undefined],
    ['0 0 0 1 * ?', undefined],
    ['0 59 23 ? * 1,7', undefined],
    ['0 0 2 L * ?', /unsupported token 'L'/],
    ['0 0 2 ? * 6#3', /unsupported token '6#3'/],
    ['0 0 2 ? * * 2026', /year field is not supported/],
    ['0 0 24 ? * *', /out of range 0-23/],
    ['0 0-30 2 ? * *', /minutes field to be one number/],
    ['0 5,35 2 ? * *', /minutes field to be one number/],
    ['*/30 0 2 ? * *', /seconds field to be 0/],
  ])('%s', (expr, expected) => {
    const problem = dataWorksCronProblem(expr);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('other requests', () => {
  test('UpdateCrawler: partial, at least one field, Name/DataSourceId/Type refused', () => {
    expect(problems('UpdateCrawler', { Id: 50001, ScheduleConfig: { Type: 'MANUAL' } })).toEqual([]);
    expect(problems('UpdateCrawler', { Id: 50001, EnableAiComment: false })).toEqual([]);
    expect(problems('UpdateCrawler', { Id: 50001 })).toEqual([
      '(request): expected at least one field to update (ResourceGroupId, Scope, ScheduleConfig, EnableAiComment, Options)',
    ]);
    expect(problems('UpdateCrawler', { Id: 50001, Name: 'new', Options: {} })).toEqual([
      'Name: expected no Name: UpdateCrawler cannot change Name',
    ]);
    expect(problems('UpdateCrawler', { Id: 50001, Type: 'mysql', DataSourceId: 2, Options: {} })).toEqual([
      'DataSourceId: expected no DataSourceId: UpdateCrawler cannot change DataSourceId',
      'Type: expected no Type: UpdateCrawler cannot change Type',
    ]);
  });

  test('ListCrawlers: PageSize 1-100, at most 10 data source ids, EnvType Dev|Prod', () => {
    expect(problems('ListCrawlers', {})).toEqual([]);
    expect(problems('ListCrawlers', { PageSize: 100, PageNumber: 1, DataSourceIds: [1, 2] })).toEqual([]);
    expect(problems('ListCrawlers', { PageSize: 101 })).toEqual([
      'PageSize: expected a page size: an integer from 1 to 100',
    ]);
    expect(problems('ListCrawlers', { PageNumber: 0 })).toEqual([
      'PageNumber: expected a page number: an integer at least 1',
    ]);
    expect(problems('ListCrawlers', { DataSourceIds: Array.from({ length: 11 }, (_, i) => i + 1) })).toEqual([
      'DataSourceIds: expected 1 to 10 data source ids',
    ]);
    expect(problems('ListCrawlers', { EnvType: 'dev' })).toEqual([
      "EnvType: expected an environment: one of Dev, Prod (exact case), got 'dev'",
    ]);
  });

  test('ListCrawlerRuns: StartTimeFrom <= StartTimeTo, status enum', () => {
    expect(problems('ListCrawlerRuns', { Id: 1, StartTimeFrom: 1000, StartTimeTo: 1000, Status: 'ERROR' })).toEqual([]);
    expect(problems('ListCrawlerRuns', { Id: 1, StartTimeFrom: 2000, StartTimeTo: 1000 })).toEqual([
      'StartTimeFrom: expected StartTimeFrom <= StartTimeTo (2000 > 1000)',
    ]);
    expect(problems('ListCrawlerRuns', { Id: 1, Status: 'FAILED' })[0]).toMatch(/^Status: expected a run status/);
  });

  test('CreateDataSource: name pattern, description length, envType', () => {
    expect(problems('CreateDataSource', dataSource)).toEqual([]);
    for (const bad of ['1abc', '_abc', 'a-b', 'a b', '']) {
      expect(problems('CreateDataSource', { ...dataSource, Name: bad })[0], bad).toMatch(
        /^Name: expected letters, digits and _ only, starting with a letter/,
      );
    }
    expect(problems('CreateDataSource', { ...dataSource, Name: `a${'b'.repeat(254)}` })).toEqual([]);
    expect(problems('CreateDataSource', { ...dataSource, Name: `a${'b'.repeat(255)}` })).toEqual([
      'Name: expected a data source name of 1 to 255 characters',
    ]);
    expect(problems('CreateDataSource', { ...dataSource, Description: 'd'.repeat(3000) })).toEqual([]);
    expect(problems('CreateDataSource', { ...dataSource, Description: 'd'.repeat(3001) })).toEqual([
      'Description: expected a description of at most 3000 characters',
    ]);
    expect(
      problems('CreateDataSource', { ...dataSource, ConnectionProperties: { ...urlMode, envType: 'Test' } })[0],
    ).toMatch(/^ConnectionProperties\.envType: expected an environment/);
    expect(problems('CreateDataSource', { ...dataSource, ConnectionPropertiesMode: 'JdbcMode' })[0]).toMatch(
      /^ConnectionPropertiesMode: expected a connection properties mode: one of UrlMode, InstanceMode/,
    );
  });

  test('CreateDataSource mysql UrlMode: exactly one address, host, port 1-65535, database, username, password', () => {
    const cp = (over: Record<string, unknown>) =>
      problems('CreateDataSource', { ...dataSource, ConnectionProperties: { ...urlMode, ...over } });
    expect(cp({ address: [] })).toEqual([
      'ConnectionProperties.address: expected exactly one {host, port} address (mysql UrlMode)',
    ]);
    expect(cp({ address: [urlMode.address[0], urlMode.address[0]] })).toEqual([
      'ConnectionProperties.address: expected exactly one {host, port} address (mysql UrlMode)',
    ]);
    expect(cp({ address: [{ host: '', port: 3306 }] })).toEqual([
      'ConnectionProperties.address[0].host: expected a host name (a non-empty string) (mysql UrlMode)',
    ]);
    expect(cp({ address: [{ host: 'h', port: 70000 }] })).toEqual([
      'ConnectionProperties.address[0].port: expected a port number from 1 to 65535 (mysql UrlMode)',
    ]);
    expect(cp({ database: undefined, password: undefined })).toEqual([
      'ConnectionProperties.database: expected a database name (a non-empty string) (mysql UrlMode)',
      'ConnectionProperties.password: expected a password (a string) (mysql UrlMode)',
    ]);
    // the type is matched case-insensitively; other types only need envType
    expect(
      problems('CreateDataSource', { ...dataSource, Type: 'MySQL', ConnectionProperties: { envType: 'Dev' } }),
    ).not.toEqual([]);
    expect(
      problems('CreateDataSource', { ...dataSource, Type: 'holo', ConnectionProperties: { envType: 'Dev' } }),
    ).toEqual([]);
  });

  test('CreateDataSource mysql InstanceMode requires regionId, instanceId, database, username, password', () => {
    const instance = {
      envType: 'Dev',
      regionId: 'cn-shanghai',
      instanceId: 'rm-1',
      database: 'orders',
      username: 'reader',
      password: 'pw',
    };
    const input = { ...dataSource, ConnectionPropertiesMode: 'InstanceMode', ConnectionProperties: instance };
    expect(problems('CreateDataSource', input)).toEqual([]);
    expect(
      problems('CreateDataSource', { ...input, ConnectionProperties: { ...instance, instanceId: undefined } }),
    ).toEqual([
      'ConnectionProperties.instanceId: expected an RDS instance id (a non-empty string) (mysql InstanceMode)',
    ]);
    expect(
      problems('CreateDataSource', { ...input, ConnectionProperties: { ...instance, driverVersion: '9.9' } }),
    ).toEqual(["ConnectionProperties.driverVersion: expected one of '', 8.2.0, 5.1.49, 5.1.46 (mysql InstanceMode)"]);
  });

  test('connection-property values (passwords) never appear in messages', () => {
    const secret = 'S3cr3t-pw!';
    const bad = [
      { ...urlMode, password: 12345 },
      { ...urlMode, envType: secret },
      { ...urlMode, username: { nested: secret } },
      { ...urlMode, address: secret },
    ];
    for (const cp of bad) {
      const lines = problems('CreateDataSource', { ...dataSource, ConnectionProperties: cp });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(secret);
      expect(lines.join('\n')).not.toContain('12345');
    }
    const wire = parseDataWorksParams('CreateDataSource', {
      ProjectId: '1',
      Name: 'n',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: `{"password":"${secret}",`,
    });
    expect(wire).toMatchObject({ success: false, code: 'Invalid.Param' });
    expect(JSON.stringify(wire)).not.toContain(secret);
  });

  test('ListDataSources: ProjectId required, PageSize 1-100, comma-free types, sort enums', () => {
    expect(
      problems('ListDataSources', { ProjectId: 1, Types: ['mysql', 'holo'], SortBy: 'Name', Order: 'Asc' }),
    ).toEqual([]);
    expect(problems('ListDataSources', {})).toEqual([
      'ProjectId: expected a positive integer workspace (project) id, got nothing',
    ]);
    expect(problems('ListDataSources', { ProjectId: 1, PageSize: 101 })).toEqual([
      'PageSize: expected a page size: an integer from 1 to 100',
    ]);
    expect(problems('ListDataSources', { ProjectId: 1, Types: ['mysql,holo'] })).toEqual([
      'Types[0]: expected a data source type without commas',
    ]);
    expect(problems('ListDataSources', { ProjectId: 1, SortBy: 'Owner' })[0]).toMatch(/^SortBy: expected a sort key/);
  });

  test('TestDataSourceConnectivity and GetTaskInstanceLog', () => {
    expect(problems('TestDataSourceConnectivity', { ProjectId: 1, DataSourceId: 2, ResourceGroupId: '' })).toEqual([
      'ResourceGroupId: expected a resource group id (a non-empty string)',
    ]);
    expect(problems('GetTaskInstanceLog', { Id: 900001, RunNumber: 2 })).toEqual([]);
    expect(problems('GetTaskInstanceLog', { Id: 900001, RunNumber: 0 })).toEqual([
      'RunNumber: expected a run number: an integer at least 1',
    ]);
  });
});

describe('SDK input → wire', () => {
  test('CreateCrawler: objects become JSON strings, scalars text, undefined omitted', () => {
    const params = toDataWorksParams('CreateCrawler', {
      ...crawler,
      Scope: { Unit: 'DATABASE', Items: ['a', 'b'] },
      ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
      EnableAiComment: false,
      Options: { k: 'v' },
      ResourceGroupId: undefined,
    });
    expect(params).toEqual({
      Name: 'shop_crawler',
      DataSourceId: '1001',
      Type: 'mysql',
      Scope: '{"Unit":"DATABASE","Items":["a","b"]}',
      ScheduleConfig: '{"Type":"NORMAL","CronExpress":"0 0 2 ? * *"}',
      EnableAiComment: 'false',
      Options: '{"k":"v"}',
    });
  });

  test('the typed wire object keeps numbers and booleans', () => {
    expect(toDataWorksWire('ListCrawlers', { ProjectId: 7, DataSourceIds: [1001, 1002], PageSize: 20 })).toEqual({
      ProjectId: 7,
      DataSourceIds: '1001,1002',
      PageSize: 20,
    });
    expect(toDataWorksWire('UpdateCrawler', { Id: 5, EnableAiComment: true })).toEqual({
      Id: 5,
      EnableAiComment: true,
    });
  });

  test('dataWorksWireFrom serialises validated data without re-validating and drops unknown keys', () => {
    const data = { Id: 7, ScheduleConfig: { Type: 'MANUAL' as const }, Extra: 'x' };
    expect(dataWorksWireFrom('UpdateCrawler', data)).toEqual({ Id: 7, ScheduleConfig: '{"Type":"MANUAL"}' });
  });

  test('a nested field of the wrong shape is named with what was expected', () => {
    expect(problems('CreateCrawler', { ...crawler, Scope: 'DATABASE' })).toEqual([
      'Scope: expected an object {Unit, Items?, ExcludeRegex?}',
    ]);
    expect(problems('CreateCrawler', { ...crawler, ScheduleConfig: [] })).toEqual([
      'ScheduleConfig: expected an object {Type, CronExpress?}',
    ]);
    expect(parseDataWorksParams('CreateCrawler', { ...strings(crawler), Scope: 'null' })).toMatchObject({
      message: 'Invalid parameter: Scope: expected an object {Unit, Items?, ExcludeRegex?}',
    });
    expect(parseDataWorksParams('CreateCrawler', { ...strings(crawler), Scope: '{oops' })).toMatchObject({
      message: 'Invalid parameter: Scope: expected a JSON value',
    });
  });

  test('ListDataSources: Types comma-joined, Tags JSON', () => {
    expect(
      toDataWorksParams('ListDataSources', {
        ProjectId: 1,
        Types: ['mysql', 'holo'],
        Tags: [{ Key: 'team', Value: 'bi' }],
      }),
    ).toEqual({ ProjectId: '1', Types: 'mysql,holo', Tags: '[{"Key":"team","Value":"bi"}]' });
  });

  test('CreateDataSource: ConnectionProperties keeps every key and is sent as JSON', () => {
    const params = toDataWorksParams('CreateDataSource', {
      ...dataSource,
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: { ...urlMode, envType: 'Prod', extraKey: 1 },
    });
    expect(JSON.parse(params.ConnectionProperties!)).toEqual({ ...urlMode, extraKey: 1 });
    expect(Object.keys(params).sort()).toEqual(
      ['ConnectionProperties', 'ConnectionPropertiesMode', 'Name', 'ProjectId', 'Type'].sort(),
    );
  });

  test('invalid input throws DataWorksRequestValidationError naming each field, nothing serialised', () => {
    let caught: unknown;
    try {
      toDataWorksParams('CreateCrawler', { ...crawler, Name: ' ', DataSourceId: -1 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DataWorksRequestValidationError);
    const err = caught as DataWorksRequestValidationError;
    expect(err.action).toBe('CreateCrawler');
    expect(err.problems).toEqual([
      'Name: expected a crawler name of 1 to 128 characters, not blank',
      'DataSourceId: expected a positive integer data source id',
    ]);
    expect(err.message).toBe(`Invalid CreateCrawler request: ${err.problems.join('; ')}`);
  });

  test('a CreateDataSource validation error does not carry the password in its message', () => {
    const input = { ...dataSource, ConnectionProperties: { ...urlMode, address: [] } };
    expect(() => toDataWorksParams('CreateDataSource', input as DataWorksRequestInput<'CreateDataSource'>)).toThrow(
      /ConnectionProperties\.address/,
    );
    try {
      toDataWorksParams('CreateDataSource', input as DataWorksRequestInput<'CreateDataSource'>);
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(urlMode.password);
    }
  });
});

describe('wire → SDK input (parseDataWorksParams, used by the mock)', () => {
  test('the vendor example ScheduleConfig parses', () => {
    const result = parseDataWorksParams('CreateCrawler', {
      Name: 'c',
      DataSourceId: '1001',
      Type: 'mysql',
      ScheduleConfig: '{"Type":"NORMAL","CronExpress":"0 0 2 ? * *"}',
    });
    expect(result).toEqual({
      success: true,
      data: {
        Name: 'c',
        DataSourceId: 1001,
        Type: 'mysql',
        ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
      },
    });
  });

  test('missing required parameter → Missing<Param>', () => {
    expect(parseDataWorksParams('CreateCrawler', { Name: 'c', Type: 'mysql' })).toEqual({
      success: false,
      code: 'MissingDataSourceId',
      message: 'DataSourceId is mandatory for this action.',
      field: 'DataSourceId',
    });
    expect(parseDataWorksParams('ListDataSources', {})).toMatchObject({ code: 'MissingProjectId' });
    expect(parseDataWorksParams('GetCrawler', { Id: '' })).toMatchObject({ code: 'MissingId' });
  });

  test('bad values → Invalid.Param naming the field', () => {
    expect(parseDataWorksParams('GetCrawler', { Id: 'abc' })).toEqual({
      success: false,
      code: 'Invalid.Param',
      message: "Invalid parameter: Id: expected an integer, got 'abc'",
      field: 'Id',
    });
    expect(parseDataWorksParams('ListCrawlers', { PageSize: '101' })).toEqual({
      success: false,
      code: 'Invalid.Param',
      message: 'Invalid parameter: PageSize: expected a page size: an integer from 1 to 100',
      field: 'PageSize',
    });
    expect(
      parseDataWorksParams('CreateCrawler', { ...strings(crawler), Scope: '{"Unit":"DATABASE","Items":["a","a"]}' }),
    ).toMatchObject({ code: 'Invalid.Param', field: 'Scope.Items[1]' });
    expect(parseDataWorksParams('UpdateCrawler', { Id: '1', Name: 'x', EnableAiComment: 'true' })).toMatchObject({
      code: 'Invalid.Param',
      message: 'Invalid parameter: Name: expected no Name: UpdateCrawler cannot change Name',
    });
    expect(parseDataWorksParams('UpdateCrawler', { Id: '1' })).toEqual({
      success: false,
      code: 'Invalid.Param',
      message:
        'Invalid parameter: expected at least one field to update (ResourceGroupId, Scope, ScheduleConfig, EnableAiComment, Options)',
      field: '',
    });
    expect(parseDataWorksParams('UpdateCrawler', { Id: '1', EnableAiComment: 'yes' })).toMatchObject({
      message: "Invalid parameter: EnableAiComment: expected true or false, got 'yes'",
    });
  });

  test('[mock] leniencies: booleans case-insensitive, JSON arrays for comma lists, unknown params ignored', () => {
    expect(parseDataWorksParams('UpdateCrawler', { Id: '1', EnableAiComment: 'TRUE', Foo: 'bar' })).toEqual({
      success: true,
      data: { Id: 1, EnableAiComment: true },
    });
    expect(parseDataWorksParams('ListCrawlers', { DataSourceIds: '[1001,1002]' })).toEqual({
      success: true,
      data: { DataSourceIds: [1001, 1002] },
    });
    expect(parseDataWorksParams('ListDataSources', { ProjectId: '1', Types: '["mysql","holo"]' })).toEqual({
      success: true,
      data: { ProjectId: 1, Types: ['mysql', 'holo'] },
    });
    expect(parseDataWorksParams('ListCrawlers', { DataSourceIds: '1001,x' })).toMatchObject({
      code: 'Invalid.Param',
      field: 'DataSourceIds',
    });
  });

  test('property: SDK input → params → parse gives back the validated input', () => {
    const name = fc.string({ minLength: 1, maxLength: 128 }).filter((s) => /\S/.test(s));
    const arb = fc.record(
      {
        Name: name,
        DataSourceId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        Type: fc.constantFrom('mysql', 'holo'),
        ResourceGroupId: fc.string({ minLength: 1, maxLength: 40 }),
        Scope: fc.oneof(
          fc.record({ Unit: fc.constantFrom('INSTANCE', 'PROJECT') as fc.Arbitrary<'INSTANCE' | 'PROJECT'> }),
          fc.record(
            {
              Unit: fc.constant('DATABASE' as const),
              Items: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }),
              ExcludeRegex: fc.constantFrom('^tmp_.*$', '.*_bak', 'a|b'),
            },
            { requiredKeys: ['Unit'] },
          ),
        ),
        ScheduleConfig: fc.oneof(
          fc.constant({ Type: 'MANUAL' as const }),
          fc
            .record({ m: fc.integer({ min: 0, max: 59 }), h: fc.integer({ min: 0, max: 23 }) })
            .map(({ m, h }) => ({ Type: 'NORMAL' as const, CronExpress: `0 ${m} ${h} ? * *` })),
        ),
        EnableAiComment: fc.boolean(),
        Options: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
      },
      { requiredKeys: ['Name', 'DataSourceId', 'Type'] },
    );
    fc.assert(
      fc.property(arb, (input) => {
        const params = toDataWorksParams('CreateCrawler', input);
        for (const value of Object.values(params)) expect(typeof value).toBe('string');
        const back = parseDataWorksParams('CreateCrawler', params);
        expect(back).toEqual({ success: true, data: CreateCrawlerRequestSchema.parse(input) });
      }),
      { numRuns: 200 },
    );
  });
});

/** Every value of an object as text (a hand-written wire map). */
function strings(o: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}

describe('response schemas', () => {
  const crawlerBody = {
    Id: 50001,
    Name: 'c',
    DataSourceId: 1001,
    ProjectId: 10001,
    Type: 'mysql',
    Status: 'VALID',
    CreateTime: 1,
    ModifyTime: 2,
    ScheduleConfig: { Type: 'MANUAL' },
    Scope: { Unit: 'DATABASE', Future: true },
  };

  test('loose: unknown fields are kept at every level', () => {
    const parsed = GetCrawlerResponseSchema.parse({ RequestId: 'R', Success: true, Crawler: crawlerBody, NewTop: 1 });
    expect(withUnknownFields(parsed).NewTop).toBe(1);
    expect(withUnknownFields(parsed.Crawler.Scope ?? {}).Future).toBe(true);
    // @ts-expect-error -- typed with the documented fields only
    expect(parsed.NewTop).toBe(1);
  });

  test('documented fields are checked', () => {
    expect(
      GetCrawlerResponseSchema.safeParse({ RequestId: 'R', Success: true, Crawler: { ...crawlerBody, Id: '1' } })
        .success,
    ).toBe(false);
    expect(
      GetCrawlerResponseSchema.safeParse({ RequestId: 'R', Success: true, Crawler: { ...crawlerBody, Status: 'OK' } })
        .success,
    ).toBe(false);
    expect(GetCrawlerResponseSchema.safeParse({ Success: true, Crawler: crawlerBody }).success).toBe(false);
    expect(
      ListCrawlerRunsResponseSchema.safeParse({
        RequestId: 'R',
        Success: true,
        PagingInfo: {
          TotalCount: 1,
          PageNumber: 1,
          PageSize: 20,
          CrawlerRuns: [{ Status: 'RUNNING', StartedTime: 1, TaskInstanceId: 900001 }],
        },
      }).success,
    ).toBe(true);
    expect(
      ListDataSourcesResponseSchema.safeParse({
        RequestId: 'R',
        PagingInfo: { TotalCount: 1, PageNumber: 1, PageSize: 10, DataSources: [{ Name: 'n', Type: 'mysql' }] },
      }).success,
    ).toBe(false);
  });

  test('error envelope', () => {
    const body = { RequestId: 'R', HostId: 'h', Code: 'Crawler.NotFound', Message: 'm', Recommend: 'u' };
    expect(DataWorksErrorSchema.parse(body)).toEqual(body);
    expect(DataWorksErrorSchema.safeParse({ RequestId: 'R', Message: 'm' }).success).toBe(false);
  });
});

test('CreateDataSourceRequestSchema rejects a non-object ConnectionProperties', () => {
  expect(
    CreateDataSourceRequestSchema.safeParse({ ...dataSource, ConnectionProperties: '{"envType":"Dev"}' }).success,
  ).toBe(false);
});
