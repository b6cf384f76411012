/**
 * Alibaba Cloud signature V3 `ACS3-HMAC-SHA256`. Pure functions on node:crypto, shared by the client's
 * ACS3 provider and the mock's DataWorks verifier. Module state: the `x-acs-date` of the current second and a pool
 * of random nonce bytes; `digest.ts` keeps the HMAC padded keys of recently used secrets (bounded, private).
 */
import { randomFillSync, timingSafeEqual } from 'node:crypto';
import { parseAuthorizationParts } from './authorization.js';
import { EMPTY_SHA256, hmacSha256Hex, sha256Hex } from './digest.js';
import {
  normalizePathSegment,
  perSecond,
  requestUrlParts,
  rfc3986Encode,
  setSorted,
  sortedQueryPairs,
} from './encoding.js';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** `encodeURIComponent` plus `! ' ( ) *` → `%21 %27 %28 %29 %2A` (space → `%20`, `~` kept). */
export function acs3Encode(value: string): string {
  return rfc3986Encode(value);
}

/** UTC `yyyy-MM-ddTHH:mm:ssZ`, e.g. `2023-10-26T10:22:32Z`. */
export function formatAcsDate(date: Date): string {
  const y = date.getUTCFullYear();
  // Built from the UTC fields for 4-digit years (about half the cost of `toISOString()`, which matters once per
  // signature); other years and invalid dates keep `toISOString()`'s output and its RangeError.
  if (!(y >= 1000 && y <= 9999)) return `${date.toISOString().slice(0, 19)}Z`;
  return `${y}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

const ACS_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses an `x-acs-date` value to epoch ms; undefined when malformed or not a real calendar time. */
export function parseAcsDate(value: string): number | undefined {
  if (!ACS_DATE.test(value)) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || formatAcsDate(new Date(ms)) !== value) return undefined;
  return ms;
}

/** Parameters sorted by name then value, `encode(name)=encode(value)` joined by `&`; empty without a query. */
export function acs3CanonicalQuery(search: string | URLSearchParams): string {
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

/**
 * Canonical URI: `/` for RPC; for other paths each segment is decoded then re-encoded with {@link acs3Encode}
 * (no trailing slash is added, unlike Huawei).
 */
export function acs3CanonicalUri(rawPath: string): string {
  if (rawPath === '' || rawPath === '/') return '/';
  return rawPath
    .split('/')
    .map((s) => normalizePathSegment(s))
    .join('/');
}

/** Lowercase names of the headers ACS3 signs: `x-acs-*`, `host`, `content-type`; sorted. */
export function acs3SignedHeaderNames(headers: Record<string, string>): string[] {
  const names: string[] = [];
  for (const key in headers) {
    const lower = key.toLowerCase();
    if ((lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-')) && !names.includes(lower)) {
      names.push(lower);
    }
  }
  return names.sort();
}

function headerValue(headers: Record<string, string>, lowerName: string): string | undefined {
  const direct = headers[lowerName];
  if (direct !== undefined) return direct;
  for (const key in headers) if (key.toLowerCase() === lowerName) return headers[key];
  return undefined;
}

export interface Acs3CanonicalRequestInput {
  method: string;
  url: URL | string;
  headers: Record<string, string>;
  /** Names to sign; default {@link acs3SignedHeaderNames}(headers). Lowercased and sorted. */
  signedHeaders?: readonly string[];
  /** Hex SHA-256 of the body; default the `x-acs-content-sha256` header. */
  bodyHash?: string;
}

/** Builds the canonical request; a signed header absent from `headers` (other than `host`) is an error. */
export function acs3CanonicalRequest(input: Acs3CanonicalRequestInput): string {
  const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
  const names =
    input.signedHeaders === undefined
      ? acs3SignedHeaderNames(input.headers)
      : [...new Set(input.signedHeaders.map((n) => n.trim().toLowerCase()))].sort();
  let headerBlock = '';
  for (const name of names) {
    let value = headerValue(input.headers, name);
    if (value === undefined) {
      if (name === 'host') value = url.host;
      else throw new Error(`Signed header '${name}' is not present on the request`);
    }
    headerBlock += `${name}:${value.trim()}\n`;
  }
  const bodyHash = input.bodyHash ?? headerValue(input.headers, 'x-acs-content-sha256')?.trim() ?? EMPTY_SHA256;
  return `${input.method.toUpperCase()}\n${acs3CanonicalUri(url.pathname)}\n${acs3CanonicalQuery(url.search)}\n${headerBlock}\n${names.join(';')}\n${bodyHash}`;
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function acs3Signature(accessKeySecret: string, stringToSign: string): string {
  return hmacSha256Hex(accessKeySecret, stringToSign);
}

export function formatAcs3Authorization(accessKeyId: string, signedHeaders: readonly string[], signature: string) {
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
}

export interface SignAcs3RequestInput {
  method: string;
  url: URL | string;
  /** Request headers (not modified); must carry `x-acs-action` and `x-acs-version`, and `content-type` with a body. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token: adds `x-acs-security-token` (and `x-acs-accesskey-id`, like the official SDK). */
  securityToken?: string;
  /** Signing time; default now. */
  date?: Date;
  /** `x-acs-signature-nonce`; default 32 random hex digits (128 bits from `crypto.randomFillSync`). */
  nonce?: string;
}

export interface SignAcs3RequestResult {
  /** Headers to add to the request: `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256`, STS headers, `authorization`. */
  headers: Record<string, string>;
  signedHeaders: string[];
  canonicalRequest: string;
  signature: string;
  authorization: string;
}

/** The `x-acs-date` of a time in ms, the last second's text cached. */
const acsDateAt = perSecond(formatAcsDate);

/**
 * Default nonces: 32 hex digits (128 random bits) taken from a pool filled by `crypto.randomFillSync`, the way
 * `crypto.randomUUID()` buffers its entropy; a nonce is public once sent, and each is used once.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;

function nextNonce(): string {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString('hex', nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

export function signAcs3Request(input: SignAcs3RequestInput): SignAcs3RequestResult {
  const url = requestUrlParts(input.url);
  const bodyHash = input.body === undefined ? EMPTY_SHA256 : sha256Hex(input.body);
  const date = input.date === undefined ? acsDateAt(Date.now()) : formatAcsDate(input.date);
  const nonce = input.nonce ?? nextNonce();
  const sts = input.securityToken !== undefined && input.securityToken !== '';
  // Signed headers: x-acs-*, host, content-type, sorted by name; the signer's own headers replace the caller's.
  const names: string[] = [];
  const values: string[] = [];
  let hasHost = false;
  for (const key in input.headers) {
    const name = key.toLowerCase();
    if (name === 'host') hasHost = true;
    else if (name.startsWith('x-acs-')) {
      if (
        name === 'x-acs-date' ||
        name === 'x-acs-signature-nonce' ||
        name === 'x-acs-content-sha256' ||
        (sts && (name === 'x-acs-accesskey-id' || name === 'x-acs-security-token'))
      ) {
        continue;
      }
    } else if (name !== 'content-type') continue;
    const value = input.headers[key] as string;
    // One entry per name, valued as `headerValue` does: the lowercase key if there is one, else the first spelling.
    setSorted(names, values, name, value, key === name);
  }
  if (!hasHost) setSorted(names, values, 'host', url.host);
  setSorted(names, values, 'x-acs-date', date);
  setSorted(names, values, 'x-acs-signature-nonce', nonce);
  setSorted(names, values, 'x-acs-content-sha256', bodyHash);
  if (sts) {
    setSorted(names, values, 'x-acs-accesskey-id', input.accessKeyId);
    setSorted(names, values, 'x-acs-security-token', input.securityToken as string);
  }
  let block = '';
  let signedHeaderList = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    block += `${name}:${(values[i] as string).trim()}\n`;
    signedHeaderList += i === 0 ? name : `;${name}`;
  }
  const pathname = url.pathname;
  const search = url.search;
  const canonicalRequest = `${input.method.toUpperCase()}\n${url.plainPath ? pathname : acs3CanonicalUri(pathname)}\n${search === '' ? '' : acs3CanonicalQuery(search)}\n${block}\n${signedHeaderList}\n${bodyHash}`;
  const signature = hmacSha256Hex(input.accessKeySecret, `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`);
  const authorization = `${ACS3_ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signedHeaderList},Signature=${signature}`;
  const headers: Record<string, string> = sts
    ? {
        'x-acs-date': date,
        'x-acs-signature-nonce': nonce,
        'x-acs-content-sha256': bodyHash,
        'x-acs-accesskey-id': input.accessKeyId,
        'x-acs-security-token': input.securityToken as string,
        authorization,
      }
    : { 'x-acs-date': date, 'x-acs-signature-nonce': nonce, 'x-acs-content-sha256': bodyHash, authorization };
  return { headers, signedHeaders: names, canonicalRequest, signature, authorization };
}

export interface ParsedAcs3Authorization {
  algorithm: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=…` (whitespace tolerated). */
export function parseAcs3Authorization(header: string): ParsedAcs3Authorization | undefined {
  const parsed = parseAuthorizationParts(header, 'Credential');
  if (!parsed) return undefined;
  const { algorithm, keyId, signedHeaders, signature } = parsed;
  return { algorithm, credential: keyId, signedHeaders, signature };
}

export interface VerifyAcs3Input {
  method: string;
  url: URL | string;
  headers: Record<string, string>;
  authorization: ParsedAcs3Authorization;
  accessKeySecret: string;
}

/**
 * Recomputes the signature over the listed SignedHeaders, using the `x-acs-content-sha256` header as the payload
 * hash (callers check separately that it equals the body's hash), and compares in constant time.
 */
export function verifyAcs3Signature(input: VerifyAcs3Input): boolean {
  const canonicalRequest = acs3CanonicalRequest({
    method: input.method,
    url: input.url,
    headers: input.headers,
    signedHeaders: input.authorization.signedHeaders,
  });
  const expected = acs3Signature(input.accessKeySecret, acs3StringToSign(canonicalRequest));
  const given = input.authorization.signature.toLowerCase();
  if (given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Hex SHA-256 helper re-exported for verifiers (`x-acs-content-sha256` check). */
export { sha256Hex as acs3Sha256Hex };
