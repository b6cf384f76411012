/**
 * The Huawei DataArts Catalog mock: the seven task operations, the `/__mock/dataarts/…` seeds and in-process seed
 * methods. Requests are parsed in requests.ts, kept in state.ts, rendered in views.ts.
 */
import { huaweiFaultCode, huaweiGateway } from '../../gateways.js';
import type { MockService, MockServiceFactory, ServiceContext } from '../../types.js';
import { errorResponse } from './errors.js';
import { isWorkspaceId } from './requests.js';
import { apiRoutes, seedRoutes } from './routes.js';
import { DataArtsState } from './state.js';
import { type InstanceView, instancesView } from './views.js';

export type { InstanceView } from './views.js';

/** The DataArts mock service plus in-process seed methods. */
export interface DataArtsMockService extends MockService {
  /** Always `dataarts`. */
  readonly name: 'dataarts';
  /** Registers a workspace in a project (random 32-hex id when omitted); returns its id. */
  addWorkspace(projectId: string, id?: string): string;
  /** Unregisters a workspace (its tasks are deleted); false when it was not registered. */
  removeWorkspace(projectId: string, id: string): boolean;
  /** Runs using the connection fail while it is unreachable. */
  setConnectionReachable(dataConnectionId: string, reachable: boolean): void;
  /** Instances of a task, newest first; undefined for an unknown task. */
  listInstances(projectId: string, taskId: string): InstanceView[] | undefined;
}

export const createDataArtsService = ((ctx: ServiceContext): DataArtsMockService => {
  const state = new DataArtsState(ctx);
  return {
    name: 'dataarts',
    protocol: { style: 'rest' },
    gateway: huaweiGateway,
    defaultFaultCode: huaweiFaultCode,
    routes: apiRoutes(state),
    controlRoutes: seedRoutes(state),
    errorResponse,
    nextDueAt: () => state.nextDueAt(),
    runDue: (now) => state.runDue(now),
    snapshot: () => state.snapshot(),
    restore: (snapshot) => {
      state.restore(snapshot);
      ctx.wake();
    },
    reset: () => {
      state.reset();
      ctx.wake();
    },
    addWorkspace: (projectId, id) => {
      if (id !== undefined && !isWorkspaceId(id)) throw new TypeError('workspace id: expected a non-empty string');
      return state.addWorkspace(projectId, id);
    },
    removeWorkspace: (projectId, id) => {
      const removed = state.removeWorkspace(projectId, id);
      if (removed) ctx.wake(); // its tasks' pending points and runs are gone
      return removed;
    },
    setConnectionReachable: (id, reachable) => state.setConnectionReachable(id, reachable),
    listInstances: (projectId, taskId) => {
      const instances = state.instancesOf(projectId, taskId);
      return instances && instancesView(instances);
    },
  };
}) satisfies MockServiceFactory;
