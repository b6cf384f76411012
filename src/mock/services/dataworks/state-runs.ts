/**
 * Crawler runs (task instances) and cron points on one Timeline. Decisions:
 * - A run's injected fault is consumed when the run is triggered (`RunCrawler` → operation `RunCrawler`, cron points
 *   → `ScheduledRun`); the data source's connectivity seed and tables are read when the run leaves WAITING (it
 *   connects then); its scope is the crawler's scope at trigger time.
 * - A run whose data source was deleted before it left WAITING ends `ERROR` (the log says why).
 * - Log lines: none while WAITING; at RUNNING "started" + "connecting"; at the end one line per collected table, a
 *   summary and the final status; SHUTDOWN adds one line at the stop time. Times are the event's own due time.
 * - Events due at the same ms: run transitions before cron points (a run ending at t frees the crawler for a cron
 *   point at t), then ascending id. A cron point that finds a WAITING/RUNNING run is skipped, not queued.
 */
import { nextFireTime, parseQuartzCron, type QuartzCron } from '../../../cron/quartz.js';
import { Timeline } from '../../timeline.js';
import type { MockSettings } from '../../types.js';
import type { CrawlerRecord, DataSourceRecord, DataSourceSeed, RunRecord, RunStatus } from './state-records.js';

export const SCHEDULED_RUN_OPERATION = 'ScheduledRun';
const ACTIVE: ReadonlySet<RunStatus> = new Set(['WAITING', 'RUNNING']);
/** Timeline ranks: a run's next transition, then a crawler's cron point. */
const RUN_STEP = 0;
const CRON_POINT = 1;

/** `tie` is the task instance id (run steps) or the crawler id (cron points). */
interface DueEvent {
  at: number;
  rank: typeof RUN_STEP | typeof CRON_POINT;
  tie: number;
}

export interface StateContext {
  now(): number;
  nextId(counter: 'dataSource' | 'crawler' | 'task' | 'taskInstance'): number;
  settings(): MockSettings;
  takeRunFault(operation: string): string | undefined;
}

/** What runs read from the rest of the state. */
export interface RunWorld {
  readonly crawlers: ReadonlyMap<number, CrawlerRecord>;
  readonly dataSources: ReadonlyMap<number, DataSourceRecord>;
  seedOf(id: number): DataSourceSeed;
}

const runKey = (id: number) => `r${id}`;
const cronKey = (id: number) => `c${id}`;

export class CrawlerRuns {
  /** Every run by task instance id. */
  readonly records = new Map<number, RunRecord>();
  readonly #timeline = new Timeline<DueEvent>();
  readonly #cronCache = new Map<string, QuartzCron | undefined>();

  constructor(
    private readonly ctx: StateContext,
    private readonly world: RunWorld,
  ) {}

  isValid(c: CrawlerRecord): boolean {
    return this.world.dataSources.has(c.dataSourceId);
  }

  lastRun(c: CrawlerRecord): RunRecord | undefined {
    const last = c.runs[c.runs.length - 1];
    return last === undefined ? undefined : this.records.get(last);
  }

  activeRun(c: CrawlerRecord): RunRecord | undefined {
    const run = this.lastRun(c);
    return run && ACTIVE.has(run.status) ? run : undefined;
  }

  trigger(c: CrawlerRecord, at: number, operation: string): RunRecord {
    const fault = this.ctx.takeRunFault(operation);
    let id = this.ctx.nextId('taskInstance');
    while (this.records.has(id)) id = this.ctx.nextId('taskInstance');
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
    this.records.set(id, run);
    c.runs.push(id);
    this.#timeline.set(runKey(id), { at: run.nextAt, rank: RUN_STEP, tie: id });
    return run;
  }

  shutdown(run: RunRecord, at: number, operation: string): void {
    run.status = 'SHUTDOWN';
    run.finishedTime = at;
    run.totalTableCount = 0;
    run.log.push({ at, level: 'WARN', message: `Task instance ${run.taskInstanceId} stopped by ${operation}.` });
    run.log.push({ at, level: 'INFO', message: `Task instance ${run.taskInstanceId} finished with status SHUTDOWN.` });
    this.#timeline.delete(runKey(run.taskInstanceId));
  }

  /** (Re)computes the next cron point of `c` strictly after `from`. */
  arm(c: CrawlerRecord, from: number): void {
    c.nextFireAt = this.nextPoint(c, from);
    if (c.nextFireAt === null) this.#timeline.delete(cronKey(c.id));
    else this.#timeline.set(cronKey(c.id), { at: c.nextFireAt, rank: CRON_POINT, tie: c.id });
  }

  /** No more cron points for `c` (deleted, or its data source deleted). */
  disarm(c: CrawlerRecord): void {
    c.nextFireAt = null;
    this.#timeline.delete(cronKey(c.id));
  }

  nextDueAt(): number | undefined {
    return this.#timeline.nextDueAt();
  }

  runDue(now: number): void {
    this.#timeline.runDue(now, (e) => {
      if (e.rank === CRON_POINT) return this.fire(e.tie, e.at);
      const run = this.records.get(e.tie);
      if (run) this.advance(run, e.at);
    });
  }

  /** Rebuilds the runs and the timeline from restored records. */
  restore(runs: RunRecord[], crawlers: Iterable<CrawlerRecord>): void {
    for (const c of crawlers) {
      if (c.nextFireAt !== null) this.#timeline.set(cronKey(c.id), { at: c.nextFireAt, rank: CRON_POINT, tie: c.id });
    }
    for (const r of runs) {
      this.records.set(r.taskInstanceId, r);
      if (ACTIVE.has(r.status)) {
        this.#timeline.set(runKey(r.taskInstanceId), { at: r.nextAt, rank: RUN_STEP, tie: r.taskInstanceId });
      }
    }
  }

  clear(): void {
    this.records.clear();
    this.#timeline.clear();
  }

  // ---- run steps -----------------------------------------------------------------------------------------------

  /** Tables in scope: seeded tables of the databases in scope minus full ExcludeRegex matches; warnings for misses. */
  private collectTables(run: RunRecord, ds: DataSourceRecord): { tables: string[]; warnings: string[] } {
    const seed = this.world.seedOf(ds.id);
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

  /** WAITING → RUNNING: connects to the data source and decides the tables or the failure. */
  private start(run: RunRecord, at: number): void {
    run.status = 'RUNNING';
    const c = this.world.crawlers.get(run.crawlerId);
    const ds = c ? this.world.dataSources.get(c.dataSourceId) : undefined;
    run.log.push({
      at,
      level: 'INFO',
      message: `Task instance ${run.taskInstanceId} of crawler ${run.crawlerId} started.`,
    });
    if (ds === undefined) {
      run.failure ||= 'The data source of the crawler no longer exists.';
      run.log.push({ at, level: 'ERROR', message: 'The data source of the crawler no longer exists.' });
    } else {
      run.log.push({ at, level: 'INFO', message: `Connecting to data source ${ds.name} (${ds.type}, ${ds.envType}).` });
      const seed = this.world.seedOf(ds.id);
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
    this.#timeline.set(runKey(run.taskInstanceId), { at: run.nextAt, rank: RUN_STEP, tie: run.taskInstanceId });
  }

  /** RUNNING → SUCCESS or ERROR. */
  private finish(run: RunRecord, at: number): void {
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

  private advance(run: RunRecord, at: number): void {
    if (run.status === 'WAITING') this.start(run, at);
    else if (run.status === 'RUNNING') this.finish(run, at);
  }

  // ---- cron points ---------------------------------------------------------------------------------------------

  private cronOf(expr: string): QuartzCron | undefined {
    if (!this.#cronCache.has(expr)) {
      const parsed = parseQuartzCron(expr);
      this.#cronCache.set(expr, parsed.ok ? parsed.value : undefined);
    }
    return this.#cronCache.get(expr);
  }

  private nextPoint(c: CrawlerRecord, after: number): number | null {
    if (c.scheduleConfig.Type !== 'NORMAL' || !this.isValid(c)) return null;
    const cron = c.scheduleConfig.CronExpress === undefined ? undefined : this.cronOf(c.scheduleConfig.CronExpress);
    if (cron === undefined) return null;
    let next: number | undefined;
    try {
      next = nextFireTime(cron, after, this.ctx.settings().timeZone || 'UTC');
    } catch {
      next = nextFireTime(cron, after, 'UTC'); // an unknown configured zone falls back to UTC
    }
    return next ?? null;
  }

  private fire(crawlerId: number, at: number): void {
    const c = this.world.crawlers.get(crawlerId);
    if (c === undefined || !this.isValid(c)) return;
    if (this.activeRun(c) === undefined) this.trigger(c, at, SCHEDULED_RUN_OPERATION);
    this.arm(c, at);
  }
}
