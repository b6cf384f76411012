/**
 * Contract between the client core (transport, retry; src/core/*.ts) and the auth providers (src/core/auth/*).
 * The core builds an OutgoingRequest, then calls `provider.apply(req, ctx)` on every attempt (so signatures carry
 * a fresh date), then sends it. On a 401 it calls `provider.onUnauthorized(errorCode)`; `true` means credentials
 * were refreshed and the core replays the request once.
 */

/** A request ready to send: the body is already serialised, header names are lowercase. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** A fully consumed response (used by providers that call IAM themselves). */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface AuthContext {
  /** Sends a request through the client's transport (same dispatcher/fetch, timeouts, no auth, no retries). */
  send(req: OutgoingRequest, options: { signal?: AbortSignal }): Promise<RawResponse>;
  /** The client's region, when configured (IAM endpoint default: https://iam.{region}.myhuaweicloud.com). */
  region?: string;
  signal?: AbortSignal;
  /** Wall-clock now in ms (injectable for tests). */
  now(): number;
}

export type AuthKind = 'token' | 'iam-password' | 'huawei-aksk' | 'acs3';

export interface AuthProvider {
  readonly kind: AuthKind;
  /** Adds authentication headers to `req` in place. */
  apply(req: OutgoingRequest, ctx: AuthContext): Promise<void>;
  /** Called after a 401; returns true when the request should be replayed once with fresh credentials. */
  onUnauthorized?(errorCode: string | undefined): boolean;
  /** The project id known to the credential (IAM token scope, HUAWEICLOUD_SDK_PROJECT_ID), if any. */
  resolveProjectId?(ctx: AuthContext): Promise<string | undefined>;
}
