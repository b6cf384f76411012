/**
 * The core's "already done" rule: a retried delete that finds the resource gone has succeeded — but only on a
 * retry after an attempt whose outcome is unknown (reset after sending, 408, 500, 502, 504), never on the first
 * attempt and never when every earlier failure proves nothing was processed (connection refused, 429, 503).
 * Against the stateful mock over loopback HTTP; the mock journal shows what each attempt met.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, NotFoundError } from '../../src/core/errors.js';
import { isOutcomeUnknown } from '../../src/core/retry.js';
import type { RequestInitLike } from '../../src/core/transport.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import { DataWorksClient } from '../../src/dataworks/client.js';
import { isIdempotentDataWorksAction } from '../../src/dataworks/service.js';
import { type MockServer, startMockServer } from '../../src/mock/index.js';
import type { DataWorksMockService } from '../../src/mock/services/dataworks/index.js';

let server: MockServer;
let catalog: DataArtsCatalogClient;
let dw: DataWorksClient;
const closeables: { close(): Promise<void> }[] = [];

/** Log lines of the clients (checked for the "taken as done" line). */
const lines: string[] = [];
const logger = {
  debug: (m: string) => lines.push(`debug ${m}`),
  info: (m: string) => lines.push(`info ${m}`),
  warn: (m: string) => lines.push(`warn ${m}`),
  error: (m: string) => lines.push(`error ${m}`),
};

/** A fetch whose first call fails like a refused connection (nothing sent); later calls reach the mock. */
function refusedOnce(): { fetch: (url: string, init: RequestInitLike) => Promise<Response>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fetch: (url, init) => {
      calls += 1;
      if (calls === 1) {
        const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
        return Promise.reject(new TypeError('fetch failed', { cause }));
      }
      return globalThis.fetch(url, init as RequestInit);
    },
  };
}

function dataarts(extra: Partial<ConstructorParameters<typeof DataArtsCatalogClient>[0]> = {}): DataArtsCatalogClient {
  const d = server.mock.defaults;
  const c = new DataArtsCatalogClient({
    endpoint: server.url,
    projectId: d.projectId,
    workspace: d.workspace,
    auth: { token: d.token },
    logger,
    logLevel: 'info',
    strictResponses: true,
    env: {},
    ...extra,
  });
  closeables.push(c);
  return c;
}

function dataworks(extra: Partial<ConstructorParameters<typeof DataWorksClient>[0]> = {}): DataWorksClient {
  const d = server.mock.defaults;
  const c = new DataWorksClient({
    endpoint: server.url,
    auth: { accessKeyId: d.ak, accessKeySecret: d.sk },
    logger,
    logLevel: 'info',
    strictResponses: true,
    env: {},
    ...extra,
  });
  closeables.push(c);
  return c;
}

beforeAll(async () => {
  server = await startMockServer();
  catalog = dataarts();
  dw = dataworks();
});
afterEach(() => {
  server.mock.faults.clear();
  server.mock.reset();
  lines.length = 0;
});
afterAll(async () => {
  await Promise.all(closeables.map((c) => c.close()));
  await server.close();
  expect(server.mock.errors).toEqual([]);
});

const attempts = (operation: string) =>
  server.mock.requests
    .filter((e) => e.operation === operation)
    .map((e) => (e.fault ? `${e.status}:${e.fault.phase}` : String(e.status)));

async function collectionTask(name = 'del'): Promise<string> {
  const { task_id } = await catalog.createCollectionTask({
    name,
    dir_id: '0',
    data_source_type: 'DLI',
    schedule_config: { schedule_type: 'RUN_ONCE' },
    task_config: { data_connection_id: 'c' },
  });
  return task_id;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

const PROJECT = 4242;
async function crawlerAndSource(): Promise<{ crawlerId: number; dataSourceId: number }> {
  const { Id: dataSourceId } = await dw.createDataSource({
    ProjectId: PROJECT,
    Name: 'shop_db',
    Type: 'mysql',
    ConnectionPropertiesMode: 'UrlMode',
    ConnectionProperties: {
      envType: 'Prod',
      address: [{ host: '10.0.0.5', port: 3306 }],
      database: 'shop',
      username: 'collector',
      password: 'Pa55-word!',
    },
  });
  (server.mock.services.dataworks as DataWorksMockService).seedDataSource(dataSourceId, { tables: { shop: ['t1'] } });
  const { Id: crawlerId } = await dw.createCrawler({
    Name: 'orders',
    DataSourceId: dataSourceId,
    Type: 'mysql',
    Scope: { Unit: 'DATABASE' },
  });
  return { crawlerId, dataSourceId };
}

describe('isOutcomeUnknown: which failed attempts may have been processed', () => {
  const api = (status: number, errorCode?: string) =>
    new ApiError({ method: 'DELETE', path: '/x', status, errorCode, headers: {} });
  it.each([
    ['reset after sending', new ConnectionError('reset', { code: 'ECONNRESET', requestSent: true }), true],
    ['connection refused', new ConnectionError('refused', { code: 'ECONNREFUSED', requestSent: false }), false],
    ['408', api(408), true],
    ['500', api(500), true],
    ['502', api(502), true],
    ['504', api(504), true],
    ['503', api(503), false],
    ['429', api(429), false],
    ['APIGW.0308', api(400, 'APIGW.0308'), false],
    ['400', api(400, 'DLG.2208'), false],
    ['401', api(401), false],
  ] as const)('%s → %s', (_name, error, expected) => {
    expect(isOutcomeUnknown(error)).toBe(expected);
  });
});

describe('DataArts deleteCollectionTask (DLG.2208 = already deleted)', () => {
  it('a reset after the delete was applied: the retry meets DLG.2208 and the delete resolves; the task is gone', async () => {
    const taskId = await collectionTask();
    server.mock.faults.inject({
      service: 'dataarts',
      operation: 'DeleteTaskInfo',
      networkError: 'reset',
      phase: 'after',
    });
    await expect(catalog.deleteCollectionTask(taskId)).resolves.toBeUndefined();
    expect(attempts('DeleteTaskInfo')).toEqual(['0:after', '400']);
    expect(
      server.mock.requests.find((e) => e.operation === 'DeleteTaskInfo' && e.status === 400)?.responseBody,
    ).toMatchObject({ error_code: 'DLG.2208' });
    expect((await catalog.searchCollectionTasks()).count).toBe(0);
    await expect(catalog.getCollectionTask(taskId)).rejects.toBeInstanceOf(NotFoundError);
    expect(lines.some((l) => l.startsWith('info ') && l.includes('DLG.2208') && l.includes('taken as done'))).toBe(
      true,
    );
  });

  it('.withResponse() of such a delete shows the answer that was taken as done', async () => {
    const taskId = await collectionTask();
    server.mock.faults.inject({
      service: 'dataarts',
      operation: 'DeleteTaskInfo',
      networkError: 'reset',
      phase: 'after',
    });
    const res = await catalog.deleteCollectionTask(taskId).withResponse();
    expect(res.data).toBeUndefined();
    expect(res.status).toBe(400);
    expect(res.requestId).toMatch(/\S/);
  });

  it('a 500 after the delete was applied, then DLG.2208: resolves', async () => {
    const taskId = await collectionTask();
    server.mock.faults.inject({ service: 'dataarts', operation: 'DeleteTaskInfo', status: 500, phase: 'after' });
    await expect(catalog.deleteCollectionTask(taskId)).resolves.toBeUndefined();
    expect(attempts('DeleteTaskInfo')).toEqual(['500:after', '400']);
  });

  it('the rule is sticky: reset (applied), then 503, then DLG.2208 still counts as done', async () => {
    const taskId = await collectionTask();
    // Both 'after' (a 'before' fault would meet the first attempt whatever the order), taken in injection order.
    // The 503 is a "not processed" failure, so only the earlier reset can make the final DLG.2208 count as done.
    server.mock.faults.inject({
      service: 'dataarts',
      operation: 'DeleteTaskInfo',
      networkError: 'reset',
      phase: 'after',
    });
    server.mock.faults.inject({ service: 'dataarts', operation: 'DeleteTaskInfo', status: 503, phase: 'after' });
    await expect(catalog.deleteCollectionTask(taskId)).resolves.toBeUndefined();
    expect(attempts('DeleteTaskInfo')).toEqual(['0:after', '503:after', '400']);
  });

  it('DLG.2208 on the first attempt is still a NotFoundError (the task never existed)', async () => {
    const err = await rejection(catalog.deleteCollectionTask('no-such-task'));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.2208' });
    expect(attempts('DeleteTaskInfo')).toEqual(['400']);
  });

  it('DLG.2208 after a connection-refused first attempt is still a NotFoundError (nothing was sent)', async () => {
    const refused = refusedOnce();
    const c = dataarts({ fetch: refused.fetch });
    const err = await rejection(c.deleteCollectionTask('no-such-task'));
    expect(refused.calls()).toBe(2);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 400, errorCode: 'DLG.2208' });
    expect(attempts('DeleteTaskInfo')).toEqual(['400']);
  });

  it('DLG.2208 after a 503 (not processed) is still a NotFoundError', async () => {
    server.mock.faults.inject({ service: 'dataarts', operation: 'DeleteTaskInfo', status: 503, phase: 'before' });
    const err = await rejection(catalog.deleteCollectionTask('no-such-task'));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(attempts('DeleteTaskInfo')).toEqual(['503:before', '400']);
  });

  it('another operation is not affected: a retried GET that meets DLG.2253 still throws', async () => {
    const taskId = await collectionTask();
    await catalog.deleteCollectionTask(taskId);
    server.mock.faults.inject({
      service: 'dataarts',
      operation: 'ShowTaskInfo',
      networkError: 'reset',
      phase: 'after',
    });
    const err = await rejection(catalog.getCollectionTask(taskId));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(attempts('ShowTaskInfo')).toEqual(['0:after', '400']);
  });
});

describe('DataWorks DeleteCrawler / DeleteDataSource (Crawler.NotFound / DataSource.NotFound)', () => {
  it('the deletes are retried like idempotent calls; create/run are not', () => {
    expect(isIdempotentDataWorksAction('DeleteCrawler')).toBe(true);
    expect(isIdempotentDataWorksAction('DeleteDataSource')).toBe(true);
    expect(isIdempotentDataWorksAction('CreateCrawler')).toBe(false);
    expect(isIdempotentDataWorksAction('RunCrawler')).toBe(false);
  });

  it('DeleteCrawler reset after it was applied: resolves like a delete; the crawler is gone', async () => {
    const { crawlerId } = await crawlerAndSource();
    server.mock.faults.inject({
      service: 'dataworks',
      operation: 'DeleteCrawler',
      networkError: 'reset',
      phase: 'after',
    });
    const res = await dw.deleteCrawler(crawlerId).withResponse();
    expect(res.data).toMatchObject({ Success: true, Id: crawlerId });
    expect(res.data.RequestId).toBe(res.requestId);
    expect(res.data.RequestId).toMatch(/\S/);
    expect(attempts('DeleteCrawler')).toEqual(['0:after', '404']);
    const err = await rejection(dw.getCrawler(crawlerId));
    expect(err).toMatchObject({ name: 'NotFoundError', errorCode: 'Crawler.NotFound' });
    // Messages and logs name the action only, never the parameters.
    expect(lines.some((l) => l.includes('/?Action=DeleteCrawler') && l.includes('taken as done'))).toBe(true);
  });

  it('DeleteDataSource reset after it was applied: resolves; the data source is gone', async () => {
    const { dataSourceId } = await crawlerAndSource();
    server.mock.faults.inject({
      service: 'dataworks',
      operation: 'DeleteDataSource',
      networkError: 'reset',
      phase: 'after',
    });
    await expect(dw.deleteDataSource(dataSourceId)).resolves.toMatchObject({ Success: true });
    expect(attempts('DeleteDataSource')).toEqual(['0:after', '404']);
    await expect(dw.getDataSource(dataSourceId)).rejects.toMatchObject({ errorCode: 'DataSource.NotFound' });
  });

  it('Crawler.NotFound on the first attempt is still a NotFoundError', async () => {
    const err = await rejection(dw.deleteCrawler(987_654));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, errorCode: 'Crawler.NotFound', path: '/?Action=DeleteCrawler' });
    expect(attempts('DeleteCrawler')).toEqual(['404']);
  });

  it('DataSource.NotFound after a connection-refused first attempt is still a NotFoundError', async () => {
    const refused = refusedOnce();
    const c = dataworks({ fetch: refused.fetch });
    const err = await rejection(c.deleteDataSource(987_654));
    expect(refused.calls()).toBe(2);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, errorCode: 'DataSource.NotFound' });
    expect(attempts('DeleteDataSource')).toEqual(['404']);
  });
});
