/** The built `metacollect` CLI against a mock server: DataArts and DataWorks commands, Alibaba CLI profiles. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index.js';
import { cleanEnv, mc, requireBuilt } from './metacollect-run.js';

let server: MockServer;
let E: string[];
const dir = mkdtempSync(join(tmpdir(), 'metacollect-services-'));

const TASK = {
  name: 'orders',
  dir_id: '0',
  schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0 },
  data_source_type: 'DLI',
  task_config: { data_connection_id: 'c3bfb6a1c2b04e3c9b6ee6a1f1c8a9b2', databaseName: ['sales'], tableName: [] },
};
const DATASOURCE = {
  ConnectionProperties: {
    envType: 'Prod',
    address: [{ host: 'db', port: 3306 }],
    database: 'orders',
    username: 'u',
    password: 'p',
  },
};

beforeAll(async () => {
  requireBuilt();
  server = await startMockServer({
    port: 0,
    clock: 'real',
    settings: { dataworksQueueDelayMs: 200, dataworksRunDurationMs: 800 },
  });
  E = ['--endpoint', server.url];
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('metacollect dataarts', () => {
  it('create, search (every output), get, update, run, run-now, stop, logs, delete', async () => {
    const W = [...E, '--workspace', server.mock.defaults.workspace, 'dataarts', 'tasks'];
    const created = await mc([...W, 'create', '--body', '-', '--name', 'orders-cli', '-q'], {
      input: JSON.stringify(TASK),
    });
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^\S+$/);
    const [table, json, nd, get] = await Promise.all([
      mc([...W, 'search', '-o', 'table']),
      mc([...W, 'search', '-o', 'json']),
      mc([...W, 'search', '-o', 'ndjson']),
      mc([...W, 'get', id, '-o', 'table']),
    ]);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+TYPE\s+SCHEDULE\s+LAST RUN\n\S+\s+orders-cli\s+DLI\s+RUN_ONCE/);
    expect(JSON.parse(json.stdout).resources[0].id).toBe(id);
    expect(JSON.parse(nd.stdout.trim()).name).toBe('orders-cli');
    expect(get.stdout).toMatch(/\nname\s+orders-cli\n/);
    const upd = await mc([...W, 'update', id, '--description', 'nightly', '-q']);
    expect(upd.code).toBe(0);
    expect(JSON.parse((await mc([...W, 'get', id, '-o', 'json'])).stdout).description).toBe('nightly');
    const bad = await mc([...W, 'create', '--name', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/dir_id: /);
    for (const verb of ['run-now', 'stop', 'run', 'stop']) {
      const r = await mc([...W, verb, id, '-o', 'json']);
      expect(r.code, `${verb}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ task_id: id, action: verb, accepted: true });
    }
    const logs = await mc([...W, 'logs', id, 'no-such-instance', '--bridge', 'b']);
    expect(logs.code).toBe(3);
    const missingFlag = await mc([...W, 'logs', id, 'i']);
    expect(missingFlag.code).toBe(2);
    expect(missingFlag.stderr).toContain("required option '--bridge <id>'");
    expect((await mc([...W, 'delete', id, '-q'])).stdout).toBe(`${id}\n`);
    expect((await mc([...W, 'get', id])).code).toBe(3);
  });
});

describe('metacollect dataworks', () => {
  it('data sources, crawler types, crawlers, runs, wait, logs', async () => {
    const D = [...E, '--workspace', '1', 'dataworks'];
    const ds = await mc(
      [...D, 'datasources', 'create', '--body', '-', '--name', 'orders', '--type', 'mysql', '--mode', 'UrlMode', '-q'],
      {
        input: JSON.stringify(DATASOURCE),
      },
    );
    expect(ds.code, ds.stderr).toBe(0);
    const dsId = ds.stdout.trim();
    const [list, get, types, test] = await Promise.all([
      mc([...D, 'datasources', 'list', '-o', 'table']),
      mc([...D, 'datasources', 'get', dsId, '-o', 'json']),
      mc([...D, 'crawler-types', '-o', 'table']),
      mc([...D, 'datasources', 'test', dsId, '--resource-group', 'rg-1', '-o', 'json']),
    ]);
    expect(list.stdout).toMatch(/^NAME\s+TYPE\s+IDS\norders\s+mysql\s+\d+/);
    expect(JSON.parse(get.stdout).DataSource.Name).toBe('orders');
    expect(types.stdout).toMatch(/^TYPE\s+NAME\nmysql/);
    expect([0, 3]).toContain(test.code); // an unknown resource group is the service's answer, not the CLI's
    const crawler = await mc([
      ...D,
      'crawlers',
      'create',
      '--name',
      'c1',
      '--data-source',
      dsId,
      '--type',
      'mysql',
      '-q',
    ]);
    expect(crawler.code, crawler.stderr).toBe(0);
    const cId = crawler.stdout.trim();
    const [clist, cget, upd] = await Promise.all([
      mc([...D, 'crawlers', 'list', '-o', 'ndjson']),
      mc([...D, 'crawlers', 'get', cId, '-o', 'table']),
      mc([...D, 'crawlers', 'update', cId, '--body', '-', '--schedule', '0 0 2 ? * *', '-o', 'json'], { input: '{}' }),
    ]);
    expect(JSON.parse(clist.stdout.trim()).Name).toBe('c1');
    expect(cget.stdout).toMatch(/\nName\s+c1\n/);
    expect(upd.code, upd.stderr).toBe(0);
    const run = await mc([...D, 'crawlers', 'run', cId, '--wait', '--poll-interval', '200', '-o', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).Status).toBe('SUCCESS');
    expect(run.stderr).toMatch(/crawler \d+ run: \w+ \(\d+ s\)\n/);
    const [runs, waited, logs] = await Promise.all([
      mc([...D, 'crawlers', 'runs', cId, '-q']),
      mc([...D, 'crawlers', 'wait', cId, '-o', 'json']),
      mc([...D, 'crawlers', 'logs', cId]),
    ]);
    expect(runs.stdout).toMatch(/^\d+\n$/);
    expect(JSON.parse(waited.stdout).TaskInstanceId).toBe(Number(runs.stdout.trim()));
    expect(logs.code, logs.stderr).toBe(0);
    const stop = await mc([...D, 'crawlers', 'stop', cId]);
    expect([0, 3]).toContain(stop.code); // nothing running: the service's answer
    expect((await mc([...D, 'crawlers', 'delete', cId, '-q'])).stdout).toBe(`${cId}\n`);
    expect((await mc([...D, 'datasources', 'delete', dsId, '-q'])).code).toBe(0);
  });

  it('reads Alibaba CLI profiles (AK, StsToken, ALIBABA_CLOUD_PROFILE) from HOME; refuses other modes', async () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.aliyun'), { recursive: true });
    const d = server.mock.defaults;
    const sts = server.mock.addAccessKey({ temporary: true });
    writeFileSync(
      join(home, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'main',
        profiles: [
          { name: 'main', mode: 'AK', access_key_id: d.ak, access_key_secret: d.sk, region_id: 'cn-shanghai' },
          { name: 'wrong', mode: 'AK', access_key_id: d.ak, access_key_secret: 'not-the-secret' },
          {
            name: 'temp',
            mode: 'StsToken',
            access_key_id: sts.ak,
            access_key_secret: sts.sk,
            sts_token: sts.securityToken,
          },
          { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: 'y' },
        ],
      }),
    );
    const env = cleanEnv({ HOME: home });
    const L = [...E, 'dataworks', 'crawler-types', '-q'];
    const [main, wrong, temp, role, byEnv] = await Promise.all([
      mc([...L, '--debug'], { env }),
      mc([...L, '--profile', 'wrong'], { env }),
      mc([...L, '--profile', 'temp'], { env }),
      mc([...L, '--profile', 'role'], { env }),
      mc(L, { env: cleanEnv({ HOME: home, ALIBABA_CLOUD_PROFILE: 'wrong' }) }),
    ]);
    expect(main.code, main.stderr).toBe(0);
    expect(main.stderr).not.toContain("mock's default account");
    expect(main.stderr).not.toContain(d.sk);
    expect(temp.code, temp.stderr).toBe(0);
    expect(wrong.code).toBe(3); // the profile's (wrong) secret was used
    expect(wrong.stderr).not.toContain('not-the-secret');
    expect(byEnv.code).toBe(3);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('only AK and StsToken profiles are read');
  });
});
