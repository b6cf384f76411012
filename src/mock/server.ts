import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type CreateMockOptions, createMock, MAX_BODY_BYTES, type Mock, MockEngine } from './engine.js';
import { huaweiGateway } from './gateways.js';
import type { MockGateway, MockIds, MockRequest } from './types.js';

/** Default of {@link StartMockServerOptions.headersTimeoutMs}: 5 s to send a request's headers. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000;
/** Default of {@link StartMockServerOptions.maxConnections}: 4,096 open connections. */
export const DEFAULT_MAX_CONNECTIONS = 4_096;

/** Options of {@link startMockServer}: the engine (or options to create one) and where to listen. */
export interface StartMockServerOptions extends CreateMockOptions {
  /** The engine to serve; default a new `createMock(options)`. */
  mock?: Mock;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Host; default 127.0.0.1. */
  host?: string;
  /**
   * Milliseconds a client has to send a request's headers, from its first byte (or from the connection); default
   * 5,000. A slower client gets a 408 and its connection is closed, within about one more second.
   */
  headersTimeoutMs?: number;
  /**
   * Most connections open at once; default 4,096. A connection past the cap is closed as soon as it is accepted,
   * without an answer.
   */
  maxConnections?: number;
  /**
   * Called after every answer the engine gave (not for requests refused before it, which change nothing): lets a
   * caller notice that state may have changed, e.g. to save it.
   */
  onAnswer?: (answer: {
    /** Request method, uppercase. */
    method: string;
    /** Request path. */
    path: string;
    /** Status answered; 0 when the engine reset the connection (a network-error fault). */
    status: number;
  }) => void;
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
 * behaviour); any other `Mock` gets Fetch `Request`s through `mock.handle()`. A network-error fault
 * (`Response.error()`) destroys the socket; bodies over 12 MB are not buffered beyond the limit (the engine answers
 * 413 `APIGW.0201`) and the connection is closed after the answer.
 *
 * Requests the engine never sees are refused in the envelope of the gateway in front of their target (an RPC
 * service's for `/`, else the REST services', e.g. `{error_code, error_msg, request_id}` with `x-request-id`) and
 * the connection is closed: 400 `MOCK.0400` for a malformed request line, method
 * or header, an HTTP version other than 1.x, the methods CONNECT, TRACE and TRACK, a missing, repeated or malformed Host (a port over 65535, user
 * info) or a target that is not a path; 408 `MOCK.0408` for headers not sent within `headersTimeoutMs`; 431
 * `MOCK.0431` for headers over node's size limit.
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
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const sockets = new Set<Socket>();
  const gatewayFor = (target: string, namesAction = false): MockGateway =>
    mock instanceof MockEngine ? mock.gatewayFor(target, namesAction) : huaweiGateway;

  const server = createServer(
    {
      headersTimeout,
      // A missing Host is refused by badRequest, in the envelope, rather than by node:http with an empty 400.
      requireHostHeader: false,
      // node:http requires the whole-request timeout to be at least the headers timeout (0 would disable it).
      requestTimeout: Math.max(300_000, headersTimeout),
      // How often expired connections are looked for: the headers timeout is enforced within this much more.
      connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(headersTimeout / 2))),
    },
    (req, res) => {
      const problem = badRequest(req);
      if (problem !== undefined) {
        const { headers, body } = rejection(
          gatewayFor(req.url ?? '', req.headers['x-acs-action'] !== undefined),
          400,
          problem,
          req.headers.host,
        );
        res.writeHead(400, headers);
        res.end(body);
        return;
      }
      serve(mock, req, res, options.onAnswer).catch(() => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error_code: 'MOCK.0500', error_msg: 'Internal mock server error.' }));
        } else res.destroy();
      });
    },
  );
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Bytes node:http cannot parse as a request (a malformed request line, method or header, headers too large or
  // too slow): answered in the same envelope as a bad Host, then the connection is closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const pending = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    refuse(gatewayFor(...targetOf(error)), socket, status, CLIENT_ERROR_MESSAGES[status] as string);
  });
  // CONNECT is a proxy's method; the mock is not one.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    refuse(gatewayFor(''), socket, 400, 'Bad request: method CONNECT is not supported.');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A backlog above node's default 511, so that a burst of a thousand connections waits in the queue.
    server.listen({ port: options.port ?? 0, host, backlog: 2_048 }, () => {
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

const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: 'Bad request: the request line or a header is malformed.',
  408: 'Request timeout: the request headers were not received in time.',
  431: 'Request header fields too large.',
};

/**
 * Methods the Fetch `Request` constructor rejects that node:http hands to a request handler (CONNECT goes to the
 * 'connect' event, TRACK fails to parse).
 */
const FORBIDDEN_METHODS = new Set(['TRACE']);
/** A Host header: a registered name or IPv4 address, or a bracketed IPv6 address, then an optional port. */
const HOST_HEADER = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::(\d{1,5}))?$/;

/**
 * Why a request cannot be served (its method, Host or target), or undefined. Such a request never reaches the
 * engine, so it is neither journaled nor able to change state.
 */
function badRequest(req: IncomingMessage): string | undefined {
  const method = (req.method ?? '').toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) return `Bad request: method ${method} is not supported.`;
  if (req.httpVersionMajor !== 1) return `Bad request: HTTP/${req.httpVersion} is not supported.`;
  let hosts = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] as string).toLowerCase() === 'host') hosts++;
  }
  const host = req.headers.host;
  if (host === undefined || hosts === 0) return 'Bad request: the Host header is missing.';
  if (hosts > 1) return 'Bad request: the Host header is repeated.';
  const match = HOST_HEADER.exec(host);
  if (match === null || Number(match[1] ?? 0) > 65535) {
    return 'Bad request: the Host header is not a host name or address with an optional port (0 to 65535).';
  }
  const target = req.url ?? '';
  if (!target.startsWith('/')) return 'Bad request: the request target is not a path.';
  try {
    new URL(`http://${host}${target}`);
  } catch {
    return 'Bad request: the Host header and request target do not form a URL.';
  }
  return undefined;
}

/** Request ids of refusals: random, so that a refusal leaves the engine's seeded ids where they were. */
const refusalIds: MockIds = {
  next: () => 0,
  hex: (length) =>
    randomBytes(Math.ceil(length / 2))
      .toString('hex')
      .slice(0, length),
  uuid: (upper) => (upper ? randomUUID().toUpperCase() : randomUUID()),
};

/**
 * The request target of bytes node:http could not parse (`METHOD SP target SP …`, '' when unreadable), and whether
 * the bytes name an RPC action in a header.
 */
function targetOf(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): [string, boolean] {
  const text = error.rawPacket?.subarray(0, 65_536).toString('latin1') ?? '';
  const target = text.split('\r\n', 1)[0]?.split(' ')[1] ?? '';
  return [target, /\r\nx-acs-action:/i.test(text)];
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** `http://<host>/` when the Host forms a URL, else `http://localhost/` (a refusal names the host it can). */
function urlOfHost(host: string): URL {
  try {
    return new URL(`http://${host}/`);
  } catch {
    return new URL('http://localhost/');
  }
}

/** A refusal in the envelope of the gateway in front of the target, with a request id of its own. */
function rejection(
  gateway: MockGateway,
  status: number,
  message: string,
  host = 'localhost',
): { headers: Record<string, string>; body: string } {
  const requestId = gateway.newRequestId(refusalIds);
  const req = {
    requestId,
    headers: new Headers(),
    url: urlOfHost(host),
  } as MockRequest;
  const answer = gateway.errorResponse(status, `MOCK.0${status}`, message, req);
  const body = JSON.stringify(answer.body);
  return {
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      [gateway.requestIdHeader]: requestId,
      connection: 'close',
    },
    body,
  };
}

function refuse(gateway: MockGateway, socket: Duplex, status: number, message: string): void {
  const { headers, body } = rejection(gateway, status, message);
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n${lines.join('')}\r\n${body}`);
  setTimeout(() => socket.destroy(), 1_000).unref();
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

async function serve(
  mock: Mock,
  req: IncomingMessage,
  res: ServerResponse,
  onAnswer: StartMockServerOptions['onAnswer'],
): Promise<void> {
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
  const hostHeader = req.headers.host as string; // present and valid: checked by badRequest
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = !(method === 'GET' || method === 'HEAD' || body.length === 0);
  if (mock instanceof MockEngine) {
    // Fast path: feed the engine directly, without building Fetch Request/Response objects (which cost more than
    // the engine's own work per request). It mirrors what the Fetch path below does, including its rejections.
    const url = new URL(`http://${hostHeader}${req.url ?? '/'}`);
    const answer = await mock.handleParts(method, url, headers, hasBody ? utf8.decode(body) : '', lower);
    if (answer === null) {
      req.socket.destroy();
      onAnswer?.({ method, path: url.pathname, status: 0 });
      return;
    }
    const out = { ...answer.headers }; // a copy: the journal keeps the engine's record
    if (tooLarge) out.connection = 'close';
    const payload = answer.body === null ? EMPTY : Buffer.from(answer.body);
    out['content-length'] = String(payload.length);
    res.writeHead(answer.status, out);
    res.end(method === 'HEAD' ? undefined : payload);
    onAnswer?.({ method, path: url.pathname, status: answer.status });
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
    onAnswer?.({ method, path: new URL(request.url).pathname, status: 0 });
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
  onAnswer?.({ method, path: new URL(request.url).pathname, status: response.status });
}
