import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type CreateMockOptions, createMock, MAX_BODY_BYTES, type Mock, MockEngine } from './engine.js';

/** Options of {@link startMockServer}: the engine (or options to create one) and where to listen. */
export interface StartMockServerOptions extends CreateMockOptions {
  /** The engine to serve; default a new `createMock(options)`. */
  mock?: Mock;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Host; default 127.0.0.1. */
  host?: string;
}

/** A running mock HTTP server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  /** Port the server listens on (useful with `port: 0`). */
  port: number;
  /** The engine being served. */
  mock: Mock;
  /** Stops listening, closes every open socket and stops the mock's real-mode timer. */
  close(): Promise<void>;
}

/**
 * Serves a mock engine over node:http. An engine made by `createMock` is fed directly (no Fetch objects, same
 * behaviour); any other `Mock` gets Fetch `Request`s through `mock.handle()`. A network-error fault (`Response.error()`) destroys the socket; bodies over 12 MB are not buffered beyond the limit
 * (the engine answers 413 `APIGW.0201`) and the connection is closed after the answer.
 *
 * @example
 * ```ts
 * import { DscClient } from 'metacollect';
 * import { createMock, startMockServer } from 'metacollect/mock';
 *
 * const mock = createMock({ clock: 'manual', seed: 42 });
 * const server = await startMockServer({ mock, port: 0 }); // 127.0.0.1, a free port
 * const { projectId, token } = mock.defaults;
 * const dsc = new DscClient({ endpoint: server.url, projectId, auth: { token } });
 * console.log((await dsc.listScanTasks()).total_num); // 0
 * await server.close();
 * ```
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const mock = options.mock ?? createMock(options);
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    serve(mock, req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_code: 'MOCK.0500', error_msg: 'Internal mock server error.' }));
      } else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    mock,
    close: () =>
      new Promise<void>((resolve) => {
        mock.dispose();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
      }),
  };
}

/**
 * Reads the whole body (listeners rather than `for await`, whose async iterator costs more than the rest of a small
 * request's read). Rejects, as the iterator did, on a stream error or when the request closes before its end.
 */
function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (buf: Buffer) => {
      if (tooLarge) return; // drain without keeping
      size += buf.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.push(buf.subarray(0, Math.max(0, buf.length - (size - MAX_BODY_BYTES - 1))));
        return;
      }
      chunks.push(buf);
    });
    req.once('end', () => {
      resolve({ body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), tooLarge });
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the request closed before its end'));
    });
  });
}

/** Decodes a body as `Request.text()` does (UTF-8, a leading BOM dropped, invalid bytes replaced). */
const utf8 = new TextDecoder();
const EMPTY = Buffer.alloc(0);
/** Methods the Fetch `Request` constructor rejects (the fast path rejects them alike). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

async function serve(mock: Mock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { body, tooLarge } = await readBody(req);
  const headers = new Headers();
  // The engine's lowercase record too, filled as Headers.forEach would (repeated names joined with ', ').
  const lower: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    const value = req.rawHeaders[i + 1] as string;
    if (name.startsWith(':')) continue;
    headers.append(name, value);
    const key = name.toLowerCase();
    const seen = lower[key];
    lower[key] = seen === undefined || key === 'set-cookie' ? value : `${seen}, ${value}`;
  }
  const hostHeader = req.headers.host ?? 'localhost';
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = !(method === 'GET' || method === 'HEAD' || body.length === 0);
  if (mock instanceof MockEngine) {
    // Fast path: feed the engine directly, without building Fetch Request/Response objects (which cost more than
    // the engine's own work per request). It mirrors what the Fetch path below does, including its rejections.
    const url = new URL(`http://${hostHeader}${req.url ?? '/'}`);
    if (FORBIDDEN_METHODS.has(method)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    if (url.username !== '' || url.password !== '') {
      throw new TypeError('Request cannot be constructed from a URL that includes credentials');
    }
    const answer = await mock.handleParts(method, url, headers, hasBody ? utf8.decode(body) : '', lower);
    if (answer === null) {
      req.socket.destroy();
      return;
    }
    const out = { ...answer.headers }; // a copy: the journal keeps the engine's record
    if (tooLarge) out.connection = 'close';
    const payload = answer.body === null ? EMPTY : Buffer.from(answer.body);
    out['content-length'] = String(payload.length);
    res.writeHead(answer.status, out);
    res.end(method === 'HEAD' ? undefined : payload);
    return;
  }
  const request = new Request(`http://${hostHeader}${req.url ?? '/'}`, {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : null,
  });
  const response = await mock.handle(request);
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  if (tooLarge) out.connection = 'close';
  const payload = Buffer.from(await response.arrayBuffer());
  out['content-length'] = String(payload.length);
  res.writeHead(response.status, out);
  res.end(method === 'HEAD' ? undefined : payload);
}
