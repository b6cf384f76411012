import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/core/errors.js';
import { isRunFailedError, isValidationError, isWaiterTimeoutError } from '../../src/core/guards.js';
import { DscClient } from '../../src/dsc/client.js';
import type { TaskInstance } from '../../src/dsc/schemas.js';
import { json, PROJECT, type Recorded, startServer, type TestServer, TOKEN, tokenProvider } from './helpers.js';

let server: TestServer;
let dsc: DscClient;

beforeAll(async () => {
  server = await startServer();
  dsc = new DscClient({ endpoint: server.url, projectId: PROJECT, auth: tokenProvider(), logLevel: 'off', env: {} });
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await dsc.close();
  await server.close();
});

const BASE = `/v1/${PROJECT}/metadata/task-templates`;
const ok = (id: string) => ({ status: 'success', msg: '操作成功', id });

const detail = (id: number) => ({
  id,
  task_name: `t${id}`,
  task_description: '',
  schedule_type: 'DAY',
  schedule_switch: true,
  start_time: 1_767_225_600,
  scan_config: {
    scan_tables: true,
    scan_views: true,
    scan_comment: true,
    scan_column_constraints: false,
    scan_privileges: false,
    scan_system_db: false,
  },
  create_user: 'alice',
  data_source: ['rds-1'],
  delete_failed_meta: false,
  last_trigger_time: null,
  last_end_time: null,
});

const instance = (id: number, task_status: string, error_msg = ''): TaskInstance => ({
  id,
  schedule_type: 'ONCE',
  task_status: task_status as TaskInstance['task_status'],
  task_create_time: 1_767_225_600_000 + id,
  task_update_time: 1_767_225_600_000 + id,
  task_end_time: task_status === 'RUNNING' ? null : 1_767_225_630_000,
  error_msg,
});

function only(): Recorded {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('DscClient operations', () => {
  it('createScanTask: POST task-templates with the JSON body and token', async () => {
    server.handle((_r, res) => json(res, 200, ok('1001')));
    const body = {
      task_name: 'scan',
      data_sources: [{ db_type: 'MySQL', ins_id: 'rds-1' }],
      schedule_type: 'ONCE' as const,
      start_now: true,
    };
    const result = await dsc.createScanTask(body);
    expect(result).toEqual(ok('1001'));
    const r = only();
    expect(r.method).toBe('POST');
    expect(r.url).toBe(BASE);
    expect(r.headers['x-auth-token']).toBe(TOKEN);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['user-agent']).toMatch(/^metacollect\/\d+\.\d+\.\d+ node\//);
    expect(JSON.parse(r.body)).toEqual(body);
  });

  it('withResponse() gives status, headers and request id', async () => {
    server.handle((_r, res) => json(res, 200, ok('1002'), { 'x-request-id': 'b'.repeat(32) }));
    const { data, status, headers, requestId } = await dsc
      .createScanTask({ task_name: 'x', data_sources: [{ db_type: 'mysql', ins_id: 'i' }], schedule_type: 'DAY' })
      .withResponse();
    expect(data.id).toBe('1002');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json');
    expect(requestId).toBe('b'.repeat(32));
  });

  it('listScanTasks sends schedule_types as repeated keys', async () => {
    server.handle((_r, res) => json(res, 200, { total_num: 1, result: [detail(1001)] }));
    const page = await dsc.listScanTasks({
      task_name: 'a b',
      schedule_types: ['DAY', 'WEEK'],
      page_size: 10,
      id: 1001,
    });
    expect(page.result[0]?.id).toBe(1001);
    const url = new URL(only().url, 'http://x');
    expect(url.pathname).toBe(BASE);
    expect(url.searchParams.getAll('schedule_types')).toEqual(['DAY', 'WEEK']);
    expect(url.searchParams.get('task_name')).toBe('a b');
    expect(url.search).toContain('task_name=a%20b');
    expect(url.searchParams.get('page_size')).toBe('10');
    expect(url.searchParams.get('id')).toBe('1001');
  });

  it('updateScanTask: PUT task-templates/{id}', async () => {
    server.handle((_r, res) => json(res, 200, ok('1001')));
    await dsc.updateScanTask(1001, { task_description: 'new' });
    const r = only();
    expect(r.method).toBe('PUT');
    expect(r.url).toBe(`${BASE}/1001`);
    expect(JSON.parse(r.body)).toEqual({ task_description: 'new' });
  });

  it('deleteScanTasks: DELETE with an explicit JSON array body and content-type', async () => {
    server.handle((_r, res) => json(res, 200, ok('1001,1002')));
    const result = await dsc.deleteScanTasks([1001, '1002']);
    expect(result.id).toBe('1001,1002');
    const r = only();
    expect(r.method).toBe('DELETE');
    expect(r.url).toBe(BASE);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength('[1001,"1002"]')));
    expect(r.body).toBe('[1001,"1002"]');
  });

  it.each([
    ['enableScanTask', 'ENABLE'],
    ['disableScanTask', 'DISABLE'],
    ['startScanTask', 'START'],
  ] as const)('%s posts {action: %s} to …/operate', async (method, action) => {
    server.handle((_r, res) => json(res, 200, ok('1001')));
    await dsc[method]('1001');
    const r = only();
    expect(r.method).toBe('POST');
    expect(r.url).toBe(`${BASE}/1001/operate`);
    expect(JSON.parse(r.body)).toEqual({ action });
  });

  it('listScanInstances: GET …/task-instances with reverse', async () => {
    server.handle((_r, res) => json(res, 200, { total_num: 1, result: [instance(1, 'SUCCESS')] }));
    const page = await dsc.listScanInstances(1001, { reverse: true, page_size: 5 });
    expect(page.result[0]?.task_status).toBe('SUCCESS');
    expect(only().url).toBe(`${BASE}/1001/task-instances?reverse=true&page_size=5`);
  });

  it('unknown template → NotFoundError (404 dsc.600000025)', async () => {
    server.handle((_r, res) =>
      json(res, 404, { error_code: 'dsc.600000025', error_msg: 'The template does not exist' }),
    );
    const err = await dsc.listScanInstances(999).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, errorCode: 'dsc.600000025', method: 'GET' });
    expect(server.requests).toHaveLength(1); // a 404 is not retried
  });
});

describe('DscClient validation before I/O', () => {
  it('rejects a bad create body naming each field; nothing is sent', async () => {
    const err = await dsc
      .createScanTask({
        task_name: '',
        data_sources: [{ db_type: 'FOO', ins_id: 'x' }],
        schedule_type: 'daily' as never,
        start_time: 1_767_225_600_000,
      })
      .catch((e: unknown) => e);
    expect(isValidationError(err)).toBe(true);
    const paths = (err as ValidationError).issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['task_name', 'data_sources[0].db_type', 'schedule_type', 'start_time']),
    );
    expect((err as ValidationError).message).toContain(
      "data_sources[0].db_type: 'FOO' is not a supported database type",
    );
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a bad template id and a bad delete list', async () => {
    await expect(dsc.updateScanTask('abc', {})).rejects.toBeInstanceOf(ValidationError);
    await expect(dsc.deleteScanTasks([])).rejects.toBeInstanceOf(ValidationError);
    await expect(dsc.operateScanTask(1, 'start' as never)).rejects.toThrow(/action/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('DscClient pagination', () => {
  it('iterateScanTasks pages lazily with page_size + offset and stops at a short page', async () => {
    const all = Array.from({ length: 5 }, (_, i) => detail(1001 + i));
    server.handle((r, res) => {
      const u = new URL(r.url, 'http://x');
      const size = Number(u.searchParams.get('page_size'));
      const off = Number(u.searchParams.get('offset'));
      json(res, 200, { total_num: 99, result: all.slice(off, off + size) });
    });
    const it = dsc.iterateScanTasks({ page_size: 2, schedule_types: ['DAY'] });
    expect(server.requests).toHaveLength(0); // lazy
    const ids: number[] = [];
    for await (const t of it) ids.push(t.id);
    expect(ids).toEqual([1001, 1002, 1003, 1004, 1005]);
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('offset'))).toEqual(['0', '2', '4']);
    expect(new URL(server.requests[0]!.url, 'http://x').searchParams.getAll('schedule_types')).toEqual(['DAY']);
  });

  it('stops at total_num without an extra request', async () => {
    const all = Array.from({ length: 4 }, (_, i) => detail(1001 + i));
    server.handle((r, res) => {
      const u = new URL(r.url, 'http://x');
      const off = Number(u.searchParams.get('offset'));
      json(res, 200, { total_num: 4, result: all.slice(off, off + 2) });
    });
    const pages = [];
    for await (const p of dsc.iterateScanTasks({ page_size: 2 }).pages()) pages.push(p);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2]);
    expect(server.requests).toHaveLength(2);
  });

  it('iterateScanInstances pages through instances', async () => {
    const all = Array.from({ length: 3 }, (_, i) => instance(i + 1, 'SUCCESS'));
    server.handle((r, res) => {
      const u = new URL(r.url, 'http://x');
      const off = Number(u.searchParams.get('offset'));
      json(res, 200, { total_num: 3, result: all.slice(off, off + 2) });
    });
    const got = await dsc.iterateScanInstances(1001, { page_size: 2 }).toArray();
    expect(got.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(2);
  });
});

describe('waitForScanInstance', () => {
  it('polls with reverse=true until SUCCESS, reporting progress', async () => {
    const states = ['RUNNING', 'RUNNING', 'SUCCESS'];
    server.handle((_r, res, i) => json(res, 200, { total_num: 1, result: [instance(7, states[Math.min(i, 2)]!)] }));
    const progress: string[] = [];
    const done = await dsc.waitForScanInstance(1001, {
      pollIntervalMs: 5,
      onProgress: (inst, elapsed) => {
        expect(elapsed).toBeGreaterThanOrEqual(0);
        progress.push(inst?.task_status ?? 'none');
      },
    });
    expect(done.id).toBe(7);
    expect(done.task_status).toBe('SUCCESS');
    expect(progress).toEqual(['RUNNING', 'RUNNING', 'SUCCESS']);
    for (const r of server.requests) expect(new URL(r.url, 'http://x').searchParams.get('reverse')).toBe('true');
  });

  it('waits for a given instanceId', async () => {
    server.handle((_r, res, i) =>
      json(res, 200, {
        total_num: 2,
        result: [instance(9, 'RUNNING'), instance(8, i === 0 ? 'RUNNING' : 'SUCCESS')],
      }),
    );
    const done = await dsc.waitForScanInstance(1001, { instanceId: 8, pollIntervalMs: 5 });
    expect(done.id).toBe(8);
  });

  it('throws RunFailedError carrying the instance and error_msg', async () => {
    server.handle((_r, res) =>
      json(res, 200, { total_num: 1, result: [instance(3, 'FAILED', 'Failed to connect to database instance rds-1')] }),
    );
    const err = await dsc.waitForScanInstance(1001, { pollIntervalMs: 5 }).catch((e: unknown) => e);
    expect(isRunFailedError(err)).toBe(true);
    expect(err).toMatchObject({ errorMsg: 'Failed to connect to database instance rds-1', status: 'FAILED' });
    expect((err as { instance: TaskInstance }).instance.id).toBe(3);
  });

  it('throws WaiterTimeoutError when the run does not end in time', async () => {
    server.handle((_r, res) => json(res, 200, { total_num: 1, result: [instance(4, 'RUNNING')] }));
    const err = await dsc.waitForScanInstance(1001, { pollIntervalMs: 10, timeoutMs: 500 }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(err)).toBe(true);
    expect((err as { lastInstance?: TaskInstance }).lastInstance?.id).toBe(4);
  });

  it('keeps polling while no instance exists yet', async () => {
    // Counts only this test's template (1002): a poll the previous test's waiter aborted late may still arrive.
    let polls = 0;
    server.handle((r, res) => {
      if (!r.url?.includes('/task-templates/1002/')) return json(res, 200, { total_num: 0, result: [] });
      polls++;
      json(res, 200, polls <= 2 ? { total_num: 0, result: [] } : { total_num: 1, result: [instance(1, 'SUCCESS')] });
    });
    const seen: (TaskInstance | undefined)[] = [];
    await dsc.waitForScanInstance(1002, { pollIntervalMs: 5, onProgress: (i) => seen.push(i) });
    expect(seen.map((i) => i?.id)).toEqual([undefined, undefined, 1]);
  });

  it('an abort stops the waiter with AbortError (reason as cause)', async () => {
    server.handle((_r, res) => json(res, 200, { total_num: 1, result: [instance(4, 'RUNNING')] }));
    const ac = new AbortController();
    const reason = new Error('stop waiting');
    const p = dsc.waitForScanInstance(1001, {
      pollIntervalMs: 10_000,
      signal: ac.signal,
      onProgress: () => queueMicrotask(() => ac.abort(reason)),
    });
    const err = await p.catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect((err as Error).cause).toBe(reason);
  });
});
