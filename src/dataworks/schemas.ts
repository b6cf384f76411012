/**
 * Zod schemas of the values inside DataWorks 2024-05-18 requests: the enums, the message-bearing building blocks the
 * request schemas (./requests.ts) are made of, and the nested input objects (`Scope`, `ScheduleConfig`, `Options`,
 * `Tags`, `ConnectionProperties`). The SDK takes these in their natural form (objects, arrays, numbers, booleans);
 * ./actions.ts turns them into DataWorks's text wire form.
 *
 * Messages say what was expected and name the rejected value with `describeValue`, except inside
 * `ConnectionProperties`, whose values (passwords) are never echoed. The mock checks the same rules with these schemas.
 */
import { z } from 'zod';
import { describeValue } from '../core/format.js';
import { parseQuartzCron } from '../cron/quartz.js';
import type { components } from '../generated/dataworks.js';

type Schemas = components['schemas'];

// ------------------------------------------------------------------------------------------------ enums

export const DATAWORKS_ENV_TYPES = ['Dev', 'Prod'] as const;
export const DATAWORKS_RUN_STATUSES = ['WAITING', 'RUNNING', 'SUCCESS', 'ERROR', 'SHUTDOWN'] as const;
export const DATAWORKS_CRAWLER_STATUSES = ['VALID', 'INVALID'] as const;
export const DATAWORKS_SCHEDULE_TYPES = ['MANUAL', 'NORMAL'] as const;
export const DATAWORKS_SCOPE_UNITS = ['PROJECT', 'DATABASE', 'INSTANCE', 'CATALOG'] as const;
export const DATAWORKS_CONNECT_STATES = ['Connectable', 'ConfigError', 'Unreachable', 'Unsupport'] as const;
export const DATAWORKS_CONNECTION_MODES = ['UrlMode', 'InstanceMode'] as const;

/** An enum whose message lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) => `expected ${what}: one of ${values.join(', ')} (exact case), got ${describeValue(iss.input)}`,
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
export function idSchema(what: string) {
  return z
    .int({ error: (iss) => `expected a positive integer ${what}, got ${describeValue(iss.input)}` })
    .min(1, { error: `expected a positive integer ${what}` });
}

export function intBetween(min: number, max: number | undefined, what: string) {
  const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
  const base = z
    .int({ error: (iss) => `expected ${what}: an integer ${range}, got ${describeValue(iss.input)}` })
    .min(min, { error: `expected ${what}: an integer ${range}` });
  return max === undefined ? base : base.max(max, { error: `expected ${what}: an integer ${range}` });
}

export function boolSchema() {
  return z.boolean({ error: (iss) => `expected a boolean (true or false), got ${describeValue(iss.input)}` });
}

export function text(what: string, max?: number) {
  const s = z.string({ error: (iss) => `expected ${what} (a string), got ${describeValue(iss.input)}` });
  return max === undefined ? s : s.max(max, { error: `expected ${what} of at most ${max} characters` });
}

export function nonEmptyText(what: string, max?: number) {
  const s = z
    .string({ error: (iss) => `expected ${what} (a non-empty string), got ${describeValue(iss.input)}` })
    .min(1, { error: `expected ${what} (a non-empty string)` });
  return max === undefined ? s : s.max(max, { error: `expected ${what} of 1 to ${max} characters` });
}

export const epochMs = intBetween(0, undefined, 'epoch milliseconds');

/** Documented PageSize maxima; [mock] a larger value is rejected, never capped. */
export const DATAWORKS_PAGE_SIZE_MAX = { ListCrawlers: 100, ListCrawlerRuns: 100, ListDataSources: 100 } as const;
export const pageNumber = intBetween(1, undefined, 'a page number');
export const pageSize = (max: number) => intBetween(1, max, 'a page size');

// ------------------------------------------------------------------------------------------------ cron

/**
 * Why `expr` is not a DataWorks `NORMAL` schedule, or `undefined` when it is one: the project's Quartz subset
 * (src/cron/quartz.ts), seconds field `0`, and at most one run per hour (the minutes field is one number 0–59).
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
  z.string({ error: (iss) => `expected a string option value, got ${describeValue(iss.input)}` }),
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
