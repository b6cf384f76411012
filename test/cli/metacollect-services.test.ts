/** The built `metacollect` CLI against a mock server: DataArts and DataWorks commands, waiting, vendor CLI profiles. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index.js';
import { cleanEnv, mc, requireBuilt, start } from './metacollect-run.js';

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
    settings: { dataworksQueueDelayMs: 200, dataworksRunDurationMs: 800, dataartsRunDurationMs: 800 },
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

describe('metacollect dataarts: waiting', () => {
  const W = () => [...E, '--workspace', server.mock.defaults.workspace, 'dataarts', 'tasks'];
  const create = async (name: string, connection: string) => {
    const r = await mc([...W(), 'create', '--body', '-', '--name', name, '--data-source', connection, '-q'], {
      input: JSON.stringify(TASK),
    });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  /** The newest instance of a task, from the mock's control API (the service itself shows it in its console). */
  const newest = async (id: string) => {
    const res = await fetch(`${server.url}/__mock/dataarts/${server.mock.defaults.projectId}/tasks/${id}/instances`);
    const { instances } = (await res.json()) as { instances: { instance_id: string; bridge_id: string }[] };
    return instances[0]!;
  };

  it('run-now --wait and run --wait follow the run they start to its end; wait follows the latest run', async () => {
    const id = await create('wait-ok', 'conn-ok');
    const first = await mc([...W(), 'run-now', id, '--wait', '--poll-interval', '100', '-o', 'json']);
    expect(first.code, first.stderr).toBe(0);
    const task = JSON.parse(first.stdout);
    expect(task.id).toBe(id);
    expect(Number(task.end_time)).toBeGreaterThanOrEqual(Number(task.start_time));
    expect(first.stderr).toMatch(/run of task \w+: RUNNING \(\d+ s\)\nrun of task \w+: ENDED \(\d+ s\)\n/);
    expect(first.stderr).toMatch(/does not report a run's outcome/);
    // A second run: the wait follows it, not the first run (which had ended already).
    const second = await mc([...W(), 'run', id, '--wait', '--poll-interval', '100', '-o', 'json']);
    expect(second.code, second.stderr).toBe(0);
    expect(Number(JSON.parse(second.stdout).start_time)).toBeGreaterThan(Number(task.start_time));
    expect(second.stderr).toContain('RUNNING');
    const latest = await mc([...W(), 'wait', id, '-q']);
    expect(latest.code, latest.stderr).toBe(0);
    expect(latest.stdout).toBe(`${id}\n`);
  });

  it('wait --instance --bridge follows one run to its outcome: exit 0, or 1 with the reason', async () => {
    const ok = await create('inst-ok', 'conn-ok');
    await mc([...W(), 'run-now', ok]);
    const run = await newest(ok);
    const waited = await mc([
      ...W(),
      'wait',
      ok,
      '--instance',
      run.instance_id,
      '--bridge',
      run.bridge_id,
      '-o',
      'table',
    ]);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toMatch(/^bridge: SUCCESS\n.* INFO /);
    expect(waited.stderr).toMatch(/: SUCCESS \(\d+ s\)\n/);
    const logs = await mc([...W(), 'logs', ok, run.instance_id, '--bridge', run.bridge_id, '-o', 'table']);
    expect(logs.code, logs.stderr).toBe(0);
    expect(logs.stdout).toBe(waited.stdout);
    const logsJson = await mc([...W(), 'logs', ok, run.instance_id, '--bridge', run.bridge_id, '-o', 'json']);
    expect(JSON.parse(logsJson.stdout)).toMatchObject({ bridge_status: 'SUCCESS', enable_bridge: true });

    await fetch(`${server.url}/__mock/dataarts/connections/conn-down`, {
      method: 'POST',
      body: JSON.stringify({ reachable: false }),
    });
    const bad = await create('inst-bad', 'conn-down');
    await mc([...W(), 'run-now', bad]);
    const failed = await newest(bad);
    const r = await mc([...W(), 'wait', bad, '--instance', failed.instance_id, '--bridge', failed.bridge_id, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run failed: ');
    expect(r.stderr).toContain('ended with status FAILED: bridge job: Failed to connect to data connection conn-down');
    expect(r.stdout).toBe('');

    const usage = await mc([...W(), 'wait', ok, '--instance', run.instance_id]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--instance: needs --bridge');
  });

  it('Ctrl-C stops waiting for a DataArts run and leaves it alone (exit 130)', async () => {
    const id = await create('wait-int', 'conn-ok');
    const w = start([...W(), 'run-now', id, '--wait', '--poll-interval', '100']);
    await w.waitForStderr(/RUNNING/);
    w.child.kill('SIGINT');
    const r = await w.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('the run itself was left alone');
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

describe('KooCLI profiles', () => {
  it('reads unencrypted AKSK profiles (current, --profile, HW_PROFILE, HW_SHARED_CONFIG_FILE); refuses the rest', async () => {
    const home = join(dir, 'koo-home');
    mkdirSync(join(home, '.hcloud'), { recursive: true });
    const d = server.mock.defaults;
    const sts = server.mock.addAccessKey({ temporary: true });
    const profiles = [
      {
        name: 'main',
        mode: 'AKSK',
        accessKeyId: d.ak,
        secretAccessKey: d.sk,
        region: d.region,
        projectId: d.projectId,
      },
      { name: 'wrong', mode: 'AKSK', accessKeyId: d.ak, secretAccessKey: 'not-the-secret', projectId: d.projectId },
      {
        name: 'temp',
        mode: 'AKSK',
        accessKeyId: sts.ak,
        secretAccessKey: sts.sk,
        securityToken: sts.securityToken,
        projectId: d.projectId,
      },
      { name: 'sso', mode: 'SSO', accessKeyId: '', secretAccessKey: '' },
    ];
    writeFileSync(
      join(home, '.hcloud', 'config.json'),
      JSON.stringify({ authEncrypt: 'false', current: 'main', profiles }),
    );
    const encrypted = join(dir, 'koo-encrypted.json');
    writeFileSync(encrypted, JSON.stringify({ authEncrypt: 'true', current: 'main', profiles }));
    const env = cleanEnv({ HOME: home });
    const L = [...E, 'dsc', 'tasks', 'list', '-q'];
    const [main, wrong, temp, sso, byEnv, enc, encNamed, missing] = await Promise.all([
      mc([...L, '--debug'], { env }),
      mc([...L, '--profile', 'wrong'], { env }),
      mc([...L, '--profile', 'temp'], { env }),
      mc([...L, '--profile', 'sso'], { env }),
      mc(L, { env: cleanEnv({ HOME: home, HW_PROFILE: 'wrong' }) }),
      mc(L, { env: cleanEnv({ HOME: home, HW_SHARED_CONFIG_FILE: encrypted }) }),
      mc([...L, '--profile', 'main'], { env: cleanEnv({ HOME: home, HW_SHARED_CONFIG_FILE: encrypted }) }),
      mc([...L, '--profile', 'nobody'], { env }),
    ]);
    expect(main.code, main.stderr).toBe(0);
    expect(main.stderr).not.toContain("mock's default account");
    expect(main.stderr).not.toContain(d.sk);
    expect(temp.code, temp.stderr).toBe(0);
    expect(temp.stderr).not.toContain(sts.securityToken);
    expect(wrong.code).toBe(3); // the profile's (wrong) secret was used
    expect(wrong.stderr).not.toContain('not-the-secret');
    expect(byEnv.code).toBe(3);
    expect(sso.code).toBe(2);
    expect(sso.stderr).toContain('uses mode SSO; only AKSK profiles are read');
    // Encrypted: said on stderr and not read; the mock's default account is used instead.
    expect(enc.code, enc.stderr).toBe(0);
    expect(enc.stderr).toContain('--cli-auth-encrypt=false');
    expect(enc.stderr).toContain("using the mock's default account");
    expect(encNamed.code).toBe(2);
    expect(encNamed.stderr).toContain('encrypted');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('profile nobody not found');
    // DataArts reads the same profile.
    const da = await mc([...E, '--workspace', d.workspace, 'dataarts', 'tasks', 'search', '-q'], { env });
    expect(da.code, da.stderr).toBe(0);
    expect(da.stderr).not.toContain("mock's default account");
  });
});
