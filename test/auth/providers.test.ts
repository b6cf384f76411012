import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  acs3Auth,
  huaweiAkskAuth,
  iamPasswordAuth,
  resolveAlibabaAuth,
  resolveHuaweiAuth,
  staticTokenAuth,
} from '../../src/core/auth/index.js';
import type { AuthContext, AuthProvider, OutgoingRequest } from '../../src/core/auth/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { parseAcs3Authorization, verifyAcs3Signature } from '../../src/signing/acs3.js';
import { parseHuaweiAuthorization, parseSdkDate, verifyHuaweiSignature } from '../../src/signing/huawei.js';

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const STS = 'sts-token-VERY-SECRET-0001';
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function ctx(now = NOW): AuthContext {
  return {
    send: async () => {
      throw new Error('no network in this test');
    },
    region: 'cn-north-4',
    now: () => now,
  };
}

/** Every way a provider could leak into logs. */
function views(provider: unknown): string[] {
  return [
    inspect(provider, { depth: 10, showHidden: true }),
    inspect({ nested: { provider } }, { depth: 10 }),
    JSON.stringify(provider),
    JSON.stringify({ provider }),
    String(provider),
    JSON.stringify({ ...(provider as object) }),
    Object.keys(provider as object).join(','),
  ];
}

function expectNoSecrets(provider: unknown, secrets: string[]) {
  for (const v of views(provider)) for (const s of secrets) expect(v).not.toContain(s);
}

describe('staticTokenAuth', () => {
  it('sets X-Auth-Token from a string, and from a function on every apply', async () => {
    const r: OutgoingRequest = { method: 'GET', url: new URL('https://h/x'), headers: {} };
    await staticTokenAuth('MIItoken-abc').apply(r, ctx());
    expect(r.headers['x-auth-token']).toBe('MIItoken-abc');
    let n = 0;
    const fn = staticTokenAuth(async () => `MIIfn-${++n}`);
    await fn.apply(r, ctx());
    await fn.apply(r, ctx());
    expect(r.headers['x-auth-token']).toBe('MIIfn-2');
  });

  it('replays after APIGW.0307 only with a function source', () => {
    expect(staticTokenAuth('MIItoken-abc').onUnauthorized('APIGW.0307')).toBe(false);
    expect(staticTokenAuth(async () => 'x').onUnauthorized('APIGW.0307')).toBe(true);
    expect(staticTokenAuth(async () => 'x').onUnauthorized('APIGW.0301')).toBe(false);
  });

  it('rejects empty tokens and never reveals the token', async () => {
    expect(() => staticTokenAuth('  ')).toThrow(ConfigurationError);
    const r: OutgoingRequest = { method: 'GET', url: new URL('https://h/x'), headers: {} };
    await expect(staticTokenAuth(async () => '').apply(r, ctx())).rejects.toThrow(ConfigurationError);
    const p = staticTokenAuth('MIItoken-SECRET-abcdef');
    expectNoSecrets(p, ['MIItoken-SECRET-abcdef']);
    expect(JSON.parse(JSON.stringify(p))).toEqual({ kind: 'token', source: 'static' });
  });
});

describe('huaweiAkskAuth', () => {
  it('signs host, content-type, x-sdk-date, x-project-id, x-security-token and workspace over the exact body', async () => {
    const provider = huaweiAkskAuth({ ak: AK, sk: SK, securityToken: STS });
    const body = '{"limit":10,"offset":0}';
    const req: OutgoingRequest = {
      method: 'POST',
      url: new URL(
        'https://dayu.cn-north-4.myhuaweicloud.com/v3/0123456789abcdef0123456789abcdef/metadata/tasks/search',
      ),
      headers: {
        accept: 'application/json',
        'user-agent': 'metacollect/0.1.0',
        'content-type': 'application/json',
        'x-project-id': '0123456789abcdef0123456789abcdef',
        workspace: '00000000000000000000000000000001',
      },
      body,
    };
    await provider.apply(req, ctx());
    expect(req.headers['x-sdk-date']).toBe('20260101T120000Z');
    expect(parseSdkDate(req.headers['x-sdk-date']!)).toBe(NOW);
    expect(req.headers['x-security-token']).toBe(STS);
    const parsed = parseHuaweiAuthorization(req.headers.authorization!)!;
    expect(parsed.access).toBe(AK);
    expect(parsed.signedHeaders).toEqual([
      'content-type',
      'host',
      'workspace',
      'x-project-id',
      'x-sdk-date',
      'x-security-token',
    ]);
    const verify = (over: Partial<Parameters<typeof verifyHuaweiSignature>[0]> = {}) =>
      verifyHuaweiSignature({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
        authorization: parsed,
        sk: SK,
        ...over,
      });
    expect(verify()).toBe(true);
    expect(verify({ body: '{"limit":10,"offset":1}' })).toBe(false);
    expect(verify({ headers: { ...req.headers, workspace: '2' } })).toBe(false);
    // user-agent and accept are not signed: a proxy may change them.
    expect(verify({ headers: { ...req.headers, 'user-agent': 'other' } })).toBe(true);
  });

  it('signs a fresh date per apply and omits content-type without a body', async () => {
    const provider = huaweiAkskAuth({ ak: AK, sk: SK, projectId: 'p'.repeat(32) });
    const req: OutgoingRequest = {
      method: 'GET',
      url: new URL('https://sdg.cn-north-4.myhuaweicloud.com/v1/x/scan-templates?limit=10'),
      headers: { 'content-type': 'application/json' },
    };
    await provider.apply(req, ctx(NOW + 61_000));
    expect(req.headers['x-sdk-date']).toBe('20260101T120101Z');
    expect(req.headers['x-project-id']).toBe('p'.repeat(32));
    expect(req.headers['x-security-token']).toBeUndefined();
    expect(parseHuaweiAuthorization(req.headers.authorization!)?.signedHeaders).toEqual([
      'host',
      'x-project-id',
      'x-sdk-date',
    ]);
    expect(await provider.resolveProjectId(ctx())).toBe('p'.repeat(32));
  });

  it('keeps the x-project-id the core set', async () => {
    const provider = huaweiAkskAuth({ ak: AK, sk: SK, projectId: 'a'.repeat(32) });
    const req: OutgoingRequest = { method: 'GET', url: new URL('https://h/v1/x'), headers: { 'x-project-id': 'b' } };
    await provider.apply(req, ctx());
    expect(req.headers['x-project-id']).toBe('b');
  });

  it('never reveals SK or security token; shows a masked AK', () => {
    const p = huaweiAkskAuth({ ak: AK, sk: SK, securityToken: STS });
    expectNoSecrets(p, [SK, STS, AK]);
    expect(JSON.parse(JSON.stringify(p))).toEqual({ kind: 'huawei-aksk', ak: 'QTWA…KYUC', temporary: true });
    expect(String(p)).toContain('QTWA…KYUC');
    expect(inspect(p)).toContain('QTWA…KYUC');
  });

  it('rejects missing keys with messages that name the field only', () => {
    expect(() => huaweiAkskAuth({ ak: AK, sk: '' })).toThrow(/auth\.sk/);
    expect(() => huaweiAkskAuth({ ak: '', sk: SK })).toThrow(/auth\.ak/);
    try {
      huaweiAkskAuth({ ak: '', sk: SK });
    } catch (e) {
      expect(inspect(e)).not.toContain(SK);
    }
  });
});

describe('acs3Auth', () => {
  it('adds ACS3 headers that verify, with the date from ctx.now()', async () => {
    const provider = acs3Auth({
      accessKeyId: 'LTAI5tExampleKeyId',
      accessKeySecret: 'secret-XYZ-123',
      securityToken: STS,
    });
    const body = 'Id=50001';
    const req: OutgoingRequest = {
      method: 'POST',
      url: new URL('https://dataworks.cn-shanghai.aliyuncs.com/'),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-acs-action': 'DeleteCrawler',
        'x-acs-version': '2024-05-18',
        'user-agent': 'metacollect',
      },
      body,
    };
    await provider.apply(req, ctx());
    expect(req.headers['x-acs-date']).toBe('2026-01-01T12:00:00Z');
    expect(req.headers['x-acs-security-token']).toBe(STS);
    const parsed = parseAcs3Authorization(req.headers.authorization!)!;
    expect(parsed.credential).toBe('LTAI5tExampleKeyId');
    expect(parsed.signedHeaders).toContain('x-acs-security-token');
    const headers = { ...req.headers, host: 'dataworks.cn-shanghai.aliyuncs.com' };
    const base = { method: 'POST', url: req.url, authorization: parsed };
    expect(verifyAcs3Signature({ ...base, headers, accessKeySecret: 'secret-XYZ-123' })).toBe(true);
    expect(verifyAcs3Signature({ ...base, headers, accessKeySecret: 'other' })).toBe(false);
    const first = req.headers['x-acs-signature-nonce'];
    await provider.apply(req, ctx());
    expect(req.headers['x-acs-signature-nonce']).not.toBe(first);
  });

  it('never reveals the secret or STS token', () => {
    const p = acs3Auth({ accessKeyId: 'LTAI5tExampleKeyId', accessKeySecret: 'secret-XYZ-123', securityToken: STS });
    expectNoSecrets(p, ['secret-XYZ-123', STS, 'LTAI5tExampleKeyId']);
    expect(JSON.parse(JSON.stringify(p))).toEqual({ kind: 'acs3', accessKeyId: 'LTAI…eyId', temporary: true });
  });
});

describe('resolveHuaweiAuth', () => {
  const envAll = {
    HUAWEICLOUD_SDK_AK: AK,
    HUAWEICLOUD_SDK_SK: SK,
    HUAWEICLOUD_SDK_SECURITY_TOKEN: STS,
    HUAWEICLOUD_SDK_PROJECT_ID: 'e'.repeat(32),
  };

  it('maps each explicit shape to its provider, ignoring the environment', async () => {
    expect(resolveHuaweiAuth({ token: 'MIIx' }, envAll).kind).toBe('token');
    const aksk = resolveHuaweiAuth({ ak: 'AKAKAKAKAKAKAKAK', sk: 'sk' }, envAll);
    expect(aksk.kind).toBe('huawei-aksk');
    expect(await aksk.resolveProjectId?.(ctx())).toBeUndefined();
    expect(resolveHuaweiAuth({ domainName: 'd', userName: 'u', password: 'p' }, envAll).kind).toBe('iam-password');
    const custom: AuthProvider = { kind: 'token', apply: async () => undefined };
    expect(resolveHuaweiAuth(custom, envAll)).toBe(custom);
  });

  it('falls back to HUAWEICLOUD_SDK_* when auth is undefined', async () => {
    const p = resolveHuaweiAuth(undefined, envAll);
    expect(p.kind).toBe('huawei-aksk');
    expect(await p.resolveProjectId?.(ctx())).toBe('e'.repeat(32));
    const req: OutgoingRequest = { method: 'GET', url: new URL('https://h/v1/x'), headers: {} };
    await p.apply(req, ctx());
    expect(req.headers['x-security-token']).toBe(STS);
    expect(parseHuaweiAuthorization(req.headers.authorization!)?.access).toBe(AK);
    expectNoSecrets(p, [SK, STS]);
    expect(JSON.parse(JSON.stringify(p))).toMatchObject({ kind: 'huawei-aksk', ak: 'QTWA…KYUC', source: 'env' });
  });

  it('fails clearly without credentials, naming variables and never values', () => {
    expect(() => resolveHuaweiAuth(undefined, {})).toThrow(/HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/);
    expect(() => resolveHuaweiAuth(undefined, {})).toThrow(ConfigurationError);
    const onlySk = () => resolveHuaweiAuth(undefined, { HUAWEICLOUD_SDK_SK: SK });
    expect(onlySk).toThrow(/HUAWEICLOUD_SDK_AK is not set/);
    try {
      onlySk();
    } catch (e) {
      expect(inspect(e)).not.toContain(SK);
      expect(JSON.stringify(e)).not.toContain(SK);
    }
    expect(() => resolveHuaweiAuth({} as never, envAll)).toThrow(ConfigurationError);
    expect(() => resolveHuaweiAuth('token' as never, envAll)).toThrow(ConfigurationError);
  });
});

describe('resolveAlibabaAuth', () => {
  it('prefers explicit keys, else ALIBABA_CLOUD_*; fails without them', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenvKeyId0000',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-0000',
      ALIBABA_CLOUD_SECURITY_TOKEN: STS,
    };
    const explicit = resolveAlibabaAuth({ accessKeyId: 'LTAIexplicit0000', accessKeySecret: 's' }, env);
    expect(JSON.parse(JSON.stringify(explicit))).toEqual({ kind: 'acs3', accessKeyId: 'LTAI…0000', temporary: false });
    const fromEnv = resolveAlibabaAuth(undefined, env);
    const req: OutgoingRequest = {
      method: 'POST',
      url: new URL('https://dataworks.cn-shanghai.aliyuncs.com/'),
      headers: { 'x-acs-action': 'ListCrawlers', 'x-acs-version': '2024-05-18' },
    };
    await fromEnv.apply(req, ctx());
    expect(parseAcs3Authorization(req.headers.authorization!)?.credential).toBe('LTAIenvKeyId0000');
    expect(req.headers['x-acs-security-token']).toBe(STS);
    expect(() => resolveAlibabaAuth(undefined, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'x' })).toThrow(/InvalidCredentials/);
    expectNoSecrets(fromEnv, ['env-secret-0000', STS]);
  });

  it('IAM password providers are resolvable and safe to print', () => {
    const p = iamPasswordAuth({ domainName: 'acme', userName: 'alice', password: 'pw-SECRET-42' });
    expectNoSecrets(p, ['pw-SECRET-42']);
  });
});
