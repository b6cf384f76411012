/**
 * How to write contract tests for your own collection-task code with the mock: a real loopback server, the virtual
 * clock and fault injection. Run it with `npx vitest run examples/contract.test.ts`.
 *
 * The code under test is `ensureNightlyScan`, a small piece of "application" code: it makes sure one daily scan
 * template exists for a database instance, without ever creating a duplicate.
 */
import { ApiError, DscClient, RunFailedError } from 'metacollect';
import { createMock, startMockServer } from 'metacollect/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// ---- the application code under test -------------------------------------------------------------------------
async function ensureNightlyScan(dsc: DscClient, insId: string): Promise<string> {
  const name = `nightly-${insId}`;
  const find = async () => (await dsc.listScanTasks({ task_name: name })).result.find((t) => t.task_name === name);
  const existing = await find();
  if (existing) return String(existing.id);
  try {
    const created = await dsc.createScanTask({
      task_name: name,
      data_sources: [{ db_type: 'MySQL', ins_id: insId }],
      schedule_type: 'DAY',
    });
    return created.id;
  } catch (error) {
    // A create is never retried blindly (it may have succeeded): look before trying again.
    const after = await find();
    if (after) return String(after.id);
    throw error;
  }
}

// ---- the contract tests ----------------------------------------------------------------------------------------
const mock = createMock({ clock: 'manual', seed: 42 });
let server: Awaited<ReturnType<typeof startMockServer>>;
let dsc: DscClient;

beforeAll(async () => {
  server = await startMockServer({ mock, port: 0 });
  dsc = new DscClient({
    endpoint: server.url,
    projectId: mock.defaults.projectId,
    auth: { token: mock.defaults.token },
    maxRetries: 2,
  });
});
afterAll(async () => {
  await dsc.close();
  await server.close();
});
beforeEach(() => {
  mock.reset();
  mock.faults.clear();
});

describe('ensureNightlyScan', () => {
  it('creates the template once and reuses it', async () => {
    const first = await ensureNightlyScan(dsc, 'mysql-01');
    const second = await ensureNightlyScan(dsc, 'mysql-01');
    expect(second).toBe(first);
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('does not duplicate a create whose answer was lost (the server processed it, then failed)', async () => {
    mock.faults.inject({ service: 'dsc', operation: 'CreateTaskTemplates', status: 500, phase: 'after' });
    const id = await ensureNightlyScan(dsc, 'mysql-02');
    const page = await dsc.listScanTasks();
    expect(page.total_num).toBe(1);
    expect(String(page.result[0]!.id)).toBe(id);
  });

  it('surfaces a persistent server error as an ApiError', async () => {
    mock.faults.inject({ service: 'dsc', operation: 'ListTaskTemplates', status: 503, times: 10 });
    const error = await ensureNightlyScan(dsc, 'mysql-03').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
  });

  it('runs daily on the virtual clock', async () => {
    const id = await ensureNightlyScan(dsc, 'mysql-04');
    expect((await dsc.listScanInstances(id)).total_num).toBe(0);
    mock.clock.advance(24 * 3_600_000 + 30_000); // the first point is 24 h after creation; the run takes 30 s
    const runs = await dsc.listScanInstances(id);
    expect(runs.result.map((r) => [r.trigger, r.task_status])).toEqual([['SCHEDULE', 'SUCCESS']]);
  });

  it('reports a run that fails because the database is unreachable', async () => {
    const res = await fetch(`${server.url}/__mock/dsc/instances/mysql-05`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reachable: false }),
    });
    expect(res.status).toBe(200);
    const id = await ensureNightlyScan(dsc, 'mysql-05');
    await dsc.startScanTask(id);
    const waiting = dsc.waitForScanInstance(id, { pollIntervalMs: 10, timeoutMs: 5_000 });
    setTimeout(() => mock.clock.advance(30_000), 20);
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).message).toContain('Failed to connect to database instance mysql-05');
  });
});
