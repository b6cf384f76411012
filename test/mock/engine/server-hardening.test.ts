/**
 * The mock's HTTP server against clients that are malformed, slow or many, over raw sockets to 127.0.0.1: every
 * refusal is a 400 (408, 431) in the gateway's envelope, never a 500, and the server keeps serving.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type MockServer, type StartMockServerOptions, startMockServer } from '../../../src/mock/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: StartMockServerOptions = {}): Promise<MockServer> {
  server = await startMockServer({ port: 0, clock: 'manual', ...options });
  return server;
}

/** Opens a socket to the server; resolves once connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Writes `text` and collects what comes back until the server closes the socket (or `timeoutMs`). */
async function exchange(port: number, text: string, timeoutMs = 3_000): Promise<string> {
  const socket = await open(port);
  return new Promise((resolve, reject) => {
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${timeoutMs} ms; received ${JSON.stringify(received)}`));
    }, timeoutMs);
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.write(text, 'latin1');
  });
}

/** Splits a raw HTTP/1.1 answer into status, lowercase headers and body. */
function parse(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const [line, ...fields] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
  }
  return { status: Number(line?.split(' ')[1]), headers, body: raw.slice(end + 4) };
}

const GOOD = 'GET /__mock/clock HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

async function expectServing(s: MockServer): Promise<void> {
  expect(parse(await exchange(s.port, GOOD)).status).toBe(200);
}

describe('startMockServer refuses malformed requests with a 400 envelope', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown method', 'FROB / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /malformed/],
    ['a garbage request line', 'hello there\r\n\r\n', /malformed/],
    ['a request line without a version', 'GET /\r\nHost: 127.0.0.1\r\n\r\n', /malformed|HTTP\/0\.9/],
    ['a bad HTTP version', 'GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n', /malformed/],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nnot a header\r\n\r\n', /malformed/],
    ['TRACE', 'TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /method TRACE/],
    ['TRACK', 'TRACK / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /malformed/],
    ['CONNECT', 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n', /method CONNECT/],
    ['a Host with a space', 'GET / HTTP/1.1\r\nHost: a b\r\n\r\n', /Host header is not/],
    ['a Host with port 99999', 'GET / HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n', /Host header is not/],
    ['a Host with user info', 'GET / HTTP/1.1\r\nHost: user:pw@127.0.0.1\r\n\r\n', /Host header is not/],
    ['a Host with a path', 'GET / HTTP/1.1\r\nHost: a/b\r\n\r\n', /Host header is not/],
    ['an empty Host', 'GET / HTTP/1.1\r\nHost: \r\n\r\n', /Host header is (not|missing)/],
    ['no Host (HTTP/1.1)', 'GET / HTTP/1.1\r\nAccept: */*\r\n\r\n', /Host header is missing/],
    ['no Host (HTTP/1.0)', 'GET / HTTP/1.0\r\n\r\n', /Host header is missing/],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\n\r\n', /repeated/],
    ['an absolute-form target', 'GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /target/],
    ['an asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /target/],
  ];
  it.each(cases)('%s', async (_name, text, message) => {
    const s = await start();
    const answer = parse(await exchange(s.port, text));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json');
    const body = JSON.parse(answer.body);
    expect(body).toEqual({
      error_code: 'MOCK.0400',
      error_msg: expect.stringMatching(message),
      request_id: expect.any(String),
    });
    expect(answer.headers['x-request-id']).toBe(body.request_id);
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(s.mock.requests).toEqual([]); // the engine never saw it
    await expectServing(s);
  });

  it('answers 431 in the envelope to headers over the size limit', async () => {
    const s = await start();
    const answer = parse(
      await exchange(s.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body).error_code).toBe('MOCK.0431');
    await expectServing(s);
  });

  it('still serves a valid Host with a port, an IPv6 literal and a name', async () => {
    const s = await start();
    for (const host of [`127.0.0.1:${s.port}`, '[::1]:80', 'sdg.cn-north-4.myhuaweicloud.com']) {
      const raw = await exchange(s.port, `GET /__mock/clock HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(parse(raw).status, host).toBe(200);
    }
  });
});

/** Opens `count` connections that send a request line and then one header line every 200 ms, never finishing. */
async function slowloris(port: number, count: number): Promise<{ closedAfterMs: Promise<number[]>; first: string[] }> {
  const started = Date.now();
  const first: string[] = [];
  const closes: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const socket = await open(port);
    socket.on('error', () => {});
    socket.write('GET /__mock/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => {
      if (socket.writable) socket.write(`X-Drip-${i}: a\r\n`);
    }, 200);
    socket.once('data', (d: Buffer) => {
      first[i] = d.toString('latin1').split('\r\n')[0] as string;
    });
    closes.push(
      new Promise((resolve) =>
        socket.on('close', () => {
          clearInterval(drip);
          resolve(Date.now() - started);
        }),
      ),
    );
    // Bounded in time even if the server never closes: the test's own deadline.
    setTimeout(() => socket.destroy(), 15_000).unref();
  }
  return { closedAfterMs: Promise.all(closes), first };
}

describe('startMockServer against slow and many clients', () => {
  it('closes 200 slowloris connections within the default headers timeout (5 s) and a few more', async () => {
    const s = await start();
    const { closedAfterMs, first } = await slowloris(s.port, 200);
    await expectServing(s); // a well-formed client is served meanwhile
    const times = await closedAfterMs;
    expect(Math.max(...times)).toBeLessThan(8_000); // 5 s, the 1 s check interval, a loaded machine
    expect(Math.min(...times)).toBeGreaterThanOrEqual(4_500);
    expect(first.filter((line) => line === 'HTTP/1.1 408 Request Timeout').length).toBe(200);
    await expectServing(s);
  }, 15_000);

  it('honours a configured headers timeout', async () => {
    const s = await start({ headersTimeoutMs: 1_000 });
    const { closedAfterMs } = await slowloris(s.port, 200);
    const times = await closedAfterMs;
    expect(Math.max(...times)).toBeLessThan(3_000);
    await expectServing(s);
  }, 10_000);

  it('closes connections past the cap at once, unanswered, and accepts again below it', async () => {
    const s = await start({ maxConnections: 10 });
    const held = await Promise.all(Array.from({ length: 10 }, () => open(s.port)));
    for (const socket of held) socket.on('error', () => {});
    await new Promise((r) => setTimeout(r, 50)); // let the server account for them
    expect(await exchange(s.port, GOOD)).toBe(''); // closed without an answer
    held[0]?.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(parse(await exchange(s.port, GOOD)).status).toBe(200);
    for (const socket of held) socket.destroy();
  });

  it('answers 1,000 concurrent well-formed connections', async () => {
    const s = await start();
    const answers = await Promise.all(Array.from({ length: 1_000 }, () => exchange(s.port, GOOD, 10_000)));
    expect(answers.filter((raw) => parse(raw).status === 200).length).toBe(1_000);
  }, 20_000);
});
