import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type CreateMockOptions, createMock, MAX_BODY_BYTES, type Mock } from './engine.js';

export interface StartMockServerOptions extends CreateMockOptions {
  /** The engine to serve; default a new `createMock(options)`. */
  mock?: Mock;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Host; default 127.0.0.1. */
  host?: string;
}

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  port: number;
  mock: Mock;
  /** Stops listening, closes every open socket and stops the mock's real-mode timer. */
  close(): Promise<void>;
}

/**
 * Serves a mock engine over node:http. Requests are converted to Fetch `Request`s for `mock.handle()`; a
 * network-error fault (`Response.error()`) destroys the socket; bodies over 12 MB are not buffered beyond the limit
 * (the engine answers 413 `APIGW.0201`) and the connection is closed after the answer.
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

async function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    if (tooLarge) continue; // drain without keeping
    size += buf.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      chunks.push(buf.subarray(0, Math.max(0, buf.length - (size - MAX_BODY_BYTES - 1))));
      continue;
    }
    chunks.push(buf);
  }
  return { body: Buffer.concat(chunks), tooLarge };
}

async function serve(mock: Mock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { body, tooLarge } = await readBody(req);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    const value = req.rawHeaders[i + 1] as string;
    if (name.startsWith(':')) continue;
    headers.append(name, value);
  }
  const hostHeader = req.headers.host ?? 'localhost';
  const method = (req.method ?? 'GET').toUpperCase();
  const request = new Request(`http://${hostHeader}${req.url ?? '/'}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || body.length === 0 ? null : new Uint8Array(body),
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
