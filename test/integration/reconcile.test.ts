/**
 * Create reconciliation, case by case: what is adopted, what never is, how it is turned off, what the caller is told
 * when the outcome stays unknown; and the per-attempt timeout that feeds it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionError, DscClient, isApiError, OutcomeUnknownError } from '../../src/index.js';
import { createMock, type Mock } from '../../src/mock/index.js';
import { json, PROJECT, startServer, type TestServer, TOKEN } from '../client/helpers.js';

const body = (name: string, insId = 'db-1') => ({
  task_name: name,
  data_sources: [{ db_type: 'MySQL', ins_id: insId }],
  schedule_type: 'ONCE' as const,
});

let mock: Mock;
let lines: string[];

function dsc(options: Partial<ConstructorParameters<typeof DscClient>[0]> = {}): DscClient {
  const d = mock.defaults;
  const log = (...args: unknown[]) => lines.push(args.join(' '));
  return new DscClient({
    region: d.region,
    projectId: d.projectId,
    auth: { token: d.token },
    fetch: (url: string, init: RequestInit) => mock.handle(new Request(url, init)),
    logger: { debug: log, info: log, warn: log, error: log },
    logLevel: 'info',
    ...options,
  });
}

const stored = () => mock.services.dsc.state.list(mock.defaults.projectId, { offset: 0, size: 1000 }).items;

beforeEach(() => {
  mock = createMock();
  lines = [];
});
afterEach(() => {
  expect(mock.errors).toEqual([]);
  mock.dispose();
});

describe('create reconciliation (DSC createScanTask against the mock)', () => {
  it('adopts the object an attempt made before failing, marks the result and logs it at info', async () => {
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 502, phase: 'after' });
    const r = await dsc().createScanTask(body('nightly')).withResponse();
    expect(r.reconciled).toBe(true);
    expect(stored().map((t) => String(t.id))).toEqual([r.data.id]);
    expect(lines.some((l) => l.startsWith('[metacollect] POST') && l.includes('adopted'))).toBe(true);
    // The lookup went through the service's list, filtered by the name.
    const lists = mock.requests.filter((e) => e.operation === 'ListTaskTemplates');
    expect(lists.length).toBe(1);
    expect(lists[0]?.query).toMatchObject({ task_name: 'nightly' });
  });

  it('never adopts an identical object that existed before the call', async () => {
    const client = dsc();
    const old = await client.createScanTask(body('nightly'));
    mock.clock.advance(10_000);
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    const r = await client.createScanTask(body('nightly')).withResponse();
    expect(r.reconciled).toBe(true);
    expect(r.data.id).not.toBe(old.id);
    expect(stored()).toHaveLength(2);
  });

  it('never adopts an object whose data sources differ, though its name is the same', async () => {
    const client = dsc();
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'before' });
    await client.createScanTask(body('nightly', 'other-db'), { reconcile: false }).catch(() => undefined);
    await client.createScanTask(body('nightly', 'other-db'));
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'before' });
    const r = await client.createScanTask(body('nightly')).withResponse();
    expect(r.reconciled).toBeUndefined(); // the lookup saw one same-named object, not a match: sent again
    expect(
      stored()
        .map((t) => t.data_sources[0]?.ins_id)
        .sort(),
    ).toEqual(['db-1', 'other-db']);
    expect(lines.some((l) => l.includes('looked through 1 object(s): 0 matched exactly'))).toBe(true);
  });

  it('two concurrent identical creates in one client never adopt the same object', async () => {
    const client = dsc();
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 504, phase: 'after', times: 2 });
    const [a, b] = await Promise.all([
      client.createScanTask(body('twin')).withResponse(),
      client.createScanTask(body('twin')).withResponse(),
    ]);
    expect(a.reconciled && b.reconciled).toBe(true);
    expect(a.data.id).not.toBe(b.data.id);
    expect(stored()).toHaveLength(2);
  });

  it('a create that succeeded is never adopted by a concurrent identical call', async () => {
    const client = dsc();
    // One of the two creates is processed and answered; the other is processed and fails after.
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    const results = await Promise.all([
      client.createScanTask(body('twin')).withResponse(),
      client.createScanTask(body('twin')).withResponse(),
    ]);
    expect(new Set(results.map((r) => r.data.id)).size).toBe(2);
    expect(results.filter((r) => r.reconciled)).toHaveLength(1);
    expect(stored()).toHaveLength(2);
  });

  it('can be turned off per client and per call', async () => {
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    const off = await dsc({ reconcile: false })
      .createScanTask(body('a'))
      .catch((e: unknown) => e);
    expect(isApiError(off) && off.status).toBe(500);
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    const perCall = await dsc()
      .createScanTask(body('b'), { reconcile: false })
      .catch((e: unknown) => e);
    expect(isApiError(perCall) && perCall.status).toBe(500);
    expect(mock.requests.filter((e) => e.operation === 'ListTaskTemplates')).toHaveLength(0);
    expect(stored()).toHaveLength(2); // both exist: without reconciliation the caller cannot know
  });

  it('after the last attempt, an outcome still unknown is an OutcomeUnknownError saying what the lookup saw', async () => {
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'before', times: 3 });
    const error = await dsc({ maxRetries: 2 })
      .createScanTask(body('never'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const e = error as OutcomeUnknownError;
    expect(e.message).toMatch(
      /^CreateTaskTemplates: the outcome of the last attempt is unknown \(.*500.*\); a lookup found no object created by this call \(looked through 0 object\(s\): 0 matched exactly\)$/,
    );
    expect(e.lookup).toMatchObject({ seen: 0, matched: 0 });
    expect(isApiError(e.cause) && e.cause.status).toBe(500);
    expect(mock.requests.filter((x) => x.operation === 'ListTaskTemplates')).toHaveLength(3);
    expect(stored()).toHaveLength(0);
  });

  it('a lookup that fails leaves the outcome unknown, and the error says so', async () => {
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', status: 403, code: 'DSC.403', times: 5 });
    const error = await dsc()
      .createScanTask(body('lost'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toMatch(/the lookup failed: .*403/);
    expect(stored()).toHaveLength(1); // it was made; the caller is told it may have been
  });

  it('a failure of the token fetch proves the create was never sent: retried without a lookup', async () => {
    const d = mock.defaults;
    const { iamPasswordAuth } = await import('../../src/index.js');
    const client = dsc({
      auth: iamPasswordAuth({
        userName: d.userName,
        password: d.password,
        domainName: d.domainName,
        projectName: d.projectName,
        endpoint: 'http://mock.local',
      }),
    });
    mock.faults.inject({ service: 'iam', operation: 'KeystoneCreateUserTokenByPassword', status: 500 });
    const r = await client.createScanTask(body('after-iam')).withResponse();
    expect(r.reconciled).toBeUndefined();
    expect(mock.requests.filter((x) => x.operation === 'ListTaskTemplates')).toHaveLength(0);
    expect(stored()).toHaveLength(1);
  });
});

describe('per-attempt timeout', () => {
  let server: TestServer;
  afterAll(async () => server?.close());

  it('abandons a hung attempt and retries within the call deadline', async () => {
    server = await startServer();
    server.handle((_req, res, i) => {
      if (i === 0) return; // the first attempt never gets an answer
      json(res, 200, { total_num: 0, result: [] });
    });
    const client = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: { token: TOKEN },
      attemptTimeoutMs: 200,
      timeoutMs: 3_000,
      logLevel: 'off',
      env: {},
    });
    const started = Date.now();
    await expect(client.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.requests).toHaveLength(2);
    // A hung create is an attempt of unknown outcome: it is not simply sent again.
    server.handle(() => undefined);
    const error = await client
      .createScanTask(body('slow'), { maxRetries: 0, reconcile: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe('ATTEMPT_TIMEOUT');
    expect((error as ConnectionError).requestSent).toBe(true);
    expect((error as Error).message).toMatch(/attempt 1 timed out after 200 ms/);
    await client.close();
  });

  it('a hung create goes through reconciliation: looked up, then sent again', async () => {
    let creates = 0;
    server.requests.length = 0;
    server.handle((req, res) => {
      if (req.method === 'GET') return json(res, 200, { total_num: 0, result: [] });
      creates++;
      if (creates === 1) return; // the first create hangs
      json(res, 200, { status: 'success', msg: 'ok', id: '1001' });
    });
    const client = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: { token: TOKEN },
      attemptTimeoutMs: 200,
      timeoutMs: 5_000,
      logLevel: 'off',
      env: {},
    });
    const r = await client.createScanTask(body('slow')).withResponse();
    expect(r.data.id).toBe('1001');
    expect(r.reconciled).toBeUndefined();
    expect(server.requests.map((q) => q.method)).toEqual(['POST', 'GET', 'POST']);
    await client.close();
  });

  it('rejects an invalid attemptTimeoutMs at construction, naming it', () => {
    expect(
      () =>
        new DscClient({
          endpoint: 'http://127.0.0.1:1',
          projectId: PROJECT,
          auth: { token: TOKEN },
          attemptTimeoutMs: 0,
        }),
    ).toThrow(/attemptTimeoutMs/);
  });
});

describe('runs started by an attempt of unknown outcome', () => {
  it('DSC startScanTask: "task is running" on the retry resolves with that run', async () => {
    const client = dsc();
    const { id } = await client.createScanTask(body('runner'));
    mock.faults.inject({ service: 'dsc', operation: 'CreateOperate', status: 502, phase: 'after' });
    const r = await client.startScanTask(id).withResponse();
    expect(r.reconciled).toBe(true);
    expect(r.data).toMatchObject({ status: 'success', id });
    expect((await client.listScanInstances(id)).result).toHaveLength(1);
  });

  it('DataArts runCollectionTaskNow: DLG.9002 on the retry resolves', async () => {
    const { DataArtsCatalogClient } = await import('../../src/index.js');
    const d = mock.defaults;
    const catalog = new DataArtsCatalogClient({
      region: d.region,
      projectId: d.projectId,
      workspace: d.workspace,
      auth: { token: d.token },
      fetch: (url: string, init: RequestInit) => mock.handle(new Request(url, init)),
      logLevel: 'off',
    });
    const { task_id } = await catalog.createCollectionTask({
      name: 'runner',
      dir_id: '0',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE' },
      task_config: { data_connection_id: 'conn-1' },
    });
    mock.faults.inject({ service: 'dataarts', operation: 'ExecuteTaskAction', status: 504, phase: 'after' });
    const r = await catalog.runCollectionTaskNow(task_id).withResponse();
    expect(r.reconciled).toBe(true);
    expect(mock.services.dataarts.listInstances(d.projectId, task_id)).toHaveLength(1);
  });

  it('DataWorks runCrawler: Crawler.RunInProgress on the retry resolves with the run that attempt started', async () => {
    const { DataWorksClient } = await import('../../src/index.js');
    const d = mock.defaults;
    const dw = new DataWorksClient({
      endpoint: 'http://mock.local',
      auth: { accessKeyId: d.ak, accessKeySecret: d.sk },
      fetch: (url: string, init: RequestInit) => mock.handle(new Request(url, init)),
      logLevel: 'off',
      env: {},
    });
    const { Id: dataSourceId } = await dw.createDataSource({
      ProjectId: 4242,
      Name: 'shop',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: {
        envType: 'Prod',
        address: [{ host: '10.0.0.5', port: 3306 }],
        database: 'shop',
        username: 'u',
        password: 'Pa55-word!',
      },
    });
    const { Id } = await dw.createCrawler({ Name: 'shop crawler', DataSourceId: dataSourceId, Type: 'mysql' });
    mock.faults.inject({ service: 'dataworks', operation: 'RunCrawler', status: 500, phase: 'after' });
    const r = await dw.runCrawler(Id).withResponse();
    expect(r.reconciled).toBe(true);
    const runs = (await dw.listCrawlerRuns(Id)).PagingInfo.CrawlerRuns;
    expect(runs).toHaveLength(1);
    expect(r.data).toMatchObject({ Id, RunAccepted: true, TaskInstanceId: runs[0]?.TaskInstanceId });

    // A run that was already going before the call is not this call's: the caller gets the service's answer.
    mock.clock.advance(10_000);
    mock.faults.inject({ service: 'dataworks', operation: 'RunCrawler', status: 500, phase: 'before' });
    const error = await dw.runCrawler(Id).catch((e: unknown) => e);
    expect(isApiError(error) && error.errorCode).toBe('Crawler.RunInProgress');
  });
});
