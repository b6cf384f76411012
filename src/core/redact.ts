/**
 * Redaction of secrets for logs, error serialisation and `util.inspect`.
 *
 * Header names and object keys that carry credentials are replaced by `[REDACTED]`. Matching is
 * case-insensitive and ignores `-` / `_`, so `X-Auth-Token`, `x_auth_token` and `xAuthToken` all match.
 */

const REDACTED = '[REDACTED]';

const SECRET_KEYS = new Set(
  [
    'x-auth-token',
    'x-subject-token',
    'authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'x-security-token',
    'x-acs-security-token',
    'sk',
    'secret',
    'secretkey',
    'secret-access-key',
    'accesskeysecret',
    'access-key-secret',
    'password',
    'securitytoken',
    'security-token',
    'token',
    'truststorepassword',
    'keystorepassword',
  ].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** True when a header name / object key names a secret. */
function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normaliseKey(key));
}

/** Returns a copy of `headers` with secret values replaced. */
export function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [k, v] of Object.entries(headers)) out[k] = isSecretKey(k) ? REDACTED : v;
  return out;
}

/** Deep copy of a JSON-like value with every secret-named key replaced (cycles and depth guarded). */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20 || seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = isSecretKey(k) && v !== null && v !== undefined ? REDACTED : redactValue(v, depth + 1, seen);
  }
  return out;
}
