/**
 * Huawei Cloud DSC (Data Security Center) client: metadata scan task templates and their task instances.
 * Host `https://sdg.{region}.myhuaweicloud.com`; primary (plural `task-templates`) paths only.
 */
import type { APIPromise } from '../core/api-promise.js';
import type { HuaweiAuthConfig } from '../core/auth/index.js';
import { type CoreOptions, HuaweiServiceClient, type OperationSpec } from '../core/client.js';
import type { RequestOptions } from '../core/config.js';
import { RunFailedError } from '../core/errors.js';
import { PageIterator } from '../core/pagination.js';
import { loadOnce, validateInput } from '../core/validation.js';
import {
  DEFAULT_MAX_POLL_INTERVAL_MS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_WAITER_TIMEOUT_MS,
  pollUntil,
} from '../core/waiter.js';
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

/** The `auth` option: `{ token }`, `{ ak, sk, securityToken? }`, an AuthProvider, or absent (environment). */
export type HuaweiAuthOption = HuaweiAuthConfig;

/** Options of {@link DscClient}: the common client options ({@link BaseClientOptions}) plus `env`. */
export interface DscClientOptions extends CoreOptions<HuaweiAuthOption> {}

/** A template id: the numeric `id` of a list item, or the decimal string `id` of an OperateResult. */
export type TemplateId = string | number;

/** Options of {@link DscClient.waitForScanInstance}. */
export interface WaitForScanInstanceOptions {
  /** The instance to wait for; default: the newest instance of the template. */
  instanceId?: string | number;
  /** Give up after this long (default 15 minutes) with WaiterTimeoutError. */
  timeoutMs?: number;
  /** First wait between polls (default 2 000 ms); grows ×1.5 per poll up to 30 s, with jitter. */
  pollIntervalMs?: number;
  /** Stops waiting; the wait then rejects with {@link AbortError}. */
  signal?: AbortSignal;
  /** Called after each poll with the instance seen (undefined while none exists yet) and the time waited so far. */
  onProgress?: (instance: TaskInstance | undefined, elapsedMs: number) => void;
}

const DSC_SERVICE = {
  name: 'DSC',
  hostTemplate: 'https://sdg.{region}.myhuaweicloud.com',
  contentType: 'application/json',
};

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

  /** `CreateTaskTemplates` — POST …/metadata/task-templates. Not retried after a possible processing. */
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
    const { limit, page_size, offset, ...filters } = query ?? {};
    const pageSize = page_size || limit || DEFAULT_PAGE_SIZE;
    return new PageIterator<TaskDetail, ListTaskTemplatesResponse>({
      pageSize,
      startOffset: offset ?? 0,
      fetch: (off, size) => this.listScanTasks({ ...filters, page_size: size, offset: off }, options),
      items: (r) => r.result ?? [],
      total: (r) => r.total_num,
    });
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
    const { limit, page_size, offset, ...rest } = query ?? {};
    const pageSize = page_size || limit || DEFAULT_PAGE_SIZE;
    return new PageIterator<TaskInstance, ListTaskInstancesResponse>({
      pageSize,
      startOffset: offset ?? 0,
      fetch: (off, size) => this.listScanInstances(templateId, { ...rest, page_size: size, offset: off }, options),
      items: (r) => r.result ?? [],
      total: (r) => r.total_num,
    });
  }

  /**
   * Polls `listScanInstances(reverse=true)` until the instance (the newest one, or `instanceId`) ends.
   * Resolves with the SUCCESS instance; throws `RunFailedError` (with the instance and its `error_msg`) when it
   * ends otherwise, `WaiterTimeoutError` when `timeoutMs` passes, `AbortError` when `signal` aborts.
   */
  waitForScanInstance(templateId: TemplateId, options: WaitForScanInstanceOptions = {}): Promise<TaskInstance> {
    const wanted = options.instanceId === undefined ? undefined : String(options.instanceId);
    const find = async (signal: AbortSignal): Promise<TaskInstance | undefined> => {
      if (wanted === undefined) {
        const page = await this.listScanInstances(templateId, { reverse: true, page_size: 1 }, { signal });
        return page.result?.[0];
      }
      for await (const instance of this.iterateScanInstances(templateId, { reverse: true }, { signal })) {
        if (String(instance.id) === wanted) return instance;
      }
      return undefined;
    };
    return pollUntil<TaskInstance, TaskInstance>({
      what: `scan instance ${wanted ?? '(newest)'} of template ${templateId}`,
      timeoutMs: options.timeoutMs ?? DEFAULT_WAITER_TIMEOUT_MS,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      maxIntervalMs: DEFAULT_MAX_POLL_INTERVAL_MS,
      signal: options.signal,
      poll: async (signal, elapsedMs) => {
        const instance = await find(signal);
        options.onProgress?.(instance, elapsedMs);
        if (!instance) return { done: false };
        const status = String(instance.task_status ?? '').toUpperCase();
        if (SUCCESS_STATUSES.has(status)) return { done: true, value: instance };
        if (FAILURE_STATUSES.has(status)) {
          throw new RunFailedError<TaskInstance>({
            instance,
            status: instance.task_status,
            errorMsg: instance.error_msg || undefined,
            what: `scan instance ${instance.id} of template ${templateId}`,
          });
        }
        return { done: false, last: instance };
      },
    });
  }
}
