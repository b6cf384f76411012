import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeDurations, durationSettings } from '../../src/cli/durations.js';
import { DEFAULT_SETTINGS } from '../../src/mock/index.js';
import { killAll, run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'metacollect-cli-speed-'));
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const durationsLine = /Run durations: (.*)\n/;

describe('durationSettings and describeDurations', () => {
  it('divides every default by the speed; a duration given one by one wins', () => {
    expect(durationSettings(60, {})).toEqual({
      dscRunDurationMs: 500,
      dataartsRunDurationMs: 1000,
      dataworksQueueDelayMs: 83,
      dataworksRunDurationMs: 1000,
    });
    expect(durationSettings(60, { dscRunDurationMs: 1234 }).dscRunDurationMs).toBe(1234);
    expect(durationSettings(undefined, { dataworksQueueDelayMs: 0 })).toEqual({ dataworksQueueDelayMs: 0 });
    expect(durationSettings(undefined, {})).toEqual({});
    expect(durationSettings(0.5, {}).dscRunDurationMs).toBe(60_000);
  });

  it('describes the durations in seconds', () => {
    expect(describeDurations(DEFAULT_SETTINGS)).toBe('DSC 30 s, DataArts 60 s, DataWorks 5 s queued + 60 s');
    expect(describeDurations({ ...DEFAULT_SETTINGS, ...durationSettings(60, {}) })).toBe(
      'DSC 0.5 s, DataArts 1 s, DataWorks 0.083 s queued + 1 s',
    );
  });
});

describe('metacollect-mock --speed, duration flags, --version', () => {
  it('--version (and -v) prints the package version and exits 0', async () => {
    for (const flag of ['--version', '-v']) {
      const cli = run([flag]);
      expect(await cli.exited).toBe(0);
      expect(cli.output().stdout).toBe(`${pkg.version}\n`);
    }
  });

  it('--help documents --speed, the duration flags and --version', async () => {
    const cli = run(['--help']);
    expect(await cli.exited).toBe(0);
    const { stdout } = cli.output();
    for (const flag of [
      '--speed <factor>',
      '--dsc-run-ms <ms>',
      '--dataarts-run-ms <ms>',
      '--dataworks-queue-ms <ms>',
      '--dataworks-run-ms <ms>',
      '-v, --version',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('without flags it prints the default durations', async () => {
    const cli = run(['--port', '0']);
    expect((await cli.waitFor(durationsLine))[1]).toBe('DSC 30 s, DataArts 60 s, DataWorks 5 s queued + 60 s');
  });

  it('--speed 60: a DSC run started now ends in about half a second of real time', async () => {
    const cli = run(['--port', '0', '--speed', '60']);
    const url = (await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    expect((await cli.waitFor(durationsLine))[1]).toBe(
      'DSC 0.5 s, DataArts 1 s, DataWorks 0.083 s queued + 1 s (--speed 60)',
    );
    const d = await (await fetch(`${url}/__mock/defaults`)).json();
    const headers = { 'X-Auth-Token': d.token, 'content-type': 'application/json' };
    const base = `${url}/v1/${d.projectId}/metadata/task-templates`;
    const started = Date.now();
    const created = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        task_name: 'fast',
        data_sources: [{ db_type: 'MySQL', ins_id: 'i-1' }],
        schedule_type: 'ONCE',
        start_now: true,
      }),
    });
    expect(created.status).toBe(200);
    const { id } = await created.json();
    let status = '';
    while (Date.now() - started < 10_000) {
      const page = await (await fetch(`${base}/${id}/task-instances`, { headers })).json();
      status = page.result[0]?.task_status ?? '';
      if (status === 'SUCCESS') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('SUCCESS');
    // The default 30 s would not have ended yet.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('a duration flag wins over --speed', async () => {
    const cli = run(['--port', '0', '--speed', '60', '--dsc-run-ms', '1234', '--dataworks-queue-ms', '0']);
    expect((await cli.waitFor(durationsLine))[1]).toBe(
      'DSC 1.234 s, DataArts 1 s, DataWorks 0 s queued + 1 s (--speed 60)',
    );
  });

  it('durations saved in a state file are kept on restart unless a flag overrides them', async () => {
    const state = join(dir, 'speed.json');
    const first = run(['--port', '0', '--state', state, '--speed', '60']);
    await first.waitFor(durationsLine);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = run(['--port', '0', '--state', state]);
    expect((await second.waitFor(durationsLine))[1]).toBe('DSC 0.5 s, DataArts 1 s, DataWorks 0.083 s queued + 1 s');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const third = run(['--port', '0', '--state', state, '--dataarts-run-ms', '2000']);
    expect((await third.waitFor(durationsLine))[1]).toBe('DSC 0.5 s, DataArts 2 s, DataWorks 0.083 s queued + 1 s');
  });

  it('refuses bad values with usage on stderr and exit code 2', async () => {
    const cases = [
      ['--speed', '0'],
      ['--speed', 'fast'],
      ['--speed', '-2'],
      ['--speed', '2000000'],
      ['--dsc-run-ms', '1.5'],
      ['--dataworks-run-ms', '-1'],
      ['--dataarts-run-ms', '90000000'],
    ];
    // Started together: each is a Node process that exits at once.
    const clis = cases.map((args) => ({ args, cli: run(args) }));
    for (const { args, cli } of clis) {
      expect(await cli.exited).toBe(2);
      // A negative number is refused by the argument parser itself ("argument is ambiguous"), naming the flag too.
      expect(cli.output().stderr).toMatch(new RegExp(`^metacollect-mock: .*${args[0]}`));
      expect(cli.output().stderr).toContain('Usage: metacollect-mock');
    }
  }, 60_000);
});
