/**
 * Every operation named in the four reference sheets (shared/api/*.md) must be in its spec: Huawei operations by
 * operationId and method + path, DataWorks actions in the `x-actions` map with their method (and parameter
 * location where the sheet gives one). Specs must not carry operations the sheets do not name, since the mock's
 * journal and the conformance checker key on these names.
 */
import { describe, expect, test } from 'vitest';
import { dataWorksActions, listOperations, loadSpecs, SPEC_FILES } from '../support/openapi.js';

interface HuaweiOp {
  operationId: string;
  method: string;
  path: string;
  deprecated?: boolean;
}

const DSC = '/v1/{project_id}/metadata';
const DATAARTS = '/v3/{project_id}/metadata/tasks';

const HUAWEI: Record<'dsc' | 'dataarts' | 'iam', HuaweiOp[]> = {
  dsc: [
    { operationId: 'CreateTaskTemplates', method: 'POST', path: `${DSC}/task-templates` },
    { operationId: 'ListTaskTemplates', method: 'GET', path: `${DSC}/task-templates` },
    { operationId: 'UpdateTaskTemplates', method: 'PUT', path: `${DSC}/task-templates/{template_id}` },
    { operationId: 'DeleteTaskTemplates', method: 'DELETE', path: `${DSC}/task-templates` },
    { operationId: 'CreateOperate', method: 'POST', path: `${DSC}/task-templates/{template_id}/operate` },
    { operationId: 'ListTaskInstances', method: 'GET', path: `${DSC}/task-templates/{template_id}/task-instances` },
    { operationId: 'CreateTaskTemplate', method: 'POST', path: `${DSC}/task-template`, deprecated: true },
    { operationId: 'UpdateTaskTemplate', method: 'PUT', path: `${DSC}/task-template/{template_id}`, deprecated: true },
    { operationId: 'UpdateAction', method: 'PUT', path: `${DSC}/task-template/{template_id}/action`, deprecated: true },
  ],
  dataarts: [
    { operationId: 'ShowTaskList', method: 'POST', path: `${DATAARTS}/search` },
    { operationId: 'CreateTask', method: 'POST', path: `${DATAARTS}/create` },
    { operationId: 'ShowTaskInfo', method: 'GET', path: `${DATAARTS}/{task_id}` },
    { operationId: 'UpdateTaskInfo', method: 'PUT', path: `${DATAARTS}/{task_id}` },
    { operationId: 'DeleteTaskInfo', method: 'DELETE', path: `${DATAARTS}/{task_id}` },
    { operationId: 'ExecuteTaskAction', method: 'POST', path: `${DATAARTS}/{task_id}/action` },
    { operationId: 'ShowInstanceLog', method: 'POST', path: `${DATAARTS}/{task_id}/{instance_id}/log` },
  ],
  iam: [
    { operationId: 'KeystoneCreateUserTokenByPassword', method: 'POST', path: '/v3/auth/tokens' },
    { operationId: 'KeystoneListProjects', method: 'GET', path: '/v3/projects' },
  ],
};

/** DataWorks actions: method and parameter location (`undefined` where the sheet gives none). */
const DATAWORKS: Record<string, { method: 'GET' | 'POST'; params?: 'body' | 'query' }> = {
  ListCrawlerTypes: { method: 'GET' },
  GetCrawlerTypeCapabilities: { method: 'POST' },
  CreateCrawler: { method: 'POST', params: 'body' },
  ListCrawlers: { method: 'POST', params: 'body' },
  GetCrawler: { method: 'POST', params: 'body' },
  UpdateCrawler: { method: 'POST', params: 'body' },
  RunCrawler: { method: 'POST', params: 'body' },
  StopCrawler: { method: 'POST', params: 'body' },
  ListCrawlerRuns: { method: 'POST', params: 'body' },
  DeleteCrawler: { method: 'POST', params: 'body' },
  CreateDataSource: { method: 'POST', params: 'query' },
  GetDataSource: { method: 'GET', params: 'query' },
  ListDataSources: { method: 'GET', params: 'query' },
  DeleteDataSource: { method: 'GET', params: 'query' },
  TestDataSourceConnectivity: { method: 'POST', params: 'query' },
  GetTaskInstanceLog: { method: 'GET', params: 'query' },
};

const specs = loadSpecs();
const specFor = (service: keyof typeof SPEC_FILES) => {
  const spec = specs.find((s) => s.file === SPEC_FILES[service]);
  if (!spec) throw new Error(`openapi/${SPEC_FILES[service]} does not exist`);
  return spec;
};

describe.each(Object.entries(HUAWEI))('%s spec covers its sheet', (service, expected) => {
  test.each(expected)('$operationId ($method $path)', (op) => {
    const ops = listOperations(specFor(service as keyof typeof HUAWEI).doc);
    const byId = ops.filter((o) => o.operationId === op.operationId);
    expect(byId, `operationId ${op.operationId}`).toHaveLength(1);
    expect({ method: byId[0]?.method, path: byId[0]?.path }).toEqual({ method: op.method, path: op.path });
    expect(Boolean(byId[0]?.operation.deprecated)).toBe(op.deprecated ?? false);
  });

  test('declares no operation the sheet does not name', () => {
    const ids = listOperations(specFor(service as keyof typeof HUAWEI).doc).map((o) => o.operationId);
    expect(ids.filter((id) => !expected.some((e) => e.operationId === id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('dataworks spec covers its sheet (x-actions)', () => {
  test.each(Object.entries(DATAWORKS))('%s', (action, want) => {
    const spec = specFor('dataworks');
    const entry = dataWorksActions(spec.doc)[action];
    expect(entry, `x-actions.${action}`).toBeDefined();
    expect(String(entry?.method).toUpperCase()).toBe(want.method);
    if (want.params) expect(entry?.params).toBe(want.params);
    const schemas = spec.doc.components?.schemas ?? {};
    expect(schemas[entry?.request ?? ''], `request schema ${entry?.request}`).toBeDefined();
    expect(schemas[entry?.response ?? ''], `response schema ${entry?.response}`).toBeDefined();
  });

  test('x-actions names no action the sheet does not name, and DataWorksError exists', () => {
    const spec = specFor('dataworks');
    expect(Object.keys(dataWorksActions(spec.doc)).filter((a) => !(a in DATAWORKS))).toEqual([]);
    expect(spec.doc.components?.schemas?.DataWorksError).toBeDefined();
  });
});

describe('the coverage check itself', () => {
  test('notices a missing operation', () => {
    const doc = structuredClone(specFor('dsc').doc);
    delete doc.paths['/v1/{project_id}/metadata/task-template/{template_id}/action'];
    const ids = listOperations(doc).map((o) => o.operationId);
    expect(HUAWEI.dsc.filter((op) => !ids.includes(op.operationId)).map((op) => op.operationId)).toEqual([
      'UpdateAction',
    ]);
  });
});
