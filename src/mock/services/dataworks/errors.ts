/**
 * The DataWorks error answers as `MockApiError`s; the engine renders them in the ACS gateway's envelope
 * `{RequestId, HostId, Code, Message, Recommend}`.
 */
import { MockApiError } from '../../errors.js';
import type { RunRecord } from './state-records.js';

export const missingParam = (key: string) =>
  new MockApiError(400, `Missing${key}`, `${key} is mandatory for this action.`);

/** `Invalid parameter: <field>: <problem>`, or `Invalid parameter: <problem>` for a rule on the whole request. */
export const invalidParam = (field: string, problem: string) =>
  new MockApiError(
    400,
    'Invalid.Param',
    field ? `Invalid parameter: ${field}: ${problem}` : `Invalid parameter: ${problem}`,
  );

export const crawlerNotFound = (id: number) =>
  new MockApiError(404, 'Crawler.NotFound', `Crawler ${id} does not exist.`);

export const dataSourceNotFound = (id: number) =>
  new MockApiError(404, 'DataSource.NotFound', `Data source ${id} does not exist.`);

export const taskInstanceNotFound = (id: number) =>
  new MockApiError(404, 'TaskInstance.NotFound', `Task instance ${id} does not exist.`);

export const crawlerAlreadyExists = (existing: number, dataSourceId: number) =>
  new MockApiError(
    400,
    'Crawler.AlreadyExists',
    `Crawler ${existing} already collects data source ${dataSourceId}; only one crawler per data source is allowed.`,
  );

export const dataSourceAlreadyExists = (name: string, projectId: number, envType: string, existing: number) =>
  new MockApiError(
    400,
    'DataSource.AlreadyExists',
    `A data source named ${name} already exists in workspace ${projectId} for environment ${envType} (id ${existing}).`,
  );

export const runInProgress = (crawlerId: number, run: RunRecord) =>
  new MockApiError(
    400,
    'Crawler.RunInProgress',
    `Crawler ${crawlerId} already has a run in progress (task instance ${run.taskInstanceId}, ${run.status}).`,
  );

export const crawlerInvalid = (crawlerId: number, dataSourceId: number) =>
  new MockApiError(
    400,
    'Crawler.Invalid',
    `Crawler ${crawlerId} is INVALID: its data source ${dataSourceId} no longer exists.`,
  );

export const crawlerNotRunning = (crawlerId: number) =>
  new MockApiError(400, 'Crawler.NotRunning', `Crawler ${crawlerId} has no WAITING or RUNNING run to stop.`);

/** Code of an injected fault that names none: the product's throttling and internal codes. */
export function defaultFaultCode(status: number): string {
  return status === 429 ? 'Throttling.User' : status >= 500 ? 'InternalError' : 'MockFault';
}
