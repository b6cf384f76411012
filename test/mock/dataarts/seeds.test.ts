import { describe, expect, it, vi } from 'vitest';
import { startMockServer } from '../../../src/mock/index.js';
import { createDataArtsService } from '../../../src/mock/services/dataarts/index.js';
import type { MockRequest, ServiceContext } from '../../../src/mock/types.js';
import { cronTask, harness, minimalTask, T0 } from './harness.js';

describe('workspace seeds', () => {
  it('POST registers a workspace (given or random 32-hex id); DELETE unregisters it', async () => {
    const h = harness();
    const given = await h.call('POST', `/__mock/dataarts/${h.project}/workspaces`, { id: 'ws-given' });
    expect(given.status).toBe(200);
    expect(given.json).toEqual({ id: 'ws-given' });
    const random = await h.call('POST', `/__mock/dataarts/${h.project}/workspaces`);
    expect(random.json.id).toMatch(/^[0-9a-f]{32}$/);
    const id = await h.create(minimalTask(), { workspace: 'ws-given' });
    expect((await h.show(id, { workspace: 'ws-given' })).status).toBe(200);
    expect((await h.call('POST', `/__mock/dataarts/${h.project}/workspaces`, { id: 'ws-given' })).status).toBe(200);
    expect((await h.show(id, { workspace: 'ws-given' })).status).toBe(200);

    const del = await h.call('DELETE', `/__mock/dataarts/${h.project}/workspaces/ws-given`);
    expect(del.status).toBe(200);
    const after = await h.show(id, { workspace: 'ws-given' });
    expect(after.json.error_code).toBe('DLG.0818');
    expect((await h.call('POST', `${h.base}/search`, {})).json.total_records).toBe(0);
    expect((await h.call('DELETE', `/__mock/dataarts/${h.project}/workspaces/ws-given`)).status).toBe(404);
  });

  it('the default workspace can be removed; other projects keep theirs', async () => {
    const h = harness();
    const p2 = h.mock.addProject();
    expect(h.svc.removeWorkspace(h.project, h.workspace)).toBe(true);
    expect(h.svc.removeWorkspace(h.project, h.workspace)).toBe(false);
    expect((await h.call('POST', `${h.base}/search`, {})).json.error_code).toBe('DLG.0818');
    const token = h.mock.issueToken({ projectId: p2.id });
    const r = await h.call('POST', `/v3/${p2.id}/metadata/tasks/search`, {}, { 'X-Auth-Token': token });
    expect(r.status).toBe(200);
  });

  it.each([
    ['{"id":', 'JSON'],
    ['[]', 'object'],
    [{ id: 5 }, 'id'],
    [{ id: '' }, 'id'],
    [{ id: 'has space' }, 'id'],
    [{ id: 'x'.repeat(65) }, 'id'],
  ])('bad workspace seed %j → 400 {"error"}', async (body, word) => {
    const h = harness();
    const before = h.state();
    const r = await h.call('POST', `/__mock/dataarts/${h.project}/workspaces`, body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json)).toEqual(['error']);
    expect(r.json.error).toContain(word);
    expect(h.state()).toBe(before);
  });

  it('in-process addWorkspace / engine addWorkspace agree', async () => {
    const h = harness();
    const a = h.svc.addWorkspace(h.project);
    const b = h.mock.addWorkspace(h.project, 'via-engine');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toBe('via-engine');
    for (const ws of [a, b]) expect((await h.create(minimalTask(), { workspace: ws })).length).toBe(32);
    expect(() => h.svc.addWorkspace(h.project, '')).toThrow(TypeError);
  });
});

describe('connection and instance seeds', () => {
  it('bad connection seed → 400 {"error"}', async () => {
    const h = harness();
    for (const body of [{}, { reachable: 'no' }, '{bad']) {
      const r = await h.call('POST', '/__mock/dataarts/connections/c1', body);
      expect(r.status).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }
  });

  it('setConnectionReachable in-process; instance list newest first; unknown task → 404', async () => {
    const h = harness();
    h.svc.setConnectionReachable('conn-1', false);
    const id = await h.create();
    await h.action(id, 'runimmediate');
    h.advance(60_000);
    h.svc.setConnectionReachable('conn-1', true);
    await h.action(id, 'runimmediate');
    const list = h.svc.listInstances(h.project, id);
    expect(list?.map((i) => i.status)).toEqual(['RUNNING', 'FAILED']);
    expect((await h.instances(id)).json.instances).toEqual(list);
    expect(h.svc.listInstances(h.project, 'nope')).toBeUndefined();
    const miss = await h.instances('nope');
    expect(miss.status).toBe(404);
    expect(typeof miss.json.error).toBe('string');
  });
});

describe('snapshot / restore / reset', () => {
  it('restore brings back tasks, instances, schedules and the order; firing continues', async () => {
    const h = harness();
    const once = await h.create(minimalTask({ name: 'once', parameter_config: [{ type: 'a' }] }));
    h.advance(1);
    const cron = await h.create(cronTask('0 */10 * * * ?'));
    await h.action(once, 'runimmediate');
    h.advance(15 * 60_000);
    const snap = h.mock.snapshot();
    const showOnce = (await h.show(once)).json;
    const showCron = (await h.show(cron)).json;
    const search = (await h.call('POST', `${h.base}/search`, {})).json;

    const other = harness();
    other.mock.restore(JSON.parse(JSON.stringify(snap)));
    const call = (path: string, method = 'GET', body?: unknown) =>
      other.call(method, path.replace(other.base, `/v3/${h.project}/metadata/tasks`), body, {
        'X-Auth-Token': h.mock.defaults.token,
      });
    expect((await call(`${other.base}/${once}`)).json).toEqual(showOnce);
    expect((await call(`${other.base}/${cron}`)).json).toEqual(showCron);
    expect((await call(`${other.base}/search`, 'POST', {})).json).toEqual(search);
    // Both runs are over; the cron task's next point (20 min) is armed again from the restored state.
    expect(other.svc.nextDueAt()).toBe(T0 + 20 * 60_000);
    other.advance(6 * 60_000);
    expect(other.svc.listInstances(h.project, cron)?.map((i) => [i.trigger, i.start_time])).toEqual([
      ['SCHEDULE', T0 + 20 * 60_000],
      ['SCHEDULE', T0 + 10 * 60_000],
    ]);
  });

  it('reset drops tasks but keeps workspace and connection seeds', async () => {
    const h = harness();
    const ws = h.svc.addWorkspace(h.project, 'kept');
    h.svc.setConnectionReachable('conn-1', false);
    await h.create(cronTask('0 * * * * ?'));
    await h.create(minimalTask(), { workspace: ws });
    h.mock.reset();
    expect(h.svc.nextDueAt()).toBeUndefined();
    expect((await h.call('POST', `${h.base}/search`, {})).json).toMatchObject({ count: 0, total_records: 0 });
    const id = await h.create(minimalTask(), { workspace: ws });
    await h.call('POST', `${h.base}/${id}/action?action=runimmediate`, undefined, { workspace: ws });
    h.advance(60_000);
    expect(h.svc.listInstances(h.project, id)?.[0]?.status).toBe('FAILED');
  });

  it('restore rejects a malformed snapshot', () => {
    const h = harness();
    expect(() => h.svc.restore({ nope: true })).toThrow(TypeError);
  });
});

describe('service in isolation (fake ServiceContext)', () => {
  function fakeContext(): ServiceContext & { woken: number; time: number } {
    let n = 0;
    const ctx = {
      woken: 0,
      time: T0,
      clock: {
        now: () => ctx.time,
        mode: 'manual' as const,
        advance: () => {},
        set: () => {},
        setMode: () => {},
      },
      ids: {
        next: (_name: string, start: number) => start + n++,
        hex: (len: number, upper?: boolean) => {
          const s = (n++).toString(16).padStart(len, '0');
          return upper ? s.toUpperCase() : s;
        },
        uuid: () => '00000000-0000-4000-8000-000000000000',
      },
      settings: {
        dscRunDurationMs: 30_000,
        dataartsRunDurationMs: 60_000,
        dataartsMaxRecords: 1000,
        dataworksQueueDelayMs: 5_000,
        dataworksRunDurationMs: 60_000,
        timeZone: 'UTC',
        defaultWorkspaces: ['w1'],
      },
      takeRunFault: () => undefined,
      wake: () => {
        ctx.woken++;
      },
    };
    return ctx;
  }

  function request(method: string, path: string, params: Record<string, string>, body = '', query = ''): MockRequest {
    return {
      method,
      url: new URL(`http://x${path}${query}`),
      path,
      query: new URLSearchParams(query),
      headers: new Headers({ workspace: 'w1' }),
      rawBody: body,
      params,
      identity: { userId: 'u1', userName: 'alice', domainId: 'd', domainName: 'd', projectId: 'p1', via: 'token' },
      requestId: 'r',
    };
  }

  it('routes are the seven operations with huawei auth; seeds have auth none', () => {
    const svc = createDataArtsService(fakeContext());
    expect(svc.routes.map((r) => `${r.operation} ${r.method} ${r.path} ${r.auth}`)).toEqual([
      'ShowTaskList POST /v3/{project_id}/metadata/tasks/search huawei',
      'CreateTask POST /v3/{project_id}/metadata/tasks/create huawei',
      'ShowTaskInfo GET /v3/{project_id}/metadata/tasks/{task_id} huawei',
      'UpdateTaskInfo PUT /v3/{project_id}/metadata/tasks/{task_id} huawei',
      'DeleteTaskInfo DELETE /v3/{project_id}/metadata/tasks/{task_id} huawei',
      'ExecuteTaskAction POST /v3/{project_id}/metadata/tasks/{task_id}/action huawei',
      'ShowInstanceLog POST /v3/{project_id}/metadata/tasks/{task_id}/{instance_id}/log huawei',
    ]);
    expect(svc.controlRoutes.every((r) => r.auth === 'none' && r.path.startsWith('/__mock/dataarts/'))).toBe(true);
    expect(svc.errorResponse(429, 'DLG.0429', 'slow down', request('GET', '/', {}))).toEqual({
      status: 429,
      body: { error_code: 'DLG.0429', error_msg: 'slow down' },
    });
  });

  it('never wakes from a route (the engine settles the clock); runDue processes due events in order; ids come from ctx.ids', () => {
    const ctx = fakeContext();
    const svc = createDataArtsService(ctx);
    const create = svc.routes.find((r) => r.operation === 'CreateTask');
    if (!create) throw new Error('no CreateTask route');
    const res = create.handler(
      request(
        'POST',
        '/v3/p1/metadata/tasks/create',
        { project_id: 'p1' },
        JSON.stringify(cronTask('0 * * * * ?', {}, { user_id: undefined })),
      ),
    );
    expect(res.status).toBe(200);
    const taskId = (res.body as { task_id: string }).task_id;
    expect(taskId).toBe('0'.repeat(32));
    expect(ctx.woken).toBe(0);
    expect(svc.nextDueAt()).toBe(T0 + 60_000);
    ctx.time = T0 + 60_000;
    svc.runDue(ctx.time);
    expect(svc.listInstances('p1', taskId)?.map((i) => [i.status, i.start_time])).toEqual([['RUNNING', T0 + 60_000]]);
    // Run end (t+120 s) and the next point (t+120 s) are due together: the end is processed first.
    expect(svc.nextDueAt()).toBe(T0 + 120_000);
    ctx.time = T0 + 120_000;
    svc.runDue(ctx.time);
    expect(svc.listInstances('p1', taskId)?.map((i) => i.status)).toEqual(['RUNNING', 'SUCCESS']);
    const show = svc.routes.find((r) => r.operation === 'ShowTaskInfo');
    const shown = show?.handler(
      request('GET', `/v3/p1/metadata/tasks/${taskId}`, { project_id: 'p1', task_id: taskId }),
    );
    expect(shown?.body).toMatchObject({ user_id: 'u1', user_name: 'alice', duty_person: 'alice' });
  });
});

describe('over HTTP', () => {
  it('serves the DataArts operations through startMockServer', async () => {
    const server = await startMockServer({ clock: 'manual', now: T0 });
    try {
      const d = server.mock.defaults;
      const headers = {
        'X-Auth-Token': d.token,
        workspace: d.workspace,
        'Content-Type': 'application/json;charset=UTF-8',
      };
      const created = await fetch(`${server.url}/v3/${d.projectId}/metadata/tasks/create`, {
        method: 'POST',
        headers,
        body: JSON.stringify(minimalTask({ name: 'över http' })),
      });
      expect(created.status).toBe(200);
      expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      const { task_id } = (await created.json()) as { task_id: string };
      const run = await fetch(`${server.url}/v3/${d.projectId}/metadata/tasks/${task_id}/action?action=runimmediate`, {
        method: 'POST',
        headers,
      });
      expect(run.status).toBe(200);
      const instanceId = run.headers.get('x-mock-instance-id');
      const bridgeId = run.headers.get('x-mock-bridge-id');
      expect(instanceId).toMatch(/^[0-9a-f]{32}$/);
      server.mock.clock.advance(60_000);
      const logRes = await fetch(`${server.url}/v3/${d.projectId}/metadata/tasks/${task_id}/${instanceId}/log`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ bridge_id: bridgeId, classification_id: null }),
      });
      const logBody = (await logRes.json()) as { bridge_status: string };
      expect(logBody.bridge_status).toBe('SUCCESS');
      const shown = await fetch(`${server.url}/v3/${d.projectId}/metadata/tasks/${task_id}`, { headers });
      expect(((await shown.json()) as { name: string }).name).toBe('över http');
      const noWs = await fetch(`${server.url}/v3/${d.projectId}/metadata/tasks/${task_id}`, {
        headers: { 'X-Auth-Token': d.token },
      });
      expect(noWs.status).toBe(400);
      expect(((await noWs.json()) as { error_code: string }).error_code).toBe('DLG.0818');
      const seeded = await fetch(`${server.url}/__mock/dataarts/${d.projectId}/tasks/${task_id}/instances`);
      expect(((await seeded.json()) as { instances: unknown[] }).instances).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('real mode', () => {
  it('a schedule set, stopped or deleted by a route re-arms the engine timer without a wake from the service', async () => {
    vi.useFakeTimers({ now: T0 });
    try {
      const h = harness({ clock: 'real' });
      const id = await h.create(cronTask('0 * * * * ?'));
      vi.advanceTimersByTime(60_000);
      expect(h.svc.listInstances(h.project, id)?.map((i) => [i.trigger, i.start_time])).toEqual([
        ['SCHEDULE', T0 + 60_000],
      ]);
      await h.action(id, 'stop');
      vi.advanceTimersByTime(120_000);
      expect(h.svc.listInstances(h.project, id)?.map((i) => i.status)).toEqual(['STOPPED']);
      await h.action(id, 'run');
      const other = await h.create(cronTask('30 * * * * ?'));
      await h.call('DELETE', `${h.base}/${other}`);
      expect(h.svc.nextDueAt()).toBe(T0 + 240_000);
      vi.advanceTimersByTime(60_000);
      expect(h.svc.listInstances(h.project, id)).toHaveLength(2);
      h.mock.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
