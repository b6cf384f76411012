/** The records the DataWorks mock keeps: data sources, crawlers, runs (task instances) and data-source seeds. */
import type { ConnectState, EnvType, RunStatus } from '../../../dataworks/schemas.js';

export type { ConnectState, EnvType, RunStatus };

export interface DataSourceRecord {
  id: number;
  projectId: number;
  name: string;
  /** Lower case. */
  type: string;
  mode: 'UrlMode' | 'InstanceMode';
  /** As given (secrets included: never returned unmasked). */
  props: Record<string, unknown>;
  description?: string;
  envType: EnvType;
  createTime: number;
  createUser: string;
  modifyTime: number;
  modifyUser: string;
}

/** What CreateDataSource stores, before ids and times are given. */
export type NewDataSource = Omit<DataSourceRecord, 'id' | 'createTime' | 'modifyTime' | 'modifyUser'>;

export interface ScopeValue {
  Unit: string;
  Items?: string[];
  ExcludeRegex?: string;
}

export interface ScheduleValue {
  Type: 'MANUAL' | 'NORMAL';
  CronExpress?: string;
}

export interface CrawlerRecord {
  id: number;
  name: string;
  dataSourceId: number;
  projectId: number;
  type: string;
  metaEntityId: string;
  envType: EnvType;
  resourceGroupId?: string;
  scheduleConfig: ScheduleValue;
  scope: ScopeValue;
  options: Record<string, string>;
  enableAiComment: boolean;
  owner: string;
  createTime: number;
  modifyTime: number;
  taskId: number;
  /** Task instance ids, oldest first. */
  runs: number[];
  /** Next cron point (ms) while NORMAL and VALID, else null. */
  nextFireAt: number | null;
}

export interface LogLine {
  at: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
}

export interface RunRecord {
  taskInstanceId: number;
  crawlerId: number;
  status: RunStatus;
  startedTime: number;
  finishedTime?: number;
  /** When the next transition is due (WAITING → RUNNING, RUNNING → end). */
  nextAt: number;
  /** Failure decided so far ('' = none): an injected fault at trigger, a connection failure at RUNNING. */
  failure: string;
  /** Scope and data-source facts at trigger time. */
  scope: ScopeValue;
  /** Tables collected (decided at RUNNING), `db.table`. */
  tables: string[];
  totalTableCount?: number;
  log: LogLine[];
}

/**
 * What the DataWorks mock reports for one data source.
 * @inline
 */
export interface DataSourceSeed {
  /** Outcome of `TestDataSourceConnectivity` (default `Connectable`); runs fail unless it is `Connectable`. */
  connectState: ConnectState;
  /** Message reported with a failed connectivity test. */
  connectMessage?: string;
  /** Tables a run collects, by database name. */
  tables: Record<string, string[]>;
}

/** The data-source records sharing one name in a workspace (a `ListDataSources` entry). */
export interface DataSourceGroupRecord {
  name: string;
  records: DataSourceRecord[];
}

/** What TestDataSourceConnectivity found. */
export interface ConnectivityResult {
  state: ConnectState;
  message: string;
  at: number;
}

/** One page of a list, with the total across pages. */
export interface Page<T> {
  total: number;
  pageNumber: number;
  pageSize: number;
  items: T[];
}

export interface DataWorksSnapshot {
  version: 1;
  dataSources: DataSourceRecord[];
  crawlers: CrawlerRecord[];
  runs: RunRecord[];
  seeds: [number, DataSourceSeed][];
}

/** `items` from 1-based `pageNumber` of size `pageSize`, with the total. */
export function pageOf<T>(all: T[], pageNumber: number, pageSize: number): Page<T> {
  return {
    total: all.length,
    pageNumber,
    pageSize,
    items: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
  };
}
