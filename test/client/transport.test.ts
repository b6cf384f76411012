import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, ConfigurationError, TimeoutError } from '../../src/core/errors.js';
import { isAbortError, isTimeoutError } from '../../src/core/guards.js';
import { DscClient } from '../../src/dsc/client.js';
import { eventually, json, PROJECT, startServer, type TestServer, tokenProvider } from './helpers.js';

let server: TestServer;
const list = { total_num: 0, result: [] };

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
});

function client(extra: Record<string, unknown> = {}) {
  return new DscClient({
    endpoint: server.url,
    projectId: PROJECT,
    auth: tokenProvider(),
    logLevel: 'off',
    env: {},
    ...extra,
  });
}

describe('deadline', () => {
  it('a server that never answers → TimeoutError after timeoutMs; the deadline is not retried', async () => {
    server.handle(() => undefined); // never responds
    const c = client({ timeoutMs: 150 });
    const err = await c.listScanTasks().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(isAbortError(err)).toBe(false);
    expect(err).toMatchObject({ timeoutMs: 150, method: 'GET' });
    expect(server.requests).toHaveLength(1);
    await c.close();
  });

  it('a slow body counts against the same deadline', async () => {
    server.handle((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"total_num":0,');
      // the rest never comes
    });
    const c = client();
    const err = await c.listScanTasks(undefined, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(isTimeoutError(err)).toBe(true);
    await c.close();
  });

  it('the deadline covers retries and their waits', async () => {
    server.handle((_r, res) => json(res, 503, { error_code: 'X', error_msg: 'busy' }, { 'retry-after': '0.2' }));
    const c = client({ maxRetries: 10 });
    const err = await c.listScanTasks(undefined, { timeoutMs: 500 }).catch((e: unknown) => e);
    // either the last 503 (the next wait would pass the deadline) or the deadline itself; never 11 attempts
    expect(['ServerError', 'TimeoutError']).toContain((err as Error).name);
    expect(server.requests.length).toBeLessThan(11);
    await c.close();
  });

  it("undici's headersTimeout of a caller-supplied dispatcher never undercuts the call deadline", async () => {
    server.handle((_r, res) => setTimeout(() => json(res, 200, list), 300));
    const agent = new Agent({ headersTimeout: 50, bodyTimeout: 50 });
    const c = client({ dispatcher: agent, timeoutMs: 5_000 });
    await expect(c.listScanTasks()).resolves.toEqual(list);
    await c.close();
    await agent.close();
  });
});

describe('undici dispatch transport', () => {
  it('a call still waiting for a connection ends at its own deadline; the pool serves the next call', async () => {
    let held: (() => void) | undefined;
    server.handle((_r, res) => {
      if (!held)
        held = () => json(res, 200, list); // the first request holds the only connection
      else json(res, 200, list);
    });
    const agent = new Agent({ connections: 1, pipelining: 1 });
    const c = client({ dispatcher: agent });
    const first = c.listScanTasks(undefined, { timeoutMs: 5_000 });
    await eventually(() => server.requests.length === 1);
    // Queued behind the first: undici has not started it, yet its deadline settles it.
    const err = await c.listScanTasks(undefined, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
    held!();
    await expect(first).resolves.toEqual(list);
    await expect(c.listScanTasks()).resolves.toEqual(list);
    await c.close();
    await agent.close();
  });

  it('reads a body sent in many chunks, and drops a UTF-8 byte order mark as body.text() did', async () => {
    const big = { total_num: 2000, result: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `任务-${i}` })) };
    server.handle((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const text = `\uFEFF${JSON.stringify(big)}`;
      for (let i = 0; i < text.length; i += 1000) res.write(text.slice(i, i + 1000));
      res.end();
    });
    const c = client();
    const { data, headers } = await c.listScanTasks().withResponse();
    expect(data).toEqual(big);
    expect(headers['content-type']).toBe('application/json');
    await c.close();
  });

  it('a response header sent twice is joined with ", "', async () => {
    server.handle((_r, res) => {
      res.setHeader('x-extra', ['a', 'b']);
      json(res, 200, list);
    });
    const c = client();
    const { headers } = await c.listScanTasks().withResponse();
    expect(headers['x-extra']).toBe('a, b');
    await c.close();
  });
});

describe('preload', () => {
  it('loads what the first call would (schemas, undici Agent) without sending; calls work after it; idempotent', async () => {
    server.handle((_r, res) => json(res, 200, list));
    const c = client();
    await c.preload();
    await c.preload();
    expect(server.requests).toHaveLength(0);
    await expect(c.listScanTasks()).resolves.toEqual(list);
    expect(server.requests).toHaveLength(1);
    await c.close();
  });
});

describe('abort', () => {
  it('aborting mid-request → AbortError with the reason as cause, not retried', async () => {
    server.handle(() => undefined);
    const c = client();
    const ac = new AbortController();
    const reason = new Error('user cancelled');
    const p = c.listScanTasks(undefined, { signal: ac.signal });
    await eventually(() => server.requests.length === 1);
    ac.abort(reason);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(isTimeoutError(err)).toBe(false);
    expect((err as AbortError).cause).toBe(reason);
    expect(server.requests).toHaveLength(1);
    await c.close();
  });

  it('an already aborted signal sends nothing', async () => {
    const c = client();
    const ac = new AbortController();
    ac.abort('nope');
    const err = await c.listScanTasks(undefined, { signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toBe('nope');
    expect(server.requests).toHaveLength(0);
    await c.close();
  });

  it('an abort during a retry wait stops at once', async () => {
    server.handle((_r, res) => json(res, 503, { error_code: 'X', error_msg: 'busy' }, { 'retry-after': '30' }));
    const c = client();
    const ac = new AbortController();
    const p = c.listScanTasks(undefined, { signal: ac.signal });
    await eventually(() => server.requests.length === 1);
    setTimeout(() => ac.abort(new Error('enough')), 20);
    const err = await p.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(server.requests).toHaveLength(1);
    await c.close();
  });
});

describe('sockets', () => {
  it('every response body is consumed: 24 calls with mixed outcomes reuse the pooled sockets; close() releases them', async () => {
    const statuses = [200, 400, 404, 200, 401, 403, 409, 200, 400, 200, 404, 200];
    server.handle((_r, res, i) => {
      const s = statuses[i % statuses.length]!;
      json(res, s, s === 200 ? list : { error_code: `E.${s}`, error_msg: 'x'.repeat(5000) });
    });
    const c = client({ maxRetries: 0 });
    const before = server.sockets.opened;
    for (let i = 0; i < 2 * statuses.length; i++) await c.listScanTasks().catch(() => undefined);
    expect(server.requests).toHaveLength(2 * statuses.length);
    // An unconsumed body pins its socket, so a leak would open a socket per call. undici may open a second
    // socket while the first finishes its response; it never needs more for sequential calls.
    expect(server.sockets.opened - before).toBeLessThanOrEqual(2);
    await c.close();
    await eventually(() => server.sockets.open === 0);
  });

  it('aborted and timed-out calls do not leave sockets open after close()', async () => {
    server.handle(() => undefined);
    const c = client({ timeoutMs: 100 });
    for (let i = 0; i < 3; i++) await c.listScanTasks().catch(() => undefined);
    await c.close();
    await eventually(() => server.sockets.open === 0);
  });

  it('a caller-supplied dispatcher is left open by close(); its stats show nothing pending', async () => {
    server.handle((_r, res) => json(res, 200, list));
    const agent = new Agent();
    const c = client({ dispatcher: agent });
    await c.listScanTasks();
    await c.close();
    await c.close(); // idempotent
    const stats = Object.values(agent.stats)[0] as { pending: number; running: number; connected: number };
    expect(stats).toMatchObject({ pending: 0, running: 0, connected: 1 });
    await agent.close();
  });

  it('a closed client refuses new calls', async () => {
    const c = client();
    await c.close();
    await expect(c.listScanTasks()).rejects.toBeInstanceOf(ConfigurationError);
  });
});
