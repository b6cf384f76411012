/**
 * Huawei Cloud DataArts Studio — DataArts Catalog client: metadata collection tasks.
 * Host `https://dayu.{region}.myhuaweicloud.com`; every call carries the `workspace` header (signed with AK/SK).
 */

import type { APIPromise } from '../core/api-promise.js';
import { parseOptions, patternRule, type RequestOptions } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { offsetPages, type PageIterator } from '../core/pagination.js';
import type { CoreOptions, OperationSpec } from '../core/service.js';
import { checkIdArgument, loadOnce, validateInput } from '../core/validation.js';
import { type RunWaitOptions, waitForRun } from '../core/waiter.js';
import { type HuaweiAuthOption, HuaweiServiceClient, huaweiService } from '../huawei/client.js';
import { DATAARTS_REGIONS } from '../huawei/regions.js';
import { collectionTaskLookup } from './reconcile.js';
import { instanceWatch, taskRunWatch } from './runs.js';
import type {
  CollectionTask,
  CollectionTaskInput,
  CreateTaskResponse,
  JobLogResponse,
  SearchTasksRequest,
  SearchTasksResponse,
  TaskAction,
} from './schemas.js';

/** The zod schemas (and zod itself), loaded by the first call rather than when the package is imported. */
const schemas = loadOnce(() => import('./schemas.js'));

/** Options of {@link DataArtsCatalogClient}: the common client options ({@link BaseClientOptions}) plus `workspace`. */
export interface DataArtsCatalogClientOptions extends CoreOptions<HuaweiAuthOption> {
  /** DataArts Studio workspace id (the console's `workspace=`), sent as the `workspace` header on every call. */
  workspace: string;
}

export interface CollectionTaskLogOptions extends RequestOptions {
  /** The instance's bridge (collection) job id. */
  bridgeId: string;
  /** The classification job id, when classification ran. */
  classificationId?: string | null;
}

/** Options of {@link DataArtsCatalogClient.waitForCollectionTaskRun}. */
export interface WaitForCollectionTaskRunOptions extends RunWaitOptions<CollectionTask> {
  /**
   * The task's `start_time` read before the run was asked for (`null` when it had never run): the wait follows the
   * first run that starts after it. Omitted, it follows the latest run, whichever it is (waiting for a first one
   * when the task has never run).
   */
  afterStartTime?: string | null;
}

/** Options of {@link DataArtsCatalogClient.waitForCollectionInstance}. */
export interface WaitForCollectionInstanceOptions extends RunWaitOptions<JobLogResponse> {
  /** The instance's bridge (collection) job id. */
  bridgeId: string;
  /** The classification job id, when classification ran. */
  classificationId?: string | null;
}

/**
 * Error codes that mean "not found" although the service answers HTTP 400; compared case-insensitively, they reject
 * with a `NotFoundError` whose `status` stays 400.
 * - `DLG.2253` task not found; `DLG.2208` delete of an unknown task; `DLG.0818` workspace does not exist.
 * - `DLG.9005`: unknown `instance_id` for the task, or a `bridge_id` that is not that instance's. Both name a run
 *   that does not exist under that task, so it is treated as not found too.
 */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['DLG.2253', 'DLG.2208', 'DLG.0818', 'DLG.9005']);

/** DataArts Catalog as the core sees it (exported for the error-mapping tests). */
export const DATAARTS_SERVICE = huaweiService({
  name: 'DataArts Catalog',
  hostTemplate: 'https://dayu.{region}.myhuaweicloud.com',
  contentType: 'application/json;charset=UTF-8',
  notFoundCodes: NOT_FOUND_CODES,
  regions: DATAARTS_REGIONS,
});

const BASE = '/v3/{project_id}/metadata/tasks';
/** `DLG.2208` (delete of an unknown task) on a retry after an attempt of unknown outcome: the delete is done. */
const DELETE_ALREADY_DONE: readonly string[] = ['DLG.2208'];
/** Page size used by `iterateCollectionTasks` when the filters give no `limit` (the service default is 10). */
const DEFAULT_ITERATE_LIMIT = 100;

const WORKSPACE_RULE = patternRule(/^[0-9A-Za-z_-]{1,64}$/, 'expected a workspace id (32 hex characters)');

/**
 * Client of Huawei DataArts Catalog metadata collection tasks: create, search, read, replace and delete tasks, run or
 * stop them, and read run logs. The `workspace` header is added (and signed, with AK/SK) on every call.
 *
 * Every method returns an {@link APIPromise}; invalid arguments reject with {@link ValidationError} before any
 * I/O. An unknown task rejects with {@link NotFoundError} although the service answers HTTP 400
 * (`DLG.2253`); other service errors reject with the {@link ApiError} subclass of their status.
 *
 * @example
 * ```ts
 * import { DataArtsCatalogClient } from 'metacollect';
 *
 * const catalog = new DataArtsCatalogClient({
 *   region: 'cn-north-4',
 *   projectId: '0123456789abcdef0123456789abcdef',
 *   workspace: '00000000000000000000000000000001',
 *   auth: { ak: process.env['HW_AK'] ?? '', sk: process.env['HW_SK'] ?? '' },
 * });
 * for await (const task of catalog.iterateCollectionTasks({ data_source_type: 'DLI' })) {
 *   console.log(task.id, task.name, task.last_run_time);
 * }
 * ```
 */
export class DataArtsCatalogClient extends HuaweiServiceClient<HuaweiAuthOption> {
  /** The workspace id sent as the `workspace` header. */
  readonly workspace: string;

  /**
   * Creates the client; no request is made until the first call.
   * @throws {@link ConfigurationError} when an option is invalid (naming it), `workspace` is missing, or no
   * credentials are configured.
   */
  constructor(options: DataArtsCatalogClientOptions) {
    if (options?.workspace === undefined) {
      throw new ConfigurationError(
        'Invalid DataArts Catalog client options: workspace: expected the workspace id string (32 hex characters)',
        { field: 'workspace' },
      );
    }
    const { workspace } = parseOptions<{ workspace: string }>(
      { workspace: WORKSPACE_RULE },
      { workspace: options.workspace },
      'DataArts Catalog client options',
    );
    super(DATAARTS_SERVICE, options);
    this.workspace = workspace;
  }

  #taskPath(operation: string, taskId: string): string {
    checkIdArgument(taskId, 'task id', operation, 'taskId');
    return `${BASE}/${encodeURIComponent(taskId)}`;
  }

  #spec(spec: Omit<OperationSpec, 'headers'>): OperationSpec {
    return { ...spec, headers: { workspace: this.workspace } };
  }

  /** `CreateTask` — POST …/metadata/tasks/create → `{ task_id }`. Not retried after a possible processing. */
  createCollectionTask(body: CollectionTaskInput, options?: RequestOptions): APIPromise<CreateTaskResponse> {
    return this.request<CreateTaskResponse>(async () => {
      const s = await schemas();
      validateInput(s.CollectionTaskInputSchema, body, 'createCollectionTask');
      return this.#spec({
        operation: 'CreateTask',
        method: 'POST',
        path: `${BASE}/create`,
        body,
        idempotent: false,
        responseSchema: s.CreateTaskResponseSchema,
        lookup: collectionTaskLookup(body, this.workspace, (filters, signal) =>
          this.searchCollectionTasks(filters, { signal }).withResponse(),
        ),
      });
    }, options);
  }

  /** `ShowTaskList` — POST …/metadata/tasks/search (filters in the body; read-only, so retried like a GET). */
  searchCollectionTasks(filters?: SearchTasksRequest, options?: RequestOptions): APIPromise<SearchTasksResponse> {
    return this.request<SearchTasksResponse>(async () => {
      const s = await schemas();
      const body = filters ?? {};
      validateInput(s.SearchTasksRequestSchema, body, 'searchCollectionTasks', 'filters');
      return this.#spec({
        operation: 'ShowTaskList',
        method: 'POST',
        path: `${BASE}/search`,
        body,
        idempotent: true,
        responseSchema: s.SearchTasksResponseSchema,
      });
    }, options);
  }

  /**
   * Lazily pages through `ShowTaskList` (`limit` + `offset`): `for await (const t of it)` yields tasks,
   * `it.pages()` yields pages. Stops on a short page or once `count` tasks were seen.
   */
  iterateCollectionTasks(
    filters?: SearchTasksRequest,
    options?: RequestOptions,
  ): PageIterator<CollectionTask, SearchTasksResponse> {
    const { limit, offset, ...rest } = filters ?? {};
    return offsetPages<CollectionTask, SearchTasksResponse>({
      pageSize: limit ?? DEFAULT_ITERATE_LIMIT,
      offset,
      fetch: (off, size) => this.searchCollectionTasks({ ...rest, limit: size, offset: off }, options),
      items: (r) => r.resources,
      total: (r) => r.count,
    });
  }

  /** `ShowTaskInfo` — GET …/metadata/tasks/{task_id}. An unknown task is a NotFoundError (HTTP 400 `DLG.2253`). */
  getCollectionTask(taskId: string, options?: RequestOptions): APIPromise<CollectionTask> {
    return this.request<CollectionTask>(async () => {
      const path = this.#taskPath('getCollectionTask', taskId);
      const s = await schemas();
      return this.#spec({
        operation: 'ShowTaskInfo',
        method: 'GET',
        path,
        idempotent: true,
        responseSchema: s.CollectionTaskSchema,
      });
    }, options);
  }

  /** `UpdateTaskInfo` — PUT …/metadata/tasks/{task_id} with the full task (replacement). Resolves to undefined. */
  updateCollectionTask(taskId: string, body: CollectionTaskInput, options?: RequestOptions): APIPromise<void> {
    return this.request<void>(async () => {
      const s = await schemas();
      const path = this.#taskPath('updateCollectionTask', taskId);
      validateInput(s.CollectionTaskInputSchema, body, 'updateCollectionTask');
      return this.#spec({
        operation: 'UpdateTaskInfo',
        method: 'PUT',
        path,
        body,
        idempotent: true,
        emptyResponse: true,
      });
    }, options);
  }

  /**
   * `DeleteTaskInfo` — DELETE …/metadata/tasks/{task_id}. Resolves to undefined. Retried; a retry answered
   * `DLG.2208` (task not found) after an attempt that may have been processed (reset after sending, 5xx, 408)
   * resolves too, since the delete took effect; a `DLG.2208` on the first attempt is a {@link NotFoundError}.
   */
  deleteCollectionTask(taskId: string, options?: RequestOptions): APIPromise<void> {
    return this.request<void>(
      () =>
        this.#spec({
          operation: 'DeleteTaskInfo',
          method: 'DELETE',
          path: this.#taskPath('deleteCollectionTask', taskId),
          idempotent: true,
          alreadyDoneCodes: DELETE_ALREADY_DONE,
          emptyResponse: true,
        }),
      options,
    );
  }

  /** `ExecuteTaskAction` — POST …/metadata/tasks/{task_id}/action?action=run|runimmediate|stop. Not idempotent. */
  runCollectionTask(taskId: string, action: TaskAction, options?: RequestOptions): APIPromise<void> {
    return this.request<void>(async () => {
      const s = await schemas();
      const path = `${this.#taskPath('runCollectionTask', taskId)}/action`;
      validateInput(s.TaskActionSchema, action, 'runCollectionTask', 'action');
      return this.#spec({
        operation: 'ExecuteTaskAction',
        method: 'POST',
        path,
        query: { action },
        idempotent: false,
        emptyResponse: true,
        // A run after an attempt of unknown outcome: "already running" (DLG.9002) means that attempt started it.
        ...(action === 'stop' ? {} : { alreadyDoneCodes: ['DLG.9002'] }),
      });
    }, options);
  }

  /** Starts the schedule (`run`; a RUN_ONCE task runs now). */
  startCollectionSchedule(taskId: string, options?: RequestOptions): APIPromise<void> {
    return this.runCollectionTask(taskId, 'run', options);
  }

  /** Runs the task once now (`runimmediate`). */
  runCollectionTaskNow(taskId: string, options?: RequestOptions): APIPromise<void> {
    return this.runCollectionTask(taskId, 'runimmediate', options);
  }

  /** Stops the schedule and a running instance (`stop`). */
  stopCollectionTask(taskId: string, options?: RequestOptions): APIPromise<void> {
    return this.runCollectionTask(taskId, 'stop', options);
  }

  /** `ShowInstanceLog` — POST …/metadata/tasks/{task_id}/{instance_id}/log (read-only, retried like a GET). */
  getCollectionTaskLog(
    taskId: string,
    instanceId: string,
    options: CollectionTaskLogOptions,
  ): APIPromise<JobLogResponse> {
    const { bridgeId, classificationId, ...requestOptions } = options ?? ({} as CollectionTaskLogOptions);
    return this.request<JobLogResponse>(async () => {
      const s = await schemas();
      const taskPath = this.#taskPath('getCollectionTaskLog', taskId);
      checkIdArgument(instanceId, 'instance id', 'getCollectionTaskLog', 'instanceId');
      const body: { bridge_id: string; classification_id?: string | null } = { bridge_id: bridgeId };
      if (classificationId !== undefined) body.classification_id = classificationId;
      validateInput(s.JobLogRequestSchema, body, 'getCollectionTaskLog');
      return this.#spec({
        operation: 'ShowInstanceLog',
        method: 'POST',
        path: `${taskPath}/${encodeURIComponent(instanceId)}/log`,
        body,
        idempotent: true,
        responseSchema: s.JobLogResponseSchema,
      });
    }, requestOptions);
  }

  /**
   * Polls `getCollectionTask` until the task's latest run (the first one started after `afterStartTime`) has
   * ended, and resolves with the task (its `start_time` and `end_time` are the run's). The service reports no
   * outcome for a run read this way, so this resolves whether the run succeeded, failed or was stopped; to learn
   * the outcome, follow the run by its ids with {@link waitForCollectionInstance}. Rejects with
   * `WaiterTimeoutError` after `timeoutMs`, `AbortError` when `signal` aborts.
   *
   * @example
   * ```ts
   * const before = await catalog.getCollectionTask(taskId);
   * await catalog.runCollectionTaskNow(taskId);
   * const task = await catalog.waitForCollectionTaskRun(taskId, { afterStartTime: before.start_time ?? null });
   * ```
   */
  waitForCollectionTaskRun(taskId: string, options: WaitForCollectionTaskRunOptions = {}): Promise<CollectionTask> {
    const { afterStartTime, ...wait } = options;
    const watch = taskRunWatch(taskId, afterStartTime, (signal) => this.getCollectionTask(taskId, { signal }));
    return waitForRun(watch, wait);
  }

  /**
   * Polls `getCollectionTaskLog` until every job of the instance (bridge, and profile and classification when
   * enabled) ends. Resolves with the log when all succeeded; rejects with `RunFailedError` (the log as `instance`,
   * the first ERROR line of the failed job as `errorMsg`) when one ends `FAILED` or `STOPPED`,
   * `WaiterTimeoutError` after `timeoutMs`, `AbortError` when `signal` aborts.
   */
  waitForCollectionInstance(
    taskId: string,
    instanceId: string,
    options: WaitForCollectionInstanceOptions,
  ): Promise<JobLogResponse> {
    const { bridgeId, classificationId, ...wait } = options ?? ({} as WaitForCollectionInstanceOptions);
    const ids = { bridgeId, ...(classificationId !== undefined ? { classificationId } : {}) };
    const watch = instanceWatch(taskId, instanceId, (signal) =>
      this.getCollectionTaskLog(taskId, instanceId, { ...ids, signal }),
    );
    return waitForRun(watch, wait);
  }

  protected override async loadSchemas(): Promise<unknown> {
    return schemas();
  }

  protected override describe(): Record<string, unknown> {
    return { ...super.describe(), workspace: this.workspace };
  }
}
