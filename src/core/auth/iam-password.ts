import { ConfigurationError, createApiError, ResponseValidationError } from '../errors.js';
import { DescribedProvider } from './describe.js';
import type { AuthContext, AuthProvider, OutgoingRequest, RawResponse } from './types.js';

/** Options of {@link iamPasswordAuth}: an IAM user's password login, scoped to one project. */
export interface IamPasswordOptions {
  /** IAM endpoint; default `https://iam.{region}.myhuaweicloud.com`, or `https://iam.myhuaweicloud.com` without region. */
  endpoint?: string;
  /** Account (domain) name. */
  domainName: string;
  /** IAM user name. */
  userName: string;
  /** The user's password; kept in a private field and never logged or serialised. */
  password: string;
  /** Project scope by id … */
  projectId?: string;
  /** … or by name (a region id such as `cn-north-4`). Default: the client's region. */
  projectName?: string;
  /** Refresh when less than this much validity remains; default 15 min. */
  refreshBeforeMs?: number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
  projectId: string | undefined;
}

interface Flight {
  promise: Promise<CachedToken>;
  waiters: number;
  controller: AbortController;
}

const DEFAULT_REFRESH_BEFORE_MS = 15 * 60_000;
/** Validity assumed when IAM omits or garbles `expires_at` (IAM tokens last 24 h). */
const DEFAULT_VALIDITY_MS = 24 * 3_600_000;
/** A token still valid this long is used when its refresh fails (IAM hiccup inside the refresh window). */
const FALLBACK_MIN_VALIDITY_MS = 60_000;
const TOKENS_PATH = '/v3/auth/tokens?nocatalog=true';

function header(headers: Record<string, string>, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * IAM password → project-scoped token (`POST /v3/auth/tokens`, password method), sent as `X-Auth-Token`.
 *
 * - Tokens are cached per (IAM endpoint, account, user, project) inside this provider instance (never shared
 *   between instances, so a second provider with a different password cannot pick up the first one's token).
 * - A cached token is refreshed when less than `refreshBeforeMs` (15 min) of validity remain, measured with
 *   `ctx.now()`; if that refresh fails while the old token is still valid for at least a minute, the old token is
 *   used and the next request tries again.
 * - Concurrent callers share one in-flight IAM request, and its failure: every waiter gets the same error once, and
 *   the next call asks IAM again (a failure is never cached). Each caller stops waiting when its own signal
 *   aborts; the IAM request itself is aborted only when every waiter has gone.
 * - After a 401 the provider looks at the token the request carried. Was it the cached one: `APIGW.0307` (expired)
 *   drops it and asks for one replay, `APIGW.0301` (not accepted, e.g. revoked) drops it without a replay. Was it
 *   an older one (the cache has moved on, or was already dropped by another request): the cache is left alone
 *   and the request is replayed once with the current token, so a storm of late 401s costs one IAM request.
 * - The password lives in a `#private` field; it never appears in errors, `util.inspect`, JSON or `String()`.
 */
export class IamPasswordAuth extends DescribedProvider implements AuthProvider {
  /** Always `iam-password`. */
  readonly kind = 'iam-password' as const;
  readonly #endpoint: string | undefined;
  readonly #domainName: string;
  readonly #userName: string;
  readonly #password: string;
  readonly #projectId: string | undefined;
  readonly #projectName: string | undefined;
  readonly #refreshBeforeMs: number;
  readonly #cache = new Map<string, CachedToken>();
  readonly #flights = new Map<string, Flight>();

  /**
   * Checks the options (no request is made until the first call).
   * @throws {@link ConfigurationError} when a required option is missing or empty, or `refreshBeforeMs` is not a
   * non-negative number.
   */
  constructor(options: IamPasswordOptions) {
    super();
    const o = (options ?? {}) as Partial<IamPasswordOptions>;
    for (const field of ['domainName', 'userName', 'password'] as const) {
      const v = o[field];
      if (typeof v !== 'string' || v === '') {
        throw new ConfigurationError(`auth.${field} must be a non-empty string`, { field: `auth.${field}` });
      }
    }
    if (o.projectId !== undefined && o.projectName !== undefined) {
      throw new ConfigurationError('auth: give either projectId or projectName, not both', { field: 'auth.projectId' });
    }
    for (const field of ['projectId', 'projectName', 'endpoint'] as const) {
      const v = o[field];
      if (v !== undefined && (typeof v !== 'string' || v === '')) {
        throw new ConfigurationError(`auth.${field} must be a non-empty string when given`, { field: `auth.${field}` });
      }
    }
    if (o.endpoint !== undefined) {
      let url: URL;
      try {
        url = new URL(o.endpoint);
      } catch {
        throw new ConfigurationError('auth.endpoint must be an absolute http(s) URL', { field: 'auth.endpoint' });
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new ConfigurationError('auth.endpoint must be an absolute http(s) URL', { field: 'auth.endpoint' });
      }
    }
    const refresh = o.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
    if (typeof refresh !== 'number' || !Number.isFinite(refresh) || refresh < 0) {
      throw new ConfigurationError('auth.refreshBeforeMs must be a non-negative number', {
        field: 'auth.refreshBeforeMs',
      });
    }
    this.#endpoint = o.endpoint?.replace(/\/+$/, '');
    this.#domainName = o.domainName as string;
    this.#userName = o.userName as string;
    this.#password = o.password as string;
    this.#projectId = o.projectId;
    this.#projectName = o.projectName;
    this.#refreshBeforeMs = refresh;
  }

  /** Sets `X-Auth-Token` on `req`, first obtaining or refreshing the token from IAM when needed. */
  async apply(req: OutgoingRequest, ctx: AuthContext): Promise<void> {
    const { token } = await this.#token(ctx);
    req.headers['x-auth-token'] = token;
  }

  /**
   * After a 401 for `req` (the request as sent). When `req` carried a token that is no longer cached, nothing is
   * dropped and the answer is `true`: replay once with the current token. When it carried the cached token (or
   * `req` is not given): `APIGW.0307` (expired) drops it and returns `true`; `APIGW.0301` drops it and returns
   * `false`; other codes change nothing and return `false`.
   */
  onUnauthorized(errorCode: string | undefined, req?: OutgoingRequest): boolean {
    const code = errorCode?.toUpperCase();
    const drops = code === 'APIGW.0307' || code === 'APIGW.0301';
    if (req === undefined) {
      if (drops) this.#cache.clear();
      return code === 'APIGW.0307';
    }
    const sent = req.headers['x-auth-token'];
    let current = false;
    for (const [key, cached] of this.#cache) {
      if (cached.token !== sent) continue;
      current = true;
      if (drops) this.#cache.delete(key);
    }
    return current ? code === 'APIGW.0307' : true;
  }

  /** The `projectId` option, else the project of the token's scope (this may call IAM). */
  async resolveProjectId(ctx: AuthContext): Promise<string | undefined> {
    if (this.#projectId !== undefined) return this.#projectId;
    return (await this.#token(ctx)).projectId;
  }

  /** Drops every cached token (the next request asks IAM again). */
  invalidate(): void {
    this.#cache.clear();
  }

  #endpointFor(ctx: AuthContext): string {
    if (this.#endpoint !== undefined) return this.#endpoint;
    return ctx.region ? `https://iam.${ctx.region}.myhuaweicloud.com` : 'https://iam.myhuaweicloud.com';
  }

  #scope(ctx: AuthContext): { id: string } | { name: string } {
    if (this.#projectId !== undefined) return { id: this.#projectId };
    const name = this.#projectName ?? ctx.region;
    if (!name) {
      throw new ConfigurationError(
        'IAM password auth needs a project scope: pass auth.projectId or auth.projectName, or configure a region',
        { field: 'auth.projectName' },
      );
    }
    return { name };
  }

  async #token(ctx: AuthContext): Promise<CachedToken> {
    const endpoint = this.#endpointFor(ctx);
    const scope = this.#scope(ctx);
    const key = [endpoint, this.#domainName, this.#userName, 'id' in scope ? `id:${scope.id}` : `name:${scope.name}`]
      .map((p) => JSON.stringify(p))
      .join(',');
    const now = ctx.now();
    const cached = this.#cache.get(key);
    if (cached !== undefined && cached.expiresAt - now > this.#refreshBeforeMs) return cached;
    try {
      return await this.#join(key, endpoint, scope, ctx);
    } catch (error) {
      if (
        cached !== undefined &&
        cached.expiresAt - ctx.now() >= FALLBACK_MIN_VALIDITY_MS &&
        !(ctx.signal?.aborted ?? false)
      ) {
        return cached;
      }
      throw error;
    }
  }

  /** Joins (or starts) the single in-flight request for `key`, leaving it when the caller's signal aborts. */
  #join(key: string, endpoint: string, scope: { id: string } | { name: string }, ctx: AuthContext) {
    let flight = this.#flights.get(key);
    if (flight === undefined) {
      const controller = new AbortController();
      const promise = this.#fetch(endpoint, scope, ctx, controller.signal).then((t) => {
        this.#cache.set(key, t);
        return t;
      });
      const created: Flight = { promise, waiters: 0, controller };
      flight = created;
      this.#flights.set(key, created);
      promise.then(
        () => this.#flights.get(key) === created && this.#flights.delete(key),
        () => this.#flights.get(key) === created && this.#flights.delete(key),
      );
    }
    const f = flight;
    const signal = ctx.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    f.waiters += 1;
    if (signal === undefined) {
      // A waiter without a signal stays until the request settles (so the request is never aborted under it).
      const settle = () => {
        f.waiters -= 1;
      };
      f.promise.then(settle, settle);
      return f.promise;
    }
    return new Promise<CachedToken>((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        f.waiters -= 1;
      };
      const onAbort = () => {
        leave();
        if (f.waiters === 0) {
          f.controller.abort(abortReason(signal));
          if (this.#flights.get(key) === f) this.#flights.delete(key);
        }
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      f.promise.then(
        (t) => {
          leave();
          resolve(t);
        },
        (e: unknown) => {
          leave();
          reject(e);
        },
      );
    });
  }

  async #fetch(
    endpoint: string,
    scope: { id: string } | { name: string },
    ctx: AuthContext,
    signal: AbortSignal,
  ): Promise<CachedToken> {
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: this.#userName, password: this.#password, domain: { name: this.#domainName } },
          },
        },
        scope: { project: scope },
      },
    });
    const req: OutgoingRequest = {
      method: 'POST',
      url: new URL(`${endpoint}${TOKENS_PATH}`),
      headers: { 'content-type': 'application/json;charset=utf8', accept: 'application/json' },
      body,
    };
    const res: RawResponse = await ctx.send(req, { signal });
    if (res.status < 200 || res.status >= 300) {
      // Built from the response only: the request (and its password) is never attached.
      throw createApiError({
        method: 'POST',
        path: TOKENS_PATH,
        status: res.status,
        headers: res.headers,
        body: res.body,
      });
    }
    const token = header(res.headers, 'x-subject-token');
    if (token === undefined || token.trim() === '') {
      throw new ResponseValidationError({
        method: 'POST',
        path: TOKENS_PATH,
        status: res.status,
        requestId: header(res.headers, 'x-request-id'),
        issues: [{ path: 'X-Subject-Token', message: 'IAM answered without the X-Subject-Token header' }],
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      parsed = undefined;
    }
    const t = (parsed as { token?: { expires_at?: unknown; project?: { id?: unknown } } } | undefined)?.token;
    const expiresAtMs = typeof t?.expires_at === 'string' ? Date.parse(t.expires_at) : Number.NaN;
    const projectId = typeof t?.project?.id === 'string' ? t.project.id : undefined;
    return {
      token: token.trim(),
      expiresAt: Number.isNaN(expiresAtMs) ? ctx.now() + DEFAULT_VALIDITY_MS : expiresAtMs,
      projectId: projectId ?? this.#projectId,
    };
  }

  protected describe(): Record<string, unknown> {
    return {
      kind: this.kind,
      domainName: this.#domainName,
      userName: this.#userName,
      ...(this.#projectId !== undefined ? { projectId: this.#projectId } : {}),
      ...(this.#projectName !== undefined ? { projectName: this.#projectName } : {}),
      ...(this.#endpoint !== undefined ? { endpoint: this.#endpoint } : {}),
    };
  }
}

/**
 * IAM user name + password → cached, auto-refreshed project-scoped token in `X-Auth-Token`.
 * @throws {@link ConfigurationError} when an option is missing or invalid (no request is made here).
 *
 * @example
 * ```ts
 * import { DscClient, iamPasswordAuth } from 'metacollect';
 *
 * const dsc = new DscClient({
 *   region: 'cn-north-4',
 *   auth: iamPasswordAuth({
 *     domainName: 'my-account',
 *     userName: 'collector',
 *     password: process.env['HW_PASSWORD'] ?? '',
 *     projectName: 'cn-north-4',
 *   }),
 * });
 * // Without `projectId`, the project id comes from the token's scope.
 * console.log((await dsc.listScanTasks({ page_size: 10 })).total_num);
 * ```
 */
export function iamPasswordAuth(options: IamPasswordOptions): IamPasswordAuth {
  return new IamPasswordAuth(options);
}
