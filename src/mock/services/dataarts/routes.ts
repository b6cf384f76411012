/**
 * The DataArts Catalog routes: each parses the request (requests.ts), asks the state, and renders a view. The
 * workspace is checked before the body (DLG.0818 before DLG.9001), then the task (DLG.2253 / DLG.2208), then the
 * state's rules, as the service does.
 */
import { ControlError } from '../../errors.js';
import type { MockResponse, MockRoute } from '../../types.js';
import {
  callerOf,
  param,
  parseAction,
  parseConnectionSeed,
  parseLog,
  parseSearch,
  parseTask,
  parseWorkspaceSeed,
  scopeOf,
} from './requests.js';
import type { DataArtsState } from './state.js';
import { actionHeaders, createdView, instancesView, logView, searchView, taskView } from './views.js';

const BASE = '/v3/{project_id}/metadata/tasks';

function ok(body?: unknown, headers?: Record<string, string>): MockResponse {
  const res: MockResponse = { status: 200 };
  if (body !== undefined) res.body = body;
  if (headers) res.headers = headers;
  return res;
}

/** The public API routes. */
export function apiRoutes(state: DataArtsState): MockRoute[] {
  return [
    {
      operation: 'ShowTaskList',
      method: 'POST',
      path: `${BASE}/search`,
      auth: 'huawei',
      handler: (req) => {
        const scope = scopeOf(req);
        state.requireWorkspace(scope);
        return ok(searchView(state.search(scope, parseSearch(req))));
      },
    },
    {
      operation: 'CreateTask',
      method: 'POST',
      path: `${BASE}/create`,
      auth: 'huawei',
      handler: (req) => {
        const scope = scopeOf(req);
        state.requireWorkspace(scope);
        return ok(createdView(state.create(scope, parseTask(req), callerOf(req))));
      },
    },
    {
      operation: 'ShowTaskInfo',
      method: 'GET',
      path: `${BASE}/{task_id}`,
      auth: 'huawei',
      handler: (req) => ok(taskView(state.show(scopeOf(req), param(req, 'task_id')))),
    },
    {
      operation: 'UpdateTaskInfo',
      method: 'PUT',
      path: `${BASE}/{task_id}`,
      auth: 'huawei',
      handler: (req) => {
        const scope = scopeOf(req);
        state.requireWorkspace(scope);
        state.update(scope, param(req, 'task_id'), parseTask(req), callerOf(req));
        return ok();
      },
    },
    {
      operation: 'DeleteTaskInfo',
      method: 'DELETE',
      path: `${BASE}/{task_id}`,
      auth: 'huawei',
      handler: (req) => {
        state.delete(scopeOf(req), param(req, 'task_id'));
        return ok();
      },
    },
    {
      operation: 'ExecuteTaskAction',
      method: 'POST',
      path: `${BASE}/{task_id}/action`,
      auth: 'huawei',
      handler: (req) => {
        const scope = scopeOf(req);
        state.requireWorkspace(scope);
        return ok(undefined, actionHeaders(state.action(scope, param(req, 'task_id'), parseAction(req))));
      },
    },
    {
      operation: 'ShowInstanceLog',
      method: 'POST',
      path: `${BASE}/{task_id}/{instance_id}/log`,
      auth: 'huawei',
      handler: (req) => {
        const scope = scopeOf(req);
        state.requireWorkspace(scope);
        const { bridge_id } = parseLog(req);
        return ok(logView(state.log(scope, param(req, 'task_id'), param(req, 'instance_id'), bridge_id)));
      },
    },
  ];
}

/**
 * The `/__mock/dataarts/…` seeds. Registering an existing workspace answers 200 again; unregistering an unknown one,
 * or listing the instances of an unknown task, answers 404.
 */
export function seedRoutes(state: DataArtsState): MockRoute[] {
  return [
    {
      operation: 'SeedWorkspace',
      method: 'POST',
      path: '/__mock/dataarts/{project_id}/workspaces',
      auth: 'none',
      handler: (req) => ok({ id: state.addWorkspace(param(req, 'project_id'), parseWorkspaceSeed(req)) }),
    },
    {
      operation: 'RemoveWorkspace',
      method: 'DELETE',
      path: '/__mock/dataarts/{project_id}/workspaces/{workspace_id}',
      auth: 'none',
      handler: (req) => {
        const [project, id] = [param(req, 'project_id'), param(req, 'workspace_id')];
        if (!state.removeWorkspace(project, id)) {
          throw new ControlError(`workspace ${id} is not registered in project ${project}`, 404);
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
        const { id, reachable } = parseConnectionSeed(req);
        state.setConnectionReachable(id, reachable);
        return ok({ data_connection_id: id, reachable });
      },
    },
    {
      operation: 'ListInstances',
      method: 'GET',
      path: '/__mock/dataarts/{project_id}/tasks/{task_id}/instances',
      auth: 'none',
      handler: (req) => {
        const [project, task] = [param(req, 'project_id'), param(req, 'task_id')];
        const instances = state.instancesOf(project, task);
        if (!instances) throw new ControlError(`task ${task} not found in project ${project}`, 404);
        return ok({ instances: instancesView(instances) });
      },
    },
  ];
}
