import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { iamPasswordAuth } from '../../src/core/auth/index.js';
import type { AuthContext, OutgoingRequest, RawResponse } from '../../src/core/auth/types.js';
import { AuthenticationError, ConfigurationError, ServerError } from '../../src/core/errors.js';

const PASSWORD = 'S3cr3t-Pa55word!';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A tiny IAM: issues `MII-<n>` tokens valid 24 h from `iam.now`, optionally held until released. */
const iam = {
  now: T0,
  seen: [] as Seen[],
  issued: 0,
  hold: undefined as Promise<void> | undefined,
  failStatus: undefined as number | undefined,
};
let server: Server;
let base: string;

async function handle(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  iam.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  if (iam.hold) await iam.hold;
  if (iam.failStatus !== undefined) {
    res.writeHead(iam.failStatus, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: iam.failStatus, title: 'Oops', message: 'IAM is unwell' } }));
    return;
  }
  const user = body?.auth?.identity?.password?.user;
  if (user?.password !== PASSWORD || user?.name !== 'alice' || user?.domain?.name !== 'acme') {
    res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'a'.repeat(32) });
    res.end(
      JSON.stringify({ error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' } }),
    );
    return;
  }
  iam.issued += 1;
  const scope = body.auth.scope.project;
  res.writeHead(201, { 'content-type': 'application/json', 'X-Subject-Token': `MII-${iam.issued}` });
  res.end(
    JSON.stringify({
      token: {
        issued_at: new Date(iam.now).toISOString().replace('Z', '000Z'),
        expires_at: new Date(iam.now + 24 * HOUR).toISOString().replace('Z', '000Z'),
        methods: ['password'],
        project: { id: scope.id ?? PROJECT_ID, name: scope.name ?? 'cn-north-4', domain: { id: 'd', name: 'acme' } },
        user: { id: 'u', name: 'alice', domain: { id: 'd', name: 'acme' } },
      },
    }),
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  iam.now = T0;
  iam.seen = [];
  iam.issued = 0;
  iam.hold = undefined;
  iam.failStatus = undefined;
});

/** An AuthContext whose `send` goes through fetch to the loopback IAM, with an injectable clock. */
function context(over: Partial<AuthContext> & { clock?: { now: number } } = {}): AuthContext {
  const clock = over.clock ?? { now: T0 };
  return {
    async send(req: OutgoingRequest, options: { signal?: AbortSignal }): Promise<RawResponse> {
      const res = await fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k] = v;
      });
      return { status: res.status, headers, body: await res.text() };
    },
    region: 'cn-north-4',
    now: () => clock.now,
    ...over,
  };
}

function request(): OutgoingRequest {
  return { method: 'GET', url: new URL('https://sdg.cn-north-4.myhuaweicloud.com/v1/p/x'), headers: {} };
}

const creds = { domainName: 'acme', userName: 'alice', password: PASSWORD };

describe('iamPasswordAuth', () => {
  it('posts a project-scoped password request and caches the token', async () => {
    const auth = iamPasswordAuth({ ...creds, endpoint: `${base}/` });
    const ctx = context();
    const r1 = request();
    await auth.apply(r1, ctx);
    const r2 = request();
    await auth.apply(r2, ctx);
    expect(r1.headers['x-auth-token']).toBe('MII-1');
    expect(r2.headers['x-auth-token']).toBe('MII-1');
    expect(iam.seen).toHaveLength(1);
    const seen = iam.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/v3/auth/tokens?nocatalog=true');
    expect(seen.headers['content-type']).toBe('application/json;charset=utf8');
    expect(seen.body).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'alice', password: PASSWORD, domain: { name: 'acme' } } },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
    expect(await auth.resolveProjectId(ctx)).toBe(PROJECT_ID);
    expect(iam.seen).toHaveLength(1);
  });

  it('scopes by project id when given, and by projectName over the region', async () => {
    await iamPasswordAuth({ ...creds, endpoint: base, projectId: 'f'.repeat(32) }).apply(request(), context());
    await iamPasswordAuth({ ...creds, endpoint: base, projectName: 'ap-southeast-1' }).apply(request(), context());
    expect(iam.seen.map((s) => (s.body as { auth: { scope: unknown } }).auth.scope)).toEqual([
      { project: { id: 'f'.repeat(32) } },
      { project: { name: 'ap-southeast-1' } },
    ]);
  });

  it('shares one in-flight request between concurrent callers', async () => {
    let release!: () => void;
    iam.hold = new Promise<void>((r) => {
      release = r;
    });
    const auth = iamPasswordAuth({ ...creds, endpoint: base });
    const ctx = context();
    const reqs = Array.from({ length: 10 }, request);
    const pending = Promise.all(reqs.map((r) => auth.apply(r, ctx)));
    while (iam.seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    release();
    await pending;
    expect(iam.seen).toHaveLength(1);
    expect(new Set(reqs.map((r) => r.headers['x-auth-token']))).toEqual(new Set(['MII-1']));
  });

  it('refreshes only when less than 15 minutes of validity remain', async () => {
    const clock = { now: T0 };
    const ctx = context({ clock });
    const auth = iamPasswordAuth({ ...creds, endpoint: base });
    await auth.apply(request(), ctx);
    clock.now = T0 + 24 * HOUR - 16 * 60_000;
    const r = request();
    await auth.apply(r, ctx);
    expect(r.headers['x-auth-token']).toBe('MII-1');
    expect(iam.seen).toHaveLength(1);
    clock.now = T0 + 24 * HOUR - 14 * 60_000;
    iam.now = clock.now;
    await auth.apply(r, ctx);
    expect(r.headers['x-auth-token']).toBe('MII-2');
    expect(iam.seen).toHaveLength(2);
    await auth.apply(r, ctx);
    expect(iam.seen).toHaveLength(2);
  });

  it('honours refreshBeforeMs', async () => {
    const clock = { now: T0 + 24 * HOUR - 50 * 60_000 };
    const ctx = context({ clock });
    const auth = iamPasswordAuth({ ...creds, endpoint: base, refreshBeforeMs: HOUR });
    iam.now = T0;
    await auth.apply(request(), ctx); // issued at T0: already inside the 1-hour window at "now"
    await auth.apply(request(), ctx);
    expect(iam.seen).toHaveLength(2);
  });

  it('keeps using a still-valid token when its refresh fails, and fails once it is too old', async () => {
    const clock = { now: T0 };
    const ctx = context({ clock });
    const auth = iamPasswordAuth({ ...creds, endpoint: base });
    await auth.apply(request(), ctx);
    iam.failStatus = 503;
    clock.now = T0 + 24 * HOUR - 10 * 60_000;
    const r = request();
    await auth.apply(r, ctx);
    expect(r.headers['x-auth-token']).toBe('MII-1');
    clock.now = T0 + 24 * HOUR - 30_000;
    await expect(auth.apply(request(), ctx)).rejects.toBeInstanceOf(ServerError);
  });

  it('onUnauthorized: APIGW.0307 invalidates and asks for a replay; APIGW.0301 invalidates only', async () => {
    const auth = iamPasswordAuth({ ...creds, endpoint: base });
    const ctx = context();
    const r = request();
    await auth.apply(r, ctx);
    expect(auth.onUnauthorized('APIGW.0999')).toBe(false);
    await auth.apply(r, ctx);
    expect(r.headers['x-auth-token']).toBe('MII-1');
    expect(auth.onUnauthorized('APIGW.0307')).toBe(true);
    await auth.apply(r, ctx);
    expect(r.headers['x-auth-token']).toBe('MII-2');
    expect(auth.onUnauthorized('APIGW.0301')).toBe(false);
    await auth.apply(r, ctx);
    expect(r.headers['x-auth-token']).toBe('MII-3');
    expect(auth.onUnauthorized(undefined)).toBe(false);
  });

  it('caches per IAM endpoint (region)', async () => {
    const calls: string[] = [];
    const fake = (region?: string): AuthContext => ({
      async send(req) {
        calls.push(req.url.origin);
        return {
          status: 201,
          headers: { 'x-subject-token': `tok-${calls.length}` },
          body: JSON.stringify({ token: { expires_at: new Date(T0 + 24 * HOUR).toISOString(), project: { id: 'p' } } }),
        };
      },
      ...(region ? { region } : {}),
      now: () => T0,
    });
    const auth = iamPasswordAuth({ ...creds, projectName: 'cn-north-4' });
    await auth.apply(request(), fake('cn-north-4'));
    await auth.apply(request(), fake('cn-north-4'));
    await auth.apply(request(), fake('ap-southeast-1'));
    await auth.apply(request(), fake());
    expect(calls).toEqual([
      'https://iam.cn-north-4.myhuaweicloud.com',
      'https://iam.ap-southeast-1.myhuaweicloud.com',
      'https://iam.myhuaweicloud.com',
    ]);
    await expect(iamPasswordAuth(creds).apply(request(), fake())).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('a caller whose signal aborts stops waiting; the request is aborted only when every waiter has gone', async () => {
    const signals: AbortSignal[] = [];
    let respond!: (r: RawResponse) => void;
    const ctxFor = (signal: AbortSignal): AuthContext => ({
      send(_req, options) {
        signals.push(options.signal!);
        return new Promise((resolve, reject) => {
          respond = resolve;
          options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        });
      },
      signal,
      region: 'cn-north-4',
      now: () => T0,
    });
    const auth = iamPasswordAuth(creds);
    const a = new AbortController();
    const b = new AbortController();
    const ra = request();
    const rb = request();
    const pa = auth.apply(ra, ctxFor(a.signal));
    const pb = auth.apply(rb, ctxFor(b.signal));
    a.abort(new Error('caller A gave up'));
    await expect(pa).rejects.toThrow('caller A gave up');
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
    respond({
      status: 201,
      headers: { 'x-subject-token': 'tok' },
      body: JSON.stringify({ token: { expires_at: new Date(T0 + HOUR).toISOString() } }),
    });
    await pb;
    expect(rb.headers['x-auth-token']).toBe('tok');

    const auth2 = iamPasswordAuth(creds);
    const c = new AbortController();
    const pc = auth2.apply(request(), ctxFor(c.signal));
    c.abort(new Error('caller C gave up'));
    await expect(pc).rejects.toThrow('caller C gave up');
    expect(signals[1]!.aborted).toBe(true);
  });

  it('wrong password → AuthenticationError with IAM code/message and no password anywhere', async () => {
    const auth = iamPasswordAuth({ ...creds, password: 'wrong-PASSWORD-123', endpoint: base });
    const error = await auth.apply(request(), context()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    const e = error as AuthenticationError;
    expect(e.status).toBe(401);
    expect(e.errorCode).toBe('401');
    expect(e.errorMessage).toBe('The username or password is wrong.');
    expect(e.requestId).toBe('a'.repeat(32));
    for (const text of [e.message, inspect(e, { depth: 10 }), JSON.stringify(e), String(e.stack)]) {
      expect(text).not.toContain('wrong-PASSWORD-123');
      expect(text).toContain('The username or password is wrong.');
    }
  });

  it('a 201 without X-Subject-Token is a ResponseValidationError', async () => {
    const auth = iamPasswordAuth(creds);
    const ctx: AuthContext = {
      send: async () => ({ status: 201, headers: {}, body: '{}' }),
      region: 'cn-north-4',
      now: () => T0,
    };
    await expect(auth.apply(request(), ctx)).rejects.toThrow(/X-Subject-Token/);
  });

  it('never shows the password or the token (inspect, JSON, String, keys)', async () => {
    const auth = iamPasswordAuth({ ...creds, endpoint: base });
    await auth.apply(request(), context());
    const views = [
      inspect(auth, { depth: 10, showHidden: true }),
      JSON.stringify(auth),
      String(auth),
      `${auth}`,
      JSON.stringify({ ...auth }),
      Object.keys(auth).join(','),
    ];
    for (const v of views) {
      expect(v).not.toContain(PASSWORD);
      expect(v).not.toContain('MII-1');
    }
    expect(JSON.parse(JSON.stringify(auth))).toEqual({
      kind: 'iam-password',
      domainName: 'acme',
      userName: 'alice',
      endpoint: base,
    });
  });

  it('rejects incomplete options without quoting them', () => {
    expect(() => iamPasswordAuth({ ...creds, password: '' })).toThrow(ConfigurationError);
    expect(() => iamPasswordAuth({ ...creds, projectId: 'x', projectName: 'y' })).toThrow(/either projectId/);
    expect(() => iamPasswordAuth({ ...creds, endpoint: 'ftp://x' })).toThrow(/endpoint/);
    const error = (() => {
      try {
        iamPasswordAuth({ ...creds, userName: '' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toContain('auth.userName');
    expect(inspect(error)).not.toContain(PASSWORD);
  });
});
