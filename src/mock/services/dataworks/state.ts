/**
 * DataWorks mock state (shared/api/dataworks.md), kept apart from HTTP: data sources, crawlers, runs (task
 * instances), the seeds, and one keyed min-heap of due events (run transitions and cron points) so that
 * nextDueAt() is O(log n) to maintain and runDue() fires in time order.
 *
 * Every mutating method is called only after the request has been fully validated (./index.ts), so a rejected
 * request changes nothing.
 *
 * Decisions where dataworks.md is silent (listed in the report too):
 * - A run's injected fault is consumed when the run is triggered (`RunCrawler` → operation `RunCrawler`, cron
 *   points → `ScheduledRun`); the data source's connectivity seed and tables are read when the run leaves WAITING
 *   (it connects then); its scope is the crawler's scope at trigger time (an update while it runs does not change it).
 * - A run whose data source was deleted before it left WAITING ends `ERROR` (log says why).
 * - Log lines: none while WAITING; at RUNNING "started" + "connecting"; at the end one line per collected table,
 *   a summary and the final status; SHUTDOWN adds one line at the stop time. Times are the event's own due time.
 * - Runs (task instances) stay readable through GetTaskInstanceLog after their crawler is deleted;
 *   ListCrawlerRuns of a deleted crawler is `Crawler.NotFound`.
 * - Events due at the same ms: run transitions before cron points (a run ending at t frees the crawler for a
 *   cron point at t), then ascending id.
 */
import { nextFireTime, parseQuartzCron, type QuartzCron } from '../../../cron/quartz.js';
import { KeyedMinHeap } from '../../heap.js';
import type { MockSettings } from '../../types.js';

export type EnvType = 'Dev' | 'Prod';
export type RunStatus = 'WAITING' | 'RUNNING' | 'SUCCESS' | 'ERROR' | 'SHUTDOWN';
/**
 * Outcome of a connectivity test, as the DataWorks mock stores it.
 * @inline
 */
export type ConnectState = 'Connectable' | 'ConfigError' | 'Unreachable' | 'Unsupport';

export interface DataSourceRecord {
  id: number;
  projectId: number;
  name: string;
  /** Lower case. */
  type: string;
  mode: 'UrlMode' | 'InstanceMode';
  /** As given (secrets included: never returned unmasked). */
  props: Record<string, unknown>;
  description?: string;
  envType: EnvType;
  createTime: number;
  createUser: string;
  modifyTime: number;
  modifyUser: string;
}

export interface ScopeValue {
  Unit: string;
  Items?: string[];
  ExcludeRegex?: string;
}

export interface ScheduleValue {
  Type: 'MANUAL' | 'NORMAL';
  CronExpress?: string;
}

export interface CrawlerRecord {
  id: number;
  name: string;
  dataSourceId: number;
  projectId: number;
  type: string;
  metaEntityId: string;
  envType: EnvType;
  resourceGroupId?: string;
  scheduleConfig: ScheduleValue;
  scope: ScopeValue;
  options: Record<string, string>;
  enableAiComment: boolean;
  owner: string;
  createTime: number;
  modifyTime: number;
  taskId: number;
  /** Task instance ids, oldest first. */
  runs: number[];
  /** Next cron point (ms) while NORMAL and VALID, else null. */
  nextFireAt: number | null;
}

export interface LogLine {
  at: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
}

export interface RunRecord {
  taskInstanceId: number;
  crawlerId: number;
  status: RunStatus;
  startedTime: number;
  finishedTime?: number;
  /** When the next transition is due (WAITING → RUNNING, RUNNING → end). */
  nextAt: number;
  /** Failure decided so far ('' = none): an injected fault at trigger, a connection failure at RUNNING. */
  failure: string;
  /** Scope and data-source facts at trigger time. */
  scope: ScopeValue;
  /** Tables collected (decided at RUNNING), `db.table`. */
  tables: string[];
  totalTableCount?: number;
  log: LogLine[];
}

/**
 * What the DataWorks mock reports for one data source.
 * @inline
 */
export interface DataSourceSeed {
  /** Outcome of `TestDataSourceConnectivity` (default `Connectable`); runs fail unless it is `Connectable`. */
  connectState: ConnectState;
  /** Message reported with a failed connectivity test. */
  connectMessage?: string;
  /** Tables a run collects, by database name. */
  tables: Record<string, string[]>;
}

export interface DataWorksSnapshot {
  version: 1;
  dataSources: DataSourceRecord[];
  crawlers: CrawlerRecord[];
  runs: RunRecord[];
  seeds: [number, DataSourceSeed][];
}

export interface StateContext {
  now(): number;
  nextId(counter: 'dataSource' | 'crawler' | 'task' | 'taskInstance'): number;
  settings(): MockSettings;
  takeRunFault(operation: string): string | undefined;
}

export const SCHEDULED_RUN_OPERATION = 'ScheduledRun';
const ACTIVE: ReadonlySet<RunStatus> = new Set(['WAITING', 'RUNNING']);

interface DueEvent {
  at: number;
  /** 0 = run transition, 1 = cron point. */
  kind: 0 | 1;
  id: number;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** `yyyy-MM-dd HH:mm:ss` in UTC. */
export function formatLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}`;
}

export function renderLog(lines: readonly LogLine[]): string {
  return lines.map((l) => `${formatLogTime(l.at)} ${l.level} ${l.message}`).join('\n');
}

export class DataWorksState {
  readonly dataSources = new Map<number, DataSourceRecord>();
  readonly crawlers = new Map<number, CrawlerRecord>();
  readonly runs = new Map<number, RunRecord>();
  /** Data source id → its crawler id (one crawler per data source). */
  readonly crawlerByDataSource = new Map<number, number>();
  /** Seeds (survive reset). */
  readonly seeds = new Map<number, DataSourceSeed>();
  private readonly due = new KeyedMinHeap<DueEvent>(
    (a, b) => a.at < b.at || (a.at === b.at && (a.kind < b.kind || (a.kind === b.kind && a.id < b.id))),
  );
  private readonly cronCache = new Map<string, QuartzCron | undefined>();

  constructor(private readonly ctx: StateContext) {}

  // ---- seeds ---------------------------------------------------------------------------------------------------

  seed(id: number, patch: Partial<DataSourceSeed>): DataSourceSeed {
    const current = this.seeds.get(id) ?? { connectState: 'Connectable' as ConnectState, tables: {} };
    const next: DataSourceSeed = {
      connectState: patch.connectState ?? current.connectState,
      tables: patch.tables ?? current.tables,
    };
    const message = patch.connectMessage ?? current.connectMessage;
    if (message !== undefined) next.connectMessage = message;
    this.seeds.set(id, structuredClone(next));
    return structuredClone(next);
  }

  seedOf(id: number): DataSourceSeed {
    return this.seeds.get(id) ?? { connectState: 'Connectable', tables: {} };
  }

  // ---- data sources --------------------------------------------------------------------------------------------

  findDataSource(projectId: number, name: string, envType: EnvType): DataSourceRecord | undefined {
    for (const ds of this.dataSources.values()) {
      if (ds.projectId === projectId && ds.name === name && ds.envType === envType) return ds;
    }
    return undefined;
  }

  addDataSource(input: Omit<DataSourceRecord, 'id' | 'createTime' | 'modifyTime' | 'modifyUser'>): DataSourceRecord {
    const now = this.ctx.now();
    let id = this.ctx.nextId('dataSource');
    while (this.dataSources.has(id)) id = this.ctx.nextId('dataSource');
    const ds: DataSourceRecord = { ...input, id, createTime: now, modifyTime: now, modifyUser: input.createUser };
    this.dataSources.set(id, ds);
    return ds;
  }

  /** Deletes a data source; its crawler turns INVALID (no more cron points). */
  deleteDataSource(id: number): void {
    this.dataSources.delete(id);
    const crawlerId = this.crawlerByDataSource.get(id);
    const c = crawlerId === undefined ? undefined : this.crawlers.get(crawlerId);
    if (c) {
      c.nextFireAt = null;
      this.due.delete(`c${c.id}`);
    }
  }

  // ---- crawlers ------------------------------------------------------------------------------------------------

  isValid(c: CrawlerRecord): boolean {
    return this.dataSources.has(c.dataSourceId);
  }

  activeRun(c: CrawlerRecord): RunRecord | undefined {
    const last = c.runs[c.runs.length - 1];
    const run = last === undefined ? undefined : this.runs.get(last);
    return run && ACTIVE.has(run.status) ? run : undefined;
  }

  lastRun(c: CrawlerRecord): RunRecord | undefined {
    const last = c.runs[c.runs.length - 1];
    return last === undefined ? undefined : this.runs.get(last);
  }

  addCrawler(
    input: Omit<CrawlerRecord, 'id' | 'createTime' | 'modifyTime' | 'taskId' | 'runs' | 'nextFireAt'>,
  ): CrawlerRecord {
    const now = this.ctx.now();
    let id = this.ctx.nextId('crawler');
    while (this.crawlers.has(id)) id = this.ctx.nextId('crawler');
    const c: CrawlerRecord = {
      ...input,
      id,
      createTime: now,
      modifyTime: now,
      taskId: this.ctx.nextId('task'),
      runs: [],
      nextFireAt: null,
    };
    this.crawlers.set(id, c);
    this.crawlerByDataSource.set(c.dataSourceId, id);
    this.arm(c, now);
    return c;
  }

  updateCrawler(
    c: CrawlerRecord,
    patch: {
      resourceGroupId?: string;
      scope?: ScopeValue;
      scheduleConfig?: ScheduleValue;
      enableAiComment?: boolean;
      options?: Record<string, string>;
    },
  ): void {
    const now = this.ctx.now();
    if (patch.resourceGroupId !== undefined) c.resourceGroupId = patch.resourceGroupId;
    if (patch.scope !== undefined) c.scope = structuredClone(patch.scope);
    if (patch.enableAiComment !== undefined) c.enableAiComment = patch.enableAiComment;
    if (patch.options !== undefined) c.options = { ...c.options, ...patch.options };
    if (patch.scheduleConfig !== undefined) {
      c.scheduleConfig = structuredClone(patch.scheduleConfig);
      this.arm(c, now);
    }
    c.modifyTime = now;
  }

  deleteCrawler(c: CrawlerRecord): void {
    const run = this.activeRun(c);
    if (run) this.shutdown(run, this.ctx.now(), 'DeleteCrawler');
    this.crawlers.delete(c.id);
    if (this.crawlerByDataSource.get(c.dataSourceId) === c.id) this.crawlerByDataSource.delete(c.dataSourceId);
    this.due.delete(`c${c.id}`);
  }

  // ---- runs ----------------------------------------------------------------------------------------------------

  trigger(c: CrawlerRecord, at: number, operation: string): RunRecord {
    const fault = this.ctx.takeRunFault(operation);
    let id = this.ctx.nextId('taskInstance');
    while (this.runs.has(id)) id = this.ctx.nextId('taskInstance');
    const run: RunRecord = {
      taskInstanceId: id,
      crawlerId: c.id,
      status: 'WAITING',
      startedTime: at,
      nextAt: at + Math.max(0, this.ctx.settings().dataworksQueueDelayMs),
      failure: fault ?? '',
      scope: structuredClone(c.scope),
      tables: [],
      log: [],
    };
    this.runs.set(id, run);
    c.runs.push(id);
    this.due.set(`r${id}`, { at: run.nextAt, kind: 0, id });
    return run;
  }

  stop(run: RunRecord, operation: string): void {
    this.shutdown(run, this.ctx.now(), operation);
  }

  private shutdown(run: RunRecord, at: number, operation: string): void {
    run.status = 'SHUTDOWN';
    run.finishedTime = at;
    run.totalTableCount = 0;
    run.log.push({ at, level: 'WARN', message: `Task instance ${run.taskInstanceId} stopped by ${operation}.` });
    run.log.push({ at, level: 'INFO', message: `Task instance ${run.taskInstanceId} finished with status SHUTDOWN.` });
    this.due.delete(`r${run.taskInstanceId}`);
  }

  /** Tables in scope: seeded tables of the databases in scope minus full ExcludeRegex matches; warnings for misses. */
  private collectTables(run: RunRecord, ds: DataSourceRecord): { tables: string[]; warnings: string[] } {
    const seed = this.seedOf(ds.id);
    const warnings: string[] = [];
    let databases: string[];
    if (run.scope.Unit === 'INSTANCE') databases = Object.keys(seed.tables).sort();
    else {
      const own = typeof ds.props['database'] === 'string' ? [ds.props['database'] as string] : [];
      databases = run.scope.Items ?? own;
    }
    const exclude = run.scope.ExcludeRegex === undefined ? undefined : new RegExp(`^(?:${run.scope.ExcludeRegex})$`);
    const tables: string[] = [];
    for (const db of databases) {
      const seeded = seed.tables[db];
      if (seeded === undefined) {
        warnings.push(`Database ${db} is not present in data source ${ds.name}; skipped.`);
        continue;
      }
      for (const t of seeded) if (!exclude?.test(t)) tables.push(`${db}.${t}`);
    }
    return { tables, warnings };
  }

  private advanceRun(run: RunRecord, at: number): void {
    if (run.status === 'WAITING') {
      run.status = 'RUNNING';
      const c = this.crawlers.get(run.crawlerId);
      const ds = c ? this.dataSources.get(c.dataSourceId) : undefined;
      run.log.push({
        at,
        level: 'INFO',
        message: `Task instance ${run.taskInstanceId} of crawler ${run.crawlerId} started.`,
      });
      if (ds === undefined) {
        run.failure ||= 'The data source of the crawler no longer exists.';
        run.log.push({ at, level: 'ERROR', message: 'The data source of the crawler no longer exists.' });
      } else {
        run.log.push({
          at,
          level: 'INFO',
          message: `Connecting to data source ${ds.name} (${ds.type}, ${ds.envType}).`,
        });
        const seed = this.seedOf(ds.id);
        if (seed.connectState !== 'Connectable') {
          const why = `Cannot connect to data source ${ds.name}: ${seed.connectState}${
            seed.connectMessage ? ` (${seed.connectMessage})` : ''
          }.`;
          run.failure ||= why;
          run.log.push({ at, level: 'ERROR', message: why });
        } else {
          run.log.push({ at, level: 'INFO', message: `Connected to data source ${ds.name}.` });
          const { tables, warnings } = this.collectTables(run, ds);
          run.tables = tables;
          for (const w of warnings) run.log.push({ at, level: 'WARN', message: w });
        }
      }
      run.nextAt = at + Math.max(0, this.ctx.settings().dataworksRunDurationMs);
      this.due.set(`r${run.taskInstanceId}`, { at: run.nextAt, kind: 0, id: run.taskInstanceId });
      return;
    }
    if (run.status !== 'RUNNING') return;
    run.finishedTime = at;
    if (run.failure === '') {
      for (const t of run.tables) run.log.push({ at, level: 'INFO', message: `Collected table ${t}.` });
      run.status = 'SUCCESS';
      run.totalTableCount = run.tables.length;
      run.log.push({ at, level: 'INFO', message: `Collected ${run.tables.length} table(s).` });
      run.log.push({ at, level: 'INFO', message: `Task instance ${run.taskInstanceId} finished with status SUCCESS.` });
    } else {
      run.status = 'ERROR';
      run.totalTableCount = 0;
      run.log.push({ at, level: 'ERROR', message: run.failure });
      run.log.push({ at, level: 'ERROR', message: `Task instance ${run.taskInstanceId} finished with status ERROR.` });
    }
  }

  // ---- schedule ------------------------------------------------------------------------------------------------

  private cronOf(expr: string): QuartzCron | undefined {
    if (!this.cronCache.has(expr)) {
      const parsed = parseQuartzCron(expr);
      this.cronCache.set(expr, parsed.ok ? parsed.value : undefined);
    }
    return this.cronCache.get(expr);
  }

  private timeZone(): string {
    return this.ctx.settings().timeZone || 'UTC';
  }

  private nextPoint(c: CrawlerRecord, after: number): number | null {
    if (c.scheduleConfig.Type !== 'NORMAL' || !this.isValid(c)) return null;
    const cron = c.scheduleConfig.CronExpress === undefined ? undefined : this.cronOf(c.scheduleConfig.CronExpress);
    if (cron === undefined) return null;
    let next: number | undefined;
    try {
      next = nextFireTime(cron, after, this.timeZone());
    } catch {
      next = nextFireTime(cron, after, 'UTC'); // an unknown configured zone falls back to UTC
    }
    return next ?? null;
  }

  /** (Re)computes the next cron point strictly after `from`. */
  private arm(c: CrawlerRecord, from: number): void {
    c.nextFireAt = this.nextPoint(c, from);
    if (c.nextFireAt === null) this.due.delete(`c${c.id}`);
    else this.due.set(`c${c.id}`, { at: c.nextFireAt, kind: 1, id: c.id });
  }

  private fire(crawlerId: number, at: number): void {
    const c = this.crawlers.get(crawlerId);
    if (c === undefined || !this.isValid(c)) return;
    // A point that finds a WAITING/RUNNING run is skipped, not queued.
    if (this.activeRun(c) === undefined) this.trigger(c, at, SCHEDULED_RUN_OPERATION);
    this.arm(c, at);
  }

  nextDueAt(): number | undefined {
    return this.due.peek()?.at;
  }

  runDue(now: number): void {
    for (let e = this.due.peek(); e !== undefined && e.at <= now; e = this.due.peek()) {
      this.due.pop();
      if (e.kind === 0) {
        const run = this.runs.get(e.id);
        if (run) this.advanceRun(run, e.at);
      } else this.fire(e.id, e.at);
    }
  }

  // ---- persistence ---------------------------------------------------------------------------------------------

  snapshot(): DataWorksSnapshot {
    return structuredClone({
      version: 1 as const,
      dataSources: [...this.dataSources.values()].sort((a, b) => a.id - b.id),
      crawlers: [...this.crawlers.values()].sort((a, b) => a.id - b.id),
      runs: [...this.runs.values()].sort((a, b) => a.taskInstanceId - b.taskInstanceId),
      seeds: [...this.seeds.entries()].sort((a, b) => a[0] - b[0]),
    });
  }

  restore(snapshot: unknown): void {
    const s = snapshot as Partial<DataWorksSnapshot> | null;
    if (s === null || typeof s !== 'object' || s.version !== 1) throw new Error('dataworks: unsupported snapshot');
    const copy = structuredClone(s) as DataWorksSnapshot;
    this.clear();
    this.seeds.clear();
    for (const [id, seed] of copy.seeds ?? []) this.seeds.set(id, seed);
    for (const ds of copy.dataSources ?? []) this.dataSources.set(ds.id, ds);
    for (const c of copy.crawlers ?? []) {
      this.crawlers.set(c.id, c);
      this.crawlerByDataSource.set(c.dataSourceId, c.id);
      if (c.nextFireAt !== null) this.due.set(`c${c.id}`, { at: c.nextFireAt, kind: 1, id: c.id });
    }
    for (const r of copy.runs ?? []) {
      this.runs.set(r.taskInstanceId, r);
      if (ACTIVE.has(r.status)) this.due.set(`r${r.taskInstanceId}`, { at: r.nextAt, kind: 0, id: r.taskInstanceId });
    }
  }

  /** Wipes data sources, crawlers and runs; seeds survive. */
  clear(): void {
    this.dataSources.clear();
    this.crawlers.clear();
    this.runs.clear();
    this.crawlerByDataSource.clear();
    this.due.clear();
  }
}
