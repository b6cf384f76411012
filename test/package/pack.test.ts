/**
 * Package correctness as a user sees it: pack the package once, install the tarball into a fresh consumer (see
 * consumer.ts) and use it there: what the tarball holds, the cold-import figures, the `metacollect-mock` bin, and
 * the matrix of every way a user may load it (matrix.ts).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, type Consumer, prepareConsumer, root, run } from './consumer.js';
import { registerMatrix } from './matrix.js';

let shared: Consumer;
let consumer: string;
let packed: Consumer['packed'];

beforeAll(() => {
  shared = prepareConsumer();
  consumer = shared.dir;
  packed = shared.packed;
}, 600_000);

afterAll(() => shared?.dispose());

describe('every way a user may load it (a fresh project per case)', () => {
  registerMatrix(() => shared);
});

describe('the packed tarball', () => {
  it('holds only what users need', () => {
    const files = packed.files.map((f) => f.path);
    console.log(
      `metacollect tarball: ${packed.filename} ${(packed.size / 1024).toFixed(1)} KiB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${files.length} files`,
    );
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.cjs');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/index.d.cts');
    expect(files).toContain('LICENSE');
    const unexpected = files.filter(
      (f) =>
        !/^(dist\/|openapi\/[\w-]+\.yaml$|examples\/|bench\/README\.md$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(
          f,
        ),
    );
    expect(unexpected).toEqual([]);
    // No source maps (the build is readable as it is); no import() in the CommonJS build (jest cannot run it).
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const dist = path.join(consumer, 'node_modules', 'metacollect', 'dist');
    for (const f of files.filter((x) => x.endsWith('.cjs'))) {
      expect(readFileSync(path.join(consumer, 'node_modules', 'metacollect', f), 'utf8')).not.toContain('import(');
    }
    expect(readFileSync(path.join(dist, 'index.cjs'), 'utf8')).toContain('require("undici")');
    // Every relative link of the README points at a file in the package.
    const readme = readFileSync(path.join(consumer, 'node_modules', 'metacollect', 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((m) => m[1]!.replace(/\/$/, ''));
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => !files.some((f) => f === l || f.startsWith(`${l}/`)))).toEqual([]);
  });

  it('imports as ESM', () => {
    const out = run(
      'node',
      [
        '--input-type=module',
        '-e',
        "import * as m from 'metacollect'; import * as mock from 'metacollect/mock'; import * as msw from 'metacollect/msw';" +
          'console.log(typeof m.DscClient, typeof m.DataArtsCatalogClient, typeof mock.createMock, typeof msw.mockHandlers)',
      ],
      consumer,
    );
    expect(out.trim()).toBe('function function function function');
  });

  it('requires as CommonJS', () => {
    const out = run(
      'node',
      [
        '-e',
        "const m = require('metacollect'); const mock = require('metacollect/mock');" +
          'console.log(typeof m.DscClient, typeof m.isApiError, typeof mock.startMockServer)',
      ],
      consumer,
    );
    expect(out.trim()).toBe('function function function');
  });

  // Importing the client entry must not load zod (about 100 ms): each client loads its schemas on its first call.
  const FIRST_CALL =
    "const c = new m.DataArtsCatalogClient({ endpoint: 'http://127.0.0.1:9', projectId: 'p', workspace: 'w', " +
    "auth: { token: 't' }, logLevel: 'off' }); const e = await c.createCollectionTask({}).catch((x) => x);";

  it('require() of the client entry loads no zod until the first validated call', () => {
    const zodLoaded = 'Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]zod[\\\\/]/.test(k))';
    const out = run(
      'node',
      [
        '-e',
        `(async () => { const m = require('metacollect'); const before = ${zodLoaded}; ${FIRST_CALL} ` +
          `console.log(before, ${zodLoaded}, e.name, e.issues[0].path); })();`,
      ],
      consumer,
    );
    expect(out.trim()).toBe('false true ValidationError name');
    // preload() loads the schemas (and zod) up front, sending nothing.
    const preloaded = run(
      'node',
      [
        '-e',
        "(async () => { const m = require('metacollect'); const c = new m.DscClient({ endpoint: 'http://127.0.0.1:9', " +
          `projectId: 'p', auth: { token: 't' } }); const before = ${zodLoaded}; await c.preload(); ` +
          `console.log(before, ${zodLoaded}); await c.close(); })();`,
      ],
      consumer,
    );
    expect(preloaded.trim()).toBe('false true');
  });

  it('import() of the client entry has no zod in its static module graph; the first call loads the schemas', () => {
    const dist = path.join(consumer, 'node_modules', 'metacollect', 'dist');
    const graph = (file: string, seen: Set<string>): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const m of readFileSync(path.join(dist, file), 'utf8').matchAll(/from ['"]\.\/([^'"]+)['"]/g))
        graph(m[1]!, seen);
      return seen;
    };
    const files = [...graph('index.js', new Set())];
    expect(files.length).toBeGreaterThan(1);
    const withZod = files.filter((f) => /from ['"]zod['"]/.test(readFileSync(path.join(dist, f), 'utf8')));
    expect(withZod).toEqual([]);
    // The schema chunks themselves do import zod (so the check above could fail).
    expect(readFileSync(path.join(dist, 'index.js'), 'utf8')).toMatch(/import\(['"]\.\/schemas-/);
    const out = run(
      'node',
      [
        '--input-type=module',
        '-e',
        `const m = await import('metacollect'); ${FIRST_CALL} console.log(e.name, e.issues[0].path);`,
      ],
      consumer,
    );
    expect(out.trim()).toBe('ValidationError name');
  });

  it('runs a CommonJS TypeScript script with ts-node', () => {
    writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          strict: true,
          skipLibCheck: true,
          types: ['node'],
        },
      }),
    );
    copyFileSync(path.join(root, 'examples', 'script.cts'), path.join(consumer, 'script.cts'));
    const out = run(process.execPath, [bin(shared, 'ts-node'), 'script.cts'], consumer, 120_000);
    expect(out).toMatch(/created scan task \d+/);
  }, 120_000);

  it('runs an ESM TypeScript script with tsx', () => {
    writeFileSync(
      path.join(consumer, 'esm.mts'),
      [
        "import { DscClient } from 'metacollect';",
        "import { createMock, startMockServer } from 'metacollect/mock';",
        "const mock = createMock({ clock: 'manual', seed: 1 });",
        'const server = await startMockServer({ mock, port: 0 });',
        'const d = mock.defaults;',
        'const dsc = new DscClient({ endpoint: server.url, projectId: d.projectId, auth: { token: d.token } });',
        'const page = await dsc.listScanTasks();',
        "console.log('templates: ' + page.total_num);",
        'dsc.close(); await server.close();',
      ].join('\n'),
    );
    const out = run(process.execPath, [bin(shared, 'tsx'), 'esm.mts'], consumer);
    expect(out.trim()).toBe('templates: 0');
  }, 60_000);

  it('starts the metacollect-mock bin and stops on SIGTERM', async () => {
    const child = spawn(path.join(consumer, 'node_modules', '.bin', 'metacollect-mock'), ['--port', '0'], {
      cwd: consumer,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const res = await fetch(`${url}/__mock/clock`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mode: string }).mode).toBe('real');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
