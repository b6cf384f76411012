/**
 * Contract tests: the same happy paths through msw. `setupServer(...mockHandlers(mock))` answers for the real
 * vendor hosts; the clients are built with `region` (real host names) and `fetch: globalThis.fetch`, so nothing
 * points at a mock URL. AK/SK signatures are computed and verified for the real host names.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DataArtsCatalogClient,
  DscClient,
  type HuaweiAuthConfig,
  iamPasswordAuth,
  NotFoundError,
  RunFailedError,
} from '../../src/index.js';
import { createMock, type JournalEntry } from '../../src/mock/index.js';
import { mockHandlers } from '../../src/msw/index.js';
import { Capture, template } from './harness.js';

const mock = createMock({ clock: 'manual', seed: 11 });
const server = setupServer(...mockHandlers(mock));
const logger = new Capture();
const clients: Array<{ close(): Promise<void> }> = [];
const journal: JournalEntry[] = [];
const d = mock.defaults;

function dscClient(auth: HuaweiAuthConfig, withProject = true): DscClient {
  const c = new DscClient({
    region: d.region,
    ...(withProject ? { projectId: d.projectId } : {}),
    auth,
    fetch: globalThis.fetch,
    logger,
    logLevel: 'debug',
    strictResponses: true,
    env: {},
  });
  clients.push(c);
  return c;
}

function catalogClient(auth: HuaweiAuthConfig): DataArtsCatalogClient {
  const c = new DataArtsCatalogClient({
    region: d.region,
    projectId: d.projectId,
    workspace: d.workspace,
    auth,
    fetch: globalThis.fetch,
    logger,
    logLevel: 'debug',
    strictResponses: true,
    env: {},
  });
  clients.push(c);
  return c;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  journal.push(...mock.requests);
  mock.faults.clear();
  mock.reset();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  server.close();
  mock.dispose();
  expect(mock.errors).toEqual([]);
  // Secrets: the whole journal and every log line.
  journal.push(...mock.requests);
  const text = JSON.stringify(journal);
  const logs = logger.lines.join('\n');
  expect(journal.length).toBeGreaterThan(0);
  for (const secret of [d.token, d.sk, d.password]) {
    expect(text.includes(secret)).toBe(false);
    expect(logs.includes(secret)).toBe(false);
  }
});

describe('DSC through msw', () => {
  it('create → list → update → start → wait → delete, on https://sdg.<region>.myhuaweicloud.com with AK/SK', async () => {
    const dsc = dscClient({ ak: d.ak, sk: d.sk });
    expect(dsc.endpoint).toBe(`https://sdg.${d.region}.myhuaweicloud.com`);
    const { id } = await dsc.createScanTask(template('via-msw', 'rds-1', { schedule_type: 'WEEK' }));
    await dsc.updateScanTask(id, { task_description: 'changed' });
    const [t] = (await dsc.listScanTasks({ schedule_types: ['WEEK'] })).result;
    expect(t).toMatchObject({ id: Number(id), task_name: 'via-msw', task_description: 'changed' });
    await dsc.startScanTask(id);
    const done = await dsc.waitForScanInstance(id, {
      pollIntervalMs: 5,
      onProgress: () => mock.clock.advance(15_000),
    });
    expect(done.task_status).toBe('SUCCESS');
    const names: string[] = [];
    for await (const x of dsc.iterateScanInstances(id, { page_size: 1 })) names.push(x.task_status);
    expect(names).toEqual(['SUCCESS']);
    expect((await dsc.deleteScanTasks([id])).id).toBe(id);
    await expect(dsc.listScanInstances(id)).rejects.toBeInstanceOf(NotFoundError);
    // Every request was AK/SK-signed for the real host (the mock verifies it) and only the last one failed.
    const statuses = mock.requests.map((e) => e.status);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(404);
    expect(mock.requests.every((e) => e.requestHeaders['authorization'] === '***')).toBe(true);
    expect(mock.requests.every((e) => e.requestHeaders['x-sdk-date'] !== undefined)).toBe(true);
  });

  it('a failed run through msw is a RunFailedError', async () => {
    mock.services.dsc.setInstanceReachable('down', false);
    const dsc = dscClient({ token: d.token });
    const { id } = await dsc.createScanTask(template('bad', 'down', { start_now: true }));
    const err = await dsc
      .waitForScanInstance(id, { pollIntervalMs: 5, onProgress: () => mock.clock.advance(30_000) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunFailedError);
  });

  it('iamPasswordAuth uses the regional IAM host (https://iam.<region>.myhuaweicloud.com); one IAM call', async () => {
    const dsc = dscClient(
      iamPasswordAuth({ domainName: d.domainName, userName: d.userName, password: d.password }),
      false,
    );
    await dsc.createScanTask(template('iam'));
    await dsc.listScanTasks();
    expect(await dsc.getProjectId()).toBe(d.projectId);
    expect(mock.requests.map((e) => `${e.operation} ${e.status}`)).toEqual([
      'KeystoneCreateUserTokenByPassword 201',
      'CreateTaskTemplates 200',
      'ListTaskTemplates 200',
    ]);
  });

  it('a reset connection (msw network error) on a GET is retried', async () => {
    const dsc = dscClient({ token: d.token });
    mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', networkError: 'reset' });
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(mock.requests.map((e) => e.status)).toEqual([0, 200]);
  });
});

describe('DataArts through msw', () => {
  it('create → get → search → update → run → log → stop → delete on https://dayu.<region>.myhuaweicloud.com', async () => {
    const catalog = catalogClient({ ak: d.ak, sk: d.sk });
    expect(catalog.endpoint).toBe(`https://dayu.${d.region}.myhuaweicloud.com`);
    const input = {
      id: null,
      name: 'msw采集',
      dir_id: '0',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE' as const },
      task_config: { data_connection_id: 'conn-1' },
    };
    const { task_id } = await catalog.createCollectionTask(input);
    expect((await catalog.getCollectionTask(task_id)).user_id).toBe(d.userId);
    expect((await catalog.searchCollectionTasks({ name: 'MSW' })).count).toBe(1);
    await catalog.updateCollectionTask(task_id, { ...input, description: 'x' });
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    const instanceId = run.headers['x-mock-instance-id']!;
    const bridgeId = run.headers['x-mock-bridge-id']!;
    mock.clock.advance(60_000);
    const log = await catalog.getCollectionTaskLog(task_id, instanceId, { bridgeId });
    expect(log.bridge_status).toBe('SUCCESS');
    await catalog.stopCollectionTask(task_id);
    await catalog.deleteCollectionTask(task_id);
    await expect(catalog.deleteCollectionTask(task_id)).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 400,
      errorCode: 'DLG.2208',
    });
    const statuses = mock.requests.map((e) => e.status);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(400);
  });

  it('a CRON task scheduled through msw fires when the mock clock reaches its next point', async () => {
    const catalog = catalogClient({ token: d.token });
    const { task_id } = await catalog.createCollectionTask({
      name: 'cron',
      dir_id: '0',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 * * * ?' },
      task_config: { data_connection_id: 'conn-1' },
    });
    await catalog.startCollectionSchedule(task_id);
    const next = Number((await catalog.getCollectionTask(task_id)).next_run_time);
    mock.clock.set(next);
    const instances = mock.services.dataarts.listInstances(d.projectId, task_id);
    expect(instances).toHaveLength(1);
    expect(instances?.[0]).toMatchObject({ trigger: 'SCHEDULE' });
    expect((await catalog.getCollectionTask(task_id)).last_run_time).toBe(String(next));
  });
});
