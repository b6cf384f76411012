/**
 * The DSC mock service (metadata scan task templates): a REST service behind Huawei's gateway, answering errors in
 * the DSC envelope `{error_code, error_msg}`. Requests → ./requests.ts, rules and records → ./state.ts, wire JSON →
 * ./views.ts, the route table → ./routes.ts.
 */
import { huaweiFaultCode, huaweiGateway } from '../../gateways.js';
import type { MockService, MockServiceFactory, ServiceContext } from '../../types.js';
import { errorResponse } from './errors.js';
import { dscControlRoutes, dscRoutes } from './routes.js';
import { DscState } from './state.js';

/** The DSC mock service, with in-process seed methods. */
export interface DscMockService extends MockService {
  /** Later runs touching `insId` fail while `reachable` is false. */
  setInstanceReachable(insId: string, reachable: boolean): void;
  /** `false` → every DSC call for the project answers 401 `dsc.10000009`. */
  setProjectEnabled(projectId: string, enabled: boolean): void;
  /**
   * Direct access to the state (tests, benchmarks).
   * @internal
   */
  readonly state: DscState;
}

export const createDscService = ((ctx: ServiceContext): DscMockService => {
  const state = new DscState({
    now: () => ctx.clock.now(),
    nextId: (counter) =>
      counter === 'template' ? ctx.ids.next('dsc.template', 1001) : ctx.ids.next('dsc.instance', 1),
    settings: () => ctx.settings,
    takeRunFault: (operation) => ctx.takeRunFault('dsc', operation),
  });

  return {
    name: 'dsc',
    protocol: { style: 'rest' },
    gateway: huaweiGateway,
    defaultFaultCode: huaweiFaultCode,
    routes: dscRoutes(state),
    controlRoutes: dscControlRoutes(state),
    state,
    errorResponse: (status, code, message) => errorResponse(status, code, message),
    nextDueAt: () => state.nextDueAt(),
    runDue: (now) => state.runDue(now),
    snapshot: () => state.snapshot(),
    restore: (snapshot) => {
      state.restore(snapshot);
      ctx.wake();
    },
    reset: () => {
      state.clear();
      ctx.wake();
    },
    setInstanceReachable: (insId, reachable) => state.setInstanceReachable(insId, reachable),
    setProjectEnabled: (projectId, enabled) => state.setProjectEnabled(projectId, enabled),
  };
}) satisfies MockServiceFactory;
