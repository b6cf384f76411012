import { ConfigurationError } from '../errors.js';
import { Acs3Auth, type Acs3Options } from './acs3.js';
import { DescribedProvider, maskId } from './describe.js';
import { HuaweiAkskAuth, type HuaweiAkskOptions } from './huawei-aksk.js';
import { IamPasswordAuth, type IamPasswordOptions } from './iam-password.js';
import { StaticTokenAuth, type TokenSource } from './static-token.js';
import type { AuthContext, AuthProvider, OutgoingRequest } from './types.js';

/** Environment variables to read credentials from (default `process.env`). */
export type Env = Record<string, string | undefined>;

/** The `auth` option of the Huawei clients (DSC, DataArts Catalog). */
export type HuaweiAuthConfig =
  | {
      /** IAM token sent as `X-Auth-Token`, or a function returning the current one. */
      token: TokenSource;
    }
  | {
      /** Access key id (AK). */
      ak: string;
      /** Secret access key (SK); never logged or serialised. */
      sk: string;
      /** Security token of a temporary access key. */
      securityToken?: string;
      /** Project id known to the credential. */
      projectId?: string;
    }
  | IamPasswordOptions
  | AuthProvider;

/** The `auth` option of the DataWorks client. */
export type AlibabaAuthConfig =
  | {
      /** AccessKey id. */
      accessKeyId: string;
      /** AccessKey secret; never logged or serialised. */
      accessKeySecret: string;
      /** STS security token of a temporary key. */
      securityToken?: string;
    }
  | AuthProvider;

/** Whether `value` looks like an {@link AuthProvider} (an object with a string `kind` and an `apply` function). */
export function isAuthProvider(value: unknown): value is AuthProvider {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AuthProvider).apply === 'function' &&
    typeof (value as AuthProvider).kind === 'string'
  );
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/**
 * Wraps an AK/SK provider built from the environment so that `HUAWEICLOUD_SDK_PROJECT_ID` is reported by
 * `resolveProjectId` (and shows in `toJSON` as `source: 'env'`).
 */
class EnvHuaweiAkskAuth extends DescribedProvider implements AuthProvider {
  readonly kind = 'huawei-aksk' as const;
  readonly #inner: HuaweiAkskAuth;
  readonly #ak: string;
  readonly #projectId: string | undefined;
  readonly #temporary: boolean;
  constructor(options: HuaweiAkskOptions) {
    super();
    this.#inner = new HuaweiAkskAuth(options);
    this.#ak = options.ak;
    this.#projectId = options.projectId;
    this.#temporary = options.securityToken !== undefined;
  }
  apply(req: OutgoingRequest, ctx: AuthContext): Promise<void> {
    return this.#inner.apply(req, ctx);
  }
  resolveProjectId(ctx: AuthContext): Promise<string | undefined> {
    return this.#inner.resolveProjectId(ctx);
  }
  protected describe(): Record<string, unknown> {
    return {
      kind: this.kind,
      ak: maskId(this.#ak),
      temporary: this.#temporary,
      source: 'env',
      ...(this.#projectId !== undefined ? { projectId: this.#projectId } : {}),
    };
  }
}

/**
 * Builds the Huawei auth provider from the `auth` option. Explicit configuration always wins; only when `auth` is
 * undefined are `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_SECURITY_TOKEN` and
 * `HUAWEICLOUD_SDK_PROJECT_ID` read. Throws `ConfigurationError` (never quoting a secret) when nothing usable is
 * configured.
 */
export function resolveHuaweiAuth(auth: HuaweiAuthConfig | undefined, env: Env = process.env): AuthProvider {
  if (auth === undefined || auth === null) {
    const ak = nonEmpty(env.HUAWEICLOUD_SDK_AK);
    const sk = nonEmpty(env.HUAWEICLOUD_SDK_SK);
    if (ak !== undefined && sk !== undefined) {
      const securityToken = nonEmpty(env.HUAWEICLOUD_SDK_SECURITY_TOKEN);
      const projectId = nonEmpty(env.HUAWEICLOUD_SDK_PROJECT_ID);
      return new EnvHuaweiAkskAuth({
        ak,
        sk,
        ...(securityToken !== undefined ? { securityToken } : {}),
        ...(projectId !== undefined ? { projectId } : {}),
      });
    }
    if (ak !== undefined || sk !== undefined) {
      throw new ConfigurationError(
        `No Huawei Cloud credentials: ${ak === undefined ? 'HUAWEICLOUD_SDK_AK' : 'HUAWEICLOUD_SDK_SK'} is not set (both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are needed)`,
        { field: 'auth' },
      );
    }
    throw new ConfigurationError(
      'No Huawei Cloud credentials: pass `auth` ({ token }, { ak, sk }, { domainName, userName, password } or an AuthProvider), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
      { field: 'auth' },
    );
  }
  if (typeof auth !== 'object') {
    throw new ConfigurationError('auth must be an object ({ token }, { ak, sk }, …) or an AuthProvider', {
      field: 'auth',
    });
  }
  if (isAuthProvider(auth)) return auth;
  const a = auth as Record<string, unknown>;
  if ('token' in a) return new StaticTokenAuth(a.token as TokenSource);
  if ('ak' in a || 'sk' in a) return new HuaweiAkskAuth(a as unknown as HuaweiAkskOptions);
  if ('password' in a || 'userName' in a) return new IamPasswordAuth(a as unknown as IamPasswordOptions);
  throw new ConfigurationError(
    'auth must be { token }, { ak, sk, securityToken? }, { domainName, userName, password, projectId? | projectName? } or an AuthProvider',
    { field: 'auth' },
  );
}

/**
 * Builds the Alibaba (DataWorks) auth provider. Explicit configuration wins; when `auth` is undefined,
 * `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (both required) and
 * `ALIBABA_CLOUD_SECURITY_TOKEN` are read. Without credentials: `ConfigurationError` (the official SDK's
 * `InvalidCredentials`).
 */
export function resolveAlibabaAuth(auth: AlibabaAuthConfig | undefined, env: Env = process.env): AuthProvider {
  if (auth === undefined || auth === null) {
    const accessKeyId = nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_ID);
    const accessKeySecret = nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
    if (accessKeyId !== undefined && accessKeySecret !== undefined) {
      const securityToken = nonEmpty(env.ALIBABA_CLOUD_SECURITY_TOKEN);
      return new Acs3Auth({ accessKeyId, accessKeySecret, ...(securityToken !== undefined ? { securityToken } : {}) });
    }
    throw new ConfigurationError(
      'No Alibaba Cloud credentials (InvalidCredentials): pass `auth` ({ accessKeyId, accessKeySecret, securityToken? } or an AuthProvider), or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      { field: 'auth' },
    );
  }
  if (typeof auth !== 'object') {
    throw new ConfigurationError('auth must be { accessKeyId, accessKeySecret } or an AuthProvider', { field: 'auth' });
  }
  if (isAuthProvider(auth)) return auth;
  return new Acs3Auth(auth as Acs3Options);
}
