/**
 * RFC 3986 percent-encoding shared by the Huawei (`SDK-HMAC-SHA256`) and Alibaba (`ACS3-HMAC-SHA256`) signers.
 * Unreserved characters `A-Z a-z 0-9 - _ . ~` are kept, every other UTF-8 byte becomes `%XX` (upper-case hex).
 */

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

/** 1 = unreserved ASCII byte. */
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-_.~]/.test(ch)) UNRESERVED[c] = 1;
}

const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

/**
 * Percent-encodes `value` per RFC 3986 (space → `%20`, `~` kept, `!'()*` encoded). Lone surrogates are encoded as
 * U+FFFD (what `TextEncoder` and WHATWG URL do) instead of throwing.
 */
export function rfc3986Encode(value: string): string {
  if (ALL_UNRESERVED.test(value)) return value;
  let out = '';
  const n = value.length;
  for (let i = 0; i < n; i++) {
    let c = value.charCodeAt(i);
    if (c < 0x80) {
      out += UNRESERVED[c] === 1 ? value[i] : HEX[c];
    } else if (c < 0x800) {
      out += (HEX[0xc0 | (c >> 6)] as string) + HEX[0x80 | (c & 0x3f)];
    } else if (c < 0xd800 || c >= 0xe000) {
      out += (HEX[0xe0 | (c >> 12)] as string) + HEX[0x80 | ((c >> 6) & 0x3f)] + HEX[0x80 | (c & 0x3f)];
    } else {
      const c2 = i + 1 < n ? value.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && c2 >= 0xdc00 && c2 < 0xe000) {
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (c2 & 0x3ff));
        out +=
          (HEX[0xf0 | (c >> 18)] as string) +
          HEX[0x80 | ((c >> 12) & 0x3f)] +
          HEX[0x80 | ((c >> 6) & 0x3f)] +
          HEX[0x80 | (c & 0x3f)];
      } else {
        out += '%EF%BF%BD'; // lone surrogate → U+FFFD
      }
    }
  }
  return out;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Normalises one raw path segment: valid `%XX` escapes are decoded to bytes, other characters are taken as UTF-8,
 * and the resulting bytes are re-encoded with {@link rfc3986Encode}'s rules. Working on bytes makes this total: a
 * stray `%` or an escape that is not valid UTF-8 (`%C3` alone) is handled instead of throwing.
 */
export function normalizePathSegment(segment: string): string {
  if (ALL_UNRESERVED.test(segment)) return segment;
  if (segment.indexOf('%') === -1) return rfc3986Encode(segment);
  let out = '';
  let start = 0;
  const n = segment.length;
  for (let i = 0; i < n; i++) {
    if (segment.charCodeAt(i) !== 37 /* % */) continue;
    const hi = i + 2 < n ? hexVal(segment.charCodeAt(i + 1)) : -1;
    const lo = hi >= 0 ? hexVal(segment.charCodeAt(i + 2)) : -1;
    if (lo < 0) continue; // stray '%': left in the literal run, encoded as %25 below
    if (start < i) out += rfc3986Encode(segment.slice(start, i));
    const b = (hi << 4) | lo;
    out += b < 128 && UNRESERVED[b] === 1 ? String.fromCharCode(b) : HEX[b];
    i += 2;
    start = i + 1;
  }
  if (start < n) out += rfc3986Encode(segment.slice(start));
  return out;
}

/** Code-unit comparison (what `Array.prototype.sort()` does), usable as a comparator. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits a query (`?a=1&b` or `a=1`, or URLSearchParams) into decoded [name, value] pairs sorted by name, then value. */
export function sortedQueryPairs(search: string | URLSearchParams): [string, string][] {
  const params =
    typeof search === 'string' ? (search === '' || search === '?' ? undefined : new URLSearchParams(search)) : search;
  const pairs: [string, string][] = [];
  if (params === undefined) return pairs;
  for (const pair of params) pairs.push(pair);
  if (pairs.length > 1) {
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }
  return pairs;
}

/** The parts of a request URL the signers read, as WHATWG `URL` reports them. */
export interface RequestUrlParts {
  /** `hostname[:port]`, default port omitted. */
  host: string;
  pathname: string;
  /** `?query` or empty. */
  search: string;
  /** True when `pathname` is non-empty with only unreserved characters and `/`: no segment needs re-encoding. */
  plainPath: boolean;
}

/**
 * The shape most request URLs have and that `URL` serialises unchanged: http(s), a host of lowercase labels each
 * starting with a letter (so never an IPv4 number), no port, userinfo, query or fragment, and a path of unreserved
 * characters and `/` without `.` (so no dot segment). Each repetition starts with its own delimiter: linear.
 */
const SIMPLE_URL = /^https?:\/\/([a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*)(\/[A-Za-z0-9_~/-]*)?$/;
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/**
 * Host, path and query of a request URL. A string of the {@link SIMPLE_URL} shape (punycode labels excepted, as
 * `URL` validates those) is split by one regular-expression match, about half the cost of constructing a `URL`;
 * anything else goes through `new URL`, so the parts — and the TypeError for an invalid URL — are always what `URL`
 * gives.
 */
export function requestUrlParts(url: string | URL): RequestUrlParts {
  if (typeof url === 'string') {
    const m = SIMPLE_URL.exec(url);
    if (m !== null && !(m[1] as string).includes('xn--')) {
      return { host: m[1] as string, pathname: m[2] ?? '/', search: '', plainPath: true };
    }
    url = new URL(url);
  }
  const pathname = url.pathname;
  return { host: url.host, pathname, search: url.search, plainPath: pathname !== '' && PLAIN_PATH.test(pathname) };
}

/**
 * Sets `name` to `value` in two parallel arrays kept sorted by name, one entry per name (header sets are small:
 * insertion from the end). An existing entry takes the new value only when `replace`.
 */
export function setSorted<V>(names: string[], values: V[], name: string, value: V, replace = true): void {
  let i = names.length;
  while (i > 0 && (names[i - 1] as string) > name) i--;
  if (i > 0 && names[i - 1] === name) {
    if (replace) values[i - 1] = value;
    return;
  }
  for (let j = names.length; j > i; j--) {
    names[j] = names[j - 1] as string;
    values[j] = values[j - 1] as V;
  }
  names[i] = name;
  values[i] = value;
}

/**
 * A date formatter for whole seconds that keeps its last result: signing formats the current second many times a
 * second, and formatting costs more than comparing the second. `ms` is a time in milliseconds since the epoch.
 */
export function perSecond(format: (date: Date) => string): (ms: number) => string {
  let second = Number.NaN;
  let text = '';
  return (ms) => {
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      text = format(new Date(s * 1000));
      second = s;
    }
    return text;
  };
}
