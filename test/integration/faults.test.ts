/**
 * Contract tests: retries, timeouts and aborts of the clients against faults injected into the mock
 * (`mock.faults.inject`), over loopback HTTP. The journal proves how many attempts reached the mock and which
 * state changes happened, so "not duplicated" is checked on the server side.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectionError,
  type DscClient,
  iamPasswordAuth,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../src/index.js';
import { type Harness, rejection, startHarness, template } from './harness.js';

let h: Harness;
let dsc: DscClient;

beforeAll(async () => {
  h = await startHarness();
  dsc = h.dsc();
});
afterEach(() => h.reset());
afterAll(async () => {
  h.assertNoSecrets();
  await h.close();
  expect(h.mock.errors).toEqual([]);
});

const attempts = (operation: string) =>
  h
    .requests()
    .filter((e) => e.operation === operation)
    .map((e) => (e.fault ? `${e.status}:${e.fault.phase}` : String(e.status)));

/** Waits (real time) until the mock journal holds `n` entries for `operation` (delayed faults finish late). */
async function journalReaches(operation: string, n: number): Promise<void> {
  const end = Date.now() + 5_000;
  while (h.requests().filter((e) => e.operation === operation).length < n) {
    if (Date.now() > end) throw new Error(`journal never reached ${n} × ${operation}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('retried', () => {
  it('a GET after one 503 succeeds; the journal shows two attempts', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', status: 503 });
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(attempts('ListTaskTemplates')).toEqual(['503:before', '200']);
    expect(h.requests()[0]?.responseBody).toMatchObject({ error_code: 'MOCK.FAULT' });
  });

  it('a create with a phase "before" 503 is retried and exactly one template exists', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 503, phase: 'before' });
    await expect(dsc.createScanTask(template('retried'))).resolves.toMatchObject({ status: 'success' });
    expect(attempts('CreateTaskTemplates')).toEqual(['503:before', '200']);
    expect((await dsc.listScanTasks()).result.map((t) => t.task_name)).toEqual(['retried']);
  });

  it('a GET whose connection is reset is retried', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', networkError: 'reset' });
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(attempts('ListTaskTemplates')).toEqual(['0:before', '200']);
  });

  it('429 in the DSC envelope is retried, for a GET and for a create; APIGW.0308 too', async () => {
    h.mock.faults.inject({
      service: 'dsc',
      operation: 'ListTaskTemplates',
      status: 429,
      code: 'dsc.40000429',
      message: 'Too many requests',
    });
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(attempts('ListTaskTemplates')).toEqual(['429:before', '200']);
    expect(h.requests()[0]?.responseBody).toEqual({ error_code: 'dsc.40000429', error_msg: 'Too many requests' });

    h.mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 429 });
    await dsc.createScanTask(template('throttled'));
    expect(attempts('CreateTaskTemplates')).toEqual(['429:before', '200']);
    expect(
      h.requests().find((e) => e.status === 429 && e.operation === 'CreateTaskTemplates')?.responseBody,
    ).toMatchObject({
      error_code: 'APIGW.0308',
    });
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('persistent 429 ends in RateLimitError after maxRetries + 1 attempts', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', status: 429, times: 5 });
    const err = await rejection(dsc.listScanTasks({}, { maxRetries: 1 }));
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ status: 429, errorCode: 'APIGW.0308' });
    expect(attempts('ListTaskTemplates')).toEqual(['429:before', '429:before']);
  });
});

// The retry table alone, reconciliation off (what it adds by default: test/integration/reconcile.test.ts).
describe('not retried', () => {
  it('a create with a phase "after" 500 is not retried and exactly one template exists', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    const err = await rejection(dsc.createScanTask(template('once'), { reconcile: false }));
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ status: 500 });
    expect(attempts('CreateTaskTemplates')).toEqual(['500:after']);
    expect((await dsc.listScanTasks()).result.map((t) => t.task_name)).toEqual(['once']);
  });

  it('a create whose connection is reset after it was applied is not retried (one template)', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', networkError: 'reset', phase: 'after' });
    const err = await rejection(dsc.createScanTask(template('reset-after'), { reconcile: false }));
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).requestSent).toBe(true);
    expect(attempts('CreateTaskTemplates')).toEqual(['0:after']);
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('START with a 500 is not retried; UPDATE (idempotent) with a 500 is', async () => {
    const { id } = await dsc.createScanTask(template('ops'));
    h.mock.faults.inject({ service: 'dsc', operation: 'CreateOperate', status: 500 });
    await expect(dsc.startScanTask(id, { reconcile: false })).rejects.toBeInstanceOf(ServerError);
    expect(attempts('CreateOperate')).toEqual(['500:before']);
    expect((await dsc.listScanInstances(id)).total_num).toBe(0);

    h.mock.faults.inject({ service: 'dsc', operation: 'UpdateTaskTemplates', status: 500 });
    await dsc.updateScanTask(id, { task_description: 'second try' });
    expect(attempts('UpdateTaskTemplates')).toEqual(['500:before', '200']);
  });
});

describe('IAM and DataArts edge cases', () => {
  it('an IAM 503 while fetching the token is retried by the calling request', async () => {
    const d = h.mock.defaults;
    const viaIam = h.dsc({
      auth: iamPasswordAuth({
        endpoint: h.url,
        domainName: d.domainName,
        userName: d.userName,
        password: d.password,
        projectName: d.projectName,
      }),
    });
    h.mock.faults.inject({ service: 'iam', operation: 'KeystoneCreateUserTokenByPassword', status: 503 });
    await expect(viaIam.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(h.requests().map((e) => `${e.service} ${e.status}`)).toEqual(['iam 503', 'iam 201', 'dsc 200']);
  });

  it('DataArts delete whose connection is reset after it was applied: the retry meets DLG.2208, and the delete resolves', async () => {
    // DeleteTaskInfo is idempotent, so the client retries after a reset; the sheet makes a second delete a 400
    // DLG.2208. The first attempt may have been processed, so "already gone" on the retry means the delete worked.
    const catalog = h.dataarts();
    const { task_id } = await catalog.createCollectionTask({
      name: 'del',
      dir_id: '0',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE' },
      task_config: { data_connection_id: 'c' },
    });
    h.mock.faults.inject({ service: 'dataarts', operation: 'DeleteTaskInfo', networkError: 'reset', phase: 'after' });
    await expect(catalog.deleteCollectionTask(task_id)).resolves.toBeUndefined();
    expect(attempts('DeleteTaskInfo')).toEqual(['0:after', '400']);
    expect((await catalog.searchCollectionTasks()).count).toBe(0);
  });
});

describe('deadlines and aborts', () => {
  it('a delay beyond timeoutMs → TimeoutError (the call gives up; no retry after its deadline)', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', delayMs: 800 });
    const err = await rejection(dsc.listScanTasks({}, { timeoutMs: 150 }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ timeoutMs: 150, method: 'GET' });
    await journalReaches('ListTaskTemplates', 1);
    expect(h.requests().filter((e) => e.operation === 'ListTaskTemplates')).toHaveLength(1);
  });

  it('abort via signal → AbortError carrying the reason; nothing is retried', async () => {
    h.mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', delayMs: 500 });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => controller.abort(reason), 50);
    const err = await rejection(dsc.listScanTasks({}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe(reason);
    await journalReaches('ListTaskTemplates', 1);

    // An already-aborted signal: no request at all.
    h.mock.clearRequests();
    const pre = await rejection(dsc.createScanTask(template('never'), { signal: AbortSignal.abort() }));
    expect(pre).toBeInstanceOf(AbortError);
    expect(h.mock.requests).toEqual([]);
  });

  it('aborting a waiter stops it with AbortError', async () => {
    const { id } = await dsc.createScanTask(template('waiting', 'w', { start_now: true }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const err = await rejection(dsc.waitForScanInstance(id, { pollIntervalMs: 10, signal: controller.signal }));
    expect(err).toBeInstanceOf(AbortError);
  });
});
