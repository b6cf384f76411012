import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acs3CanonicalQuery,
  acs3CanonicalRequest,
  acs3CanonicalUri,
  acs3Encode,
  acs3Sha256Hex,
  formatAcsDate,
  parseAcs3Authorization,
  parseAcsDate,
  signAcs3Request,
  verifyAcs3Signature,
} from '../../src/signing/acs3.js';

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const A_URL =
  'https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai';
const A_HEADERS = { 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26' };
const KEY = { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' };

describe('ACS3-HMAC-SHA256 vectors (auth.md §3)', () => {
  it('A1 — canonical request, hash and signature', () => {
    const r = signAcs3Request({
      method: 'POST',
      url: A_URL,
      headers: A_HEADERS,
      ...KEY,
      date: new Date('2023-10-26T10:22:32Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
    });
    expect(r.canonicalRequest).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        `x-acs-content-sha256:${EMPTY}`,
        'x-acs-date:2023-10-26T10:22:32Z',
        'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY,
      ].join('\n'),
    );
    expect(acs3Sha256Hex(r.canonicalRequest)).toBe('7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    expect(r.signature).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    expect(r.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
    expect(r.headers).toEqual({
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY,
      authorization: r.authorization,
    });
  });

  it('A2 — second documented pairing', () => {
    const r = signAcs3Request({
      method: 'POST',
      url: new URL(A_URL),
      headers: A_HEADERS,
      ...KEY,
      date: new Date('2023-10-26T09:01:01Z'),
      nonce: 'd410180a5abf7fe235dd9b74aca91fc0',
    });
    expect(r.signature).toBe('e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
  });

  it('A3 — DataWorks-shaped regression vector (form body)', () => {
    const r = signAcs3Request({
      method: 'POST',
      url: 'https://dataworks.cn-shanghai.aliyuncs.com/',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-acs-action': 'DeleteCrawler',
        'x-acs-version': '2024-05-18',
      },
      body: 'Id=50001',
      ...KEY,
      date: new Date('2026-01-01T00:00:00Z'),
      nonce: '0123456789abcdef0123456789abcdef',
    });
    expect(r.headers['x-acs-content-sha256']).toBe('052deaebfaa4df164731c7b1f481a51478b3b224027be32fbe7f19cbe4d37b01');
    expect(r.signedHeaders.join(';')).toBe(
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    );
    expect(acs3Sha256Hex(r.canonicalRequest)).toBe('347892fb47d5c3f3dff8892478eda08cb18784459895078100525e853864efb1');
    expect(r.signature).toBe('cd555783388dab05ae790fbca509a398e2631f0d10e827efff9dff976c62687d');
  });
});

describe('ACS3 helpers', () => {
  it("encodes like encodeURIComponent plus !'()*", () => {
    expect(acs3Encode("a b!'()*~-_.")).toBe('a%20b%21%27%28%29%2A~-_.');
    expect(acs3Encode('一/😀')).toBe(encodeURIComponent('一/😀'));
  });

  it('formats and parses x-acs-date', () => {
    expect(formatAcsDate(new Date(Date.UTC(2023, 9, 26, 10, 22, 32, 999)))).toBe('2023-10-26T10:22:32Z');
    expect(parseAcsDate('2023-10-26T10:22:32Z')).toBe(Date.UTC(2023, 9, 26, 10, 22, 32));
    expect(parseAcsDate('2023-02-30T10:22:32Z')).toBeUndefined();
    expect(parseAcsDate('2023-10-26T10:22:32.000Z')).toBeUndefined();
    expect(parseAcsDate('20231026T102232Z')).toBeUndefined();
  });

  it('canonical query sorts names then values; canonical URI is / for RPC', () => {
    expect(acs3CanonicalQuery('?b=2&a=x y&a=1')).toBe('a=1&a=x%20y&b=2');
    expect(acs3CanonicalQuery('')).toBe('');
    expect(acs3CanonicalUri('/')).toBe('/');
    expect(acs3CanonicalUri('/a b/%E4%B8%80')).toBe('/a%20b/%E4%B8%80');
  });

  it('generates a fresh 32-hex nonce and the current date by default; adds STS headers', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const a = signAcs3Request({
      method: 'POST',
      url: 'https://h/',
      headers: A_HEADERS,
      ...KEY,
      securityToken: 'STS.tok',
    });
    const after = Date.now();
    const b = signAcs3Request({ method: 'POST', url: 'https://h/', headers: A_HEADERS, ...KEY });
    expect(a.headers['x-acs-signature-nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(a.headers['x-acs-signature-nonce']).not.toBe(b.headers['x-acs-signature-nonce']);
    const signedAt = parseAcsDate(a.headers['x-acs-date']!) ?? Number.NaN;
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(after);
    expect(a.headers['x-acs-security-token']).toBe('STS.tok');
    expect(a.headers['x-acs-accesskey-id']).toBe('YourAccessKeyId');
    expect(a.signedHeaders).toContain('x-acs-security-token');
    expect(b.headers['x-acs-security-token']).toBeUndefined();
  });

  it('parses Authorization and verifies signatures', () => {
    const r = signAcs3Request({
      method: 'POST',
      url: 'https://dataworks.cn-shanghai.aliyuncs.com/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...A_HEADERS },
      body: 'Id=1',
      ...KEY,
    });
    const parsed = parseAcs3Authorization(r.authorization);
    expect(parsed).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      credential: 'YourAccessKeyId',
      signedHeaders: r.signedHeaders,
      signature: r.signature,
    });
    expect(parseAcs3Authorization(r.authorization.replaceAll(',', ' , '))).toEqual(parsed);
    expect(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=x,Signature=y')).toBeUndefined();
    const received = {
      'content-type': 'application/x-www-form-urlencoded',
      ...A_HEADERS,
      host: 'dataworks.cn-shanghai.aliyuncs.com',
      ...r.headers,
    };
    const base = { method: 'POST', url: 'https://dataworks.cn-shanghai.aliyuncs.com/', authorization: parsed! };
    expect(verifyAcs3Signature({ ...base, headers: received, accessKeySecret: 'YourAccessKeySecret' })).toBe(true);
    expect(verifyAcs3Signature({ ...base, headers: received, accessKeySecret: 'other' })).toBe(false);
    expect(
      verifyAcs3Signature({
        ...base,
        headers: { ...received, 'x-acs-action': 'CreateCrawler' },
        accessKeySecret: 'YourAccessKeySecret',
      }),
    ).toBe(false);
    expect(() =>
      acs3CanonicalRequest({ method: 'POST', url: 'https://h/', headers: {}, signedHeaders: ['x-acs-date'] }),
    ).toThrow(/'x-acs-date'/);
  });
});

/**
 * Property test against the official `@alicloud/openapi-core` `getAuthorization`. Restriction: it does not encode
 * query *names* (auth.md step 2 says `encode(name)`), so generated names are unreserved-only; values are arbitrary.
 * It keeps the path as given, so paths are RPC `/`.
 */
describe('ACS3 against @alicloud/openapi-core', () => {
  const require = createRequire(import.meta.url);
  const Utils = (
    require('@alicloud/openapi-core/dist/utils.js') as {
      default: {
        getAuthorization(
          request: { pathname: string; method: string; query: Record<string, string>; headers: Record<string, string> },
          algorithm: string,
          payload: string,
          ak: string,
          secret: string,
        ): string;
      };
    }
  ).default;

  it('produces the same Authorization for 500 random requests', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/), fc.string({ unit: 'binary', maxLength: 12 }), {
          maxKeys: 5,
        }),
        fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: undefined }),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.stringMatching(/^[0-9a-f]{32}$/),
        fc.option(fc.stringMatching(/^[A-Za-z0-9.]{1,30}$/), { nil: undefined }),
        fc.string({ minLength: 1, maxLength: 30 }),
        (query, body, date, nonce, securityToken, secret) => {
          const url = new URL('https://dataworks.cn-shanghai.aliyuncs.com/');
          for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
          const headers: Record<string, string> = { 'x-acs-action': 'ListCrawlers', 'x-acs-version': '2024-05-18' };
          if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
          const ours = signAcs3Request({
            method: 'POST',
            url,
            headers,
            body,
            accessKeyId: 'LTAI5tExample',
            accessKeySecret: secret,
            securityToken,
            date,
            nonce,
          });
          const official = Utils.getAuthorization(
            {
              pathname: '/',
              method: 'POST',
              query: { ...query },
              headers: { ...headers, host: url.host, ...ours.headers },
            },
            'ACS3-HMAC-SHA256',
            ours.headers['x-acs-content-sha256']!,
            'LTAI5tExample',
            secret,
          );
          expect(ours.authorization).toBe(official);
        },
      ),
      { numRuns: 500 },
    );
  });
});
