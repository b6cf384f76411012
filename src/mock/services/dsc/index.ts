/**
 * Mock of Huawei Cloud DSC metadata scan task templates (shared/api/dsc.md). HTTP only: parsing, validation and
 * answers in the DSC envelope `{error_code, error_msg}`; the state lives in ./state.ts.
 *
 * Decisions where dsc.md is silent:
 * - Order of checks: project_id pattern (400), project enabled (401), template id (404), then body/query (400).
 * - `task_name=` (empty) on ListTaskTemplates means "no filter"; more than 256 characters → 400.
 * - Run faults: ctx.takeRunFault('dsc', op) with op = 'CreateOperate' for START (both routes), 'CreateTaskTemplates'
 *   for `start_now` (both routes) and 'ScheduledRun' for schedule trigger points.
 * - Seed routes answer 200 with the resulting seed (`{"ins_id", "reachable"}` / `{"project_id", "enabled"}`).
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
import { DscState, type Instance, type Template } from './state.js';
import {
  type Action,
  DscError,
  invalid,
  parseAction,
  parseActionBody,
  parseDeleteBody,
  parseJsonObject,
  parseTemplateInput,
  queryBool,
  queryInt,
  queryPaging,
  querySchedules,
} from './validate.js';

export { DscState } from './state.js';
export { DB_TYPES } from './validate.js';

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

const PROJECT_ID = /^[0-9A-Za-z]{32}$/;
const OK_MSG = '操作成功';
const BASE = '/v1/{project_id}/metadata';

function operateResult(id: string): MockResponse {
  return { status: 200, body: { status: 'success', msg: OK_MSG, id } };
}

function templateDetail(t: Template): Record<string, unknown> {
  return {
    id: t.id,
    task_name: t.task_name,
    task_description: t.task_description,
    create_user: t.create_user,
    data_source: t.data_sources.map((d) => d.ins_id),
    data_sources: t.data_sources.map((d) => ({ db_type: d.db_type, ins_id: d.ins_id })),
    schedule_type: t.schedule_type,
    schedule_switch: t.schedule_switch,
    start_time: t.start_time,
    scan_config: { ...t.scan_config },
    delete_failed_meta: t.delete_failed_meta,
    last_trigger_time: t.last_trigger_time,
    last_end_time: t.last_end_time,
    last_task_status: t.last_task_status,
    next_trigger_time: t.next_trigger_time,
    create_time: t.create_time,
    update_time: t.update_time,
  };
}

function instanceDetail(i: Instance): Record<string, unknown> {
  return {
    id: i.id,
    schedule_type: i.schedule_type,
    task_status: i.task_status,
    task_create_time: i.task_create_time,
    task_update_time: i.task_update_time,
    task_end_time: i.task_end_time,
    error_msg: i.error_msg,
    trigger: i.trigger,
  };
}

function seedBody(raw: string, key: string): boolean | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return 'body must be a JSON object';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object';
  const value = (body as Record<string, unknown>)[key];
  if (typeof value !== 'boolean') return `"${key}" must be a boolean`;
  return value;
}

export const createDscService = ((ctx: ServiceContext): DscMockService => {
  const state = new DscState({
    now: () => ctx.clock.now(),
    nextId: (counter) =>
      counter === 'template' ? ctx.ids.next('dsc.template', 1001) : ctx.ids.next('dsc.instance', 1),
    settings: () => ctx.settings,
    takeRunFault: (operation) => ctx.takeRunFault('dsc', operation),
  });

  const errorResponse = (status: number, code: string, message: string): MockResponse => ({
    status,
    body: { error_code: code, error_msg: message },
  });

  /** Project checks common to every operation; returns the project id. */
  const project = (req: MockRequest): string => {
    const projectId = req.params['project_id'] ?? '';
    if (!PROJECT_ID.test(projectId)) throw invalid('project_id', 'must be 32 letters or digits');
    if (!state.isProjectEnabled(projectId)) {
      throw new DscError(401, 'dsc.10000009', 'Current instance does not exist');
    }
    return projectId;
  };

  const route = (
    operation: string,
    method: string,
    path: string,
    handle: (req: MockRequest, projectId: string) => MockResponse,
  ): MockRoute => ({
    operation,
    method,
    path: BASE + path,
    auth: 'huawei',
    handler(req) {
      const before = state.nextDueAt();
      try {
        return handle(req, project(req));
      } catch (error) {
        if (error instanceof DscError) return errorResponse(error.status, error.code, error.message);
        throw error;
      } finally {
        if (state.nextDueAt() !== before) ctx.wake();
      }
    },
  });

  const create = (req: MockRequest, projectId: string): MockResponse => {
    const input = parseTemplateInput(parseJsonObject(req.rawBody));
    const t = state.create(projectId, input, req.identity?.userName ?? '', 'CreateTaskTemplates');
    return operateResult(String(t.id));
  };

  const update = (req: MockRequest, projectId: string): MockResponse => {
    const segment = req.params['template_id'] ?? '';
    state.getTemplateBySegment(projectId, segment);
    const input = parseTemplateInput(parseJsonObject(req.rawBody));
    const t = state.update(projectId, segment, input);
    return operateResult(String(t.id));
  };

  const operate = (req: MockRequest, projectId: string, action: () => Action): MockResponse => {
    const segment = req.params['template_id'] ?? '';
    state.getTemplateBySegment(projectId, segment);
    const t = state.operate(projectId, segment, action(), 'CreateOperate');
    return operateResult(String(t.id));
  };

  const routes: MockRoute[] = [
    route('CreateTaskTemplates', 'POST', '/task-templates', create),
    route('CreateTaskTemplate', 'POST', '/task-template', create),
    route('ListTaskTemplates', 'GET', '/task-templates', (req, projectId) => {
      const q = req.query;
      const taskName = q.get('task_name') ?? '';
      if (taskName.length > 256) throw invalid('task_name', 'must be 1-256 characters');
      const filter = {
        ...queryPaging(q),
        id: queryInt(q, 'id'),
        taskName: taskName === '' ? undefined : taskName,
        scheduleTypes: querySchedules(q),
      };
      const { total, items } = state.list(projectId, filter);
      return { status: 200, body: { total_num: total, result: items.map(templateDetail) } };
    }),
    route('UpdateTaskTemplates', 'PUT', '/task-templates/{template_id}', update),
    route('UpdateTaskTemplate', 'PUT', '/task-template/{template_id}', update),
    route('DeleteTaskTemplates', 'DELETE', '/task-templates', (req, projectId) => {
      const ids = parseDeleteBody(req.rawBody);
      return operateResult(state.delete(projectId, ids).join(','));
    }),
    route('CreateOperate', 'POST', '/task-templates/{template_id}/operate', (req, projectId) =>
      operate(req, projectId, () => parseActionBody(req.rawBody)),
    ),
    route('UpdateAction', 'PUT', '/task-template/{template_id}/action', (req, projectId) =>
      operate(req, projectId, () => parseAction(req.query.get('action') ?? undefined, 'action')),
    ),
    route('ListTaskInstances', 'GET', '/task-templates/{template_id}/task-instances', (req, projectId) => {
      const segment = req.params['template_id'] ?? '';
      state.getTemplateBySegment(projectId, segment);
      const reverse = queryBool(req.query, 'reverse') ?? false;
      const { size, offset } = queryPaging(req.query);
      const { total, items } = state.listInstances(projectId, segment, reverse, offset, size);
      return { status: 200, body: { total_num: total, result: items.map(instanceDetail) } };
    }),
  ];

  const controlRoutes: MockRoute[] = [
    {
      operation: 'SeedDscInstance',
      method: 'POST',
      path: '/__mock/dsc/instances/{ins_id}',
      auth: 'none',
      handler(req) {
        const insId = req.params['ins_id'] ?? '';
        if (insId.length < 1 || insId.length > 256) {
          return { status: 400, body: { error: 'ins_id must be 1-256 characters' } };
        }
        const reachable = seedBody(req.rawBody, 'reachable');
        if (typeof reachable === 'string') return { status: 400, body: { error: reachable } };
        state.setInstanceReachable(insId, reachable);
        return { status: 200, body: { ins_id: insId, reachable } };
      },
    },
    {
      operation: 'SeedDscProject',
      method: 'POST',
      path: '/__mock/dsc/projects/{project_id}',
      auth: 'none',
      handler(req) {
        const projectId = req.params['project_id'] ?? '';
        if (!PROJECT_ID.test(projectId)) {
          return { status: 400, body: { error: 'project_id must be 32 letters or digits' } };
        }
        const enabled = seedBody(req.rawBody, 'enabled');
        if (typeof enabled === 'string') return { status: 400, body: { error: enabled } };
        state.setProjectEnabled(projectId, enabled);
        return { status: 200, body: { project_id: projectId, enabled } };
      },
    },
  ];

  return {
    name: 'dsc',
    protocol: { style: 'rest' },
    gateway: huaweiGateway,
    defaultFaultCode: huaweiFaultCode,
    routes,
    controlRoutes,
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
