/** The public types of `metacollect/mock`: options, the default account, snapshots and the {@link Mock} itself. */

import type { MockServices } from './builtins.js';
import type { ClockSnapshot } from './clock.js';
import type { AccountsSnapshot } from './credentials.js';
import type { ArmedFault, FaultSpec } from './faults.js';
import type { IdsSnapshot } from './ids.js';
import type { JournalEntry } from './journal.js';
import type { ClockMode, MockClock, MockServiceFactory, MockSettings } from './types.js';

/** Request bodies are limited to 12 MB, as at the vendors' gateways. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Settings a new mock starts with: DSC runs last 30 s, DataArts runs 60 s, DataWorks runs 5 s queued + 60 s, cron in
 * UTC, one default DataArts workspace.
 */
export const DEFAULT_SETTINGS: MockSettings = {
  dscRunDurationMs: 30_000,
  dataartsRunDurationMs: 60_000,
  dataartsMaxRecords: 1000,
  dataworksQueueDelayMs: 5_000,
  dataworksRunDurationMs: 60_000,
  timeZone: 'UTC',
  defaultWorkspaces: ['00000000000000000000000000000001'],
};

/** Options of {@link createMock}. */
export interface CreateMockOptions {
  /** Clock mode; default 'manual'. */
  clock?: ClockMode;
  /** PRNG seed for every id; default 1. */
  seed?: number;
  /** Initial mock time; default wall time now (so AK/SK signatures made with the wall clock pass the skew check). */
  now?: Date | number;
  /** Overrides of {@link DEFAULT_SETTINGS}. */
  settings?: Partial<MockSettings>;
  /** Region of the default project; default 'cn-north-4'. */
  region?: string;
  /** Extra service modules (e.g. DataWorks); one with the name of a built-in service replaces it. */
  services?: MockServiceFactory[];
  /** Journal capacity; default 10 000. */
  journalLimit?: number;
}

/** The ready default account (public: a test or the CLI hands these to a client). */
export interface MockDefaults {
  /** Region of the default project (option `region`, default `cn-north-4`). */
  region: string;
  /** Id of the default project. */
  projectId: string;
  /** Name of the default project (the region id, as at Huawei Cloud). */
  projectName: string;
  /** Default DataArts workspace id. */
  workspace: string;
  /** A static (never-expiring) token scoped to the default project. */
  token: string;
  /** Access key id of a permanent key of the default user. */
  ak: string;
  /** Secret key of that access key. */
  sk: string;
  /** Account (domain) name of the default user, for IAM password login. */
  domainName: string;
  /** Account (domain) id. */
  domainId: string;
  /** IAM user name of the default user. */
  userName: string;
  /** Password of the default user. */
  password: string;
  /** IAM user id of the default user. */
  userId: string;
}

/** An exception a service handler or timed work threw: a bug in the mock, recorded in {@link Mock.errors}. */
export interface MockError {
  /** Mock-clock time of the failure, epoch milliseconds. */
  time: number;
  /** Request id of the exchange, when a request was being handled. */
  requestId?: string;
  /** Service whose code threw. */
  service?: string;
  /** Operation being handled, when known. */
  operation?: string;
  /** The exception's message. */
  message: string;
  /** The exception's stack, when it had one. */
  stack?: string;
}

/** Fault injection of a mock ({@link Mock.faults}). */
export interface MockFaults {
  /**
   * Arms a fault and returns it with its id.
   * @throws TypeError naming the field when `spec` is invalid.
   */
  inject(spec: FaultSpec): ArmedFault;
  /** Disarms every fault. */
  clear(): void;
  /** The faults still armed, with their remaining counts. */
  list(): ArmedFault[];
}

/** The whole state of a mock as plain JSON, from {@link Mock.snapshot}; pass it to {@link Mock.restore}. */
export interface MockSnapshot {
  /** Format version of the snapshot. */
  version: 1;
  /** Mock time and clock mode. */
  clock: ClockSnapshot;
  /** State of the seeded id source. */
  ids: IdsSnapshot;
  /** The credential store: accounts, users, projects, tokens and access keys. */
  accounts: AccountsSnapshot;
  /** The default account. */
  defaults: MockDefaults;
  /** Settings in effect. */
  settings: MockSettings;
  /** Each service's own state, by service name. */
  services: Record<string, unknown>;
}

/**
 * A mock engine, from {@link createMock}: serves requests, and exposes its clock, default account, faults, journal
 * and state.
 */
export interface Mock {
  /** Serves one request (Fetch API). A network-error fault answers `Response.error()` (type 'error'). */
  handle(request: Request): Promise<Response>;
  /** The ready default account: hand these credentials to a client. */
  readonly defaults: MockDefaults;
  /** The mock's clock; advancing it fires due schedules and run completions. */
  readonly clock: MockClock;
  /** Live settings: changes apply to work started afterwards. */
  readonly settings: MockSettings;
  /** Fault injection. */
  readonly faults: MockFaults;
  /** Journal of exchanges, oldest first, secrets redacted. */
  readonly requests: JournalEntry[];
  /** Empties the journal ({@link Mock.requests}). */
  clearRequests(): void;
  /** Exceptions thrown by handlers or runDue (bugs); tests assert it stays empty. */
  readonly errors: MockError[];
  /** The service modules, with their seed methods. */
  readonly services: MockServices;
  /** Wipes all state; keeps configured credentials, the clock, settings and seeds the services keep. */
  reset(): void;
  /** The whole state as plain JSON (a deep copy). */
  snapshot(): MockSnapshot;
  /** Replaces the whole state with a snapshot taken by {@link Mock.snapshot}. */
  restore(snapshot: MockSnapshot): void;
  /** Adds a project to the default account (named `<region>_project<n>` unless `name` is given) and returns it. */
  addProject(options?: { name?: string }): {
    /** Id of the new project. */
    id: string;
    /** Name of the new project. */
    name: string;
  };
  /** Registers a DataArts workspace in a project (random 32-hex id if omitted); returns its id. */
  addWorkspace(projectId: string, id?: string): string;
  /** Configures a token for the default user (default project, 24 h). ttlMs null = never expires. */
  issueToken(options?: { projectId?: string; ttlMs?: number | null }): string;
  /** Configures an access key for the default user; `temporary` keys also need their security token. */
  addAccessKey(options?: { temporary?: boolean }): {
    /** Access key id. */
    ak: string;
    /** Secret key. */
    sk: string;
    /** Security token, for a temporary key only. */
    securityToken?: string;
  };
  /** Stops the real-mode timer. */
  dispose(): void;
}

/**
 * A deep copy of a snapshot given to {@link Mock.restore}, once its outline is checked.
 * @throws TypeError naming the part that is not a version-1 snapshot's.
 */
export function checkedCopy(snapshot: MockSnapshot): MockSnapshot {
  if (typeof snapshot !== 'object' || snapshot === null || snapshot.version !== 1) {
    throw new TypeError('version: not a metacollect mock snapshot (version 1)');
  }
  for (const key of ['clock', 'ids', 'accounts', 'defaults', 'settings', 'services'] as const) {
    if (typeof snapshot[key] !== 'object' || snapshot[key] === null) throw new TypeError(`${key}: expected an object`);
  }
  if (typeof snapshot.clock.now !== 'number' || (snapshot.clock.mode !== 'real' && snapshot.clock.mode !== 'manual')) {
    throw new TypeError('clock: expected {now: number, mode: "real"|"manual"}');
  }
  return JSON.parse(JSON.stringify(snapshot)) as MockSnapshot;
}
