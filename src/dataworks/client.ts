/**
 * Alibaba Cloud DataWorks 2024-05-18 client: crawlers (metadata collectors), the data sources they read and
 * task-instance logs (shared/api/dataworks.md). RPC over `https://dataworks.{regionId}.aliyuncs.com/`: every call
 * is `/` with `x-acs-action` / `x-acs-version`, parameters as form fields or query string per action
 * (`DATAWORKS_ACTIONS`), signed with `ACS3-HMAC-SHA256` by the auth provider on every attempt.
 *
 * The Huawei clients share `HuaweiServiceClient` (JSON bodies, project ids); DataWorks needs form/query
 * serialisation and the `x-acs-retry-after` header, so this client drives the same core pieces (transport,
 * auth provider, retry policy, error mapping, APIPromise, logging, pagination, waiter) with its own small loop.
 *
 * Decisions:
 * - Requests are validated with the zod schemas before any I/O (`ValidationError`, one issue per field path).
 * - Error messages, logs and `ApiError.path` show `/?Action=<Action>` only: the real query of `CreateDataSource`
 *   holds `ConnectionProperties` (with the password) and never appears in a message.
 * - Retries follow the core's table; idempotent = Get*, List*, Test*, GetTaskInstanceLog (incl. the POST
 *   `GetCrawlerTypeCapabilities`); Create/Update/Run/Stop/Delete* are not. A throttled answer's
 *   `x-acs-retry-after` (ms, ≤ 60 s) replaces the computed backoff.
 * - `waitForCrawlerRun` treats `SUCCESS` as done and `ERROR` / `SHUTDOWN` as failed (`RunFailedError`, whose
 *   `errorMsg` is the first ERROR line of the task-instance log when it can be read).
 */
import { inspect } from 'node:util';
import { Agent } from 'undici';
import { z } from 'zod';
import { APIPromise, type WithResponse } from '../core/api-promise.js';
import { type AlibabaAuthConfig, type Env, resolveAlibabaAuth } from '../core/auth/index.js';
import type { AuthContext, AuthProvider, OutgoingRequest, RawResponse } from '../core/auth/types.js';
import {
  type BaseClientOptions,
  baseOptionsSchema,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  parseOptions,
  type RequestOptions,
  requestOptionsSchema,
  resolveEndpoint,
} from '../core/config.js';
import {
  AbortError,
  type ApiError,
  ConfigurationError,
  ConnectionError,
  createApiError,
  isApiError,
  isConnectionError,
  isMetacollectError,
  ResponseValidationError,
  RunFailedError,
  TimeoutError,
  ValidationError,
} from '../core/errors.js';
import { LevelLogger, resolveLogLevel } from '../core/logger.js';
import { PageIterator } from '../core/pagination.js';
import { isRetryable, RETRY_AFTER_MAX_MS, retryDelay } from '../core/retry.js';
import {
  type FetchLike,
  FetchTransport,
  type Transport,
  TransportAborted,
  UndiciTransport,
} from '../core/transport.js';
import { checkResponse, issuesFrom } from '../core/validation.js';
import { VERSION } from '../core/version.js';
import {
  DEFAULT_MAX_POLL_INTERVAL_MS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_WAITER_TIMEOUT_MS,
  pollUntil,
} from '../core/waiter.js';
import {
  type Crawler,
  type CrawlerRun,
  DATAWORKS_ACTIONS,
  DATAWORKS_API_VERSION,
  type DataSourceGroup,
  type DataWorksAction,
  type DataWorksRequest,
  type DataWorksRequestInput,
  type DataWorksResponse,
  dataWorksWireFrom,
  wireToParams,
} from './schemas.js';

export type { AlibabaAuthConfig } from '../core/auth/index.js';

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
export interface WaitForCrawlerRunOptions {
  /** The run to wait for; default the newest run of the crawler. */
  taskInstanceId?: number;
  /** Give up after this long (default 15 minutes) with WaiterTimeoutError. */
  timeoutMs?: number;
  /** First wait between polls (default 2 000 ms); grows ×1.5 per poll up to 30 s, with jitter. */
  pollIntervalMs?: number;
  /** Stops waiting; the wait then rejects with {@link AbortError}. */
  signal?: AbortSignal;
  /** Called after each poll with the run seen (undefined while none exists yet) and the time waited so far. */
  onProgress?: (run: CrawlerRun | undefined, elapsedMs: number) => void;
}

/** The SDK input of action `A`. */

const HOST_TEMPLATE = 'https://dataworks.{region}.aliyuncs.com';
const IDEMPOTENT_PREFIXES = ['Get', 'List', 'Test'];
const DEFAULT_ITERATE_PAGE_SIZE = 100;

const optionsSchema = baseOptionsSchema.omit({ region: true, projectId: true }).extend({
  regionId: z
    .string()
    .regex(/^[a-z]{2,}(?:-[a-z0-9]+)+$/, { message: 'expected a region id such as cn-shanghai' })
    .optional(),
});

/** Whether an action may be repeated safely (retry table). */
export function isIdempotentDataWorksAction(action: DataWorksAction): boolean {
  return IDEMPOTENT_PREFIXES.some((p) => action.startsWith(p));
}

/** `x-acs-retry-after` (milliseconds) of a DataWorks error, when present and within 0–60 s. */
export function dataWorksRetryAfter(error: ApiError): number | undefined {
  const raw = error.headers['x-acs-retry-after'];
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
  const ms = Math.round(Number(raw));
  return ms <= RETRY_AFTER_MAX_MS ? ms : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TransportAborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransportAborted());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Query string with `%20` for spaces (as the ACS3 canonical form encodes them). */
function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString().replace(/\+/g, '%20');
}

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
export class DataWorksClient {
  /** Base URL the client sends to: the `endpoint` option, else the DataWorks host of `regionId`. */
  readonly endpoint: string;
  /** The `regionId` option, if given. */
  readonly regionId: string | undefined;
  /** Default deadline of one call in milliseconds, retries included (option `timeoutMs`, default 60 000). */
  readonly timeoutMs: number;
  /** Default number of retries after the first attempt (option `maxRetries`, default 2). */
  readonly maxRetries: number;
  readonly #auth: AuthProvider;
  readonly #transport: Transport;
  readonly #ownedAgent: Agent | undefined;
  readonly #logger: LevelLogger;
  readonly #userAgent: string;
  readonly #strict: boolean;
  #closed = false;

  /**
   * Creates the client; no request is made until the first call.
   * @throws {@link ConfigurationError} when an option is invalid (naming it), neither `regionId` nor `endpoint` is
   * given, or no credentials are configured.
   */
  constructor(options: DataWorksClientOptions) {
    const opts = parseOptions(optionsSchema, options, 'DataWorks client options');
    const env: Env = options?.env ?? process.env;
    this.regionId = opts.regionId;
    try {
      this.endpoint = resolveEndpoint(HOST_TEMPLATE, opts.regionId, opts.endpoint);
    } catch (error) {
      throw new ConfigurationError('Either `regionId` or `endpoint` is required', { field: 'regionId', cause: error });
    }
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#strict = opts.strictResponses ?? false;
    this.#logger = new LevelLogger(opts.logger ?? console, resolveLogLevel(opts.logLevel, env));
    this.#userAgent = `metacollect/${VERSION} node/${process.versions.node}${opts.userAgent ? ` ${opts.userAgent}` : ''}`;
    try {
      this.#auth = resolveAlibabaAuth(opts.auth as AlibabaAuthConfig | undefined, env);
    } catch (error) {
      if (isMetacollectError(error)) throw error;
      throw new ConfigurationError(`Invalid auth: ${(error as Error).message}`, { field: 'auth', cause: error });
    }
    if (opts.fetch) {
      this.#transport = new FetchTransport(opts.fetch as FetchLike);
      this.#ownedAgent = undefined;
    } else if (opts.dispatcher) {
      this.#transport = new UndiciTransport(opts.dispatcher);
      this.#ownedAgent = undefined;
    } else {
      this.#ownedAgent = new Agent({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 4_000 });
      this.#transport = new UndiciTransport(this.#ownedAgent);
    }
  }

  /** The kind of credential in use (`acs3`). */
  get authKind(): string {
    return this.#auth.kind;
  }

  /** Releases the sockets of the Agent the client created (a caller-supplied dispatcher is left open). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ownedAgent?.close();
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
    return this.call('CreateCrawler', input, options);
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
    const size = PageSize ?? DEFAULT_ITERATE_PAGE_SIZE;
    return new PageIterator<Crawler, DataWorksResponse<'ListCrawlers'>>({
      pageSize: size,
      startOffset: ((PageNumber ?? 1) - 1) * size,
      fetch: (offset, pageSize) =>
        this.listCrawlers({ ...filters, PageNumber: Math.floor(offset / pageSize) + 1, PageSize: pageSize }, options),
      items: (r) => r.PagingInfo.Crawlers ?? [],
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
    return this.call('RunCrawler', { Id: id }, options);
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
    return this.call('CreateDataSource', input, options);
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
    const size = PageSize ?? DEFAULT_ITERATE_PAGE_SIZE;
    return new PageIterator<DataSourceGroup, DataWorksResponse<'ListDataSources'>>({
      pageSize: size,
      startOffset: ((PageNumber ?? 1) - 1) * size,
      fetch: (offset, pageSize) =>
        this.listDataSources(
          {
            ...filters,
            PageNumber: Math.floor(offset / pageSize) + 1,
            PageSize: pageSize,
          } as DataWorksRequestInput<'ListDataSources'>,
          options,
        ),
      items: (r) => r.PagingInfo.DataSources ?? [],
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
    const what = `crawler run ${wanted ?? '(newest)'} of crawler ${crawlerId}`;
    const find = async (signal: AbortSignal): Promise<CrawlerRun | undefined> => {
      if (wanted === undefined) {
        return (await this.listCrawlerRuns(crawlerId, { PageSize: 1 }, { signal })).PagingInfo.CrawlerRuns[0];
      }
      for (let page = 1; ; page++) {
        const info = (await this.listCrawlerRuns(crawlerId, { PageSize: 100, PageNumber: page }, { signal }))
          .PagingInfo;
        const hit = info.CrawlerRuns.find((r) => r.TaskInstanceId === wanted);
        if (hit) return hit;
        if (info.CrawlerRuns.length < 100 || page * 100 >= info.TotalCount) return undefined;
      }
    };
    return pollUntil<CrawlerRun, CrawlerRun>({
      what,
      timeoutMs: options.timeoutMs ?? DEFAULT_WAITER_TIMEOUT_MS,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      maxIntervalMs: DEFAULT_MAX_POLL_INTERVAL_MS,
      signal: options.signal,
      poll: async (signal, elapsedMs) => {
        const run = await find(signal);
        options.onProgress?.(run, elapsedMs);
        if (!run) return { done: false };
        if (run.Status === 'SUCCESS') return { done: true, value: run };
        if (run.Status === 'ERROR' || run.Status === 'SHUTDOWN') {
          let errorMsg: string | undefined;
          try {
            const log = (await this.getTaskInstanceLog(run.TaskInstanceId, {}, { signal })).TaskInstanceLog;
            const line = log.split('\n').find((l) => / ERROR /.test(l)); // the first ERROR line is the cause
            errorMsg = line?.replace(/^\S+ \S+ ERROR /, '');
          } catch {
            errorMsg = undefined; // the log is a courtesy; the run's status is what matters
          }
          throw new RunFailedError<CrawlerRun>({
            instance: run,
            status: run.Status,
            errorMsg,
            what: `crawler run ${run.TaskInstanceId} of crawler ${crawlerId}`,
          });
        }
        return { done: false, last: run };
      },
    });
  }

  // ------------------------------------------------------------------------------------------------------- engine

  /** Validates, serialises, signs and sends one action; resolves to the typed body. */
  protected call<A extends DataWorksAction>(
    action: A,
    input: DataWorksRequestInput<A>,
    options?: RequestOptions,
  ): APIPromise<DataWorksResponse<A>> {
    return new APIPromise<DataWorksResponse<A>>(this.#execute(action, input, options));
  }

  async #execute<A extends DataWorksAction>(
    action: A,
    input: DataWorksRequestInput<A>,
    options: RequestOptions | undefined,
  ): Promise<WithResponse<DataWorksResponse<A>>> {
    const spec = DATAWORKS_ACTIONS[action];
    const checked = (spec.request as z.ZodType).safeParse(input);
    if (!checked.success) throw new ValidationError(issuesFrom(checked.error), { operation: action });
    const params = wireToParams(dataWorksWireFrom(action, checked.data as DataWorksRequest<A>));
    const opts = parseOptions(requestOptionsSchema, options, 'request options') ?? {};
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const maxRetries = opts.maxRetries ?? this.maxRetries;
    const method = spec.method;
    const path = `/?Action=${action}`; // what messages and logs show (never the parameters)
    const userSignal = opts.signal;
    if (this.#closed) throw new ConfigurationError('the client is closed', { field: 'client' });
    if (userSignal?.aborted) throw new AbortError(userSignal.reason, { method, path });

    const base = new URL(this.endpoint);
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}/`, base.origin);
    let body: string | undefined;
    if (spec.params === 'query') {
      const qs = queryString(params);
      if (qs) url.search = `?${qs}`;
    } else if (Object.keys(params).length > 0) {
      body = new URLSearchParams(params).toString();
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.#userAgent,
      'x-acs-action': action,
      'x-acs-version': DATAWORKS_API_VERSION,
    };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;

    const started = Date.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = userSignal ? AbortSignal.any([userSignal, deadline.signal]) : deadline.signal;
    const idempotent = isIdempotentDataWorksAction(action);
    try {
      for (let retry = 0; ; retry++) {
        try {
          return await this.#attempt<DataWorksResponse<A>>(action, {
            method,
            url,
            headers,
            body,
            signal,
            path,
            attempt: retry + 1,
          });
        } catch (error) {
          if (error instanceof TransportAborted || signal.aborted) throw error;
          if (retry >= maxRetries || !isRetryable(error, idempotent)) throw error;
          const wait = (isApiError(error) ? dataWorksRetryAfter(error) : undefined) ?? retryDelay(error, retry + 1);
          if (wait >= timeoutMs - (Date.now() - started)) throw error;
          this.#logger.info(
            `${method} ${path}: retrying in ${wait} ms (retry ${retry + 1}/${maxRetries}) after: ${(error as Error).message}`,
          );
          await sleep(wait, signal);
        }
      }
    } catch (error) {
      if (error instanceof TransportAborted || (signal.aborted && !isApiError(error))) {
        throw userSignal?.aborted
          ? new AbortError(userSignal.reason, { method, path })
          : new TimeoutError(timeoutMs, { method, path });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #authContext(signal: AbortSignal): AuthContext {
    const ctx: AuthContext = {
      send: (req: OutgoingRequest, o: { signal?: AbortSignal }): Promise<RawResponse> =>
        this.#transport.send(req, o.signal ?? signal),
      signal,
      now: () => Date.now(),
    };
    if (this.regionId) ctx.region = this.regionId;
    return ctx;
  }

  async #attempt<T>(
    action: DataWorksAction,
    a: {
      method: string;
      url: URL;
      headers: Record<string, string>;
      body: string | undefined;
      signal: AbortSignal;
      path: string;
      attempt: number;
    },
  ): Promise<WithResponse<T>> {
    const req: OutgoingRequest = { method: a.method, url: new URL(a.url), headers: { ...a.headers } };
    if (a.body !== undefined) req.body = a.body;
    const t0 = Date.now();
    let raw: RawResponse;
    try {
      await this.#auth.apply(req, this.#authContext(a.signal));
      raw = await this.#transport.send(req, a.signal);
    } catch (error) {
      if (error instanceof TransportAborted) throw error;
      const safe = isConnectionError(error) ? this.#safeConnectionError(error, req, a.path) : error;
      this.#logger.debug(
        `${a.method} ${a.path} → ${isMetacollectError(safe) ? safe.name : 'error'} in ${Date.now() - t0} ms (attempt ${a.attempt})`,
      );
      throw safe;
    }
    const requestId = raw.headers['x-acs-request-id'] || undefined;
    this.#logger.debug(
      `${a.method} ${a.path} → ${raw.status} in ${Date.now() - t0} ms (attempt ${a.attempt}${requestId ? `, request id ${requestId}` : ''})`,
    );
    if (raw.status < 200 || raw.status >= 300) {
      // createApiError reads `x-request-id` first: for DataWorks the request id is `x-acs-request-id`.
      const headers = { ...raw.headers };
      if (requestId !== undefined) delete headers['x-request-id'];
      throw createApiError({ method: a.method, path: a.path, status: raw.status, headers, body: raw.body });
    }
    let data: unknown;
    try {
      data = raw.body.trim() === '' ? undefined : JSON.parse(raw.body);
    } catch (error) {
      throw new ResponseValidationError(
        {
          method: a.method,
          path: a.path,
          status: raw.status,
          requestId,
          issues: [{ path: '', message: 'response body is not JSON' }],
        },
        { cause: error },
      );
    }
    const bodyRequestId =
      typeof data === 'object' && data !== null && typeof (data as { RequestId?: unknown }).RequestId === 'string'
        ? (data as { RequestId: string }).RequestId
        : undefined;
    const issues = checkResponse(DATAWORKS_ACTIONS[action].response as z.ZodType, data);
    if (issues.length > 0) {
      const err = new ResponseValidationError({
        method: a.method,
        path: a.path,
        status: raw.status,
        requestId: requestId ?? bodyRequestId,
        issues,
      });
      if (this.#strict) throw err;
      this.#logger.warn(err.message);
    }
    return { data: data as T, status: raw.status, headers: raw.headers, requestId: requestId ?? bodyRequestId };
  }

  /** The transport's ConnectionError names the full URL path + query; rebuild it with the safe path. */
  #safeConnectionError(error: ConnectionError, req: OutgoingRequest, path: string): ConnectionError {
    const full = req.url.pathname + req.url.search;
    const message = full.length > 1 ? error.message.split(full).join(path) : error.message;
    return new ConnectionError(
      message,
      { method: error.method ?? req.method, path, code: error.code, requestSent: error.requestSent },
      { cause: error.cause },
    );
  }

  /** What `util.inspect(client)` shows: configuration only, never credentials. */
  protected describe(): Record<string, unknown> {
    return {
      endpoint: this.endpoint,
      regionId: this.regionId,
      auth: this.#auth.kind,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
      strictResponses: this.#strict,
      logLevel: this.#logger.level,
    };
  }

  /** JSON view of the client's configuration (endpoint, region, auth kind, limits); never credentials. */
  toJSON(): Record<string, unknown> {
    return this.describe();
  }

  /** `util.inspect` view: the class name and the same configuration as {@link toJSON}. */
  [inspect.custom](_depth: number, options: object, inspectFn: typeof inspect = inspect): string {
    return `${this.constructor.name} ${inspectFn(this.describe(), options)}`;
  }
}
