/**
 * The DataArts Catalog waiters against the mock over loopback HTTP: `waitForCollectionTaskRun` (the task's latest
 * run, by its times) and `waitForCollectionInstance` (one run, by its ids, through its log).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instanceStatus, latestRunEnded, startedAfter } from '../../src/dataarts/runs.js';
import {
  type DataArtsCatalogClient,
  type JobLogResponse,
  RunFailedError,
  ValidationError,
  WaiterTimeoutError,
} from '../../src/index.js';
import { collectionTask, control, type Harness, rejection, startHarness } from './harness.js';

let h: Harness;
let catalog: DataArtsCatalogClient;

beforeAll(async () => {
  h = await startHarness();
  catalog = h.dataarts();
});
afterEach(() => h.reset());
afterAll(async () => {
  h.assertNoSecrets();
  await h.close();
  expect(h.mock.errors).toEqual([]);
});

const RUN_MS = 60_000;

const input = collectionTask;

describe('reading a run from task times', () => {
  const task = (start: string | null, end: string | null) =>
    ({ id: 't', name: 'n', start_time: start, last_run_time: start, end_time: end }) as never;

  it("an end before the start is an older run's end left in place: the latest run is still going", () => {
    expect(latestRunEnded(task('2000', '1500'))).toBe(false);
    expect(latestRunEnded(task('2000', '2000'))).toBe(true);
    expect(latestRunEnded(task('2000', null))).toBe(false);
    expect(latestRunEnded(task(null, null))).toBe(false);
  });

  it('a run counts only when it started after the given start_time (null: any run)', () => {
    expect(startedAfter(task('2000', null), '2000')).toBe(false);
    expect(startedAfter(task('2001', null), '2000')).toBe(true);
    expect(startedAfter(task('2000', null), null)).toBe(true);
    expect(startedAfter(task(null, null), null)).toBe(false);
    expect(startedAfter(task('2000', null), undefined)).toBe(true);
  });

  it('an instance is as far as its least advanced job; a failed job decides', () => {
    const log = (bridge: string, profile: string) =>
      ({
        enable_bridge: true,
        enable_profile: true,
        enable_classification: false,
        bridge_status: bridge,
        profile_status: profile,
        classification_status: '',
      }) as never;
    expect(instanceStatus(log('SUCCESS', 'RUNNING'))).toBe('RUNNING');
    expect(instanceStatus(log('SUCCESS', 'success'))).toBe('SUCCESS');
    expect(instanceStatus(log('RUNNING', 'FAILED'))).toBe('FAILED');
    expect(instanceStatus(log('SUCCESS', ''))).toBe('PENDING');
  });
});

describe('waitForCollectionTaskRun', () => {
  it('follows the run started after afterStartTime to its end, not the earlier run', async () => {
    const { task_id } = await catalog.createCollectionTask(input('twice'));
    await catalog.runCollectionTaskNow(task_id);
    h.mock.clock.advance(RUN_MS);
    const before = await catalog.getCollectionTask(task_id);
    expect(before.end_time).not.toBeNull();
    h.mock.clock.advance(1_000);

    // The earlier run has ended: without afterStartTime the waiter resolves at once with it.
    const old = await catalog.waitForCollectionTaskRun(task_id, { pollIntervalMs: 5 });
    expect(old.start_time).toBe(before.start_time);

    await catalog.runCollectionTaskNow(task_id);
    const seen: string[] = [];
    const task = await catalog.waitForCollectionTaskRun(task_id, {
      afterStartTime: before.start_time ?? null,
      pollIntervalMs: 5,
      onProgress: (t) => {
        seen.push(t === undefined ? 'none' : t.end_time === null ? 'running' : 'ended');
        h.mock.clock.advance(20_000);
      },
    });
    expect(Number(task.start_time)).toBeGreaterThan(Number(before.start_time));
    expect(Number(task.end_time) - Number(task.start_time)).toBe(RUN_MS);
    expect(seen.slice(0, 3)).toEqual(['running', 'running', 'running']);
    expect(seen.at(-1)).toBe('ended');
  });

  it('resolves for a run that failed too (the task does not report outcomes)', async () => {
    await control(h.url, '/__mock/dataarts/connections/conn-off', { reachable: false });
    const { task_id } = await catalog.createCollectionTask(
      input('down', { task_config: { data_connection_id: 'conn-off' } }),
    );
    await catalog.runCollectionTaskNow(task_id);
    const task = await catalog.waitForCollectionTaskRun(task_id, {
      afterStartTime: null,
      pollIntervalMs: 5,
      onProgress: () => h.mock.clock.advance(RUN_MS),
    });
    expect(task.end_time).not.toBeNull();
  });

  it('waits for the first scheduled run of a CRON task, then times out when none comes', async () => {
    const { task_id } = await catalog.createCollectionTask(
      input('cron', { schedule_config: { schedule_type: 'CRON', cron_expression: '0 */5 * * * ?', enabled: 0 } }),
    );
    await catalog.startCollectionSchedule(task_id);
    const seen: boolean[] = [];
    const task = await catalog.waitForCollectionTaskRun(task_id, {
      afterStartTime: null,
      pollIntervalMs: 5,
      onProgress: (t) => {
        seen.push(t !== undefined);
        h.mock.clock.advance(60_000);
      },
    });
    expect(seen[0]).toBe(false);
    expect(task.end_time).not.toBeNull();

    await catalog.stopCollectionTask(task_id);
    const err = await rejection(
      catalog.waitForCollectionTaskRun(task_id, { afterStartTime: task.start_time!, timeoutMs: 50, pollIntervalMs: 5 }),
    );
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    expect((err as Error).message).toContain(`the latest run of collection task ${task_id}`);
  });

  it('an invalid task id rejects with ValidationError before any request', async () => {
    const before = h.requests().length;
    const err = await rejection(catalog.waitForCollectionTaskRun('', { pollIntervalMs: 5 }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(h.requests().length).toBe(before);
  });
});

describe('waitForCollectionInstance', () => {
  it('follows the instance through its log to SUCCESS (bridge and profile)', async () => {
    const { task_id } = await catalog.createCollectionTask(
      input('ok', { task_config: { data_connection_id: 'conn-1', enableDataProfile: true } }),
    );
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    const seen: string[] = [];
    const log = await catalog.waitForCollectionInstance(task_id, run.headers['x-mock-instance-id']!, {
      bridgeId: run.headers['x-mock-bridge-id']!,
      pollIntervalMs: 5,
      onProgress: (l) => {
        seen.push(l?.bridge_status ?? 'none');
        h.mock.clock.advance(25_000);
      },
    });
    expect(log).toMatchObject({ bridge_status: 'SUCCESS', profile_status: 'SUCCESS', enable_profile: true });
    expect(seen).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'SUCCESS']);
  });

  it('rejects with RunFailedError carrying the ERROR line of the failed job', async () => {
    await control(h.url, '/__mock/dataarts/connections/conn-bad', { reachable: false });
    const { task_id } = await catalog.createCollectionTask(
      input('bad', { task_config: { data_connection_id: 'conn-bad' } }),
    );
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    const err = await rejection(
      catalog.waitForCollectionInstance(task_id, run.headers['x-mock-instance-id']!, {
        bridgeId: run.headers['x-mock-bridge-id']!,
        pollIntervalMs: 5,
        onProgress: () => h.mock.clock.advance(RUN_MS),
      }),
    );
    expect(err).toBeInstanceOf(RunFailedError);
    const e = err as RunFailedError<JobLogResponse>;
    expect(e.status).toBe('FAILED');
    expect(e.errorMsg).toBe('bridge job: Failed to connect to data connection conn-bad');
    expect(e.instance.bridge_status).toBe('FAILED');
  });

  it('a stopped run is a failure with status STOPPED', async () => {
    const { task_id } = await catalog.createCollectionTask(input('stopped'));
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    await catalog.stopCollectionTask(task_id);
    const err = await rejection(
      catalog.waitForCollectionInstance(task_id, run.headers['x-mock-instance-id']!, {
        bridgeId: run.headers['x-mock-bridge-id']!,
        pollIntervalMs: 5,
      }),
    );
    expect(err).toBeInstanceOf(RunFailedError);
    expect((err as RunFailedError).status).toBe('STOPPED');
  });

  it('a wrong bridge id rejects with the NotFoundError of the log call', async () => {
    const { task_id } = await catalog.createCollectionTask(input('nf'));
    const run = await catalog.runCollectionTaskNow(task_id).withResponse();
    const err = await rejection(
      catalog.waitForCollectionInstance(task_id, run.headers['x-mock-instance-id']!, {
        bridgeId: 'A'.repeat(32),
        pollIntervalMs: 5,
      }),
    );
    expect(err).toMatchObject({ name: 'NotFoundError', errorCode: 'DLG.9005' });
  });
});
