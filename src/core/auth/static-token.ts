import { ConfigurationError } from '../errors.js';
import { DescribedProvider } from './describe.js';
import type { AuthContext, AuthProvider, OutgoingRequest } from './types.js';

/** An IAM token: a fixed string, or a function that returns the current token (called before every request). */
export type TokenSource = string | (() => Promise<string>);

/**
 * `X-Auth-Token` with a caller-supplied IAM token. A function source is called on every request (so it can hand
 * out a refreshed token); after a 401 `APIGW.0307` (expired token) the request is replayed once with a function
 * source, never with a fixed string (it would fail the same way).
 */
export class StaticTokenAuth extends DescribedProvider implements AuthProvider {
  /** Always `token`. */
  readonly kind = 'token' as const;
  readonly #source: TokenSource;

  /**
   * Checks the token source.
   * @throws {@link ConfigurationError} when `token` is neither a non-empty string nor a function.
   */
  constructor(token: TokenSource) {
    super();
    if (typeof token === 'string') {
      if (token.trim() === '') throw new ConfigurationError('auth.token must be a non-empty string', { field: 'auth' });
    } else if (typeof token !== 'function') {
      throw new ConfigurationError('auth.token must be a string or a function returning a promise of a string', {
        field: 'auth',
      });
    }
    this.#source = token;
  }

  /** Sets `X-Auth-Token` on `req` (calling the token function, when one was given). */
  async apply(req: OutgoingRequest, _ctx: AuthContext): Promise<void> {
    const token = typeof this.#source === 'string' ? this.#source : await this.#source();
    if (typeof token !== 'string' || token.trim() === '') {
      throw new ConfigurationError('the auth.token function returned an empty or non-string token', { field: 'auth' });
    }
    req.headers['x-auth-token'] = token.trim();
  }

  /** Returns `true` (replay once) after `APIGW.0307` (token expired) when the source is a function. */
  onUnauthorized(errorCode: string | undefined): boolean {
    return typeof this.#source === 'function' && errorCode?.toUpperCase() === 'APIGW.0307';
  }

  /** Non-secret description: the kind and whether the token comes from a function. */
  protected describe(): Record<string, unknown> {
    return { kind: this.kind, source: typeof this.#source === 'string' ? 'static' : 'function' };
  }
}

/** An IAM token sent as `X-Auth-Token`: a fixed string, or a function called before every request. */
export function staticTokenAuth(token: TokenSource): StaticTokenAuth {
  return new StaticTokenAuth(token);
}
