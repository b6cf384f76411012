/** scripts/generate.mjs: generation and `--check` (changed, missing and extra files), on a copy of one spec. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { OPENAPI_DIR } from '../support/openapi.js';

const script = path.resolve(OPENAPI_DIR, '../scripts/generate.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'metacollect-generate-test-'));
const specDir = path.join(work, 'openapi');
const outDir = path.join(work, 'generated');
mkdirSync(specDir);
copyFileSync(path.join(OPENAPI_DIR, 'iam.yaml'), path.join(specDir, 'iam.yaml'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [script, '--spec-dir', specDir, '--out-dir', outDir, ...args], {
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('scripts/generate.mjs', () => {
  test('generates, then --check passes, and fails on a changed, missing or extra file', () => {
    const out = path.join(outDir, 'iam.ts');
    expect(run().status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('/**\n * generated, do not edit')).toBe(true);
    expect(text).toContain('KeystoneCreateUserTokenByPassword: {');
    expect(run('--check')).toMatchObject({ status: 0 });

    writeFileSync(out, `${text}// hand edit\n`);
    expect(run('--check')).toEqual({ status: 1, output: expect.stringMatching(/out of date: .*generated\/iam\.ts/) });

    unlinkSync(out);
    expect(run('--check')).toEqual({ status: 1, output: expect.stringMatching(/missing: .*generated\/iam\.ts/) });

    writeFileSync(out, text);
    writeFileSync(path.join(outDir, 'stale.ts'), '');
    expect(run('--check')).toEqual({
      status: 1,
      output: expect.stringMatching(/extra \(no \.yaml source\): .*stale\.ts/),
    });
  }, 60_000);
});
