/**
 * Exactly-once creates under injected faults: 1,000 creates per service, 30 % of them meet a fault, half of those
 * after the mock processed the request (`phase: 'after'`). Whatever the client returns, the mock must end up holding
 * exactly one object per successful return and none for a failed one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DataArtsCatalogClient, DataWorksClient, DscClient } from '../../src/index.js';
import { createMock, type FaultSpec, type Mock } from '../../src/mock/index.js';

const CALLS = 1_000;
const CONCURRENCY = 25;
const FAULT_RATE = 0.3;

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A fault for one call: 500/502/503/504 or a reset, before or after processing (half each). (408 is not a declared
 * answer of these operations, so the suite's conformance check would refuse it; a unit test covers it.)
 */
function faultFor(random: () => number, service: FaultSpec['service'], operation: string): FaultSpec | undefined {
  if (random() >= FAULT_RATE) return undefined;
  const phase = random() < 0.5 ? 'after' : 'before';
  if (random() < 0.2) return { service, operation, phase, networkError: 'reset' };
  const statuses = [500, 502, 503, 504];
  return { service, operation, phase, status: statuses[Math.floor(random() * statuses.length)] as number };
}

interface Tally {
  ok: string[];
  reconciled: number;
  failed: unknown[];
  faults: number;
  after: number;
}

async function hammer(
  mock: Mock,
  service: FaultSpec['service'],
  operation: string,
  create: (i: number) => Promise<{ id: string; reconciled: boolean }>,
  calls = CALLS,
  seed = 7,
): Promise<Tally> {
  const random = prng(seed);
  const tally: Tally = { ok: [], reconciled: 0, failed: [], faults: 0, after: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < calls; i = next++) {
      const fault = faultFor(random, service, operation);
      if (fault) {
        mock.faults.inject(fault);
        tally.faults++;
        if (fault.phase === 'after') tally.after++;
      }
      try {
        const r = await create(i);
        tally.ok.push(r.id);
        if (r.reconciled) tally.reconciled++;
      } catch (error) {
        tally.failed.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // The figures of the run (faults injected, adopted objects, calls that failed), for the record.
  console.info(
    `${operation}: ${calls} calls, ${tally.faults} faults (${tally.after} after processing), ${tally.ok.length} succeeded (${tally.reconciled} by adopting the object), ${tally.failed.length} failed`,
  );
  return tally;
}

function fetchOf(mock: Mock) {
  return (url: string, init: RequestInit) => mock.handle(new Request(url, init));
}

let mock: Mock;
afterEach(() => {
  expect(mock.errors).toEqual([]);
  mock.dispose();
});

describe('exactly-once creates under 30 % faults, half after processing', () => {
  it('DSC createScanTask: 0 duplicates, objects = successful returns', async () => {
    mock = createMock();
    const d = mock.defaults;
    const dsc = new DscClient({
      region: d.region,
      projectId: d.projectId,
      auth: { token: d.token },
      fetch: fetchOf(mock),
      logLevel: 'off',
    });
    const tally = await hammer(mock, 'dsc', 'CreateTaskTemplates', async (i) => {
      const r = await dsc
        .createScanTask({
          task_name: `scan-${i}`,
          data_sources: [{ db_type: 'MySQL', ins_id: `db-${i}` }],
          schedule_type: 'ONCE',
        })
        .withResponse();
      return { id: r.data.id, reconciled: r.reconciled === true };
    });
    mock.faults.clear();
    const stored = await dsc.iterateScanTasks().toArray();
    const names = stored.map((t) => t.task_name);
    expect(new Set(names).size).toBe(names.length); // no duplicates
    expect(stored.length).toBe(tally.ok.length); // objects = successful returns
    expect(new Set(tally.ok).size).toBe(tally.ok.length);
    expect(stored.map((t) => String(t.id)).sort()).toEqual([...tally.ok].sort());
    expect(tally.after).toBeGreaterThan(100);
    expect(tally.reconciled).toBeGreaterThan(0);
  }, 120_000);

  it('DataArts createCollectionTask: 0 duplicates, objects = successful returns', async () => {
    mock = createMock({ settings: { dataartsMaxRecords: 10_000 } });
    const d = mock.defaults;
    const catalog = new DataArtsCatalogClient({
      region: d.region,
      projectId: d.projectId,
      workspace: d.workspace,
      auth: { token: d.token },
      fetch: fetchOf(mock),
      logLevel: 'off',
    });
    const tally = await hammer(mock, 'dataarts', 'CreateTask', async (i) => {
      const r = await catalog
        .createCollectionTask({
          name: `collect_${i}`,
          dir_id: '0',
          data_source_type: 'DLI',
          schedule_config: { schedule_type: 'RUN_ONCE' },
          task_config: { data_connection_id: `conn-${i % 7}` },
        })
        .withResponse();
      return { id: r.data.task_id, reconciled: r.reconciled === true };
    });
    mock.faults.clear();
    const stored = await catalog.iterateCollectionTasks().toArray();
    const names = stored.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(stored.length).toBe(tally.ok.length);
    expect(stored.map((t) => t.id).sort()).toEqual([...tally.ok].sort());
    expect(tally.reconciled).toBeGreaterThan(0);
  }, 120_000);

  it('DataWorks createDataSource and createCrawler: 0 duplicates, objects = successful returns', async () => {
    mock = createMock();
    const d = mock.defaults;
    const dw = new DataWorksClient({
      endpoint: 'http://mock.local',
      auth: { accessKeyId: d.ak, accessKeySecret: d.sk },
      fetch: fetchOf(mock),
      logLevel: 'off',
      env: {},
    });
    const sources = await hammer(mock, 'dataworks', 'CreateDataSource', async (i) => {
      const r = await dw
        .createDataSource({
          ProjectId: 4242,
          Name: `src_${i}`,
          Type: 'mysql',
          ConnectionPropertiesMode: 'UrlMode',
          ConnectionProperties: {
            envType: 'Prod',
            address: [{ host: '10.0.0.5', port: 3306 }],
            database: 'shop',
            username: 'collector',
            password: 'Pa55-word!',
          },
        })
        .withResponse();
      return { id: String(r.data.Id), reconciled: r.reconciled === true };
    });
    mock.faults.clear();
    const groups = await dw.iterateDataSources({ ProjectId: 4242 }).toArray();
    const stored = groups.flatMap((g) => g.DataSource.map((s) => String(s.Id)));
    expect(stored.length).toBe(sources.ok.length);
    expect(stored.sort()).toEqual([...sources.ok].sort());
    expect(sources.reconciled).toBeGreaterThan(0);

    const ids = [...sources.ok];
    // One crawler per data source (the service refuses a second one), so as many crawlers as data sources.
    const crawlers = await hammer(
      mock,
      'dataworks',
      'CreateCrawler',
      async (i) => {
        const dataSourceId = Number(ids[i]);
        const r = await dw
          .createCrawler({ Name: `crawler_${i}`, DataSourceId: dataSourceId, Type: 'mysql' })
          .withResponse();
        return { id: String(r.data.Id), reconciled: r.reconciled === true };
      },
      ids.length,
    );
    mock.faults.clear();
    const listed = await dw.iterateCrawlers({ ProjectId: 4242 }).toArray();
    expect(new Set(listed.map((c) => c.Name)).size).toBe(listed.length);
    expect(listed.map((c) => String(c.Id)).sort()).toEqual([...crawlers.ok].sort());
    expect(crawlers.reconciled).toBeGreaterThan(0);
  }, 240_000);
});
