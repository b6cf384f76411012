/**
 * The DSC route table: each handler reads its input (./requests.ts), asks the state, and renders the answer
 * (./views.ts). Every API route first checks the path project: its pattern (400), then that it is enabled (401);
 * routes on one template then look it up (404) before they read the body or query (400).
 * Run faults are consumed as `CreateTaskTemplates` by `start_now` and as `CreateOperate` by START, on both routes of
 * each pair.
 */
import type { TemplateAction } from '../../../dsc/schemas.js';
import type { MockRequest, MockResponse, MockRoute } from '../../types.js';
import * as requests from './requests.js';
import type { DscState } from './state.js';
import * as views from './views.js';

const BASE = '/v1/{project_id}/metadata';

type Handle = (req: MockRequest, projectId: string) => MockResponse;

const ok = (body: unknown): MockResponse => ({ status: 200, body });

export function dscRoutes(state: DscState): MockRoute[] {
  const route = (operation: string, method: string, path: string, handle: Handle): MockRoute => ({
    operation,
    method,
    path: BASE + path,
    auth: 'huawei',
    handler: (req) => handle(req, state.project(requests.projectId(req))),
  });

  const create: Handle = (req, projectId) => {
    const input = requests.createBody(req);
    const t = state.create(projectId, input, requests.userName(req), 'CreateTaskTemplates');
    return ok(views.operateResult(t.id));
  };

  const update: Handle = (req, projectId) => {
    const t = state.template(projectId, requests.templateId(req));
    return ok(views.operateResult(state.update(t, requests.updateBody(req)).id));
  };

  const operate =
    (action: (req: MockRequest) => TemplateAction): Handle =>
    (req, projectId) => {
      const t = state.template(projectId, requests.templateId(req));
      return ok(views.operateResult(state.operate(t, action(req), 'CreateOperate').id));
    };

  return [
    route('CreateTaskTemplates', 'POST', '/task-templates', create),
    route('CreateTaskTemplate', 'POST', '/task-template', create),
    route('ListTaskTemplates', 'GET', '/task-templates', (req, projectId) => {
      const { total, items } = state.list(projectId, requests.listTemplatesQuery(req));
      return ok(views.page(total, items, views.templateDetail));
    }),
    route('UpdateTaskTemplates', 'PUT', '/task-templates/{template_id}', update),
    route('UpdateTaskTemplate', 'PUT', '/task-template/{template_id}', update),
    route('DeleteTaskTemplates', 'DELETE', '/task-templates', (req, projectId) =>
      ok(views.operateResult(state.delete(projectId, requests.deleteBody(req)))),
    ),
    route('CreateOperate', 'POST', '/task-templates/{template_id}/operate', operate(requests.operateBody)),
    route('UpdateAction', 'PUT', '/task-template/{template_id}/action', operate(requests.actionQuery)),
    route('ListTaskInstances', 'GET', '/task-templates/{template_id}/task-instances', (req, projectId) => {
      const t = state.template(projectId, requests.templateId(req));
      const { total, items } = state.instances(t, requests.listInstancesQuery(req));
      return ok(views.page(total, items, views.instanceDetail));
    }),
  ];
}

/** Seed routes: they answer 200 with the resulting seed, a bad input 400 `{"error": message}`. */
export function dscControlRoutes(state: DscState): MockRoute[] {
  return [
    {
      operation: 'SeedDscInstance',
      method: 'POST',
      path: '/__mock/dsc/instances/{ins_id}',
      auth: 'none',
      handler(req) {
        const { insId, reachable } = requests.seedInstance(req);
        state.setInstanceReachable(insId, reachable);
        return ok({ ins_id: insId, reachable });
      },
    },
    {
      operation: 'SeedDscProject',
      method: 'POST',
      path: '/__mock/dsc/projects/{project_id}',
      auth: 'none',
      handler(req) {
        const { projectId, enabled } = requests.seedProject(req);
        state.setProjectEnabled(projectId, enabled);
        return ok({ project_id: projectId, enabled });
      },
    },
  ];
}
