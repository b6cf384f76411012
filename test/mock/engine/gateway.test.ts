import { describe, expect, it } from 'vitest';
import { createMock, type Mock } from '../../../src/mock/index.js';
import { formatSdkDate, signHuaweiRequest } from '../../../src/signing/huawei.js';
import { buildHuaweiRequest, headerRecord, huaweiRequest, readResult } from '../../support/mock.js';
import { fakeService, skipFakeExchangesInConformance } from './fake.js';

skipFakeExchangesInConformance();

function setup() {
  const fake = fakeService('dataarts', [], '/v9');
  const mock = createMock({ seed: 11, services: [fake.factory] });
  return { mock, p: mock.defaults.projectId };
}

function expectNoSecrets(mock: Mock, text: string, ...more: string[]) {
  for (const s of [mock.defaults.sk, mock.defaults.token, mock.defaults.password, ...more])
    expect(text).not.toContain(s);
}

describe('gateway auth: token', () => {
  it('accepts the default token and sets the identity', async () => {
    const { mock, p } = setup();
    const r = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/whoami`, body: {} });
    expect(r.status).toBe(200);
    expect(r.body.identity).toEqual({
      userId: mock.defaults.userId,
      userName: mock.defaults.userName,
      domainId: mock.defaults.domainId,
      domainName: mock.defaults.domainName,
      projectId: p,
      via: 'token',
    });
  });

  it('401 APIGW.0301 without credentials or with an unknown token', async () => {
    const { mock, p } = setup();
    const none = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'none' });
    const unknown = await huaweiRequest(mock, { path: `/v9/${p}/counter`, token: 'MIIbogus' });
    const empty = await huaweiRequest(mock, { path: `/v9/${p}/counter`, token: '' });
    for (const r of [none, unknown, empty]) {
      expect(r.status).toBe(401);
      expect(r.body.error_code).toBe('APIGW.0301');
      expect(r.body.request_id).toBe(r.requestId);
    }
    expect(unknown.text).not.toContain('MIIbogus');
  });

  it('401 APIGW.0307 once the token expired on the mock clock', async () => {
    const { mock, p } = setup();
    const token = mock.issueToken({ ttlMs: 60_000 });
    expect((await huaweiRequest(mock, { path: `/v9/${p}/counter`, token })).status).toBe(200);
    mock.clock.advance(59_999);
    expect((await huaweiRequest(mock, { path: `/v9/${p}/counter`, token })).status).toBe(200);
    mock.clock.advance(1);
    const r = await huaweiRequest(mock, { path: `/v9/${p}/counter`, token });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error_code: 'APIGW.0307', error_msg: 'The token must be updated.' });
  });

  it('403 APIGW.0306 for a token of another project or an unknown path project', async () => {
    const { mock, p } = setup();
    const other = mock.addProject();
    const token = mock.issueToken({ projectId: other.id });
    const r = await huaweiRequest(mock, { path: `/v9/${p}/counter`, token });
    expect(r.status).toBe(403);
    expect(r.body.error_code).toBe('APIGW.0306');
    const unknown = await huaweiRequest(mock, { path: `/v9/${'a'.repeat(32)}/counter` });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error_code).toBe('APIGW.0306');
    expect((await huaweiRequest(mock, { path: `/v9/${other.id}/counter`, token })).status).toBe(200);
  });
});

describe('gateway auth: AK/SK', () => {
  it('accepts a request signed with src/signing/huawei.ts (GET and POST with body)', async () => {
    const { mock, p } = setup();
    const get = await huaweiRequest(mock, { path: `/v9/${p}/counter?x=1&y=a%20b`, auth: 'aksk' });
    expect(get.status).toBe(200);
    const post = await huaweiRequest(mock, {
      method: 'POST',
      path: `/v9/${p}/whoami`,
      body: { hello: 'wörld' },
      auth: 'aksk',
      projectId: p,
    });
    expect(post.status).toBe(200);
    expect(post.body.identity).toMatchObject({ via: 'aksk', projectId: p, userId: mock.defaults.userId });
    expect(post.body.body).toBe('{"hello":"wörld"}');
  });

  it('accepts UNSIGNED-PAYLOAD and tolerates whitespace in Authorization', async () => {
    const { mock, p } = setup();
    const url = new URL(`https://dayu.cn-north-4.myhuaweicloud.com/v9/${p}/whoami`);
    const headers: Record<string, string> = {
      host: url.host,
      'content-type': 'text/plain',
      'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD',
      'x-sdk-date': formatSdkDate(new Date(mock.clock.now())),
    };
    const signed = signHuaweiRequest({
      method: 'POST',
      url,
      headers,
      body: 'raw',
      ak: mock.defaults.ak,
      sk: mock.defaults.sk,
    });
    headers.authorization = signed.authorization.replace(/, /g, ' ,  ');
    const r = await readResult(await mock.handle(new Request(url, { method: 'POST', headers, body: 'raw' })));
    expect(r.status).toBe(200);
  });

  it('rejects a tampered body, path or signed header with 401 APIGW.0301', async () => {
    const { mock, p } = setup();
    const base = buildHuaweiRequest(mock, {
      method: 'POST',
      path: `/v9/${p}/whoami`,
      body: { a: 1 },
      auth: 'aksk',
      projectId: p,
    });
    const headers = headerRecord(base.headers);
    const tampered = [
      new Request(base.url, { method: 'POST', headers, body: '{"a":2}' }),
      new Request(base.url.replace('whoami', 'counter'), { method: 'POST', headers, body: '{"a":1}' }),
      new Request(base.url, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '{"a":1}' }),
      new Request(`${base.url}?extra=1`, { method: 'POST', headers, body: '{"a":1}' }),
    ];
    for (const req of tampered) {
      const r = await readResult(await mock.handle(req));
      expect(r.status).toBe(401);
      expect(r.body.error_code).toBe('APIGW.0301');
      expectNoSecrets(mock, r.text);
    }
    const original = await readResult(
      await mock.handle(new Request(base.url, { method: 'POST', headers, body: '{"a":1}' })),
    );
    expect(original.status).toBe(200);
  });

  it('rejects a wrong SK, an unknown AK and a malformed Authorization header', async () => {
    const { mock, p } = setup();
    const wrongSk = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk', sk: 'x'.repeat(40) });
    expect(wrongSk.status).toBe(401);
    expect(wrongSk.body.error_msg).toMatch(/signature/);
    const unknownAk = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk', ak: 'UNKNOWNAKUNKNOWNAK00' });
    expect(unknownAk.status).toBe(401);
    expect(unknownAk.body.error_msg).toMatch(/access key/);
    const malformed = await huaweiRequest(mock, {
      path: `/v9/${p}/counter`,
      auth: 'none',
      headers: { authorization: 'SDK-HMAC-SHA256 Access=abc' },
    });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error_msg).toMatch(/Authorization/);
    const otherAlgo = await huaweiRequest(mock, {
      path: `/v9/${p}/counter`,
      auth: 'none',
      headers: { authorization: 'AWS4-HMAC-SHA256 Access=a, SignedHeaders=x-sdk-date, Signature=00' },
    });
    expect(otherAlgo.status).toBe(401);
    for (const r of [wrongSk, unknownAk]) expectNoSecrets(mock, r.text);
  });

  it('requires x-sdk-date to be signed and every signed header present', async () => {
    const { mock, p } = setup();
    const url = new URL(`https://sdg.cn-north-4.myhuaweicloud.com/v9/${p}/counter`);
    const date = formatSdkDate(new Date(mock.clock.now()));
    // x-sdk-date present but not signed (hand-made Authorization over host only)
    const notSigned = await readResult(
      await mock.handle(
        new Request(url, {
          headers: {
            'x-sdk-date': date,
            authorization: `SDK-HMAC-SHA256 Access=${mock.defaults.ak}, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
          },
        }),
      ),
    );
    expect(notSigned.status).toBe(401);
    expect(notSigned.body.error_msg).toMatch(/x-sdk-date/);
    // a header listed in SignedHeaders but absent from the request
    const signed = signHuaweiRequest({
      method: 'GET',
      url,
      headers: { 'x-sdk-date': date, 'x-project-id': p },
      ak: mock.defaults.ak,
      sk: mock.defaults.sk,
    });
    const missing = await readResult(
      await mock.handle(new Request(url, { headers: { 'x-sdk-date': date, authorization: signed.authorization } })),
    );
    expect(missing.status).toBe(401);
    expect(missing.body.error_msg).toMatch(/x-project-id/);
  });

  it('enforces ±15 minutes between X-Sdk-Date and the mock clock', async () => {
    const { mock, p } = setup();
    const now = mock.clock.now();
    const ok = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk', date: new Date(now - 14 * 60_000) });
    expect(ok.status).toBe(200);
    const late = await huaweiRequest(mock, {
      path: `/v9/${p}/counter`,
      auth: 'aksk',
      date: new Date(now + 16 * 60_000),
    });
    const early = await huaweiRequest(mock, {
      path: `/v9/${p}/counter`,
      auth: 'aksk',
      date: new Date(now - 16 * 60_000),
    });
    for (const r of [late, early]) {
      expect(r.status).toBe(401);
      expect(r.body.error_code).toBe('APIGW.0301');
      expect(r.body.error_msg).toMatch(/15 minutes/);
    }
    // the mock clock, not wall time, is the reference
    const signedNow = buildHuaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk' });
    mock.clock.advance(20 * 60_000);
    expect((await mock.handle(signedNow)).status).toBe(401);
  });

  it('checks X-Project-Id against the path and the key owner', async () => {
    const { mock, p } = setup();
    const other = mock.addProject();
    const mismatch = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk', projectId: other.id });
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error_code).toBe('APIGW.0306');
    const unknown = await huaweiRequest(mock, { path: `/v9/${'b'.repeat(32)}/counter`, auth: 'aksk' });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error_code).toBe('APIGW.0306');
    const noHeader = await huaweiRequest(mock, {
      method: 'POST',
      path: `/v9/${other.id}/whoami`,
      auth: 'aksk',
      body: '',
    });
    expect(noHeader.status).toBe(200);
    expect(noHeader.body.identity.projectId).toBe(other.id);
  });

  it('temporary keys need their X-Security-Token', async () => {
    const { mock, p } = setup();
    const key = mock.addAccessKey({ temporary: true });
    expect(key.securityToken).toBeTruthy();
    const without = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk', ak: key.ak, sk: key.sk });
    expect(without.status).toBe(401);
    expect(without.body.error_msg).toMatch(/X-Security-Token/);
    const wrong = await huaweiRequest(mock, {
      path: `/v9/${p}/counter`,
      auth: 'aksk',
      ak: key.ak,
      sk: key.sk,
      securityToken: 'not-the-token',
    });
    expect(wrong.status).toBe(401);
    const right = await huaweiRequest(mock, { path: `/v9/${p}/counter`, auth: 'aksk', ...key });
    expect(right.status).toBe(200);
    for (const r of [without, wrong]) expectNoSecrets(mock, r.text, key.sk, key.securityToken!);
  });

  it('with a token present, ignores a bad Authorization header', async () => {
    const { mock, p } = setup();
    const r = await huaweiRequest(mock, {
      path: `/v9/${p}/counter`,
      headers: { authorization: 'SDK-HMAC-SHA256 garbage' },
    });
    expect(r.status).toBe(200);
  });
});
