import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, hmacSha256Hex, sha256Hex } from '../../src/signing/digest.js';

describe('digest helpers', () => {
  it('HMAC-SHA256 equals createHmac for random keys (short, block-sized, long, non-ASCII) and messages', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 100 }),
          fc.string({ minLength: 60, maxLength: 70 }),
          fc.string({ minLength: 1, maxLength: 200 }),
        ),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (key, message) => {
          expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
        },
      ),
      { numRuns: 1000 },
    );
    // RFC 4231 test case 2.
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hmacSha256Hex('k'.repeat(64), 'x')).toBe(createHmac('sha256', 'k'.repeat(64)).update('x').digest('hex'));
    expect(hmacSha256Hex('k'.repeat(65), '')).toBe(createHmac('sha256', 'k'.repeat(65)).update('').digest('hex'));
  });

  it('SHA-256 of strings (UTF-8) and bytes equals createHash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (s, b) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
        expect(sha256Hex(b)).toBe(createHash('sha256').update(b).digest('hex'));
      }),
      { numRuns: 300 },
    );
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
    expect(sha256Hex(new Uint8Array())).toBe(EMPTY_SHA256);
  });
});
