/**
 * Scheduling and runs of DataArts tasks on one Timeline: a run's end (rank 0) and a task's next cron point (rank 1),
 * so a run ending at t frees its task for a point at t. A task has at most one pending point, keyed by task, and an
 * instance one end, keyed by instance; stopping either deletes its event.
 *
 * Mock decisions where the vendor is silent:
 * - A run's outcome is decided when it starts: no `task_config.data_connection_id` (missing, empty or not a string)
 *   → "data connection not specified"; else a connection seeded unreachable → "Failed to connect to data connection
 *   <id>"; else one matching run fault is consumed (operation `ExecuteTaskAction` for a run started by an action,
 *   `ScheduledRun` for a cron firing). The run ends after settings.dataartsRunDurationMs (read at start), or at
 *   `max_time_out` minutes when that is shorter, then with "timed out after N minutes" unless a reason above applies.
 * - Instance and log times are the event's own due time, not the time runDue() is called at.
 * - Firings happen at cron points p with start_time ≤ p ≤ end_time; past the window `enabled` stays 3 and
 *   `next_run_time` is null. A point that finds the task running starts no run.
 */
import { nextFireTime } from '../../../cron/quartz.js';
import { isValidTimeZone } from '../../../cron/zone.js';
import { Timeline } from '../../timeline.js';
import type { ServiceContext } from '../../types.js';
import {
  type Instance,
  type InstanceStatus,
  type LogLevel,
  type LogLine,
  runningInstance,
  type Task,
  type Trigger,
} from './records.js';

/** The operation name run faults match for a cron firing (an action's run uses `ExecuteTaskAction`). */
const SCHEDULED_RUN_OPERATION = 'ScheduledRun';
export const ACTION_OPERATION = 'ExecuteTaskAction';

type RunEvent =
  | { at: number; rank: 0; tie: number; kind: 'end'; task: Task; instance: Instance }
  | { at: number; rank: 1; tie: number; kind: 'fire'; task: Task };

const endKey = (inst: Instance): string => `end:${inst.id}`;
const fireKey = (task: Task): string => `fire:${task.project_id}/${task.id}`;

export class Runs {
  /** Reachability seeds of data connections (absent = reachable). */
  readonly connections = new Map<string, boolean>();
  readonly #timeline = new Timeline<RunEvent>();
  /** Same-time, same-rank events fire in the order they were scheduled. */
  #seq = 0;

  constructor(private readonly ctx: ServiceContext) {}

  nextDueAt(): number | undefined {
    return this.#timeline.nextDueAt();
  }

  runDue(now: number): void {
    this.#timeline.runDue(now, (e) => {
      if (e.kind === 'end') {
        this.#finish(e.instance, e.at, e.instance.failure === null ? 'SUCCESS' : 'FAILED');
        return;
      }
      e.task.next_fire_at = null;
      if (!runningInstance(e.task)) this.start(e.task, 'SCHEDULE', e.at, SCHEDULED_RUN_OPERATION);
      this.#armNext(e.task, e.at);
    });
  }

  /** Drops every pending event (the tasks are gone). */
  clear(): void {
    this.#timeline.clear();
  }

  /** Re-queues the pending point and running end of a restored task. */
  resume(task: Task): void {
    if (task.enabled === 3 && task.next_fire_at !== null) {
      this.#timeline.set(fireKey(task), { at: task.next_fire_at, rank: 1, tie: this.#seq++, kind: 'fire', task });
    }
    for (const instance of task.instances) {
      if (instance.status === 'RUNNING') this.#queueEnd(task, instance);
    }
  }

  /** Starts scheduling a CRON task from `now` (enabled 3, next point strictly after now). */
  startScheduling(task: Task, now: number): void {
    task.enabled = 3;
    this.#armNext(task, now);
  }

  /** Stops scheduling: enabled 0 (off) or 5 (paused by `stop`), no pending point. */
  stopScheduling(task: Task, to: 0 | 5): void {
    task.enabled = to;
    task.next_fire_at = null;
    this.#timeline.delete(fireKey(task));
  }

  /** Stops the task's running instance, if any, with `reason` in its log. */
  stopRun(task: Task, at: number, reason: string): void {
    const running = runningInstance(task);
    if (!running) return;
    this.#timeline.delete(endKey(running));
    this.#finish(running, at, 'STOPPED', reason);
  }

  /** Stops everything the task has pending (it is being removed). */
  drop(task: Task, at: number, reason: string): void {
    this.stopRun(task, at, reason);
    task.next_fire_at = null;
    this.#timeline.delete(fireKey(task));
  }

  /** Starts a run of `task` at `at`; `operation` names it to the run-fault injection. */
  start(task: Task, trigger: Trigger, at: number, operation: string): Instance {
    const rawConn = task.task_config.data_connection_id;
    const connId = typeof rawConn === 'string' && rawConn !== '' ? rawConn : null;
    let failure: string | null = null;
    if (connId === null) failure = 'data connection not specified';
    else if (this.connections.get(connId) === false) failure = `Failed to connect to data connection ${connId}`;
    else failure = this.ctx.takeRunFault('dataarts', operation) ?? null;
    const duration = Math.max(0, Number(this.ctx.settings.dataartsRunDurationMs) || 0);
    let endsAt = at + duration;
    const limitMin = task.schedule.max_time_out;
    if (limitMin !== undefined && limitMin * 60_000 < duration) {
      endsAt = at + limitMin * 60_000;
      failure ??= `timed out after ${limitMin} minutes`;
    }
    const enableProfile = task.task_config.enableDataProfile === true;
    const enableClassification = task.task_config.enableDataClassification === true;
    const id = this.ctx.ids.hex(32);
    const bridge = this.ctx.ids.hex(32, true);
    const bridgeLog: LogLine[] = [
      { t: at, level: 'INFO', msg: `Task ${task.id} instance ${id} started (trigger ${trigger})` },
      { t: at, level: 'INFO', msg: `Bridge job ${bridge} started: collecting ${task.data_source_type} metadata` },
    ];
    if (connId !== null) bridgeLog.push({ t: at, level: 'INFO', msg: `Connecting to data connection ${connId}` });
    const inst: Instance = {
      id,
      bridge_id: bridge,
      trigger,
      status: 'RUNNING',
      start_time: at,
      end_time: null,
      ends_at: endsAt,
      failure,
      connection_id: connId,
      enable_profile: enableProfile,
      enable_classification: enableClassification,
      bridge_log: bridgeLog,
      profile_log: enableProfile
        ? [{ t: at, level: 'INFO', msg: 'Data profile job scheduled after the bridge job' }]
        : [],
      classification_log: enableClassification
        ? [{ t: at, level: 'INFO', msg: 'Data classification job scheduled after the bridge job' }]
        : [],
    };
    task.instances.push(inst);
    this.#queueEnd(task, inst);
    return inst;
  }

  #queueEnd(task: Task, instance: Instance): void {
    this.#timeline.set(endKey(instance), {
      at: instance.ends_at,
      rank: 0,
      tie: this.#seq++,
      kind: 'end',
      task,
      instance,
    });
  }

  /** Queues the task's next cron point after `after`, or none past its window. */
  #armNext(task: Task, after: number): void {
    const next = this.#nextPoint(task, after);
    task.next_fire_at = next ?? null;
    if (next === undefined) this.#timeline.delete(fireKey(task));
    else this.#timeline.set(fireKey(task), { at: next, rank: 1, tie: this.#seq++, kind: 'fire', task });
  }

  #nextPoint(task: Task, after: number): number | undefined {
    if (!task.cron) return undefined;
    let from = after;
    if (task.startMs !== undefined && from < task.startMs - 1) from = task.startMs - 1;
    const n = nextFireTime(task.cron, from, this.#timeZone());
    if (n === undefined || (task.endMs !== undefined && n > task.endMs)) return undefined;
    return n;
  }

  #timeZone(): string {
    const tz = this.ctx.settings.timeZone;
    return typeof tz === 'string' && isValidTimeZone(tz) ? tz : 'UTC';
  }

  #finish(inst: Instance, at: number, status: InstanceStatus, stopReason?: string): void {
    inst.status = status;
    inst.end_time = at;
    const level: LogLevel = status === 'SUCCESS' ? 'INFO' : status === 'FAILED' ? 'ERROR' : 'WARN';
    if (status === 'SUCCESS') {
      inst.bridge_log.push({ t: at, level, msg: `Metadata collected from data connection ${inst.connection_id}` });
    } else if (status === 'FAILED') {
      inst.bridge_log.push({ t: at, level, msg: inst.failure ?? 'run failed' });
    } else {
      inst.bridge_log.push({ t: at, level, msg: stopReason ?? 'Instance stopped' });
    }
    inst.bridge_log.push({ t: at, level, msg: `Bridge job finished: ${status}` });
    if (inst.enable_profile) inst.profile_log.push({ t: at, level, msg: `Data profile job finished: ${status}` });
    if (inst.enable_classification) {
      inst.classification_log.push({ t: at, level, msg: `Data classification job finished: ${status}` });
    }
  }
}
