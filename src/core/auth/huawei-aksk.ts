import { huaweiSignedHeaderList, sdkDateAt, signHuaweiRequest } from '../../signing/huawei.js';
import { ConfigurationError } from '../errors.js';
import { DescribedProvider, maskId } from './describe.js';
import type { AuthContext, AuthProvider, OutgoingRequest } from './types.js';

/** Options of {@link huaweiAkskAuth}: a Huawei Cloud access key pair, permanent or temporary. */
export interface HuaweiAkskOptions {
  /** Access key id (AK). */
  ak: string;
  /** Secret access key (SK); kept in a private field and never logged or serialised. */
  sk: string;
  /** Temporary-credential token, sent (and signed) as `X-Security-Token`. */
  securityToken?: string;
  /** Project id known to the credential (exposed through `resolveProjectId`). */
  projectId?: string;
}

/** Headers signed when present, besides `host` and `x-sdk-date`. */
const OPTIONAL_SIGNED = ['x-project-id', 'x-security-token', 'workspace'] as const;

/**
 * The signed-header list of each combination of present headers (bit 0: content-type with a body; bits 1–3: the
 * {@link OPTIONAL_SIGNED} headers), prepared once rather than built and normalised on every signature.
 */
const SIGNED_LISTS: readonly (readonly string[])[] = Array.from({ length: 16 }, (_, mask) =>
  huaweiSignedHeaderList([
    'host',
    ...(mask & 1 ? ['content-type'] : []),
    ...OPTIONAL_SIGNED.filter((_name, i) => mask & (2 << i)),
  ]),
);

/**
 * AK/SK signing (`SDK-HMAC-SHA256`). On every attempt: `X-Sdk-Date` from `ctx.now()`, `X-Security-Token` when
 * configured, `X-Project-Id` from the request (the core sets it; the provider's `projectId` fills it only when
 * absent), then `Authorization` over `host`, `content-type` (when a body is sent), `x-sdk-date`, `x-project-id`,
 * `x-security-token` and `workspace` (when present), and the exact body string.
 */
export class HuaweiAkskAuth extends DescribedProvider implements AuthProvider {
  /** Always `huawei-aksk`. */
  readonly kind = 'huawei-aksk' as const;
  readonly #ak: string;
  readonly #sk: string;
  readonly #securityToken: string | undefined;
  readonly #projectId: string | undefined;

  /**
   * Checks the options.
   * @throws {@link ConfigurationError} when `ak` or `sk` is empty, or `securityToken` / `projectId` is given but empty.
   */
  constructor(options: HuaweiAkskOptions) {
    super();
    const o = (options ?? {}) as Partial<HuaweiAkskOptions>;
    if (typeof o.ak !== 'string' || o.ak.trim() === '') {
      throw new ConfigurationError('auth.ak must be a non-empty string', { field: 'auth.ak' });
    }
    if (typeof o.sk !== 'string' || o.sk === '') {
      throw new ConfigurationError('auth.sk must be a non-empty string', { field: 'auth.sk' });
    }
    if (o.securityToken !== undefined && (typeof o.securityToken !== 'string' || o.securityToken === '')) {
      throw new ConfigurationError('auth.securityToken must be a non-empty string when given', {
        field: 'auth.securityToken',
      });
    }
    if (o.projectId !== undefined && (typeof o.projectId !== 'string' || o.projectId === '')) {
      throw new ConfigurationError('auth.projectId must be a non-empty string when given', { field: 'auth.projectId' });
    }
    this.#ak = o.ak.trim();
    this.#sk = o.sk;
    this.#securityToken = o.securityToken;
    this.#projectId = o.projectId;
  }

  /**
   * Signs `req` in place: sets `X-Sdk-Date`, `X-Security-Token` (temporary keys), `X-Project-Id` from the
   * `projectId` option when the request has none, and `Authorization`.
   */
  async apply(req: OutgoingRequest, ctx: AuthContext): Promise<void> {
    const headers = req.headers;
    if (this.#projectId !== undefined && headers['x-project-id'] === undefined)
      headers['x-project-id'] = this.#projectId;
    if (this.#securityToken !== undefined) headers['x-security-token'] = this.#securityToken;
    let mask = req.body !== undefined && headers['content-type'] !== undefined ? 1 : 0;
    for (let i = 0; i < OPTIONAL_SIGNED.length; i++) if (headers[OPTIONAL_SIGNED[i]!] !== undefined) mask |= 2 << i;
    // The date of ctx.now(), set on the request first: the signer signs the request's own `x-sdk-date`.
    headers['x-sdk-date'] = sdkDateAt(ctx.now());
    const result = signHuaweiRequest({
      method: req.method,
      url: req.url,
      headers,
      body: req.body,
      ak: this.#ak,
      sk: this.#sk,
      signedHeaders: SIGNED_LISTS[mask],
    });
    headers.authorization = result.authorization;
  }

  /** The `projectId` option, if given. */
  async resolveProjectId(_ctx: AuthContext): Promise<string | undefined> {
    return this.#projectId;
  }

  /** Non-secret description: kind, masked AK, whether the key is temporary, project id. */
  protected describe(): Record<string, unknown> {
    return {
      kind: this.kind,
      ak: maskId(this.#ak),
      temporary: this.#securityToken !== undefined,
      ...(this.#projectId !== undefined ? { projectId: this.#projectId } : {}),
    };
  }
}

/**
 * AK/SK request signing (`SDK-HMAC-SHA256`) with a permanent or temporary access key.
 * @throws {@link ConfigurationError} when `ak` or `sk` is empty.
 */
export function huaweiAkskAuth(options: HuaweiAkskOptions): HuaweiAkskAuth {
  return new HuaweiAkskAuth(options);
}
