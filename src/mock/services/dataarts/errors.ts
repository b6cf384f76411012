/**
 * The DataArts Catalog error codes the mock answers with (all HTTP 400, as the service does: a missing task is 400,
 * never 404), and the service's envelope `{error_code, error_msg}`.
 */
import { MockApiError } from '../../errors.js';
import type { MockResponse } from '../../types.js';

/** DLG.9001: a request field is missing or wrong; `field` is its dotted path. */
export const invalidParameter = (field: string, problem: string): MockApiError =>
  new MockApiError(400, 'DLG.9001', `Invalid parameter: ${field}: ${problem}`);

/** DLG.0818: the `workspace` header is missing or names no workspace of the project. */
export const workspaceNotFound = (): MockApiError =>
  new MockApiError(400, 'DLG.0818', 'Processing failed. The workspace does not exist.');

/** DLG.2253: no such task in the workspace. */
export const taskNotFound = (id: string): MockApiError =>
  new MockApiError(400, 'DLG.2253', `Processing failed. The task ${id} does not exist.`);

/** DLG.2208: the task to delete does not exist. */
export const deleteTargetNotFound = (id: string): MockApiError =>
  new MockApiError(400, 'DLG.2208', `Processing failed. The task ${id} to be deleted does not exist.`);

/** DLG.9002: the task already has a running instance. */
export const alreadyRunning = (): MockApiError =>
  new MockApiError(400, 'DLG.9002', 'Processing failed. An instance of the task is already running.');

/** DLG.9003: the project holds `max` tasks already. */
export const quotaReached = (max: number): MockApiError =>
  new MockApiError(
    400,
    'DLG.9003',
    `Processing failed. The project has reached the maximum number of tasks (max_records ${max}).`,
  );

/** DLG.9005: the instance is not one of the task's. */
export const instanceNotOfTask = (instanceId: string, taskId: string): MockApiError =>
  new MockApiError(
    400,
    'DLG.9005',
    `Processing failed. The instance ${instanceId} is not an instance of task ${taskId}.`,
  );

/** DLG.9005: the bridge job is not the instance's. */
export const bridgeNotOfInstance = (bridgeId: string, instanceId: string): MockApiError =>
  new MockApiError(
    400,
    'DLG.9005',
    `Processing failed. The bridge job ${bridgeId} does not belong to instance ${instanceId}.`,
  );

/** The service's error envelope (the gateway's adds `request_id`; DataArts' own errors do not carry it). */
export function errorResponse(status: number, code: string, message: string): MockResponse {
  return { status, body: { error_code: code, error_msg: message } };
}
