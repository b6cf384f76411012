/**
 * Zod schemas of the objects DataWorks answers with (crawlers, runs, data sources, connectivity, crawler types), and
 * their types. Loose (`z.looseObject`): unknown fields are kept; each equals its generated type.
 */
import { z } from 'zod';
import { keptObject } from '../core/kept-object.js';
import {
  ConnectionPropertiesModeSchema,
  ConnectStateSchema,
  CrawlerStatusSchema,
  EnvTypeSchema,
  RunStatusSchema,
  ScheduleTypeSchema,
  ScopeUnitSchema,
} from './schemas.js';

const str = () => z.string();
const num = () => z.number();
const bool = () => z.boolean();

export const EntityTypeSchema = keptObject({
  /** Entity type, e.g. `database`, `table` or `column`. */
  Type: str(),
  /** Subtype, when the type has several. */
  SubType: str().optional(),
  /** Subtype of the parent entity. */
  ParentSubType: str().optional(),
  /** Whether collecting this entity can be switched off. */
  Optional: bool().optional(),
});

export const CrawlerTypeSchema = keptObject({
  /** Crawler type id, e.g. `mysql`. */
  Type: str(),
  /** Human-readable name of the type. */
  DisplayName: str().optional(),
  /** Entities the type collects. */
  SupportedEntityTypes: z.array(EntityTypeSchema).optional(),
});

export const CrawlerOptionKeySchema = keptObject({
  /** Option key. */
  Key: str(),
  /** Type of the value, e.g. `string` or `boolean`. */
  ValueType: str().optional(),
  /** Value used when the option is omitted. */
  DefaultValue: str().optional(),
  /** Permitted values, when restricted. */
  AllowedValues: z.array(str()).optional(),
  /** Whether the option must be given. */
  Required: bool().optional(),
});

export const CrawlerTypeCapabilitySchema = keptObject({
  /** Crawler type id, e.g. `mysql`. */
  Type: str(),
  /** Human-readable name of the type. */
  DisplayName: str().optional(),
  /** Data-source types this crawler type can read. */
  SupportedDatasourceTypes: z.array(str()).optional(),
  /** Allowed `Scope.Unit` values. */
  SupportedScopeUnits: z.array(ScopeUnitSchema).optional(),
  /** `Scope.Unit` used when a crawler is created without `Scope`. */
  DefaultScopeUnit: ScopeUnitSchema.optional(),
  /** Whether `ResourceGroupId` is required. */
  RequireResourceGroup: bool().optional(),
  /** Whether `NORMAL` schedules are allowed. */
  SupportSchedule: bool().optional(),
  /** Whether `Scope.ExcludeRegex` is allowed. */
  SupportExcludeRegex: bool().optional(),
  /** Whether `EnableAiComment` may be `true`. */
  SupportAiComment: bool().optional(),
  /** Entities the type collects. */
  SupportedEntityTypes: z.array(EntityTypeSchema).optional(),
  /** Keys allowed in `Options`. */
  SupportedOptionKeys: z.array(CrawlerOptionKeySchema).optional(),
});

/** `Scope` as returned by GetCrawler (no request-side checks; unknown keys kept). */
export const ScopeResponseSchema = keptObject({
  /** What the crawler reads. */
  Unit: ScopeUnitSchema,
  /** Database names read, with `Unit` `DATABASE`. */
  Items: z.array(str()).optional(),
  /** Regular expression of the table names skipped. */
  ExcludeRegex: str().optional(),
});

/** `ScheduleConfig` as returned in a crawler. */
export const ScheduleConfigResponseSchema = keptObject({
  /** `MANUAL` or `NORMAL`. */
  Type: ScheduleTypeSchema,
  /** Quartz cron expression of a `NORMAL` schedule. */
  CronExpress: str().optional(),
});

export const CrawlerSchema = keptObject({
  /** Crawler id. */
  Id: num(),
  /** Crawler name. */
  Name: str(),
  /** Id of the data source it reads. */
  DataSourceId: num(),
  /** Workspace id (the data source's workspace). */
  ProjectId: num(),
  /** Crawler type, e.g. `mysql`. */
  Type: str(),
  /** `VALID`, or `INVALID` once its configuration or data source is gone. */
  Status: CrawlerStatusSchema,
  /** Catalog entity id of what it collects. */
  MetaEntityId: str().optional(),
  /** Environment of the data source it reads. */
  EnvType: EnvTypeSchema.optional(),
  /** Serverless resource group, when set. */
  ResourceGroupId: str().optional(),
  /** When it runs by itself. */
  ScheduleConfig: ScheduleConfigResponseSchema.optional(),
  /** Status of the newest run; absent when it never ran. */
  LastRunStatus: RunStatusSchema.optional(),
  /** Task instance of the newest run; absent when it never ran. */
  LastRunTaskInstanceId: num().optional(),
  /** DataWorks user id of the owner. */
  Owner: str().optional(),
  /** Creation time, epoch milliseconds. */
  CreateTime: num(),
  /** Last change, epoch milliseconds. */
  ModifyTime: num(),
  /** Scheduling node behind the crawler. */
  TaskId: num().optional(),
  /** What it collects (`GetCrawler` only). */
  Scope: ScopeResponseSchema.optional(),
  /** Type-specific options (`GetCrawler` only). */
  Options: z.record(str(), str()).optional(),
  /** Whether AI comments are generated (`GetCrawler` only). */
  EnableAiComment: bool().optional(),
});

export const CrawlerRunSchema = keptObject({
  /** Status of the run. */
  Status: RunStatusSchema,
  /** When the run was triggered, epoch milliseconds. */
  StartedTime: num(),
  /** When it ended, epoch milliseconds; absent while it runs. */
  FinishedTime: num().optional(),
  /** Run time in seconds; absent while it runs. */
  Duration: num().optional(),
  /** Task instance id of the run; pass it to `getTaskInstanceLog`. */
  TaskInstanceId: num(),
  /** Tables collected; absent while it runs. */
  TotalTableCount: num().optional(),
});

/** Connection settings as returned ([mock] an object, passwords masked `******`). */
export const DataSourceConnectionPropertiesSchema = z.looseObject({
  /** Environment the settings belong to. */
  envType: EnvTypeSchema.optional(),
});

/** The fields a data-source record has both in `GetDataSource` and inside a `ListDataSources` group. */
const dataSourceRecordFields = {
  /** How the connection settings locate the database. */
  ConnectionPropertiesMode: ConnectionPropertiesModeSchema,
  /** Connection settings; secrets in them are masked. */
  ConnectionProperties: DataSourceConnectionPropertiesSchema,
  /** Free-text description. */
  Description: str().optional(),
  /** Unique name of the record. */
  QualifiedName: str().optional(),
  /** Creation time, epoch milliseconds. */
  CreateTime: num().optional(),
  /** Creator's user id. */
  CreateUser: str().optional(),
  /** Last change, epoch milliseconds. */
  ModifyTime: num().optional(),
  /** Last modifier's user id. */
  ModifyUser: str().optional(),
};

export const DataSourceSchema = keptObject({
  /** Data-source id. */
  Id: num(),
  /** Data-source name, shared by its `Dev` and `Prod` records. */
  Name: str(),
  /** Data-source type, e.g. `mysql`. */
  Type: str(),
  /** Workspace id. */
  ProjectId: num(),
  ...dataSourceRecordFields,
});

export const DataSourceGroupEntrySchema = keptObject({
  /** Data-source id of this environment's record. */
  Id: num(),
  ...dataSourceRecordFields,
});

export const DataSourceGroupSchema = keptObject({
  /** Data-source name. */
  Name: str(),
  /** Data-source type. */
  Type: str(),
  /** One record per environment. */
  DataSource: z.array(DataSourceGroupEntrySchema),
});

export const ConnectivityLogSchema = keptObject({
  /** Step code. */
  Code: str().optional(),
  /** Outcome of the step. */
  Message: str().optional(),
  /** Step start, epoch milliseconds. */
  StartTime: num().optional(),
  /** Step end, epoch milliseconds. */
  EndTime: num().optional(),
});

export const ConnectivitySchema = keptObject({
  /** Outcome of the test. */
  ConnectState: ConnectStateSchema,
  /** Explanation of the outcome. */
  ConnectMessage: str().optional(),
  /** Steps of the test. */
  DetailLogs: z.array(ConnectivityLogSchema).optional(),
});

/**
 * A DataWorks metadata crawler; `Scope`, `Options` and `EnableAiComment` are returned by `GetCrawler` only.
 * @useDeclaredType
 */
export type Crawler = z.output<typeof CrawlerSchema>;
/**
 * One run of a DataWorks crawler (a task instance).
 * @useDeclaredType
 */
export type CrawlerRun = z.output<typeof CrawlerRunSchema>;
/**
 * A DataWorks data source in one environment.
 * @useDeclaredType
 */
export type DataSource = z.output<typeof DataSourceSchema>;
/**
 * The DataWorks data sources sharing one name, one record per environment.
 * @useDeclaredType
 */
export type DataSourceGroup = z.output<typeof DataSourceGroupSchema>;
/**
 * Result of a DataWorks data-source connectivity test.
 * @useDeclaredType
 */
export type Connectivity = z.output<typeof ConnectivitySchema>;
/**
 * What a DataWorks crawler type supports (units, schedules, options); it varies by region.
 * @useDeclaredType
 */
export type CrawlerTypeCapability = z.output<typeof CrawlerTypeCapabilitySchema>;
