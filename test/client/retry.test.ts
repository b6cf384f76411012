import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createApiError, RateLimitError, ServerError, TimeoutError } from '../../src/core/errors.js';
import { isConnectionError } from '../../src/core/guards.js';
import { computeBackoff, isRetryable, RETRY_CAP_MS, retryDelay } from '../../src/core/retry.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import { DscClient } from '../../src/dsc/client.js';
import { json, PROJECT, startServer, type TestServer, tokenProvider, WORKSPACE } from './helpers.js';

let server: TestServer;
const logs: string[] = [];
const logger = {
  debug: (m: string) => logs.push(m),
  info: (m: string) => logs.push(m),
  warn: (m: string) => logs.push(m),
  error: (m: string) => logs.push(m),
};

/**
 * The retry table itself, with reconciliation off: what an attempt of unknown outcome does by default (a lookup, or a
 * repeat whose "already running" answer counts) is tested in test/integration/reconcile.test.ts.
 */
function clients(extra: Record<string, unknown> = {}) {
  const common = {
    reconcile: false,
    endpoint: server.url,
    projectId: PROJECT,
    auth: tokenProvider(),
    logger,
    logLevel: 'debug' as const,
    env: {},
    ...extra,
  };
  return { dsc: new DscClient(common), catalog: new DataArtsCatalogClient({ ...common, workspace: WORKSPACE }) };
}

let dsc: DscClient;
let catalog: DataArtsCatalogClient;

const createBody = {
  task_name: 'x',
  data_sources: [{ db_type: 'MySQL', ins_id: 'i' }],
  schedule_type: 'ONCE' as const,
};
const ok = { status: 'success', msg: 'ok', id: '1001' };
const list = { total_num: 0, result: [] };

beforeAll(async () => {
  server = await startServer();
  ({ dsc, catalog } = clients());
});
afterEach(() => {
  server.requests.length = 0;
  logs.length = 0;
});
afterAll(async () => {
  await dsc.close();
  await catalog.close();
  await server.close();
});

/** Answers `status` (with Retry-After: 0 so no test waits) for the first `failures` requests, then `success`. */
function failThen(status: number, failures: number, success: unknown) {
  server.handle((_r, res, i) => {
    if (i < failures) json(res, status, { error_code: `T.${status}`, error_msg: 'injected' }, { 'retry-after': '0' });
    else json(res, 200, success);
  });
}

describe('retry table: idempotent operations (GET, PUT, DELETE, search)', () => {
  it.each([408, 429, 500, 502, 503, 504])('a GET is retried after a %i and succeeds', async (status) => {
    failThen(status, 1, list);
    await expect(dsc.listScanTasks()).resolves.toEqual(list);
    expect(server.requests).toHaveLength(2);
  });

  it('a PUT, a DELETE and a search are retried after a 502', async () => {
    failThen(502, 1, ok);
    await dsc.updateScanTask(1001, { task_description: 'd' });
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    server.requests.length = 0;
    failThen(502, 1, ok);
    await dsc.deleteScanTasks([1001]);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    server.requests.length = 0;
    failThen(502, 1, { count: 0, total_records: 0, max_records: 1000, resources: [] });
    await catalog.searchCollectionTasks({ limit: 5 });
    expect(server.requests.map((r) => r.url)).toEqual([
      `/v3/${PROJECT}/metadata/tasks/search`,
      `/v3/${PROJECT}/metadata/tasks/search`,
    ]);
  });

  it.each([400, 401, 403, 404, 409])('a GET is not retried after a %i', async (status) => {
    failThen(status, 1, list);
    await expect(dsc.listScanTasks()).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries (default 2 → 3 attempts) with the last error', async () => {
    failThen(503, 99, list);
    await expect(dsc.listScanTasks()).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('maxRetries can be overridden per call and per client', async () => {
    failThen(503, 99, list);
    await expect(dsc.listScanTasks(undefined, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    const { dsc: five } = clients({ maxRetries: 4 });
    await expect(five.listScanTasks()).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(5);
    await five.close();
  });
});

describe('retry table: non-idempotent operations (create, operate, run)', () => {
  it.each([500, 502, 504, 408])('a create is not retried after a %i', async (status) => {
    failThen(status, 1, ok);
    await expect(dsc.createScanTask(createBody)).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it.each([429, 503])('a create is retried after a %i and succeeds', async (status) => {
    failThen(status, 1, ok);
    await expect(dsc.createScanTask(createBody)).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(2);
  });

  it('an operate and a DataArts run are not retried after a 500', async () => {
    failThen(500, 1, ok);
    await expect(dsc.startScanTask(1001)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    failThen(500, 1, undefined);
    await expect(catalog.runCollectionTaskNow('t1')).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('a DataArts create is retried after a 429 APIGW.0308', async () => {
    server.handle((_r, res, i) =>
      i === 0
        ? json(res, 429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'retry-after': '0' })
        : json(res, 200, { task_id: 'a'.repeat(32) }),
    );
    const body = {
      name: 'n',
      dir_id: '0',
      schedule_config: { schedule_type: 'RUN_ONCE' as const },
      data_source_type: 'DLI',
      task_config: {},
    };
    await expect(catalog.createCollectionTask(body)).resolves.toEqual({ task_id: 'a'.repeat(32) });
    expect(server.requests).toHaveLength(2);
  });
});

describe('Retry-After', () => {
  it('seconds are honoured (logged wait equals the header)', async () => {
    server.handle((_r, res, i) =>
      i === 0 ? json(res, 503, { error_code: 'X', error_msg: 'busy' }, { 'retry-after': '1' }) : json(res, 200, list),
    );
    await dsc.listScanTasks();
    expect(logs.some((l) => l.includes('retrying in 1000 ms (retry 1/2)'))).toBe(true);
  });

  it('an HTTP date is honoured', () => {
    const now = Date.now();
    const err = createApiError({
      method: 'GET',
      path: '/',
      status: 429,
      headers: { 'retry-after': new Date(now + 3000).toUTCString() },
      body: '',
    });
    const wait = retryDelay(err, 1);
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThanOrEqual(3000);
  });

  it('values over 60 s fall back to the computed backoff', () => {
    const err = createApiError({ method: 'GET', path: '/', status: 429, headers: { 'retry-after': '120' }, body: '' });
    expect(retryDelay(err, 1, () => 0.999)).toBeLessThan(500);
  });

  it('a wait that would pass the deadline fails at once with the last error', async () => {
    server.handle((_r, res) =>
      json(res, 429, { error_code: 'APIGW.0308', error_msg: 'slow down' }, { 'retry-after': '30' }),
    );
    const err = await dsc.listScanTasks(undefined, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(30_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('backoff and the policy function', () => {
  it('full jitter between 0 and min(8 s, 500 ms · 2^(n-1))', () => {
    expect(computeBackoff(1, () => 0)).toBe(0);
    expect(computeBackoff(1, () => 0.999999)).toBe(499);
    expect(computeBackoff(2, () => 0.5)).toBe(500);
    expect(computeBackoff(3, () => 0.5)).toBe(1000);
    expect(computeBackoff(10, () => 0.999999)).toBe(RETRY_CAP_MS - 1);
  });

  it('connection errors: retried when nothing was sent, else only if idempotent', () => {
    const notSent = new ConnectionError('x', { code: 'ECONNREFUSED', requestSent: false });
    const sent = new ConnectionError('x', { code: 'ECONNRESET', requestSent: true });
    expect([isRetryable(notSent, true), isRetryable(notSent, false)]).toEqual([true, true]);
    expect([isRetryable(sent, true), isRetryable(sent, false)]).toEqual([true, false]);
    expect(isRetryable(new TimeoutError(1), true)).toBe(false);
  });
});

describe('connection failures against real sockets', () => {
  async function closedPort(): Promise<number> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as { port: number }).port;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
  }

  it('connection refused: a create is retried (nothing was sent) and ends in ConnectionError', async () => {
    const port = await closedPort();
    const c = new DscClient({
      endpoint: `http://127.0.0.1:${port}`,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger,
      logLevel: 'debug',
      env: {},
    });
    const err = await c.createScanTask(createBody).catch((e: unknown) => e);
    await c.close();
    expect(isConnectionError(err)).toBe(true);
    expect((err as ConnectionError).requestSent).toBe(false);
    expect((err as ConnectionError).code).toBe('ECONNREFUSED');
    expect(logs.filter((l) => l.includes('→ ConnectionError'))).toHaveLength(3);
  });

  it('a reset after sending: a create is not retried, a GET is', async () => {
    server.handle((_r, res) => res.socket?.destroy());
    const err = await dsc.createScanTask(createBody).catch((e: unknown) => e);
    expect(isConnectionError(err)).toBe(true);
    expect((err as ConnectionError).requestSent).toBe(true);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    server.handle((_r, res, i) => (i < 2 ? res.socket?.destroy() : json(res, 200, list)));
    await expect(dsc.listScanTasks()).resolves.toEqual(list);
    expect(server.requests).toHaveLength(3);
  });

  it('DNS failure via a custom fetch (cause chain with ENOTFOUND) is retried for a create', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
      });
    };
    const c = new DscClient({
      endpoint: 'http://nowhere.invalid',
      projectId: PROJECT,
      auth: tokenProvider(),
      fetch,
      logLevel: 'off',
      env: {},
    });
    const err = await c.createScanTask(createBody).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ConnectionError', code: 'ENOTFOUND', requestSent: false });
    expect(calls).toBe(3);
  });
});
