import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { AuthProvider, OutgoingRequest } from '../../src/core/auth/types.js';

export const PROJECT = '0123456789abcdef0123456789abcdef';
export const WORKSPACE = '00000000000000000000000000000001';
export const TOKEN = 'MIItoken-secret-value-1234567890';

export interface Recorded {
  method: string;
  /** Path + query as received. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (req: Recorded, res: ServerResponse, index: number) => unknown;

export interface TestServer {
  url: string;
  port: number;
  requests: Recorded[];
  /** Sockets ever opened / currently open. */
  sockets: { opened: number; open: number };
  handle(handler: Handler): void;
  close(): Promise<void>;
}

function flat(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** A loopback HTTP server that records requests and counts sockets. */
export async function startServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_req, res) => json(res, 200, {}));
  const requests: Recorded[] = [];
  const sockets = { opened: 0, open: 0 };
  const live = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: flat(req.headers),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(rec);
      Promise.resolve(handler(rec, res, requests.length - 1)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.opened++;
    sockets.open++;
    live.add(socket);
    socket.on('close', () => {
      sockets.open--;
      live.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sockets,
    handle(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of live) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': 'a'.repeat(31) + String(status % 10),
    ...headers,
  });
  res.end(text);
}

/** A static-token provider written against the contract only (independent of H3's implementation). */
export function tokenProvider(token = TOKEN, projectId?: string): AuthProvider {
  return {
    kind: 'token',
    async apply(req: OutgoingRequest) {
      req.headers['x-auth-token'] = token;
    },
    ...(projectId ? { resolveProjectId: async () => projectId } : {}),
  };
}

/** Waits until `predicate` holds (polling), for socket-count assertions. */
export async function eventually(predicate: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
