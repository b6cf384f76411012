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

/**
 * The first validated call: the client loads its zod schemas (and zod) then, not at import. A create with an
 * invalid body is rejected by validation before any I/O, so this measures import + construction + schema loading.
 */
const FIRST_CALL =
  "const c = new m.DataArtsCatalogClient({ endpoint: 'http://127.0.0.1:9', projectId: 'p', workspace: 'w', " +
  "auth: { token: 't' }, logLevel: 'off' }); await c.createCollectionTask({}).catch(() => undefined);";

/** A fresh process per sample: `code` runs after `load` (an expression giving the module as `m`). */
function coldMs(load: string, code: string, runs: number, inputType: 'module' | 'commonjs' = 'module'): number {
  const body = `const t0 = performance.now(); const m = ${load}; ${code} process.stdout.write(String(performance.now() - t0));`;
  const script = inputType === 'module' ? body : `(async () => { ${body} })();`;
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const out = execFileSync(process.execPath, [`--input-type=${inputType}`, '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    if (i > 0) samples.push(Number(out)); // the first run warms the OS file cache
  }
  return median(samples);
}

export interface ImportResults {
  coldImportMs: Record<string, number>;
  /** Modules the client entry must not pull in, and whether its bundle references them. */
  clientEntryLoadsMock: boolean;
  /** Whether importing the client entry (its static module graph) loads zod; the schemas load it on first use. */
  importLoadsZod: boolean;
  packedBytes: number;
  unpackedBytes: number;
  entries: { file: string; bytes: number; gzipBytes: number }[];
}

/** The dist/ files an ESM file imports, transitively: static imports, and dynamic ones too when `dynamic`. */
function moduleGraph(file: string, dynamic: boolean, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [...seen];
  seen.add(file);
  const code = readFileSync(path.join(root, 'dist', file), 'utf8');
  const pattern = dynamic ? /(?:from |import\()['"]\.\/([^'"]+)['"]/g : /from ['"]\.\/([^'"]+)['"]/g;
  for (const m of code.matchAll(pattern)) moduleGraph(m[1]!, dynamic, seen);
  return [...seen];
}

export function runImports(options: { runs: number }): ImportResults {
  const coldImport: Record<string, number> = {};
  for (const spec of ['metacollect', 'metacollect/mock', 'undici', 'zod'])
    coldImport[spec] = coldMs(`await import(${JSON.stringify(spec)})`, '', options.runs);
  coldImport["require('metacollect') (CommonJS)"] = coldMs("require('metacollect')", '', options.runs, 'commonjs');
  coldImport['metacollect, then its first validated call (loads zod)'] = coldMs(
    "await import('metacollect')",
    FIRST_CALL,
    options.runs,
  );
  // The client entry is dist/index.js plus the chunks it imports, statically or on first use (its schemas).
  const clientFiles = moduleGraph('index.js', true);
  const clientBundle = clientFiles.map((f) => readFileSync(path.join(root, 'dist', f), 'utf8')).join('\n');
  const clientEntryLoadsMock = /from ['"]msw|createMock|startMockServer|__mock\//.test(clientBundle);
  // What an `import('metacollect')` evaluates before any call: the static graph only. zod must not be in it.
  const importLoadsZod = moduleGraph('index.js', false).some((f) =>
    /from ['"]zod['"]/.test(readFileSync(path.join(root, 'dist', f), 'utf8')),
  );
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
    importLoadsZod,
    packedBytes: pack[0]!.size,
    unpackedBytes: pack[0]!.unpackedSize,
    entries,
  };
}
