import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { iamPasswordAuth } from '../../src/core/auth/index.js';
import type { AuthProvider } from '../../src/core/auth/types.js';
import { AuthenticationError, ConfigurationError, ResponseValidationError } from '../../src/core/errors.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import { DscClient } from '../../src/dsc/client.js';
import { parseHuaweiAuthorization, verifyHuaweiSignature } from '../../src/signing/huawei.js';
import { json, PROJECT, startServer, type TestServer, TOKEN, tokenProvider, WORKSPACE } from './helpers.js';

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const list = { total_num: 0, result: [] };

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_r, res) => json(res, 200, list));
});
afterEach(() => {
  server.requests.length = 0;
  server.handle((_r, res) => json(res, 200, list));
});
afterAll(async () => {
  await server.close();
});

function collectingLogger() {
  const lines: string[] = [];
  const push = (m: string, ...rest: unknown[]) => lines.push([m, ...rest.map((r) => inspect(r))].join(' '));
  return { lines, logger: { debug: push, info: push, warn: push, error: push } };
}

describe('AK/SK signing reaches the server with a valid signature', () => {
  it('DataArts: signs host, content-type, workspace, x-project-id, x-sdk-date over the exact body', async () => {
    const c = new DataArtsCatalogClient({
      endpoint: server.url,
      projectId: PROJECT,
      workspace: WORKSPACE,
      auth: { ak: AK, sk: SK },
      logLevel: 'off',
      env: {},
    });
    server.handle((_r, res) => json(res, 200, { count: 0, total_records: 0, max_records: 1000, resources: [] }));
    await c.searchCollectionTasks({ limit: 10, offset: 0 });
    const r = server.requests[0]!;
    expect(r.headers['x-project-id']).toBe(PROJECT);
    expect(r.headers['x-auth-token']).toBeUndefined();
    const authz = parseHuaweiAuthorization(r.headers['authorization']!);
    expect(authz?.algorithm).toBe('SDK-HMAC-SHA256');
    expect(authz?.access).toBe(AK);
    expect(authz?.signedHeaders).toEqual(
      expect.arrayContaining(['host', 'x-sdk-date', 'workspace', 'x-project-id', 'content-type']),
    );
    const ok = verifyHuaweiSignature({
      method: r.method,
      url: `http://${r.headers['host']}${r.url}`,
      headers: r.headers,
      body: r.body,
      authorization: authz!,
      sk: SK,
    });
    expect(ok).toBe(true);
    // the same check fails with another key: the verification is meaningful
    expect(
      verifyHuaweiSignature({
        method: r.method,
        url: `http://${r.headers['host']}${r.url}`,
        headers: r.headers,
        body: r.body,
        authorization: authz!,
        sk: 'other',
      }),
    ).toBe(false);
    await c.close();
  });

  it('DSC: a GET with a repeated-key query and a DELETE with a body verify too', async () => {
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: { ak: AK, sk: SK },
      logLevel: 'off',
      env: {},
    });
    await c.listScanTasks({ schedule_types: ['DAY', 'ONCE'], task_name: 'a b(c)' });
    server.handle((_r, res) => json(res, 200, { status: 'success', msg: 'ok', id: '1' }));
    await c.deleteScanTasks([1001]);
    for (const r of server.requests) {
      const authz = parseHuaweiAuthorization(r.headers['authorization']!)!;
      expect(
        verifyHuaweiSignature({
          method: r.method,
          url: `http://${r.headers['host']}${r.url}`,
          headers: r.headers,
          body: r.body,
          authorization: authz,
          sk: SK,
        }),
      ).toBe(true);
    }
    expect(server.requests).toHaveLength(2);
    await c.close();
  });

  it('each attempt is signed afresh (a retried request carries its own signature)', async () => {
    server.handle((_r, res, i) =>
      i === 0 ? json(res, 503, { error_code: 'X', error_msg: 'busy' }, { 'retry-after': '0' }) : json(res, 200, list),
    );
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: { ak: AK, sk: SK },
      logLevel: 'off',
      env: {},
    });
    await c.listScanTasks();
    expect(server.requests).toHaveLength(2);
    for (const r of server.requests) expect(r.headers['authorization']).toMatch(/^SDK-HMAC-SHA256 Access=/);
    await c.close();
  });
});

describe('token auth and refresh-on-401', () => {
  it('sends X-Auth-Token', async () => {
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logLevel: 'off',
      env: {},
    });
    await c.listScanTasks();
    expect(server.requests[0]!.headers['x-auth-token']).toBe(TOKEN);
    expect(server.requests[0]!.headers['x-project-id']).toBeUndefined();
    await c.close();
  });

  function rotatingProvider() {
    let n = 1;
    const codes: (string | undefined)[] = [];
    const provider: AuthProvider = {
      kind: 'iam-password',
      async apply(req) {
        req.headers['x-auth-token'] = `MIItoken-${n}`;
      },
      onUnauthorized(code) {
        codes.push(code);
        if (code?.toUpperCase() !== 'APIGW.0307') return false;
        n++;
        return true;
      },
    };
    return { provider, codes };
  }

  it('a 401 APIGW.0307 refreshes and replays once with the new token', async () => {
    const { provider, codes } = rotatingProvider();
    server.handle((r, res) =>
      r.headers['x-auth-token'] === 'MIItoken-1'
        ? json(res, 401, { error_code: 'APIGW.0307', error_msg: 'The token must be updated.' })
        : json(res, 200, list),
    );
    const c = new DscClient({ endpoint: server.url, projectId: PROJECT, auth: provider, logLevel: 'off', env: {} });
    await expect(c.listScanTasks()).resolves.toEqual(list);
    expect(server.requests.map((r) => r.headers['x-auth-token'])).toEqual(['MIItoken-1', 'MIItoken-2']);
    expect(codes).toEqual(['APIGW.0307']);
    await c.close();
  });

  it('replays only once, even for a non-idempotent create', async () => {
    const { provider } = rotatingProvider();
    server.handle((_r, res) => json(res, 401, { error_code: 'APIGW.0307', error_msg: 'The token must be updated.' }));
    const c = new DscClient({ endpoint: server.url, projectId: PROJECT, auth: provider, logLevel: 'off', env: {} });
    const err = await c
      .createScanTask({ task_name: 'x', data_sources: [{ db_type: 'MySQL', ins_id: 'i' }], schedule_type: 'ONCE' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(2);
    await c.close();
  });

  it('a 401 the provider does not refresh is not replayed', async () => {
    const { provider } = rotatingProvider();
    server.handle((_r, res) =>
      json(res, 401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }),
    );
    const c = new DscClient({ endpoint: server.url, projectId: PROJECT, auth: provider, logLevel: 'off', env: {} });
    await expect(c.listScanTasks()).rejects.toMatchObject({ name: 'AuthenticationError', errorCode: 'APIGW.0301' });
    expect(server.requests).toHaveLength(1);
    await c.close();
  });

  it('projectId comes from the credential when not configured, and is required', async () => {
    const c = new DscClient({ endpoint: server.url, auth: tokenProvider(TOKEN, PROJECT), logLevel: 'off', env: {} });
    await c.listScanTasks();
    expect(server.requests[0]!.url).toBe(`/v1/${PROJECT}/metadata/task-templates`);
    await c.close();
    // A provider that may know the project but does not: the first call says so, and nothing is sent.
    const unknown = { ...tokenProvider(), resolveProjectId: async () => undefined };
    const none = new DscClient({ endpoint: server.url, auth: unknown, logLevel: 'off', env: {} });
    await expect(none.listScanTasks()).rejects.toMatchObject({ name: 'ConfigurationError', field: 'projectId' });
    expect(server.requests).toHaveLength(1);
    await none.close();
  });

  it('a credential that can never know the project is refused at construction, naming projectId', () => {
    const base = { endpoint: server.url, logLevel: 'off' as const, env: {} };
    for (const auth of [tokenProvider(), { token: TOKEN }, { ak: 'AK0123', sk: 'secret-sk-value' }]) {
      expect(() => new DscClient({ ...base, auth })).toThrow(
        expect.objectContaining({
          name: 'ConfigurationError',
          field: 'projectId',
          message: expect.stringMatching(/projectId is required/),
        }),
      );
      expect(() => new DataArtsCatalogClient({ ...base, auth, workspace: WORKSPACE })).toThrow(
        expect.objectContaining({ name: 'ConfigurationError', field: 'projectId' }),
      );
    }
    // Each of these can supply it: an explicit projectId, the AK/SK's own, the environment's, a provider that resolves it.
    expect(() => new DscClient({ ...base, auth: { token: TOKEN }, projectId: PROJECT })).not.toThrow();
    expect(
      () => new DscClient({ ...base, auth: { ak: 'AK0123', sk: 'secret-sk-value', projectId: PROJECT } }),
    ).not.toThrow();
    expect(
      () =>
        new DscClient({
          ...base,
          auth: undefined,
          env: { HUAWEICLOUD_SDK_AK: 'AK0123', HUAWEICLOUD_SDK_SK: 'secret', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
        }),
    ).not.toThrow();
    expect(
      () =>
        new DscClient({
          ...base,
          auth: undefined,
          env: { HUAWEICLOUD_SDK_AK: 'AK0123', HUAWEICLOUD_SDK_SK: 'secret' },
        }),
    ).toThrow(expect.objectContaining({ field: 'projectId' }));
    expect(() => new DscClient({ ...base, auth: tokenProvider(TOKEN, PROJECT) })).not.toThrow();
    expect(
      () =>
        new DscClient({
          ...base,
          auth: iamPasswordAuth({ domainName: 'acme', userName: 'bot', password: 'pw', projectName: 'cn-north-4' }),
        }),
    ).not.toThrow();
  });
});

describe('configuration', () => {
  it('builds the host from the region template for every region the service is published in', () => {
    const opts = { auth: tokenProvider(), env: {}, projectId: PROJECT };
    expect(new DscClient({ ...opts, region: 'cn-north-4' }).endpoint).toBe('https://sdg.cn-north-4.myhuaweicloud.com');
    expect(new DscClient({ ...opts, region: 'la-north-2' }).endpoint).toBe('https://sdg.la-north-2.myhuaweicloud.com');
    expect(new DataArtsCatalogClient({ ...opts, region: 'my-kualalumpur-1', workspace: WORKSPACE }).endpoint).toBe(
      'https://dayu.my-kualalumpur-1.myhuaweicloud.com',
    );
    expect(new DataArtsCatalogClient({ ...opts, region: 'eu-west-101', workspace: WORKSPACE }).endpoint).toBe(
      'https://dayu.eu-west-101.myhuaweicloud.com',
    );
    expect(new DscClient({ ...opts, region: 'cn-north-4', endpoint: 'http://127.0.0.1:1/' }).endpoint).toBe(
      'http://127.0.0.1:1',
    );
  });

  it.each([
    [{ region: 'CN North 4' }, 'region'],
    [{}, 'region'],
    [{ endpoint: 'ftp://x' }, 'endpoint'],
    [{ region: 'cn-north-4', timeoutMs: -1 }, 'timeoutMs'],
    [{ region: 'cn-north-4', maxRetries: 1.5 }, 'maxRetries'],
    [{ region: 'cn-north-4', projectId: '../etc' }, 'projectId'],
    [{ region: 'cn-north-4', logLevel: 'verbose' }, 'logLevel'],
    [{ region: 'cn-north-4', fetch: 'nope' }, 'fetch'],
    [{ region: 'cn-north-4', dispatcher: {} }, 'dispatcher'],
    [{ region: 'cn-north-4', logger: {} }, 'logger'],
    [{ region: 'cn-north-4', userAgent: 'tool/1 ✓' }, 'userAgent'],
    [{ region: 'cn-north-4', userAgent: 'x'.repeat(257) }, 'userAgent'],
    [{ region: 'cn-north-4', strictResponses: 'yes' }, 'strictResponses'],
    [{ region: 'cn-north-4', timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ region: 'cn-north-4', maxRetries: 11 }, 'maxRetries'],
    [{ endpoint: 'https://x.example/?a=1' }, 'endpoint'],
  ])('%j → ConfigurationError naming %s', (bad, field) => {
    let err: unknown;
    try {
      new DscClient({ auth: tokenProvider(), env: {}, ...(bad as object) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err).toMatchObject({ field });
    expect((err as Error).message).toContain(field);
  });

  it('every bad option is listed with what was expected; the first one is the field', () => {
    let err: unknown;
    try {
      new DscClient({
        auth: tokenProvider(),
        env: {},
        region: 'cn-north-4',
        maxRetries: -1,
        logLevel: 'loud',
      } as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err).toMatchObject({ field: 'maxRetries' });
    expect((err as Error).message).toBe(
      'Invalid DSC client options: maxRetries: expected an integer from 0 to 10; ' +
        'logLevel: expected one of debug, info, warn, error, off',
    );
    expect(() => new DscClient('cn-north-4' as never)).toThrow(/expected an object/);
  });

  it.each([
    [{ headers: { 'x-a': 1 } }, /header x-a/],
    [{ headers: ['x'] }, /headers: expected an object/],
    [{ signal: {} }, /signal: expected an AbortSignal/],
    [{ maxRetries: 2.5 }, /maxRetries: expected an integer from 0 to 10/],
  ])('bad per-call option %j → ConfigurationError %s', async (bad, message) => {
    const c = new DscClient({ endpoint: server.url, projectId: PROJECT, auth: tokenProvider(), env: {} });
    await expect(c.listScanTasks(undefined, bad as never)).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
    await c.close();
  });

  it('bad per-call options are rejected before I/O', async () => {
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logLevel: 'off',
      env: {},
    });
    await expect(c.listScanTasks(undefined, { timeoutMs: 0 })).rejects.toBeInstanceOf(ConfigurationError);
    expect(server.requests).toHaveLength(0);
    await c.close();
  });

  it('userAgent suffix and per-call headers are sent', async () => {
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      userAgent: 'my-app/1.2',
      logLevel: 'off',
      env: {},
    });
    await c.listScanTasks(undefined, { headers: { 'X-Trace': 't1' } });
    expect(server.requests[0]!.headers['user-agent']).toMatch(/ my-app\/1\.2$/);
    expect(server.requests[0]!.headers['x-trace']).toBe('t1');
    await c.close();
  });
});

describe('logging', () => {
  it('one debug line per attempt with method, host and path, status, duration, attempt and request id', async () => {
    const { lines, logger } = collectingLogger();
    server.handle((_r, res, i) =>
      i === 0 ? json(res, 503, { error_code: 'X', error_msg: 'busy' }, { 'retry-after': '0' }) : json(res, 200, list),
    );
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger,
      logLevel: 'debug',
      env: {},
    });
    await c.listScanTasks();
    const attempts = lines.filter((l) => / in \d+ ms \(attempt /.test(l));
    expect(lines.some((l) => l.includes('retrying in 0 ms (retry 1/2)'))).toBe(true);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatch(
      new RegExp(
        `^\\[metacollect\\] GET ${server.url}/v1/${PROJECT}/metadata/task-templates → 503 in \\d+ ms \\(attempt 1, request id a{31}3\\)$`,
      ),
    );
    expect(attempts[1]).toMatch(/→ 200 in \d+ ms \(attempt 2, request id a{31}0\)$/);
    await c.close();
  });

  it('METACOLLECT_LOG sets the level; default warn hides debug; off hides warnings', async () => {
    const a = collectingLogger();
    const c1 = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger: a.logger,
      env: { METACOLLECT_LOG: 'debug' },
    });
    await c1.listScanTasks();
    expect(a.lines.length).toBeGreaterThan(0);
    const b = collectingLogger();
    const c2 = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger: b.logger,
      env: {},
    });
    await c2.listScanTasks();
    expect(b.lines).toEqual([]);
    await c1.close();
    await c2.close();
  });

  it('a documented response field of the wrong type → warning, or ResponseValidationError when strict', async () => {
    server.handle((_r, res) => json(res, 200, { total_num: 'many', result: [] }));
    const w = collectingLogger();
    const lax = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger: w.logger,
      env: {},
    });
    await expect(lax.listScanTasks()).resolves.toEqual({ total_num: 'many', result: [] });
    expect(w.lines.some((l) => l.includes('total_num'))).toBe(true);
    const strict = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      strictResponses: true,
      logLevel: 'off',
      env: {},
    });
    const err = await strict.listScanTasks().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).issues.map((i) => i.path)).toEqual(['total_num']);
    await lax.close();
    await strict.close();
  });
});

describe('redaction', () => {
  it('util.inspect and JSON.stringify of clients show no secret', () => {
    const dsc = new DscClient({ region: 'cn-north-4', projectId: PROJECT, auth: { ak: AK, sk: SK }, env: {} });
    const tok = new DataArtsCatalogClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      workspace: WORKSPACE,
      auth: tokenProvider(),
      env: {},
    });
    for (const out of [inspect(dsc, { depth: 10, showHidden: true }), JSON.stringify(dsc)]) {
      expect(out).not.toContain(SK);
      expect(out).toContain('huawei-aksk');
      expect(out).toContain('sdg.cn-north-4');
    }
    for (const out of [inspect(tok, { depth: 10, showHidden: true }), JSON.stringify(tok)]) {
      expect(out).not.toContain(TOKEN);
      expect(out).toContain(WORKSPACE);
    }
  });

  it('log lines and errors carry neither token nor SK', async () => {
    const { lines, logger } = collectingLogger();
    server.handle((_r, res) =>
      json(res, 401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }),
    );
    const a = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger,
      logLevel: 'debug',
      env: {},
    });
    const b = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: { ak: AK, sk: SK },
      logger,
      logLevel: 'debug',
      env: {},
    });
    const errors = [await a.listScanTasks().catch((e: unknown) => e), await b.listScanTasks().catch((e: unknown) => e)];
    for (const e of errors) {
      expect(e).toBeInstanceOf(AuthenticationError);
      for (const out of [JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), String(e)]) {
        expect(out).not.toContain(TOKEN);
        expect(out).not.toContain(SK);
      }
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l).not.toContain(TOKEN);
      expect(l).not.toContain(SK);
    }
    await a.close();
    await b.close();
  });
});
