/**
 * DataWorks mock state: data sources, crawlers and their runs (./state-runs.ts), the seeds, the rules each request
 * must meet against them (thrown as `MockApiError`), filtering and paging, snapshot and restore. Every check runs
 * before the first change, so a rejected request changes nothing. Decisions:
 * - Data-source name uniqueness per (workspace, name, environment) is case-sensitive.
 * - `ListDataSources` sorts groups (the records sharing a name): `CreateTime` and `Id` by the group's oldest record,
 *   `Name` by the name; ties by name. Records inside a group by `Id` ascending.
 * - `TestDataSourceConnectivity` with a `ProjectId` that is not the data source's workspace → DataSource.NotFound.
 * - `UpdateCrawler` re-checks `Scope` / `ScheduleConfig` against the crawler type and the environment recorded on
 *   the crawler; it is allowed on an INVALID crawler.
 * - `ListCrawlerRuns`: `StartTimeFrom` / `StartTimeTo` outside [now − 30 days, now] → Invalid.Param.
 * - Runs stay readable through GetTaskInstanceLog after their crawler is deleted.
 * - Seeds merge (omitted fields are kept; default Connectable, no tables), survive reset and may be set before the
 *   data source exists.
 */
import type { DataWorksRequest } from '../../../dataworks/actions.js';
import {
  crawlerAlreadyExists,
  crawlerInvalid,
  crawlerNotFound,
  crawlerNotRunning,
  dataSourceAlreadyExists,
  dataSourceNotFound,
  invalidParam,
  runInProgress,
  taskInstanceNotFound,
} from './errors.js';
import type { CreateCrawlerInput, Deferred } from './requests.js';
import { checkCrawlerType, checkExtras, scheduleFor, scopeFor } from './state-crawler-types.js';
import {
  type ConnectivityResult,
  type CrawlerRecord,
  type DataSourceGroupRecord,
  type DataSourceRecord,
  type DataSourceSeed,
  type DataWorksSnapshot,
  type NewDataSource,
  type Page,
  pageOf,
  type RunRecord,
} from './state-records.js';
import { CrawlerRuns, type StateContext } from './state-runs.js';

export type { StateContext } from './state-runs.js';

const DAY_MS = 86_400_000;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class DataWorksState {
  readonly dataSources = new Map<number, DataSourceRecord>();
  readonly crawlers = new Map<number, CrawlerRecord>();
  /** Data source id → its crawler id (one crawler per data source). */
  readonly crawlerByDataSource = new Map<number, number>();
  /** Seeds (survive reset). */
  readonly seeds = new Map<number, DataSourceSeed>();
  readonly runs: CrawlerRuns;

  constructor(private readonly ctx: StateContext) {
    this.runs = new CrawlerRuns(ctx, this);
  }

  // ---- seeds ---------------------------------------------------------------------------------------------------

  seed(id: number, patch: Partial<DataSourceSeed>): DataSourceSeed {
    const current = this.seedOf(id);
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

  dataSource(id: number): DataSourceRecord {
    const ds = this.dataSources.get(id);
    if (ds === undefined) throw dataSourceNotFound(id);
    return ds;
  }

  createDataSource(input: NewDataSource): DataSourceRecord {
    for (const ds of this.dataSources.values()) {
      if (ds.projectId === input.projectId && ds.name === input.name && ds.envType === input.envType) {
        throw dataSourceAlreadyExists(input.name, input.projectId, input.envType, ds.id);
      }
    }
    const now = this.ctx.now();
    let id = this.ctx.nextId('dataSource');
    while (this.dataSources.has(id)) id = this.ctx.nextId('dataSource');
    const ds: DataSourceRecord = { ...input, id, createTime: now, modifyTime: now, modifyUser: input.createUser };
    this.dataSources.set(id, ds);
    return ds;
  }

  listDataSources(q: DataWorksRequest<'ListDataSources'>): Page<DataSourceGroupRecord> {
    const needle = q.Name?.toLowerCase();
    const types = q.Types === undefined ? undefined : new Set(q.Types.map((t) => t.toLowerCase()));
    const groups = new Map<string, DataSourceRecord[]>();
    for (const ds of [...this.dataSources.values()].sort((a, b) => a.id - b.id)) {
      if (ds.projectId !== q.ProjectId) continue;
      if (needle !== undefined && !ds.name.toLowerCase().includes(needle)) continue;
      if (types !== undefined && !types.has(ds.type)) continue;
      if (q.EnvType !== undefined && ds.envType !== q.EnvType) continue;
      const list = groups.get(ds.name);
      if (list) list.push(ds);
      else groups.set(ds.name, [ds]);
    }
    const sortBy = q.SortBy ?? 'CreateTime';
    const dir = (q.Order ?? 'Desc') === 'Asc' ? 1 : -1;
    const keyOf = (list: DataSourceRecord[]) => (sortBy === 'Id' ? list[0]!.id : list[0]!.createTime);
    const sorted = [...groups.entries()].sort(([na, a], [nb, b]) => {
      const byKey = sortBy === 'Name' ? byName(na, nb) : keyOf(a) - keyOf(b);
      if (byKey !== 0) return dir * byKey;
      const byId = a[0]!.id - b[0]!.id;
      return dir * (byId !== 0 ? byId : byName(na, nb));
    });
    const all = sorted.map(([name, records]) => ({ name, records }));
    return pageOf(all, q.PageNumber ?? 1, q.PageSize ?? 10);
  }

  /** Deletes a data source; its crawler turns INVALID (no more cron points). */
  deleteDataSource(id: number): void {
    this.dataSource(id);
    this.dataSources.delete(id);
    const crawlerId = this.crawlerByDataSource.get(id);
    const c = crawlerId === undefined ? undefined : this.crawlers.get(crawlerId);
    if (c) this.runs.disarm(c);
  }

  testConnectivity(q: DataWorksRequest<'TestDataSourceConnectivity'>): ConnectivityResult {
    const ds = this.dataSource(q.DataSourceId);
    if (ds.projectId !== q.ProjectId) throw dataSourceNotFound(q.DataSourceId);
    const seed = this.seedOf(ds.id);
    const defaults = {
      Connectable: 'The connection test succeeded.',
      ConfigError: 'The connection settings are wrong.',
      Unreachable: `The data source cannot be reached from resource group ${q.ResourceGroupId}.`,
      Unsupport: 'The data source type does not support connectivity tests.',
    } as const;
    return {
      state: seed.connectState,
      message: seed.connectMessage ?? defaults[seed.connectState],
      at: this.ctx.now(),
    };
  }

  // ---- crawlers ------------------------------------------------------------------------------------------------

  crawler(id: number): CrawlerRecord {
    const c = this.crawlers.get(id);
    if (c === undefined) throw crawlerNotFound(id);
    return c;
  }

  /** The checks in the documented order: data source, type, one per data source, Scope, ScheduleConfig, extras. */
  createCrawler(input: CreateCrawlerInput): CrawlerRecord {
    const ds = this.dataSource(input.DataSourceId);
    checkCrawlerType(input.Type, ds);
    const existing = this.crawlerByDataSource.get(ds.id);
    if (existing !== undefined) throw crawlerAlreadyExists(existing, ds.id);
    const scope = scopeFor(input.scope());
    const scheduleConfig = scheduleFor(input.schedule(), ds.envType);
    const all = input.all();
    checkExtras(all);
    const now = this.ctx.now();
    let id = this.ctx.nextId('crawler');
    while (this.crawlers.has(id)) id = this.ctx.nextId('crawler');
    const c: CrawlerRecord = {
      name: all.Name,
      dataSourceId: ds.id,
      projectId: ds.projectId,
      type: all.Type,
      metaEntityId: `${all.Type}:${ds.name}`,
      envType: ds.envType,
      ...(all.ResourceGroupId !== undefined ? { resourceGroupId: all.ResourceGroupId } : {}),
      scheduleConfig,
      scope,
      options: { ...(all.Options ?? {}) },
      enableAiComment: all.EnableAiComment ?? false,
      owner: input.owner,
      id,
      createTime: now,
      modifyTime: now,
      taskId: this.ctx.nextId('task'),
      runs: [],
      nextFireAt: null,
    };
    this.crawlers.set(id, c);
    this.crawlerByDataSource.set(c.dataSourceId, id);
    this.runs.arm(c, now);
    return c;
  }

  /** Filters (Name: case-insensitive substring), Id ascending, one page. */
  listCrawlers(q: DataWorksRequest<'ListCrawlers'>): Page<CrawlerRecord> {
    const needle = q.Name?.toLowerCase();
    const dsIds = q.DataSourceIds === undefined ? undefined : new Set(q.DataSourceIds);
    const all = [...this.crawlers.values()]
      .filter(
        (c) =>
          (q.ProjectId === undefined || c.projectId === q.ProjectId) &&
          (dsIds === undefined || dsIds.has(c.dataSourceId)) &&
          (q.Type === undefined || c.type === q.Type) &&
          (q.EnvType === undefined || c.envType === q.EnvType) &&
          (q.Owner === undefined || c.owner === q.Owner) &&
          (needle === undefined || c.name.toLowerCase().includes(needle)),
      )
      .sort((a, b) => a.id - b.id);
    return pageOf(all, q.PageNumber ?? 1, q.PageSize ?? 20);
  }

  updateCrawler(input: { Id: number; changes: Deferred<DataWorksRequest<'UpdateCrawler'>> }): CrawlerRecord {
    const c = this.crawler(input.Id);
    const u = input.changes();
    const scope = u.Scope === undefined ? undefined : scopeFor(u.Scope);
    const schedule = u.ScheduleConfig === undefined ? undefined : scheduleFor(u.ScheduleConfig, c.envType);
    checkExtras(u);
    const now = this.ctx.now();
    if (u.ResourceGroupId !== undefined) c.resourceGroupId = u.ResourceGroupId;
    if (scope !== undefined) c.scope = scope;
    if (u.EnableAiComment !== undefined) c.enableAiComment = u.EnableAiComment;
    if (u.Options !== undefined) c.options = { ...c.options, ...u.Options };
    if (schedule !== undefined) {
      c.scheduleConfig = schedule;
      this.runs.arm(c, now);
    }
    c.modifyTime = now;
    return c;
  }

  deleteCrawler(id: number): CrawlerRecord {
    const c = this.crawler(id);
    const run = this.runs.activeRun(c);
    if (run) this.runs.shutdown(run, this.ctx.now(), 'DeleteCrawler');
    this.crawlers.delete(c.id);
    if (this.crawlerByDataSource.get(c.dataSourceId) === c.id) this.crawlerByDataSource.delete(c.dataSourceId);
    this.runs.disarm(c);
    return c;
  }

  // ---- runs ----------------------------------------------------------------------------------------------------

  runCrawler(id: number): { crawler: CrawlerRecord; run: RunRecord } {
    const c = this.crawler(id);
    const active = this.runs.activeRun(c);
    if (active) throw runInProgress(c.id, active);
    if (!this.runs.isValid(c)) throw crawlerInvalid(c.id, c.dataSourceId);
    return { crawler: c, run: this.runs.trigger(c, this.ctx.now(), 'RunCrawler') };
  }

  stopCrawler(id: number): CrawlerRecord {
    const c = this.crawler(id);
    const active = this.runs.activeRun(c);
    if (!active) throw crawlerNotRunning(c.id);
    this.runs.shutdown(active, this.ctx.now(), 'StopCrawler');
    return c;
  }

  /** Runs started within the window (default and limit: the last 30 days), newest first, one page. */
  listCrawlerRuns(input: { Id: number; filters: Deferred<DataWorksRequest<'ListCrawlerRuns'>> }): Page<RunRecord> {
    const c = this.crawler(input.Id);
    const r = input.filters();
    const now = this.ctx.now();
    const earliest = now - 30 * DAY_MS;
    const from = r.StartTimeFrom ?? earliest;
    const to = r.StartTimeTo ?? now;
    for (const [field, v] of [
      ['StartTimeFrom', from],
      ['StartTimeTo', to],
    ] as const) {
      if (v < earliest || v > now) {
        throw invalidParam(field, `expected a time within the last 30 days (${earliest} to ${now}), got ${v}`);
      }
    }
    if (from > to) throw invalidParam('StartTimeFrom', `expected StartTimeFrom <= StartTimeTo (${from} > ${to})`);
    const all: RunRecord[] = [];
    for (const runId of c.runs) {
      const run = this.runs.records.get(runId);
      if (run === undefined || run.startedTime < from || run.startedTime > to) continue;
      if (r.Status !== undefined && run.status !== r.Status) continue;
      all.push(run);
    }
    all.sort((a, b) => b.startedTime - a.startedTime || b.taskInstanceId - a.taskInstanceId);
    return pageOf(all, r.PageNumber ?? 1, r.PageSize ?? 20);
  }

  /** The run behind a task instance; the mock's task instances have exactly one run. */
  taskInstance(q: DataWorksRequest<'GetTaskInstanceLog'>): RunRecord {
    if (q.RunNumber !== undefined && q.RunNumber !== 1) {
      throw invalidParam(
        'RunNumber',
        `task instances of the mock have exactly one run (expected 1), got ${q.RunNumber}`,
      );
    }
    const run = this.runs.records.get(q.Id);
    if (run === undefined) throw taskInstanceNotFound(q.Id);
    return run;
  }

  // ---- clock and persistence -----------------------------------------------------------------------------------

  nextDueAt(): number | undefined {
    return this.runs.nextDueAt();
  }

  runDue(now: number): void {
    this.runs.runDue(now);
  }

  snapshot(): DataWorksSnapshot {
    return structuredClone({
      version: 1 as const,
      dataSources: [...this.dataSources.values()].sort((a, b) => a.id - b.id),
      crawlers: [...this.crawlers.values()].sort((a, b) => a.id - b.id),
      runs: [...this.runs.records.values()].sort((a, b) => a.taskInstanceId - b.taskInstanceId),
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
    }
    this.runs.restore(copy.runs ?? [], this.crawlers.values());
  }

  /** Wipes data sources, crawlers and runs; seeds survive. */
  clear(): void {
    this.dataSources.clear();
    this.crawlers.clear();
    this.crawlerByDataSource.clear();
    this.runs.clear();
  }
}
