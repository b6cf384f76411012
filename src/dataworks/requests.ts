/**
 * Zod schemas of the SDK input of every DataWorks request, one `<Action>RequestSchema` per action. They enforce every
 * rule a client can check before any I/O (no state needed) and apply no defaults (the server fills `PageSize`,
 * `PageNumber`, …), so `z.input` and `z.output` of a request schema are the same type. The issue path names the field.
 */
import { z } from 'zod';
import { describeValue } from '../core/format.js';
import {
  boolSchema,
  ConnectionPropertiesModeSchema,
  ConnectionPropertiesSchema,
  CrawlerOptionsSchema,
  DATAWORKS_PAGE_SIZE_MAX,
  DataSourceTagSchema,
  EnvTypeSchema,
  epochMs,
  idSchema,
  intBetween,
  MySqlInstanceModeConnectionPropertiesSchema,
  MySqlUrlModeConnectionPropertiesSchema,
  nonEmptyText,
  oneOf,
  pageNumber,
  pageSize,
  RunStatusSchema,
  ScheduleConfigSchema,
  ScopeSchema,
  text,
} from './schemas.js';

const crawlerId = idSchema('crawler id');
const dataSourceId = idSchema('data source id');
const projectId = idSchema('workspace (project) id');

/** Crawler name: 1–128 characters, not blank [doc]. */
const crawlerName = z
  .string({ error: (iss) => `expected a crawler name (a string), got ${describeValue(iss.input)}` })
  .max(128, { error: 'expected a crawler name of 1 to 128 characters' })
  .regex(/\S/, { error: 'expected a crawler name of 1 to 128 characters, not blank' });

/** Data-source name: letters, digits, `_`, not starting with a digit or `_`, ≤ 255 [doc]. */
const dataSourceName = z
  .string({ error: (iss) => `expected a data source name (a string), got ${describeValue(iss.input)}` })
  .max(255, { error: 'expected a data source name of 1 to 255 characters' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    error: (iss) => `expected letters, digits and _ only, starting with a letter, got ${describeValue(iss.input)}`,
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
