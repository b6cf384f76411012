/**
 * What the Huawei Cloud services share: the API gateway's answers (request id header, throttling code), the
 * `auth` option, and the project id (`{project_id}` in paths, `X-Project-Id` with AK/SK).
 */
import type { AbortLike } from '../core/abort.js';
import { type HuaweiAuthConfig, resolveHuaweiAuth } from '../core/auth/index.js';
import type { AuthProvider } from '../core/auth/types.js';
import { ServiceClient } from '../core/client.js';
import {
  type BaseClientOptions,
  baseOptionRules,
  checkRegion,
  parseOptions,
  resolveAuthOption,
  resolveEndpoint,
} from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import type { CoreOptions, OperationSpec, ServiceDefinition } from '../core/service.js';

/** The `auth` option: `{ token }`, `{ ak, sk, securityToken? }`, an AuthProvider, or absent (environment). */
export type HuaweiAuthOption = HuaweiAuthConfig;

/** `APIGW.0308`: the API gateway throttled the call, whatever the status it answers with. */
const GATEWAY_THROTTLING_CODES: ReadonlySet<string> = new Set(['APIGW.0308']);

/**
 * The gateway's answers to a refused credential: `APIGW.0301` (token, AK or signature not accepted) and `APIGW.0307`
 * (token expired). It sends them with 401; the codes make them an AuthenticationError whatever the status.
 */
const GATEWAY_AUTHENTICATION_CODES: ReadonlySet<string> = new Set(['APIGW.0301', 'APIGW.0307']);

/** A Huawei service's definition: its host, content type and regions, with the gateway's request id and codes. */
export function huaweiService(
  service: Pick<ServiceDefinition, 'name' | 'hostTemplate' | 'contentType' | 'notFoundCodes' | 'regions'>,
): ServiceDefinition {
  return {
    ...service,
    requestIdHeaders: ['x-request-id'],
    bodyRequestIdField: 'request_id',
    throttlingCodes: GATEWAY_THROTTLING_CODES,
    authenticationCodes: GATEWAY_AUTHENTICATION_CODES,
  };
}

/**
 * Whether a credential may know the project id: one with `resolveProjectId` (an IAM password scoped to a project
 * asks IAM), except a built-in AK/SK without a `projectId` (its own or `HUAWEICLOUD_SDK_PROJECT_ID`), which never
 * will. A provider that says nothing about its project (no `toJSON`) is given the benefit of the doubt.
 */
function mayKnowProjectId(provider: AuthProvider): boolean {
  if (typeof provider.resolveProjectId !== 'function') return false;
  if (provider.kind !== 'huawei-aksk') return true;
  const described = (provider as { toJSON?: () => Record<string, unknown> }).toJSON?.();
  return described === undefined || described['projectId'] !== undefined;
}

/** Base class of the Huawei service clients: the common options plus the project id. */
export abstract class HuaweiServiceClient<TAuth = unknown> extends ServiceClient {
  /** The `region` option, if given. */
  readonly region: string | undefined;
  readonly #configuredProjectId: string | undefined;
  #projectId: Promise<string> | undefined;

  protected constructor(service: ServiceDefinition, options: CoreOptions<TAuth> | undefined) {
    const opts = parseOptions<BaseClientOptions<TAuth>>(baseOptionRules, options, `${service.name} client options`);
    const env = options?.env ?? process.env;
    checkRegion(service.name, opts.region, opts.endpoint, service.regions);
    const endpoint = resolveEndpoint(service.hostTemplate, opts.region, opts.endpoint);
    const auth = resolveAuthOption(resolveHuaweiAuth, opts.auth as HuaweiAuthConfig | undefined, env);
    if (opts.projectId === undefined && !mayKnowProjectId(auth)) {
      throw new ConfigurationError(
        `Invalid ${service.name} client options: projectId is required with ${auth.kind === 'token' ? 'a token' : 'this credential'}: ` +
          'pass `projectId`, set HUAWEICLOUD_SDK_PROJECT_ID (AK/SK from the environment), give the AK/SK a `projectId`, ' +
          'or use a project-scoped credential such as iamPasswordAuth({ …, projectName })',
        { field: 'projectId' },
      );
    }
    super(service, { ...opts, endpoint, auth, env });
    this.region = opts.region;
    this.#configuredProjectId = opts.projectId;
  }

  /** Resolves the project id (configured, else from the credential). */
  async getProjectId(options?: { signal?: AbortSignal }): Promise<string> {
    if (this.#configuredProjectId) return this.#configuredProjectId;
    const signal = options?.signal ?? AbortSignal.timeout(this.timeoutMs);
    return this.#resolveProjectId(signal);
  }

  #resolveProjectId(signal: AbortLike): Promise<string> {
    if (this.#configuredProjectId) return Promise.resolve(this.#configuredProjectId);
    if (!this.#projectId) {
      const ctx = this.authContext(signal);
      const pending = (async () => {
        const id = await this.authProvider.resolveProjectId?.(ctx);
        if (!id) {
          throw new ConfigurationError(
            'projectId is required: pass `projectId`, set HUAWEICLOUD_SDK_PROJECT_ID, or use a project-scoped credential',
            { field: 'projectId' },
          );
        }
        return id;
      })();
      this.#projectId = pending;
      pending.catch(() => {
        if (this.#projectId === pending) this.#projectId = undefined;
      });
    }
    return this.#projectId;
  }

  /** Fills `{project_id}` and, with AK/SK, sends the project id as `X-Project-Id`. */
  protected override resolvePath(
    spec: OperationSpec,
    headers: Record<string, string>,
    signal: AbortLike,
  ): string | Promise<string> {
    // A configured project id is used as is, without a detour through a promise.
    const configured = this.#configuredProjectId;
    if (configured) return this.#withProject(spec.path, headers, configured);
    return this.#resolveProjectId(signal).then((id) => this.#withProject(spec.path, headers, id));
  }

  #withProject(path: string, headers: Record<string, string>, projectId: string): string {
    if (this.authProvider.kind === 'huawei-aksk') headers['x-project-id'] = projectId;
    return path.replace('{project_id}', encodeURIComponent(projectId));
  }

  protected override describe(): Record<string, unknown> {
    return this.describeWith({ region: this.region, projectId: this.#configuredProjectId });
  }
}
