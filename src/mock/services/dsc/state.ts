/**
 * DSC mock state: templates per project (a map, the ascending id list and one id list per schedule type, so listing
 * is ordered and paged cheaply), the seeds, and snapshots. Runs and the timeline are in ./state-runs.ts.
 * Every method checks its rules before it changes anything: a rejected request leaves the state as it was.
 *
 * - An update (any body, even `{}`) recomputes the next trigger point strictly after now.
 * - ENABLE on an armed template changes nothing (the pending trigger point stays); on a disarmed one it arms it from
 *   now. DISABLE drops the pending trigger point.
 * - Reset wipes templates and instances; the seeds (unreachable instances, disabled projects) survive it.
 */
import type { ScanConfig as ScanConfigInput, ScheduleType, TemplateAction } from '../../../dsc/schemas.js';
import type { MockSettings } from '../../types.js';
import { projectDisabled, taskRunning, templateNotFound } from './errors.js';
import { insertSorted, mergeSorted, removeSorted } from './sorted-ids.js';
import { type Instance, type InstancePage, Runs, type TaskStatus } from './state-runs.js';

export type { Instance, InstancePage } from './state-runs.js';

export interface DataSource {
  db_type: string;
  ins_id: string;
}

export type ScanConfig = Required<ScanConfigInput>;

/** What a scan reads when the request leaves a key out. */
const SCAN_CONFIG_DEFAULTS: ScanConfig = {
  scan_tables: true,
  scan_views: true,
  scan_comment: true,
  scan_column_constraints: false,
  scan_privileges: false,
  scan_system_db: false,
};

/** The request fields of a template as stored (all present). */
export interface TemplateFields {
  task_name: string;
  task_description: string;
  data_sources: DataSource[];
  schedule_type: ScheduleType;
  start_time: number;
  schedule_switch: boolean;
  delete_failed_meta: boolean;
  scan_config: ScanConfig;
}

/** The fields an update body carried, each already valid on its own. */
export interface TemplateInput extends Partial<Omit<TemplateFields, 'scan_config'>> {
  start_now?: boolean;
  scan_config?: Partial<ScanConfig>;
}

/** A create body: an update's fields with the required ones present. */
export interface CreateInput extends TemplateInput {
  task_name: string;
  data_sources: DataSource[];
  schedule_type: ScheduleType;
}

export interface Template extends TemplateFields {
  id: number;
  project_id: string;
  create_user: string;
  create_time: number;
  update_time: number;
  /** Next trigger point (ms) while armed, else null. */
  next_trigger_time: number | null;
  last_trigger_time: number | null;
  last_end_time: number | null;
  last_task_status: TaskStatus | null;
  /** Id of the RUNNING instance, if any (at most one). */
  running: number | null;
}

/** ListTaskTemplates filters and page. */
export interface ListFilter {
  id?: number | undefined;
  /** Case-insensitive substring of `task_name`. */
  taskName?: string | undefined;
  scheduleTypes?: ScheduleType[] | undefined;
  offset: number;
  size: number;
}

export interface DscSnapshot {
  version: 1;
  templates: Template[];
  instances: Instance[];
  unreachableInstances: string[];
  disabledProjects: string[];
}

/** What the state needs from the engine. */
export interface StateContext {
  now(): number;
  nextId(counter: 'template' | 'instance'): number;
  settings(): MockSettings;
  takeRunFault(operation: string): string | undefined;
}

interface ProjectIndex {
  byId: Map<number, Template>;
  /** All template ids, ascending. */
  ids: number[];
  byType: Record<ScheduleType, number[]>;
}

/** `input` over `base`: present fields replace stored ones, `scan_config` merges key by key. */
function withInput(base: TemplateFields, input: TemplateInput): TemplateFields {
  return {
    task_name: input.task_name ?? base.task_name,
    task_description: input.task_description ?? base.task_description,
    data_sources: (input.data_sources ?? base.data_sources).map((d) => ({ ...d })),
    schedule_type: input.schedule_type ?? base.schedule_type,
    start_time: input.start_time ?? base.start_time,
    schedule_switch: input.schedule_switch ?? base.schedule_switch,
    delete_failed_meta: input.delete_failed_meta ?? base.delete_failed_meta,
    scan_config: { ...SCAN_CONFIG_DEFAULTS, ...base.scan_config, ...input.scan_config },
  };
}

export class DscState {
  private readonly templates = new Map<number, Template>();
  private readonly projects = new Map<string, ProjectIndex>();
  private readonly runs: Runs;
  /** Seeds (survive reset). */
  readonly unreachableInstances = new Set<string>();
  readonly disabledProjects = new Set<string>();

  constructor(private readonly ctx: StateContext) {
    this.runs = new Runs({
      nextId: () => ctx.nextId('instance'),
      settings: () => ctx.settings(),
      takeRunFault: (operation) => ctx.takeRunFault(operation),
      template: (id) => this.templates.get(id),
      isUnreachable: (insId) => this.unreachableInstances.has(insId),
    });
  }

  // ---- seeds and projects ------------------------------------------------------------------------------------------

  setInstanceReachable(insId: string, reachable: boolean): void {
    if (reachable) this.unreachableInstances.delete(insId);
    else this.unreachableInstances.add(insId);
  }

  setProjectEnabled(projectId: string, enabled: boolean): void {
    if (enabled) this.disabledProjects.delete(projectId);
    else this.disabledProjects.add(projectId);
  }

  /** `projectId` when the project is enabled; a disabled one answers every call 401 `dsc.10000009`. */
  project(projectId: string): string {
    if (this.disabledProjects.has(projectId)) throw projectDisabled();
    return projectId;
  }

  // ---- templates ---------------------------------------------------------------------------------------------------

  /** The template `id` of `projectId`; null (an id no template can have) or an unknown id is a 404. */
  template(projectId: string, id: number | null): Template {
    const t = id === null ? undefined : this.projects.get(projectId)?.byId.get(id);
    if (t === undefined) throw templateNotFound();
    return t;
  }

  /** A new template; `start_now` starts a run at once, consuming run faults of `operation`. */
  create(projectId: string, input: CreateInput, user: string, operation: string): Template {
    const now = this.ctx.now();
    const defaults: TemplateFields = {
      task_name: input.task_name,
      task_description: '',
      data_sources: input.data_sources,
      schedule_type: input.schedule_type,
      start_time: Math.floor(now / 1000),
      schedule_switch: true,
      delete_failed_meta: false,
      scan_config: SCAN_CONFIG_DEFAULTS,
    };
    let id = this.ctx.nextId('template');
    while (this.templates.has(id)) id = this.ctx.nextId('template');
    const t: Template = {
      id,
      project_id: projectId,
      ...withInput(defaults, input),
      create_user: user,
      create_time: now,
      update_time: now,
      next_trigger_time: null,
      last_trigger_time: null,
      last_end_time: null,
      last_task_status: null,
      running: null,
    };
    this.index(t);
    this.runs.arm(t, now);
    if (input.start_now === true) this.runs.start(t, now, 'MANUAL', operation);
    return t;
  }

  update(t: Template, input: TemplateInput): Template {
    const now = this.ctx.now();
    const oldType = t.schedule_type;
    Object.assign(t, withInput(t, input), { update_time: now });
    if (oldType !== t.schedule_type) {
      const p = this.projects.get(t.project_id)!;
      removeSorted(p.byType[oldType], t.id);
      insertSorted(p.byType[t.schedule_type], t.id);
    }
    this.runs.arm(t, now);
    return t;
  }

  /** Deletes the known ids of `projectId` (unknown ones ignored); returns the ids deleted, in request order. */
  delete(projectId: string, ids: (number | null)[]): number[] {
    const deleted: number[] = [];
    const p = this.projects.get(projectId);
    if (p === undefined) return deleted;
    for (const id of ids) {
      const t = id === null ? undefined : p.byId.get(id);
      if (t === undefined) continue;
      this.unindex(t);
      deleted.push(t.id);
    }
    return deleted;
  }

  /** ENABLE, DISABLE or START (refused while a run is going); START consumes run faults of `operation`. */
  operate(t: Template, action: TemplateAction, operation: string): Template {
    const now = this.ctx.now();
    if (action === 'START') {
      if (t.running !== null) throw taskRunning();
      this.runs.start(t, now, 'MANUAL', operation);
      return t;
    }
    const on = action === 'ENABLE';
    if (t.schedule_switch !== on) {
      t.schedule_switch = on;
      t.update_time = now;
      this.runs.arm(t, now);
    }
    return t;
  }

  /** The templates of `projectId` matching every filter given, ascending id, one page and the total. */
  list(projectId: string, f: ListFilter): { total: number; items: Template[] } {
    const p = this.projects.get(projectId);
    if (p === undefined) return { total: 0, items: [] };
    const types = f.scheduleTypes;
    // The filters no index answers; with any of them the candidates are scanned.
    const checks: ((t: Template) => boolean)[] = [];
    const needle = f.taskName?.toLowerCase();
    if (needle !== undefined) checks.push((t) => t.task_name.toLowerCase().includes(needle));
    const matches = (t: Template): boolean => checks.every((check) => check(t));

    if (f.id !== undefined) {
      const t = p.byId.get(f.id);
      const found = t !== undefined && (types === undefined || types.includes(t.schedule_type)) && matches(t);
      const all = found ? [t] : [];
      return { total: all.length, items: all.slice(f.offset, f.offset + f.size) };
    }
    // Candidates: all ids, or the ids of the schedule types asked for (ascending each).
    const lists = types === undefined ? [p.ids] : types.map((s) => p.byType[s]);
    if (checks.length === 0) {
      // Index only: the total from the list lengths, the page in O(offset + size).
      const total = lists.reduce((n, l) => n + l.length, 0);
      if (lists.length === 1) {
        return { total, items: lists[0]!.slice(f.offset, f.offset + f.size).map((id) => p.byId.get(id)!) };
      }
      const items: Template[] = [];
      let i = 0;
      for (const id of mergeSorted(lists)) {
        if (i >= f.offset + f.size) break;
        if (i >= f.offset) items.push(p.byId.get(id)!);
        i++;
      }
      return { total, items };
    }
    let total = 0;
    const items: Template[] = [];
    for (const id of mergeSorted(lists)) {
      const t = p.byId.get(id)!;
      if (!matches(t)) continue;
      if (total >= f.offset && items.length < f.size) items.push(t);
      total++;
    }
    return { total, items };
  }

  /** One page of the instances of `t`. */
  instances(t: Template, page: InstancePage): { total: number; items: Instance[] } {
    return this.runs.list(t, page);
  }

  // ---- timed work --------------------------------------------------------------------------------------------------

  nextDueAt(): number | undefined {
    return this.runs.nextDueAt();
  }

  runDue(now: number): void {
    this.runs.runDue(now);
  }

  private projectIndex(projectId: string): ProjectIndex {
    let p = this.projects.get(projectId);
    if (p === undefined) {
      p = { byId: new Map(), ids: [], byType: { ONCE: [], DAY: [], WEEK: [], MONTH: [] } };
      this.projects.set(projectId, p);
    }
    return p;
  }

  private index(t: Template): void {
    const p = this.projectIndex(t.project_id);
    this.templates.set(t.id, t);
    p.byId.set(t.id, t);
    insertSorted(p.ids, t.id);
    insertSorted(p.byType[t.schedule_type], t.id);
  }

  private unindex(t: Template): void {
    const p = this.projects.get(t.project_id)!;
    this.templates.delete(t.id);
    p.byId.delete(t.id);
    removeSorted(p.ids, t.id);
    removeSorted(p.byType[t.schedule_type], t.id);
    this.runs.drop(t);
  }

  // ---- persistence -------------------------------------------------------------------------------------------------

  snapshot(): DscSnapshot {
    return structuredClone({
      version: 1 as const,
      templates: [...this.templates.values()].sort((a, b) => a.id - b.id),
      instances: this.runs.all(),
      unreachableInstances: [...this.unreachableInstances].sort(),
      disabledProjects: [...this.disabledProjects].sort(),
    });
  }

  /** Replaces everything, seeds included, with a snapshot of version 1. */
  restore(snapshot: unknown): void {
    const s = snapshot as Partial<DscSnapshot> | null;
    if (s === null || typeof s !== 'object' || s.version !== 1) throw new Error('dsc: unsupported snapshot');
    const copy = structuredClone(s) as DscSnapshot;
    this.clear();
    this.unreachableInstances.clear();
    this.disabledProjects.clear();
    for (const id of copy.unreachableInstances ?? []) this.unreachableInstances.add(id);
    for (const id of copy.disabledProjects ?? []) this.disabledProjects.add(id);
    for (const t of copy.templates ?? []) this.index(t);
    this.runs.restore(this.templates.values(), copy.instances ?? []);
  }

  /** Wipes templates and instances; the seeds survive. */
  clear(): void {
    this.templates.clear();
    this.projects.clear();
    this.runs.clear();
  }
}
