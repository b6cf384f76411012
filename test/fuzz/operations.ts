/**
 * A valid request for every operation of every mocked service, and which of its inputs take which damage. The
 * fuzz tests list the operations from the services' route tables and fail naming any that is missing here.
 */
import type { z } from 'zod';
import { DATAWORKS_ACTIONS, type DataWorksAction, type DataWorksFieldKind } from '../../src/dataworks/actions.js';
import type { ServiceName } from '../../src/mock/index.js';
import type { JsonSpec, TextKind } from './damage.js';
import { DW_PROJECT, type Fixture } from './fixture.js';

/** A text input (query or form parameter) and the damage it takes. */
export interface TextInput {
  kind: TextKind | 'text' | 'forbidden';
  /** Maximum length (a `text` input takes only a too-long value). */
  max?: number;
  required?: boolean;
}

export interface HuaweiOp {
  family: 'huawei';
  service: ServiceName;
  operation: string;
  method: string;
  /** Path template with `{param}` segments. */
  path: string;
  /** Valid path parameters (raw). */
  params: Record<string, string>;
  query?: Record<string, string>;
  queryInputs?: Record<string, TextInput>;
  /** Valid JSON body and its rules. */
  body?: unknown;
  spec?: JsonSpec;
  headers?: Record<string, string>;
  /** A header whose damage the operation rejects (for operations with no other input). */
  headerDamage?: { name: string; values: string[] };
}

export interface DataWorksOp {
  family: 'dataworks';
  service: 'dataworks';
  operation: DataWorksAction;
  method: 'GET' | 'POST';
  in: 'query' | 'body';
  params: Record<string, string>;
  inputs: Record<string, TextInput>;
}

export type HttpOp = HuaweiOp | DataWorksOp;

/** Shared with the SDK fuzz (sdk.test.ts). */
export const DSC_TEMPLATE = {
  task_name: 'fuzz2',
  task_description: 'd',
  data_sources: [{ db_type: 'MySQL', ins_id: 'ins-2' }],
  schedule_type: 'ONCE',
  scan_config: { scan_tables: true },
};
/** Shared with the SDK fuzz (sdk.test.ts). */
export const DSC_TEMPLATE_SPEC: JsonSpec = {
  required: [
    ['task_name'],
    ['data_sources'],
    ['data_sources', 0, 'db_type'],
    ['data_sources', 0, 'ins_id'],
    ['schedule_type'],
  ],
  bounded: [
    [['task_name'], 1024],
    [['task_description'], 1024],
    [['data_sources', 0, 'ins_id'], 256],
  ],
};
/** Shared with the SDK fuzz (sdk.test.ts). */
export const DSC_UPDATE_SPEC: JsonSpec = {
  required: [
    ['data_sources', 0, 'db_type'],
    ['data_sources', 0, 'ins_id'],
  ],
  bounded: DSC_TEMPLATE_SPEC.bounded,
};
const DSC_PAGING: Record<string, TextInput> = {
  page_size: { kind: 'int' },
  offset: { kind: 'int' },
  limit: { kind: 'int' },
};

/** Shared with the SDK fuzz (sdk.test.ts). */
export const DATAARTS_TASK = {
  name: 'fuzz2',
  description: 'd',
  dir_id: '0',
  data_source_type: 'DLI',
  schedule_config: { schedule_type: 'RUN_ONCE' },
  task_config: { data_connection_id: 'conn-2' },
};
/** Shared with the SDK fuzz (sdk.test.ts). */
export const DATAARTS_TASK_SPEC: JsonSpec = {
  required: [
    ['name'],
    ['dir_id'],
    ['data_source_type'],
    ['schedule_config'],
    ['schedule_config', 'schedule_type'],
    ['task_config'],
  ],
  bounded: [
    [['name'], 128],
    [['description'], 1024],
    [['dir_id'], 64],
    [['data_source_type'], 64],
  ],
  open: [['task_config']],
};

function huaweiOps(fx: Fixture): HuaweiOp[] {
  const dsc = (operation: string, method: string, path: string, rest: Partial<HuaweiOp> = {}): HuaweiOp => ({
    family: 'huawei',
    service: 'dsc',
    operation,
    method,
    path: `/v1/{project_id}/metadata${path}`,
    params: { project_id: fx.project, template_id: fx.templateId },
    ...rest,
  });
  const da = (operation: string, method: string, path: string, rest: Partial<HuaweiOp> = {}): HuaweiOp => ({
    family: 'huawei',
    service: 'dataarts',
    operation,
    method,
    path: `/v3/{project_id}/metadata/tasks${path}`,
    params: { project_id: fx.project, task_id: fx.taskId, instance_id: fx.instanceId },
    headers: { workspace: fx.workspace },
    headerDamage: { name: 'workspace', values: ['..', '../x', '%00', 'x'.repeat(65), 'a b', '\t', 'ff'.repeat(16)] },
    ...rest,
  });
  return [
    dsc('CreateTaskTemplates', 'POST', '/task-templates', { body: DSC_TEMPLATE, spec: DSC_TEMPLATE_SPEC }),
    dsc('CreateTaskTemplate', 'POST', '/task-template', { body: DSC_TEMPLATE, spec: DSC_TEMPLATE_SPEC }),
    dsc('ListTaskTemplates', 'GET', '/task-templates', {
      query: { page_size: '10', offset: '0', task_name: 'fuzz', schedule_types: 'ONCE', id: fx.templateId },
      queryInputs: {
        ...DSC_PAGING,
        id: { kind: 'int' },
        task_name: { kind: 'text', max: 256 },
        schedule_types: { kind: 'enum' },
      },
    }),
    dsc('UpdateTaskTemplates', 'PUT', '/task-templates/{template_id}', { body: DSC_TEMPLATE, spec: DSC_UPDATE_SPEC }),
    dsc('UpdateTaskTemplate', 'PUT', '/task-template/{template_id}', { body: DSC_TEMPLATE, spec: DSC_UPDATE_SPEC }),
    dsc('DeleteTaskTemplates', 'DELETE', '/task-templates', {
      body: [fx.templateId],
      spec: { required: [[0]], bounded: [] },
    }),
    dsc('CreateOperate', 'POST', '/task-templates/{template_id}/operate', {
      body: { action: 'DISABLE' },
      spec: { required: [['action']], bounded: [[['action'], 7]] },
    }),
    dsc('UpdateAction', 'PUT', '/task-template/{template_id}/action', {
      query: { action: 'DISABLE' },
      queryInputs: { action: { kind: 'enum', required: true } },
    }),
    dsc('ListTaskInstances', 'GET', '/task-templates/{template_id}/task-instances', {
      query: { page_size: '10', reverse: 'true' },
      queryInputs: { ...DSC_PAGING, reverse: { kind: 'bool' } },
    }),
    da('ShowTaskList', 'POST', '/search', {
      body: { name: 'fuzz', data_source_type: 'DLI', limit: 10, offset: 0 },
      spec: { required: [], bounded: [] },
    }),
    da('CreateTask', 'POST', '/create', { body: DATAARTS_TASK, spec: DATAARTS_TASK_SPEC }),
    da('ShowTaskInfo', 'GET', '/{task_id}'),
    da('UpdateTaskInfo', 'PUT', '/{task_id}', { body: DATAARTS_TASK, spec: DATAARTS_TASK_SPEC }),
    da('DeleteTaskInfo', 'DELETE', '/{task_id}'),
    da('ExecuteTaskAction', 'POST', '/{task_id}/action', {
      query: { action: 'stop' },
      queryInputs: { action: { kind: 'enum', required: true } },
    }),
    da('ShowInstanceLog', 'POST', '/{task_id}/{instance_id}/log', {
      body: { bridge_id: fx.bridgeId, classification_id: 'c' },
      spec: { required: [['bridge_id']], bounded: [] },
    }),
    {
      family: 'huawei',
      service: 'iam',
      operation: 'KeystoneCreateUserTokenByPassword',
      method: 'POST',
      path: '/v3/auth/tokens',
      params: {},
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: fx.mock.defaults.userName,
                password: 'wrong-password',
                domain: { name: fx.mock.defaults.domainName },
              },
            },
          },
          scope: { project: { name: fx.mock.defaults.projectName } },
        },
      },
      // The password in the valid body is wrong on purpose: an accepted body then answers 401, never issues a token.
      spec: {
        required: [
          ['auth'],
          ['auth', 'identity'],
          ['auth', 'identity', 'methods'],
          ['auth', 'identity', 'password'],
          ['auth', 'identity', 'password', 'user'],
        ],
        bounded: [],
      },
    },
    {
      family: 'huawei',
      service: 'iam',
      operation: 'KeystoneListProjects',
      method: 'GET',
      path: '/v3/projects',
      params: {},
      query: { name: fx.mock.defaults.projectName },
      headerDamage: {
        name: 'x-auth-token',
        values: ['', 'x', 'MII', '..', '%00', 'ab'.repeat(50_000), fx.mock.defaults.token.slice(1)],
      },
    },
  ];
}

/** Wire damage of each DataWorks field kind; plain text fields take only a too-long value where they have a limit. */
const DW_TEXT: Record<string, TextInput> = {
  EnvType: { kind: 'enum' },
  Status: { kind: 'enum' },
  SortBy: { kind: 'enum' },
  Order: { kind: 'enum' },
  ConnectionPropertiesMode: { kind: 'enum' },
  Description: { kind: 'text', max: 3000 },
};
const DW_TEXT_BY_ACTION: Partial<Record<DataWorksAction, Record<string, TextInput>>> = {
  CreateCrawler: { Name: { kind: 'text', max: 128 }, Type: { kind: 'enum' } },
  CreateDataSource: { Name: { kind: 'text', max: 255 } },
};

function dataworksInputs(action: DataWorksAction): Record<string, TextInput> {
  const spec = DATAWORKS_ACTIONS[action];
  const shape = (spec.request as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const out: Record<string, TextInput> = {};
  for (const [key, kind] of Object.entries(spec.fields as Record<string, DataWorksFieldKind>)) {
    const required = shape[key] !== undefined && !shape[key].safeParse(undefined).success;
    const input: TextInput | undefined =
      kind === 'int' || kind === 'csv-int'
        ? { kind: 'int' }
        : kind === 'bool'
          ? { kind: 'bool' }
          : kind === 'json'
            ? { kind: 'json' }
            : kind === 'forbidden'
              ? { kind: 'forbidden' }
              : (DW_TEXT_BY_ACTION[action]?.[key] ?? DW_TEXT[key] ?? (required ? { kind: 'text' } : undefined));
    if (input) out[key] = required ? { ...input, required } : input;
  }
  return out;
}

function dataworksOps(fx: Fixture): DataWorksOp[] {
  const props = JSON.stringify({
    envType: 'Prod',
    address: [{ host: '10.0.0.6', port: 3306 }],
    database: 'shop',
    username: 'u',
    password: 'pw',
  });
  const valid: Record<DataWorksAction, Record<string, string>> = {
    ListCrawlerTypes: {},
    GetCrawlerTypeCapabilities: {},
    CreateCrawler: {
      Name: 'fuzz2',
      DataSourceId: String(fx.dataSourceId),
      Type: 'mysql',
      Scope: '{"Unit":"DATABASE"}',
      ScheduleConfig: '{"Type":"MANUAL"}',
      EnableAiComment: 'false',
      Options: '{}',
    },
    ListCrawlers: { ProjectId: String(DW_PROJECT), EnvType: 'Prod', PageNumber: '1', PageSize: '10' },
    GetCrawler: { Id: String(fx.crawlerId) },
    UpdateCrawler: { Id: String(fx.crawlerId), EnableAiComment: 'true', Scope: '{"Unit":"INSTANCE"}' },
    RunCrawler: { Id: String(fx.crawlerId) },
    StopCrawler: { Id: String(fx.crawlerId) },
    ListCrawlerRuns: { Id: String(fx.crawlerId), Status: 'RUNNING', PageNumber: '1', PageSize: '10' },
    DeleteCrawler: { Id: String(fx.crawlerId) },
    CreateDataSource: {
      ProjectId: String(DW_PROJECT),
      Name: 'fuzz_db2',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: props,
      Description: 'd',
    },
    GetDataSource: { Id: String(fx.dataSourceId) },
    ListDataSources: {
      ProjectId: String(DW_PROJECT),
      Types: 'mysql',
      EnvType: 'Prod',
      Tags: '[]',
      SortBy: 'Id',
      Order: 'Asc',
      PageNumber: '1',
      PageSize: '10',
    },
    DeleteDataSource: { Id: String(fx.dataSourceId) },
    TestDataSourceConnectivity: {
      ProjectId: String(DW_PROJECT),
      DataSourceId: String(fx.dataSourceId),
      ResourceGroupId: 'rg-1',
    },
    GetTaskInstanceLog: { Id: String(fx.taskInstanceId), RunNumber: '1' },
  };
  return (Object.keys(valid) as DataWorksAction[]).map((operation) => ({
    family: 'dataworks',
    service: 'dataworks',
    operation,
    method: DATAWORKS_ACTIONS[operation].method,
    in: DATAWORKS_ACTIONS[operation].params,
    params: valid[operation],
    inputs: dataworksInputs(operation),
  }));
}

/** Every operation's valid request, by `service:operation`. */
export function httpOps(fx: Fixture): Map<string, HttpOp> {
  return new Map([...huaweiOps(fx), ...dataworksOps(fx)].map((op) => [`${op.service}:${op.operation}`, op]));
}
