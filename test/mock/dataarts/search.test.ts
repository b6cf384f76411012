import { describe, expect, it } from 'vitest';
import { type Harness, harness, minimalTask, T0 } from './harness.js';

async function search(h: Harness, body: unknown, headers?: Record<string, string | null>) {
  return h.call('POST', `${h.base}/search`, body, headers);
}

async function ids(h: Harness, body: Record<string, unknown> = {}): Promise<string[]> {
  const r = await search(h, { limit: 1000, ...body });
  expect(r.status).toBe(200);
  return r.json.resources.map((t: { id: string }) => t.id);
}

describe('ShowTaskList — order and paging', () => {
  it('orders by create_time descending, then id ascending; count is before paging', async () => {
    const h = harness();
    const created: { id: string; t: number }[] = [];
    for (let i = 0; i < 4; i++) {
      // Two tasks per millisecond, so ties are ordered by id.
      created.push({ id: await h.create(minimalTask({ name: `a${i}` })), t: h.mock.clock.now() });
      created.push({ id: await h.create(minimalTask({ name: `b${i}` })), t: h.mock.clock.now() });
      h.advance(1_000);
    }
    const expected = created
      .slice()
      .sort((x, y) => y.t - x.t || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((x) => x.id);
    expect(await ids(h)).toEqual(expected);

    const page = await search(h, { limit: 3, offset: 2 });
    expect(page.json).toMatchObject({ count: 8, total_records: 8, max_records: 1000 });
    expect(page.json.resources.map((t: { id: string }) => t.id)).toEqual(expected.slice(2, 5));
    expect(Object.keys(page.json).sort()).toEqual(['count', 'max_records', 'resources', 'total_records']);

    const past = await search(h, { offset: 100 });
    expect(past.json.count).toBe(8);
    expect(past.json.resources).toEqual([]);
  });

  it('default limit is 10; an empty body and null filters mean no filter', async () => {
    const h = harness();
    for (let i = 0; i < 12; i++) await h.create();
    expect((await search(h, '')).json.resources).toHaveLength(10);
    const r = await search(h, { name: null, limit: null, offset: null, start_time: null });
    expect(r.json.resources).toHaveLength(10);
    expect(r.json.count).toBe(12);
    expect((await search(h, { limit: 1000, offset: 10 })).json.resources).toHaveLength(2);
  });

  it('resources are full task objects like ShowTaskInfo', async () => {
    const h = harness();
    const id = await h.create(minimalTask({ description: 'x' }));
    const r = await search(h, {});
    expect(r.json.resources[0]).toEqual((await h.show(id)).json);
  });

  it.each([
    [{ limit: 0 }, 'limit: 0 is not an integer from 1 to 1000'],
    [{ limit: 1001 }, 'limit: 1001 is not an integer from 1 to 1000'],
    [{ limit: '10' }, 'limit: expected an integer'],
    [{ limit: 2.5 }, 'limit: expected an integer'],
    [{ offset: -1 }, 'offset: -1 is not an integer from 0'],
    [{ name: 3 }, 'name: expected a string'],
    [{ start_time: 'yesterday' }, "start_time: 'yesterday' is not a valid time"],
    [{ end_time: 1776124800000 }, 'end_time: expected a string'],
    ['{"limit":', 'body: malformed JSON'],
    ['[1]', 'body: a JSON object is required'],
  ])('%j → 400 DLG.9001', async (body, message) => {
    const h = harness();
    const r = await search(h, body);
    expect(r.status).toBe(400);
    expect(r.json.error_code).toBe('DLG.9001');
    expect(r.json.error_msg.startsWith(`Invalid parameter: ${message}`)).toBe(true);
  });

  it('time filters take epoch ms of 1 to 15 digits (the SDK rule); a 16th digit → 400 DLG.9001', async () => {
    const h = harness();
    expect((await search(h, { start_time: '0', end_time: '999999999999999' })).status).toBe(200);
    const r = await search(h, { end_time: '1000000000000000' });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error_code: 'DLG.9001',
      error_msg:
        "Invalid parameter: end_time: '1000000000000000' is not a valid time (expected epoch milliseconds or ISO-8601)",
    });
  });

  it('limit 1 and 1000 are accepted (inclusive bounds)', async () => {
    const h = harness();
    await h.create();
    expect((await search(h, { limit: 1 })).status).toBe(200);
    expect((await search(h, { limit: 1000, offset: 0 })).status).toBe(200);
  });
});

describe('ShowTaskList — filters and scope', () => {
  it('filters by name (case-insensitive substring), data_source_type (exact, case-insensitive), directory_id, connection, bucket', async () => {
    const h = harness();
    const a = await h.create(
      minimalTask({ name: 'Nightly-DLI', dir_id: 'd1', task_config: { data_connection_id: 'c1' } }),
    );
    h.advance(1);
    const b = await h.create(
      minimalTask({
        name: 'hourly',
        data_source_type: 'DWS',
        task_config: { data_connection_id: 'c2', bucket_name: 'bk' },
      }),
    );
    h.advance(1);
    const c = await h.create(
      minimalTask({ name: 'night-obs', data_source_type: 'OBS', dir_id: 'd1', task_config: {} }),
    );
    expect(await ids(h, { name: 'NIGHT' })).toEqual([c, a]);
    expect(await ids(h, { name: 'ly' })).toEqual([b, a]);
    expect(await ids(h, { name: 'zzz' })).toEqual([]);
    expect(await ids(h, { data_source_type: 'dws' })).toEqual([b]);
    expect(await ids(h, { data_source_type: 'DW' })).toEqual([]);
    expect(await ids(h, { directory_id: 'd1' })).toEqual([c, a]);
    expect(await ids(h, { directory_id: 'd' })).toEqual([]);
    expect(await ids(h, { data_connection_id: 'c2' })).toEqual([b]);
    expect(await ids(h, { bucket_name: 'bk' })).toEqual([b]);
    expect(await ids(h, { name: 'night', directory_id: 'd1', data_source_type: 'obs' })).toEqual([c]);
    const r = await search(h, { directory_id: 'd1', limit: 1, offset: 1 });
    expect(r.json.count).toBe(2);
    expect(r.json.resources.map((t: { id: string }) => t.id)).toEqual([a]);
  });

  it('exact-match filters follow updates and deletes', async () => {
    const h = harness();
    const a = await h.create(
      minimalTask({ dir_id: 'd1', task_config: { data_connection_id: 'c1', bucket_name: 'b1' } }),
    );
    h.advance(1);
    const b = await h.create(minimalTask({ dir_id: 'd1', task_config: { data_connection_id: 'c1' } }));
    expect(await ids(h, { directory_id: 'd1' })).toEqual([b, a]);
    await h.call('PUT', `${h.base}/${a}`, minimalTask({ dir_id: 'd2', task_config: { data_connection_id: 'c2' } }));
    expect(await ids(h, { directory_id: 'd1' })).toEqual([b]);
    expect(await ids(h, { directory_id: 'd2' })).toEqual([a]);
    expect(await ids(h, { data_connection_id: 'c1' })).toEqual([b]);
    expect(await ids(h, { data_connection_id: 'c2' })).toEqual([a]);
    expect(await ids(h, { bucket_name: 'b1' })).toEqual([]);
    const page = await search(h, { data_connection_id: 'c1', limit: 1, offset: 0 });
    expect(page.json.count).toBe(1);
    await h.call('DELETE', `${h.base}/${b}`);
    expect(await ids(h, { directory_id: 'd1' })).toEqual([]);
    expect(await ids(h, { data_source_type: 'DLI' })).toEqual([a]);
    expect((await search(h, { data_connection_id: 'c1' })).json.count).toBe(0);
  });

  it('filters by user_name exactly (the creator)', async () => {
    const h = harness();
    const id = await h.create();
    expect(await ids(h, { user_name: h.mock.defaults.userName })).toEqual([id]);
    expect(await ids(h, { user_name: h.mock.defaults.userName.toUpperCase() })).toEqual([]);
    expect(await ids(h, { user_name: h.mock.defaults.userName.slice(0, 3) })).toEqual([]);
  });

  it('start_time / end_time match last_run_time (epoch ms or ISO); tasks never run do not match', async () => {
    const h = harness();
    const never = await h.create();
    const early = await h.create();
    await h.action(early, 'runimmediate'); // last_run_time T0
    h.advance(3_600_000);
    const late = await h.create();
    await h.action(late, 'runimmediate'); // last_run_time T0 + 1 h
    expect(never).toBeTruthy();
    expect(await ids(h, { start_time: String(T0) })).toEqual([late, early]);
    expect(await ids(h, { start_time: String(T0 + 1) })).toEqual([late]);
    expect(await ids(h, { end_time: String(T0) })).toEqual([early]);
    expect(await ids(h, { start_time: '2026-04-14T00:30:00Z', end_time: '2026-04-14T09:00:00 +08' })).toEqual([late]);
    expect(await ids(h, { end_time: '2026-04-13T23:59:59Z' })).toEqual([]);
  });

  it('is scoped to the workspace; total_records counts every workspace of the project', async () => {
    const h = harness();
    const other = h.svc.addWorkspace(h.project, 'abcdefabcdefabcdefabcdefabcdef01');
    const mine = await h.create();
    const theirs = await h.create(minimalTask(), { workspace: other });
    const r = await search(h, {});
    expect(r.json).toMatchObject({ count: 1, total_records: 2 });
    expect(r.json.resources.map((t: { id: string }) => t.id)).toEqual([mine]);
    const r2 = await search(h, {}, { workspace: other });
    expect(r2.json.resources.map((t: { id: string }) => t.id)).toEqual([theirs]);
  });
});

describe('ShowTaskList — scale', () => {
  it('pages a filtered search over 40 000 tasks in the published order (indexes rebuilt by restore)', () => {
    const h = harness();
    const ws = h.workspace;
    const N = 40_000;
    const tasks = [];
    for (let i = 0; i < N; i++) {
      const id = i.toString(16).padStart(32, '0');
      tasks.push({
        id,
        project_id: h.project,
        workspace: ws,
        name: `task-${i}`,
        description: '',
        user_id: 'u',
        user_name: 'n',
        duty_person: 'n',
        dir_id: i % 10 === 0 ? 'ten' : '0',
        schedule: { schedule_type: 'RUN_ONCE', enabled: 0, job_id: i + 1 },
        data_source_type: 'DLI',
        task_config: { data_connection_id: `c${i % 7}` },
        update_type: null,
        data_source_workspace_id: ws,
        // Blocks of 4 tasks share a millisecond; stored out of order to prove restore sorts.
        create_time: T0 + Math.floor((N - 1 - i) / 4),
        update_time: T0,
        enabled: 0,
        next_fire_at: null,
        instances: [],
      });
    }
    h.svc.restore({ version: 1, connections: [], projects: [{ id: h.project, workspaces: [ws], tasks }] });
    const svc = h.svc;
    const route = svc.routes.find((r) => r.operation === 'ShowTaskList');
    if (!route) throw new Error('no route');
    const req = (body: unknown) =>
      route.handler({
        method: 'POST',
        url: new URL(`http://x${h.base}/search`),
        path: `${h.base}/search`,
        query: new URLSearchParams(),
        headers: new Headers({ workspace: ws }),
        rawBody: JSON.stringify(body),
        params: { project_id: h.project },
        requestId: 'r',
      });
    const res = req({ directory_id: 'ten', name: 'TASK-', limit: 5, offset: 2 });
    const body = res.body as { count: number; total_records: number; resources: { id: string; name: string }[] };
    expect(res.status).toBe(200);
    expect(body.count).toBe(N / 10);
    expect(body.total_records).toBe(N);
    // Descending create_time: task 0 (latest block: 0..3, only 0 matches), then 10, 20, …
    expect(body.resources.map((t) => t.name)).toEqual(['task-20', 'task-30', 'task-40', 'task-50', 'task-60']);
    const unfiltered = req({ limit: 6 }).body as { resources: { name: string }[] };
    // Ties inside a millisecond are in ascending id order.
    expect(unfiltered.resources.map((t) => t.name)).toEqual([
      'task-0',
      'task-1',
      'task-2',
      'task-3',
      'task-4',
      'task-5',
    ]);
  });
});
