/**
 * Alibaba Cloud DataWorks 2024-05-18 client: crawlers (metadata collectors), the data sources they read and
 * task-instance logs. RPC over `https://dataworks.{regionId}.aliyuncs.com/`: every call is `/` with
 * `x-acs-action` / `x-acs-version`, parameters as form fields or query string per action (`DATAWORKS_ACTIONS`),
 * signed with `ACS3-HMAC-SHA256` by the auth provider on every attempt.
 *
 * - Messages, logs and `ApiError.path` show `/?Action=<Action>` only: the real query of `CreateDataSource` holds
 *   `ConnectionProperties` (with the password).
 * - Idempotent (retried per the core's table): Get*, List*, Test* (incl. the POST `GetCrawlerTypeCapabilities`) and
 *   the deletes, since a retry that finds the resource gone (`Crawler.NotFound` / `DataSource.NotFound`) after an
 *   attempt of unknown outcome counts as done and resolves as the service answers a delete. A throttled answer's
 *   `x-acs-retry-after` (ms, ≤ 60 s) replaces the computed backoff.
 * - `waitForCrawlerRun` treats `SUCCESS` as done and `ERROR` / `SHUTDOWN` as failed (`RunFailedError`, whose
 *   `errorMsg` is the first ERROR line of the task-instance log when it can be read).
 */
import type { APIPromise } from '../core/api-promise.js';
import { type AlibabaAuthConfig, type Env, resolveAlibabaAuth } from '../core/auth/index.js';
import { ServiceClient } from '../core/client.js';
import {
  type BaseClientOptions,
  baseOptionRules,
  checkRegion,
  parseOptions,
  patternRule,
  REGION_PATTERN,
  type RequestOptions,
  resolveAuthOption,
  resolveEndpoint,
} from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { findItem, numberedPages, type PageIterator } from '../core/pagination.js';
import { earliestOfCall } from '../core/reconcile.js';
import type { OperationSpec } from '../core/service.js';
import { loadOnce } from '../core/validation.js';
import { RunFailedError, type RunWaitOptions, waitForRun } from '../core/waiter.js';
import type { DataWorksAction, DataWorksRequest, DataWorksRequestInput, DataWorksResponse } from './actions.js';
import { crawlerLookup, dataSourceLookup } from './reconcile.js';
import { dataWorksHost } from './regions.js';
import type { Crawler, CrawlerRun, DataSourceGroup } from './resources.js';
import { DATAWORKS_SERVICE, dataWorksSpec } from './service.js';

/** The zod schemas and action table (and zod itself), loaded by the first call, not when the package is imported. */
const schemas = loadOnce(() => import('./actions.js'));

/** Options of {@link DataWorksClient}: the common client options without `region`/`projectId`, plus `regionId`. */
export interface DataWorksClientOptions extends Omit<BaseClientOptions<AlibabaAuthConfig>, 'region' | 'projectId'> {
  /** Region id, e.g. `cn-shanghai` → `https://dataworks.cn-shanghai.aliyuncs.com`. */
  regionId?: string;
  /** `{ accessKeyId, accessKeySecret, securityToken? }` or an AuthProvider; default `ALIBABA_CLOUD_*` variables. */
  auth?: AlibabaAuthConfig;
  /** Environment used for credentials and `METACOLLECT_LOG` (default `process.env`). */
  env?: Env;
}

/** Options of {@link DataWorksClient.waitForCrawlerRun}. */
export interface WaitForCrawlerRunOptions extends RunWaitOptions<CrawlerRun> {
  /** The run to wait for; default the newest run of the crawler. */
  taskInstanceId?: number;
}

const DEFAULT_ITERATE_PAGE_SIZE = 100;

const { region: _region, projectId: _projectId, ...commonRules } = baseOptionRules;
const optionRules = {
  ...commonRules,
  regionId: patternRule(REGION_PATTERN, 'expected a region id such as cn-shanghai'),
};

/**
 * Client of Alibaba Cloud DataWorks 2024-05-18 crawlers (metadata collectors), the data sources they read and
 * task-instance logs, signed with `ACS3-HMAC-SHA256`; nested request objects are serialised for you.
 *
 * Every method returns an {@link APIPromise}; invalid input rejects with {@link ValidationError} before any I/O;
 * service errors reject with the {@link ApiError} subclass of their status (the DataWorks
 * `Code` is in `errorCode`). {@link DataWorksClient.waitForCrawlerRun} rejects with {@link RunFailedError} when
 * the run ends in `ERROR` or `SHUTDOWN`.
 *
 * @example
 * ```ts
 * import { DataWorksClient } from 'metacollect';
 *
 * const dw = new DataWorksClient({
 *   regionId: 'cn-shanghai',
 *   auth: { accessKeyId: process.env['ALI_AK'] ?? '', accessKeySecret: process.env['ALI_SK'] ?? '' },
 * });
 * const { Id: crawlerId } = await dw.createCrawler({
 *   Name: 'orders collection',
 *   DataSourceId: 1001,
 *   Type: 'mysql',
 *   Scope: { Unit: 'DATABASE' },
 * });
 * const { TaskInstanceId } = await dw.runCrawler(crawlerId);
 * const run = await dw.waitForCrawlerRun(crawlerId, { taskInstanceId: TaskInstanceId });
 * console.log(run.Status, run.TotalTableCount);
 * ```
 */
export class DataWorksClient extends ServiceClient {
  /** The `regionId` option, if given. */
  readonly regionId: string | undefined;

  /**
   * Creates the client; no request is made until the first call.
   * @throws {@link ConfigurationError} when an option is invalid (naming it), neither `regionId` nor `endpoint` is
   * given, or no credentials are configured.
   */
  constructor(options: DataWorksClientOptions) {
    const opts = parseOptions<Omit<DataWorksClientOptions, 'env'>>(optionRules, options, 'DataWorks client options');
    const env: Env = options?.env ?? process.env;
    checkRegion(DATAWORKS_SERVICE.name, opts.regionId, opts.endpoint, DATAWORKS_SERVICE.regions, 'regionId');
    let endpoint: string;
    try {
      // A region the central host serves has no host of its own.
      endpoint =
        opts.endpoint === undefined && opts.regionId !== undefined
          ? dataWorksHost(opts.regionId)
          : resolveEndpoint(DATAWORKS_SERVICE.hostTemplate, opts.regionId, opts.endpoint);
    } catch (error) {
      throw new ConfigurationError('Either `regionId` or `endpoint` is required', { field: 'regionId', cause: error });
    }
    const auth = resolveAuthOption(resolveAlibabaAuth, opts.auth, env);
    super(DATAWORKS_SERVICE, { ...opts, region: opts.regionId, endpoint, auth, env });
    this.regionId = opts.regionId;
  }

  // ------------------------------------------------------------------------------------------------- crawler types

  /** `ListCrawlerTypes` (GET). */
  listCrawlerTypes(options?: RequestOptions): APIPromise<DataWorksResponse<'ListCrawlerTypes'>> {
    return this.call('ListCrawlerTypes', {}, options);
  }

  /** `GetCrawlerTypeCapabilities` (POST, idempotent). */
  getCrawlerTypeCapabilities(options?: RequestOptions): APIPromise<DataWorksResponse<'GetCrawlerTypeCapabilities'>> {
    return this.call('GetCrawlerTypeCapabilities', {}, options);
  }

  // ------------------------------------------------------------------------------------------------------ crawlers

  /** `CreateCrawler`: creates a crawler for a data source (never starts a run). Not retried after a possible send. */
  createCrawler(
    input: DataWorksRequestInput<'CreateCrawler'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'CreateCrawler'>> {
    const lookup = crawlerLookup(input as DataWorksRequest<'CreateCrawler'>, (request, signal) =>
      this.listCrawlers(request, { signal }).withResponse(),
    );
    return this.call('CreateCrawler', input, options, (spec) => {
      spec.lookup = lookup;
    });
  }

  /** `ListCrawlers` (one page; `PageSize` ≤ 100, default 20). */
  listCrawlers(
    input?: DataWorksRequestInput<'ListCrawlers'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'ListCrawlers'>> {
    return this.call('ListCrawlers', input ?? {}, options);
  }

  /** Lazily pages through `ListCrawlers` (`PageNumber` + `PageSize`, default page size 100). */
  iterateCrawlers(
    input?: DataWorksRequestInput<'ListCrawlers'>,
    options?: RequestOptions,
  ): PageIterator<Crawler, DataWorksResponse<'ListCrawlers'>> {
    const { PageNumber, PageSize, ...filters } = input ?? {};
    return numberedPages<Crawler, DataWorksResponse<'ListCrawlers'>>({
      pageNumber: PageNumber,
      pageSize: PageSize ?? DEFAULT_ITERATE_PAGE_SIZE,
      fetch: (page, size) => this.listCrawlers({ ...filters, PageNumber: page, PageSize: size }, options),
      items: (r) => r.PagingInfo.Crawlers,
      total: (r) => r.PagingInfo.TotalCount,
    });
  }

  /** `GetCrawler`: the crawler with its `Scope`, `Options` and `EnableAiComment`. */
  getCrawler(id: number, options?: RequestOptions): APIPromise<DataWorksResponse<'GetCrawler'>> {
    return this.call('GetCrawler', { Id: id }, options);
  }

  /** `UpdateCrawler`: partial; `Options` merged, `Scope` / `ScheduleConfig` replaced. Not idempotent (no retry). */
  updateCrawler(
    id: number,
    changes: Omit<DataWorksRequestInput<'UpdateCrawler'>, 'Id' | 'Name' | 'DataSourceId' | 'Type'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'UpdateCrawler'>> {
    return this.call('UpdateCrawler', { ...changes, Id: id } as DataWorksRequestInput<'UpdateCrawler'>, options);
  }

  /** `RunCrawler`: accepted, not finished — use `waitForCrawlerRun`. */
  runCrawler(id: number, options?: RequestOptions): APIPromise<DataWorksResponse<'RunCrawler'>> {
    const started = Date.now();
    // A retry after an attempt of unknown outcome that finds a run in progress answers with that run, when it began
    // after this call did (on the service's clock): the run the earlier attempt started.
    return this.call('RunCrawler', { Id: id }, options, (spec) => {
      spec.alreadyDoneCodes = ['Crawler.RunInProgress'];
      spec.alreadyDoneResult = async (error) => {
        const runs = await this.listCrawlerRuns(id, { PageSize: 1 }).withResponse();
        const run = runs.data.PagingInfo.CrawlerRuns[0];
        if (run === undefined || run.StartedTime < earliestOfCall(started, runs.headers['date'])) throw error;
        return {
          RequestId: runs.requestId ?? '',
          Success: true,
          Id: id,
          RunAccepted: true,
          RunStatus: run.Status,
          TaskInstanceId: run.TaskInstanceId,
        };
      };
    });
  }

  /** `StopCrawler`: the running run becomes SHUTDOWN. */
  stopCrawler(id: number, options?: RequestOptions): APIPromise<DataWorksResponse<'StopCrawler'>> {
    return this.call('StopCrawler', { Id: id }, options);
  }

  /** `ListCrawlerRuns`: newest first, within the last 30 days. */
  listCrawlerRuns(
    id: number,
    query?: Omit<DataWorksRequestInput<'ListCrawlerRuns'>, 'Id'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'ListCrawlerRuns'>> {
    return this.call(
      'ListCrawlerRuns',
      { ...(query ?? {}), Id: id } as DataWorksRequestInput<'ListCrawlerRuns'>,
      options,
    );
  }

  /** `DeleteCrawler`. */
  deleteCrawler(id: number, options?: RequestOptions): APIPromise<DataWorksResponse<'DeleteCrawler'>> {
    return this.call('DeleteCrawler', { Id: id }, options);
  }

  // -------------------------------------------------------------------------------------------------- data sources

  /** `CreateDataSource` (parameters in the query string; `ConnectionProperties` as an object). */
  createDataSource(
    input: DataWorksRequestInput<'CreateDataSource'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'CreateDataSource'>> {
    const lookup = dataSourceLookup(input as DataWorksRequest<'CreateDataSource'>, (request, signal) =>
      this.listDataSources(request as DataWorksRequestInput<'ListDataSources'>, { signal }).withResponse(),
    );
    return this.call('CreateDataSource', input, options, (spec) => {
      spec.lookup = lookup;
    });
  }

  /** `GetDataSource` (passwords come back masked). */
  getDataSource(id: number, options?: RequestOptions): APIPromise<DataWorksResponse<'GetDataSource'>> {
    return this.call('GetDataSource', { Id: id }, options);
  }

  /** `ListDataSources`: groups by name (one record per environment); `ProjectId` required. */
  listDataSources(
    input: DataWorksRequestInput<'ListDataSources'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'ListDataSources'>> {
    return this.call('ListDataSources', input, options);
  }

  /** Lazily pages through `ListDataSources` groups (default page size 100). */
  iterateDataSources(
    input: DataWorksRequestInput<'ListDataSources'>,
    options?: RequestOptions,
  ): PageIterator<DataSourceGroup, DataWorksResponse<'ListDataSources'>> {
    const { PageNumber, PageSize, ...filters } = input;
    return numberedPages<DataSourceGroup, DataWorksResponse<'ListDataSources'>>({
      pageNumber: PageNumber,
      pageSize: PageSize ?? DEFAULT_ITERATE_PAGE_SIZE,
      fetch: (page, size) =>
        this.listDataSources(
          { ...filters, PageNumber: page, PageSize: size } as DataWorksRequestInput<'ListDataSources'>,
          options,
        ),
      items: (r) => r.PagingInfo.DataSources,
      total: (r) => r.PagingInfo.TotalCount,
    });
  }

  /** `DeleteDataSource` (a crawler reading it turns INVALID). */
  deleteDataSource(id: number, options?: RequestOptions): APIPromise<DataWorksResponse<'DeleteDataSource'>> {
    return this.call('DeleteDataSource', { Id: id }, options);
  }

  /** `TestDataSourceConnectivity` through a resource group. */
  testDataSourceConnectivity(
    input: DataWorksRequestInput<'TestDataSourceConnectivity'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'TestDataSourceConnectivity'>> {
    return this.call('TestDataSourceConnectivity', input, options);
  }

  // ---------------------------------------------------------------------------------------------------------- logs

  /** `GetTaskInstanceLog` of a run's `TaskInstanceId` (`""` while WAITING). */
  getTaskInstanceLog(
    taskInstanceId: number,
    query?: Omit<DataWorksRequestInput<'GetTaskInstanceLog'>, 'Id'>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<'GetTaskInstanceLog'>> {
    return this.call('GetTaskInstanceLog', { ...(query ?? {}), Id: taskInstanceId }, options);
  }

  // -------------------------------------------------------------------------------------------------------- waiter

  /**
   * Polls `ListCrawlerRuns` until the run (the newest, or `taskInstanceId`) ends. Resolves with the SUCCESS run;
   * throws `RunFailedError` (run as `instance`, first ERROR log line as `errorMsg`) for ERROR / SHUTDOWN,
   * `WaiterTimeoutError` after `timeoutMs`, `AbortError` when `signal` aborts.
   */
  waitForCrawlerRun(crawlerId: number, options: WaitForCrawlerRunOptions = {}): Promise<CrawlerRun> {
    const wanted = options.taskInstanceId;
    return waitForRun<CrawlerRun>(
      {
        what: `crawler run ${wanted ?? '(newest)'} of crawler ${crawlerId}`,
        find: async (signal) => {
          if (wanted !== undefined) {
            const runs = numberedPages<CrawlerRun, DataWorksResponse<'ListCrawlerRuns'>>({
              pageSize: 100,
              fetch: (page, size) => this.listCrawlerRuns(crawlerId, { PageSize: size, PageNumber: page }, { signal }),
              items: (r) => r.PagingInfo.CrawlerRuns,
              total: (r) => r.PagingInfo.TotalCount,
            });
            return findItem(runs, (r) => r.TaskInstanceId === wanted);
          }
          return (await this.listCrawlerRuns(crawlerId, { PageSize: 1 }, { signal })).PagingInfo.CrawlerRuns[0];
        },
        state: (run) =>
          run.Status === 'SUCCESS'
            ? 'succeeded'
            : run.Status === 'ERROR' || run.Status === 'SHUTDOWN'
              ? 'failed'
              : 'running',
        failure: async (run, signal) => {
          let errorMsg: string | undefined;
          try {
            const log = (await this.getTaskInstanceLog(run.TaskInstanceId, {}, { signal })).TaskInstanceLog;
            const line = log.split('\n').find((l) => / ERROR /.test(l)); // the first ERROR line is the cause
            errorMsg = line?.replace(/^\S+ \S+ ERROR /, '');
          } catch {
            errorMsg = undefined; // the log is a courtesy; the run's status is what matters
          }
          return new RunFailedError<CrawlerRun>({
            instance: run,
            status: run.Status,
            errorMsg,
            what: `crawler run ${run.TaskInstanceId} of crawler ${crawlerId}`,
          });
        },
      },
      options,
    );
  }

  // ------------------------------------------------------------------------------------------------------- engine

  /** Validates, serialises, signs and sends one action; resolves to the typed body. */
  protected call<A extends DataWorksAction>(
    action: A,
    input: DataWorksRequestInput<A>,
    options?: RequestOptions,
    adjust?: (spec: OperationSpec) => void,
  ): APIPromise<DataWorksResponse<A>> {
    return this.request<DataWorksResponse<A>>(async () => {
      const spec = dataWorksSpec(await schemas(), action, input);
      adjust?.(spec);
      return spec;
    }, options);
  }

  protected override async loadSchemas(): Promise<unknown> {
    return schemas();
  }

  protected override describe(): Record<string, unknown> {
    return this.describeWith({ regionId: this.regionId });
  }
}
