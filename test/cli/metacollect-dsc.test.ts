/** The built `metacollect` CLI against a mock server: help, DSC commands, outputs, exit codes, waiting, Ctrl-C. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { type MockServer, startMockServer } from '../../src/mock/index.js';
import { cleanEnv, mc, type Result, requireBuilt, start, underPty } from './metacollect-run.js';

let server: MockServer;
let E: string[];
const dir = mkdtempSync(join(tmpdir(), 'metacollect-dsc-'));

beforeAll(async () => {
  requireBuilt();
  server = await startMockServer({ port: 0, clock: 'real', settings: { dscRunDurationMs: 1_500 } });
  E = ['--endpoint', server.url];
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('metacollect: help and usage', () => {
  it('has --help with an example at every level, and suggests the nearest command or flag (exit 2)', async () => {
    // Every command of the tree, groups and leaves alike.
    const levels: string[][] = [];
    const walk = (c: Command, path: string[]) => {
      levels.push(path);
      for (const sub of c.commands) walk(sub, [...path, sub.name()]);
    };
    walk(buildProgram(), []);
    expect(levels.length).toBeGreaterThan(40);
    const helps: Result[] = [];
    for (let i = 0; i < levels.length; i += 8) {
      helps.push(...(await Promise.all(levels.slice(i, i + 8).map((l) => mc([...l, '--help'])))));
    }
    helps.forEach((h, i) => {
      expect(h.code, levels[i]!.join(' ')).toBe(0);
      expect(h.stdout, levels[i]!.join(' ')).toMatch(/Example:\n {2}\$ metacollect /);
    });
    expect(helps[0]!.stdout).toContain('130  interrupted');
    const [cmd, flag] = await Promise.all([mc(['dsc', 'tasks', 'lst']), mc(['dsc', 'tasks', 'list', '--limt', '3'])]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('(Did you mean list?)');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('(Did you mean --limit?)');
    expect(cmd.stdout + flag.stdout).toBe('');
  });
});

describe('metacollect dsc', () => {
  it('creates from flags and from a body on stdin or in a file, with the mock default account said on stderr', async () => {
    const a = await mc([
      ...E,
      'dsc',
      'tasks',
      'create',
      '--name',
      'a',
      '--data-source',
      'MySQL:db1',
      '--schedule',
      'DAY',
      '-o',
      'json',
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ status: 'success', id: expect.any(String) });
    expect(a.stderr).toMatch(/using the mock's default account \(project [0-9a-f]{32}\)/);
    const body = JSON.stringify({
      task_name: 'b',
      data_sources: [{ db_type: 'MySQL', ins_id: 'db2' }],
      schedule_type: 'ONCE',
    });
    const file = join(dir, 'b.json');
    writeFileSync(file, body.replace('"b"', '"c"'));
    const [b, c] = await Promise.all([
      mc([...E, 'dsc', 'tasks', 'create', '--body', '-', '-q'], { input: body }),
      // the flag is set over the body's field
      mc([...E, 'dsc', 'tasks', 'create', '--body', file, '--name', 'c2', '-q']),
    ]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^\d+\n$/);
    expect(c.code).toBe(0);
    const list = await mc([...E, 'dsc', 'tasks', 'list', '-o', 'json']);
    const names = JSON.parse(list.stdout)
      .result.map((t: { task_name: string }) => t.task_name)
      .sort();
    expect(names).toEqual(['a', 'b', 'c2']);
  });

  it('lists as a table, one JSON page, ndjson through every page, or ids', async () => {
    const [table, json, ndjson, quiet] = await Promise.all([
      mc([...E, 'dsc', 'tasks', 'list', '-o', 'table']),
      mc([...E, 'dsc', 'tasks', 'list', '-o', 'json', '--limit', '2']),
      mc([...E, 'dsc', 'tasks', 'list', '-o', 'ndjson', '--limit', '2']),
      mc([...E, 'dsc', 'tasks', 'list', '-q', '--limit', '1']),
    ]);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+SCHEDULE\s+LAST STATUS\s+DATA SOURCES$/);
    expect(table.stdout).toMatch(/\n\d+\s+a\s+DAY\s+MySQL:db1\n/);
    const page = JSON.parse(json.stdout);
    expect(page.result).toHaveLength(2);
    expect(page.total_num).toBe(3);
    const lines = ndjson.stdout.trim().split('\n');
    expect(lines).toHaveLength(3); // pages of 2 → every item
    expect(lines.map((l) => JSON.parse(l).task_name).sort()).toEqual(['a', 'b', 'c2']);
    expect(quiet.stdout.trim().split('\n')).toHaveLength(3);
    for (const r of [table, json, ndjson, quiet]) expect(r.code).toBe(0);
  });

  it('rejects invalid input before sending: field and expectation, exit 2; a service error is exit 3', async () => {
    const creates = () => server.mock.requests.filter((e) => e.operation === 'CreateTaskTemplates').length;
    const before = creates();
    const bad = await mc([...E, 'dsc', 'tasks', 'create', '--name', 'x', '--schedule', 'DAILY']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('nothing was sent');
    expect(bad.stderr).toMatch(/schedule_type: expected one of ONCE, DAY, WEEK, MONTH/);
    expect(bad.stderr).toMatch(/data_sources: expected/);
    expect(creates()).toBe(before);
    const [notJson, missing] = await Promise.all([
      mc([...E, 'dsc', 'tasks', 'create', '--body', '-'], { input: '{oops' }),
      mc([...E, 'dsc', 'tasks', 'start', '999999']),
    ]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('--body: stdin is not valid JSON');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/answered 404 dsc\.\d+/);
    expect(missing.stderr).toMatch(/request id [0-9a-f]{32}/);
  });

  it('updates, enables, disables and deletes', async () => {
    const id = (await mc([...E, 'dsc', 'tasks', 'list', '-q', '--name', 'b'])).stdout.trim();
    const [upd, dis, en] = await Promise.all([
      mc([...E, 'dsc', 'tasks', 'update', id, '--schedule', 'WEEK', '-o', 'table']),
      mc([...E, 'dsc', 'tasks', 'disable', id, '-q']),
      mc([...E, 'dsc', 'tasks', 'enable', id, '-o', 'json']),
    ]);
    expect(upd.code).toBe(0);
    expect(upd.stdout).toMatch(/^FIELD\s+VALUE\nstatus\s+success/);
    expect(dis.stdout).toBe(`${id}\n`);
    expect(JSON.parse(en.stdout).status).toBe('success');
    const shown = JSON.parse((await mc([...E, 'dsc', 'tasks', 'list', '-o', 'json', '--name', 'b'])).stdout);
    expect(shown.result[0].schedule_type).toBe('WEEK');
    const del = await mc([...E, 'dsc', 'tasks', 'delete', id, '-o', 'json']);
    expect(del.code).toBe(0);
    expect((await mc([...E, 'dsc', 'tasks', 'list', '-q', '--name', 'b'])).stdout).toBe('');
  });

  it('start --wait follows the run (a line per state change off a terminal); instances list', async () => {
    const id = (await mc([...E, 'dsc', 'tasks', 'list', '-q', '--name', 'a'])).stdout.trim();
    const r = await mc([...E, 'dsc', 'tasks', 'start', id, '--wait', '--poll-interval', '200', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).task_status).toBe('SUCCESS');
    expect(r.stderr).toMatch(/scan instance of template \d+: RUNNING \(\d+ s\)\n/);
    expect(r.stderr).toMatch(/: SUCCESS \(\d+ s\)\n/);
    expect(r.stderr).not.toContain('\r');
    const [list, nd] = await Promise.all([
      mc([...E, 'dsc', 'instances', 'list', id, '-o', 'table']),
      mc([...E, 'dsc', 'instances', 'list', id, '-o', 'ndjson']),
    ]);
    expect(list.stdout).toMatch(/^ID\s+STATUS\s+CREATED\s+ENDED\s+ERROR\n\d+\s+SUCCESS/);
    expect(JSON.parse(nd.stdout.trim()).task_status).toBe('SUCCESS');
  });

  it('wait: live progress on a terminal; a failed run is exit 1 with its message; --timeout is exit 4', async () => {
    const id = (await mc([...E, 'dsc', 'tasks', 'list', '-q', '--name', 'a'])).stdout.trim();
    await mc([...E, 'dsc', 'tasks', 'start', id]);
    const pty = await underPty([...E, 'dsc', 'instances', 'wait', id, '--poll-interval', '200']);
    expect(pty.code).toBe(0);
    // the progress line is redrawn in place: carriage return, erase line, state and elapsed time
    expect(pty.stdout).toContain('\r\u001b[Kscan instance of template');
    expect(pty.stdout).toMatch(/scan instance of template \d+: RUNNING \(\d+ s\)/);
    expect(pty.stdout).toMatch(/FIELD\s+VALUE/); // a summary on a terminal

    server.mock.faults.inject({ service: 'dsc', operation: 'CreateOperate', phase: 'run', message: 'disk full' });
    const failed = await mc([...E, 'dsc', 'tasks', 'start', id, '--wait', '--poll-interval', '200']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/run failed: .*FAILED: disk full/);

    const slow = await mc([...E, 'dsc', 'tasks', 'start', id, '--wait', '--timeout', '0.3', '--poll-interval', '100']);
    expect(slow.code).toBe(4);
    expect(slow.stderr).toMatch(/timed out: .* \(the run continues on the service\)/);
  });

  it('Ctrl-C stops waiting, leaves the run alone and says so (exit 130)', async () => {
    const id = (await mc([...E, 'dsc', 'tasks', 'list', '-q', '--name', 'a'])).stdout.trim();
    await new Promise((r) => setTimeout(r, 1_600)); // the previous run has ended
    const operates = () => server.mock.requests.filter((e) => e.operation === 'CreateOperate').length;
    const before = operates();
    const w = start([...E, 'dsc', 'tasks', 'start', id, '--wait', '--poll-interval', '200']);
    await w.waitForStderr(/RUNNING/);
    w.child.kill('SIGINT');
    const r = await w.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: stopped waiting .*left alone/);
    const instances = JSON.parse((await mc([...E, 'dsc', 'instances', 'list', id, '-o', 'json', '--reverse'])).stdout);
    // nothing was sent to the run after the start: it runs (or ran) to its end, not stopped
    expect(operates()).toBe(before + 1);
    expect(['RUNNING', 'SUCCESS']).toContain(instances.result[0].task_status);
  });

  it('a connection error is exit 5; configured credentials skip the mock defaults; --debug shows no secret', async () => {
    const d = (await (await fetch(`${server.url}/__mock/defaults`)).json()) as Record<string, string>;
    const env = cleanEnv({
      HUAWEICLOUD_SDK_AK: d.ak!,
      HUAWEICLOUD_SDK_SK: d.sk!,
      HUAWEICLOUD_SDK_PROJECT_ID: d.projectId!,
    });
    const [down, dbg] = await Promise.all([
      mc(['--endpoint', 'http://127.0.0.1:9', '--request-timeout', '3000', 'dsc', 'tasks', 'list'], { env }),
      mc([...E, '--debug', 'dsc', 'tasks', 'list', '-q'], { env }),
    ]);
    expect(down.code).toBe(5);
    expect(down.stderr).toContain('connection error');
    expect(dbg.code).toBe(0);
    expect(dbg.stderr).not.toContain("mock's default account");
    expect(dbg.stderr).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/v1\/[0-9a-f]{32}\/metadata\/task-templates\?\S+ → 200 in \d+ ms \(attempt 1, request id \w+\)/,
    );
    expect(dbg.stderr).not.toContain(d.sk);
    expect(dbg.stdout).toMatch(/^\d+\n/);
  });
});
