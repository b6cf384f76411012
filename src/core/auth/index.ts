/** Auth providers for the clients (Huawei IAM token / password, Huawei AK/SK, Alibaba ACS3) and their resolvers. */
export { Acs3Auth, type Acs3Options, acs3Auth } from './acs3.js';
export { HuaweiAkskAuth, type HuaweiAkskOptions, huaweiAkskAuth } from './huawei-aksk.js';
export { IamPasswordAuth, type IamPasswordOptions, iamPasswordAuth } from './iam-password.js';
export {
  type AlibabaAuthConfig,
  type Env,
  type HuaweiAuthConfig,
  isAuthProvider,
  resolveAlibabaAuth,
  resolveHuaweiAuth,
} from './resolve.js';
export { StaticTokenAuth, staticTokenAuth, type TokenSource } from './static-token.js';
export type { AuthContext, AuthKind, AuthProvider, OutgoingRequest, RawResponse } from './types.js';
