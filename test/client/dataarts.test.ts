import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, ValidationError } from '../../src/core/errors.js';
import { isNotFoundError } from '../../src/core/guards.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import type { CollectionTaskInput } from '../../src/dataarts/schemas.js';
import {
  json,
  PROJECT,
  type Recorded,
  startServer,
  type TestServer,
  TOKEN,
  tokenProvider,
  WORKSPACE,
} from './helpers.js';

let server: TestServer;
let catalog: DataArtsCatalogClient;
const BASE = `/v3/${PROJECT}/metadata/tasks`;
const TASK = '8a9480ed8353e491018354b87f63009e';

const input: CollectionTaskInput = {
  name: 'collect',
  dir_id: '0',
  schedule_config: { schedule_type: 'CRON', cron_expression: '00 */15 9-23 * * ?', enabled: 1 },
  data_source_type: 'DLI',
  task_config: { data_connection_id: 'c1', databaseName: ['db'] },
};

const task = (id: string) => ({
  id,
  name: 'collect',
  description: '',
  dir_id: '0',
  path: '',
  project_id: PROJECT,
  schedule_config: { schedule_type: 'CRON', cron_expression: '00 */15 9-23 * * ?', enabled: 3, job_id: 1 },
  data_source_type: 'DLI',
  task_config: { data_connection_id: 'c1' },
  create_time: '1775892315978',
  update_time: '1775892315978',
  last_run_time: null,
  start_time: null,
  end_time: null,
  next_run_time: null,
  extra_field: 'kept',
});

beforeAll(async () => {
  server = await startServer();
  catalog = new DataArtsCatalogClient({
    endpoint: server.url,
    projectId: PROJECT,
    workspace: WORKSPACE,
    auth: tokenProvider(),
    logLevel: 'off',
    env: {},
  });
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await catalog.close();
  await server.close();
});

function only(): Recorded {
  expect(server.requests).toHaveLength(1);
  const r = server.requests[0]!;
  expect(r.headers['workspace']).toBe(WORKSPACE);
  expect(r.headers['x-auth-token']).toBe(TOKEN);
  return r;
}

describe('DataArtsCatalogClient operations (loopback server)', () => {
  it('createCollectionTask: POST …/tasks/create', async () => {
    server.handle((_r, res) => json(res, 200, { task_id: TASK }));
    await expect(catalog.createCollectionTask(input)).resolves.toEqual({ task_id: TASK });
    const r = only();
    expect([r.method, r.url]).toEqual(['POST', `${BASE}/create`]);
    expect(r.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(JSON.parse(r.body)).toEqual(input);
  });

  it('searchCollectionTasks: POST …/tasks/search with the filters in the body; unknown fields kept', async () => {
    server.handle((_r, res) =>
      json(res, 200, { count: 1, total_records: 3, max_records: 1000, resources: [task(TASK)] }),
    );
    const result = await catalog.searchCollectionTasks({ name: 'coll', limit: 10, offset: 0 });
    expect(result.resources[0]?.id).toBe(TASK);
    expect((result.resources[0] as Record<string, unknown>)['extra_field']).toBe('kept');
    const r = only();
    expect([r.method, r.url]).toEqual(['POST', `${BASE}/search`]);
    expect(JSON.parse(r.body)).toEqual({ name: 'coll', limit: 10, offset: 0 });
  });

  it('searchCollectionTasks without filters sends {}', async () => {
    server.handle((_r, res) => json(res, 200, { count: 0, total_records: 0, max_records: 1000, resources: [] }));
    await catalog.searchCollectionTasks();
    expect(only().body).toBe('{}');
  });

  it('getCollectionTask: GET …/tasks/{id}, no body, no content-type', async () => {
    server.handle((_r, res) => json(res, 200, task(TASK)));
    const t = await catalog.getCollectionTask(TASK);
    expect(t.schedule_config.enabled).toBe(3);
    const r = only();
    expect([r.method, r.url, r.body]).toEqual(['GET', `${BASE}/${TASK}`, '']);
    expect(r.headers['content-type']).toBeUndefined();
  });

  it('updateCollectionTask: PUT …/tasks/{id}; empty body resolves to undefined', async () => {
    server.handle((_r, res) => {
      res.writeHead(200, { 'x-request-id': 'c'.repeat(32) });
      res.end();
    });
    const { data, requestId } = await catalog.updateCollectionTask(TASK, input).withResponse();
    expect(data).toBeUndefined();
    expect(requestId).toBe('c'.repeat(32));
    const r = only();
    expect([r.method, r.url]).toEqual(['PUT', `${BASE}/${TASK}`]);
  });

  it('deleteCollectionTask: DELETE …/tasks/{id}', async () => {
    server.handle((_r, res) => res.end());
    await expect(catalog.deleteCollectionTask(TASK)).resolves.toBeUndefined();
    const r = only();
    expect([r.method, r.url]).toEqual(['DELETE', `${BASE}/${TASK}`]);
  });

  it.each([
    ['startCollectionSchedule', 'run'],
    ['runCollectionTaskNow', 'runimmediate'],
    ['stopCollectionTask', 'stop'],
  ] as const)('%s: POST …/action?action=%s without a body', async (method, action) => {
    server.handle((_r, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(catalog[method](TASK)).resolves.toBeUndefined();
    const r = only();
    expect([r.method, r.url, r.body]).toEqual(['POST', `${BASE}/${TASK}/action?action=${action}`, '']);
  });

  it('getCollectionTaskLog: POST …/{task}/{instance}/log with bridge_id and classification_id', async () => {
    const log = {
      enable_bridge: true,
      enable_profile: false,
      enable_classification: false,
      bridge_status: 'SUCCESS',
      profile_status: '',
      classification_status: '',
      bridge_job_log: '2026-01-01 00:00:00.000 INFO started',
      profile_job_log: '',
      classification_job_log: '',
    };
    server.handle((_r, res) => json(res, 200, log));
    const got = await catalog.getCollectionTaskLog(TASK, 'i'.repeat(32), {
      bridgeId: 'D0D87362B46C4DBB8D9F7E3511E69E45',
      classificationId: null,
    });
    expect(got).toEqual(log);
    const r = only();
    expect([r.method, r.url]).toEqual(['POST', `${BASE}/${TASK}/${'i'.repeat(32)}/log`]);
    expect(JSON.parse(r.body)).toEqual({ bridge_id: 'D0D87362B46C4DBB8D9F7E3511E69E45', classification_id: null });
  });

  it('iterateCollectionTasks pages with limit + offset and stops at count', async () => {
    const all = Array.from({ length: 5 }, (_, i) => task(String(i).repeat(32)));
    server.handle((r, res) => {
      const { limit, offset } = JSON.parse(r.body) as { limit: number; offset: number };
      json(res, 200, { count: 5, total_records: 9, max_records: 1000, resources: all.slice(offset, offset + limit) });
    });
    const ids: string[] = [];
    for await (const t of catalog.iterateCollectionTasks({ name: 'c', limit: 2 })) ids.push(t.id);
    expect(ids).toHaveLength(5);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { name: 'c', limit: 2, offset: 0 },
      { name: 'c', limit: 2, offset: 2 },
      { name: 'c', limit: 2, offset: 4 },
    ]);
  });
});

describe('DataArts errors', () => {
  it('DLG.2253 (HTTP 400) is a NotFoundError with status 400', async () => {
    server.handle((_r, res) => json(res, 400, { error_code: 'DLG.2253', error_msg: 'The task does not exist.' }));
    const err = await catalog.getCollectionTask(TASK).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(err)).toBe(true);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.2253', requestId: 'a'.repeat(31) + '0' });
    expect((err as Error).message).toBe(
      `GET ${BASE}/${TASK} → 400 DLG.2253: The task does not exist. (request id ${'a'.repeat(31)}0)`,
    );
  });

  it('DLG.2208 on a second delete and DLG.0818 for a missing workspace are NotFoundErrors', async () => {
    server.handle((_r, res) => json(res, 400, { error_code: 'DLG.2208', error_msg: 'gone' }));
    await expect(catalog.deleteCollectionTask(TASK)).rejects.toBeInstanceOf(NotFoundError);
    server.handle((_r, res) =>
      json(res, 400, { error_code: 'DLG.0818', error_msg: 'Processing failed. The workspace does not exist.' }),
    );
    await expect(catalog.createCollectionTask(input)).rejects.toMatchObject({ name: 'NotFoundError', status: 400 });
  });

  it('errors[0] shape and DLG.9001 → BadRequestError', async () => {
    server.handle((_r, res) =>
      json(res, 400, { errors: [{ error_code: 'DLG.9001', error_msg: 'Invalid parameter: name' }] }),
    );
    const err = await catalog.createCollectionTask(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ errorCode: 'DLG.9001', errorMessage: 'Invalid parameter: name' });
  });
});

describe('DataArts validation before I/O', () => {
  it('a bad body, task id, action or log request sends nothing', async () => {
    await expect(catalog.createCollectionTask({ ...input, name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      catalog.createCollectionTask({
        ...input,
        schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 L * * ?' },
      }),
    ).rejects.toThrow(/cron_expression/);
    await expect(catalog.getCollectionTask('')).rejects.toThrow(/taskId/);
    await expect(catalog.runCollectionTask(TASK, 'RUN' as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(catalog.getCollectionTaskLog(TASK, 'i', { bridgeId: '' })).rejects.toThrow(/bridge_id/);
    await expect(catalog.searchCollectionTasks({ limit: 5000 })).rejects.toThrow(/limit/);
    expect(server.requests).toHaveLength(0);
  });

  it('a missing workspace option is a ConfigurationError naming workspace', () => {
    expect(() => new DataArtsCatalogClient({ endpoint: server.url, auth: tokenProvider(), env: {} } as never)).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', field: 'workspace' }),
    );
  });
});

describe('msw through the fetch option', () => {
  const seen: { method: string; url: string; workspace: string | null; body: string }[] = [];
  const mswServer = setupServer(
    http.post('https://dayu.cn-north-4.myhuaweicloud.com/v3/:projectId/metadata/tasks/create', async ({ request }) => {
      seen.push({
        method: request.method,
        url: request.url,
        workspace: request.headers.get('workspace'),
        body: await request.text(),
      });
      return HttpResponse.json({ task_id: TASK }, { headers: { 'x-request-id': 'd'.repeat(32) } });
    }),
    http.get('https://dayu.cn-north-4.myhuaweicloud.com/v3/:projectId/metadata/tasks/:taskId', ({ params }) =>
      HttpResponse.json(
        { error_code: 'DLG.2253', error_msg: `task ${String(params['taskId'])} not found` },
        { status: 400 },
      ),
    ),
  );
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mswServer.close());

  it('create and a not-found lookup are intercepted by msw', async () => {
    const c = new DataArtsCatalogClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      workspace: WORKSPACE,
      auth: tokenProvider(),
      fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args),
      logLevel: 'off',
      env: {},
    });
    const { data, requestId } = await c.createCollectionTask(input).withResponse();
    expect(data.task_id).toBe(TASK);
    expect(requestId).toBe('d'.repeat(32));
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `https://dayu.cn-north-4.myhuaweicloud.com${BASE}/create`,
        workspace: WORKSPACE,
        body: JSON.stringify(input),
      },
    ]);
    const err = await c.getCollectionTask(TASK).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'NotFoundError', status: 400, errorMessage: `task ${TASK} not found` });
    await c.close();
  });
});
