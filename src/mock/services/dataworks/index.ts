/**
 * Mock of Alibaba Cloud DataWorks 2024-05-18 crawlers, data sources and task-instance logs, an RPC service behind the
 * ACS gateway: routes (./routes.ts) read requests (./requests.ts), apply them to the state (./state.ts) and answer
 * views (./views.ts); errors are `MockApiError`s (./errors.ts) rendered in the gateway's envelope.
 */
import { DATAWORKS_API_VERSION } from '../../../dataworks/actions.js';
import { acsGateway } from '../../gateways.js';
import type { MockService, MockServiceFactory, ServiceContext } from '../../types.js';
import { defaultFaultCode } from './errors.js';
import { seedProblem } from './requests.js';
import { dataWorksControlRoutes, dataWorksRoutes } from './routes.js';
import { DataWorksState } from './state.js';
import type { ConnectState, DataSourceSeed } from './state-records.js';

export { DataWorksState } from './state.js';

/** The DataWorks mock service, with its in-process seed method. */
export interface DataWorksMockService extends MockService {
  /** Sets what TestDataSourceConnectivity reports, whether runs fail and which tables runs collect. */
  seedDataSource(
    id: number,
    seed: { connectState?: ConnectState; connectMessage?: string; tables?: Record<string, string[]> },
  ): DataSourceSeed;
  /**
   * Direct access to the state (tests, benchmarks).
   * @internal
   */
  readonly state: DataWorksState;
}

const ID_STARTS = { dataSource: 1001, crawler: 50001, task: 700001, taskInstance: 900001 } as const;

export const createDataWorksService = ((ctx: ServiceContext): DataWorksMockService => {
  const state = new DataWorksState({
    now: () => ctx.clock.now(),
    nextId: (counter) => ctx.ids.next(`dataworks.${counter}`, ID_STARTS[counter]),
    settings: () => ctx.settings,
    takeRunFault: (operation) => ctx.takeRunFault('dataworks', operation),
  });
  const gateway = acsGateway('dataworks-public');
  return {
    name: 'dataworks',
    protocol: {
      style: 'rpc',
      version: DATAWORKS_API_VERSION,
      actionOf: (headers, query) => headers.get('x-acs-action') ?? query.get('Action'),
      versionOf: (headers, query) => headers.get('x-acs-version') ?? query.get('Version'),
      unknownAction: (action, version, knownAction) => ({
        status: 404,
        code: 'InvalidAction.NotFound',
        message: knownAction
          ? `Specified api version ${version ?? '(none)'} is not found.`
          : `Specified api ${action} is not found.`,
      }),
    },
    gateway,
    defaultFaultCode,
    errorResponse: gateway.errorResponse,
    routes: dataWorksRoutes(state),
    controlRoutes: dataWorksControlRoutes(state),
    state,
    nextDueAt: () => state.nextDueAt(),
    runDue: (now) => state.runDue(now),
    snapshot: () => state.snapshot(),
    restore: (snapshot) => state.restore(snapshot),
    reset: () => state.clear(),
    seedDataSource(id, seed) {
      const problem = seedProblem(seed);
      if (problem) throw new TypeError(problem);
      return state.seed(id, seed);
    },
  };
}) satisfies MockServiceFactory;
