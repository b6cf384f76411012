/**
 * Vitest global setup: the tests that run the built package (test/package, the CLI tests) need a `dist/` that matches
 * the sources. It is built once, before any test file runs, when it is missing or older than a source file, so that
 * no test file rebuilds it under another's feet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Newest modification time of the files below `dir` (0 when there are none). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const built = ['index.js', 'index.cjs', 'mock.js', 'cli.js', 'metacollect.js'].map((f) => path.join(root, 'dist', f));
  const stale =
    built.some((f) => !existsSync(f)) ||
    Math.min(...built.map((f) => statSync(f).mtimeMs)) <
      Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'tsup.config.ts')).mtimeMs);
  if (stale) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore', timeout: 300_000 });
}
