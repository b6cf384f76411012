import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY_SHA256,
  formatSdkDate,
  huaweiCanonicalQuery,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiSignature,
  huaweiStringToSign,
  parseHuaweiAuthorization,
  parseSdkDate,
  sha256Hex,
  signHuaweiRequest,
  UNSIGNED_PAYLOAD,
  verifyHuaweiSignature,
} from '../../src/signing/huawei.js';

const V1_AK = 'QTWAOYTTINDUT2QVKYUC';
const V1_SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';

describe('SDK-HMAC-SHA256 vectors (auth.md §2)', () => {
  it('V1 — official signing guide', () => {
    const url =
      'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0';
    const headers = { 'content-type': 'application/json', 'x-sdk-date': '20191115T033655Z' };
    const expectedCr = [
      'GET',
      '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
      'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      'content-type:application/json',
      'host:service.region.example.com',
      'x-sdk-date:20191115T033655Z',
      '',
      'content-type;host;x-sdk-date',
      EMPTY_BODY_SHA256,
    ].join('\n');
    const cr = huaweiCanonicalRequest({
      method: 'GET',
      url,
      headers,
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
      bodyHash: sha256Hex(''),
    });
    expect(cr).toBe(expectedCr);
    expect(sha256Hex(cr)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    const sts = huaweiStringToSign('20191115T033655Z', cr);
    expect(huaweiSignature(V1_SK, sts)).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');

    const signed = signHuaweiRequest({ method: 'GET', url, headers, ak: V1_AK, sk: V1_SK });
    expect(signed.sdkDate).toBe('20191115T033655Z');
    expect(signed.canonicalRequest).toBe(expectedCr);
    expect(signed.signedHeaders).toEqual(['content-type', 'host', 'x-sdk-date']);
    expect(signed.authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  const goDate = new Date(Date.UTC(2006, 0, 2, 15, 4, 5));

  it('V2 — Go SDK test, GET with query', () => {
    const r = signHuaweiRequest({
      method: 'GET',
      url: 'https://example.com/path?limit=1',
      headers: {},
      ak: 'AccessKey',
      sk: 'SecretKey',
      date: goDate,
      signedHeaders: ['x-sdk-date'],
    });
    expect(r.sdkDate).toBe('20060102T150405Z');
    expect(r.canonicalRequest).toBe(
      `GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n${EMPTY_BODY_SHA256}`,
    );
    expect(r.signature).toBe('5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624');
    expect(r.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('V3 — Go SDK test, POST with body', () => {
    const body = '{"Name":"test","Id":1}\n';
    expect(Buffer.byteLength(body)).toBe(23);
    expect(sha256Hex(body)).toBe('a29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289');
    expect(sha256Hex(new TextEncoder().encode(body))).toBe(sha256Hex(body));
    const r = signHuaweiRequest({
      method: 'POST',
      url: new URL('https://example.com/path?key=value'),
      headers: {},
      body,
      ak: 'AccessKey',
      sk: 'SecretKey',
      date: goDate,
      signedHeaders: ['x-sdk-date'],
    });
    expect(r.signature).toBe('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
  });

  it('V4 — query canonicalisation (string and URLSearchParams, any input order)', () => {
    const expected =
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29';
    const q = new URLSearchParams();
    q.append('test', '一 (&=?!#%.*)');
    q.append('multi', '3');
    q.append('path', '/tmp/123');
    q.append('multi', '1');
    q.append('limit', '1');
    q.append('multi', '2');
    q.append('enable', 'true');
    expect(huaweiCanonicalQuery(q)).toBe(expected);
    expect(huaweiCanonicalQuery(`?${q.toString()}`)).toBe(expected);
    expect(huaweiCanonicalQuery(q.toString())).toBe(expected);
    expect(huaweiCanonicalQuery('')).toBe('');
    expect(huaweiCanonicalQuery('?')).toBe('');
    expect(huaweiCanonicalQuery('?flag')).toBe('flag=');
  });

  it('V5 — DataArts-shaped regression vector', () => {
    const body = '{"limit":10,"offset":0}';
    expect(sha256Hex(body)).toBe('9c4f9d0ca13c10594023bf46ff312ec6fe14617a99097d415258c5a8bfc544b2');
    const r = signHuaweiRequest({
      method: 'POST',
      url: 'https://dayu.cn-north-4.myhuaweicloud.com/v3/0123456789abcdef0123456789abcdef/metadata/tasks/search',
      headers: {
        'Content-Type': 'application/json',
        workspace: '00000000000000000000000000000001',
        'X-Project-Id': '0123456789abcdef0123456789abcdef',
      },
      body,
      ak: V1_AK,
      sk: V1_SK,
      date: new Date(Date.UTC(2026, 0, 1)),
    });
    expect(r.signedHeaders.join(';')).toBe('content-type;host;workspace;x-project-id;x-sdk-date');
    expect(sha256Hex(r.canonicalRequest)).toBe('cfd821f5c4ceb9eef39c27aea5b11308f283ea2219cab47c8447c9c362f30ed4');
    expect(r.signature).toBe('84b03c04a0f6d5702f95b57d108178c420bd71a4863d41b0a8f52211e447fbd2');
  });
});

describe('Huawei signing helpers', () => {
  it('formats and parses X-Sdk-Date', () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 999)))).toBe('20191115T033655Z');
    expect(parseSdkDate('20191115T033655Z')).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
    expect(parseSdkDate('20191315T033655Z')).toBeUndefined();
    expect(parseSdkDate('20190230T000000Z')).toBeUndefined();
    expect(parseSdkDate('20191115T033655')).toBeUndefined();
    expect(parseSdkDate('2019-11-15T03:36:55Z')).toBeUndefined();
  });

  it('canonical URI: decodes then re-encodes each segment, always ends with /', () => {
    expect(huaweiCanonicalUri('')).toBe('/');
    expect(huaweiCanonicalUri('/')).toBe('/');
    expect(huaweiCanonicalUri('/a/b/')).toBe('/a/b/');
    expect(huaweiCanonicalUri('/a b/%E4%B8%80')).toBe('/a%20b/%E4%B8%80/');
    expect(huaweiCanonicalUri('/一/x')).toBe('/%E4%B8%80/x/');
    expect(huaweiCanonicalUri('/%7e%41%2a/(x)')).toBe('/~A%2A/%28x%29/');
    expect(huaweiCanonicalUri('/100%/%zz/%C3')).toBe('/100%25/%25zz/%C3/');
    expect(huaweiCanonicalUri('/a%2Fb')).toBe('/a%2Fb/');
    expect(huaweiCanonicalUri('/a+b')).toBe('/a%2Bb/');
    // The same path written raw and WHATWG-encoded canonicalises identically.
    const raw = "/v1/ünï cødé/it's (x)*!";
    expect(huaweiCanonicalUri(new URL(`https://h${raw}`).pathname)).toBe(huaweiCanonicalUri(raw));
  });

  it('UNSIGNED-PAYLOAD replaces the body hash when declared', () => {
    const r = signHuaweiRequest({
      method: 'PUT',
      url: 'https://h.example.com/upload',
      headers: { 'x-sdk-content-sha256': UNSIGNED_PAYLOAD, 'content-type': 'application/octet-stream' },
      body: new Uint8Array([1, 2, 3]),
      ak: 'ak',
      sk: 'sk',
      date: new Date(0),
    });
    expect(r.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
  });

  it('trims header values and refuses a signed header that is absent', () => {
    const base = { method: 'GET', url: 'https://h/x', signedHeaders: ['x-a', 'host'], bodyHash: EMPTY_BODY_SHA256 };
    expect(huaweiCanonicalRequest({ ...base, headers: { 'X-A': '  v  ' } })).toContain('\nhost:h\nx-a:v\n\nhost;x-a\n');
    expect(() => huaweiCanonicalRequest({ ...base, headers: {} })).toThrow(/'x-a'/);
  });

  it('parses Authorization headers tolerantly and rejects malformed ones', () => {
    const expected = {
      algorithm: 'SDK-HMAC-SHA256',
      access: 'AK',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abc',
    };
    expect(parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc')).toEqual(
      expected,
    );
    expect(
      parseHuaweiAuthorization('  SDK-HMAC-SHA256   Access = AK ,SignedHeaders=host; x-sdk-date,Signature=abc '),
    ).toEqual(expected);
    expect(parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=host')).toBeUndefined();
    expect(parseHuaweiAuthorization('SDK-HMAC-SHA256')).toBeUndefined();
    expect(
      parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK, Access=B, SignedHeaders=h, Signature=s'),
    ).toBeUndefined();
    expect(parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;;b, Signature=s')).toBeUndefined();
    expect(parseHuaweiAuthorization('')).toBeUndefined();
  });

  it('verifyHuaweiSignature accepts what signHuaweiRequest produced and nothing else', () => {
    const url = 'https://dayu.example.com/v3/p/metadata/tasks?b=2&a=1';
    const body = '{"x":1}';
    const headers: Record<string, string> = { 'content-type': 'application/json', host: 'dayu.example.com' };
    const r = signHuaweiRequest({ method: 'POST', url, headers, body, ak: 'AK', sk: 'SK', date: new Date(0) });
    const received = { ...headers, 'x-sdk-date': r.sdkDate, authorization: r.authorization };
    const authorization = parseHuaweiAuthorization(r.authorization)!;
    const check = (over: Partial<Parameters<typeof verifyHuaweiSignature>[0]>) =>
      verifyHuaweiSignature({ method: 'POST', url, headers: received, body, authorization, sk: 'SK', ...over });
    expect(check({})).toBe(true);
    expect(check({ sk: 'SK2' })).toBe(false);
    expect(check({ body: '{"x":2}' })).toBe(false);
    expect(check({ method: 'PUT' })).toBe(false);
    expect(check({ url: 'https://dayu.example.com/v3/p/metadata/tasks?b=2&a=2' })).toBe(false);
    expect(check({ headers: { ...received, 'x-sdk-date': '19700101T000001Z' } })).toBe(false);
    expect(check({ authorization: { ...authorization, signature: 'ab' } })).toBe(false);
  });
});
