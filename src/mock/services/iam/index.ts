/**
 * Mock of Huawei Cloud IAM: password → token, and the project list. Its state is the mock's account store, which it
 * hands to the engine as `credentials` for gateway authentication and the default account.
 */
import type { AccountsSnapshot } from '../../credentials.js';
import { huaweiFaultCode, huaweiGateway } from '../../gateways.js';
import type { MockService, ServiceContext } from '../../types.js';
import { iamErrorResponse } from './errors.js';
import { iamRoutes } from './routes.js';
import { IamState } from './state.js';

export function createIamService(ctx: ServiceContext): MockService {
  const state = new IamState(ctx.ids);
  return {
    name: 'iam',
    protocol: { style: 'rest' },
    gateway: huaweiGateway,
    defaultFaultCode: huaweiFaultCode,
    credentials: state,
    routes: iamRoutes(state, ctx),
    controlRoutes: [],
    errorResponse: (status, _code, message) => iamErrorResponse(status, message),
    nextDueAt: () => undefined,
    runDue: () => {},
    snapshot: () => state.snapshot(),
    restore: (snapshot) => state.restore(snapshot as AccountsSnapshot),
    reset: () => state.reset(),
  };
}
