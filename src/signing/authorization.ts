/** Shared parsing of the `Authorization` headers of both signature schemes (SDK-HMAC-SHA256 and ACS3). */

/** The parts every scheme has: the algorithm, the key id, the signed header names and the signature. */
export interface ParsedAuthorizationParts {
  algorithm: string;
  keyId: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Parses `<ALGORITHM> <keyField>=…, SignedHeaders=a;b, Signature=…` (field names case-insensitive, whitespace around
 * `,`, `=` and `;` tolerated). Returns undefined when a part is missing, empty or duplicated.
 */
export function parseAuthorizationParts(header: string, keyField: string): ParsedAuthorizationParts | undefined {
  const trimmed = header.trim();
  const sp = trimmed.search(/\s/);
  if (sp <= 0) return undefined;
  const algorithm = trimmed.slice(0, sp);
  const parts: Record<string, string> = {};
  for (const part of trimmed.slice(sp + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim().toLowerCase();
    if (key in parts) return undefined;
    parts[key] = part.slice(eq + 1).trim();
  }
  const keyId = parts[keyField.toLowerCase()];
  const signed = parts.signedheaders;
  const signature = parts.signature;
  if (!keyId || !signed || !signature) return undefined;
  const signedHeaders = signed.split(';').map((s) => s.trim().toLowerCase());
  if (signedHeaders.some((s) => s === '')) return undefined;
  return { algorithm, keyId, signedHeaders, signature };
}
