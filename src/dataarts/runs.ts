/**
 * How the DataArts Catalog client follows a run. The service has no API that lists a task's runs or reports a
 * run's status by task; two things can be watched:
 *
 * - **The task's latest run, by its times.** `start_time` / `end_time` of the task are those of its latest run
 *   (`end_time` null while it runs). A run counts as ended when `end_time` is set and not before `start_time`; an
 *   older run's end left in place while a newer one runs is therefore not taken for the newer run's end. The
 *   outcome of such a run is not available from the task: the watch resolves when the run ends, whatever its
 *   outcome, and says so.
 * - **One run, by its instance and bridge ids** (shown in the console): its `ShowInstanceLog` statuses. Every
 *   job the instance has (bridge, and profile and classification when enabled) must reach `SUCCESS`; `FAILED` or
 *   `STOPPED` in any of them ends the run as failed, with the first `ERROR` line of that job's log as the reason.
 */
import { RunFailedError, type RunWatch } from '../core/waiter.js';
import type { CollectionTask, JobLogResponse } from './schemas.js';

/** Statuses that end a job badly. */
const FAILED_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'STOPPED']);
/** A log line `yyyy-MM-dd HH:mm:ss.SSS ERROR message`. */
const ERROR_LINE = /^\S+ \S+ ERROR (.+)$/m;

/** `Number` of an epoch-ms string, or undefined for null, "" and text that is not a number. */
function epochMs(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Start of `task`'s latest run, in epoch ms (`start_time`, else `last_run_time`); undefined if it never ran. */
function latestStart(task: CollectionTask): number | undefined {
  return epochMs(task.start_time ?? task.last_run_time);
}

/** Whether `task`'s latest run started after the run whose `start_time` was `after` (`null`: none had run). */
export function startedAfter(task: CollectionTask, after: string | null | undefined): boolean {
  const start = latestStart(task);
  if (start === undefined) return false;
  if (after === undefined) return true;
  const before = epochMs(after);
  return before === undefined ? after === null || String(start) !== after : start > before;
}

/** How long `task`'s latest run took, in ms; undefined while it runs (no `end_time`, or one before its start). */
export function latestRunDurationMs(task: CollectionTask): number | undefined {
  const start = latestStart(task);
  const end = epochMs(task.end_time);
  return start !== undefined && end !== undefined && end >= start ? end - start : undefined;
}

/** Whether `task`'s latest run has ended: `end_time` set and not before `start_time`. */
export function latestRunEnded(task: CollectionTask): boolean {
  return latestRunDurationMs(task) !== undefined;
}

/**
 * The watch of a task's latest run, read through `get`: none while the awaited run has not started (the latest
 * run's `start_time` is not after `after`), running until it ends, then "succeeded" (ended; the outcome is unknown).
 */
export function taskRunWatch(
  taskId: string,
  after: string | null | undefined,
  get: (signal: AbortSignal) => Promise<CollectionTask>,
): RunWatch<CollectionTask> {
  return {
    what: `the latest run of collection task ${taskId}`,
    find: async (signal) => {
      const task = await get(signal);
      return startedAfter(task, after) ? task : undefined;
    },
    state: (task) => (latestRunEnded(task) ? 'succeeded' : 'running'),
    // Never called: a run read from the task never fails (its outcome is not reported there).
    failure: (task) => new RunFailedError<CollectionTask>({ instance: task, what: `collection task ${taskId}` }),
  };
}

/** The jobs an instance has, with their status and log. */
function jobsOf(log: JobLogResponse): { name: string; status: string; log: string }[] {
  const jobs = [];
  if (log.enable_bridge !== false) {
    jobs.push({ name: 'bridge', status: log.bridge_status, log: log.bridge_job_log });
  }
  if (log.enable_profile) jobs.push({ name: 'profile', status: log.profile_status, log: log.profile_job_log });
  if (log.enable_classification) {
    jobs.push({ name: 'classification', status: log.classification_status, log: log.classification_job_log });
  }
  return jobs.map((j) => ({ ...j, status: String(j.status ?? '').toUpperCase() }));
}

/** One status for the instance: the first job that failed, else the first that has not succeeded, else SUCCESS. */
export function instanceStatus(log: JobLogResponse): string {
  const jobs = jobsOf(log);
  const failed = jobs.find((j) => FAILED_STATUSES.has(j.status));
  if (failed) return failed.status;
  const pending = jobs.find((j) => j.status !== 'SUCCESS');
  return pending ? pending.status || 'PENDING' : 'SUCCESS';
}

/** The watch of one instance, read through `read` (its `ShowInstanceLog`). */
export function instanceWatch(
  taskId: string,
  instanceId: string,
  read: (signal: AbortSignal) => Promise<JobLogResponse>,
): RunWatch<JobLogResponse> {
  const what = `instance ${instanceId} of collection task ${taskId}`;
  return {
    what,
    find: read,
    state: (log) => {
      const status = instanceStatus(log);
      if (status === 'SUCCESS') return 'succeeded';
      return FAILED_STATUSES.has(status) ? 'failed' : 'running';
    },
    failure: (log) => {
      const failed = jobsOf(log).find((j) => FAILED_STATUSES.has(j.status));
      const reason = failed ? ERROR_LINE.exec(failed.log)?.[1] : undefined;
      return new RunFailedError<JobLogResponse>({
        instance: log,
        status: failed?.status,
        errorMsg: reason ? `${failed!.name} job: ${reason}` : undefined,
        what,
      });
    },
  };
}
