/**
 * Zod schemas for Alibaba Cloud DataWorks 2024-05-18 crawlers, data sources and task-instance logs
 * (openapi/dataworks.yaml, shared/api/dataworks.md).
 *
 * SDK input vs wire form
 * ----------------------
 * DataWorks is RPC: parameters travel as form fields or query parameters, all text. The spec's `<Action>Request`
 * schemas describe that wire form (nested objects as JSON strings, scalar arrays comma-joined). The SDK takes the
 * natural form instead, and `<Action>RequestSchema` here validates that SDK input:
 * - nested objects are objects: `Scope: {Unit, Items?, ExcludeRegex?}`, `ScheduleConfig: {Type, CronExpress?}`,
 *   `Options: {key: value}`, `ConnectionProperties: {envType, …}`, `Tags: [{Key, Value?}]`;
 * - scalar arrays are arrays: `DataSourceIds: number[]`, `Types: string[]`;
 * - integers are numbers, booleans are booleans.
 * `toDataWorksWire(action, input)` validates and returns the wire object (its type is `DataWorksWire<input>`,
 * which test/spec/dataworks-types.test-d.ts proves equal to the generated `<Action>Request` type), and
 * `toDataWorksParams(action, input)` returns the flat string map to put in the form body or query string.
 * `parseDataWorksParams(action, params)` is the inverse used by the mock: text fields → SDK input → validation,
 * with the DataWorks error code and message the mock answers with (`Missing<Param>` / `Invalid.Param`).
 *
 * Request schemas enforce every [mock] rule of dataworks.md a client can check before any I/O (no state needed),
 * with messages that say what was expected; the issue path names the field. They apply no defaults (the server
 * fills `PageSize`, `PageNumber`, …), so `z.input` and `z.output` of a request schema are the same type.
 * Messages never echo values inside `ConnectionProperties` (it holds passwords).
 * Response schemas are loose (`z.looseObject`, unknown fields kept) and equal the generated response types.
 */
import { z } from 'zod';
import { parseQuartzCron } from '../cron/quartz.js';
import type { components } from '../generated/dataworks.js';

type Schemas = components['schemas'];

export const DATAWORKS_API_VERSION = '2024-05-18';

// ------------------------------------------------------------------------------------------------ enums

export const DATAWORKS_ENV_TYPES = ['Dev', 'Prod'] as const;
export const DATAWORKS_RUN_STATUSES = ['WAITING', 'RUNNING', 'SUCCESS', 'ERROR', 'SHUTDOWN'] as const;
export const DATAWORKS_CRAWLER_STATUSES = ['VALID', 'INVALID'] as const;
export const DATAWORKS_SCHEDULE_TYPES = ['MANUAL', 'NORMAL'] as const;
export const DATAWORKS_SCOPE_UNITS = ['PROJECT', 'DATABASE', 'INSTANCE', 'CATALOG'] as const;
export const DATAWORKS_CONNECT_STATES = ['Connectable', 'ConfigError', 'Unreachable', 'Unsupport'] as const;
export const DATAWORKS_CONNECTION_MODES = ['UrlMode', 'InstanceMode'] as const;

/** Short rendering of a rejected value for messages. Never used on `ConnectionProperties` (secrets). */
function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 64 ? `${value.slice(0, 64)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) => `expected ${what}: one of ${values.join(', ')} (exact case), got ${show(iss.input)}`,
  });
}

export const EnvTypeSchema = oneOf(DATAWORKS_ENV_TYPES, 'an environment');
export const RunStatusSchema = oneOf(DATAWORKS_RUN_STATUSES, 'a run status');
export const CrawlerStatusSchema = oneOf(DATAWORKS_CRAWLER_STATUSES, 'a crawler status');
export const ScheduleTypeSchema = oneOf(DATAWORKS_SCHEDULE_TYPES, 'a schedule type');
export const ScopeUnitSchema = oneOf(DATAWORKS_SCOPE_UNITS, 'a scope unit');
export const ConnectStateSchema = oneOf(DATAWORKS_CONNECT_STATES, 'a connect state');
export const ConnectionPropertiesModeSchema = oneOf(DATAWORKS_CONNECTION_MODES, 'a connection properties mode');

/**
 * DataWorks data-source environment: `Dev` or `Prod`.
 * @useDeclaredType
 */
export type EnvType = Schemas['EnvType'];
/**
 * Status of a DataWorks crawler run: `WAITING`, `RUNNING`, `SUCCESS`, `ERROR` or `SHUTDOWN`.
 * @useDeclaredType
 */
export type RunStatus = Schemas['RunStatus'];
/**
 * `VALID` while a crawler's configuration is valid and its data source exists, else `INVALID`.
 * @useDeclaredType
 */
export type CrawlerStatus = Schemas['CrawlerStatus'];
/**
 * `MANUAL`: a crawler runs only when asked; `NORMAL`: it also runs on its cron schedule.
 * @useDeclaredType
 */
export type ScheduleType = Schemas['ScheduleType'];
/**
 * What a crawler reads: a `PROJECT`, `DATABASE`, `INSTANCE` or `CATALOG`.
 * @useDeclaredType
 */
export type ScopeUnit = Schemas['ScopeUnit'];
/**
 * Outcome of a DataWorks connectivity test.
 * @useDeclaredType
 */
export type ConnectState = Schemas['ConnectState'];
/**
 * How a data source's connection properties locate the database: `UrlMode` (an address) or `InstanceMode`.
 * @useDeclaredType
 */
export type ConnectionPropertiesMode = Schemas['ConnectionPropertiesMode'];

// ------------------------------------------------------------------------------------------------ scalars

/** Positive safe integer id (int64 on the wire, always < 2^53). */
function idSchema(what: string) {
  return z
    .int({ error: (iss) => `expected a positive integer ${what}, got ${show(iss.input)}` })
    .min(1, { error: `expected a positive integer ${what}` });
}

function intBetween(min: number, max: number | undefined, what: string) {
  const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
  const base = z
    .int({ error: (iss) => `expected ${what}: an integer ${range}, got ${show(iss.input)}` })
    .min(min, { error: `expected ${what}: an integer ${range}` });
  return max === undefined ? base : base.max(max, { error: `expected ${what}: an integer ${range}` });
}

function boolSchema() {
  return z.boolean({ error: (iss) => `expected a boolean (true or false), got ${show(iss.input)}` });
}

function text(what: string, max?: number) {
  const s = z.string({ error: (iss) => `expected ${what} (a string), got ${show(iss.input)}` });
  return max === undefined ? s : s.max(max, { error: `expected ${what} of at most ${max} characters` });
}

function nonEmptyText(what: string, max?: number) {
  const s = z
    .string({ error: (iss) => `expected ${what} (a non-empty string), got ${show(iss.input)}` })
    .min(1, { error: `expected ${what} (a non-empty string)` });
  return max === undefined ? s : s.max(max, { error: `expected ${what} of 1 to ${max} characters` });
}

const epochMs = intBetween(0, undefined, 'epoch milliseconds');

/** Documented PageSize maxima; [mock] a larger value is rejected, never capped. */
export const DATAWORKS_PAGE_SIZE_MAX = { ListCrawlers: 100, ListCrawlerRuns: 100, ListDataSources: 100 } as const;
const pageNumber = intBetween(1, undefined, 'a page number');
const pageSize = (max: number) => intBetween(1, max, 'a page size');

// ------------------------------------------------------------------------------------------------ cron

/**
 * Why `expr` is not a DataWorks `NORMAL` schedule, or `undefined` when it is one: the project's Quartz subset
 * (src/cron/quartz.ts), seconds field `0`, and [mock] "at most one run per hour" enforced as a minute field that
 * is one number 0–59.
 */
export function dataWorksCronProblem(expr: string): string | undefined {
  const parsed = parseQuartzCron(expr);
  if (!parsed.ok) return parsed.message;
  const [seconds, minutes] = expr.trim().split(/\s+/);
  if (!/^\d+$/.test(seconds ?? '') || Number(seconds) !== 0) {
    return `expected the seconds field to be 0, got '${seconds}'`;
  }
  if (!/^\d+$/.test(minutes ?? '')) {
    return `expected the minutes field to be one number 0-59 (at most one run per hour), got '${minutes}'`;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------ nested input objects

const scopeItem = nonEmptyText('a database name', 256);

/** SDK input of `Scope` (sent as a JSON string). Unit support per crawler type is checked by the server. */
export const ScopeSchema = z
  .object(
    {
      /** What the crawler reads; the units a type supports come from `GetCrawlerTypeCapabilities`. */
      Unit: ScopeUnitSchema,
      /** Database names to read; only with `Unit` `DATABASE`, no empty or repeated entries. */
      Items: z
        .array(scopeItem, { error: 'expected an array of database names' })
        .max(1000, { error: 'expected at most 1000 database names' })
        .optional(),
      /** Tables whose whole name matches this regular expression are skipped (at most 1024 characters). */
      ExcludeRegex: text('a regular expression', 1024).optional(),
    },
    { error: 'expected an object {Unit, Items?, ExcludeRegex?}' },
  )
  .superRefine((scope, ctx) => {
    if (scope.Items !== undefined) {
      if (scope.Unit !== 'DATABASE') {
        ctx.addIssue({
          code: 'custom',
          path: ['Items'],
          message: `expected no Items with Unit ${scope.Unit} (Items are only allowed with Unit DATABASE)`,
        });
      }
      const seen = new Set<string>();
      scope.Items.forEach((item, i) => {
        if (seen.has(item)) {
          ctx.addIssue({ code: 'custom', path: ['Items', i], message: `expected unique entries, '${item}' repeats` });
        }
        seen.add(item);
      });
    }
    if (scope.ExcludeRegex !== undefined) {
      try {
        new RegExp(scope.ExcludeRegex);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          path: ['ExcludeRegex'],
          message: `expected a valid regular expression (${err instanceof Error ? err.message : 'does not compile'})`,
        });
      }
    }
  });

/** SDK input of `ScheduleConfig` (sent as a JSON string). `Dev` data sources allow MANUAL only (server-checked). */
export const ScheduleConfigSchema = z
  .object(
    {
      /** `MANUAL` (runs only when asked) or `NORMAL` (also on `CronExpress`). */
      Type: ScheduleTypeSchema,
      /** Six-field Quartz cron expression, required with `NORMAL`, e.g. `0 0 2 ? * *` (daily at 02:00). */
      CronExpress: text('a cron expression').optional(),
    },
    { error: 'expected an object {Type, CronExpress?}' },
  )
  .superRefine((cfg, ctx) => {
    if (cfg.Type !== 'NORMAL') return; // CronExpress with MANUAL is ignored [doc]
    if (cfg.CronExpress === undefined || cfg.CronExpress.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['CronExpress'],
        message: "expected a cron expression with Type NORMAL, e.g. '0 0 2 ? * *'",
      });
      return;
    }
    const problem = dataWorksCronProblem(cfg.CronExpress);
    if (problem) ctx.addIssue({ code: 'custom', path: ['CronExpress'], message: problem });
  });

/** Crawler `Options`: key → string value (sent as a JSON string). Keys allowed per type are checked by the server. */
export const CrawlerOptionsSchema = z.record(
  nonEmptyText('an option key'),
  z.string({ error: (iss) => `expected a string option value, got ${show(iss.input)}` }),
  { error: 'expected an object of option key → string value' },
);

export const DataSourceTagSchema = z.object(
  {
    Key: nonEmptyText('a tag key'),
    Value: text('a tag value').optional(),
  },
  { error: 'expected a tag object {Key, Value?}' },
);

/** `envType` inside ConnectionProperties: its message never echoes the value (the object holds secrets). */
const connectionEnvType = z.enum(DATAWORKS_ENV_TYPES, { error: 'expected an environment: Dev or Prod (exact case)' });

/** Connection settings of any data-source type: a JSON object with `envType`; other keys are kept as given. */
export const ConnectionPropertiesSchema = z.looseObject(
  {
    /** Environment the settings belong to: `Dev` or `Prod`; other keys depend on the data-source type. */
    envType: connectionEnvType,
  },
  { error: 'expected a JSON object of connection settings' },
);

const secretText = (what: string) => z.string({ error: `expected ${what} (a string)` });
const requiredText = (what: string) =>
  z
    .string({ error: `expected ${what} (a non-empty string)` })
    .min(1, { error: `expected ${what} (a non-empty string)` });

export const MySqlAddressSchema = z.object({
  host: requiredText('a host name'),
  port: z
    .int({ error: 'expected a port number from 1 to 65535' })
    .min(1, { error: 'expected a port number from 1 to 65535' })
    .max(65535, { error: 'expected a port number from 1 to 65535' }),
});

/** [mock] MySQL `UrlMode`: exactly one `address`, plus `database`, `username`, `password`. */
export const MySqlUrlModeConnectionPropertiesSchema = z.looseObject({
  envType: connectionEnvType,
  address: z
    .array(MySqlAddressSchema, { error: 'expected an array with exactly one {host, port} address' })
    .length(1, { error: 'expected exactly one {host, port} address' }),
  database: requiredText('a database name'),
  username: requiredText('a user name'),
  password: secretText('a password'),
  properties: z.record(z.string(), z.unknown(), { error: 'expected an object of JDBC properties' }).optional(),
});

/** MySQL `InstanceMode` (ApsaraDB RDS); [mock] requires regionId, instanceId, database, username, password, envType. */
export const MySqlInstanceModeConnectionPropertiesSchema = z.looseObject({
  envType: connectionEnvType,
  regionId: requiredText('a region id'),
  instanceId: requiredText('an RDS instance id'),
  database: requiredText('a database name'),
  username: requiredText('a user name'),
  password: secretText('a password'),
  securityProtocol: z
    .enum(['authTypeNone', 'authTypeSsl'], { error: 'expected one of authTypeNone, authTypeSsl' })
    .optional(),
  truststoreFile: z.string({ error: 'expected a string' }).optional(),
  truststorePassword: secretText('a truststore password').optional(),
  keystoreFile: z.string({ error: 'expected a string' }).optional(),
  keystorePassword: secretText('a keystore password').optional(),
  driverVersion: z
    .enum(['', '8.2.0', '5.1.49', '5.1.46'], { error: "expected one of '', 8.2.0, 5.1.49, 5.1.46" })
    .optional(),
  authType: z.string({ error: 'expected a string' }).optional(),
  authIdentity: z.string({ error: 'expected a string' }).optional(),
  readOnlyDBInstance: z.string({ error: 'expected a string' }).optional(),
  crossAccountOwnerId: z.string({ error: 'expected a string' }).optional(),
  crossAccountRoleName: z.string({ error: 'expected a string' }).optional(),
});

/**
 * What a crawler collects: a unit, optional items and an optional exclusion regex.
 * @useDeclaredType
 */
export type Scope = z.output<typeof ScopeSchema>;
/**
 * When a crawler runs by itself: `MANUAL`, or `NORMAL` with a six-field Quartz cron expression.
 * @useDeclaredType
 */
export type ScheduleConfig = z.output<typeof ScheduleConfigSchema>;
/**
 * Type-specific crawler options, key → string value (keys from the type's `SupportedOptionKeys`).
 * @useDeclaredType
 */
export type CrawlerOptions = z.output<typeof CrawlerOptionsSchema>;
/**
 * One tag of a DataWorks data source.
 * @useDeclaredType
 */
export type DataSourceTag = z.output<typeof DataSourceTagSchema>;
/**
 * Connection settings of a DataWorks data source, by mode; secrets in them are never echoed in messages.
 * @useDeclaredType
 */
export type ConnectionProperties = z.output<typeof ConnectionPropertiesSchema>;
/** Connection settings of a MySQL data source located by address. */
export type MySqlUrlModeConnectionProperties = z.output<typeof MySqlUrlModeConnectionPropertiesSchema>;
/** Connection settings of a MySQL data source located by cloud instance id. */
export type MySqlInstanceModeConnectionProperties = z.output<typeof MySqlInstanceModeConnectionPropertiesSchema>;

// ------------------------------------------------------------------------------------------------ requests (SDK input)

const crawlerId = idSchema('crawler id');
const dataSourceId = idSchema('data source id');
const projectId = idSchema('workspace (project) id');

/** Crawler name: 1–128 characters, not blank [doc]. */
const crawlerName = z
  .string({ error: (iss) => `expected a crawler name (a string), got ${show(iss.input)}` })
  .max(128, { error: 'expected a crawler name of 1 to 128 characters' })
  .regex(/\S/, { error: 'expected a crawler name of 1 to 128 characters, not blank' });

/** Data-source name: letters, digits, `_`, not starting with a digit or `_`, ≤ 255 [doc]. */
const dataSourceName = z
  .string({ error: (iss) => `expected a data source name (a string), got ${show(iss.input)}` })
  .max(255, { error: 'expected a data source name of 1 to 255 characters' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    error: (iss) =>
      `expected letters, digits and _ only, starting with a letter, got ${show(iss.input as unknown as string)}`,
  });

const typeName = (what: string) => nonEmptyText(what);
const commaFreeType = nonEmptyText('a data source type').regex(/^[^,]+$/, {
  error: 'expected a data source type without commas',
});
const resourceGroupId = nonEmptyText('a resource group id');

/** Keys UpdateCrawler cannot change [doc]; [mock] sending them → 400 Invalid.Param. */
const unchangeable = (field: string) =>
  z.never({ error: `expected no ${field}: UpdateCrawler cannot change ${field}` }).optional();

export const ListCrawlerTypesRequestSchema = z.object({});
export const GetCrawlerTypeCapabilitiesRequestSchema = z.object({});

export const CreateCrawlerRequestSchema = z.object({
  Name: crawlerName,
  DataSourceId: dataSourceId,
  Type: typeName('a crawler type'),
  ResourceGroupId: resourceGroupId.optional(),
  Scope: ScopeSchema.optional(),
  ScheduleConfig: ScheduleConfigSchema.optional(),
  EnableAiComment: boolSchema().optional(),
  Options: CrawlerOptionsSchema.optional(),
});

export const ListCrawlersRequestSchema = z.object({
  ProjectId: projectId.optional(),
  DataSourceIds: z
    .array(dataSourceId, { error: 'expected an array of data source ids' })
    .min(1, { error: 'expected 1 to 10 data source ids' })
    .max(10, { error: 'expected 1 to 10 data source ids' })
    .optional(),
  Type: typeName('a crawler type').optional(),
  EnvType: EnvTypeSchema.optional(),
  Owner: text('an owner user id').optional(),
  Name: text('a name filter').optional(),
  PageNumber: pageNumber.optional(),
  PageSize: pageSize(DATAWORKS_PAGE_SIZE_MAX.ListCrawlers).optional(),
});

const byCrawlerId = () => z.object({ Id: crawlerId });
export const GetCrawlerRequestSchema = byCrawlerId();
export const RunCrawlerRequestSchema = byCrawlerId();
export const StopCrawlerRequestSchema = byCrawlerId();
export const DeleteCrawlerRequestSchema = byCrawlerId();

export const UpdateCrawlerRequestSchema = z
  .object({
    Id: crawlerId,
    ResourceGroupId: resourceGroupId.optional(),
    Scope: ScopeSchema.optional(),
    ScheduleConfig: ScheduleConfigSchema.optional(),
    EnableAiComment: boolSchema().optional(),
    Options: CrawlerOptionsSchema.optional(),
    Name: unchangeable('Name'),
    DataSourceId: unchangeable('DataSourceId'),
    Type: unchangeable('Type'),
  })
  .superRefine((req, ctx) => {
    const updatable = ['ResourceGroupId', 'Scope', 'ScheduleConfig', 'EnableAiComment', 'Options'] as const;
    if (updatable.every((k) => req[k] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `expected at least one field to update (${updatable.join(', ')})`,
      });
    }
  });

export const ListCrawlerRunsRequestSchema = z
  .object({
    Id: crawlerId,
    StartTimeFrom: epochMs.optional(),
    StartTimeTo: epochMs.optional(),
    Status: RunStatusSchema.optional(),
    PageNumber: pageNumber.optional(),
    PageSize: pageSize(DATAWORKS_PAGE_SIZE_MAX.ListCrawlerRuns).optional(),
  })
  .superRefine((req, ctx) => {
    if (req.StartTimeFrom !== undefined && req.StartTimeTo !== undefined && req.StartTimeFrom > req.StartTimeTo) {
      ctx.addIssue({
        code: 'custom',
        path: ['StartTimeFrom'],
        message: `expected StartTimeFrom <= StartTimeTo (${req.StartTimeFrom} > ${req.StartTimeTo})`,
      });
    }
  });

export const CreateDataSourceRequestSchema = z
  .object({
    ProjectId: projectId,
    Name: dataSourceName,
    Type: typeName('a data source type'),
    ConnectionPropertiesMode: ConnectionPropertiesModeSchema,
    ConnectionProperties: ConnectionPropertiesSchema,
    Description: text('a description', 3000).optional(),
  })
  .superRefine((req, ctx) => {
    if (req.Type.toLowerCase() !== 'mysql') return; // [mock] other types: any object with envType
    const schema =
      req.ConnectionPropertiesMode === 'UrlMode'
        ? MySqlUrlModeConnectionPropertiesSchema
        : MySqlInstanceModeConnectionPropertiesSchema;
    const result = schema.safeParse(req.ConnectionProperties);
    if (result.success) return;
    for (const issue of result.error.issues) {
      if (issue.path[0] === 'envType') continue; // already reported by ConnectionPropertiesSchema
      ctx.addIssue({
        code: 'custom',
        path: ['ConnectionProperties', ...issue.path],
        message: `${issue.message} (mysql ${req.ConnectionPropertiesMode})`,
      });
    }
  });

export const GetDataSourceRequestSchema = z.object({ Id: dataSourceId });
export const DeleteDataSourceRequestSchema = z.object({ Id: dataSourceId });

export const ListDataSourcesRequestSchema = z.object({
  ProjectId: projectId,
  Name: text('a name filter').optional(),
  Types: z
    .array(commaFreeType, { error: 'expected an array of data source types' })
    .min(1, { error: 'expected at least one data source type' })
    .optional(),
  EnvType: EnvTypeSchema.optional(),
  Tags: z.array(DataSourceTagSchema, { error: 'expected an array of {Key, Value} tags' }).optional(),
  SortBy: oneOf(['CreateTime', 'Id', 'Name'], 'a sort key').optional(),
  Order: oneOf(['Asc', 'Desc'], 'a sort order').optional(),
  PageNumber: pageNumber.optional(),
  PageSize: pageSize(DATAWORKS_PAGE_SIZE_MAX.ListDataSources).optional(),
});

export const TestDataSourceConnectivityRequestSchema = z.object({
  ProjectId: projectId,
  DataSourceId: dataSourceId,
  ResourceGroupId: resourceGroupId,
});

export const GetTaskInstanceLogRequestSchema = z.object({
  Id: idSchema('task instance id'),
  RunNumber: intBetween(1, undefined, 'a run number').optional(),
});

// ------------------------------------------------------------------------------------------------ response objects

const str = () => z.string();
const num = () => z.number();
const bool = () => z.boolean();

export const EntityTypeSchema = z.looseObject({
  /** Entity type, e.g. `database`, `table` or `column`. */
  Type: str(),
  /** Subtype, when the type has several. */
  SubType: str().optional(),
  /** Subtype of the parent entity. */
  ParentSubType: str().optional(),
  /** Whether collecting this entity can be switched off. */
  Optional: bool().optional(),
});

export const CrawlerTypeSchema = z.looseObject({
  /** Crawler type id, e.g. `mysql`. */
  Type: str(),
  /** Human-readable name of the type. */
  DisplayName: str().optional(),
  /** Entities the type collects. */
  SupportedEntityTypes: z.array(EntityTypeSchema).optional(),
});

export const CrawlerOptionKeySchema = z.looseObject({
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

export const CrawlerTypeCapabilitySchema = z.looseObject({
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
export const ScopeResponseSchema = z.looseObject({
  /** What the crawler reads. */
  Unit: ScopeUnitSchema,
  /** Database names read, with `Unit` `DATABASE`. */
  Items: z.array(str()).optional(),
  /** Regular expression of the table names skipped. */
  ExcludeRegex: str().optional(),
});

/** `ScheduleConfig` as returned in a crawler. */
export const ScheduleConfigResponseSchema = z.looseObject({
  /** `MANUAL` or `NORMAL`. */
  Type: ScheduleTypeSchema,
  /** Quartz cron expression of a `NORMAL` schedule. */
  CronExpress: str().optional(),
});

export const CrawlerSchema = z.looseObject({
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

export const CrawlerRunSchema = z.looseObject({
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

export const DataSourceSchema = z.looseObject({
  /** Data-source id. */
  Id: num(),
  /** Data-source name, shared by its `Dev` and `Prod` records. */
  Name: str(),
  /** Data-source type, e.g. `mysql`. */
  Type: str(),
  /** Workspace id. */
  ProjectId: num(),
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
});

export const DataSourceGroupEntrySchema = z.looseObject({
  /** Data-source id of this environment's record. */
  Id: num(),
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
});

export const DataSourceGroupSchema = z.looseObject({
  /** Data-source name. */
  Name: str(),
  /** Data-source type. */
  Type: str(),
  /** One record per environment. */
  DataSource: z.array(DataSourceGroupEntrySchema),
});

export const ConnectivityLogSchema = z.looseObject({
  /** Step code. */
  Code: str().optional(),
  /** Outcome of the step. */
  Message: str().optional(),
  /** Step start, epoch milliseconds. */
  StartTime: num().optional(),
  /** Step end, epoch milliseconds. */
  EndTime: num().optional(),
});

export const ConnectivitySchema = z.looseObject({
  /** Outcome of the test. */
  ConnectState: ConnectStateSchema,
  /** Explanation of the outcome. */
  ConnectMessage: str().optional(),
  /** Steps of the test. */
  DetailLogs: z.array(ConnectivityLogSchema).optional(),
});

function pagingInfo<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.looseObject({
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

export const AccessDeniedDetailSchema = z.looseObject({
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
export const DataWorksErrorSchema = z.looseObject({
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

// ------------------------------------------------------------------------------------------------ responses

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

export const ListCrawlerTypesResponseSchema = z.looseObject({
  ...withSuccess,
  /** Crawler types available in the region. */
  CrawlerTypes: z.array(CrawlerTypeSchema),
});
export const GetCrawlerTypeCapabilitiesResponseSchema = z.looseObject({
  ...withSuccess,
  /** What each crawler type of the region supports. */
  CrawlerTypes: z.array(CrawlerTypeCapabilitySchema),
});
export const CreateCrawlerResponseSchema = z.looseObject({
  ...withSuccess,
  /** Id of the new crawler. */
  Id: num(),
});
export const ListCrawlersResponseSchema = z.looseObject({
  ...withSuccess,
  /** This page of crawlers (without `Scope`, `Options` and `EnableAiComment`) and the paging state. */
  PagingInfo: CrawlersPagingInfoSchema,
});
export const GetCrawlerResponseSchema = z.looseObject({
  ...withSuccess,
  /** The crawler, with every field. */
  Crawler: CrawlerSchema,
});
export const UpdateCrawlerResponseSchema = z.looseObject({
  ...withSuccess,
  /** Id of the updated crawler. */
  Id: num(),
});
export const RunCrawlerResponseSchema = z.looseObject({
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
export const StopCrawlerResponseSchema = z.looseObject({
  ...withSuccess,
  /** Id of the crawler. */
  Id: num(),
  /** Whether the stop was accepted. */
  StopAccepted: bool(),
});
export const ListCrawlerRunsResponseSchema = z.looseObject({
  ...withSuccess,
  /** This page of runs and the paging state. */
  PagingInfo: CrawlerRunsPagingInfoSchema,
});
export const DeleteCrawlerResponseSchema = z.looseObject({
  ...withSuccess,
  /** Id of the deleted crawler. */
  Id: num(),
});
export const CreateDataSourceResponseSchema = z.looseObject({
  ...base,
  /** Id of the new data source. */
  Id: num(),
});
export const GetDataSourceResponseSchema = z.looseObject({
  ...base,
  /** The data source. */
  DataSource: DataSourceSchema,
});
export const ListDataSourcesResponseSchema = z.looseObject({
  ...base,
  /** This page of data sources (grouped by name) and the paging state. */
  PagingInfo: DataSourcesPagingInfoSchema,
});
export const DeleteDataSourceResponseSchema = z.looseObject({ ...withSuccess });
export const TestDataSourceConnectivityResponseSchema = z.looseObject({
  ...base,
  /** Outcome of the test. */
  Connectivity: ConnectivitySchema,
});
export const GetTaskInstanceLogResponseSchema = z.looseObject({
  ...base,
  /** Log text of the task instance. */
  TaskInstanceLog: str(),
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
/**
 * Error body of every DataWorks 4xx/5xx answer (`Code`, `Message`, `RequestId`, …).
 * @useDeclaredType
 */
export type DataWorksErrorBody = z.output<typeof DataWorksErrorSchema>;

// ------------------------------------------------------------------------------------------------ action table

/** How a request field travels as text. `forbidden` = known but refused (UpdateCrawler Name/DataSourceId/Type). */
export type DataWorksFieldKind = 'string' | 'int' | 'bool' | 'json' | 'csv-int' | 'csv-string' | 'forbidden';

const ID: Record<string, DataWorksFieldKind> = { Id: 'int' };
const CRAWLER_SETTINGS: Record<string, DataWorksFieldKind> = {
  ResourceGroupId: 'string',
  Scope: 'json',
  ScheduleConfig: 'json',
  EnableAiComment: 'bool',
  Options: 'json',
};

/**
 * Every action: HTTP method, where the parameters travel, the request and response schemas and the wire kind of
 * each request field. Mirrors the spec's `x-actions` (test/spec/dataworks-schemas.test.ts checks that).
 */
export const DATAWORKS_ACTIONS = {
  ListCrawlerTypes: {
    method: 'GET',
    params: 'query',
    request: ListCrawlerTypesRequestSchema,
    response: ListCrawlerTypesResponseSchema,
    fields: {},
  },
  GetCrawlerTypeCapabilities: {
    method: 'POST',
    params: 'body',
    request: GetCrawlerTypeCapabilitiesRequestSchema,
    response: GetCrawlerTypeCapabilitiesResponseSchema,
    fields: {},
  },
  CreateCrawler: {
    method: 'POST',
    params: 'body',
    request: CreateCrawlerRequestSchema,
    response: CreateCrawlerResponseSchema,
    fields: { Name: 'string', DataSourceId: 'int', Type: 'string', ...CRAWLER_SETTINGS },
  },
  ListCrawlers: {
    method: 'POST',
    params: 'body',
    request: ListCrawlersRequestSchema,
    response: ListCrawlersResponseSchema,
    fields: {
      ProjectId: 'int',
      DataSourceIds: 'csv-int',
      Type: 'string',
      EnvType: 'string',
      Owner: 'string',
      Name: 'string',
      PageNumber: 'int',
      PageSize: 'int',
    },
  },
  GetCrawler: {
    method: 'POST',
    params: 'body',
    request: GetCrawlerRequestSchema,
    response: GetCrawlerResponseSchema,
    fields: ID,
  },
  UpdateCrawler: {
    method: 'POST',
    params: 'body',
    request: UpdateCrawlerRequestSchema,
    response: UpdateCrawlerResponseSchema,
    fields: { ...ID, ...CRAWLER_SETTINGS, Name: 'forbidden', DataSourceId: 'forbidden', Type: 'forbidden' },
  },
  RunCrawler: {
    method: 'POST',
    params: 'body',
    request: RunCrawlerRequestSchema,
    response: RunCrawlerResponseSchema,
    fields: ID,
  },
  StopCrawler: {
    method: 'POST',
    params: 'body',
    request: StopCrawlerRequestSchema,
    response: StopCrawlerResponseSchema,
    fields: ID,
  },
  ListCrawlerRuns: {
    method: 'POST',
    params: 'body',
    request: ListCrawlerRunsRequestSchema,
    response: ListCrawlerRunsResponseSchema,
    fields: {
      Id: 'int',
      StartTimeFrom: 'int',
      StartTimeTo: 'int',
      Status: 'string',
      PageNumber: 'int',
      PageSize: 'int',
    },
  },
  DeleteCrawler: {
    method: 'POST',
    params: 'body',
    request: DeleteCrawlerRequestSchema,
    response: DeleteCrawlerResponseSchema,
    fields: ID,
  },
  CreateDataSource: {
    method: 'POST',
    params: 'query',
    request: CreateDataSourceRequestSchema,
    response: CreateDataSourceResponseSchema,
    fields: {
      ProjectId: 'int',
      Name: 'string',
      Type: 'string',
      ConnectionPropertiesMode: 'string',
      ConnectionProperties: 'json',
      Description: 'string',
    },
  },
  GetDataSource: {
    method: 'GET',
    params: 'query',
    request: GetDataSourceRequestSchema,
    response: GetDataSourceResponseSchema,
    fields: ID,
  },
  ListDataSources: {
    method: 'GET',
    params: 'query',
    request: ListDataSourcesRequestSchema,
    response: ListDataSourcesResponseSchema,
    fields: {
      ProjectId: 'int',
      Name: 'string',
      Types: 'csv-string',
      EnvType: 'string',
      Tags: 'json',
      SortBy: 'string',
      Order: 'string',
      PageNumber: 'int',
      PageSize: 'int',
    },
  },
  DeleteDataSource: {
    method: 'GET',
    params: 'query',
    request: DeleteDataSourceRequestSchema,
    response: DeleteDataSourceResponseSchema,
    fields: ID,
  },
  TestDataSourceConnectivity: {
    method: 'POST',
    params: 'query',
    request: TestDataSourceConnectivityRequestSchema,
    response: TestDataSourceConnectivityResponseSchema,
    fields: { ProjectId: 'int', DataSourceId: 'int', ResourceGroupId: 'string' },
  },
  GetTaskInstanceLog: {
    method: 'GET',
    params: 'query',
    request: GetTaskInstanceLogRequestSchema,
    response: GetTaskInstanceLogResponseSchema,
    fields: { Id: 'int', RunNumber: 'int' },
  },
} as const satisfies Record<
  string,
  {
    method: 'GET' | 'POST';
    params: 'body' | 'query';
    request: z.ZodObject;
    response: z.ZodType;
    fields: Record<string, DataWorksFieldKind>;
  }
>;

/**
 * Name of a DataWorks 2024-05-18 action the SDK supports (e.g. `CreateCrawler`).
 * @useDeclaredType
 */
export type DataWorksAction = keyof typeof DATAWORKS_ACTIONS;
export const DATAWORKS_ACTION_NAMES = Object.keys(DATAWORKS_ACTIONS) as DataWorksAction[];

/** What the SDK accepts for an action (objects and arrays, not JSON strings). */
export type DataWorksRequestInput<A extends DataWorksAction> = z.input<(typeof DATAWORKS_ACTIONS)[A]['request']>;
/** A validated SDK request. */
export type DataWorksRequest<A extends DataWorksAction> = z.output<(typeof DATAWORKS_ACTIONS)[A]['request']>;
/** A parsed response body. */
export type DataWorksResponse<A extends DataWorksAction> = z.output<(typeof DATAWORKS_ACTIONS)[A]['response']>;

type WireValue<V> = V extends string | number | boolean ? V : string;
/**
 * Wire form of an SDK request type: nested objects and arrays become strings (JSON / comma-joined), scalars stay;
 * keys that can only be `undefined` (refused fields) disappear. Equal to the generated `<Action>Request`.
 */
export type DataWorksWire<T> = {
  [K in keyof T as [Exclude<T[K], undefined>] extends [never] ? never : K]: WireValue<Exclude<T[K], undefined>>;
};
export type DataWorksWireRequest<A extends DataWorksAction> = DataWorksWire<DataWorksRequest<A>>;

// ------------------------------------------------------------------------------------------------ SDK → wire

/** Thrown by `toDataWorksWire` / `toDataWorksParams` when the input breaks a rule; nothing was sent. */
export class DataWorksRequestValidationError extends Error {
  override readonly name = 'DataWorksRequestValidationError';
  constructor(
    readonly action: DataWorksAction,
    /** `path: message` per problem, e.g. `Scope.Items[2]: expected unique entries, 'shop' repeats`. */
    readonly problems: string[],
    readonly zodError: z.ZodError,
  ) {
    super(`Invalid ${action} request: ${problems.join('; ')}`);
  }
}

/** `['Scope', 'Items', 2]` → `Scope.Items[2]`. */
export function formatDataWorksPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** `path: message` for each issue (`(request)` for whole-object issues). */
export function formatDataWorksIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatDataWorksPath(issue.path) || '(request)'}: ${issue.message}`);
}

function validate<A extends DataWorksAction>(action: A, input: unknown): DataWorksRequest<A> {
  const spec = DATAWORKS_ACTIONS[action];
  if (!spec) throw new TypeError(`unknown DataWorks action ${String(action)}`);
  const result = (spec.request as z.ZodType).safeParse(input);
  if (!result.success) {
    throw new DataWorksRequestValidationError(action, formatDataWorksIssues(result.error), result.error);
  }
  return result.data as DataWorksRequest<A>;
}

function wireValue(kind: DataWorksFieldKind, value: unknown): string | number | boolean {
  switch (kind) {
    case 'json':
      return JSON.stringify(value);
    case 'csv-int':
    case 'csv-string':
      return (value as unknown[]).map(String).join(',');
    default:
      return value as string | number | boolean;
  }
}

/** Validates an SDK request and returns its wire object (JSON strings, comma-joined arrays, typed scalars). */
export function toDataWorksWire<A extends DataWorksAction>(
  action: A,
  input: DataWorksRequestInput<A>,
): DataWorksWireRequest<A> {
  return dataWorksWireFrom(action, validate(action, input));
}

/**
 * Serialises an already validated request (e.g. checked with the client core's `validateInput` against
 * `DATAWORKS_ACTIONS[action].request`) without validating again. Only the action's known fields are emitted.
 */
export function dataWorksWireFrom<A extends DataWorksAction>(
  action: A,
  request: DataWorksRequest<A>,
): DataWorksWireRequest<A> {
  const valid = request as Record<string, unknown>;
  const fields = DATAWORKS_ACTIONS[action].fields as Record<string, DataWorksFieldKind>;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, kind] of Object.entries(fields)) {
    const value = valid[key];
    if (value === undefined || kind === 'forbidden') continue;
    out[key] = wireValue(kind, value);
  }
  return out as DataWorksWireRequest<A>;
}

/** A wire object as the flat text map sent in the form body or query string (booleans `true`/`false`). */
export function wireToParams(wire: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}

/** Validates an SDK request and returns the text fields to send (form body or query, per `DATAWORKS_ACTIONS`). */
export function toDataWorksParams<A extends DataWorksAction>(
  action: A,
  input: DataWorksRequestInput<A>,
): Record<string, string> {
  return wireToParams(toDataWorksWire(action, input));
}

// ------------------------------------------------------------------------------------------------ wire → SDK (mock)

export type DataWorksParamsResult<A extends DataWorksAction> =
  | { success: true; data: DataWorksRequest<A> }
  | {
      success: false;
      /** `Missing<Param>` or `Invalid.Param`. */
      code: string;
      /** `<Param> is mandatory for this action.` or `Invalid parameter: <path>: <problem>`. */
      message: string;
      /** Dotted path of the offending field (`''` when the rule concerns the whole request). */
      field: string;
    };

function fromText(kind: DataWorksFieldKind, raw: string): { ok: true; value: unknown } | { ok: false; why: string } {
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(raw.trim())
        ? { ok: true, value: Number(raw.trim()) }
        : { ok: false, why: `expected an integer, got ${show(raw)}` };
    case 'bool': {
      const lower = raw.trim().toLowerCase(); // [mock] booleans are case-insensitive
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, why: `expected true or false, got ${show(raw)}` };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(raw) };
      } catch {
        return { ok: false, why: 'expected a JSON value' }; // no echo: may hold ConnectionProperties secrets
      }
    case 'csv-int':
    case 'csv-string': {
      let items: unknown[];
      const trimmed = raw.trim();
      if (trimmed.startsWith('[')) {
        // [mock] a JSON array string is also accepted
        try {
          const parsed: unknown = JSON.parse(trimmed);
          if (!Array.isArray(parsed)) return { ok: false, why: 'expected a comma-separated list or a JSON array' };
          items = parsed;
        } catch {
          return { ok: false, why: 'expected a comma-separated list or a JSON array' };
        }
      } else {
        items = trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim());
      }
      if (kind === 'csv-string') return { ok: true, value: items.map(String) };
      const nums = items.map((v) => (typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : Number.NaN));
      const bad = nums.findIndex((n) => Number.isNaN(n));
      return bad >= 0
        ? { ok: false, why: `expected comma-separated integers, got ${show(String(items[bad]))}` }
        : { ok: true, value: nums };
    }
    default:
      return { ok: true, value: raw };
  }
}

/**
 * Parses the text parameters of a request (query and form merged) into a validated SDK request, or the DataWorks
 * error to answer with: a missing required parameter → `Missing<Param>`, anything else → `Invalid.Param` naming
 * the first bad field. Unknown parameters are ignored. Checks that need state (data source exists, type
 * capabilities, `Dev` + `NORMAL`, run state, 30-day window) are left to the caller.
 */
export function parseDataWorksParams<A extends DataWorksAction>(
  action: A,
  params: Readonly<Record<string, string | undefined>>,
): DataWorksParamsResult<A> {
  const spec = DATAWORKS_ACTIONS[action];
  const fields = spec.fields as Record<string, DataWorksFieldKind>;
  const shape = (spec.request as z.ZodObject).shape as Record<string, z.ZodType>;
  for (const key of Object.keys(fields)) {
    const raw = params[key];
    const required = shape[key] !== undefined && !shape[key].safeParse(undefined).success;
    if (required && (raw === undefined || raw === '')) {
      return { success: false, code: `Missing${key}`, message: `${key} is mandatory for this action.`, field: key };
    }
  }
  const input: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(fields)) {
    const raw = params[key];
    if (raw === undefined) continue;
    const converted = fromText(kind, raw);
    if (!converted.ok) {
      return {
        success: false,
        code: 'Invalid.Param',
        message: `Invalid parameter: ${key}: ${converted.why}`,
        field: key,
      };
    }
    input[key] = converted.value;
  }
  const result = (spec.request as z.ZodType).safeParse(input);
  if (result.success) return { success: true, data: result.data as DataWorksRequest<A> };
  const issue = result.error.issues[0]!;
  const field = formatDataWorksPath(issue.path); // '' for whole-request rules (UpdateCrawler with nothing to update)
  const message = field ? `Invalid parameter: ${field}: ${issue.message}` : `Invalid parameter: ${issue.message}`;
  return { success: false, code: 'Invalid.Param', message, field };
}
