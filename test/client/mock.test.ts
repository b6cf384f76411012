/**
 * The clients against the project's stateful mock (over HTTP, and in-process through the `fetch` option).
 * Only tests import the mock; src/index.ts never does (checked below).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { iamPasswordAuth } from '../../src/core/auth/index.js';
import { AuthenticationError, NotFoundError, ServerError } from '../../src/core/errors.js';
import { RunFailedError } from '../../src/core/waiter.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import { DscClient } from '../../src/dsc/client.js';
import { createMock, type MockServer, startMockServer } from '../../src/mock/index.js';

let server: MockServer;
let dsc: DscClient;
let dscAksk: DscClient;
let catalog: DataArtsCatalogClient;

const template = (name: string, insId = 'rds-1') => ({
  task_name: name,
  data_sources: [{ db_type: 'MySQL', ins_id: insId }],
  schedule_type: 'ONCE' as const,
});

beforeAll(async () => {
  server = await startMockServer();
  const d = server.mock.defaults;
  const common = { endpoint: server.url, projectId: d.projectId, logLevel: 'off' as const, env: {} };
  dsc = new DscClient({ ...common, auth: { token: d.token } });
  dscAksk = new DscClient({ ...common, auth: { ak: d.ak, sk: d.sk } });
  catalog = new DataArtsCatalogClient({ ...common, workspace: d.workspace, auth: { ak: d.ak, sk: d.sk } });
});
afterEach(() => {
  server.mock.faults.clear();
  server.mock.reset();
});
afterAll(async () => {
  await Promise.all([dsc.close(), dscAksk.close(), catalog.close()]);
  await server.close();
  expect(server.mock.errors).toEqual([]);
});

describe('DSC against the mock', () => {
  it('create → list → update → operate → delete, with token and with AK/SK', async () => {
    const created = await dsc.createScanTask(template('first'));
    expect(created.status).toBe('success');
    const id = created.id;
    await dscAksk.createScanTask(template('second'));
    const page = await dscAksk.listScanTasks({ schedule_types: ['ONCE', 'DAY'] });
    expect(page.total_num).toBe(2);
    expect(page.result.map((t) => t.task_name)).toEqual(['first', 'second']);
    await dscAksk.updateScanTask(id, { task_description: 'changed' });
    const [one] = (await dsc.listScanTasks({ id: Number(id) })).result;
    expect(one?.task_description).toBe('changed');
    await expect(dscAksk.disableScanTask(id)).resolves.toMatchObject({ id });
    const deleted = await dscAksk.deleteScanTasks([id]);
    expect(deleted.id).toBe(id);
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('iterateScanTasks walks every page', async () => {
    for (let i = 0; i < 5; i++) await dsc.createScanTask(template(`t${i}`, `rds-${i}`));
    const names: string[] = [];
    for await (const t of dsc.iterateScanTasks({ page_size: 2 })) names.push(t.task_name);
    expect(names).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('waitForScanInstance follows a run to SUCCESS while the mock clock advances', async () => {
    const { id } = await dsc.createScanTask({ ...template('run'), start_now: true });
    const done = await dsc.waitForScanInstance(id, {
      pollIntervalMs: 1,
      onProgress: () => server.mock.clock.advance(10_000),
    });
    expect(done.task_status).toBe('SUCCESS');
    expect(done.trigger).toBe('MANUAL');
  });

  it('waitForScanInstance throws RunFailedError for an unreachable database', async () => {
    const res = await fetch(`${server.url}/__mock/dsc/instances/rds-down`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reachable: false }),
    });
    expect(res.ok).toBe(true);
    const { id } = await dsc.createScanTask(template('bad', 'rds-down'));
    await dsc.startScanTask(id);
    const err = await dsc
      .waitForScanInstance(id, { pollIntervalMs: 1, onProgress: () => server.mock.clock.advance(40_000) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect((err as RunFailedError).errorMsg).toBe('Failed to connect to database instance rds-down');
  });

  it('a create is not retried after a 500 that the mock applied: no duplicate', async () => {
    server.mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    // The retry table alone; with reconciliation (the default) the create is adopted: reconcile.test.ts.
    await expect(dsc.createScanTask(template('once'), { reconcile: false })).rejects.toBeInstanceOf(ServerError);
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('a create is retried after a 503 (not applied) and succeeds once', async () => {
    server.mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 503 });
    await expect(dsc.createScanTask(template('retried'))).resolves.toMatchObject({ status: 'success' });
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('a GET is retried after a connection reset', async () => {
    server.mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', networkError: 'reset' });
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
  });

  it('an unknown template is a NotFoundError; a bad token an AuthenticationError', async () => {
    await expect(dsc.listScanInstances(999_999)).rejects.toBeInstanceOf(NotFoundError);
    const bad = new DscClient({
      endpoint: server.url,
      projectId: server.mock.defaults.projectId,
      auth: { token: 'MIIbogus' },
      logLevel: 'off',
      env: {},
    });
    const err = await bad.listScanTasks().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).errorCode).toBe('APIGW.0301');
    expect((err as AuthenticationError).requestId).toMatch(/^[0-9a-f]{32}$/);
    await bad.close();
  });

  it('iamPasswordAuth gets a token from the mock IAM and the project id from its scope', async () => {
    const d = server.mock.defaults;
    const c = new DscClient({
      endpoint: server.url,
      auth: iamPasswordAuth({
        endpoint: server.url,
        domainName: d.domainName,
        userName: d.userName,
        password: d.password,
        projectName: d.projectName,
      }),
      logLevel: 'off',
      env: {},
    });
    await c.createScanTask(template('via-iam'));
    expect((await c.listScanTasks()).result.map((t) => t.task_name)).toEqual(['via-iam']);
    expect(await c.getProjectId()).toBe(d.projectId);
    await c.close();
  });
});

describe('DataArts Catalog against the mock', () => {
  const input = {
    name: 'collect',
    dir_id: '0',
    schedule_config: { schedule_type: 'RUN_ONCE' as const },
    data_source_type: 'DLI',
    task_config: { data_connection_id: 'conn-1', enableDataProfile: true },
  };

  it('create → get → search → update → run now → log → delete', async () => {
    const { task_id } = await catalog.createCollectionTask(input);
    const t = await catalog.getCollectionTask(task_id);
    expect(t.name).toBe('collect');
    expect((await catalog.searchCollectionTasks({ name: 'COLL' })).count).toBe(1);
    await expect(catalog.updateCollectionTask(task_id, { ...input, description: 'd' })).resolves.toBeUndefined();
    expect((await catalog.getCollectionTask(task_id)).description).toBe('d');
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    const instanceId = run.headers['x-mock-instance-id']!;
    const bridgeId = run.headers['x-mock-bridge-id']!;
    expect(instanceId).toMatch(/^[0-9a-f]{32}$/);
    server.mock.clock.advance(61_000);
    const log = await catalog.getCollectionTaskLog(task_id, instanceId, { bridgeId });
    expect(log.bridge_status).toBe('SUCCESS');
    expect(log.enable_profile).toBe(true);
    await catalog.deleteCollectionTask(task_id);
    const err = await catalog.deleteCollectionTask(task_id).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'NotFoundError', status: 400, errorCode: 'DLG.2208' });
  });

  it('unknown task → NotFoundError with status 400 (DLG.2253); wrong workspace → DLG.0818', async () => {
    const err = await catalog.getCollectionTask('f'.repeat(32)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.2253' });
    const d = server.mock.defaults;
    const other = new DataArtsCatalogClient({
      endpoint: server.url,
      projectId: d.projectId,
      workspace: 'e'.repeat(32),
      auth: { token: d.token },
      logLevel: 'off',
      env: {},
    });
    await expect(other.searchCollectionTasks()).rejects.toMatchObject({ status: 400, errorCode: 'DLG.0818' });
    await other.close();
  });

  it('iterateCollectionTasks pages with limit + offset', async () => {
    for (let i = 0; i < 5; i++) await catalog.createCollectionTask({ ...input, name: `c${i}` });
    const names: string[] = [];
    for await (const t of catalog.iterateCollectionTasks({ limit: 2 })) names.push(t.name);
    expect(names.sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });
});

describe('in-process mock through the fetch option', () => {
  it('DSC create and list without a socket', async () => {
    const mock = createMock();
    const c = new DscClient({
      region: 'cn-north-4',
      projectId: mock.defaults.projectId,
      auth: { ak: mock.defaults.ak, sk: mock.defaults.sk },
      fetch: (url: string, init: RequestInit) => mock.handle(new Request(url, init)),
      logLevel: 'off',
      env: {},
    });
    await c.createScanTask(template('in-process'));
    expect((await c.listScanTasks()).result[0]?.task_name).toBe('in-process');
    await c.close();
    mock.dispose();
    expect(mock.errors).toEqual([]);
  });
});

describe('src/index.ts', () => {
  it('never imports src/mock (transitively)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const start = resolve(here, '../../src/index.ts');
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
        stack.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((f) => f.includes('/src/mock/'))).toEqual([]);
  });

  it('exports the clients, errors, guards and auth factories', async () => {
    const api = await import('../../src/index.js');
    for (const name of [
      'DscClient',
      'DataArtsCatalogClient',
      'iamPasswordAuth',
      'huaweiAkskAuth',
      'staticTokenAuth',
      'NotFoundError',
      'isApiError',
      'RunFailedError',
      'WaiterTimeoutError',
    ]) {
      expect(api).toHaveProperty(name);
    }
  });
});
