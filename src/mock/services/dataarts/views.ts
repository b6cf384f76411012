/** DataArts records → the wire JSON the API answers with (times as epoch-ms decimal strings). Pure functions. */
import type { Instance, InstanceStatus, LogLine, Task, Trigger } from './records.js';
import type { JsonObject } from './requests.js';
import type { SearchPage } from './state.js';

/**
 * One run of a DataArts task as the mock records it.
 * @inline
 */
export interface InstanceView {
  /** Instance id of the run. */
  instance_id: string;
  /** Id of the run's collection job. */
  bridge_id: string;
  /** Status of the run. */
  status: InstanceStatus;
  /** What started the run. */
  trigger: Trigger;
  /** Start, epoch milliseconds of mock time. */
  start_time: number;
  /** End, epoch milliseconds of mock time; `null` while running. */
  end_time: number | null;
}

const str = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : String(ms));

/** A task as ShowTaskInfo and search answer it. */
export function taskView(t: Task): JsonObject {
  const s = t.schedule;
  const schedule: JsonObject = { schedule_type: s.schedule_type };
  if (s.cron_expression !== undefined) schedule.cron_expression = s.cron_expression;
  if (s.start_time !== undefined) schedule.start_time = s.start_time;
  if (s.end_time !== undefined) schedule.end_time = s.end_time;
  if (s.interval !== undefined) schedule.interval = s.interval;
  if (s.max_time_out !== undefined) schedule.max_time_out = s.max_time_out;
  schedule.enabled = s.schedule_type === 'CRON' ? t.enabled : 0;
  schedule.job_id = s.job_id;
  const latest = t.instances[t.instances.length - 1];
  const out: JsonObject = {
    id: t.id,
    name: t.name,
    description: t.description,
    user_id: t.user_id,
    user_name: t.user_name,
    duty_person: t.duty_person,
    dir_id: t.dir_id,
    path: t.dir_id === '0' ? '' : `/${t.dir_id}`,
    project_id: t.project_id,
    schedule_config: schedule,
  };
  // No defensive copies of the stored configs: a view only ever becomes a response body, serialised right away,
  // and the stored objects are replaced (never mutated) by update and restore.
  if (t.parameter_config !== undefined) out.parameter_config = t.parameter_config;
  out.update_type = t.update_type;
  out.data_source_type = t.data_source_type;
  out.task_config = t.task_config;
  out.data_source_workspace_id = t.data_source_workspace_id;
  out.create_time = String(t.create_time);
  out.update_time = String(t.update_time);
  out.last_run_time = str(latest?.start_time);
  out.start_time = str(latest?.start_time);
  out.end_time = str(latest?.end_time);
  out.next_run_time = t.enabled === 3 ? str(t.next_fire_at) : null;
  return out;
}

/** The answer of ShowTaskList. */
export function searchView(page: SearchPage): JsonObject {
  return {
    count: page.count,
    total_records: page.total_records,
    max_records: page.max_records,
    resources: page.tasks.map(taskView),
  };
}

/** The answer of CreateTask. */
export function createdView(t: Task): JsonObject {
  return { task_id: t.id };
}

/** The mock-only headers of an ExecuteTaskAction that started a run (none otherwise). */
export function actionHeaders(inst: Instance | undefined): Record<string, string> | undefined {
  return inst ? { 'X-Mock-Instance-Id': inst.id, 'X-Mock-Bridge-Id': inst.bridge_id } : undefined;
}

function formatLogTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function renderLog(lines: LogLine[]): string {
  return lines.map((l) => `${formatLogTime(l.t)} ${l.level} ${l.msg}`).join('\n');
}

/** The answer of ShowInstanceLog: the job statuses and logs of one instance. */
export function logView(inst: Instance): JsonObject {
  return {
    enable_bridge: true,
    enable_profile: inst.enable_profile,
    enable_classification: inst.enable_classification,
    bridge_status: inst.status,
    profile_status: inst.enable_profile ? inst.status : '',
    classification_status: inst.enable_classification ? inst.status : '',
    bridge_job_log: renderLog(inst.bridge_log),
    profile_job_log: inst.enable_profile ? renderLog(inst.profile_log) : '',
    classification_job_log: inst.enable_classification ? renderLog(inst.classification_log) : '',
  };
}

/** A task's instances, newest first. */
export function instancesView(instances: readonly Instance[]): InstanceView[] {
  const out: InstanceView[] = [];
  for (let i = instances.length - 1; i >= 0; i--) {
    const inst = instances[i] as Instance;
    out.push({
      instance_id: inst.id,
      bridge_id: inst.bridge_id,
      status: inst.status,
      trigger: inst.trigger,
      start_time: inst.start_time,
      end_time: inst.end_time,
    });
  }
  return out;
}
