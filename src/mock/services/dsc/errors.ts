/**
 * The DSC error codes the mock answers, as factories of {@link MockApiError}, and the DSC envelope
 * `{error_code, error_msg}` (the gateway's own answers add `request_id`).
 */
import { MockApiError } from '../../errors.js';
import type { MockResponse } from '../../types.js';

/** Every request check: `Invalid parameter: <field>: <problem>`. */
export function invalidParameter(field: string, problem: string): MockApiError {
  return new MockApiError(400, 'dsc.40000011', `Invalid parameter: ${field}: ${problem}`);
}

/** The project is disabled (a seed): every DSC call for it answers this. */
export function projectDisabled(): MockApiError {
  return new MockApiError(401, 'dsc.10000009', 'Current instance does not exist');
}

export function templateNotFound(): MockApiError {
  return new MockApiError(404, 'dsc.600000025', 'The template does not exist');
}

/** START while the template has a RUNNING instance. */
export function taskRunning(): MockApiError {
  return new MockApiError(400, 'dsc.40000028', 'task is running and cannot be dispatched');
}

export function errorResponse(status: number, code: string, message: string): MockResponse {
  return { status, body: { error_code: code, error_msg: message } };
}
