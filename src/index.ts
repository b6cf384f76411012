/**
 * metacollect: typed clients for cloud metadata collection tasks.
 * This entry never imports the mock (`metacollect/mock`).
 *
 * @module metacollect
 */

export type { WithResponse } from './core/api-promise.js';
export { APIPromise, withUnknownFields } from './core/api-promise.js';
export type {
  Acs3Options,
  AlibabaAuthConfig,
  Env,
  HuaweiAkskOptions,
  HuaweiAuthConfig,
  IamPasswordOptions,
  TokenSource,
} from './core/auth/index.js';
export {
  Acs3Auth,
  acs3Auth,
  HuaweiAkskAuth,
  huaweiAkskAuth,
  IamPasswordAuth,
  iamPasswordAuth,
  isAuthProvider,
  resolveAlibabaAuth,
  resolveHuaweiAuth,
  StaticTokenAuth,
  staticTokenAuth,
} from './core/auth/index.js';
export type { AuthContext, AuthKind, AuthProvider, OutgoingRequest, RawResponse } from './core/auth/types.js';
export type { BaseClientOptions, RequestOptions } from './core/config.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './core/config.js';
export type { ApiErrorInit, ValidationIssue } from './core/errors.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  MetacollectError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './core/errors.js';
export {
  isAbortError,
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isConfigurationError,
  isConflictError,
  isConnectionError,
  isMetacollectError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isResponseValidationError,
  isRunFailedError,
  isServerError,
  isTimeoutError,
  isValidationError,
  isWaiterTimeoutError,
} from './core/guards.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { Page } from './core/pagination.js';
export { PageIterator } from './core/pagination.js';
export { type Candidate, type LookupReport, OutcomeUnknownError } from './core/reconcile.js';
export type { FetchLike } from './core/transport.js';
export { allowUnknownFields } from './core/unknown-fields.js';
export { VERSION } from './core/version.js';
export { RunFailedError, WaiterTimeoutError } from './core/waiter.js';
export type {
  CollectionTaskLogOptions,
  DataArtsCatalogClientOptions,
  WaitForCollectionInstanceOptions,
  WaitForCollectionTaskRunOptions,
} from './dataarts/client.js';
export { DataArtsCatalogClient, NOT_FOUND_CODES } from './dataarts/client.js';
export type {
  CollectionTask,
  CollectionTaskInput,
  CreateTaskResponse,
  JobLogRequest,
  JobLogResponse,
  ParameterConfigItem,
  ScheduleConfig,
  SearchTasksRequest,
  SearchTasksResponse,
  TaskAction,
  TaskConfig,
} from './dataarts/schemas.js';
// DataWorks shapes, prefixed where a Huawei type of the same name exists.
export type {
  DataWorksAction,
  DataWorksRequestInput,
  DataWorksResponse,
} from './dataworks/actions.js';
export type { DataWorksClientOptions, WaitForCrawlerRunOptions } from './dataworks/client.js';
export { DataWorksClient } from './dataworks/client.js';
export type {
  Connectivity,
  Crawler,
  CrawlerRun,
  CrawlerTypeCapability,
  DataSource as DataWorksDataSource,
  DataSourceGroup as DataWorksDataSourceGroup,
} from './dataworks/resources.js';
export type { DataWorksErrorBody } from './dataworks/responses.js';
export type {
  ConnectionProperties,
  ConnectionPropertiesMode,
  ConnectState,
  CrawlerOptions,
  CrawlerStatus,
  EnvType,
  RunStatus as CrawlerRunStatus,
  ScheduleConfig as CrawlerScheduleConfig,
  ScheduleType as CrawlerScheduleType,
  Scope as CrawlerScope,
  ScopeUnit,
} from './dataworks/schemas.js';
export type { DscClientOptions, TemplateId, WaitForScanInstanceOptions } from './dsc/client.js';
export { DscClient } from './dsc/client.js';
export type {
  CreateTaskTemplateRequest,
  DataSource,
  DeleteTaskTemplatesRequest,
  DscDbType,
  ListTaskInstancesQuery,
  ListTaskInstancesResponse,
  ListTaskTemplatesQuery,
  ListTaskTemplatesResponse,
  OperateResult,
  OperateTaskTemplateRequest,
  ScanConfig,
  ScheduleType,
  TaskDetail,
  TaskInstance,
  TaskStatus,
  TemplateAction,
  UpdateTaskTemplateRequest,
} from './dsc/schemas.js';
export type { HuaweiAuthOption } from './huawei/client.js';
