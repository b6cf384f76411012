/**
 * The signers' fast paths against slower references built from the same module's general code:
 * - `hmacSha256Hex` (two one-shot hashes over cached padded keys) against `createHmac`, for keys in and out of the
 *   fast path (ASCII ≤ 64 bytes) and more distinct keys than the pad cache holds;
 * - `signHuaweiRequest`'s single pass over the headers against the same call with that header list given
 *   explicitly (the general path: normalise, sort, look each header up);
 * - `signAcs3Request`'s canonical request against `acs3CanonicalRequest` over the headers it sent;
 * - `requestUrlParts`'s regular-expression split against `new URL`;
 * - the per-second date caches and the nonce pool.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acs3CanonicalRequest,
  formatAcsDate,
  parseAcs3Authorization,
  signAcs3Request,
  verifyAcs3Signature,
} from '../../src/signing/acs3.js';
import { hmacSha256Hex } from '../../src/signing/digest.js';
import { requestUrlParts } from '../../src/signing/encoding.js';
import { formatSdkDate, huaweiSignedHeaderList, signHuaweiRequest } from '../../src/signing/huawei.js';

const anyChar = fc.oneof(
  fc.constantFrom(...'azAZ09 -_.~%\t\n\u0000\u007f\u0080é一😀'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('hmacSha256Hex', () => {
  it('equals createHmac for ASCII keys of 0–64 bytes (fast path) and longer or non-ASCII keys', () => {
    const key = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 64 }),
      fc.string({ minLength: 65, maxLength: 200 }),
      fc.string({ unit: anyChar, maxLength: 70 }),
    );
    fc.assert(
      fc.property(key, fc.string({ unit: anyChar, maxLength: 300 }), (k, m) => {
        expect(hmacSha256Hex(k, m)).toBe(createHmac('sha256', k).update(m).digest('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays correct at the 64/65-byte boundary and across more keys than the pad cache holds', () => {
    const keys = ['', 'k'.repeat(63), 'k'.repeat(64), 'k'.repeat(65), 'é'.repeat(32), 'é'.repeat(33)];
    for (let i = 0; i < 100; i++) keys.push(`secret-${i}`);
    for (let round = 0; round < 3; round++) {
      for (const k of keys) {
        const m = `SDK-HMAC-SHA256\n20191115T033655Z\n${k.length}`;
        expect(hmacSha256Hex(k, m)).toBe(createHmac('sha256', k).update(m).digest('hex'));
      }
    }
  });
});

describe('requestUrlParts', () => {
  const label = fc.stringMatching(/^[a-zA-Z0-9-]{0,6}$/);
  const host = fc.oneof(
    fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')),
    fc.constantFrom('xn--nxasmq6b.com', 'xn--a.com', '1.2', '127.0.0.1', 'a.0x1', 'a..b', 'a.b.', 'example.com'),
    fc.constantFrom('dayu.cn-north-4.myhuaweicloud.com', 'a', 'a-.b--c', 'x.y.z'),
  );
  const segment = fc.oneof(
    fc.constantFrom('', '.', '..', '%2e', '.%2E', 'a.b', 'x_~', 'A-9', 'v3'),
    fc.string({ unit: fc.constantFrom(...'aZ09-_~.%2e?#: \\é'), maxLength: 6 }),
  );
  const path = fc.oneof(
    fc.array(segment, { maxLength: 5 }).map((segs) => segs.map((x) => `/${x}`).join('')),
    fc.string({ unit: fc.constantFrom(...'/aZ09-_~.%2e?#: \\é'), maxLength: 16 }),
  );
  const urlString = fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'https:/'),
      host,
      fc.constantFrom('', ':443', ':80', ':8443', ':0'),
      path,
    )
    .map((p) => p.join(''));

  it('gives what new URL gives (or throws when it throws)', () => {
    fc.assert(
      fc.property(urlString, (s) => {
        let expected: unknown;
        try {
          const u = new URL(s);
          expected = { host: u.host, pathname: u.pathname, search: u.search };
        } catch (e) {
          expected = (e as Error).name;
        }
        let actual: unknown;
        try {
          const { host, pathname, search, plainPath } = requestUrlParts(s);
          actual = { host, pathname, search };
          expect(plainPath).toBe(pathname !== '' && /^[A-Za-z0-9\-_.~/]*$/.test(pathname));
        } catch (e) {
          actual = (e as Error).name;
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the parts of a URL object as they are', () => {
    const u = new URL('foo://h');
    expect(requestUrlParts(u)).toEqual({ host: 'h', pathname: '', search: '', plainPath: false });
    expect(requestUrlParts('https://a.b-c.example/v1/x_~')).toEqual({
      host: 'a.b-c.example',
      pathname: '/v1/x_~',
      search: '',
      plainPath: true,
    });
  });
});

const headerName = fc.oneof(
  fc.constantFrom('host', 'Host', 'x-sdk-date', 'X-Sdk-Date', 'Content-Type', 'content-type', 'Authorization'),
  fc.constantFrom('x-project-id', 'X-Project-Id', 'workspace', 'WorkSpace', 'x-sdk-content-sha256', 'a', 'z'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/),
);
const headerValue = fc.oneof(
  fc.constantFrom('UNSIGNED-PAYLOAD', ' UNSIGNED-PAYLOAD ', 'application/json', '20191115T033655Z'),
  fc.string({ unit: fc.constantFrom(...' abcXYZ019-_.:;,/=+é'), maxLength: 16 }),
);

describe('signHuaweiRequest default header list', () => {
  it('equals signing the same header list explicitly (general path), mixed-case duplicates included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
        fc.constantFrom(
          'https://dayu.cn-north-4.myhuaweicloud.com/v3/p/metadata/tasks/search',
          'https://iam.myhuaweicloud.com:8443/v3/a%20b/c?b=2&a=1&a=0',
          'http://127.0.0.1:9000/',
        ),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.option(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2099-12-31') }), { nil: undefined }),
        (pairs, url, body, date) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of pairs) headers[k] = v;
          if (date === undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'x-sdk-date')) {
            headers['x-sdk-date'] = '20191115T033655Z';
          }
          const input = { method: 'post', url, headers, body, ak: 'AK', sk: 'SK', date };
          const fast = signHuaweiRequest(input);
          const general = signHuaweiRequest({ ...input, signedHeaders: fast.signedHeaders });
          expect(fast).toEqual(general);
          const expected = new Set(['host', 'x-sdk-date']);
          for (const k of Object.keys(headers)) if (k.toLowerCase() !== 'authorization') expected.add(k.toLowerCase());
          expect(fast.signedHeaders).toEqual([...expected].sort());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a list prepared by huaweiSignedHeaderList signs exactly as the same names given plainly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('Host', 'content-type', 'Workspace', 'x-project-id', ' X-Extra '), {
          maxLength: 5,
        }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        (names, body) => {
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            workspace: 'w',
            'X-Project-Id': 'p',
            'x-extra': ' e ',
          };
          const input = { method: 'POST', url: 'https://h.example.com/a?b=1', headers, body, ak: 'AK', sk: 'SK' };
          const date = new Date('2026-01-01T00:00:00Z');
          const prepared = huaweiSignedHeaderList(names);
          expect(Object.isFrozen(prepared)).toBe(true);
          expect(prepared).toEqual([...new Set([...names.map((n) => n.trim().toLowerCase()), 'x-sdk-date'])].sort());
          expect(signHuaweiRequest({ ...input, date, signedHeaders: prepared })).toEqual(
            signHuaweiRequest({ ...input, date, signedHeaders: [...names] }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('prefers the lowercase spelling of a duplicated header, else the first spelling', () => {
    const base = { method: 'GET', url: 'https://h.example.com/', ak: 'AK', sk: 'SK', date: new Date(0) };
    const a = signHuaweiRequest({ ...base, headers: { 'X-Project-Id': 'upper', 'x-project-id': 'lower' } });
    expect(a.canonicalRequest).toContain('\nx-project-id:lower\n');
    const b = signHuaweiRequest({ ...base, headers: { 'X-PROJECT-ID': 'first', 'X-Project-Id': 'second' } });
    expect(b.canonicalRequest).toContain('\nx-project-id:first\n');
    expect(b.signedHeaders).toEqual(['host', 'x-project-id', 'x-sdk-date']);
  });

  it('names a missing signed header without its value', () => {
    const headers = { 'x-project-id': undefined as unknown as string };
    expect(() =>
      signHuaweiRequest({ method: 'GET', url: 'https://h.example.com/', headers, ak: 'AK', sk: 'SK' }),
    ).toThrow("Signed header 'x-project-id' is not present on the request");
  });
});

describe('signAcs3Request', () => {
  const acsName = fc.oneof(
    fc.constantFrom('x-acs-action', 'X-Acs-Version', 'Content-Type', 'Host', 'x-acs-date', 'X-Acs-Signature-Nonce'),
    fc.constantFrom('x-acs-content-sha256', 'x-acs-security-token', 'x-acs-accesskey-id', 'accept', 'x-other'),
    fc.stringMatching(/^x-acs-[a-z]{1,8}$/),
  );

  it('signs the canonical request of the headers it returns (case-unique caller headers)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(acsName, headerValue), { maxLength: 8, selector: ([k]) => k.toLowerCase() }),
        fc.constantFrom('https://dataworks.cn-shanghai.aliyuncs.com/', 'https://ecs.aliyuncs.com/a/b%20c?Z=1&A=2'),
        fc.option(fc.string({ unit: anyChar, maxLength: 60 }), { nil: undefined }),
        fc.option(fc.constantFrom('', 'sts-token'), { nil: undefined }),
        (pairs, url, body, securityToken) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of pairs) headers[k] = v;
          const r = signAcs3Request({
            method: 'POST',
            url,
            headers,
            body,
            accessKeyId: 'AKID',
            accessKeySecret: 'secret',
            securityToken,
            date: new Date('2023-10-26T10:22:32Z'),
          });
          const sent: Record<string, string> = {};
          for (const [k, v] of Object.entries(headers)) if (!(k.toLowerCase() in r.headers)) sent[k] = v;
          Object.assign(sent, r.headers);
          const parsed = parseAcs3Authorization(r.authorization);
          expect(parsed?.signedHeaders).toEqual(r.signedHeaders);
          expect(r.canonicalRequest).toBe(
            acs3CanonicalRequest({ method: 'POST', url, headers: sent, signedHeaders: r.signedHeaders }),
          );
          expect(r.signedHeaders).toEqual([...r.signedHeaders].sort());
          expect(
            verifyAcs3Signature({
              method: 'POST',
              url,
              headers: sent,
              authorization: parsed!,
              accessKeySecret: 'secret',
            }),
          ).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('signs a header spelled twice once: the lowercase spelling, else the first (as the canonical request reads it)', () => {
    const url = 'https://dataworks.cn-shanghai.aliyuncs.com/';
    const date = new Date('2023-10-26T10:22:32Z');
    for (const headers of [
      { 'Content-Type': 'text/plain', 'content-type': 'application/json', 'x-acs-action': 'A' },
      { 'content-type': 'application/json', 'Content-Type': 'text/plain', 'x-acs-action': 'A' },
      { 'X-Acs-Action': 'First', 'X-ACS-ACTION': 'Second' },
    ] as Record<string, string>[]) {
      const r = signAcs3Request({ method: 'POST', url, headers, accessKeyId: 'AKID', accessKeySecret: 's', date });
      expect(new Set(r.signedHeaders).size).toBe(r.signedHeaders.length);
      const sent = { ...headers, ...r.headers };
      expect(r.canonicalRequest).toBe(
        acs3CanonicalRequest({ method: 'POST', url, headers: sent, signedHeaders: r.signedHeaders }),
      );
    }
  });

  it('draws 32-hex-digit nonces that do not repeat across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const r = signAcs3Request({
        method: 'GET',
        url: 'https://dataworks.cn-shanghai.aliyuncs.com/',
        headers: { 'x-acs-action': 'A', 'x-acs-version': 'V' },
        accessKeyId: 'AKID',
        accessKeySecret: 'secret',
      });
      const nonce = r.headers['x-acs-signature-nonce'] as string;
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(1000);
  });
});

describe('per-second date caches', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follow the clock, backwards and forwards', () => {
    vi.useFakeTimers();
    const times = ['2026-11-25T14:00:00.000Z', '2026-11-25T14:00:00.999Z', '2026-11-25T14:00:01.000Z'];
    for (const t of [...times, times[0] as string, '2030-01-01T00:00:00.500Z']) {
      vi.setSystemTime(new Date(t));
      const hw = signHuaweiRequest({ method: 'GET', url: 'https://h.example.com/', headers: {}, ak: 'A', sk: 'S' });
      expect(hw.sdkDate).toBe(formatSdkDate(new Date(t)));
      const acs = signAcs3Request({
        method: 'GET',
        url: 'https://h.example.com/',
        headers: {},
        accessKeyId: 'A',
        accessKeySecret: 'S',
      });
      expect(acs.headers['x-acs-date']).toBe(formatAcsDate(new Date(t)));
    }
  });
});
