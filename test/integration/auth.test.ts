/**
 * Contract tests: the Huawei auth modes of the clients against the mock's gateway and IAM, over loopback HTTP:
 * static token, token function, AK/SK (the mock verifies the signature, `workspace` included), temporary AK/SK with
 * a security token, and `iamPasswordAuth` (one IAM call for many requests, refresh after expiry on the mock clock,
 * wrong password without leaking it).
 */
import { inspect } from 'node:util';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, iamPasswordAuth, isAuthenticationError } from '../../src/index.js';
import { type Harness, operations, rejection, startHarness, template } from './harness.js';

let h: Harness;
const agents: Agent[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => h.reset());
afterAll(async () => {
  h.assertNoSecrets();
  await h.close();
  await Promise.all(agents.map((a) => a.close()));
  expect(h.mock.errors).toEqual([]);
});

const DAY_MS = 24 * 60 * 60 * 1000;
const catalogInput = {
  name: 'auth',
  dir_id: '0',
  data_source_type: 'DLI',
  schedule_config: { schedule_type: 'RUN_ONCE' as const },
  task_config: { data_connection_id: 'c' },
};

/**
 * An undici dispatcher that records the headers of every request the client sends (after signing), and may
 * rewrite them just before they leave (to prove the mock checks what was signed).
 */
function recordingDispatcher(rewrite?: (headers: Record<string, string>) => void) {
  const sent: Array<Record<string, string>> = [];
  const agent = new Agent();
  agents.push(agent);
  const dispatcher = agent.compose((dispatch) => (opts: Dispatcher.DispatchOptions, handler) => {
    const headers = { ...(opts.headers as Record<string, string>) };
    rewrite?.(headers);
    sent.push(headers);
    return dispatch({ ...opts, headers }, handler);
  });
  return { dispatcher, sent };
}

const signedHeaders = (authorization: string | undefined) =>
  /SignedHeaders=([^,]+)/.exec(authorization ?? '')?.[1]?.split(';') ?? [];

describe('static token and token function', () => {
  it('a static token is sent as X-Auth-Token (redacted in the journal)', async () => {
    const dsc = h.dsc({ auth: { token: h.mock.defaults.token } });
    await dsc.createScanTask(template('static'));
    expect((await dsc.listScanTasks()).total_num).toBe(1);
    const [entry] = h.requests();
    expect(entry?.status).toBe(200);
    expect(entry?.requestHeaders['x-auth-token']).toBe('***');
    expect(entry?.requestHeaders['authorization']).toBeUndefined();
  });

  it('a token function is called per request; after an expiry (mock clock) the request is replayed once', async () => {
    const short = h.mock.issueToken({ ttlMs: 60_000 });
    const fresh = h.mock.issueToken();
    h.addSecret(short);
    h.addSecret(fresh);
    // The function hands out the short-lived token three times, then a fresh one (as a real token cache would
    // after noticing the expiry).
    const handedOut: string[] = [];
    const dsc = h.dsc({
      auth: {
        token: async () => {
          const t = handedOut.length < 3 ? short : fresh;
          handedOut.push(t);
          return t;
        },
      },
    });
    await dsc.listScanTasks();
    await dsc.listScanTasks();
    expect(handedOut).toHaveLength(2);

    // The token expires on the mock clock: 401 APIGW.0307, the function is asked again, the request replayed.
    h.mock.clock.advance(120_000);
    await expect(dsc.listScanTasks()).resolves.toMatchObject({ total_num: 0 });
    expect(handedOut).toEqual([short, short, short, fresh]);
    const statuses = h.requests().map((e) => [e.operation, e.status]);
    expect(statuses).toEqual([
      ['ListTaskTemplates', 200],
      ['ListTaskTemplates', 200],
      ['ListTaskTemplates', 401],
      ['ListTaskTemplates', 200],
    ]);
    expect(h.requests()[2]?.responseBody).toMatchObject({ error_code: 'APIGW.0307' });
  });

  it('an expired static token is an AuthenticationError APIGW.0307 (no replay with the same string)', async () => {
    const token = h.mock.issueToken({ ttlMs: 1_000 });
    h.addSecret(token);
    const dsc = h.dsc({ auth: { token } });
    h.mock.clock.advance(2_000);
    const err = await rejection(dsc.listScanTasks());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, errorCode: 'APIGW.0307' });
    expect(h.requests()).toHaveLength(1);
  });

  it('a token of another project → 403 APIGW.0306', async () => {
    const other = h.mock.addProject();
    const token = h.mock.issueToken({ projectId: other.id });
    h.addSecret(token);
    const dsc = h.dsc({ auth: { token } });
    await expect(dsc.listScanTasks()).rejects.toMatchObject({ name: 'PermissionDeniedError', errorCode: 'APIGW.0306' });
  });
});

describe('AK/SK (SDK-HMAC-SHA256)', () => {
  it('DSC with AK/SK: the mock verifies the signature; x-project-id, host and x-sdk-date are signed', async () => {
    const { dispatcher, sent } = recordingDispatcher();
    const d = h.mock.defaults;
    const dsc = h.dsc({ auth: { ak: d.ak, sk: d.sk }, dispatcher });
    await dsc.createScanTask(template('aksk'));
    expect((await dsc.listScanTasks({ task_name: 'ak sk', schedule_types: ['ONCE', 'DAY'] })).total_num).toBe(0);
    expect(h.requests().map((e) => e.status)).toEqual([200, 200]);
    const [post, get] = sent;
    expect(post?.['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=[A-Z0-9]+, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/,
    );
    expect(signedHeaders(post?.['authorization'])).toEqual(['content-type', 'host', 'x-project-id', 'x-sdk-date']);
    expect(signedHeaders(get?.['authorization'])).toEqual(['host', 'x-project-id', 'x-sdk-date']);
    expect(post?.['x-project-id']).toBe(d.projectId);
    expect(h.requests()[0]?.requestHeaders['authorization']).toBe('***');
  });

  it('DataArts with AK/SK signs the workspace header, and the mock checks it', async () => {
    const d = h.mock.defaults;
    const { dispatcher, sent } = recordingDispatcher();
    const catalog = h.dataarts({ auth: { ak: d.ak, sk: d.sk }, dispatcher });
    const { task_id } = await catalog.createCollectionTask(catalogInput);
    await catalog.getCollectionTask(task_id);
    expect(signedHeaders(sent[0]?.['authorization'])).toEqual([
      'content-type',
      'host',
      'workspace',
      'x-project-id',
      'x-sdk-date',
    ]);
    expect(signedHeaders(sent[1]?.['authorization'])).toContain('workspace');

    // The same signature with the workspace header swapped after signing is rejected (401 APIGW.0301), so the
    // request cannot be replayed against another workspace.
    const ws = h.mock.addWorkspace(d.projectId);
    const tampered = recordingDispatcher((headers) => {
      if (headers['workspace'] !== undefined) headers['workspace'] = ws;
    });
    const victim = h.dataarts({ auth: { ak: d.ak, sk: d.sk }, dispatcher: tampered.dispatcher });
    const err = await rejection(victim.searchCollectionTasks());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
  });

  it('a wrong SK → 401 APIGW.0301 whose message never quotes the key', async () => {
    const d = h.mock.defaults;
    const wrongSk = 'Wrong-Secret-Key-0123456789abcdefghijklmn';
    h.addSecret(wrongSk);
    const dsc = h.dsc({ auth: { ak: d.ak, sk: wrongSk } });
    const err = await rejection(dsc.listScanTasks());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).errorCode).toBe('APIGW.0301');
    for (const text of [String(err), inspect(err, { depth: 8 }), JSON.stringify(err)]) {
      expect(text).not.toContain(wrongSk);
      expect(text).not.toContain(d.sk);
    }
  });

  it('a temporary AK/SK works with its security token (signed as x-security-token), and fails without it', async () => {
    const key = h.mock.addAccessKey({ temporary: true });
    expect(key.securityToken).toBeDefined();
    const { dispatcher, sent } = recordingDispatcher();
    const dsc = h.dsc({ auth: { ak: key.ak, sk: key.sk, securityToken: key.securityToken! }, dispatcher });
    await dsc.createScanTask(template('sts'));
    const catalog = h.dataarts({ auth: { ak: key.ak, sk: key.sk, securityToken: key.securityToken! }, dispatcher });
    await catalog.createCollectionTask(catalogInput);
    expect(h.requests().map((e) => e.status)).toEqual([200, 200]);
    for (const headers of sent) {
      expect(headers['x-security-token']).toBe(key.securityToken);
      expect(signedHeaders(headers['authorization'])).toContain('x-security-token');
    }
    expect(h.requests()[0]?.requestHeaders['x-security-token']).toBe('***');

    const without = h.dsc({ auth: { ak: key.ak, sk: key.sk } });
    const err = await rejection(without.listScanTasks());
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
    for (const text of [String(err), inspect(err, { depth: 8 }), JSON.stringify(err)]) {
      expect(text).not.toContain(key.sk);
      expect(text).not.toContain(key.securityToken!);
    }
  });
});

describe('iamPasswordAuth against the mock IAM', () => {
  const passwordAuth = (password = h.mock.defaults.password) =>
    iamPasswordAuth({
      endpoint: h.url,
      domainName: h.mock.defaults.domainName,
      userName: h.mock.defaults.userName,
      password,
      projectName: h.mock.defaults.projectName,
    });

  it('one IAM call serves many requests (concurrent ones included); the project id comes from the token scope', async () => {
    const d = h.mock.defaults;
    const auth = passwordAuth();
    const { projectId: _omit, ...common } = h.common();
    const dsc = h.dsc({ ...common, projectId: undefined, auth });
    const catalog = h.dataarts({ auth });
    await Promise.all([dsc.listScanTasks(), dsc.listScanTasks(), catalog.searchCollectionTasks()]);
    await dsc.createScanTask(template('via-iam'));
    for (let i = 0; i < 5; i++) await dsc.listScanTasks();
    expect(await dsc.getProjectId()).toBe(d.projectId);
    const iamCalls = h.requests().filter((e) => e.service === 'iam');
    expect(iamCalls).toHaveLength(1);
    expect(iamCalls[0]).toMatchObject({ operation: 'KeystoneCreateUserTokenByPassword', status: 201 });
    // The password never reached the journal; the issued token only as a redacted response header.
    expect(iamCalls[0]?.requestBody).toMatchObject({
      auth: { identity: { password: { user: { name: d.userName, password: '***' } } } },
    });
    expect(iamCalls[0]?.responseHeaders['x-subject-token']).toBe('***');
    expect(
      h
        .requests()
        .filter((e) => e.service !== 'iam')
        .every((e) => e.status === 200),
    ).toBe(true);
  });

  it('refreshes after the token expired on the mock clock (401 APIGW.0307 → one IAM call → replay)', async () => {
    const dsc = h.dsc({ auth: passwordAuth() });
    await dsc.listScanTasks();
    await dsc.listScanTasks();
    h.mock.clock.advance(DAY_MS + 60_000);
    await dsc.createScanTask(template('after-expiry'));
    await dsc.listScanTasks();
    expect(operations(h.requests()).map((o, i) => `${o} ${h.requests()[i]?.status}`)).toEqual([
      'KeystoneCreateUserTokenByPassword 201',
      'ListTaskTemplates 200',
      'ListTaskTemplates 200',
      'CreateTaskTemplates 401',
      'KeystoneCreateUserTokenByPassword 201',
      'CreateTaskTemplates 200',
      'ListTaskTemplates 200',
    ]);
    expect(h.requests()[3]?.responseBody).toMatchObject({ error_code: 'APIGW.0307' });
    // The replayed create was applied once.
    expect((await dsc.listScanTasks()).total_num).toBe(1);
  });

  it('a wrong password → AuthenticationError; the password is in no message, inspect or JSON', async () => {
    const wrong = 'Not-The-Passw0rd!-7f3e';
    h.addSecret(wrong);
    const auth = passwordAuth(wrong);
    const dsc = h.dsc({ auth });
    const err = await rejection(dsc.listScanTasks());
    expect(isAuthenticationError(err)).toBe(true);
    expect(err).toMatchObject({ status: 401, errorMessage: 'The username or password is wrong.' });
    for (const text of [
      String(err),
      (err as Error).stack ?? '',
      inspect(err, { depth: 10 }),
      JSON.stringify(err),
      inspect(dsc, { depth: 10 }),
      JSON.stringify(dsc),
      inspect(auth, { depth: 10 }),
      JSON.stringify(auth),
    ]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(h.mock.defaults.password);
    }
    // Only the IAM call was made: no DSC request went out without a token.
    expect(h.requests().map((e) => [e.service, e.status])).toEqual([['iam', 401]]);
  });
});

describe('iamPasswordAuth refresh window', () => {
  it('a token with less than 15 min of validity left is refreshed before use', async () => {
    // A mock whose clock is 23 h 50 min behind: its tokens expire 10 min from the client's (wall-clock) view.
    const behind = await startHarness({ now: Date.now() - DAY_MS + 10 * 60_000 });
    try {
      const d = behind.mock.defaults;
      const dsc = behind.dsc({
        auth: iamPasswordAuth({
          endpoint: behind.url,
          domainName: d.domainName,
          userName: d.userName,
          password: d.password,
          projectName: d.projectName,
        }),
      });
      await dsc.listScanTasks();
      await dsc.listScanTasks();
      expect(operations(behind.requests())).toEqual([
        'KeystoneCreateUserTokenByPassword',
        'ListTaskTemplates',
        'KeystoneCreateUserTokenByPassword',
        'ListTaskTemplates',
      ]);
      behind.assertNoSecrets();
    } finally {
      await behind.close();
    }
  });
});
