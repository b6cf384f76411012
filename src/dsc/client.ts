/**
 * Huawei Cloud DSC (Data Security Center) client: metadata scan task templates and their task instances.
 * Host `https://sdg.{region}.myhuaweicloud.com`; primary (plural `task-templates`) paths only.
 */

import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/config.js';
import { findItem, offsetPages, type PageIterator } from '../core/pagination.js';
import type { CoreOptions, OperationSpec } from '../core/service.js';
import { loadOnce, validateInput } from '../core/validation.js';
import { RunFailedError, type RunWaitOptions, waitForRun } from '../core/waiter.js';
import { type HuaweiAuthOption, HuaweiServiceClient, huaweiService } from '../huawei/client.js';
import { DSC_REGIONS } from '../huawei/regions.js';
import { scanTaskLookup } from './reconcile.js';
import type {
  CreateTaskTemplateRequest,
  DeleteTaskTemplatesRequest,
  ListTaskInstancesQuery,
  ListTaskInstancesResponse,
  ListTaskTemplatesQuery,
  ListTaskTemplatesResponse,
  OperateResult,
  TaskDetail,
  TaskInstance,
  TemplateAction,
  UpdateTaskTemplateRequest,
} from './schemas.js';

/** The zod schemas (and zod itself), loaded by the first call rather than when the package is imported. */
const schemas = loadOnce(() => import('./schemas.js'));
type DscSchemas = typeof import('./schemas.js');

/** Options of {@link DscClient}: the common client options ({@link BaseClientOptions}) plus `env`. */
export interface DscClientOptions extends CoreOptions<HuaweiAuthOption> {}

/** A template id: the numeric `id` of a list item, or the decimal string `id` of an OperateResult. */
export type TemplateId = string | number;

/** Options of {@link DscClient.waitForScanInstance}. */
export interface WaitForScanInstanceOptions extends RunWaitOptions<TaskInstance> {
  /** The instance to wait for; default: the newest instance of the template. */
  instanceId?: string | number;
}

const DSC_SERVICE = huaweiService({
  name: 'DSC',
  hostTemplate: 'https://sdg.{region}.myhuaweicloud.com',
  contentType: 'application/json',
  regions: DSC_REGIONS,
});

const BASE = '/v1/{project_id}/metadata/task-templates';
const DEFAULT_PAGE_SIZE = 100;

/** Instance statuses that end a run successfully / unsuccessfully; anything else is still in progress. */
const SUCCESS_STATUSES = new Set(['SUCCESS', 'SUCCEEDED', 'FINISHED']);
const FAILURE_STATUSES = new Set(['FAILED', 'FAILURE', 'ERROR', 'STOPPED', 'CANCELED', 'CANCELLED', 'TIMEOUT']);

/**
 * Client of Huawei Cloud DSC metadata scan task templates (create, list, update, delete, enable/disable/start) and
 * of their task instances, with lazy pagination and a waiter for runs.
 *
 * Every method returns an {@link APIPromise}. Invalid arguments reject with {@link ValidationError} before any
 * I/O; service errors reject with an {@link ApiError} subclass, network failures with {@link ConnectionError}, and an
 * expired deadline with {@link TimeoutError}.
 *
 * @example
 * ```ts
 * import { DscClient } from 'metacollect';
 *
 * const dsc = new DscClient({
 *   region: 'cn-north-4',
 *   projectId: '0123456789abcdef0123456789abcdef',
 *   auth: { token: process.env['HW_TOKEN'] ?? '' },
 * });
 * const { id } = await dsc.createScanTask({
 *   task_name: 'orders-nightly',
 *   data_sources: [{ db_type: 'MySQL', ins_id: 'mysql-orders-01' }],
 *   schedule_type: 'DAY',
 *   start_now: true,
 * });
 * const instance = await dsc.waitForScanInstance(id, { timeoutMs: 10 * 60_000 });
 * console.log(instance.task_status); // SUCCESS
 * ```
 */
export class DscClient extends HuaweiServiceClient<HuaweiAuthOption> {
  /**
   * Creates the client; no request is made until the first call.
   * @throws {@link ConfigurationError} when an option is invalid (naming it) or no credentials are configured.
   */
  constructor(options: DscClientOptions) {
    super(DSC_SERVICE, options);
  }

  protected override async loadSchemas(): Promise<unknown> {
    return schemas();
  }

  #templatePath(s: DscSchemas, operation: string, templateId: TemplateId): string {
    validateInput(s.DscTemplateIdSchema, templateId, operation, 'templateId');
    return `${BASE}/${encodeURIComponent(String(templateId))}`;
  }

  /**
   * `CreateTaskTemplates` — POST …/metadata/task-templates. After an attempt of unknown outcome the template is looked
   * up (by name and data sources) before it is sent again, so a retry never creates it twice.
   */
  createScanTask(body: CreateTaskTemplateRequest, options?: RequestOptions): APIPromise<OperateResult> {
    return this.request<OperateResult>(async (): Promise<OperationSpec> => {
      const s = await schemas();
      validateInput(s.CreateTaskTemplateRequestSchema, body, 'createScanTask');
      return {
        operation: 'CreateTaskTemplates',
        method: 'POST',
        path: BASE,
        body,
        idempotent: false,
        responseSchema: s.OperateResultSchema,
        lookup: scanTaskLookup(body, (query, signal) => this.listScanTasks(query, { signal }).withResponse()),
      };
    }, options);
  }

  /** `ListTaskTemplates` — GET …/metadata/task-templates (`schedule_types` sent as repeated keys). */
  listScanTasks(query?: ListTaskTemplatesQuery, options?: RequestOptions): APIPromise<ListTaskTemplatesResponse> {
    return this.request<ListTaskTemplatesResponse>(async (): Promise<OperationSpec> => {
      const s = await schemas();
      validateInput(s.ListTaskTemplatesQuerySchema, query ?? {}, 'listScanTasks', 'query');
      return {
        operation: 'ListTaskTemplates',
        method: 'GET',
        path: BASE,
        query: { ...(query ?? {}) },
        idempotent: true,
        responseSchema: s.ListTaskTemplatesResponseSchema,
      };
    }, options);
  }

  /**
   * Lazily pages through `ListTaskTemplates` (`page_size` + `offset`): `for await (const t of it)` yields templates,
   * `it.pages()` yields pages. Stops on a short page or at `total_num`.
   */
  iterateScanTasks(
    query?: ListTaskTemplatesQuery,
    options?: RequestOptions,
  ): PageIterator<TaskDetail, ListTaskTemplatesResponse> {
    return scanPages(query, (q) => this.listScanTasks(q, options));
  }

  /** `UpdateTaskTemplates` — PUT …/task-templates/{template_id} (merge: absent fields are kept). */
  updateScanTask(
    templateId: TemplateId,
    body: UpdateTaskTemplateRequest,
    options?: RequestOptions,
  ): APIPromise<OperateResult> {
    return this.request<OperateResult>(async (): Promise<OperationSpec> => {
      const s = await schemas();
      const path = this.#templatePath(s, 'updateScanTask', templateId);
      validateInput(s.UpdateTaskTemplateRequestSchema, body, 'updateScanTask');
      return {
        operation: 'UpdateTaskTemplates',
        method: 'PUT',
        path,
        body,
        idempotent: true,
        responseSchema: s.OperateResultSchema,
      };
    }, options);
  }

  /** `DeleteTaskTemplates` — DELETE …/task-templates with the ids as an explicit JSON array body. */
  deleteScanTasks(templateIds: DeleteTaskTemplatesRequest, options?: RequestOptions): APIPromise<OperateResult> {
    return this.request<OperateResult>(async (): Promise<OperationSpec> => {
      const s = await schemas();
      validateInput(s.DeleteTaskTemplatesRequestSchema, templateIds, 'deleteScanTasks', 'templateIds');
      return {
        operation: 'DeleteTaskTemplates',
        method: 'DELETE',
        path: BASE,
        body: templateIds,
        idempotent: true,
        responseSchema: s.OperateResultSchema,
      };
    }, options);
  }

  /** `CreateOperate` — POST …/task-templates/{template_id}/operate with `{action}`. Not idempotent. */
  operateScanTask(templateId: TemplateId, action: TemplateAction, options?: RequestOptions): APIPromise<OperateResult> {
    return this.request<OperateResult>(async (): Promise<OperationSpec> => {
      const s = await schemas();
      const path = `${this.#templatePath(s, 'operateScanTask', templateId)}/operate`;
      const body = { action };
      validateInput(s.OperateTaskTemplateRequestSchema, body, 'operateScanTask');
      return {
        operation: 'CreateOperate',
        method: 'POST',
        path,
        body,
        idempotent: false,
        responseSchema: s.OperateResultSchema,
        // START after an attempt of unknown outcome: "already running" means that attempt started the run.
        ...(action === 'START'
          ? {
              alreadyDoneCodes: ['dsc.40000028'],
              alreadyDoneResult: () => ({ status: 'success', msg: '操作成功', id: String(templateId) }),
            }
          : {}),
      };
    }, options);
  }

  /** Arms the template's schedule (`ENABLE`). */
  enableScanTask(templateId: TemplateId, options?: RequestOptions): APIPromise<OperateResult> {
    return this.operateScanTask(templateId, 'ENABLE', options);
  }

  /** Disarms the template's schedule (`DISABLE`); a running instance continues. */
  disableScanTask(templateId: TemplateId, options?: RequestOptions): APIPromise<OperateResult> {
    return this.operateScanTask(templateId, 'DISABLE', options);
  }

  /** Starts an instance now (`START`); use `waitForScanInstance` to wait for it. */
  startScanTask(templateId: TemplateId, options?: RequestOptions): APIPromise<OperateResult> {
    return this.operateScanTask(templateId, 'START', options);
  }

  /** `ListTaskInstances` — GET …/task-templates/{template_id}/task-instances. */
  listScanInstances(
    templateId: TemplateId,
    query?: ListTaskInstancesQuery,
    options?: RequestOptions,
  ): APIPromise<ListTaskInstancesResponse> {
    return this.request<ListTaskInstancesResponse>(async (): Promise<OperationSpec> => {
      const s = await schemas();
      const path = `${this.#templatePath(s, 'listScanInstances', templateId)}/task-instances`;
      validateInput(s.ListTaskInstancesQuerySchema, query ?? {}, 'listScanInstances', 'query');
      return {
        operation: 'ListTaskInstances',
        method: 'GET',
        path,
        query: { ...(query ?? {}) },
        idempotent: true,
        responseSchema: s.ListTaskInstancesResponseSchema,
      };
    }, options);
  }

  /** Lazily pages through a template's instances (`page_size` + `offset`). */
  iterateScanInstances(
    templateId: TemplateId,
    query?: ListTaskInstancesQuery,
    options?: RequestOptions,
  ): PageIterator<TaskInstance, ListTaskInstancesResponse> {
    return scanPages(query, (q) => this.listScanInstances(templateId, q, options));
  }

  /**
   * Polls `listScanInstances(reverse=true)` until the instance (the newest one, or `instanceId`) ends.
   * Resolves with the SUCCESS instance; throws `RunFailedError` (with the instance and its `error_msg`) when it
   * ends otherwise, `WaiterTimeoutError` when `timeoutMs` passes, `AbortError` when `signal` aborts.
   */
  waitForScanInstance(templateId: TemplateId, options: WaitForScanInstanceOptions = {}): Promise<TaskInstance> {
    const wanted = options.instanceId === undefined ? undefined : String(options.instanceId);
    return waitForRun<TaskInstance>(
      {
        what: `scan instance ${wanted ?? '(newest)'} of template ${templateId}`,
        find: async (signal) => {
          if (wanted !== undefined) {
            const all = this.iterateScanInstances(templateId, { reverse: true }, { signal });
            return findItem(all, (instance) => String(instance.id) === wanted);
          }
          const page = await this.listScanInstances(templateId, { reverse: true, page_size: 1 }, { signal });
          return page.result?.[0];
        },
        state: (instance) => {
          const status = String(instance.task_status ?? '').toUpperCase();
          if (SUCCESS_STATUSES.has(status)) return 'succeeded';
          return FAILURE_STATUSES.has(status) ? 'failed' : 'running';
        },
        failure: (instance) =>
          new RunFailedError<TaskInstance>({
            instance,
            status: instance.task_status,
            errorMsg: instance.error_msg || undefined,
            what: `scan instance ${instance.id} of template ${templateId}`,
          }),
      },
      options,
    );
  }
}

/** Pages a DSC listing (`page_size` + `offset`; `limit` also sets the page size); stops at `total_num`. */
function scanPages<TItem, TResponse extends { result?: TItem[] | undefined; total_num?: number | undefined }>(
  query: { limit?: number | undefined; page_size?: number | undefined; offset?: number | undefined } | undefined,
  list: (query: { page_size: number; offset: number }) => Promise<TResponse>,
): PageIterator<TItem, TResponse> {
  const { limit, page_size, offset, ...filters } = query ?? {};
  return offsetPages<TItem, TResponse>({
    pageSize: page_size || limit || DEFAULT_PAGE_SIZE,
    offset,
    fetch: (off, size) => list({ ...filters, page_size: size, offset: off }),
    items: (r) => r.result,
    total: (r) => r.total_num,
  });
}
