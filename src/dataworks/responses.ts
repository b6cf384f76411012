/**
 * Zod schemas of the answer of every DataWorks action (`<Action>ResponseSchema`) and of the error envelope. Loose
 * (`z.looseObject`): unknown fields are kept; each equals the generated `<Action>Response`.
 */
import { z } from 'zod';
import { keptObject } from '../core/kept-object.js';
import {
  ConnectivitySchema,
  CrawlerRunSchema,
  CrawlerSchema,
  CrawlerTypeCapabilitySchema,
  CrawlerTypeSchema,
  DataSourceGroupSchema,
  DataSourceSchema,
} from './resources.js';
import { RunStatusSchema } from './schemas.js';

const str = () => z.string();
const num = () => z.number();
const bool = () => z.boolean();

function pagingInfo<K extends string, T extends z.ZodType>(key: K, item: T) {
  return keptObject({
    /** Matches across all pages. */
    TotalCount: num(),
    /** Number of this page, from 1. */
    PageNumber: num(),
    /** Page size used. */
    PageSize: num(),
    ...({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> }),
  });
}

export const CrawlersPagingInfoSchema = pagingInfo('Crawlers', CrawlerSchema);
export const CrawlerRunsPagingInfoSchema = pagingInfo('CrawlerRuns', CrawlerRunSchema);
export const DataSourcesPagingInfoSchema = pagingInfo('DataSources', DataSourceGroupSchema);

export const AccessDeniedDetailSchema = keptObject({
  /** The RAM action that was denied. */
  AuthAction: str().optional(),
  /** The caller. */
  AuthPrincipalDisplayName: str().optional(),
  /** Account that owns the caller. */
  AuthPrincipalOwnerId: str().optional(),
  /** Kind of caller, e.g. `SubUser`. */
  AuthPrincipalType: str().optional(),
  /** Encoded diagnostic details. */
  EncodedDiagnosticMessage: str().optional(),
  /** Kind of missing permission, e.g. `ImplicitDeny`. */
  NoPermissionType: str().optional(),
  /** Kind of policy involved. */
  PolicyType: str().optional(),
});

/** Error envelope of every DataWorks 4xx/5xx answer. */
export const DataWorksErrorSchema = keptObject({
  /** Request id; quote it to Alibaba Cloud support. */
  RequestId: str(),
  /** Host that answered. */
  HostId: str().optional(),
  /** Error code, e.g. `Crawler.AlreadyExists`; the SDK puts it in `ApiError.errorCode`. */
  Code: str(),
  /** What went wrong; validation messages name the parameter and what was expected. */
  Message: str(),
  /** Troubleshooting link for the code and request id. */
  Recommend: str().optional(),
  /** Why a RAM policy denied the call (some 403 answers). */
  AccessDeniedDetail: AccessDeniedDetailSchema.optional(),
});

const base = {
  /** Request id; quote it to Alibaba Cloud support. */
  RequestId: str(),
};
const withSuccess = {
  /** Request id; quote it to Alibaba Cloud support. */
  RequestId: str(),
  /** Always `true` in a successful answer. */
  Success: bool(),
};

export const ListCrawlerTypesResponseSchema = keptObject({
  ...withSuccess,
  /** Crawler types available in the region. */
  CrawlerTypes: z.array(CrawlerTypeSchema),
});
export const GetCrawlerTypeCapabilitiesResponseSchema = keptObject({
  ...withSuccess,
  /** What each crawler type of the region supports. */
  CrawlerTypes: z.array(CrawlerTypeCapabilitySchema),
});
export const CreateCrawlerResponseSchema = keptObject({
  ...withSuccess,
  /** Id of the new crawler. */
  Id: num(),
});
export const ListCrawlersResponseSchema = keptObject({
  ...withSuccess,
  /** This page of crawlers (without `Scope`, `Options` and `EnableAiComment`) and the paging state. */
  PagingInfo: CrawlersPagingInfoSchema,
});
export const GetCrawlerResponseSchema = keptObject({
  ...withSuccess,
  /** The crawler, with every field. */
  Crawler: CrawlerSchema,
});
export const UpdateCrawlerResponseSchema = keptObject({
  ...withSuccess,
  /** Id of the updated crawler. */
  Id: num(),
});
export const RunCrawlerResponseSchema = keptObject({
  ...withSuccess,
  /** Id of the crawler. */
  Id: num(),
  /** Whether the run was accepted (it has not finished yet). */
  RunAccepted: bool(),
  /** Status of the new run (`WAITING`). */
  RunStatus: RunStatusSchema.optional(),
  /** Task instance of the new run; pass it to `waitForCrawlerRun` or `getTaskInstanceLog`. */
  TaskInstanceId: num(),
});
export const StopCrawlerResponseSchema = keptObject({
  ...withSuccess,
  /** Id of the crawler. */
  Id: num(),
  /** Whether the stop was accepted. */
  StopAccepted: bool(),
});
export const ListCrawlerRunsResponseSchema = keptObject({
  ...withSuccess,
  /** This page of runs and the paging state. */
  PagingInfo: CrawlerRunsPagingInfoSchema,
});
export const DeleteCrawlerResponseSchema = keptObject({
  ...withSuccess,
  /** Id of the deleted crawler. */
  Id: num(),
});
export const CreateDataSourceResponseSchema = keptObject({
  ...base,
  /** Id of the new data source. */
  Id: num(),
});
export const GetDataSourceResponseSchema = keptObject({
  ...base,
  /** The data source. */
  DataSource: DataSourceSchema,
});
export const ListDataSourcesResponseSchema = keptObject({
  ...base,
  /** This page of data sources (grouped by name) and the paging state. */
  PagingInfo: DataSourcesPagingInfoSchema,
});
export const DeleteDataSourceResponseSchema = keptObject({ ...withSuccess });
export const TestDataSourceConnectivityResponseSchema = keptObject({
  ...base,
  /** Outcome of the test. */
  Connectivity: ConnectivitySchema,
});
export const GetTaskInstanceLogResponseSchema = keptObject({
  ...base,
  /** Log text of the task instance. */
  TaskInstanceLog: str(),
});

/**
 * Error body of every DataWorks 4xx/5xx answer (`Code`, `Message`, `RequestId`, …).
 * @useDeclaredType
 */
export type DataWorksErrorBody = z.output<typeof DataWorksErrorSchema>;
