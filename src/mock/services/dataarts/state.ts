/**
 * DataArts Catalog mock state: projects hold workspaces, workspaces hold tasks (search.ts), tasks hold run
 * instances (runs.ts). Every method checks first and throws a MockApiError before it changes anything.
 *
 * Mock decisions where the vendor is silent:
 * - An unknown project is created on first write with settings.defaultWorkspaces; a read or a rejected request
 *   leaves the state untouched.
 * - `run` on a task already scheduling keeps its pending point; from 0 or 5 it schedules from now. `stop` on a task
 *   with `enabled` 0 leaves it 0. Create and update compute the next point strictly after now.
 * - Update keeps the creator (`user_name`), `job_id`, `create_time` and the instances; `user_id` defaults to the
 *   updating caller, `duty_person` to the creator's name.
 * - Removing a workspace (seed) deletes its tasks (running instances end STOPPED). `reset()` keeps every project's
 *   workspace set and the connection reachability seeds, and drops tasks and instances.
 */
import { parseQuartzCron } from '../../../cron/quartz.js';
import { parseScheduleTime } from '../../../dataarts/times.js';
import type { ServiceContext } from '../../types.js';
import {
  alreadyRunning,
  bridgeNotOfInstance,
  deleteTargetNotFound,
  instanceNotOfTask,
  invalidParameter,
  quotaReached,
  taskNotFound,
  workspaceNotFound,
} from './errors.js';
import { type Instance, makeTask, runningInstance, type Task, type TaskData, taskData } from './records.js';
import type { Caller, Scope, SearchInput, TaskAction, TaskInput } from './requests.js';
import { ACTION_OPERATION, Runs } from './runs.js';
import {
  addToWorkspace,
  clearWorkspace,
  newWorkspace,
  rebuildWorkspace,
  reindexTask,
  removeFromWorkspace,
  type SearchResult,
  searchWorkspace,
  type Workspace,
} from './search.js';

interface Project {
  id: string;
  workspaces: Map<string, Workspace>;
  /** Every task of the project, any workspace. */
  tasks: Map<string, Task>;
}

/** A search page with the project's totals. */
export interface SearchPage extends SearchResult {
  total_records: number;
  max_records: number;
}

interface Snapshot {
  version: 1;
  connections?: [string, boolean][];
  projects: { id: string; workspaces: string[]; tasks: TaskData[] }[];
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export class DataArtsState {
  private readonly projects = new Map<string, Project>();
  private readonly runs: Runs;

  constructor(private readonly ctx: ServiceContext) {
    this.runs = new Runs(ctx);
  }

  nextDueAt(): number | undefined {
    return this.runs.nextDueAt();
  }

  runDue(now: number): void {
    this.runs.runDue(now);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Lookups

  /** The project, created with the default workspaces on first use. */
  private project(projectId: string): Project {
    let p = this.projects.get(projectId);
    if (!p) {
      p = { id: projectId, workspaces: new Map(), tasks: new Map() };
      for (const ws of this.ctx.settings.defaultWorkspaces) p.workspaces.set(ws, newWorkspace(ws));
      this.projects.set(projectId, p);
    }
    return p;
  }

  /**
   * The workspace the scope names, or DLG.0818. Does not create the project: an unknown project answers with an
   * empty default workspace.
   */
  requireWorkspace(scope: Scope): Workspace {
    const { projectId, workspace } = scope;
    if (workspace === null || workspace === '') throw workspaceNotFound();
    const p = this.projects.get(projectId);
    const ws = p
      ? p.workspaces.get(workspace)
      : this.ctx.settings.defaultWorkspaces.includes(workspace)
        ? newWorkspace(workspace)
        : undefined;
    if (!ws) throw workspaceNotFound();
    return ws;
  }

  /** The task of the scope's workspace, or DLG.2253. */
  private requireTask(scope: Scope, taskId: string): { ws: Workspace; task: Task } {
    const ws = this.requireWorkspace(scope);
    const task = ws.tasks.get(taskId);
    if (!task) throw taskNotFound(taskId);
    return { ws, task };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Operations

  search(scope: Scope, input: SearchInput): SearchPage {
    const result = searchWorkspace(this.requireWorkspace(scope), input);
    return {
      ...result,
      total_records: this.projects.get(scope.projectId)?.tasks.size ?? 0,
      max_records: this.ctx.settings.dataartsMaxRecords,
    };
  }

  /** Creates a task; returns it. */
  create(scope: Scope, input: TaskInput, caller: Caller): Task {
    const checked = this.requireWorkspace(scope);
    const max = this.ctx.settings.dataartsMaxRecords;
    if ((this.projects.get(scope.projectId)?.tasks.size ?? 0) >= max) throw quotaReached(max);
    const project = this.project(scope.projectId);
    const ws = project.workspaces.get(checked.id) as Workspace;
    const now = this.ctx.clock.now();
    let id = this.ctx.ids.hex(32);
    while (project.tasks.has(id)) id = this.ctx.ids.hex(32);
    const task = makeTask(
      {
        id,
        project_id: project.id,
        workspace: ws.id,
        name: input.name,
        description: input.description,
        user_id: input.user_id ?? caller.userId,
        user_name: caller.userName,
        duty_person: input.duty_person ?? caller.userName,
        dir_id: input.dir_id,
        schedule: { ...input.schedule, job_id: this.ctx.ids.next('dataarts.job_id', 1) },
        data_source_type: input.data_source_type,
        // Kept as given, not cloned: the input was parsed from this request's body, which nothing else holds.
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
    addToWorkspace(ws, task);
    if (task.schedule.schedule_type === 'CRON' && input.schedule.enabled === 1) this.runs.startScheduling(task, now);
    return task;
  }

  show(scope: Scope, taskId: string): Task {
    return this.requireTask(scope, taskId).task;
  }

  update(scope: Scope, taskId: string, input: TaskInput, caller: Caller): void {
    const { ws, task } = this.requireTask(scope, taskId);
    if (input.data_source_type !== task.data_source_type) {
      throw invalidParameter(
        'data_source_type',
        `cannot be changed (task has '${task.data_source_type}', got '${input.data_source_type}')`,
      );
    }
    const now = this.ctx.clock.now();
    reindexTask(ws, task, () => {
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
    });
    if (task.schedule.schedule_type === 'CRON' && input.schedule.enabled === 1) {
      this.runs.startScheduling(task, now);
    } else {
      this.runs.stopScheduling(task, 0);
    }
  }

  delete(scope: Scope, taskId: string): void {
    const ws = this.requireWorkspace(scope);
    const task = ws.tasks.get(taskId);
    if (!task) throw deleteTargetNotFound(taskId);
    this.removeTask(this.project(scope.projectId), ws, task, 'Instance stopped: task deleted');
  }

  private removeTask(project: Project, ws: Workspace, task: Task, reason: string): void {
    this.runs.drop(task, this.ctx.clock.now(), reason);
    project.tasks.delete(task.id);
    removeFromWorkspace(ws, task);
  }

  /** Performs `action`; returns the instance it started, if any. */
  action(scope: Scope, taskId: string, action: TaskAction): Instance | undefined {
    const { task } = this.requireTask(scope, taskId);
    const now = this.ctx.clock.now();
    if (action === 'stop') {
      if (task.enabled === 3) this.runs.stopScheduling(task, 5);
      this.runs.stopRun(task, now, 'Instance stopped by user');
      return undefined;
    }
    if (action === 'run' && task.schedule.schedule_type === 'CRON') {
      if (task.enabled !== 3) this.runs.startScheduling(task, now);
      return undefined;
    }
    if (runningInstance(task)) throw alreadyRunning();
    return this.runs.start(task, 'MANUAL', now, ACTION_OPERATION);
  }

  /** The instance whose logs are asked for, checked against the task and the bridge job. */
  log(scope: Scope, taskId: string, instanceId: string, bridgeId: string): Instance {
    const { task } = this.requireTask(scope, taskId);
    const inst = task.instances.find((i) => i.id === instanceId);
    if (!inst) throw instanceNotOfTask(instanceId, taskId);
    if (inst.bridge_id !== bridgeId) throw bridgeNotOfInstance(bridgeId, instanceId);
    return inst;
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
    for (const task of [...ws.tasks.values()]) {
      this.removeTask(project, ws, task, 'Instance stopped: workspace removed');
    }
    project.workspaces.delete(id);
    return true;
  }

  setConnectionReachable(id: string, reachable: boolean): void {
    this.runs.connections.set(id, reachable);
  }

  /** Instances of a task (any workspace of the project), oldest first; undefined for an unknown task. */
  instancesOf(projectId: string, taskId: string): readonly Instance[] | undefined {
    return this.projects.get(projectId)?.tasks.get(taskId)?.instances;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Snapshot / restore / reset

  snapshot(): unknown {
    const projects = [...this.projects.values()].map((p) => ({
      id: p.id,
      workspaces: [...p.workspaces.keys()],
      tasks: [...p.tasks.values()].map(taskData),
    }));
    return clone({ version: 1, connections: [...this.runs.connections.entries()], projects });
  }

  restore(snapshot: unknown): void {
    const snap = snapshot as Partial<Snapshot> | null;
    if (!snap || typeof snap !== 'object' || snap.version !== 1 || !Array.isArray(snap.projects)) {
      throw new TypeError('dataarts snapshot: expected { version: 1, projects: [...] }');
    }
    const data = clone(snap as Snapshot);
    this.projects.clear();
    this.runs.connections.clear();
    this.runs.clear();
    for (const [id, reachable] of data.connections ?? []) this.runs.connections.set(id, reachable);
    for (const p of data.projects) {
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
        this.runs.resume(task);
      }
      for (const ws of project.workspaces.values()) rebuildWorkspace(ws, restored.get(ws) ?? []);
      this.projects.set(project.id, project);
    }
  }

  reset(): void {
    for (const p of this.projects.values()) {
      p.tasks.clear();
      for (const ws of p.workspaces.values()) clearWorkspace(ws);
    }
    this.runs.clear();
  }
}
