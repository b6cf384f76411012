/**
 * Shared harness of the contract tests (test/integration): the SDK clients against the project's mock over
 * loopback HTTP (`startMockServer`, undici transport). The harness
 * - builds clients pointed at the server (`endpoint` = server URL), with a capturing logger at `debug` level so
 *   that every log line the SDK writes can be checked for secrets;
 * - keeps every journal entry and every credential the mock knew, also across `reset()` (which wipes the journal
 *   and the tokens issued over HTTP), so that a final check can prove no secret reached the journal or a log line.
 */
import { inspect } from 'node:util';
import { expect } from 'vitest';
import {
  type CollectionTaskInput,
  DataArtsCatalogClient,
  type DataArtsCatalogClientOptions,
  DscClient,
  type DscClientOptions,
} from '../../src/index.js';
import type { JournalEntry, Mock, MockServer } from '../../src/mock/index.js';
import { startMockServer } from '../../src/mock/index.js';

type Closeable = { close(): Promise<void> };

export interface Harness {
  server: MockServer;
  mock: Mock;
  url: string;
  /** Every log line the harness's clients wrote (level + text). */
  logs: string[];
  /** Client options common to every client: endpoint, project id, logger, no environment. */
  common(): {
    endpoint: string;
    projectId: string;
    logger: Capture;
    logLevel: 'debug';
    strictResponses: boolean;
    env: Record<string, never>;
  };
  dsc(options?: Partial<DscClientOptions>): DscClient;
  dataarts(options?: Partial<DataArtsCatalogClientOptions>): DataArtsCatalogClient;
  /** Remembers an extra secret (a password or key the test made up) for the final check. */
  addSecret(value: string): void;
  /** Journal entries since the last `reset()` (same as `mock.requests`). */
  requests(): JournalEntry[];
  /** Every journal entry seen by the harness, across resets. */
  allRequests(): JournalEntry[];
  /** Collects the journal and credentials, then clears faults and wipes the mock state. */
  reset(): void;
  /** Asserts that neither the journal (all of it) nor any log line contains a known secret, and no warning was logged. */
  assertNoSecrets(): void;
  close(): Promise<void>;
}

export class Capture {
  readonly lines: string[] = [];
  debug = (...args: unknown[]) => this.push('debug', args);
  info = (...args: unknown[]) => this.push('info', args);
  warn = (...args: unknown[]) => this.push('warn', args);
  error = (...args: unknown[]) => this.push('error', args);
  private push(level: string, args: unknown[]) {
    this.lines.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' ')}`);
  }
}

export async function startHarness(options: Parameters<typeof startMockServer>[0] = {}): Promise<Harness> {
  const server = await startMockServer(options);
  const mock = server.mock;
  const capture = new Capture();
  const clients: Closeable[] = [];
  const seen: JournalEntry[] = [];
  const secrets = new Set<string>();

  const harvest = () => {
    seen.push(...mock.requests);
    const snap = mock.snapshot();
    for (const t of snap.accounts.tokens) secrets.add(t.token);
    for (const k of snap.accounts.accessKeys) {
      secrets.add(k.sk);
      if (k.securityToken) secrets.add(k.securityToken);
    }
    for (const u of snap.accounts.users) secrets.add(u.password);
    secrets.add(mock.defaults.token);
    secrets.add(mock.defaults.sk);
    secrets.add(mock.defaults.password);
  };

  const common = () => ({
    endpoint: server.url,
    projectId: mock.defaults.projectId,
    logger: capture,
    logLevel: 'debug' as const,
    // A response that does not match the client's schemas fails the test instead of logging a warning.
    strictResponses: true,
    env: {} as Record<string, never>,
  });

  return {
    server,
    mock,
    url: server.url,
    logs: capture.lines,
    common,
    dsc(o = {}) {
      const c = new DscClient({ ...common(), auth: { token: mock.defaults.token }, ...o });
      clients.push(c);
      return c;
    },
    dataarts(o = {}) {
      const c = new DataArtsCatalogClient({
        ...common(),
        workspace: mock.defaults.workspace,
        auth: { token: mock.defaults.token },
        ...o,
      });
      clients.push(c);
      return c;
    },
    addSecret(value) {
      secrets.add(value);
    },
    requests: () => mock.requests,
    allRequests: () => [...seen, ...mock.requests],
    reset() {
      harvest();
      mock.faults.clear();
      mock.reset();
    },
    assertNoSecrets() {
      harvest();
      mock.clearRequests();
      const journal = JSON.stringify(seen);
      const logs = capture.lines.join('\n');
      expect(seen.length).toBeGreaterThan(0);
      // The SDK logged no warning (e.g. an unexpected response shape) against the mock.
      expect(capture.lines.filter((l) => l.startsWith('warn ') || l.startsWith('error '))).toEqual([]);
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(7);
        expect(journal.includes(secret), 'a secret reached the mock journal').toBe(false);
        expect(logs.includes(secret), 'a secret reached a log line').toBe(false);
      }
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    },
  };
}

/** A minimal valid DSC template body. */
export function template(name: string, insId = 'rds-1', extra: Record<string, unknown> = {}) {
  return {
    task_name: name,
    data_sources: [{ db_type: 'MySQL', ins_id: insId }],
    schedule_type: 'ONCE' as const,
    ...extra,
  };
}

/** A minimal valid DataArts collection task (RUN_ONCE on data connection `conn-1`), with `extra` set over it. */
export function collectionTask(name: string, extra: Partial<CollectionTaskInput> = {}): CollectionTaskInput {
  return {
    name,
    dir_id: '0',
    data_source_type: 'DLI',
    schedule_config: { schedule_type: 'RUN_ONCE' },
    task_config: { data_connection_id: 'conn-1' },
    ...extra,
  };
}

/** Operations of the DSC / DataArts / IAM services seen in a journal. */
export function operations(entries: JournalEntry[], service?: string): string[] {
  return entries.filter((e) => service === undefined || e.service === service).map((e) => e.operation ?? '?');
}

/** Awaits a promise that must reject and returns the reason. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** POSTs JSON to a mock control route. */
export async function control(url: string, path: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
