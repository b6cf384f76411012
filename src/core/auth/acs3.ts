import { signAcs3Request } from '../../signing/acs3.js';
import { ConfigurationError } from '../errors.js';
import { DescribedProvider, maskId } from './describe.js';
import type { AuthContext, AuthProvider, OutgoingRequest } from './types.js';

/** Options of {@link acs3Auth}: an Alibaba Cloud AccessKey pair, permanent or STS. */
export interface Acs3Options {
  /** AccessKey id. */
  accessKeyId: string;
  /** AccessKey secret; kept in a private field and never logged or serialised. */
  accessKeySecret: string;
  /** STS token: sent and signed as `x-acs-security-token`. */
  securityToken?: string;
}

/**
 * Alibaba `ACS3-HMAC-SHA256`. The request must already carry `x-acs-action` and `x-acs-version` (and
 * `content-type` with a body); the provider adds `x-acs-date` (from `ctx.now()`), a fresh
 * `x-acs-signature-nonce`, `x-acs-content-sha256`, the STS headers and `authorization` on every attempt.
 */
export class Acs3Auth extends DescribedProvider implements AuthProvider {
  /** Always `acs3`. */
  readonly kind = 'acs3' as const;
  readonly #accessKeyId: string;
  readonly #accessKeySecret: string;
  readonly #securityToken: string | undefined;

  /**
   * Checks the options.
   * @throws {@link ConfigurationError} when `accessKeyId` or `accessKeySecret` is empty, or `securityToken` is given but
   * empty.
   */
  constructor(options: Acs3Options) {
    super();
    const o = (options ?? {}) as Partial<Acs3Options>;
    if (typeof o.accessKeyId !== 'string' || o.accessKeyId.trim() === '') {
      throw new ConfigurationError('auth.accessKeyId must be a non-empty string', { field: 'auth.accessKeyId' });
    }
    if (typeof o.accessKeySecret !== 'string' || o.accessKeySecret === '') {
      throw new ConfigurationError('auth.accessKeySecret must be a non-empty string', {
        field: 'auth.accessKeySecret',
      });
    }
    if (o.securityToken !== undefined && (typeof o.securityToken !== 'string' || o.securityToken === '')) {
      throw new ConfigurationError('auth.securityToken must be a non-empty string when given', {
        field: 'auth.securityToken',
      });
    }
    this.#accessKeyId = o.accessKeyId.trim();
    this.#accessKeySecret = o.accessKeySecret;
    this.#securityToken = o.securityToken;
  }

  /** Signs `req` in place (`x-acs-date`, a fresh nonce, `x-acs-content-sha256`, STS token, `authorization`). */
  async apply(req: OutgoingRequest, ctx: AuthContext): Promise<void> {
    const signed = signAcs3Request({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: req.body,
      accessKeyId: this.#accessKeyId,
      accessKeySecret: this.#accessKeySecret,
      securityToken: this.#securityToken,
      date: new Date(ctx.now()),
    });
    Object.assign(req.headers, signed.headers);
  }

  /** Non-secret description: kind, masked AccessKey id, whether the key is temporary. */
  protected describe(): Record<string, unknown> {
    return { kind: this.kind, accessKeyId: maskId(this.#accessKeyId), temporary: this.#securityToken !== undefined };
  }
}

/**
 * Alibaba Cloud request signing (`ACS3-HMAC-SHA256`), used by the DataWorks client.
 * @throws {@link ConfigurationError} when `accessKeyId` or `accessKeySecret` is empty.
 */
export function acs3Auth(options: Acs3Options): Acs3Auth {
  return new Acs3Auth(options);
}
