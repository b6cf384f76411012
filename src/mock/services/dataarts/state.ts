/**
 * DataArts Catalog mock state, kept apart from HTTP (moto-style). Projects hold workspaces; each workspace holds its
 * tasks in a Map (O(1) get) plus an array kept sorted by (create_time ascending, id descending), so a search walks it
 * backwards in the published order (create_time descending, then id) without sorting per call; creates append at
 * the end (create times never go backwards). Exact-match filters (directory_id, data_connection_id,
 * data_source_type, user_name, bucket_name) have secondary indexes in the same order, so a filtered search scans
 * only the smallest candidate list (one exact filter alone pages its list directly). A min-heap of due events (cron points, run ends) gives nextDueAt() in
 * O(1) (stale events are discarded lazily) and runDue() processes them in time order.
 *
 * Every public mutating method validates first and throws a DataArtsError before touching anything.
 *
 * Decisions where dataarts-catalog.md is silent (also listed in the report):
 * - A run's outcome is decided when it starts: no `task_config.data_connection_id` (missing, empty or not a
 *   string) → "data connection not specified"; else a connection seeded unreachable → "Failed to connect to data
 *   connection <id>"; else one matching run fault is consumed (ctx.takeRunFault('dataarts', op), op =
 *   'ExecuteTaskAction' for runs started by an action, 'ScheduledRun' for cron firings). The run ends after
 *   settings.dataartsRunDurationMs (read at start), or at `max_time_out` minutes when that is shorter; in the latter
 *   case the reason is "timed out after N minutes" unless one of the reasons above applies.
 * - Events due at the same ms: run ends before cron points (a run ending at t frees the task for a point at t).
 * - Instance and log times are the event's own due time, not the time runDue() is called at.
 * - `run` on a task already scheduling keeps its pending point (idempotent); from 0 or 5 it schedules from now.
 *   `stop` on a task with `enabled` 0 leaves it 0. Create/update compute the next point strictly after now.
 * - Firings happen at cron points p with start_time ≤ p ≤ end_time; past the window `enabled` stays 3 and
 *   `next_run_time` is null.
 * - Update keeps the creator (`user_name`), `job_id`, `create_time` and the instances; `user_id` defaults to the
 *   updating caller, `duty_person` to the creator's name.
 * - Removing a workspace (seed) deletes its tasks (running instances end STOPPED). `reset()` keeps every project's
 *   workspace set and the connection reachability seeds, and drops tasks and instances.
 * - An unknown project is created on first use with settings.defaultWorkspaces.
 */
import { isValidTimeZone, nextFireTime, parseQuartzCron, type QuartzCron } from '../../../cron/quartz.js';
import { KeyedMinHeap } from '../../heap.js';
import type { ServiceContext } from '../../types.js';
import { OrderedList } from './ordered.js';
import {
  DataArtsError,
  invalid,
  type JsonObject,
  parseScheduleTime,
  type ScheduleInput,
  type SearchInput,
  type TaskAction,
  type TaskInput,
} from './validate.js';

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
type Level = 'INFO' | 'WARN' | 'ERROR';

export interface LogLine {
  t: number;
  level: Level;
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

/** Persisted task fields (what snapshot() writes). */
interface TaskData {
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

interface Task extends TaskData {
  cron: QuartzCron | undefined;
  startMs: number | undefined;
  endMs: number | undefined;
  nameLower: string;
  schedVersion: number;
  removed: boolean;
}

/**
 * Builds a Task with every property in one fixed order (one hidden class for all tasks keeps the search scan
 * monomorphic; object spread and `delete` would give tasks different or dictionary-mode shapes).
 */
function makeTask(
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
    schedVersion: 0,
    removed: false,
  };
}

/** Exact-match search filters with a secondary index (value → tasks in stored order). */
type IndexName = 'dir' | 'conn' | 'type' | 'user' | 'bucket';
const INDEX_NAMES: readonly IndexName[] = ['dir', 'conn', 'type', 'user', 'bucket'];

function indexKey(t: Task, name: IndexName): string | undefined {
  switch (name) {
    case 'dir':
      return t.dir_id;
    case 'conn':
      return typeof t.task_config.data_connection_id === 'string' ? t.task_config.data_connection_id : undefined;
    case 'type':
      return t.data_source_type.toLowerCase();
    case 'user':
      return t.user_name;
    case 'bucket':
      return typeof t.task_config.bucket_name === 'string' ? t.task_config.bucket_name : undefined;
  }
}

interface Workspace {
  id: string;
  tasks: Map<string, Task>;
  /** Sorted by create_time ascending, then id descending (reverse = published search order). */
  ordered: OrderedList<Task>;
  /** Secondary indexes for the exact-match filters, each list in the same order as `ordered`. */
  indexes: Record<IndexName, Map<string, OrderedList<Task>>>;
}

function newWorkspace(id: string): Workspace {
  return {
    id,
    tasks: new Map(),
    ordered: new OrderedList(later),
    indexes: { dir: new Map(), conn: new Map(), type: new Map(), user: new Map(), bucket: new Map() },
  };
}

function indexAdd(ws: Workspace, t: Task): void {
  for (const name of INDEX_NAMES) {
    const key = indexKey(t, name);
    if (key === undefined) continue;
    let list = ws.indexes[name].get(key);
    if (!list) {
      list = new OrderedList(later);
      ws.indexes[name].set(key, list);
    }
    list.insert(t);
  }
}

function indexRemove(ws: Workspace, t: Task): void {
  for (const name of INDEX_NAMES) {
    const key = indexKey(t, name);
    if (key === undefined) continue;
    const list = ws.indexes[name].get(key);
    if (!list) continue;
    list.remove(t);
    if (list.length === 0) ws.indexes[name].delete(key);
  }
}

interface Project {
  id: string;
  workspaces: Map<string, Workspace>;
  tasks: Map<string, Task>;
}

type DueEvent =
  | { at: number; prio: 0; seq: number; kind: 'end'; task: Task; instance: Instance }
  | { at: number; prio: 1; seq: number; kind: 'fire'; task: Task; version: number };

export interface Caller {
  userId: string;
  userName: string;
}

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

export const SCHEDULED_RUN_OPERATION = 'ScheduledRun';
export const ACTION_OPERATION = 'ExecuteTaskAction';

export const workspaceError = (): DataArtsError =>
  new DataArtsError(400, 'DLG.0818', 'Processing failed. The workspace does not exist.');
const taskNotFound = (id: string): DataArtsError =>
  new DataArtsError(400, 'DLG.2253', `Processing failed. The task ${id} does not exist.`);
const deleteNotFound = (id: string): DataArtsError =>
  new DataArtsError(400, 'DLG.2208', `Processing failed. The task ${id} to be deleted does not exist.`);

function later(a: Task, b: Task): boolean {
  // Whether a sorts after b in the stored (ascending) order.
  return a.create_time > b.create_time || (a.create_time === b.create_time && a.id < b.id);
}

/** An empty list (an exact-match filter value no task has). */
const EMPTY_LIST = new OrderedList<Task>(later);

function formatLogTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function renderLog(lines: LogLine[]): string {
  return lines.map((l) => `${formatLogTime(l.t)} ${l.level} ${l.msg}`).join('\n');
}

const str = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : String(ms));

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export class DataArtsState {
  private readonly projects = new Map<string, Project>();
  private readonly connections = new Map<string, boolean>();
  // Stale events are dropped when they surface (see runDue), so each event is keyed by its own sequence number.
  private readonly heap = new KeyedMinHeap<DueEvent>(
    (a, b) => a.at < b.at || (a.at === b.at && (a.prio < b.prio || (a.prio === b.prio && a.seq < b.seq))),
  );
  private seq = 0;

  constructor(private readonly ctx: ServiceContext) {}

  /** Queues a due event. */
  #due(event: DueEvent): void {
    this.heap.set(String(event.seq), event);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Lookup helpers

  private project(projectId: string): Project {
    let p = this.projects.get(projectId);
    if (!p) {
      p = { id: projectId, workspaces: new Map(), tasks: new Map() };
      for (const ws of this.ctx.settings.defaultWorkspaces) {
        p.workspaces.set(ws, newWorkspace(ws));
      }
      this.projects.set(projectId, p);
    }
    return p;
  }

  /**
   * The workspace named by the `workspace` header, or DLG.0818. Does not materialise the project (a read or a
   * rejected request leaves the state untouched): an unknown project answers with an empty default workspace.
   */
  requireWorkspace(projectId: string, workspace: string | null): Workspace {
    if (workspace === null || workspace === '') throw workspaceError();
    const p = this.projects.get(projectId);
    const ws = p
      ? p.workspaces.get(workspace)
      : this.ctx.settings.defaultWorkspaces.includes(workspace)
        ? newWorkspace(workspace)
        : undefined;
    if (!ws) throw workspaceError();
    return ws;
  }

  private timeZone(): string {
    const tz = this.ctx.settings.timeZone;
    return typeof tz === 'string' && isValidTimeZone(tz) ? tz : 'UTC';
  }

  private runningInstance(task: Task): Instance | undefined {
    const last = task.instances[task.instances.length - 1];
    return last?.status === 'RUNNING' ? last : undefined;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Views

  private view(t: Task): JsonObject {
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
    // No defensive copies of the stored configs: a view only ever becomes a response body, which the engine
    // serialises right away, and the stored objects are replaced (never mutated) by update and restore.
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

  // -------------------------------------------------------------------------------------------------------------
  // Operations

  /** Appends the views of `limit` tasks of `list` in published order, from position `offset`. */
  private page(list: OrderedList<Task>, offset: number, limit: number, out: JsonObject[]): void {
    let left = limit;
    if (left <= 0) return;
    list.forEachFromEnd(offset, (t) => {
      out.push(this.view(t));
      return --left > 0;
    });
  }

  search(projectId: string, workspace: string | null, f: SearchInput): JsonObject {
    const ws = this.requireWorkspace(projectId, workspace);
    const arr = ws.ordered;
    const resources: JsonObject[] = [];
    const filtered =
      f.nameLower !== undefined ||
      f.user_name !== undefined ||
      f.dataSourceTypeLower !== undefined ||
      f.data_connection_id !== undefined ||
      f.directory_id !== undefined ||
      f.bucket_name !== undefined ||
      f.startMs !== undefined ||
      f.endMs !== undefined;
    let count = 0;
    if (!filtered) {
      count = arr.length;
      this.page(arr, f.offset, f.limit, resources);
    } else {
      // Scan the smallest candidate list: an exact-match index when one applies, else every task.
      let candidates: OrderedList<Task> = arr;
      const exact: [IndexName, string | undefined][] = [
        ['dir', f.directory_id],
        ['conn', f.data_connection_id],
        ['type', f.dataSourceTypeLower],
        ['user', f.user_name],
        ['bucket', f.bucket_name],
      ];
      let exactCount = 0;
      for (const [name, value] of exact) {
        if (value === undefined) continue;
        exactCount++;
        const list = ws.indexes[name].get(value) ?? EMPTY_LIST;
        if (list.length <= candidates.length) candidates = list;
      }
      const others = f.nameLower !== undefined || f.startMs !== undefined || f.endMs !== undefined;
      const end = f.offset + f.limit;
      if (exactCount === 1 && !others) {
        // One exact-match filter: its index list is the answer, page it directly.
        this.page(candidates, f.offset, f.limit, resources);
        return {
          count: candidates.length,
          total_records: this.projects.get(projectId)?.tasks.size ?? 0,
          max_records: this.ctx.settings.dataartsMaxRecords,
          resources,
        };
      }
      candidates.forEachFromEnd(0, (t) => {
        if (f.directory_id !== undefined && t.dir_id !== f.directory_id) return true;
        if (f.user_name !== undefined && t.user_name !== f.user_name) return true;
        if (f.dataSourceTypeLower !== undefined && t.data_source_type.toLowerCase() !== f.dataSourceTypeLower) {
          return true;
        }
        if (f.data_connection_id !== undefined && t.task_config.data_connection_id !== f.data_connection_id) {
          return true;
        }
        if (f.bucket_name !== undefined && t.task_config.bucket_name !== f.bucket_name) return true;
        if (f.startMs !== undefined || f.endMs !== undefined) {
          const last = t.instances[t.instances.length - 1];
          if (!last) return true;
          if (f.startMs !== undefined && last.start_time < f.startMs) return true;
          if (f.endMs !== undefined && last.start_time > f.endMs) return true;
        }
        if (f.nameLower !== undefined && !t.nameLower.includes(f.nameLower)) return true;
        if (count >= f.offset && count < end) resources.push(this.view(t));
        count++;
        return true;
      });
    }
    return {
      count,
      total_records: this.projects.get(projectId)?.tasks.size ?? 0,
      max_records: this.ctx.settings.dataartsMaxRecords,
      resources,
    };
  }

  create(projectId: string, workspace: string | null, input: TaskInput, caller: Caller): string {
    const checked = this.requireWorkspace(projectId, workspace);
    const max = this.ctx.settings.dataartsMaxRecords;
    if ((this.projects.get(projectId)?.tasks.size ?? 0) >= max) {
      throw new DataArtsError(
        400,
        'DLG.9003',
        `Processing failed. The project has reached the maximum number of tasks (max_records ${max}).`,
      );
    }
    const project = this.project(projectId);
    const ws = project.workspaces.get(checked.id) as Workspace;
    const now = this.ctx.clock.now();
    let id = this.ctx.ids.hex(32);
    while (project.tasks.has(id)) id = this.ctx.ids.hex(32);
    const task = makeTask(
      {
        id,
        project_id: projectId,
        workspace: ws.id,
        name: input.name,
        description: input.description,
        user_id: input.user_id ?? caller.userId,
        user_name: caller.userName,
        duty_person: input.duty_person ?? caller.userName,
        dir_id: input.dir_id,
        schedule: { ...input.schedule, job_id: this.ctx.ids.next('dataarts.job_id', 1) },
        data_source_type: input.data_source_type,
        // Kept as given, not cloned: a TaskInput is built from the request body's own JSON.parse result, which
        // nothing else holds (a JSON round trip per create showed in profiles and changed nothing).
        task_config: input.task_config,
        parameter_config: input.parameter_config,
        update_type: input.update_type,
        data_source_workspace_id: input.data_source_workspace_id ?? ws.id,
        create_time: now,
        update_time: now,
        enabled: 0,
        next_fire_at: null,
        instances: [],
      },
      input.cron,
      input.startMs,
      input.endMs,
    );
    project.tasks.set(id, task);
    ws.tasks.set(id, task);
    ws.ordered.insert(task);
    indexAdd(ws, task);
    if (task.schedule.schedule_type === 'CRON' && input.schedule.enabled === 1) this.startScheduling(task, now);
    return id;
  }

  show(projectId: string, workspace: string | null, taskId: string): JsonObject {
    const ws = this.requireWorkspace(projectId, workspace);
    const task = ws.tasks.get(taskId);
    if (!task) throw taskNotFound(taskId);
    return this.view(task);
  }

  update(projectId: string, workspace: string | null, taskId: string, input: TaskInput, caller: Caller): void {
    const ws = this.requireWorkspace(projectId, workspace);
    const task = ws.tasks.get(taskId);
    if (!task) throw taskNotFound(taskId);
    if (input.data_source_type !== task.data_source_type) {
      throw invalid(
        'data_source_type',
        `cannot be changed (task has '${task.data_source_type}', got '${input.data_source_type}')`,
      );
    }
    const now = this.ctx.clock.now();
    indexRemove(ws, task);
    task.name = input.name;
    task.description = input.description;
    task.user_id = input.user_id ?? caller.userId;
    task.duty_person = input.duty_person ?? task.user_name;
    task.dir_id = input.dir_id;
    task.task_config = input.task_config; // not cloned: see create()
    task.parameter_config = input.parameter_config;
    task.update_type = input.update_type;
    task.data_source_workspace_id = input.data_source_workspace_id ?? ws.id;
    task.schedule = { ...input.schedule, job_id: task.schedule.job_id };
    task.cron = input.cron;
    task.startMs = input.startMs;
    task.endMs = input.endMs;
    task.nameLower = input.name.toLowerCase();
    task.update_time = now;
    indexAdd(ws, task);
    if (task.schedule.schedule_type === 'CRON' && input.schedule.enabled === 1) {
      task.enabled = 0; // force a recomputation from now
      this.startScheduling(task, now);
    } else {
      this.stopScheduling(task, 0);
    }
  }

  delete(projectId: string, workspace: string | null, taskId: string): void {
    const ws = this.requireWorkspace(projectId, workspace);
    const task = ws.tasks.get(taskId);
    if (!task) throw deleteNotFound(taskId);
    this.removeTask(this.project(projectId), ws, task, 'Instance stopped: task deleted');
    this.ctx.wake();
  }

  private removeTask(project: Project, ws: Workspace, task: Task, reason: string): void {
    const now = this.ctx.clock.now();
    const running = this.runningInstance(task);
    if (running) this.finishInstance(task, running, now, 'STOPPED', reason);
    task.removed = true;
    task.schedVersion++;
    task.next_fire_at = null;
    project.tasks.delete(task.id);
    ws.tasks.delete(task.id);
    ws.ordered.remove(task);
    indexRemove(ws, task);
  }

  /** Returns the instance started, if any. */
  action(projectId: string, workspace: string | null, taskId: string, action: TaskAction): Instance | undefined {
    const ws = this.requireWorkspace(projectId, workspace);
    const task = ws.tasks.get(taskId);
    if (!task) throw taskNotFound(taskId);
    const now = this.ctx.clock.now();
    if (action === 'stop') {
      if (task.enabled === 3) this.stopScheduling(task, 5);
      const running = this.runningInstance(task);
      if (running) {
        this.finishInstance(task, running, now, 'STOPPED', 'Instance stopped by user');
        this.ctx.wake();
      }
      return undefined;
    }
    if (action === 'run' && task.schedule.schedule_type === 'CRON') {
      if (task.enabled !== 3) this.startScheduling(task, now);
      return undefined;
    }
    if (this.runningInstance(task)) {
      throw new DataArtsError(400, 'DLG.9002', 'Processing failed. An instance of the task is already running.');
    }
    const inst = this.startInstance(task, 'MANUAL', now, ACTION_OPERATION);
    this.ctx.wake();
    return inst;
  }

  log(projectId: string, workspace: string | null, taskId: string, instanceId: string, bridgeId: string): JsonObject {
    const ws = this.requireWorkspace(projectId, workspace);
    const task = ws.tasks.get(taskId);
    if (!task) throw taskNotFound(taskId);
    const inst = task.instances.find((i) => i.id === instanceId);
    if (!inst) {
      throw new DataArtsError(
        400,
        'DLG.9005',
        `Processing failed. The instance ${instanceId} is not an instance of task ${taskId}.`,
      );
    }
    if (inst.bridge_id !== bridgeId) {
      throw new DataArtsError(
        400,
        'DLG.9005',
        `Processing failed. The bridge job ${bridgeId} does not belong to instance ${instanceId}.`,
      );
    }
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

  // -------------------------------------------------------------------------------------------------------------
  // Scheduling and runs

  private nextPoint(task: Task, after: number): number | undefined {
    if (!task.cron) return undefined;
    let from = after;
    if (task.startMs !== undefined && from < task.startMs - 1) from = task.startMs - 1;
    const n = nextFireTime(task.cron, from, this.timeZone());
    if (n === undefined || (task.endMs !== undefined && n > task.endMs)) return undefined;
    return n;
  }

  private armNext(task: Task, after: number): void {
    task.schedVersion++;
    const next = this.nextPoint(task, after);
    task.next_fire_at = next ?? null;
    if (next !== undefined) {
      this.#due({ at: next, prio: 1, seq: this.seq++, kind: 'fire', task, version: task.schedVersion });
    }
  }

  private startScheduling(task: Task, now: number): void {
    task.enabled = 3;
    this.armNext(task, now);
    this.ctx.wake();
  }

  private stopScheduling(task: Task, to: 0 | 5): void {
    const changed = task.next_fire_at !== null;
    task.enabled = to;
    task.schedVersion++;
    task.next_fire_at = null;
    if (changed) this.ctx.wake();
  }

  private startInstance(task: Task, trigger: Trigger, at: number, operation: string): Instance {
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
    this.#due({ at: endsAt, prio: 0, seq: this.seq++, kind: 'end', task, instance: inst });
    return inst;
  }

  private finishInstance(task: Task, inst: Instance, at: number, status: InstanceStatus, stopReason?: string): void {
    inst.status = status;
    inst.end_time = at;
    const level: Level = status === 'SUCCESS' ? 'INFO' : status === 'FAILED' ? 'ERROR' : 'WARN';
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
    void task;
  }

  private validEvent(e: DueEvent): boolean {
    if (e.task.removed) return false;
    if (e.kind === 'end') return e.instance.status === 'RUNNING' && e.instance.ends_at === e.at;
    return e.task.schedVersion === e.version && e.task.next_fire_at === e.at;
  }

  private peekValid(): DueEvent | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (!top || this.validEvent(top)) return top;
      this.heap.pop();
    }
  }

  nextDueAt(): number | undefined {
    return this.peekValid()?.at;
  }

  runDue(now: number): void {
    for (;;) {
      const e = this.peekValid();
      if (!e || e.at > now) return;
      this.heap.pop();
      if (e.kind === 'end') {
        this.finishInstance(e.task, e.instance, e.at, e.instance.failure === null ? 'SUCCESS' : 'FAILED');
      } else {
        e.task.next_fire_at = null;
        if (!this.runningInstance(e.task)) this.startInstance(e.task, 'SCHEDULE', e.at, SCHEDULED_RUN_OPERATION);
        this.armNext(e.task, e.at);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Seeds

  addWorkspace(projectId: string, id?: string): string {
    const project = this.project(projectId);
    let wsId = id;
    if (wsId === undefined) {
      wsId = this.ctx.ids.hex(32);
      while (project.workspaces.has(wsId)) wsId = this.ctx.ids.hex(32);
    }
    if (!project.workspaces.has(wsId)) project.workspaces.set(wsId, newWorkspace(wsId));
    return wsId;
  }

  /** Unregisters a workspace and deletes its tasks. False when it was not registered. */
  removeWorkspace(projectId: string, id: string): boolean {
    if (!this.projects.has(projectId) && !this.ctx.settings.defaultWorkspaces.includes(id)) return false;
    const project = this.project(projectId);
    const ws = project.workspaces.get(id);
    if (!ws) return false;
    for (const task of [...ws.tasks.values()])
      this.removeTask(project, ws, task, 'Instance stopped: workspace removed');
    project.workspaces.delete(id);
    this.ctx.wake();
    return true;
  }

  hasWorkspace(projectId: string, id: string): boolean {
    const p = this.projects.get(projectId);
    return p ? p.workspaces.has(id) : this.ctx.settings.defaultWorkspaces.includes(id);
  }

  setConnectionReachable(id: string, reachable: boolean): void {
    this.connections.set(id, reachable);
  }

  /** Instances of a task (any workspace of the project), newest first; undefined for an unknown task. */
  listInstances(projectId: string, taskId: string): InstanceView[] | undefined {
    const task = this.projects.get(projectId)?.tasks.get(taskId);
    if (!task) return undefined;
    return task.instances
      .slice()
      .reverse()
      .map((i) => ({
        instance_id: i.id,
        bridge_id: i.bridge_id,
        status: i.status,
        trigger: i.trigger,
        start_time: i.start_time,
        end_time: i.end_time,
      }));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Snapshot / restore / reset

  snapshot(): unknown {
    const projects = [...this.projects.values()].map((p) => ({
      id: p.id,
      workspaces: [...p.workspaces.keys()],
      tasks: [...p.tasks.values()].map((t) => {
        const data: TaskData = {
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
        return data;
      }),
    }));
    return clone({ version: 1, connections: [...this.connections.entries()], projects });
  }

  restore(snapshot: unknown): void {
    const snap = snapshot as {
      version?: unknown;
      connections?: [string, boolean][];
      projects?: { id: string; workspaces: string[]; tasks: TaskData[] }[];
    } | null;
    if (!snap || typeof snap !== 'object' || snap.version !== 1 || !Array.isArray(snap.projects)) {
      throw new TypeError('dataarts snapshot: expected { version: 1, projects: [...] }');
    }
    const data = clone(snap);
    this.projects.clear();
    this.connections.clear();
    this.heap.clear();
    for (const [id, reachable] of data.connections ?? []) this.connections.set(id, reachable);
    for (const p of data.projects ?? []) {
      const project: Project = { id: p.id, workspaces: new Map(), tasks: new Map() };
      const restored = new Map<Workspace, Task[]>();
      for (const ws of p.workspaces) project.workspaces.set(ws, newWorkspace(ws));
      for (const td of p.tasks) {
        const s = td.schedule;
        const parsed = s.schedule_type === 'CRON' && s.cron_expression ? parseQuartzCron(s.cron_expression) : undefined;
        const task = makeTask(
          td,
          parsed?.ok ? parsed.value : undefined,
          s.start_time !== undefined ? parseScheduleTime(s.start_time) : undefined,
          s.end_time !== undefined ? parseScheduleTime(s.end_time) : undefined,
        );
        let ws = project.workspaces.get(task.workspace);
        if (!ws) {
          ws = newWorkspace(task.workspace);
          project.workspaces.set(ws.id, ws);
        }
        project.tasks.set(task.id, task);
        ws.tasks.set(task.id, task);
        const list = restored.get(ws);
        if (list) list.push(task);
        else restored.set(ws, [task]);
        if (task.enabled === 3 && task.next_fire_at !== null) {
          this.#due({
            at: task.next_fire_at,
            prio: 1,
            seq: this.seq++,
            kind: 'fire',
            task,
            version: task.schedVersion,
          });
        }
        for (const inst of task.instances) {
          if (inst.status === 'RUNNING') {
            this.#due({ at: inst.ends_at, prio: 0, seq: this.seq++, kind: 'end', task, instance: inst });
          }
        }
      }
      for (const ws of project.workspaces.values()) {
        const list = restored.get(ws) ?? [];
        list.sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
        ws.ordered = OrderedList.fromSorted(later, list);
        for (const t of list) indexAdd(ws, t);
      }
      this.projects.set(project.id, project);
    }
    this.ctx.wake();
  }

  reset(): void {
    for (const p of this.projects.values()) {
      for (const t of p.tasks.values()) t.removed = true;
      p.tasks.clear();
      for (const ws of p.workspaces.values()) {
        ws.tasks.clear();
        ws.ordered = new OrderedList(later);
        for (const name of INDEX_NAMES) ws.indexes[name].clear();
      }
    }
    this.heap.clear();
    this.ctx.wake();
  }
}
