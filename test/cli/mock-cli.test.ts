import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI, killAll, run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'metacollect-cli-'));

afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('metacollect-mock CLI', () => {
  it('keeps the shebang line', () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('a SIGTERM sent the moment the banner is read stops it cleanly (handlers are installed before the banner)', async () => {
    // Before the fix, most processes signalled this early died by the default action (exit by signal, state unsaved).
    const stopOnBanner = () => {
      const cli = run(['--port', '0']);
      cli.child.stdout!.on('data', () => {
        if (/Run durations: .*\n/.test(cli.output().stdout) && !cli.child.killed) cli.child.kill('SIGTERM');
      });
      return cli.exited.then((code) => ({ code, stdout: cli.output().stdout }));
    };
    const results = await Promise.all(Array.from({ length: 6 }, stopOnBanner));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('stopped (SIGTERM)');
    }
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
    for (const args of [
      ['--port', 'abc'],
      ['--clock', 'fast'],
      ['--unknown'],
      ['--port', '70000'],
      ['--headers-timeout', '0'],
      ['--max-connections', 'many'],
    ]) {
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
    expect(cli.output().stdout).toContain('--headers-timeout <ms>');
    expect(cli.output().stdout).toContain('--max-connections <n>');
  });

  it('--headers-timeout closes a client that never finishes its headers', async () => {
    const cli = run(['--port', '0', '--headers-timeout', '500']);
    const port = Number((await cli.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/))[1]);
    const started = Date.now();
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => {});
    socket.write('GET /__mock/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let first = '';
    socket.once('data', (d: Buffer) => {
      first = d.toString().split('\r\n')[0] as string;
    });
    await new Promise((resolve) => socket.on('close', resolve));
    expect(first).toBe('HTTP/1.1 408 Request Timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
