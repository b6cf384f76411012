import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../../src/mock/index.js';
import { T0 } from './harness.js';

describe('DSC over HTTP (startMockServer)', () => {
  let server: MockServer;
  let base: string;

  const send = async (method: string, path: string, body?: unknown, auth = true) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (auth) headers['X-Auth-Token'] = server.mock.defaults.token;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${server.url}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
  const advance = (ms: number) => send('POST', '/__mock/clock', { advanceMs: ms }, false);

  beforeAll(async () => {
    server = await startMockServer({ clock: 'manual', now: T0 });
    base = `/v1/${server.mock.defaults.projectId}/metadata`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('create, list, operate, runs, seeds, faults, delete — end to end', async () => {
    const created = await send('POST', `${base}/task-templates`, {
      task_name: 'orders',
      data_sources: [{ db_type: 'MySQL', ins_id: 'db-x' }],
      schedule_type: 'DAY',
      start_now: true,
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(created.body).toEqual({ status: 'success', msg: '操作成功', id: '1001' });

    const listed = await send('GET', `${base}/task-templates?schedule_types=DAY&task_name=ORD`);
    expect(listed.body.total_num).toBe(1);
    expect(listed.body.result[0]).toMatchObject({
      id: 1001,
      create_user: server.mock.defaults.userName,
      last_task_status: 'RUNNING',
      next_trigger_time: T0 + 86_400_000,
    });

    // Seed the instance unreachable: the running instance decided its outcome at start (reachable).
    expect((await send('POST', '/__mock/dsc/instances/db-x', { reachable: false }, false)).status).toBe(200);
    expect((await send('POST', '/__mock/dsc/instances/db-x', { reachable: 'no' }, false)).status).toBe(400);
    await advance(30_000);
    await send('PUT', `${base}/task-template/1001/action?action=START`);
    await advance(30_000);
    let inst = await send('GET', `${base}/task-templates/1001/task-instances?reverse=true`);
    expect(
      inst.body.result.map((i: { task_status: string; error_msg: string }) => [i.task_status, i.error_msg]),
    ).toEqual([
      ['FAILED', 'Failed to connect to database instance db-x'],
      ['SUCCESS', ''],
    ]);

    // A run fault (engine fault registry, phase 'run').
    await send('POST', '/__mock/dsc/instances/db-x', { reachable: true }, false);
    const fault = await send(
      'POST',
      '/__mock/faults',
      { service: 'dsc', operation: 'CreateOperate', phase: 'run', message: 'scan aborted' },
      false,
    );
    expect(fault.status).toBeLessThan(300);
    await send('POST', `${base}/task-templates/1001/operate`, { action: 'START' });
    const running = await send('POST', `${base}/task-templates/1001/operate`, { action: 'START' });
    expect(running.status).toBe(400);
    expect(running.body.error_code).toBe('dsc.40000028');
    await advance(30_000);
    inst = await send('GET', `${base}/task-templates/1001/task-instances?reverse=true&limit=1`);
    expect(inst.body).toMatchObject({ total_num: 3, result: [{ task_status: 'FAILED', error_msg: 'scan aborted' }] });

    // A request fault answers in the DSC envelope.
    await send('POST', '/__mock/faults', { service: 'dsc', operation: 'ListTaskTemplates', status: 500 }, false);
    const failed = await send('GET', `${base}/task-templates`);
    expect(failed.status).toBe(500);
    expect(typeof failed.body.error_code).toBe('string');
    expect(typeof failed.body.error_msg).toBe('string');

    // Validation error over the wire.
    const bad = await send('POST', `${base}/task-templates`, '{"task_name": "x", "data_sources": [{"db_type": "FOO"');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error_code: 'dsc.40000011',
      error_msg: 'Invalid parameter: body: malformed JSON',
    });

    // DELETE with a JSON body.
    const deleted = await send('DELETE', `${base}/task-templates`, ['1001', 1001, 5]);
    expect(deleted.body).toEqual({ status: 'success', msg: '操作成功', id: '1001' });
    expect((await send('GET', `${base}/task-templates/1001/task-instances`)).status).toBe(404);
    expect(server.mock.errors).toEqual([]);
  });

  it('disabled project → 401; reset keeps the seeds', async () => {
    const projectId = server.mock.defaults.projectId;
    expect((await send('POST', `/__mock/dsc/projects/${projectId}`, { enabled: false }, false)).status).toBe(200);
    const denied = await send('GET', `${base}/task-templates`);
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ error_code: 'dsc.10000009', error_msg: 'Current instance does not exist' });
    await send('POST', '/__mock/reset', undefined, false);
    expect((await send('GET', `${base}/task-templates`)).status).toBe(401);
    await send('POST', `/__mock/dsc/projects/${projectId}`, { enabled: true }, false);
    expect((await send('GET', `${base}/task-templates`)).body).toEqual({ total_num: 0, result: [] });
  });
});
