/**
 * DSC runs: the task instances of every template and the timeline of due work (schedule trigger points and run
 * completions).
 *
 * - A run's outcome is decided when it starts, from the configuration stored at that moment: the first `ins_id`
 *   seeded unreachable fails it; otherwise one matching run fault is consumed. The outcome becomes visible when the
 *   run finishes, `dscRunDurationMs` (read at start) later.
 * - At most one instance of a template runs: START is refused while one does, and a trigger point that finds one
 *   running is skipped, not queued.
 * - Events due at the same ms: run completions before trigger points (a run ending at t frees the template for a
 *   trigger at t), then ascending instance/template id. Instance times are the event's due time.
 */
import { Timeline } from '../../timeline.js';
import type { MockSettings } from '../../types.js';
import { nextTriggerAfter } from './schedule.js';
import type { Template } from './state.js';

export type TaskStatus = 'RUNNING' | 'SUCCESS' | 'FAILED';
export type Trigger = 'MANUAL' | 'SCHEDULE';

export interface Instance {
  id: number;
  template_id: number;
  schedule_type: Template['schedule_type'];
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

/** Paging and order of a template's instances. */
export interface InstancePage {
  reverse: boolean;
  offset: number;
  size: number;
}

/** What the runs need from the engine and from the rest of the state. */
export interface RunContext {
  nextId(counter: 'instance'): number;
  settings(): MockSettings;
  takeRunFault(operation: string): string | undefined;
  /** The stored template `id`, if any. */
  template(id: number): Template | undefined;
  isUnreachable(insId: string): boolean;
}

/** Rank of a due event: completions fire before trigger points due at the same time. */
const RUN_END = 0;
const TRIGGER = 1;

interface DueEvent {
  at: number;
  rank: typeof RUN_END | typeof TRIGGER;
  /** Instance id (RUN_END) or template id (TRIGGER). */
  tie: number;
}

/** Fault operation of runs that no request started. */
const SCHEDULED_RUN = 'ScheduledRun';

const triggerKey = (templateId: number) => `t${templateId}`;
const runKey = (instanceId: number) => `i${instanceId}`;

export class Runs {
  readonly #instances = new Map<number, Instance>();
  readonly #byTemplate = new Map<number, Instance[]>();
  readonly #timeline = new Timeline<DueEvent>();

  constructor(private readonly ctx: RunContext) {}

  /** One page of the instances of `t`, oldest first (or newest first with `reverse`). */
  list(t: Template, page: InstancePage): { total: number; items: Instance[] } {
    const all = this.#byTemplate.get(t.id) ?? [];
    const { offset, size } = page;
    const total = all.length;
    if (!page.reverse) return { total, items: all.slice(offset, offset + size) };
    const items: Instance[] = [];
    for (let i = total - 1 - offset; i >= 0 && items.length < size; i--) items.push(all[i]!);
    return { total, items };
  }

  /** Every instance, ascending id (snapshots). */
  all(): Instance[] {
    return [...this.#instances.values()].sort((a, b) => a.id - b.id);
  }

  /** Starts an instance of `t` at `at`; `operation` names the run faults it may consume. */
  start(t: Template, at: number, trigger: Trigger, operation: string): Instance {
    const insIds = t.data_sources.map((d) => d.ins_id);
    const unreachable = insIds.find((id) => this.ctx.isUnreachable(id));
    const failure =
      unreachable !== undefined
        ? `Failed to connect to database instance ${unreachable}`
        : (this.ctx.takeRunFault(operation) ?? '');
    let id = this.ctx.nextId('instance');
    while (this.#instances.has(id)) id = this.ctx.nextId('instance');
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
    this.#add(inst);
    t.running = id;
    t.last_trigger_time = at;
    t.last_task_status = 'RUNNING';
    return inst;
  }

  /** (Re)computes the next trigger point of `t` strictly after `fromMs` while armed; drops it otherwise. */
  arm(t: Template, fromMs: number): void {
    t.next_trigger_time = t.schedule_switch ? nextTriggerAfter(t.schedule_type, t.start_time, fromMs) : null;
    this.#schedule(t);
  }

  /** Forgets the instances and due events of a deleted template. */
  drop(t: Template): void {
    this.#timeline.delete(triggerKey(t.id));
    for (const inst of this.#byTemplate.get(t.id) ?? []) {
      this.#instances.delete(inst.id);
      this.#timeline.delete(runKey(inst.id));
    }
    this.#byTemplate.delete(t.id);
  }

  nextDueAt(): number | undefined {
    return this.#timeline.nextDueAt();
  }

  /** Fires every event due at or before `now`, in time order, each seeing the state the previous one left. */
  runDue(now: number): void {
    this.#timeline.runDue(now, (e) => (e.rank === RUN_END ? this.#finish(e.tie, e.at) : this.#fire(e.tie, e.at)));
  }

  /** Rebuilds from a snapshot: the templates are already stored; instances of unknown templates are dropped. */
  restore(templates: Iterable<Template>, instances: Instance[]): void {
    this.clear();
    for (const t of templates) this.#schedule(t);
    const ordered = [...instances].sort((a, b) => a.task_create_time - b.task_create_time || a.id - b.id);
    for (const inst of ordered) if (this.ctx.template(inst.template_id) !== undefined) this.#add(inst);
  }

  clear(): void {
    this.#instances.clear();
    this.#byTemplate.clear();
    this.#timeline.clear();
  }

  #add(inst: Instance): void {
    this.#instances.set(inst.id, inst);
    let list = this.#byTemplate.get(inst.template_id);
    if (list === undefined) {
      list = [];
      this.#byTemplate.set(inst.template_id, list);
    }
    list.push(inst);
    if (inst.task_status === 'RUNNING')
      this.#timeline.set(runKey(inst.id), { at: inst.end_at, rank: RUN_END, tie: inst.id });
  }

  /** Puts the stored next trigger point of `t` on the timeline, or takes it off when there is none. */
  #schedule(t: Template): void {
    if (t.next_trigger_time === null) this.#timeline.delete(triggerKey(t.id));
    else this.#timeline.set(triggerKey(t.id), { at: t.next_trigger_time, rank: TRIGGER, tie: t.id });
  }

  #fire(templateId: number, at: number): void {
    const t = this.ctx.template(templateId);
    if (t === undefined || !t.schedule_switch) return;
    if (t.running === null) this.start(t, at, 'SCHEDULE', SCHEDULED_RUN);
    t.next_trigger_time = nextTriggerAfter(t.schedule_type, t.start_time, at);
    this.#schedule(t);
  }

  #finish(instanceId: number, at: number): void {
    const inst = this.#instances.get(instanceId);
    if (inst === undefined || inst.task_status !== 'RUNNING') return;
    inst.task_status = inst.failure === '' ? 'SUCCESS' : 'FAILED';
    inst.error_msg = inst.failure;
    inst.task_end_time = at;
    inst.task_update_time = at;
    const t = this.ctx.template(inst.template_id);
    if (t !== undefined && t.running === inst.id) {
      t.running = null;
      t.last_end_time = at;
      t.last_task_status = inst.task_status;
    }
  }
}
