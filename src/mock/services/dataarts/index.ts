/**
 * Huawei DataArts Catalog metadata-collection-task mock (shared/api/dataarts-catalog.md): the seven public
 * operations, the `/__mock/dataarts/…` seeds, and in-process seed methods. State lives in DataArtsState; this file
 * only maps HTTP to it.
 *
 * Check order per the sheet: gateway auth (engine) → `workspace` header (DLG.0818) → body/query validation
 * (DLG.9001) → lookup (DLG.2253 / DLG.2208) → state rules (DLG.9002, DLG.9003, DLG.9005, data_source_type change).
 *
 * Seed decisions where the sheet is silent: a workspace id must be a non-empty string of at most 64 characters
 * without whitespace or '/'; registering an existing one answers 200 again (idempotent); unregistering an unknown
 * one answers 404 `{"error"}`; the instance list of an unknown task answers 404 `{"error"}`.
 */
import { huaweiFaultCode, huaweiGateway } from '../../gateways.js';
import type {
  MockRequest,
  MockResponse,
  MockRoute,
  MockService,
  MockServiceFactory,
  ServiceContext,
} from '../../types.js';
import { type Caller, DataArtsState, type Instance, type InstanceView } from './state.js';
import {
  DataArtsError,
  isPlainObject,
  parseBody,
  validateAction,
  validateLogBody,
  validateSearchBody,
  validateTaskBody,
} from './validate.js';

export type { InstanceView } from './state.js';
export { DataArtsError } from './validate.js';

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

const BASE = '/v3/{project_id}/metadata/tasks';

function caller(req: MockRequest): Caller {
  return { userId: req.identity?.userId ?? '', userName: req.identity?.userName ?? '' };
}

const ok = (body?: unknown, headers?: Record<string, string>): MockResponse => {
  const res: MockResponse = { status: 200 };
  if (body !== undefined) res.body = body;
  if (headers) res.headers = headers;
  return res;
};

const seedError = (status: number, error: string): MockResponse => ({ status, body: { error } });

function validWorkspaceId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 64 && !/[\s/]/.test(v);
}

export const createDataArtsService = ((ctx: ServiceContext): DataArtsMockService => {
  const state = new DataArtsState(ctx);

  /** Runs a handler body, mapping DataArtsError to the service envelope. */
  const guarded =
    (fn: (req: MockRequest) => MockResponse) =>
    (req: MockRequest): MockResponse => {
      try {
        return fn(req);
      } catch (err) {
        if (err instanceof DataArtsError) {
          return { status: err.status, body: { error_code: err.code, error_msg: err.message } };
        }
        throw err;
      }
    };

  const project = (req: MockRequest): string => req.params.project_id ?? '';
  const workspaceOf = (req: MockRequest): string | null => req.headers.get('workspace');

  const routes: MockRoute[] = [
    {
      operation: 'ShowTaskList',
      method: 'POST',
      path: `${BASE}/search`,
      auth: 'huawei',
      handler: guarded((req) => {
        state.requireWorkspace(project(req), workspaceOf(req));
        const filters = validateSearchBody(parseBody(req.rawBody, true));
        return ok(state.search(project(req), workspaceOf(req), filters));
      }),
    },
    {
      operation: 'CreateTask',
      method: 'POST',
      path: `${BASE}/create`,
      auth: 'huawei',
      handler: guarded((req) => {
        state.requireWorkspace(project(req), workspaceOf(req));
        const input = validateTaskBody(parseBody(req.rawBody, false));
        return ok({ task_id: state.create(project(req), workspaceOf(req), input, caller(req)) });
      }),
    },
    {
      operation: 'ShowTaskInfo',
      method: 'GET',
      path: `${BASE}/{task_id}`,
      auth: 'huawei',
      handler: guarded((req) => ok(state.show(project(req), workspaceOf(req), req.params.task_id ?? ''))),
    },
    {
      operation: 'UpdateTaskInfo',
      method: 'PUT',
      path: `${BASE}/{task_id}`,
      auth: 'huawei',
      handler: guarded((req) => {
        state.requireWorkspace(project(req), workspaceOf(req));
        const input = validateTaskBody(parseBody(req.rawBody, false));
        state.update(project(req), workspaceOf(req), req.params.task_id ?? '', input, caller(req));
        return ok();
      }),
    },
    {
      operation: 'DeleteTaskInfo',
      method: 'DELETE',
      path: `${BASE}/{task_id}`,
      auth: 'huawei',
      handler: guarded((req) => {
        state.delete(project(req), workspaceOf(req), req.params.task_id ?? '');
        return ok();
      }),
    },
    {
      operation: 'ExecuteTaskAction',
      method: 'POST',
      path: `${BASE}/{task_id}/action`,
      auth: 'huawei',
      handler: guarded((req) => {
        state.requireWorkspace(project(req), workspaceOf(req));
        const action = validateAction(req.query);
        const inst: Instance | undefined = state.action(
          project(req),
          workspaceOf(req),
          req.params.task_id ?? '',
          action,
        );
        return inst ? ok(undefined, { 'X-Mock-Instance-Id': inst.id, 'X-Mock-Bridge-Id': inst.bridge_id }) : ok();
      }),
    },
    {
      operation: 'ShowInstanceLog',
      method: 'POST',
      path: `${BASE}/{task_id}/{instance_id}/log`,
      auth: 'huawei',
      handler: guarded((req) => {
        state.requireWorkspace(project(req), workspaceOf(req));
        const body = validateLogBody(parseBody(req.rawBody, false));
        return ok(
          state.log(
            project(req),
            workspaceOf(req),
            req.params.task_id ?? '',
            req.params.instance_id ?? '',
            body.bridge_id,
          ),
        );
      }),
    },
  ];

  const parseSeedBody = (req: MockRequest): Record<string, unknown> | string => {
    if (req.rawBody.trim() === '') return {};
    try {
      const v: unknown = JSON.parse(req.rawBody);
      return isPlainObject(v) ? v : 'body must be a JSON object';
    } catch {
      return 'body is not valid JSON';
    }
  };

  const controlRoutes: MockRoute[] = [
    {
      operation: 'SeedWorkspace',
      method: 'POST',
      path: '/__mock/dataarts/{project_id}/workspaces',
      auth: 'none',
      handler: (req) => {
        const body = parseSeedBody(req);
        if (typeof body === 'string') return seedError(400, body);
        const id = body.id ?? undefined;
        if (id !== undefined && id !== null && !validWorkspaceId(id)) {
          return seedError(400, 'id: expected a non-empty string of at most 64 characters without spaces or /');
        }
        return ok({ id: state.addWorkspace(project(req), (id as string | null) ?? undefined) });
      },
    },
    {
      operation: 'RemoveWorkspace',
      method: 'DELETE',
      path: '/__mock/dataarts/{project_id}/workspaces/{workspace_id}',
      auth: 'none',
      handler: (req) => {
        const id = req.params.workspace_id ?? '';
        if (!state.removeWorkspace(project(req), id)) {
          return seedError(404, `workspace ${id} is not registered in project ${project(req)}`);
        }
        return ok({ id });
      },
    },
    {
      operation: 'SeedConnection',
      method: 'POST',
      path: '/__mock/dataarts/connections/{data_connection_id}',
      auth: 'none',
      handler: (req) => {
        const body = parseSeedBody(req);
        if (typeof body === 'string') return seedError(400, body);
        if (typeof body.reachable !== 'boolean') return seedError(400, 'reachable: expected a boolean');
        const id = req.params.data_connection_id ?? '';
        if (id === '') return seedError(400, 'data_connection_id: must not be empty');
        state.setConnectionReachable(id, body.reachable);
        return ok({ data_connection_id: id, reachable: body.reachable });
      },
    },
    {
      operation: 'ListInstances',
      method: 'GET',
      path: '/__mock/dataarts/{project_id}/tasks/{task_id}/instances',
      auth: 'none',
      handler: (req) => {
        const list = state.listInstances(project(req), req.params.task_id ?? '');
        if (!list) return seedError(404, `task ${req.params.task_id ?? ''} not found in project ${project(req)}`);
        return ok({ instances: list });
      },
    },
  ];

  return {
    name: 'dataarts',
    protocol: { style: 'rest' },
    gateway: huaweiGateway,
    defaultFaultCode: huaweiFaultCode,
    routes,
    controlRoutes,
    errorResponse(status, code, message) {
      return { status, body: { error_code: code, error_msg: message } };
    },
    nextDueAt: () => state.nextDueAt(),
    runDue: (now) => state.runDue(now),
    snapshot: () => state.snapshot(),
    restore: (snapshot) => state.restore(snapshot),
    reset: () => state.reset(),
    addWorkspace: (projectId, id) => {
      if (id !== undefined && !validWorkspaceId(id)) throw new TypeError('workspace id: expected a non-empty string');
      return state.addWorkspace(projectId, id);
    },
    removeWorkspace: (projectId, id) => state.removeWorkspace(projectId, id),
    setConnectionReachable: (id, reachable) => state.setConnectionReachable(id, reachable),
    listInstances: (projectId, taskId) => state.listInstances(projectId, taskId),
  };
}) satisfies MockServiceFactory;
