/**
 * DataWorks records → wire JSON, as the API answers (without `RequestId`, which the route adds). Secrets in
 * `ConnectionProperties` are masked at any depth (keys `password`, `truststorePassword`, `keystorePassword`).
 */

import { MYSQL_CAPABILITY } from './state-crawler-types.js';
import type {
  ConnectivityResult,
  CrawlerRecord,
  DataSourceGroupRecord,
  DataSourceRecord,
  LogLine,
  Page,
  RunRecord,
} from './state-records.js';

const MASK = '******';
const SECRET_KEYS = new Set(['password', 'truststorePassword', 'keystorePassword']);

/** What a crawler's view reads from the state besides the record. */
export interface CrawlerFacts {
  isValid(c: CrawlerRecord): boolean;
  lastRun(c: CrawlerRecord): RunRecord | undefined;
}

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? MASK : mask(v);
    return out;
  }
  return value;
}

/** `PagingInfo` of a list answer, the items under `key`. */
export function pagingInfo<T>(page: Page<T>, key: string, view: (item: T) => unknown) {
  return { TotalCount: page.total, PageNumber: page.pageNumber, PageSize: page.pageSize, [key]: page.items.map(view) };
}

export const crawlerTypes = () => ({
  CrawlerTypes: [
    {
      Type: MYSQL_CAPABILITY.Type,
      DisplayName: MYSQL_CAPABILITY.DisplayName,
      SupportedEntityTypes: MYSQL_CAPABILITY.SupportedEntityTypes.map((e) => ({ ...e })),
    },
  ],
});

export const crawlerTypeCapabilities = () => ({ CrawlerTypes: [structuredClone(MYSQL_CAPABILITY)] });

/** A crawler; `full` (GetCrawler) adds `Scope`, `Options` and `EnableAiComment`. */
export function crawler(c: CrawlerRecord, facts: CrawlerFacts, full: boolean): Record<string, unknown> {
  const last = facts.lastRun(c);
  return {
    Id: c.id,
    Name: c.name,
    DataSourceId: c.dataSourceId,
    ProjectId: c.projectId,
    Type: c.type,
    Status: facts.isValid(c) ? 'VALID' : 'INVALID',
    MetaEntityId: c.metaEntityId,
    EnvType: c.envType,
    ...(c.resourceGroupId !== undefined ? { ResourceGroupId: c.resourceGroupId } : {}),
    ScheduleConfig: { ...c.scheduleConfig },
    ...(last ? { LastRunStatus: last.status, LastRunTaskInstanceId: last.taskInstanceId } : {}),
    Owner: c.owner,
    CreateTime: c.createTime,
    ModifyTime: c.modifyTime,
    TaskId: c.taskId,
    ...(full ? { Scope: structuredClone(c.scope), Options: { ...c.options }, EnableAiComment: c.enableAiComment } : {}),
  };
}

export function run(r: RunRecord): Record<string, unknown> {
  return {
    Status: r.status,
    StartedTime: r.startedTime,
    ...(r.finishedTime !== undefined
      ? { FinishedTime: r.finishedTime, Duration: Math.round((r.finishedTime - r.startedTime) / 1000) }
      : {}),
    TaskInstanceId: r.taskInstanceId,
    ...(r.totalTableCount !== undefined ? { TotalTableCount: r.totalTableCount } : {}),
  };
}

/** A data-source record as inside a `ListDataSources` group. */
export function dataSourceEntry(ds: DataSourceRecord): Record<string, unknown> {
  return {
    Id: ds.id,
    ConnectionPropertiesMode: ds.mode,
    ConnectionProperties: mask(ds.props),
    ...(ds.description !== undefined ? { Description: ds.description } : {}),
    QualifiedName: `${ds.projectId}:${ds.name}:${ds.envType}`,
    CreateTime: ds.createTime,
    CreateUser: ds.createUser,
    ModifyTime: ds.modifyTime,
    ModifyUser: ds.modifyUser,
  };
}

export function dataSource(ds: DataSourceRecord): Record<string, unknown> {
  return { Id: ds.id, Name: ds.name, Type: ds.type, ProjectId: ds.projectId, ...dataSourceEntry(ds) };
}

export function dataSourceGroup(g: DataSourceGroupRecord): Record<string, unknown> {
  return { Name: g.name, Type: g.records[0]!.type, DataSource: g.records.map(dataSourceEntry) };
}

/** The test's outcome with its steps: the network check, then (when the network answered) the login. */
export function connectivity(r: ConnectivityResult): Record<string, unknown> {
  const step = (Code: string, Message: string) => ({ Code, Message, StartTime: r.at, EndTime: r.at });
  const unreachable = r.state === 'Unreachable';
  return {
    ConnectState: r.state,
    ConnectMessage: r.message,
    DetailLogs: [
      step('CHECK_NETWORK', unreachable ? r.message : 'OK'),
      ...(unreachable ? [] : [step('CHECK_LOGIN', r.state === 'Connectable' ? 'OK' : r.message)]),
    ],
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `yyyy-MM-dd HH:mm:ss` in UTC. */
function logTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}`;
}

function renderLog(lines: readonly LogLine[]): string {
  return lines.map((l) => `${logTime(l.at)} ${l.level} ${l.message}`).join('\n');
}

/** The log text of a run: empty while it waits. */
export const taskInstanceLog = (r: RunRecord) => (r.status === 'WAITING' ? '' : renderLog(r.log));
