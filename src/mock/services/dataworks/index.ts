/**
 * Mock of Alibaba Cloud DataWorks 2024-05-18 crawlers, data sources and task-instance logs
 * (shared/api/dataworks.md). HTTP only: parameter parsing (query and form body merged, the body wins), validation in
 * the sheet's order, answers in the DataWorks envelope `{RequestId, HostId, Code, Message, Recommend}`; the state
 * lives in ./state.ts. The engine routes `/` + action here, checks the version and verifies ACS3.
 *
 * Decisions where dataworks.md is silent:
 * - `CreateCrawler.Type` must be exactly `mysql` (crawler type ids are lower case); the data source's type is
 *   compared lower-cased.
 * - `UpdateCrawler`: `Id` is checked (MissingId, then Crawler.NotFound) before the other fields; the update
 *   re-validates `Scope` / `ScheduleConfig` against the crawler type and the data source environment recorded on
 *   the crawler; allowed on an INVALID crawler.
 * - `ListCrawlerRuns`: `StartTimeFrom`/`StartTimeTo` outside [now − 30 days, now] → Invalid.Param.
 * - `ListDataSources` sorting is per group (a group = the records sharing a name): `CreateTime` and `Id` use the
 *   group's oldest record, `Name` the name; ties by name. Records inside a group by `Id` ascending.
 * - `TestDataSourceConnectivity`: a `ProjectId` that is not the data source's workspace → 404 DataSource.NotFound.
 * - Name uniqueness of data sources is case-sensitive.
 * - Throttling answers (429) carry `x-acs-retry-after: 1000` (ms).
 * - Passwords are masked at any depth of ConnectionProperties (keys `password`, `truststorePassword`,
 *   `keystorePassword`).
 * - The seed route merges: fields given replace the stored ones, omitted fields are kept (default Connectable, no
 *   tables); seeds survive reset and may be set before the data source exists.
 */
import {
  DATAWORKS_ACTIONS,
  DATAWORKS_API_VERSION,
  type DataWorksAction,
  type DataWorksRequest,
  parseDataWorksParams,
} from '../../../dataworks/schemas.js';
import { acsGateway } from '../../gateways.js';
import type {
  MockRequest,
  MockResponse,
  MockRoute,
  MockService,
  MockServiceFactory,
  ServiceContext,
} from '../../types.js';
import {
  type ConnectState,
  type CrawlerRecord,
  type DataSourceRecord,
  type DataSourceSeed,
  DataWorksState,
  type EnvType,
  type RunRecord,
  renderLog,
  type ScheduleValue,
  type ScopeValue,
} from './state.js';

export { DataWorksState } from './state.js';

/** The DataWorks mock service, with its in-process seed method. */
export interface DataWorksMockService extends MockService {
  /** Sets what TestDataSourceConnectivity reports, whether runs fail and which tables runs collect. */
  seedDataSource(
    id: number,
    seed: { connectState?: ConnectState; connectMessage?: string; tables?: Record<string, string[]> },
  ): DataSourceSeed;
  /**
   * Direct access to the state (tests, benchmarks).
   * @internal
   */
  readonly state: DataWorksState;
}

const DAY_MS = 86_400_000;
const MASK = '******';
const SECRET_KEYS = new Set(['password', 'truststorePassword', 'keystorePassword']);
const CONNECT_STATES: readonly ConnectState[] = ['Connectable', 'ConfigError', 'Unreachable', 'Unsupport'];

/** The one crawler type of the mock. */
export const MYSQL_CAPABILITY = {
  Type: 'mysql',
  DisplayName: 'MySQL',
  SupportedDatasourceTypes: ['mysql'],
  SupportedScopeUnits: ['DATABASE', 'INSTANCE'],
  DefaultScopeUnit: 'DATABASE',
  RequireResourceGroup: false,
  SupportSchedule: true,
  SupportExcludeRegex: true,
  SupportAiComment: false,
  SupportedEntityTypes: [
    { Type: 'database', Optional: false },
    { Type: 'table', Optional: false },
    { Type: 'column', Optional: false },
  ],
  SupportedOptionKeys: [] as { Key: string }[],
} as const;

class DwError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (field: string, problem: string) =>
  new DwError(400, 'Invalid.Param', `Invalid parameter: ${field}: ${problem}`);

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? MASK : mask(v);
    return out;
  }
  return value;
}

/** Query and form body merged (body wins). */
function paramsOf(req: MockRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.query) out[k] = v;
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (req.rawBody !== '' && (type === '' || type.includes('x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(req.rawBody)) out[k] = v;
  }
  return out;
}

function parse<A extends DataWorksAction>(
  action: A,
  params: Record<string, string>,
  keys?: readonly string[],
): DataWorksRequest<A> {
  const subset =
    keys === undefined ? params : Object.fromEntries(keys.flatMap((k) => (k in params ? [[k, params[k]!]] : [])));
  const result = parseDataWorksParams(action, subset);
  if (!result.success) throw new DwError(400, result.code, result.message);
  return result.data;
}

function dataSourceView(ds: DataSourceRecord): Record<string, unknown> {
  return {
    Id: ds.id,
    Name: ds.name,
    Type: ds.type,
    ProjectId: ds.projectId,
    ...entryView(ds),
  };
}

function entryView(ds: DataSourceRecord): Record<string, unknown> {
  return {
    Id: ds.id,
    ConnectionPropertiesMode: ds.mode,
    ConnectionProperties: mask(ds.props),
    ...(ds.description !== undefined ? { Description: ds.description } : {}),
    QualifiedName: `${ds.projectId}:${ds.name}:${ds.envType}`,
    CreateTime: ds.createTime,
    CreateUser: ds.createUser,
    ModifyTime: ds.modifyTime,
    ModifyUser: ds.modifyUser,
  };
}

function runView(run: RunRecord): Record<string, unknown> {
  return {
    Status: run.status,
    StartedTime: run.startedTime,
    ...(run.finishedTime !== undefined
      ? { FinishedTime: run.finishedTime, Duration: Math.round((run.finishedTime - run.startedTime) / 1000) }
      : {}),
    TaskInstanceId: run.taskInstanceId,
    ...(run.totalTableCount !== undefined ? { TotalTableCount: run.totalTableCount } : {}),
  };
}

function paging(total: number, pageNumber: number, pageSize: number, key: string, items: unknown[]) {
  return { TotalCount: total, PageNumber: pageNumber, PageSize: pageSize, [key]: items };
}

export const createDataWorksService = ((ctx: ServiceContext): DataWorksMockService => {
  const state = new DataWorksState({
    now: () => ctx.clock.now(),
    nextId: (counter) => {
      switch (counter) {
        case 'dataSource':
          return ctx.ids.next('dataworks.dataSource', 1001);
        case 'crawler':
          return ctx.ids.next('dataworks.crawler', 50001);
        case 'task':
          return ctx.ids.next('dataworks.task', 700001);
        case 'taskInstance':
          return ctx.ids.next('dataworks.taskInstance', 900001);
      }
    },
    settings: () => ctx.settings,
    takeRunFault: (operation) => ctx.takeRunFault('dataworks', operation),
  });

  const errorResponse = (status: number, code: string, message: string, req: MockRequest): MockResponse => {
    const host = req.headers.get('host') ?? req.url.host;
    const res: MockResponse = {
      status,
      body: {
        RequestId: req.requestId,
        HostId: host,
        Code: code,
        Message: message,
        Recommend: `https://api.alibabacloud.com/troubleshoot?q=${encodeURIComponent(code)}&product=dataworks-public&requestId=${req.requestId}`,
      },
    };
    if (status === 429) res.headers = { 'x-acs-retry-after': '1000' };
    return res;
  };

  const crawlerNotFound = (id: number) => new DwError(404, 'Crawler.NotFound', `Crawler ${id} does not exist.`);
  const dataSourceNotFound = (id: number) =>
    new DwError(404, 'DataSource.NotFound', `Data source ${id} does not exist.`);

  const getCrawler = (id: number): CrawlerRecord => {
    const c = state.crawlers.get(id);
    if (c === undefined) throw crawlerNotFound(id);
    return c;
  };

  const getDataSource = (id: number): DataSourceRecord => {
    const ds = state.dataSources.get(id);
    if (ds === undefined) throw dataSourceNotFound(id);
    return ds;
  };

  const crawlerView = (c: CrawlerRecord, full: boolean): Record<string, unknown> => {
    const last = state.lastRun(c);
    return {
      Id: c.id,
      Name: c.name,
      DataSourceId: c.dataSourceId,
      ProjectId: c.projectId,
      Type: c.type,
      Status: state.isValid(c) ? 'VALID' : 'INVALID',
      MetaEntityId: c.metaEntityId,
      EnvType: c.envType,
      ...(c.resourceGroupId !== undefined ? { ResourceGroupId: c.resourceGroupId } : {}),
      ScheduleConfig: { ...c.scheduleConfig },
      ...(last ? { LastRunStatus: last.status, LastRunTaskInstanceId: last.taskInstanceId } : {}),
      Owner: c.owner,
      CreateTime: c.createTime,
      ModifyTime: c.modifyTime,
      TaskId: c.taskId,
      ...(full
        ? {
            Scope: structuredClone(c.scope),
            Options: { ...c.options },
            EnableAiComment: c.enableAiComment,
          }
        : {}),
    };
  };

  /** Capability checks of Scope against the crawler type (step 5). Returns the stored scope. */
  const checkScope = (scope: ScopeValue | undefined): ScopeValue => {
    if (scope === undefined) return { Unit: MYSQL_CAPABILITY.DefaultScopeUnit };
    if (!(MYSQL_CAPABILITY.SupportedScopeUnits as readonly string[]).includes(scope.Unit)) {
      throw invalid(
        'Scope.Unit',
        `crawler type mysql supports ${MYSQL_CAPABILITY.SupportedScopeUnits.join(', ')}, got '${scope.Unit}'`,
      );
    }
    const out: ScopeValue = { Unit: scope.Unit };
    if (scope.Items !== undefined) out.Items = [...scope.Items];
    if (scope.ExcludeRegex !== undefined) out.ExcludeRegex = scope.ExcludeRegex;
    return out;
  };

  /** Step 6: schedule against the data source environment. */
  const checkSchedule = (cfg: ScheduleValue | undefined, envType: EnvType): ScheduleValue => {
    if (cfg === undefined || cfg.Type === 'MANUAL') return { Type: 'MANUAL' }; // CronExpress with MANUAL is ignored
    if (envType === 'Dev') {
      throw invalid('ScheduleConfig.Type', 'data sources of environment Dev allow MANUAL schedules only');
    }
    return { Type: 'NORMAL', CronExpress: (cfg.CronExpress ?? '').trim() };
  };

  /** Step 7: AI comments, option keys, resource group. */
  const checkExtras = (req: {
    EnableAiComment?: boolean | undefined;
    Options?: Record<string, string> | undefined;
  }): void => {
    if (req.EnableAiComment === true && !MYSQL_CAPABILITY.SupportAiComment) {
      throw invalid('EnableAiComment', 'crawler type mysql does not support AI comments (expected false)');
    }
    const allowed = new Set(MYSQL_CAPABILITY.SupportedOptionKeys.map((k) => k.Key));
    for (const key of Object.keys(req.Options ?? {})) {
      if (!allowed.has(key)) {
        throw invalid(`Options.${key}`, 'not an option key of crawler type mysql (it accepts none)');
      }
    }
    // RequireResourceGroup is false for mysql: ResourceGroupId is optional.
  };

  const ok = (body: Record<string, unknown>, req: MockRequest): MockResponse => ({
    status: 200,
    body: { RequestId: req.requestId, ...body },
  });

  const handlers: Record<DataWorksAction, (req: MockRequest, params: Record<string, string>) => MockResponse> = {
    ListCrawlerTypes: (req) =>
      ok(
        {
          Success: true,
          CrawlerTypes: [
            {
              Type: MYSQL_CAPABILITY.Type,
              DisplayName: MYSQL_CAPABILITY.DisplayName,
              SupportedEntityTypes: MYSQL_CAPABILITY.SupportedEntityTypes.map((e) => ({ ...e })),
            },
          ],
        },
        req,
      ),

    GetCrawlerTypeCapabilities: (req) => ok({ Success: true, CrawlerTypes: [structuredClone(MYSQL_CAPABILITY)] }, req),

    CreateCrawler: (req, params) => {
      const base = ['Name', 'DataSourceId', 'Type'] as const;
      const head = parse('CreateCrawler', params, base); // 1. Name (and the other required fields)
      const ds = getDataSource(head.DataSourceId); // 2.
      if (head.Type !== MYSQL_CAPABILITY.Type) {
        throw invalid('Type', `expected a crawler type: mysql, got '${head.Type}'`); // 3.
      }
      if (!(MYSQL_CAPABILITY.SupportedDatasourceTypes as readonly string[]).includes(ds.type)) {
        throw invalid('Type', `crawler type mysql cannot read data sources of type ${ds.type}`);
      }
      const existing = state.crawlerByDataSource.get(ds.id); // 4.
      if (existing !== undefined) {
        throw new DwError(
          400,
          'Crawler.AlreadyExists',
          `Crawler ${existing} already collects data source ${ds.id}; only one crawler per data source is allowed.`,
        );
      }
      const scope = checkScope(parse('CreateCrawler', params, [...base, 'Scope']).Scope); // 5.
      const schedule = checkSchedule(
        parse('CreateCrawler', params, [...base, 'ScheduleConfig']).ScheduleConfig,
        ds.envType,
      ); // 6.
      const full = parse('CreateCrawler', params); // 7.
      checkExtras(full);
      const c = state.addCrawler({
        name: full.Name,
        dataSourceId: ds.id,
        projectId: ds.projectId,
        type: full.Type,
        metaEntityId: `${full.Type}:${ds.name}`,
        envType: ds.envType,
        ...(full.ResourceGroupId !== undefined ? { resourceGroupId: full.ResourceGroupId } : {}),
        scheduleConfig: schedule,
        scope,
        options: { ...(full.Options ?? {}) },
        enableAiComment: full.EnableAiComment ?? false,
        owner: req.identity?.userId ?? '',
      });
      return ok({ Success: true, Id: c.id }, req);
    },

    ListCrawlers: (req, params) => {
      const q = parse('ListCrawlers', params);
      const pageNumber = q.PageNumber ?? 1;
      const pageSize = q.PageSize ?? 20;
      const needle = q.Name?.toLowerCase();
      const dsIds = q.DataSourceIds === undefined ? undefined : new Set(q.DataSourceIds);
      const all = [...state.crawlers.values()]
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
      const items = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((c) => crawlerView(c, false));
      return ok({ Success: true, PagingInfo: paging(all.length, pageNumber, pageSize, 'Crawlers', items) }, req);
    },

    GetCrawler: (req, params) => {
      const { Id } = parse('GetCrawler', params);
      return ok({ Success: true, Crawler: crawlerView(getCrawler(Id), true) }, req);
    },

    UpdateCrawler: (req, params) => {
      const { Id } = parse('GetCrawler', params, ['Id']); // Id first (MissingId / format), then Crawler.NotFound
      const c = getCrawler(Id);
      const u = parse('UpdateCrawler', params);
      const scope = u.Scope === undefined ? undefined : checkScope(u.Scope);
      const schedule = u.ScheduleConfig === undefined ? undefined : checkSchedule(u.ScheduleConfig, c.envType);
      checkExtras(u);
      state.updateCrawler(c, {
        ...(u.ResourceGroupId !== undefined ? { resourceGroupId: u.ResourceGroupId } : {}),
        ...(scope !== undefined ? { scope } : {}),
        ...(schedule !== undefined ? { scheduleConfig: schedule } : {}),
        ...(u.EnableAiComment !== undefined ? { enableAiComment: u.EnableAiComment } : {}),
        ...(u.Options !== undefined ? { options: u.Options } : {}),
      });
      return ok({ Success: true, Id: c.id }, req);
    },

    RunCrawler: (req, params) => {
      const { Id } = parse('RunCrawler', params);
      const c = getCrawler(Id);
      const active = state.activeRun(c);
      if (active) {
        throw new DwError(
          400,
          'Crawler.RunInProgress',
          `Crawler ${c.id} already has a run in progress (task instance ${active.taskInstanceId}, ${active.status}).`,
        );
      }
      if (!state.isValid(c)) {
        throw new DwError(
          400,
          'Crawler.Invalid',
          `Crawler ${c.id} is INVALID: its data source ${c.dataSourceId} no longer exists.`,
        );
      }
      const run = state.trigger(c, ctx.clock.now(), 'RunCrawler');
      return ok(
        { Success: true, Id: c.id, RunAccepted: true, RunStatus: run.status, TaskInstanceId: run.taskInstanceId },
        req,
      );
    },

    StopCrawler: (req, params) => {
      const { Id } = parse('StopCrawler', params);
      const c = getCrawler(Id);
      const active = state.activeRun(c);
      if (!active)
        throw new DwError(400, 'Crawler.NotRunning', `Crawler ${c.id} has no WAITING or RUNNING run to stop.`);
      state.stop(active, 'StopCrawler');
      return ok({ Success: true, Id: c.id, StopAccepted: true }, req);
    },

    ListCrawlerRuns: (req, params) => {
      const q = parse('ListCrawlerRuns', params, ['Id']);
      const c = getCrawler(q.Id);
      const r = parse('ListCrawlerRuns', params);
      const now = ctx.clock.now();
      const earliest = now - 30 * DAY_MS;
      const from = r.StartTimeFrom ?? earliest;
      const to = r.StartTimeTo ?? now;
      for (const [field, v] of [
        ['StartTimeFrom', from],
        ['StartTimeTo', to],
      ] as const) {
        if (v < earliest || v > now) {
          throw invalid(field, `expected a time within the last 30 days (${earliest} to ${now}), got ${v}`);
        }
      }
      if (from > to) throw invalid('StartTimeFrom', `expected StartTimeFrom <= StartTimeTo (${from} > ${to})`);
      const pageNumber = r.PageNumber ?? 1;
      const pageSize = r.PageSize ?? 20;
      const all: RunRecord[] = [];
      for (let i = c.runs.length - 1; i >= 0; i--) {
        const run = state.runs.get(c.runs[i]!);
        if (run === undefined || run.startedTime < from || run.startedTime > to) continue;
        if (r.Status !== undefined && run.status !== r.Status) continue;
        all.push(run);
      }
      all.sort((a, b) => b.startedTime - a.startedTime || b.taskInstanceId - a.taskInstanceId);
      const items = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(runView);
      return ok({ Success: true, PagingInfo: paging(all.length, pageNumber, pageSize, 'CrawlerRuns', items) }, req);
    },

    DeleteCrawler: (req, params) => {
      const { Id } = parse('DeleteCrawler', params);
      const c = getCrawler(Id);
      state.deleteCrawler(c);
      return ok({ Success: true, Id: c.id }, req);
    },

    CreateDataSource: (req, params) => {
      const q = parse('CreateDataSource', params);
      const props = q.ConnectionProperties as Record<string, unknown>;
      const envType = props['envType'] as EnvType;
      const existing = state.findDataSource(q.ProjectId, q.Name, envType);
      if (existing) {
        throw new DwError(
          400,
          'DataSource.AlreadyExists',
          `A data source named ${q.Name} already exists in workspace ${q.ProjectId} for environment ${envType} (id ${existing.id}).`,
        );
      }
      const user = req.identity?.userId ?? '';
      const ds = state.addDataSource({
        projectId: q.ProjectId,
        name: q.Name,
        type: q.Type.toLowerCase(),
        mode: q.ConnectionPropertiesMode,
        props: structuredClone(props),
        ...(q.Description !== undefined ? { description: q.Description } : {}),
        envType,
        createUser: user,
      });
      return ok({ Id: ds.id }, req);
    },

    GetDataSource: (req, params) => {
      const { Id } = parse('GetDataSource', params);
      return ok({ DataSource: dataSourceView(getDataSource(Id)) }, req);
    },

    ListDataSources: (req, params) => {
      const q = parse('ListDataSources', params);
      const needle = q.Name?.toLowerCase();
      const types = q.Types === undefined ? undefined : new Set(q.Types.map((t) => t.toLowerCase()));
      const groups = new Map<string, DataSourceRecord[]>();
      for (const ds of [...state.dataSources.values()].sort((a, b) => a.id - b.id)) {
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
        const byKey = sortBy === 'Name' ? (na < nb ? -1 : na > nb ? 1 : 0) : keyOf(a) - keyOf(b);
        if (byKey !== 0) return dir * byKey;
        const byId = a[0]!.id - b[0]!.id;
        return dir * (byId !== 0 ? byId : na < nb ? -1 : na > nb ? 1 : 0);
      });
      const pageNumber = q.PageNumber ?? 1;
      const pageSize = q.PageSize ?? 10;
      const items = sorted.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(([name, list]) => ({
        Name: name,
        Type: list[0]!.type,
        DataSource: list.map(entryView),
      }));
      return ok({ PagingInfo: paging(sorted.length, pageNumber, pageSize, 'DataSources', items) }, req);
    },

    DeleteDataSource: (req, params) => {
      const { Id } = parse('DeleteDataSource', params);
      getDataSource(Id);
      state.deleteDataSource(Id);
      return ok({ Success: true }, req);
    },

    TestDataSourceConnectivity: (req, params) => {
      const q = parse('TestDataSourceConnectivity', params);
      const ds = getDataSource(q.DataSourceId);
      if (ds.projectId !== q.ProjectId) throw dataSourceNotFound(q.DataSourceId);
      const seed = state.seedOf(ds.id);
      const now = ctx.clock.now();
      const defaults: Record<ConnectState, string> = {
        Connectable: 'The connection test succeeded.',
        ConfigError: 'The connection settings are wrong.',
        Unreachable: `The data source cannot be reached from resource group ${q.ResourceGroupId}.`,
        Unsupport: 'The data source type does not support connectivity tests.',
      };
      const message = seed.connectMessage ?? defaults[seed.connectState];
      return ok(
        {
          Connectivity: {
            ConnectState: seed.connectState,
            ConnectMessage: message,
            DetailLogs: [
              {
                Code: 'CHECK_NETWORK',
                Message: seed.connectState === 'Unreachable' ? message : 'OK',
                StartTime: now,
                EndTime: now,
              },
              ...(seed.connectState === 'Unreachable'
                ? []
                : [
                    {
                      Code: 'CHECK_LOGIN',
                      Message: seed.connectState === 'Connectable' ? 'OK' : message,
                      StartTime: now,
                      EndTime: now,
                    },
                  ]),
            ],
          },
        },
        req,
      );
    },

    GetTaskInstanceLog: (req, params) => {
      const q = parse('GetTaskInstanceLog', params);
      const run = state.runs.get(q.Id);
      if (q.RunNumber !== undefined && q.RunNumber !== 1) {
        throw invalid('RunNumber', `task instances of the mock have exactly one run (expected 1), got ${q.RunNumber}`);
      }
      if (run === undefined) throw new DwError(404, 'TaskInstance.NotFound', `Task instance ${q.Id} does not exist.`);
      return ok({ TaskInstanceLog: run.status === 'WAITING' ? '' : renderLog(run.log) }, req);
    },
  };

  const routes: MockRoute[] = (Object.keys(DATAWORKS_ACTIONS) as DataWorksAction[]).map((action) => ({
    operation: action,
    method: DATAWORKS_ACTIONS[action].method,
    path: '/',
    auth: 'acs3',
    handler(req) {
      const before = state.nextDueAt();
      try {
        return handlers[action](req, paramsOf(req));
      } catch (error) {
        if (error instanceof DwError) return errorResponse(error.status, error.code, error.message, req);
        throw error;
      } finally {
        if (state.nextDueAt() !== before) ctx.wake();
      }
    },
  }));

  const seedDataSource = (
    id: number,
    seed: { connectState?: ConnectState; connectMessage?: string; tables?: Record<string, string[]> },
  ): DataSourceSeed => {
    const problem = seedProblem(seed);
    if (problem) throw new TypeError(problem);
    return state.seed(id, seed);
  };

  const controlRoutes: MockRoute[] = [
    {
      operation: 'SeedDataWorksDataSource',
      method: 'POST',
      path: '/__mock/dataworks/datasources/{id}',
      auth: 'none',
      handler(req) {
        const raw = req.params['id'] ?? '';
        if (!/^[1-9]\d{0,15}$/.test(raw)) return { status: 400, body: { error: 'id: expected a positive integer' } };
        let body: unknown;
        try {
          body = req.rawBody.trim() === '' ? {} : JSON.parse(req.rawBody);
        } catch {
          return { status: 400, body: { error: 'body: malformed JSON' } };
        }
        const problem = seedProblem(body);
        if (problem) return { status: 400, body: { error: problem } };
        const seed = state.seed(Number(raw), body as Partial<DataSourceSeed>);
        return { status: 200, body: { id: Number(raw), ...seed } };
      },
    },
  ];

  return {
    name: 'dataworks',
    protocol: {
      style: 'rpc',
      version: DATAWORKS_API_VERSION,
      actionOf: (headers, query) => headers.get('x-acs-action') ?? query.get('Action'),
      versionOf: (headers, query) => headers.get('x-acs-version') ?? query.get('Version'),
      unknownAction: (action, version, knownAction) => ({
        status: 404,
        code: 'InvalidAction.NotFound',
        message: knownAction
          ? `Specified api version ${version ?? '(none)'} is not found.`
          : `Specified api ${action} is not found.`,
      }),
    },
    gateway: acsGateway('dataworks-public'),
    defaultFaultCode: (status) => (status === 429 ? 'Throttling.User' : status >= 500 ? 'InternalError' : 'MockFault'),
    routes,
    controlRoutes,
    state,
    errorResponse,
    nextDueAt: () => state.nextDueAt(),
    runDue: (now) => state.runDue(now),
    snapshot: () => state.snapshot(),
    restore: (snapshot) => {
      state.restore(snapshot);
      ctx.wake();
    },
    reset: () => {
      state.clear();
      ctx.wake();
    },
    seedDataSource,
  };
}) satisfies MockServiceFactory;

/** Why a seed body is unacceptable, or undefined. */
function seedProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body: expected a JSON object';
  const o = body as Record<string, unknown>;
  if (o['connectState'] !== undefined && !CONNECT_STATES.includes(o['connectState'] as ConnectState)) {
    return `connectState: expected one of ${CONNECT_STATES.join(', ')}`;
  }
  if (o['connectMessage'] !== undefined && typeof o['connectMessage'] !== 'string') {
    return 'connectMessage: expected a string';
  }
  const tables = o['tables'];
  if (tables !== undefined) {
    if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
      return 'tables: expected an object {"<database>": ["<table>", …]}';
    }
    for (const [db, list] of Object.entries(tables)) {
      if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t === '')) {
        return `tables.${db}: expected an array of non-empty table names`;
      }
    }
  }
  return undefined;
}
