/**
 * Property test: our SDK-HMAC-SHA256 Authorization header equals the one computed by Huawei's official Node SDK
 * signer (`AKSKSigner` in @huaweicloud/huaweicloud-sdk-core) for the same request and date.
 *
 * Where the official signer deviates from auth.md, the comparison is restricted — only as far as that deviation:
 * - It takes the path through legacy `url.parse`, which truncates at `?`/`#`, turns `\` into `/`, and auto-escapes
 *   space, tab, CR, LF, `"`, `'`, `<`, `>`, `^`, `` ` ``, `{`, `|`, `}` to `%XX` *before* its own encoding, so those
 *   characters come out double-encoded (space → `%2520`). auth.md says each segment is percent-encoded once (space
 *   → `%20`), which is what we do; raw path segments here therefore avoid those characters (they are covered by the
 *   unit tests against the sheet's rule). Dot segments (`.`, `..`) are avoided too: WHATWG URL resolves them,
 *   `url.parse` does not.
 * - It does not trim header values; auth.md (and the Go signer) use `trim(value)`. Generated values carry no
 *   surrounding whitespace.
 * - It sorts canonical headers with `localeCompare` but SignedHeaders with code-unit order; the two only disagree
 *   for `_` (ICU puts `_` before `-` and digits). Generated header names use `[a-z0-9-]` (names with `_` are not
 *   signed by the Go signer either, auth.md §2).
 * - It hashes `JSON.stringify(request.data)`, so bodies are generated as JSON objects and we sign the exact
 *   serialised string.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSdkDate, signHuaweiRequest } from '../../src/signing/huawei.js';

interface OfficialRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}
interface OfficialSigner {
  sign(request: OfficialRequest, credential: { getAk(): string; getSk(): string }): Record<string, string>;
}

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as { AKSKSigner: OfficialSigner };

const URL_PARSE_MANGLED = new Set([...'?#\\ \t\r\n"\'<>^`{|}/']);

const unicodeChar = fc.oneof(
  fc.constantFrom(...'azAZ09-_.~!$&()*+,;=:@%[]é一😀'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const pathSegment = fc
  .string({ unit: unicodeChar, minLength: 1, maxLength: 12 })
  .filter((s) => ![...s].some((c) => URL_PARSE_MANGLED.has(c)) && s !== '.' && s !== '..')
  .filter((s) => ![...s].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f'));
const queryText = fc.string({ unit: unicodeChar, maxLength: 10 });
const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  .filter((n) => !['host', 'x-sdk-date', 'authorization', 'x-sdk-content-sha256', 'content-type'].includes(n));
const headerValue = fc
  .string({ unit: fc.constantFrom(...' abcXYZ019-_.:;,/=+*"()[]{}é一'), maxLength: 20 })
  .map((s) => s.trim());
const jsonBody = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
  minKeys: 1,
  maxKeys: 5,
});

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  host: fc.constantFrom('dayu.cn-north-4.myhuaweicloud.com', 'sdg.ap-southeast-1.myhuaweicloud.com', '127.0.0.1:8443'),
  segments: fc.array(pathSegment, { maxLength: 5 }),
  trailingSlash: fc.boolean(),
  query: fc.array(fc.tuple(queryText, fc.array(queryText, { minLength: 1, maxLength: 3 })), { maxLength: 5 }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
  contentType: fc.option(fc.constantFrom('application/json', 'application/json;charset=UTF-8'), { nil: undefined }),
  body: fc.option(jsonBody, { nil: undefined }),
  date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
  ak: fc.stringMatching(/^[A-Z0-9]{20}$/),
  sk: fc.string({ minLength: 1, maxLength: 40 }),
});

describe('SDK-HMAC-SHA256 against the official Huawei Node SDK signer', () => {
  it('produces the same Authorization header for 1,000 random requests', () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const rawPath = `/${r.segments.join('/')}${r.trailingSlash && r.segments.length > 0 ? '/' : ''}`;
        const encodedPath = `/${r.segments.map(encodeURIComponent).join('/')}${r.trailingSlash && r.segments.length > 0 ? '/' : ''}`;

        // Query: merge repeated keys the way the official SDK's queryParams object holds them.
        const queryParams: Record<string, string | string[]> = Object.create(null);
        const search = new URLSearchParams();
        for (const [key, values] of r.query) {
          const prev = queryParams[key];
          const merged = prev === undefined ? values : [...(Array.isArray(prev) ? prev : [prev]), ...values];
          queryParams[key] = merged.length === 1 ? (merged[0] as string) : [...merged];
          for (const v of values) search.append(key, v);
        }
        const headers: Record<string, string> = { ...r.headers };
        if (r.contentType !== undefined) headers['content-type'] = r.contentType;
        const sdkDate = formatSdkDate(r.date);

        const official = AKSKSigner.sign(
          {
            endpoint: `https://${r.host}${rawPath}`,
            method: r.method,
            headers: { ...headers, 'X-Sdk-Date': sdkDate },
            queryParams,
            data: r.body,
          },
          { getAk: () => r.ak, getSk: () => r.sk },
        );

        const url = new URL(`https://${r.host}${encodedPath}`);
        url.search = search.toString();
        const ours = signHuaweiRequest({
          method: r.method,
          url,
          headers,
          body: r.body === undefined ? undefined : JSON.stringify(r.body),
          ak: r.ak,
          sk: r.sk,
          date: r.date,
        });
        expect(ours.sdkDate).toBe(sdkDate);
        expect(ours.authorization).toBe(official.Authorization);
      }),
      { numRuns: 1000 },
    );
  });
});
