/**
 * DSC mock state, kept apart from HTTP (moto-style). Templates live in a Map per project with a sorted id list and
 * one sorted id list per schedule type (cheap, ordered, paged listing); instances per template; one keyed min-heap of
 * due events (schedule trigger points and run completions) so nextDueAt() is O(1) and runDue() fires in time order.
 *
 * Every mutating method validates first and throws a DscError before touching anything (atomic requests).
 *
 * Decisions where dsc.md is silent (see also the report):
 * - A run's outcome is decided when it starts, from the configuration stored at that moment: the first `ins_id`
 *   seeded unreachable at start fails it; otherwise one matching run fault is consumed (ctx.takeRunFault). The
 *   result becomes visible when the run finishes (after settings.dscRunDurationMs, read at start).
 * - Events due at the same ms: run completions before trigger points (a run ending at t frees the template for a
 *   trigger at t), then ascending template/instance id.
 * - Instance timestamps are the event's own due time, not the time runDue() is called at.
 * - ENABLE on an armed template changes nothing (idempotent, the pending trigger point stays); ENABLE on a disarmed
 *   one arms it from now. DISABLE drops the pending trigger point.
 * - An update (any body, even `{}`) recomputes the next trigger point strictly after now.
 */

import { KeyedMinHeap } from '../../heap.js';
import type { MockSettings } from '../../types.js';
import { nextTriggerAfter, type ScheduleType } from './schedule.js';
import {
  type Action,
  completeTemplate,
  type DataSource,
  DscError,
  type TemplateFields,
  type TemplateInput,
} from './validate.js';

export type TaskStatus = 'RUNNING' | 'SUCCESS' | 'FAILED';
export type Trigger = 'MANUAL' | 'SCHEDULE';

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
  /** Id of the RUNNING instance, if any (at most one: START is refused and trigger points skip while one runs). */
  running: number | null;
}

export interface Instance {
  id: number;
  template_id: number;
  schedule_type: ScheduleType;
  task_status: TaskStatus;
  task_create_time: number;
  task_update_time: number;
  task_end_time: number | null;
  error_msg: string;
  trigger: Trigger;
  /** Internal: the `ins_id`s read when the instance started. */
  ins_ids: string[];
  /** Internal: when a RUNNING instance finishes (ms). */
  end_at: number;
  /** Internal: the failure decided at start ('' = success). */
  failure: string;
}

export interface DscSnapshot {
  version: 1;
  templates: Template[];
  instances: Instance[];
  unreachableInstances: string[];
  disabledProjects: string[];
}

interface DueEvent {
  at: number;
  /** 0 = run completion, 1 = trigger point (completions first at equal times). */
  kind: 0 | 1;
  id: number;
}

interface ProjectIndex {
  byId: Map<number, Template>;
  /** All template ids, ascending. */
  ids: number[];
  byType: Record<ScheduleType, number[]>;
}

export interface ListFilter {
  id?: number;
  taskName?: string;
  scheduleTypes?: ScheduleType[];
  offset: number;
  size: number;
}

/** What the state needs from the engine. */
export interface StateContext {
  now(): number;
  nextId(counter: 'template' | 'instance'): number;
  settings(): MockSettings;
  takeRunFault(operation: string): string | undefined;
}

export const TEMPLATE_NOT_FOUND = (): DscError => new DscError(404, 'dsc.600000025', 'The template does not exist');

/** Operation names passed to takeRunFault for runs not started by a request. */
export const SCHEDULED_RUN_OPERATION = 'ScheduledRun';

function insertSorted(arr: number[], v: number): void {
  if (arr.length === 0 || arr[arr.length - 1]! < v) {
    arr.push(v);
    return;
  }
  arr.splice(lowerBound(arr, v), 0, v);
}

function removeSorted(arr: number[], v: number): void {
  const i = lowerBound(arr, v);
  if (arr[i] === v) arr.splice(i, 1);
}

function lowerBound(arr: number[], v: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ascending merge of sorted id lists. */
function* mergeSorted(lists: number[][]): Generator<number> {
  if (lists.length === 1) {
    yield* lists[0]!;
    return;
  }
  const pos = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const v = lists[i]![pos[i]!];
      if (v !== undefined && (best < 0 || v < lists[best]![pos[best]!]!)) best = i;
    }
    if (best < 0) return;
    yield lists[best]![pos[best]!]!;
    pos[best]!++;
  }
}

export class DscState {
  private readonly templates = new Map<number, Template>();
  private readonly projects = new Map<string, ProjectIndex>();
  private readonly instances = new Map<number, Instance>();
  private readonly instancesByTemplate = new Map<number, Instance[]>();
  private readonly due = new KeyedMinHeap<DueEvent>(
    (a, b) => a.at < b.at || (a.at === b.at && (a.kind < b.kind || (a.kind === b.kind && a.id < b.id))),
  );
  /** Seeds (survive reset). */
  readonly unreachableInstances = new Set<string>();
  readonly disabledProjects = new Set<string>();

  constructor(private readonly ctx: StateContext) {}

  // ---- seeds ---------------------------------------------------------------------------------------------------

  setInstanceReachable(insId: string, reachable: boolean): void {
    if (reachable) this.unreachableInstances.delete(insId);
    else this.unreachableInstances.add(insId);
  }

  setProjectEnabled(projectId: string, enabled: boolean): void {
    if (enabled) this.disabledProjects.delete(projectId);
    else this.disabledProjects.add(projectId);
  }

  isProjectEnabled(projectId: string): boolean {
    return !this.disabledProjects.has(projectId);
  }

  // ---- templates -----------------------------------------------------------------------------------------------

  /** The template `id` of `projectId`, or a 404 DscError. */
  getTemplate(projectId: string, id: number): Template {
    const t = this.projects.get(projectId)?.byId.get(id);
    if (t === undefined) throw TEMPLATE_NOT_FOUND();
    return t;
  }

  /** Looks a template up by its path segment: only `^[0-9]{1,19}$` is looked up, anything else is a 404. */
  getTemplateBySegment(projectId: string, segment: string): Template {
    if (!/^[0-9]{1,19}$/.test(segment)) throw TEMPLATE_NOT_FOUND();
    const id = Number(segment);
    if (!Number.isSafeInteger(id)) throw TEMPLATE_NOT_FOUND();
    return this.getTemplate(projectId, id);
  }

  create(projectId: string, input: TemplateInput, user: string, operation: string): Template {
    const now = this.ctx.now();
    const fields = completeTemplate({ start_time: Math.floor(now / 1000) }, input);
    let id = this.ctx.nextId('template');
    while (this.templates.has(id)) id = this.ctx.nextId('template');
    const t: Template = {
      id,
      project_id: projectId,
      ...fields,
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
    this.arm(t, now);
    if (input.start_now === true) this.startInstance(t, now, 'MANUAL', operation);
    return t;
  }

  update(projectId: string, segment: string, input: TemplateInput): Template {
    const t = this.getTemplateBySegment(projectId, segment);
    const merged = completeTemplate(t, input);
    const now = this.ctx.now();
    const oldType = t.schedule_type;
    Object.assign(t, merged, { update_time: now });
    if (oldType !== t.schedule_type) {
      const p = this.projects.get(projectId)!;
      removeSorted(p.byType[oldType], t.id);
      insertSorted(p.byType[t.schedule_type], t.id);
    }
    this.arm(t, now);
    return t;
  }

  /** Deletes the known ids of `projectId` (unknown ones ignored), returns the ids deleted, in request order. */
  delete(projectId: string, ids: (number | null)[]): number[] {
    const deleted: number[] = [];
    const p = this.projects.get(projectId);
    if (p === undefined) return deleted;
    for (const id of ids) {
      if (id === null) continue;
      const t = p.byId.get(id);
      if (t === undefined) continue;
      this.unindex(t);
      deleted.push(id);
    }
    return deleted;
  }

  operate(projectId: string, segment: string, action: Action, operation: string): Template {
    const t = this.getTemplateBySegment(projectId, segment);
    const now = this.ctx.now();
    switch (action) {
      case 'ENABLE':
        if (!t.schedule_switch) {
          t.schedule_switch = true;
          t.update_time = now;
          this.arm(t, now);
        }
        break;
      case 'DISABLE':
        if (t.schedule_switch) {
          t.schedule_switch = false;
          t.update_time = now;
          this.arm(t, now);
        }
        break;
      case 'START':
        if (t.running !== null) {
          throw new DscError(400, 'dsc.40000028', 'task is running and cannot be dispatched');
        }
        this.startInstance(t, now, 'MANUAL', operation);
        break;
    }
    return t;
  }

  list(projectId: string, f: ListFilter): { total: number; items: Template[] } {
    const p = this.projects.get(projectId);
    if (p === undefined) return { total: 0, items: [] };
    const needle = f.taskName?.toLowerCase();
    const types = f.scheduleTypes;
    const matches = (t: Template): boolean =>
      (types === undefined || types.includes(t.schedule_type)) &&
      (needle === undefined || t.task_name.toLowerCase().includes(needle));

    if (f.id !== undefined) {
      const t = p.byId.get(f.id);
      const all = t !== undefined && matches(t) ? [t] : [];
      return { total: all.length, items: all.slice(f.offset, f.offset + f.size) };
    }
    const lists = types === undefined ? [p.ids] : types.map((s) => p.byType[s]);
    if (needle === undefined) {
      // Index-only: total from list lengths, page in O(offset + size).
      const total = lists.reduce((n, l) => n + l.length, 0);
      const items: Template[] = [];
      if (lists.length === 1) {
        for (const id of lists[0]!.slice(f.offset, f.offset + f.size)) items.push(p.byId.get(id)!);
      } else {
        let i = 0;
        for (const id of mergeSorted(lists)) {
          if (i >= f.offset + f.size) break;
          if (i >= f.offset) items.push(p.byId.get(id)!);
          i++;
        }
      }
      return { total, items };
    }
    // A substring filter cannot use an index: scan the candidates (narrowed by schedule type when given).
    let total = 0;
    const items: Template[] = [];
    for (const id of mergeSorted(lists)) {
      const t = p.byId.get(id)!;
      if (!t.task_name.toLowerCase().includes(needle)) continue;
      if (total >= f.offset && items.length < f.size) items.push(t);
      total++;
    }
    return { total, items };
  }

  listInstances(
    projectId: string,
    segment: string,
    reverse: boolean,
    offset: number,
    size: number,
  ): { total: number; items: Instance[] } {
    const t = this.getTemplateBySegment(projectId, segment);
    const all = this.instancesByTemplate.get(t.id) ?? [];
    const total = all.length;
    if (!reverse) return { total, items: all.slice(offset, offset + size) };
    const items: Instance[] = [];
    for (let i = total - 1 - offset; i >= 0 && items.length < size; i--) items.push(all[i]!);
    return { total, items };
  }

  // ---- timed work ----------------------------------------------------------------------------------------------

  nextDueAt(): number | undefined {
    return this.due.peek()?.at;
  }

  /** Fires every event due at or before `now`, in time order, each seeing the state the previous one left. */
  runDue(now: number): void {
    for (let e = this.due.peek(); e !== undefined && e.at <= now; e = this.due.peek()) {
      this.due.pop();
      if (e.kind === 0) this.finish(e.id, e.at);
      else this.fire(e.id, e.at);
    }
  }

  private fire(templateId: number, at: number): void {
    const t = this.templates.get(templateId);
    if (t === undefined || !t.schedule_switch) return;
    // A point that finds an instance RUNNING is skipped, not queued.
    if (t.running === null) this.startInstance(t, at, 'SCHEDULE', SCHEDULED_RUN_OPERATION);
    t.next_trigger_time = nextTriggerAfter(t.schedule_type, t.start_time, at);
    if (t.next_trigger_time !== null) this.due.set(`t${t.id}`, { at: t.next_trigger_time, kind: 1, id: t.id });
  }

  private finish(instanceId: number, at: number): void {
    const inst = this.instances.get(instanceId);
    if (inst === undefined || inst.task_status !== 'RUNNING') return;
    inst.task_status = inst.failure === '' ? 'SUCCESS' : 'FAILED';
    inst.error_msg = inst.failure;
    inst.task_end_time = at;
    inst.task_update_time = at;
    const t = this.templates.get(inst.template_id);
    if (t !== undefined && t.running === inst.id) {
      t.running = null;
      t.last_end_time = at;
      t.last_task_status = inst.task_status;
    }
  }

  private startInstance(t: Template, at: number, trigger: Trigger, operation: string): Instance {
    const insIds = t.data_sources.map((d: DataSource) => d.ins_id);
    const unreachable = insIds.find((id) => this.unreachableInstances.has(id));
    const failure =
      unreachable !== undefined
        ? `Failed to connect to database instance ${unreachable}`
        : (this.ctx.takeRunFault(operation) ?? '');
    let id = this.ctx.nextId('instance');
    while (this.instances.has(id)) id = this.ctx.nextId('instance');
    const inst: Instance = {
      id,
      template_id: t.id,
      schedule_type: t.schedule_type,
      task_status: 'RUNNING',
      task_create_time: at,
      task_update_time: at,
      task_end_time: null,
      error_msg: '',
      trigger,
      ins_ids: insIds,
      end_at: at + Math.max(0, this.ctx.settings().dscRunDurationMs),
      failure,
    };
    this.instances.set(id, inst);
    let list = this.instancesByTemplate.get(t.id);
    if (list === undefined) {
      list = [];
      this.instancesByTemplate.set(t.id, list);
    }
    list.push(inst);
    t.running = id;
    t.last_trigger_time = at;
    t.last_task_status = 'RUNNING';
    this.due.set(`i${id}`, { at: inst.end_at, kind: 0, id });
    return inst;
  }

  /** (Re)computes the next trigger point strictly after `fromMs` while armed; drops it otherwise. */
  private arm(t: Template, fromMs: number): void {
    t.next_trigger_time = t.schedule_switch ? nextTriggerAfter(t.schedule_type, t.start_time, fromMs) : null;
    if (t.next_trigger_time === null) this.due.delete(`t${t.id}`);
    else this.due.set(`t${t.id}`, { at: t.next_trigger_time, kind: 1, id: t.id });
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
    this.due.delete(`t${t.id}`);
    for (const inst of this.instancesByTemplate.get(t.id) ?? []) {
      this.instances.delete(inst.id);
      this.due.delete(`i${inst.id}`);
    }
    this.instancesByTemplate.delete(t.id);
  }

  // ---- persistence ---------------------------------------------------------------------------------------------

  snapshot(): DscSnapshot {
    return structuredClone({
      version: 1 as const,
      templates: [...this.templates.values()].sort((a, b) => a.id - b.id),
      instances: [...this.instances.values()].sort((a, b) => a.id - b.id),
      unreachableInstances: [...this.unreachableInstances].sort(),
      disabledProjects: [...this.disabledProjects].sort(),
    });
  }

  restore(snapshot: unknown): void {
    const s = snapshot as Partial<DscSnapshot> | null;
    if (s === null || typeof s !== 'object' || s.version !== 1) throw new Error('dsc: unsupported snapshot');
    const copy = structuredClone(s) as DscSnapshot;
    this.clear();
    this.unreachableInstances.clear();
    this.disabledProjects.clear();
    for (const id of copy.unreachableInstances ?? []) this.unreachableInstances.add(id);
    for (const id of copy.disabledProjects ?? []) this.disabledProjects.add(id);
    for (const t of copy.templates ?? []) {
      this.index(t);
      if (t.next_trigger_time !== null) this.due.set(`t${t.id}`, { at: t.next_trigger_time, kind: 1, id: t.id });
    }
    const instances = (copy.instances ?? []).sort((a, b) => a.task_create_time - b.task_create_time || a.id - b.id);
    for (const inst of instances) {
      if (!this.templates.has(inst.template_id)) continue;
      this.instances.set(inst.id, inst);
      let list = this.instancesByTemplate.get(inst.template_id);
      if (list === undefined) {
        list = [];
        this.instancesByTemplate.set(inst.template_id, list);
      }
      list.push(inst);
      if (inst.task_status === 'RUNNING') this.due.set(`i${inst.id}`, { at: inst.end_at, kind: 0, id: inst.id });
    }
  }

  /** Wipes templates and instances; seeds survive (README: reset keeps configured credentials and seeds). */
  clear(): void {
    this.templates.clear();
    this.projects.clear();
    this.instances.clear();
    this.instancesByTemplate.clear();
    this.due.clear();
  }
}
