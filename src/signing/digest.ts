/**
 * SHA-256 and HMAC-SHA256 hex digests for the signers. `crypto.hash()` (one-shot, Node ≥ 20.12) costs about half
 * of `createHash()` for the small inputs signing hashes; nothing is kept between calls.
 */
import * as nodeCrypto from 'node:crypto';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type OneShotHash = (algorithm: string, data: string | Uint8Array, outputEncoding: 'hex') => string;
const oneShot: OneShotHash | undefined = (nodeCrypto as { hash?: OneShotHash }).hash;

export function sha256Hex(data: string | Uint8Array): string {
  if (data.length === 0) return EMPTY_SHA256;
  if (oneShot !== undefined) return oneShot('sha256', data, 'hex');
  return nodeCrypto.createHash('sha256').update(data).digest('hex');
}

/**
 * hex(HMAC-SHA256(key, message)). `createHmac` is kept here: an HMAC built from two one-shot hashes measured no
 * faster once its buffer handling is counted, and this keeps key material inside OpenSSL.
 */
export function hmacSha256Hex(key: string, message: string): string {
  return nodeCrypto.createHmac('sha256', key).update(message).digest('hex');
}
