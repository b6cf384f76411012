/**
 * The one crawler type of the mock (`mysql`) and the rules a crawler's settings must meet against it. Decisions:
 * `Type` must be exactly `mysql` (crawler type ids are lower case); a `Dev` data source allows MANUAL schedules only;
 * `CronExpress` with MANUAL is ignored.
 */
import { invalidParam } from './errors.js';
import type { DataSourceRecord, EnvType, ScheduleValue, ScopeValue } from './state-records.js';

export const MYSQL_CAPABILITY = {
  Type: 'mysql',
  DisplayName: 'MySQL',
  SupportedDatasourceTypes: ['mysql'],
  SupportedScopeUnits: ['DATABASE', 'INSTANCE'],
  DefaultScopeUnit: 'DATABASE',
  RequireResourceGroup: false,
  SupportSchedule: true,
  SupportExcludeRegex: true,
  SupportAiComment: false,
  SupportedEntityTypes: [
    { Type: 'database', Optional: false },
    { Type: 'table', Optional: false },
    { Type: 'column', Optional: false },
  ],
  SupportedOptionKeys: [] as { Key: string }[],
} as const;

/** The crawler type exists and can read the data source's type. */
export function checkCrawlerType(type: string, ds: DataSourceRecord): void {
  if (type !== MYSQL_CAPABILITY.Type) throw invalidParam('Type', `expected a crawler type: mysql, got '${type}'`);
  if (!(MYSQL_CAPABILITY.SupportedDatasourceTypes as readonly string[]).includes(ds.type)) {
    throw invalidParam('Type', `crawler type mysql cannot read data sources of type ${ds.type}`);
  }
}

/** The scope to store: the type's default unit when none is given; the unit must be one the type supports. */
export function scopeFor(scope: ScopeValue | undefined): ScopeValue {
  if (scope === undefined) return { Unit: MYSQL_CAPABILITY.DefaultScopeUnit };
  if (!(MYSQL_CAPABILITY.SupportedScopeUnits as readonly string[]).includes(scope.Unit)) {
    throw invalidParam(
      'Scope.Unit',
      `crawler type mysql supports ${MYSQL_CAPABILITY.SupportedScopeUnits.join(', ')}, got '${scope.Unit}'`,
    );
  }
  const out: ScopeValue = { Unit: scope.Unit };
  if (scope.Items !== undefined) out.Items = [...scope.Items];
  if (scope.ExcludeRegex !== undefined) out.ExcludeRegex = scope.ExcludeRegex;
  return out;
}

/** The schedule to store, against the environment of the crawler's data source. */
export function scheduleFor(cfg: ScheduleValue | undefined, envType: EnvType): ScheduleValue {
  if (cfg === undefined || cfg.Type === 'MANUAL') return { Type: 'MANUAL' };
  if (envType === 'Dev') {
    throw invalidParam('ScheduleConfig.Type', 'data sources of environment Dev allow MANUAL schedules only');
  }
  return { Type: 'NORMAL', CronExpress: (cfg.CronExpress ?? '').trim() };
}

/** AI comments and option keys the type supports (mysql: neither; its resource group is optional). */
export function checkExtras(req: {
  EnableAiComment?: boolean | undefined;
  Options?: Record<string, string> | undefined;
}): void {
  if (req.EnableAiComment === true && !MYSQL_CAPABILITY.SupportAiComment) {
    throw invalidParam('EnableAiComment', 'crawler type mysql does not support AI comments (expected false)');
  }
  const allowed = new Set(MYSQL_CAPABILITY.SupportedOptionKeys.map((k) => k.Key));
  for (const key of Object.keys(req.Options ?? {})) {
    if (!allowed.has(key))
      throw invalidParam(`Options.${key}`, 'not an option key of crawler type mysql (it accepts none)');
  }
}
