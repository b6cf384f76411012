import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../src/cli/mock.ts');
const dir = mkdtempSync(join(tmpdir(), 'metacollect-cli-'));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => ({ stdout, stderr });
  const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const m = stdout.match(pattern);
      if (m) return m;
      if (child.exitCode !== null) throw new Error(`CLI exited (${child.exitCode}): ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, output, waitFor };
}

describe('metacollect-mock CLI', () => {
  it('keeps the shebang line', () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('prints URL, credentials and a curl line; serves; saves and reloads state on SIGTERM', async () => {
    const state = join(dir, 'state.json');
    const first = run(['--port', '0', '--seed', '7', '--clock', 'manual', '--state', state]);
    const url = (await first.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    await first.waitFor(/curl .*\n/);
    const { stdout } = first.output();
    const defaults = await (await fetch(`${url}/__mock/defaults`)).json();
    expect(stdout).toContain(defaults.projectId);
    expect(stdout).toContain(defaults.token);
    expect(stdout).toContain(defaults.ak);
    expect(stdout).toContain(
      `curl -s -H 'X-Auth-Token: ${defaults.token}' ${url}/v1/${defaults.projectId}/metadata/task-templates`,
    );

    const created = await fetch(`${url}/v1/${defaults.projectId}/metadata/task-templates`, {
      method: 'POST',
      headers: { 'X-Auth-Token': defaults.token, 'content-type': 'application/json' },
      body: JSON.stringify({
        task_name: 'kept',
        data_sources: [{ db_type: 'MySQL', ins_id: 'i-1' }],
        schedule_type: 'ONCE',
      }),
    });
    expect(created.status).toBe(200);
    const clock = await (await fetch(`${url}/__mock/clock`, { method: 'POST', body: '{"advanceMs":1000}' })).json();
    expect(clock.mode).toBe('manual');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(state)).toBe(true);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.clock.now).toBe(clock.now);

    const second = run(['--port', '0', '--clock', 'manual', '--state', state]);
    const url2 = (await second.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    const list = await (
      await fetch(`${url2}/v1/${defaults.projectId}/metadata/task-templates`, {
        headers: { 'X-Auth-Token': defaults.token },
      })
    ).json();
    expect(list.result.map((t: { task_name: string }) => t.task_name)).toEqual(['kept']);
    expect((await (await fetch(`${url2}/__mock/clock`)).json()).now).toBe(clock.now);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('prints usage on stderr and exits 2 for bad flags', async () => {
    for (const args of [['--port', 'abc'], ['--clock', 'fast'], ['--unknown'], ['--port', '70000']]) {
      const cli = run(args);
      expect(await cli.exited).toBe(2);
      expect(cli.output().stderr).toContain('Usage: metacollect-mock');
      expect(cli.output().stdout).toBe('');
    }
  });

  it('--help prints usage and exits 0', async () => {
    const cli = run(['--help']);
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toContain('--state <file.json>');
  });
});
