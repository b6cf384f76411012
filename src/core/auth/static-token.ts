import { ConfigurationError } from '../errors.js';
import { DescribedProvider } from './describe.js';
import type { AuthContext, AuthProvider, OutgoingRequest } from './types.js';

export type TokenSource = string | (() => Promise<string>);

/**
 * `X-Auth-Token` with a caller-supplied IAM token. A function source is called on every request (so it can hand
 * out a refreshed token); after a 401 `APIGW.0307` (expired token) the request is replayed once with a function
 * source, never with a fixed string (it would fail the same way).
 */
export class StaticTokenAuth extends DescribedProvider implements AuthProvider {
  readonly kind = 'token' as const;
  readonly #source: TokenSource;

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

  async apply(req: OutgoingRequest, _ctx: AuthContext): Promise<void> {
    const token = typeof this.#source === 'string' ? this.#source : await this.#source();
    if (typeof token !== 'string' || token.trim() === '') {
      throw new ConfigurationError('the auth.token function returned an empty or non-string token', { field: 'auth' });
    }
    req.headers['x-auth-token'] = token.trim();
  }

  onUnauthorized(errorCode: string | undefined): boolean {
    return typeof this.#source === 'function' && errorCode?.toUpperCase() === 'APIGW.0307';
  }

  protected describe(): Record<string, unknown> {
    return { kind: this.kind, source: typeof this.#source === 'string' ? 'static' : 'function' };
  }
}

/** An IAM token sent as `X-Auth-Token`: a fixed string, or a function called before every request. */
export function staticTokenAuth(token: TokenSource): StaticTokenAuth {
  return new StaticTokenAuth(token);
}
