/**
 * A mock with one object of each kind (DSC template and instance, DataArts task and instance, DataWorks data
 * source, crawler and run) so that damaged requests meet real state, and a stable text of its snapshot.
 */
import { createMock, type Mock } from '../../src/mock/index.js';
import { dataworksRequest, huaweiRequest } from '../support/mock.js';

export const T0 = Date.UTC(2026, 3, 14);
export const DW_PROJECT = 10001;

export interface Fixture {
  mock: Mock;
  project: string;
  workspace: string;
  templateId: string;
  taskId: string;
  instanceId: string;
  bridgeId: string;
  dataSourceId: number;
  crawlerId: number;
  taskInstanceId: number;
}

async function ok<T>(what: string, call: Promise<{ status: number; body: T; text: string }>): Promise<T> {
  const r = await call;
  if (r.status >= 300) throw new Error(`fixture: ${what} answered ${r.status} ${r.text}`);
  return r.body;
}

export async function fixture(): Promise<Fixture> {
  const mock = createMock({ clock: 'manual', seed: 7, now: T0 });
  const project = mock.defaults.projectId;
  const workspace = mock.defaults.workspace;
  const dsc = await ok(
    'DSC create',
    huaweiRequest(mock, {
      method: 'POST',
      path: `/v1/${project}/metadata/task-templates`,
      body: { task_name: 'fuzz', data_sources: [{ db_type: 'MySQL', ins_id: 'ins-1' }], schedule_type: 'ONCE' },
    }),
  );
  const templateId = String(dsc.id);
  const dataartsBase = `/v3/${project}/metadata/tasks`;
  const headers = { workspace };
  const created = await ok(
    'DataArts create',
    huaweiRequest(mock, {
      method: 'POST',
      path: `${dataartsBase}/create`,
      headers,
      body: {
        name: 'fuzz',
        dir_id: '0',
        data_source_type: 'DLI',
        schedule_config: { schedule_type: 'RUN_ONCE' },
        task_config: { data_connection_id: 'conn-1' },
      },
    }),
  );
  const taskId = String(created.task_id);
  const run = await huaweiRequest(mock, {
    method: 'POST',
    path: `${dataartsBase}/${taskId}/action?action=run`,
    headers,
  });
  const instanceId = run.headers.get('x-mock-instance-id') ?? '';
  const bridgeId = run.headers.get('x-mock-bridge-id') ?? '';
  if (run.status !== 200 || instanceId === '') throw new Error(`fixture: DataArts run answered ${run.status}`);

  const ds = await ok(
    'DataWorks CreateDataSource',
    dataworksRequest(mock, {
      action: 'CreateDataSource',
      params: {
        ProjectId: DW_PROJECT,
        Name: 'fuzz_db',
        Type: 'mysql',
        ConnectionPropertiesMode: 'UrlMode',
        ConnectionProperties: JSON.stringify({
          envType: 'Prod',
          address: [{ host: '10.0.0.5', port: 3306 }],
          database: 'shop',
          username: 'u',
          password: 'pw',
        }),
      },
    }),
  );
  const dataSourceId = ds.Id as number;
  const crawler = await ok(
    'DataWorks CreateCrawler',
    dataworksRequest(mock, {
      action: 'CreateCrawler',
      params: { Name: 'fuzz', DataSourceId: dataSourceId, Type: 'mysql' },
    }),
  );
  const crawlerId = crawler.Id as number;
  const started = await ok(
    'DataWorks RunCrawler',
    dataworksRequest(mock, { action: 'RunCrawler', params: { Id: crawlerId } }),
  );
  mock.clearRequests();
  return {
    mock,
    project,
    workspace,
    templateId,
    taskId,
    instanceId,
    bridgeId,
    dataSourceId,
    crawlerId,
    taskInstanceId: started.TaskInstanceId as number,
  };
}

/*
 * The id generator's position is left out of every comparison: each request draws its request id from it, rejected
 * ones too, so it moves by design.
 */

/**
 * Whether the state equals the texts of {@link stateTexts}: plain JSON text first (cheap, and equal text means equal
 * state), the key-sorted text only when that differs.
 */
export function sameState(mock: Mock, baseline: { plain: string; stable: string }): boolean {
  const snap = mock.snapshot() as unknown as { ids: { state?: number } };
  const { state: _moved, ...ids } = snap.ids;
  const unmoved = { ...snap, ids };
  return JSON.stringify(unmoved) === baseline.plain || stable(unmoved) === baseline.stable;
}

/** The texts {@link sameState} compares with. */
export function stateTexts(mock: Mock): { plain: string; stable: string } {
  const snap = mock.snapshot() as unknown as { ids: { state?: number } };
  const { state: _moved, ...ids } = snap.ids;
  return { plain: JSON.stringify({ ...snap, ids }), stable: stable({ ...snap, ids }) };
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
