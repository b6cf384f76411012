/**
 * The example scripts run in CI against the mock, so none can rot: the quickstart (`npm start`) with the embedded
 * mock and with `--endpoint` pointing at another server, and the DataWorks console flow. (examples/*.test.ts run as
 * ordinary tests; examples/script.cts runs with ts-node in test/package.)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createMock, startMockServer } from '../../src/mock/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** Runs an example with tsx, with no cloud credentials in its environment. */
async function example(file: string, args: string[] = []): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], NODE_OPTIONS: '' };
  return run(tsx, [path.join(root, 'examples', file), ...args], { cwd: root, env, timeout: 120_000 });
}

describe('example scripts', () => {
  it('the quickstart runs every service against the embedded mock and prints a summary', async () => {
    const { stdout } = await example('quickstart.ts');
    expect(stdout).toMatch(/embedded mock at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/created template \d+/);
    expect(stdout).toMatch(/scan: SUCCESS/);
    expect(stdout).toMatch(/INFO Bridge job finished: SUCCESS/);
    expect(stdout).toMatch(/crawl: SUCCESS, 4 tables/);
    const summary = stdout.slice(stdout.indexOf('Summary'));
    expect(summary.match(/SUCCESS/g)).toHaveLength(3);
  }, 120_000);

  it('the quickstart talks to the server named by --endpoint, and fails readably when it is not a mock', async () => {
    const mock = createMock({
      clock: 'real',
      settings: {
        dscRunDurationMs: 500,
        dataartsRunDurationMs: 500,
        dataworksQueueDelayMs: 100,
        dataworksRunDurationMs: 300,
      },
    });
    const server = await startMockServer({ mock, port: 0 });
    try {
      const { stdout } = await example('quickstart.ts', ['--endpoint', server.url]);
      expect(stdout).toContain(`using ${server.url}`);
      expect(stdout).toMatch(/scan: SUCCESS/);
      expect(mock.requests.filter((r) => r.service === 'dsc').length).toBeGreaterThan(1);
      expect(mock.requests.some((r) => r.service === 'dataarts' && r.operation === 'CreateTask')).toBe(true);
      expect(mock.requests.some((r) => r.service === 'dataworks' && r.operation === 'CreateCrawler')).toBe(true);
    } finally {
      await server.close();
    }
    const failed = await example('quickstart.ts', ['--endpoint', 'http://127.0.0.1:9']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/quickstart failed: /);
  }, 120_000);

  it('the DataWorks console flow collects the specified tables', async () => {
    const { stdout } = await example('dataworks-collection.ts');
    expect(stdout).toMatch(/connectivity: Connectable/);
    expect(stdout).toMatch(/SUCCESS, 2 tables/);
    expect(stdout).toContain('Collected table shop.t1');
    expect(stdout).not.toContain('Collected table shop.orders');
  }, 120_000);
});
