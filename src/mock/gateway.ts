/**
 * Gateway authentication of the mock: Huawei token or AK/SK, Alibaba ACS3. Pure functions over the credential store:
 * they never put a secret (token, SK, security token, signature) in a message.
 */
import {
  ACS3_ALGORITHM,
  acs3Sha256Hex,
  parseAcs3Authorization,
  parseAcsDate,
  verifyAcs3Signature,
} from '../signing/acs3.js';
import { HUAWEI_ALGORITHM, parseHuaweiAuthorization, parseSdkDate, verifyHuaweiSignature } from '../signing/huawei.js';
import type { CredentialStore, UserRecord } from './credentials.js';
import type { CallerIdentity, RouteAuth } from './types.js';

/** Allowed distance between a signature date and the mock clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** The caller's identity, or the gateway's error answer (status, code, message). */
export type AuthResult =
  | { ok: true; identity: CallerIdentity }
  | { ok: false; status: number; code: string; message: string };

/** The parts of a request gateway auth reads. */
export interface GatewayRequest {
  method: string;
  url: URL;
  /** Lowercase header names. */
  headers: Record<string, string>;
  rawBody: string;
}

const APIGW_0301 = 'APIGW.0301';
const APIGW_0306 = 'APIGW.0306';
const APIGW_0307 = 'APIGW.0307';

const unauthorized = (reason: string): AuthResult => ({
  ok: false,
  status: 401,
  code: APIGW_0301,
  message: `Incorrect IAM authentication information: ${reason}`,
});
const denied = (reason: string): AuthResult => ({
  ok: false,
  status: 403,
  code: APIGW_0306,
  message: `API access denied: ${reason}`,
});

function identityOf(
  accounts: CredentialStore,
  user: UserRecord,
  projectId: string,
  via: CallerIdentity['via'],
): CallerIdentity {
  const domain = accounts.domains.get(user.domainId);
  return {
    userId: user.id,
    userName: user.name,
    domainId: user.domainId,
    domainName: domain?.name ?? '',
    projectId,
    via,
  };
}

/**
 * Huawei API Gateway auth for routes with `auth: 'huawei'`.
 *
 * - `X-Auth-Token` present → it alone is checked: missing/unknown → 401 APIGW.0301, expired → 401 APIGW.0307,
 *   path project ≠ token project (or a domain-scoped token on a project path) → 403 APIGW.0306. X-Project-Id is
 *   ignored with a token.
 * - Otherwise AK/SK `SDK-HMAC-SHA256`: every failure → 401 APIGW.0301 naming the reason. `X-Project-Id` ≠ path
 *   project → 403 APIGW.0306. The scope (X-Project-Id, else the path project) must be a project of the key owner's
 *   account, else 403 APIGW.0306 (the mock's choice: an unknown project id in the path is "access denied", as for a
 *   token of another project). Routes without a project in the path get X-Project-Id (or '') as scope.
 */
export function verifyHuawei(
  accounts: CredentialStore,
  now: number,
  req: GatewayRequest,
  pathProjectId: string | undefined,
): AuthResult {
  const token = req.headers['x-auth-token'];
  if (token !== undefined) {
    const record = token === '' ? undefined : accounts.tokens.get(token.trim());
    if (record === undefined) return unauthorized('the X-Auth-Token is not a valid token');
    const user = accounts.users.get(record.userId);
    if (user === undefined) return unauthorized('the X-Auth-Token is not a valid token');
    if (record.expiresAt !== null && now >= record.expiresAt) {
      return { ok: false, status: 401, code: APIGW_0307, message: 'The token must be updated.' };
    }
    if (pathProjectId !== undefined) {
      if (record.projectId === undefined) return denied('the token is not scoped to a project');
      if (record.projectId !== pathProjectId) return denied('the token is scoped to another project than the path');
    }
    return { ok: true, identity: identityOf(accounts, user, record.projectId ?? '', 'token') };
  }

  const authorization = req.headers.authorization;
  if (authorization === undefined || authorization.trim() === '') {
    return unauthorized('no credentials: send X-Auth-Token or an SDK-HMAC-SHA256 Authorization header');
  }
  const parsed = parseHuaweiAuthorization(authorization);
  if (parsed === undefined || parsed.algorithm !== HUAWEI_ALGORITHM) {
    return unauthorized(`the Authorization header is not a well-formed ${HUAWEI_ALGORITHM} header`);
  }
  if (!parsed.signedHeaders.includes('x-sdk-date')) return unauthorized('x-sdk-date must be among SignedHeaders');
  for (const name of parsed.signedHeaders) {
    if (name === 'authorization') return unauthorized('the Authorization header cannot be signed');
    if (req.headers[name] === undefined && name !== 'host') {
      return unauthorized(`signed header '${name}' is not present on the request`);
    }
  }
  const sdkDate = parseSdkDate((req.headers['x-sdk-date'] ?? '').trim());
  if (sdkDate === undefined) return unauthorized('X-Sdk-Date is not of the form YYYYMMDDTHHMMSSZ');
  if (Math.abs(sdkDate - now) > MAX_SKEW_MS) {
    return unauthorized('X-Sdk-Date is more than 15 minutes away from the server time');
  }
  const key = accounts.accessKeys.get(parsed.access);
  const user = key === undefined ? undefined : accounts.users.get(key.userId);
  if (key === undefined || user === undefined) return unauthorized('the access key does not exist');
  if (key.securityToken !== undefined) {
    const given = req.headers['x-security-token'];
    if (given === undefined) return unauthorized('a temporary access key requires X-Security-Token');
    if (given.trim() !== key.securityToken) return unauthorized('X-Security-Token does not match the access key');
  }
  let valid: boolean;
  try {
    valid = verifyHuaweiSignature({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: req.rawBody,
      authorization: parsed,
      sk: key.sk,
    });
  } catch {
    valid = false;
  }
  if (!valid) return unauthorized('the signature does not match (check the SK, signed headers, body and path)');

  const headerProject = req.headers['x-project-id']?.trim();
  if (
    headerProject !== undefined &&
    headerProject !== '' &&
    pathProjectId !== undefined &&
    headerProject !== pathProjectId
  ) {
    return denied('X-Project-Id does not match the project in the path');
  }
  const scope = headerProject || pathProjectId;
  if (scope !== undefined && scope !== '') {
    const project = accounts.projects.get(scope);
    if (project === undefined || project.domainId !== user.domainId) {
      return denied(`project ${scope} is not a project of the access key's account`);
    }
  }
  return { ok: true, identity: identityOf(accounts, user, scope ?? '', 'aksk') };
}

/** Remembers ACS3 nonces for the skew window (anti-replay). */
export class NonceCache {
  private seen = new Map<string, number>();

  /** True when the nonce was seen within the window; records it otherwise. */
  checkAndRecord(nonce: string, now: number): boolean {
    for (const [n, until] of this.seen) if (until <= now) this.seen.delete(n);
    if (this.seen.has(nonce)) return true;
    this.seen.set(nonce, now + MAX_SKEW_MS);
    return false;
  }

  clear(): void {
    this.seen.clear();
  }
}

const ACS3_REQUIRED = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];

/**
 * Alibaba ACS3-HMAC-SHA256 verification. The codes are the OpenAPI gateway's, which its products' envelope renders
 * (the gateway owns no code, so the service's envelope answers).
 */
export function verifyAcs3(
  accounts: CredentialStore,
  nonces: NonceCache,
  now: number,
  req: GatewayRequest,
): AuthResult {
  const fail = (status: number, code: string, message: string): AuthResult => ({ ok: false, status, code, message });
  if (req.url.searchParams.has('Signature')) {
    return fail(
      400,
      'IncompleteSignature',
      'Signature V2 (Signature query parameter) is not supported; use ACS3-HMAC-SHA256',
    );
  }
  const header = req.headers.authorization;
  const parsed = header === undefined ? undefined : parseAcs3Authorization(header);
  if (parsed === undefined || parsed.algorithm !== ACS3_ALGORITHM) {
    return fail(
      400,
      'IncompleteSignature',
      `The Authorization header is missing or is not a well-formed ${ACS3_ALGORITHM} header.`,
    );
  }
  const required = [...ACS3_REQUIRED];
  if (req.rawBody !== '') required.push('content-type');
  for (const name of required) {
    if (!parsed.signedHeaders.includes(name))
      return fail(400, 'IncompleteSignature', `The header ${name} must be signed.`);
  }
  for (const name of parsed.signedHeaders) {
    if (name === 'authorization') return fail(400, 'IncompleteSignature', 'The Authorization header cannot be signed.');
    if (req.headers[name] === undefined && name !== 'host') {
      return fail(400, 'IncompleteSignature', `The signed header ${name} is not present on the request.`);
    }
  }
  const key = accounts.accessKeys.get(parsed.credential);
  const user = key === undefined ? undefined : accounts.users.get(key.userId);
  if (key === undefined || user === undefined) {
    return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  if (key.securityToken !== undefined && req.headers['x-acs-security-token']?.trim() !== key.securityToken) {
    return fail(
      400,
      'InvalidSecurityToken.Mismatch',
      'The security token is missing or does not match the access key.',
    );
  }
  const date = parseAcsDate((req.headers['x-acs-date'] ?? '').trim());
  if (date === undefined || Math.abs(date - now) > MAX_SKEW_MS) {
    return fail(
      400,
      'InvalidTimeStamp.Expired',
      'x-acs-date is malformed or more than 15 minutes away from the server time.',
    );
  }
  if ((req.headers['x-acs-content-sha256'] ?? '').trim().toLowerCase() !== acs3Sha256Hex(req.rawBody)) {
    return fail(400, 'SignatureDoesNotMatch', 'x-acs-content-sha256 does not match the body.');
  }
  let valid: boolean;
  try {
    valid = verifyAcs3Signature({
      method: req.method,
      url: req.url,
      headers: req.headers,
      authorization: parsed,
      accessKeySecret: key.sk,
    });
  } catch {
    valid = false;
  }
  if (!valid) return fail(400, 'SignatureDoesNotMatch', 'The request signature does not conform to Aliyun standards.');
  if (nonces.checkAndRecord((req.headers['x-acs-signature-nonce'] ?? '').trim(), now)) {
    return fail(400, 'SignatureNonceUsed', 'The request signature nonce has been used.');
  }
  return { ok: true, identity: identityOf(accounts, user, '', 'acs3') };
}

/**
 * Authenticates a request for a route of `auth` kind (`params`: the route's path parameters, whose `project_id` a
 * Huawei credential must be scoped to): undefined when the route needs no gateway auth (`none`, and `iam-password`,
 * whose handler checks the password itself).
 */
export function authenticate(
  auth: RouteAuth,
  credentials: CredentialStore,
  nonces: NonceCache,
  now: number,
  req: GatewayRequest,
  params: Record<string, string>,
): AuthResult | undefined {
  if (auth === 'huawei') return verifyHuawei(credentials, now, req, params.project_id);
  if (auth === 'acs3') return verifyAcs3(credentials, nonces, now, req);
  return undefined;
}
