/**
 * Calls against servers that misbehave end within their deadline (plus 200 ms of slack for the event loop) and leave
 * no handle behind once the client is closed: a server that never answers, one that trickles its body, one that
 * resets every connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DscClient } from '../../src/dsc/client.js';
import { PROJECT, startServer, type TestServer, tokenProvider } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const DEADLINE_MS = 300;
const SLACK_MS = 200;

/** Handles the process holds (timers, sockets) by kind. */
function handles(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}

describe.each([
  ['never answers', () => undefined],
  [
    'trickles its body, a byte at a time',
    (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 20);
      res.on('close', () => clearInterval(timer));
    },
  ],
  ['resets every connection', (_req: unknown, res: import('node:http').ServerResponse) => res.socket?.destroy()],
] as const)('a server that %s', (_name, handler) => {
  it(`a read ends within its ${DEADLINE_MS} ms deadline + ${SLACK_MS} ms and leaves no handle after close()`, async () => {
    server.handle(handler as never);
    const before = handles();
    const client = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logLevel: 'off',
      env: {},
      timeoutMs: DEADLINE_MS,
      maxRetries: 10,
    });
    await client.preload(); // undici and the schemas load once per process: not what this measures
    const started = performance.now();
    const error = await client.listScanTasks().catch((e: unknown) => e);
    const took = performance.now() - started;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/^(TimeoutError|ConnectionError)$/);
    expect(took).toBeLessThan(DEADLINE_MS + SLACK_MS);
    await client.close();
    await new Promise((r) => setTimeout(r, 50)); // let closed sockets leave the handle list
    const after = handles();
    // Nothing of the client's is left: no timer, no socket beyond what the test server itself holds.
    expect(after['Timeout'] ?? 0).toBeLessThanOrEqual(before['Timeout'] ?? 0);
    expect(after['TCPSocketWrap'] ?? 0).toBeLessThanOrEqual(before['TCPSocketWrap'] ?? 0);
  });
});
