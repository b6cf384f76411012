/**
 * Contract between the client core (transport, retry; src/core/*.ts) and the auth providers (src/core/auth/*).
 * The core builds an OutgoingRequest, then calls `provider.apply(req, ctx)` on every attempt (so signatures carry
 * a fresh date), then sends it. On a 401 it calls `provider.onUnauthorized(errorCode, req)` with the request as
 * sent; `true` means the core replays the request once (apply runs again, with the provider's current credentials).
 */

/** A request ready to send: the body is already serialised, header names are lowercase. */
export interface OutgoingRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Full request URL, query string included. */
  url: URL;
  /** Request headers with lowercase names; providers add theirs here. */
  headers: Record<string, string>;
  /** Serialised request body, exactly as it will be sent (signers hash it); absent for no body. */
  body?: string;
}

/** A fully consumed response (used by providers that call IAM themselves). */
export interface RawResponse {
  /** HTTP status. */
  status: number;
  /** Response headers with lowercase names. */
  headers: Record<string, string>;
  /** The whole response body as text. */
  body: string;
}

/** What the client hands an {@link AuthProvider} on every call. */
export interface AuthContext {
  /** Sends a request through the client's transport (same dispatcher/fetch, timeouts, no auth, no retries). */
  send(req: OutgoingRequest, options: { signal?: AbortSignal }): Promise<RawResponse>;
  /** The client's region, when configured (IAM endpoint default: https://iam.{region}.myhuaweicloud.com). */
  region?: string;
  /** The call's abort signal (caller abort or deadline); providers pass it on to their own requests. */
  signal?: AbortSignal;
  /** Wall-clock now in ms (injectable for tests). */
  now(): number;
}

/** The kind of credential an {@link AuthProvider} uses. */
export type AuthKind = 'token' | 'iam-password' | 'huawei-aksk' | 'acs3';

/**
 * Adds credentials to outgoing requests. Use the built-in providers ({@link staticTokenAuth},
 * {@link iamPasswordAuth}, {@link huaweiAkskAuth}) or implement this interface for another credential source.
 */
export interface AuthProvider {
  /** Kind of credential, shown in logs and in the client's `authKind`. */
  readonly kind: AuthKind;
  /** Adds authentication headers to `req` in place. */
  apply(req: OutgoingRequest, ctx: AuthContext): Promise<void>;
  /**
   * Called after a 401 with the gateway's error code and the request as sent (its credentials included, so a
   * provider can tell whether it carried the credentials it holds now); returns true when the request should be
   * replayed once with the current credentials.
   */
  onUnauthorized?(errorCode: string | undefined, req: OutgoingRequest): boolean;
  /** The project id known to the credential (IAM token scope, HUAWEICLOUD_SDK_PROJECT_ID), if any. */
  resolveProjectId?(ctx: AuthContext): Promise<string | undefined>;
}
