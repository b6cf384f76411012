/**
 * The same damage against the SDK methods (clients built against the mock in-process): each damaged input is
 * rejected with a ValidationError whose issues name the damaged field, and nothing is sent (the mock's journal
 * stays empty). Unknown extra fields and nesting inside free-form objects are rules of the mock only.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import { DataWorksClient } from '../../src/dataworks/client.js';
import { DscClient } from '../../src/dsc/client.js';
import { badId, fcParams, fuzzTimeout, type JsonSpec, jsonDamage, materialise, pathText, SEED } from './damage.js';
import { DW_PROJECT, type Fixture, fixture } from './fixture.js';
import { DATAARTS_TASK, DATAARTS_TASK_SPEC, DSC_TEMPLATE, DSC_TEMPLATE_SPEC, DSC_UPDATE_SPEC } from './operations.js';

interface Clients {
  dsc: DscClient;
  dataarts: DataArtsCatalogClient;
  dataworks: { call(action: string, input: unknown): Promise<unknown> };
}

interface SdkOp {
  name: string;
  input: (fx: Fixture) => unknown;
  spec: JsonSpec;
  invoke: (c: Clients, fx: Fixture, input: unknown) => Promise<unknown>;
  /** An id argument the method takes (damaged with `../`, `%00`, unicode), and the issue path naming it. */
  id?: { path: string; invoke: (c: Clients, fx: Fixture, id: string) => Promise<unknown> };
}

const none: JsonSpec = { required: [], bounded: [] };
const anyId = (s: string) => s;

function dw(action: string, input: (fx: Fixture) => unknown, spec: JsonSpec): SdkOp {
  return { name: `dataworks ${action}`, input, spec, invoke: (c, _fx, v) => c.dataworks.call(action, v) };
}

const OPS: SdkOp[] = [
  {
    name: 'dsc createScanTask',
    input: () => DSC_TEMPLATE,
    spec: { required: DSC_TEMPLATE_SPEC.required, bounded: DSC_TEMPLATE_SPEC.bounded },
    invoke: (c, _fx, v) => c.dsc.createScanTask(v as never),
  },
  {
    name: 'dsc updateScanTask',
    input: () => DSC_TEMPLATE,
    spec: DSC_UPDATE_SPEC,
    invoke: (c, fx, v) => c.dsc.updateScanTask(fx.templateId, v as never),
    id: { path: 'templateId', invoke: (c, _fx, id) => c.dsc.updateScanTask(anyId(id), { task_name: 'x' }) },
  },
  {
    name: 'dsc listScanTasks',
    input: (fx) => ({
      page_size: 10,
      offset: 0,
      task_name: 'fuzz',
      schedule_types: ['ONCE'],
      id: Number(fx.templateId),
    }),
    spec: { required: [], bounded: [[['task_name'], 256]] },
    invoke: (c, _fx, v) => c.dsc.listScanTasks(v as never),
  },
  {
    name: 'dsc deleteScanTasks',
    input: (fx) => [fx.templateId],
    spec: { required: [[0]], bounded: [] },
    invoke: (c, _fx, v) => c.dsc.deleteScanTasks(v as never),
  },
  {
    name: 'dsc operateScanTask',
    input: () => ({ action: 'DISABLE' }),
    spec: { required: [['action']], bounded: [[['action'], 7]] },
    invoke: (c, fx, v) => c.dsc.operateScanTask(fx.templateId, (v as { action: never }).action),
    id: { path: 'templateId', invoke: (c, _fx, id) => c.dsc.operateScanTask(id, 'DISABLE') },
  },
  {
    name: 'dsc listScanInstances',
    input: () => ({ page_size: 10, reverse: true }),
    spec: none,
    invoke: (c, fx, v) => c.dsc.listScanInstances(fx.templateId, v as never),
    id: { path: 'templateId', invoke: (c, _fx, id) => c.dsc.listScanInstances(id) },
  },
  {
    name: 'dataarts createCollectionTask',
    input: () => DATAARTS_TASK,
    spec: DATAARTS_TASK_SPEC,
    invoke: (c, _fx, v) => c.dataarts.createCollectionTask(v as never),
  },
  {
    name: 'dataarts updateCollectionTask',
    input: () => DATAARTS_TASK,
    spec: DATAARTS_TASK_SPEC,
    invoke: (c, fx, v) => c.dataarts.updateCollectionTask(fx.taskId, v as never),
    id: { path: 'taskId', invoke: (c, _fx, id) => c.dataarts.updateCollectionTask(id, DATAARTS_TASK as never) },
  },
  {
    name: 'dataarts searchCollectionTasks',
    input: () => ({ name: 'fuzz', data_source_type: 'DLI', limit: 10, offset: 0 }),
    spec: none,
    invoke: (c, _fx, v) => c.dataarts.searchCollectionTasks(v as never),
  },
  {
    name: 'dataarts runCollectionTask',
    input: () => ({ action: 'stop' }),
    spec: { required: [['action']], bounded: [] },
    invoke: (c, fx, v) => c.dataarts.runCollectionTask(fx.taskId, (v as { action: never }).action),
    id: { path: 'taskId', invoke: (c, _fx, id) => c.dataarts.runCollectionTask(id, 'stop') },
  },
  {
    name: 'dataarts getCollectionTask',
    input: () => ({}),
    spec: none,
    invoke: async () => {
      throw new ValidationError([{ path: '', message: 'only the id is damaged' }]);
    },
    id: { path: 'taskId', invoke: (c, _fx, id) => c.dataarts.getCollectionTask(id) },
  },
  dw(
    'CreateCrawler',
    (fx) => ({
      Name: 'fuzz2',
      DataSourceId: fx.dataSourceId,
      Type: 'mysql',
      Scope: { Unit: 'DATABASE' },
      ScheduleConfig: { Type: 'MANUAL' },
      EnableAiComment: false,
      Options: {},
    }),
    {
      required: [['Name'], ['DataSourceId'], ['Type'], ['Scope', 'Unit'], ['ScheduleConfig', 'Type']],
      bounded: [[['Name'], 128]],
    },
  ),
  dw(
    'ListCrawlers',
    (fx) => ({ ProjectId: DW_PROJECT, DataSourceIds: [fx.dataSourceId], EnvType: 'Prod', PageNumber: 1, PageSize: 10 }),
    none,
  ),
  dw('GetCrawler', (fx) => ({ Id: fx.crawlerId }), { required: [['Id']], bounded: [] }),
  dw('UpdateCrawler', (fx) => ({ Id: fx.crawlerId, EnableAiComment: true }), { required: [['Id']], bounded: [] }),
  dw('RunCrawler', (fx) => ({ Id: fx.crawlerId }), { required: [['Id']], bounded: [] }),
  dw('StopCrawler', (fx) => ({ Id: fx.crawlerId }), { required: [['Id']], bounded: [] }),
  dw('ListCrawlerRuns', (fx) => ({ Id: fx.crawlerId, Status: 'RUNNING', PageNumber: 1, PageSize: 10 }), {
    required: [['Id']],
    bounded: [],
  }),
  dw('DeleteCrawler', (fx) => ({ Id: fx.crawlerId }), { required: [['Id']], bounded: [] }),
  dw(
    'CreateDataSource',
    () => ({
      ProjectId: DW_PROJECT,
      Name: 'fuzz_db2',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: {
        envType: 'Prod',
        address: [{ host: '10.0.0.6', port: 3306 }],
        database: 'shop',
        username: 'u',
        password: 'pw',
      },
      Description: 'd',
    }),
    {
      required: [
        ['ProjectId'],
        ['Name'],
        ['Type'],
        ['ConnectionPropertiesMode'],
        ['ConnectionProperties'],
        ['ConnectionProperties', 'envType'],
      ],
      bounded: [
        [['Name'], 255],
        [['Description'], 3000],
      ],
    },
  ),
  dw('GetDataSource', (fx) => ({ Id: fx.dataSourceId }), { required: [['Id']], bounded: [] }),
  dw(
    'ListDataSources',
    () => ({
      ProjectId: DW_PROJECT,
      Types: ['mysql'],
      EnvType: 'Prod',
      Tags: [],
      SortBy: 'Id',
      Order: 'Asc',
      PageNumber: 1,
      PageSize: 10,
    }),
    { required: [['ProjectId']], bounded: [] },
  ),
  dw('DeleteDataSource', (fx) => ({ Id: fx.dataSourceId }), { required: [['Id']], bounded: [] }),
  dw(
    'TestDataSourceConnectivity',
    (fx) => ({ ProjectId: DW_PROJECT, DataSourceId: fx.dataSourceId, ResourceGroupId: 'rg-1' }),
    {
      required: [['ProjectId'], ['DataSourceId'], ['ResourceGroupId']],
      bounded: [],
    },
  ),
  dw('GetTaskInstanceLog', (fx) => ({ Id: fx.taskInstanceId, RunNumber: 1 }), { required: [['Id']], bounded: [] }),
];

let fx: Fixture;
let clients: Clients;

beforeAll(async () => {
  fx = await fixture();
  const mock = fx.mock;
  const fetch = (input: string | URL | Request, init?: RequestInit) => mock.handle(new Request(input, init));
  const common = { fetch, logLevel: 'off' as const, maxRetries: 0 };
  const { projectId, token, ak, sk, workspace } = mock.defaults;
  clients = {
    dsc: new DscClient({ endpoint: 'https://sdg.cn-north-4.myhuaweicloud.com', projectId, auth: { token }, ...common }),
    dataarts: new DataArtsCatalogClient({
      endpoint: 'https://dayu.cn-north-4.myhuaweicloud.com',
      projectId,
      workspace,
      auth: { token },
      ...common,
    }),
    dataworks: new DataWorksClient({
      endpoint: 'https://dataworks.cn-shanghai.aliyuncs.com',
      auth: { accessKeyId: ak, accessKeySecret: sk },
      ...common,
    }) as unknown as Clients['dataworks'],
  };
});

/**
 * Whether an issue path names the damaged field (or a part of it), or the array holding it (an element removed
 * makes the array too short); a leading argument name (`filters`, `query`, `templateIds`) is allowed.
 */
function names(issuePath: string, damaged: string): boolean {
  const bare = issuePath.replace(/^(filters|query|templateIds)(?=[.[]|$)\.?/, '');
  return [issuePath, bare].some(
    (p) => p === damaged || p.startsWith(`${damaged}.`) || p.startsWith(`${damaged}[`) || damaged.startsWith(`${p}[`),
  );
}

async function rejectedBySdk(call: () => Promise<unknown>, damaged: string, what: string): Promise<void> {
  fx.mock.clearRequests();
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  const sent = fx.mock.requests.length;
  const where = `${what} (seed ${SEED})`;
  expect(sent, `${where}: ${sent} request(s) sent`).toBe(0);
  expect(error, `${where}: not a ValidationError: ${String(error)}`).toBeInstanceOf(ValidationError);
  const issues = (error as ValidationError).issues;
  expect(
    issues.some((i) => names(i.path, damaged)),
    `${where}: no issue names '${damaged}': ${JSON.stringify(issues).slice(0, 300)}`,
  ).toBe(true);
}

describe('SDK methods reject damaged input before sending', () => {
  it.each(OPS.map((op) => [op.name, op] as const))(
    '%s',
    async (_name, op) => {
      const valid = op.input(fx);
      if (op.spec.required.length + op.spec.bounded.length > 0 || JSON.stringify(valid).length > 2) {
        // Built only for an input that has fields to damage (an empty input offers no damage at all).
        const sdkDamage = jsonDamage(valid, op.spec).filter((d) => d.kind !== 'deep-open');
        await fc.assert(
          fc.asyncProperty(sdkDamage, async (d) => {
            const input = materialise(d.value);
            await rejectedBySdk(
              () => op.invoke(clients, fx, input),
              pathText(d.path),
              `${op.name} ${d.kind} at ${pathText(d.path)}`,
            );
          }),
          fcParams,
        );
      }
      const id = op.id;
      if (id) {
        await fc.assert(
          fc.asyncProperty(
            badId.map((s) => decodeURIComponentSafe(s)),
            (bad) =>
              rejectedBySdk(() => id.invoke(clients, fx, bad), id.path, `${op.name} ${id.path}=${JSON.stringify(bad)}`),
          ),
          fcParams,
        );
      }
    },
    fuzzTimeout(2),
  );
});

/** The raw id a caller would pass (`%00` → NUL); text that is not valid percent-encoding stays as it is. */
function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
