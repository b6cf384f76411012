/**
 * Sections 4 and 5: cold import cost of the built entries in fresh processes, a check that the client entry loads no
 * mock or msw code, and the package's size (packed tarball and each built entry, raw and gzipped).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { median } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function coldImportMs(specifier: string, runs: number): number {
  const script =
    `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); ` +
    'process.stdout.write(String(performance.now() - t0));';
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    if (i > 0) samples.push(Number(out)); // the first run warms the OS file cache
  }
  return median(samples);
}

export interface ImportResults {
  coldImportMs: Record<string, number>;
  /** Modules the client entry must not pull in, and whether its bundle references them. */
  clientEntryLoadsMock: boolean;
  packedBytes: number;
  unpackedBytes: number;
  entries: { file: string; bytes: number; gzipBytes: number }[];
}

export function runImports(options: { runs: number }): ImportResults {
  const coldImport: Record<string, number> = {};
  for (const spec of ['metacollect', 'metacollect/mock', 'undici', 'zod'])
    coldImport[spec] = coldImportMs(spec, options.runs);
  const clientBundle = readFileSync(path.join(root, 'dist', 'index.js'), 'utf8');
  const clientEntryLoadsMock = /from ['"]msw|createMock|startMockServer|__mock\//.test(clientBundle);
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
  ) as { size: number; unpackedSize: number }[];
  const entries = ['index.js', 'index.cjs', 'mock.js', 'mock.cjs', 'msw.js', 'msw.cjs', 'cli.js'].map((file) => {
    const full = path.join(root, 'dist', file);
    return { file: `dist/${file}`, bytes: statSync(full).size, gzipBytes: gzipSync(readFileSync(full)).length };
  });
  return {
    coldImportMs: coldImport,
    clientEntryLoadsMock,
    packedBytes: pack[0]!.size,
    unpackedBytes: pack[0]!.unpackedSize,
    entries,
  };
}
