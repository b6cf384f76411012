/**
 * `metacollect-mock --state`: every acknowledged change reaches the file within the save window (1 s) while the
 * command runs, atomically, so a SIGKILL at any moment leaves a valid file; a file that cannot be loaded or written
 * is refused at start (exit code 1) and left untouched.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SAVE_MAX_DELAY_MS, StateSaver } from '../../src/cli/state.js';
import { createMock, type MockSnapshot } from '../../src/mock/index.js';
import { killAll, run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'metacollect-state-'));
afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How long into a burst of creates the command is killed: some answered, their save not yet due. */
const MID_BURST_MS = 120;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startWithState(path: string, extra: string[] = []) {
  const cli = run(['--port', '0', '--seed', '5', '--clock', 'manual', '--state', path, ...extra]);
  const url = (await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const defaults = await (await fetch(`${url}/__mock/defaults`)).json();
  const base = `${url}/v1/${defaults.projectId}/metadata/task-templates`;
  const create = (name: string) =>
    fetch(base, {
      method: 'POST',
      headers: { 'X-Auth-Token': defaults.token, 'content-type': 'application/json' },
      body: JSON.stringify({
        task_name: name,
        data_sources: [{ db_type: 'MySQL', ins_id: 'i-1' }],
        schedule_type: 'ONCE',
      }),
    });
  return { cli, url, base, token: defaults.token as string, create };
}

const templatesIn = (path: string): string[] => {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as MockSnapshot;
  expect(saved.version).toBe(1);
  return (saved.services.dsc as { templates: { task_name: string }[] }).templates.map((t) => t.task_name);
};

describe('metacollect-mock --state survives a crash', () => {
  it('holds every change older than the save window after a SIGKILL, and says what it loads', async () => {
    const path = join(dir, 'crash.json');
    const first = await startWithState(path);
    for (let i = 0; i < 20; i++) expect((await first.create(`task-${i}`)).status).toBe(200);
    await sleep(SAVE_MAX_DELAY_MS + 500);
    first.cli.child.kill('SIGKILL');
    await first.cli.exited;
    expect(templatesIn(path)).toEqual(Array.from({ length: 20 }, (_, i) => `task-${i}`));

    const second = await startWithState(path);
    expect(second.cli.output().stdout).toMatch(/State file: .*crash\.json \(loaded .*dsc: 20 templates/);
    const list = await (await fetch(second.base, { headers: { 'X-Auth-Token': second.token } })).json();
    expect(list.result.length).toBe(20);

    // Killed in the middle of a burst of creates: still a whole, loadable file with at least the first 20.
    const burst = Array.from({ length: 30 }, (_, i) => second.create(`burst-${i}`).catch(() => undefined));
    await sleep(MID_BURST_MS);
    second.cli.child.kill('SIGKILL');
    await Promise.all(burst);
    await second.cli.exited;
    expect(templatesIn(path).length).toBeGreaterThanOrEqual(20);
    const third = await startWithState(path);
    third.cli.child.kill('SIGTERM');
    expect(await third.cli.exited).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toBe('');
  }, 30_000);

  it('does not write while nothing changes', async () => {
    const path = join(dir, 'quiet.json');
    const cli = await startWithState(path);
    const written = statSync(path).mtimeMs;
    for (let i = 0; i < 20; i++) await fetch(cli.base, { headers: { 'X-Auth-Token': cli.token } });
    await sleep(SAVE_MAX_DELAY_MS + 300);
    expect(statSync(path).mtimeMs).toBe(written);
  }, 15_000);
});

describe('metacollect-mock --state refuses what it cannot use', () => {
  it.each([
    ['not JSON', 'bad-0.json', '{"version": 1, "clock": {', /cannot load state from .*bad-0\.json: not valid JSON/],
    ['not a snapshot', 'bad-1.json', '{"version": 2}', /cannot load state from .*bad-1\.json: version: not a/],
    ['empty', 'bad-2.json', '', /cannot load state from .*bad-2\.json: not valid JSON/],
  ])('a file that is %s: exit code 1, a clear message, the file untouched', async (_what, name, content, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const cli = run(['--port', '0', '--state', path]);
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toMatch(message);
    expect(cli.output().stdout).not.toContain('listening');
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('a path that is a folder, or in a missing folder: exit code 1 before serving', async () => {
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder);
    const asFolder = run(['--port', '0', '--state', folder]);
    expect(await asFolder.exited).toBe(1);
    expect(asFolder.output().stderr).toMatch(/cannot read state file .*a-folder\.json: /);
    const missing = run(['--port', '0', '--state', join(dir, 'no-such-folder', 's.json')]);
    expect(await missing.exited).toBe(1);
    expect(missing.output().stderr).toMatch(/cannot write state to .*s\.json: /);
    expect(missing.output().stdout).not.toContain('listening');
  });
});

describe('StateSaver', () => {
  it('saves a clock-driven change (a run ending in real clock mode) with no request after it', async () => {
    const path = join(dir, 'clock.json');
    const mock = createMock({ seed: 2, clock: 'real', settings: { dscRunDurationMs: 300 } });
    const saver = new StateSaver({ mock, path, onError: (e) => expect.fail(e.message) });
    try {
      await saver.flush(true);
      const { projectId, token } = mock.defaults;
      const base = `https://sdg.cn-north-4.myhuaweicloud.com/v1/${projectId}/metadata/task-templates`;
      const headers = { 'X-Auth-Token': token, 'content-type': 'application/json' };
      const body = { task_name: 't', data_sources: [{ db_type: 'MySQL', ins_id: 'i-1' }], schedule_type: 'ONCE' };
      const created = await mock.handle(new Request(base, { method: 'POST', headers, body: JSON.stringify(body) }));
      const { id } = await created.json();
      const started = await mock.handle(
        new Request(`${base}/${id}/operate`, { method: 'POST', headers, body: '{"action":"START"}' }),
      );
      expect(started.status).toBe(200);
      saver.markChanged();
      await sleep(250);
      const running = JSON.stringify(mock.snapshot().services.dsc);
      await sleep(300 + SAVE_MAX_DELAY_MS);
      const saved = JSON.parse(readFileSync(path, 'utf8')) as MockSnapshot;
      expect(JSON.stringify(saved.services.dsc)).not.toBe(running);
      expect(saved.services.dsc).toEqual(mock.snapshot().services.dsc);
    } finally {
      saver.stop();
      mock.dispose();
    }
  }, 10_000);
});
