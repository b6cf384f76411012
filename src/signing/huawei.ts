/**
 * Huawei Cloud API Gateway signature `SDK-HMAC-SHA256`. Pure functions on node:crypto, shared by the
 * client's AK/SK provider and the mock gateway's verifier. Module state: the `x-sdk-date` of the current second;
 * `digest.ts` keeps the HMAC padded keys of recently used secrets (bounded, private, see there).
 */
import { timingSafeEqual } from 'node:crypto';
import { parseAuthorizationParts } from './authorization.js';
import { sha256Hex as digestHex, EMPTY_SHA256, hmacSha256Hex } from './digest.js';
import {
  normalizePathSegment,
  perSecond,
  type RequestUrlParts,
  requestUrlParts,
  rfc3986Encode,
  setSorted,
  sortedQueryPairs,
} from './encoding.js';

export const HUAWEI_ALGORITHM = 'SDK-HMAC-SHA256';
/** Hex SHA-256 of the empty string. */
export const EMPTY_BODY_SHA256 = EMPTY_SHA256;
/** Value of `X-Sdk-Content-Sha256` that replaces the body hash (non-JSON bodies). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return digestHex(data);
}

/** `YYYYMMDDTHHMMSSZ` in UTC, e.g. `20191115T033655Z`. */
export function formatSdkDate(date: Date): string {
  const y = date.getUTCFullYear();
  if (Number.isNaN(y)) throw new RangeError('Invalid time value');
  return `${y < 1000 ? String(y).padStart(4, '0') : y}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses an `X-Sdk-Date` value to epoch ms; undefined when malformed or not a real calendar time. */
export function parseSdkDate(value: string): number | undefined {
  const m = SDK_DATE.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const t = new Date(ms);
  if (
    t.getUTCFullYear() !== y ||
    t.getUTCMonth() !== mo - 1 ||
    t.getUTCDate() !== d ||
    t.getUTCHours() !== h ||
    t.getUTCMinutes() !== mi ||
    t.getUTCSeconds() !== s
  ) {
    return undefined;
  }
  return ms;
}

/** RFC 3986 encoding used for path segments and query names/values (space → `%20`). */
export const huaweiEncode = rfc3986Encode;

/**
 * Canonical URI: each segment of the raw (possibly percent-encoded) path is decoded then re-encoded per RFC 3986,
 * and the result always ends with `/`.
 */
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

export function huaweiCanonicalUri(rawPath: string): string {
  if (PLAIN_PATH.test(rawPath)) return rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
  let out = '';
  let start = 0;
  const n = rawPath.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || rawPath.charCodeAt(i) === 47 /* / */) {
      if (i > start) out += normalizePathSegment(rawPath.slice(start, i));
      if (i < n) out += '/';
      start = i + 1;
    }
  }
  if (out.length === 0 || out.charCodeAt(out.length - 1) !== 47) out += '/';
  return out;
}

/**
 * Canonical query string: decoded pairs sorted by name then value (code-unit order, as the official Node SDK's
 * `sort()`), each `encode(name)=encode(value)`, joined by `&`; empty when there is no query. A string is parsed as
 * `application/x-www-form-urlencoded` (so `+` is a space), with or without the leading `?`.
 */
export function huaweiCanonicalQuery(search: string | URLSearchParams): string {
  if (search === '') return '';
  const pairs = sortedQueryPairs(search);
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as [string, string];
    if (i > 0) out += '&';
    out += `${rfc3986Encode(p[0])}=${rfc3986Encode(p[1])}`;
  }
  return out;
}

/** Case-insensitive header lookup; header names in `headers` are usually lowercase already. */
function headerValue(headers: Record<string, string>, lowerName: string): string | undefined {
  const direct = headers[lowerName];
  if (direct !== undefined) return direct;
  for (const key in headers) {
    if (key.toLowerCase() === lowerName) return headers[key];
  }
  return undefined;
}

/** Lists made by {@link huaweiSignedHeaderList}: frozen, lowercase, unique and sorted, `x-sdk-date` included. */
const normalizedLists = new WeakSet<readonly string[]>();

/**
 * A signed-header list prepared once for many signatures (e.g. by an AK/SK provider, per combination of headers):
 * lowercased, de-duplicated, sorted, with `x-sdk-date`, and frozen. Passed as `signedHeaders`, it is used as is
 * instead of being normalised again on every signature.
 */
export function huaweiSignedHeaderList(names: readonly string[]): readonly string[] {
  const list = Object.freeze(normalizeSignedHeaders([...names, 'x-sdk-date']));
  normalizedLists.add(list);
  return list;
}

function normalizeSignedHeaders(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    if (lower !== '' && !out.includes(lower)) out.push(lower);
  }
  return out.sort();
}

export interface HuaweiCanonicalRequestInput {
  method: string;
  url: URL | string;
  headers: Record<string, string>;
  /** Names to sign (any case, any order; they are lowercased, de-duplicated and sorted). */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  bodyHash: string;
}

/**
 * Builds the canonical request. `host` falls back to the URL's host when it is signed but absent from `headers`;
 * any other signed header missing from `headers` is an error (the message names the header, never a value).
 */
export function huaweiCanonicalRequest(input: HuaweiCanonicalRequestInput): string {
  const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
  return canonicalRequest(
    input.method,
    url,
    input.headers,
    normalizeSignedHeaders(input.signedHeaders),
    input.bodyHash,
  );
}

/** `names` are lowercase, unique and sorted. */
function canonicalRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  names: readonly string[],
  bodyHash: string,
): string {
  let headerBlock = '';
  for (const name of names) {
    let value = headerValue(headers, name);
    if (value === undefined) {
      if (name === 'host') value = url.host;
      else throw new Error(`Signed header '${name}' is not present on the request`);
    }
    headerBlock += `${name}:${value.trim()}\n`;
  }
  return `${method.toUpperCase()}\n${huaweiCanonicalUri(url.pathname)}\n${huaweiCanonicalQuery(url.search)}\n${headerBlock}\n${names.join(';')}\n${bodyHash}`;
}

export function huaweiStringToSign(sdkDate: string, canonicalRequest: string): string {
  return `${HUAWEI_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

/** hex(HMAC-SHA256(key = SK bytes, stringToSign)). */
export function huaweiSignature(sk: string, stringToSign: string): string {
  return hmacSha256Hex(sk, stringToSign);
}

export function formatHuaweiAuthorization(ak: string, signedHeaders: readonly string[], signature: string): string {
  return `${HUAWEI_ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
}

/** Body hash: `UNSIGNED-PAYLOAD` when the header says so, else hex SHA-256 of the exact bytes. */
export function huaweiBodyHash(headers: Record<string, string>, body: string | Uint8Array | undefined): string {
  const declared = headerValue(headers, 'x-sdk-content-sha256');
  if (declared !== undefined && declared.trim() === UNSIGNED_PAYLOAD) return UNSIGNED_PAYLOAD;
  return body === undefined ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

export interface SignHuaweiRequestInput {
  method: string;
  url: URL | string;
  /** Request headers (not modified). `x-sdk-date` and `host` are supplied by the signer when missing. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  ak: string;
  sk: string;
  /** Signing time; default: the request's `x-sdk-date` header if present, else now. */
  date?: Date;
  /**
   * Headers to sign. Default: every header in `headers` except `authorization` (like Huawei's Node SDK), plus
   * `host` and `x-sdk-date`. `x-sdk-date` is always added.
   */
  signedHeaders?: readonly string[];
}

export interface SignHuaweiRequestResult {
  /** The `X-Sdk-Date` value that was signed; the caller must send it. */
  sdkDate: string;
  authorization: string;
  signedHeaders: string[];
  canonicalRequest: string;
  signature: string;
}

/** The `x-sdk-date` of a time in ms, the last second's text cached (the AK/SK provider uses it with its clock). */
export const sdkDateAt: (ms: number) => string = perSecond(formatSdkDate);

export function signHuaweiRequest(input: SignHuaweiRequestInput): SignHuaweiRequestResult {
  if (input.signedHeaders !== undefined) return signWithHeaderList(input, input.signedHeaders);
  const url = requestUrlParts(input.url);
  const headers = input.headers;
  // One pass over the headers: every name but `authorization` is signed, plus `host` and `x-sdk-date`. Names are
  // kept sorted (insertion; header sets are small) next to their values. A value is `headerValue(headers, name)`;
  // for the usual lowercase key that is the key's own value, so the lookup only runs for other spellings.
  const names: string[] = ['host', 'x-sdk-date'];
  const values: (string | undefined)[] = [undefined, undefined];
  for (const key in headers) {
    const name = key.toLowerCase();
    if (name === 'authorization') continue;
    let value = headers[key];
    if (key !== name || value === undefined) value = headerValue(headers, name);
    setSorted(names, values, name, value);
  }
  // Without `date`, the request's `x-sdk-date` or now: set at `x-sdk-date`, which is always among the names.
  let sdkDate = input.date === undefined ? '' : formatSdkDate(input.date);
  let block = '';
  let signedHeaderList = '';
  let declaredBodyHash: string | undefined;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    let value = values[i];
    if (name === 'x-sdk-date') {
      if (input.date === undefined) sdkDate = value ?? sdkDateAt(Date.now());
      value = sdkDate;
    } else if (value === undefined) {
      if (name !== 'host') throw new Error(`Signed header '${name}' is not present on the request`);
      value = url.host;
    } else if (name === 'x-sdk-content-sha256') declaredBodyHash = value;
    block += `${name}:${value.trim()}\n`;
    signedHeaderList += i === 0 ? name : `;${name}`;
  }
  const bodyHash =
    declaredBodyHash !== undefined && declaredBodyHash.trim() === UNSIGNED_PAYLOAD
      ? UNSIGNED_PAYLOAD
      : input.body === undefined
        ? EMPTY_BODY_SHA256
        : digestHex(input.body);
  return finishSignature(input, url, names, block, signedHeaderList, sdkDate, bodyHash);
}

/** The canonical request from its parts, its signature and the result (both header-list paths end here). */
function finishSignature(
  input: SignHuaweiRequestInput,
  url: RequestUrlParts,
  names: string[],
  block: string,
  signedHeaderList: string,
  sdkDate: string,
  bodyHash: string,
): SignHuaweiRequestResult {
  const search = url.search;
  const path = url.pathname;
  const uri = !url.plainPath ? huaweiCanonicalUri(path) : path.endsWith('/') ? path : `${path}/`;
  const cr = `${input.method.toUpperCase()}\n${uri}\n${search === '' ? '' : huaweiCanonicalQuery(search)}\n${block}\n${signedHeaderList}\n${bodyHash}`;
  const signature = hmacSha256Hex(input.sk, `${HUAWEI_ALGORITHM}\n${sdkDate}\n${digestHex(cr)}`);
  return {
    sdkDate,
    authorization: `${HUAWEI_ALGORITHM} Access=${input.ak}, SignedHeaders=${signedHeaderList}, Signature=${signature}`,
    signedHeaders: names,
    canonicalRequest: cr,
    signature,
  };
}

/** {@link signHuaweiRequest} with an explicit list of names to sign (`x-sdk-date` is added). */
function signWithHeaderList(input: SignHuaweiRequestInput, list: readonly string[]): SignHuaweiRequestResult {
  const url = requestUrlParts(input.url);
  const headers = input.headers;
  let sdkDate: string;
  if (input.date !== undefined) sdkDate = formatSdkDate(input.date);
  else sdkDate = headerValue(headers, 'x-sdk-date') ?? sdkDateAt(Date.now());
  const names = normalizedLists.has(list) ? (list as string[]) : normalizeSignedHeaders([...list, 'x-sdk-date']);
  let block = '';
  for (const name of names) {
    let value = name === 'x-sdk-date' ? sdkDate : headerValue(headers, name);
    if (value === undefined) {
      if (name === 'host') value = url.host;
      else throw new Error(`Signed header '${name}' is not present on the request`);
    }
    block += `${name}:${value.trim()}\n`;
  }
  const signedHeaderList = names.join(';');
  return finishSignature(input, url, names, block, signedHeaderList, sdkDate, huaweiBodyHash(headers, input.body));
}

export interface ParsedHuaweiAuthorization {
  algorithm: string;
  access: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=a;b, Signature=…`, tolerating extra whitespace around commas,
 * `=` and `;`. Returns undefined when a part is missing or duplicated.
 */
export function parseHuaweiAuthorization(header: string): ParsedHuaweiAuthorization | undefined {
  const parsed = parseAuthorizationParts(header, 'Access');
  if (!parsed) return undefined;
  const { algorithm, keyId, signedHeaders, signature } = parsed;
  return { algorithm, access: keyId, signedHeaders, signature };
}

export interface VerifyHuaweiRequestInput {
  method: string;
  url: URL | string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The parsed Authorization header (its SignedHeaders are used as given). */
  authorization: ParsedHuaweiAuthorization;
  sk: string;
}

/**
 * Recomputes the signature of a received request with `sk` and compares it in constant time. Callers check
 * presence of the signed headers, `x-sdk-date` among them and the clock skew beforehand; this throws (no secret in
 * the message) when a signed header is absent.
 */
export function verifyHuaweiSignature(input: VerifyHuaweiRequestInput): boolean {
  const sdkDate = headerValue(input.headers, 'x-sdk-date') ?? '';
  const canonicalRequest = huaweiCanonicalRequest({
    method: input.method,
    url: input.url,
    headers: input.headers,
    signedHeaders: input.authorization.signedHeaders,
    bodyHash: huaweiBodyHash(input.headers, input.body),
  });
  const expected = huaweiSignature(input.sk, huaweiStringToSign(sdkDate.trim(), canonicalRequest));
  const given = input.authorization.signature.toLowerCase();
  if (given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
