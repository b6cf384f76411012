/** The records the DataArts mock keeps: tasks and their run instances, as stored and snapshotted. */
import type { QuartzCron } from '../../../cron/quartz.js';
import type { JsonObject, ScheduleInput } from './requests.js';

/**
 * Status of a DataArts task run in the mock.
 * @inline
 */
export type InstanceStatus = 'RUNNING' | 'SUCCESS' | 'FAILED' | 'STOPPED';
/**
 * What started a DataArts task run: a user action or the schedule.
 * @inline
 */
export type Trigger = 'MANUAL' | 'SCHEDULE';
export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export interface LogLine {
  t: number;
  level: LogLevel;
  msg: string;
}

export interface Instance {
  id: string;
  bridge_id: string;
  trigger: Trigger;
  status: InstanceStatus;
  start_time: number;
  end_time: number | null;
  /** Planned end (run duration or max_time_out). */
  ends_at: number;
  /** Planned failure reason, null = success. */
  failure: string | null;
  connection_id: string | null;
  enable_profile: boolean;
  enable_classification: boolean;
  bridge_log: LogLine[];
  profile_log: LogLine[];
  classification_log: LogLine[];
}

export type StoredSchedule = ScheduleInput & { job_id: number };

/** Persisted task fields (what a snapshot holds). */
export interface TaskData {
  id: string;
  project_id: string;
  workspace: string;
  name: string;
  description: string;
  user_id: string;
  user_name: string;
  duty_person: string;
  dir_id: string;
  schedule: StoredSchedule;
  data_source_type: string;
  task_config: JsonObject;
  parameter_config: unknown[] | undefined;
  update_type: string | null;
  data_source_workspace_id: string;
  create_time: number;
  update_time: number;
  /** CRON scheduling state: 0 off, 3 scheduling, 5 paused. Always 0 for RUN_ONCE. */
  enabled: 0 | 3 | 5;
  next_fire_at: number | null;
  /** Oldest first. */
  instances: Instance[];
}

/** A stored task: its data plus what is derived from it (parsed cron and window, lower-cased name). */
export interface Task extends TaskData {
  cron: QuartzCron | undefined;
  startMs: number | undefined;
  endMs: number | undefined;
  nameLower: string;
}

/**
 * Builds a Task with every property in one fixed order (one hidden class for all tasks keeps the search scan
 * monomorphic; object spread and `delete` would give tasks different or dictionary-mode shapes).
 */
export function makeTask(
  d: TaskData,
  cron: QuartzCron | undefined,
  startMs: number | undefined,
  endMs: number | undefined,
): Task {
  return {
    id: d.id,
    project_id: d.project_id,
    workspace: d.workspace,
    name: d.name,
    description: d.description,
    user_id: d.user_id,
    user_name: d.user_name,
    duty_person: d.duty_person,
    dir_id: d.dir_id,
    schedule: d.schedule,
    data_source_type: d.data_source_type,
    task_config: d.task_config,
    parameter_config: d.parameter_config,
    update_type: d.update_type,
    data_source_workspace_id: d.data_source_workspace_id,
    create_time: d.create_time,
    update_time: d.update_time,
    enabled: d.enabled,
    next_fire_at: d.next_fire_at,
    instances: d.instances,
    cron,
    startMs,
    endMs,
    nameLower: d.name.toLowerCase(),
  };
}

/** The persisted fields of a task (drops what is derived). */
export function taskData(t: Task): TaskData {
  return {
    id: t.id,
    project_id: t.project_id,
    workspace: t.workspace,
    name: t.name,
    description: t.description,
    user_id: t.user_id,
    user_name: t.user_name,
    duty_person: t.duty_person,
    dir_id: t.dir_id,
    schedule: t.schedule,
    data_source_type: t.data_source_type,
    task_config: t.task_config,
    update_type: t.update_type,
    data_source_workspace_id: t.data_source_workspace_id,
    create_time: t.create_time,
    update_time: t.update_time,
    enabled: t.enabled,
    next_fire_at: t.next_fire_at,
    instances: t.instances,
    parameter_config: t.parameter_config,
  };
}

/** The task's running instance (always its latest), if any. */
export function runningInstance(task: Task): Instance | undefined {
  const last = task.instances[task.instances.length - 1];
  return last?.status === 'RUNNING' ? last : undefined;
}
