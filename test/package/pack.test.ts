/**
 * Package correctness as a user sees it: pack the package, install the tarball into a fresh project and use it
 * there from ESM, CommonJS, ts-node and tsx, type-check a consumer under `node16` and `bundler` resolution, and start
 * the `metacollect-mock` bin. This is slow (an `npm install`), so everything shares one install.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
let work: string;
let consumer: string;
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NODE_OPTIONS: '' } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
}

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'index.js')) || process.env['CI'] !== 'true') {
    run('npm', ['run', 'build'], root, 180_000);
  }
  work = mkdtempSync(path.join(tmpdir(), 'metacollect-pack-'));
  const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  packed = (JSON.parse(out) as (typeof packed)[])[0]!;
  consumer = path.join(work, 'consumer');
  run('mkdir', ['-p', consumer], work);
  writeFileSync(
    path.join(consumer, 'package.json'),
    // A CommonJS project (no "type"), as most ts-node users have: ts-node 10 cannot run a `.cts` entry inside a
    // `"type": "module"` package, because Node then hands the entry to its ESM loader. ESM files use `.mts`.
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),
  );
  const dev = (name: string) => `${name}@${rootPkg.devDependencies[name]}`;
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      path.join(work, packed.filename),
      dev('typescript'),
      dev('ts-node'),
      dev('tsx'),
      dev('@types/node'),
      dev('msw'),
    ],
    consumer,
    300_000,
  );
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
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
      (f) => !/^(dist\/|openapi\/[\w-]+\.yaml$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(f),
    );
    expect(unexpected).toEqual([]);
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
    const out = run(path.join(consumer, 'node_modules', '.bin', 'ts-node'), ['script.cts'], consumer, 120_000);
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
    const out = run(path.join(consumer, 'node_modules', '.bin', 'tsx'), ['esm.mts'], consumer);
    expect(out.trim()).toBe('templates: 0');
  }, 60_000);

  // CommonJS consumers (`.cts`) read the `.d.cts` declarations; ESM consumers (`.mts`, bundler) the `.d.ts` ones.
  // The CJS case leaves out `metacollect/msw`: msw 2's own declarations cannot be type-checked from CommonJS under
  // node16 (they import the ESM-only `rettime`), whatever imports them.
  it.each([
    ['node16', 'node16', 'cts', false],
    ['node16', 'node16', 'mts', true],
    ['esnext', 'bundler', 'ts', true],
  ] as const)(
    'type-checks a consumer with module %s / moduleResolution %s (.%s)',
    (module, resolution, ext, withMsw) => {
      const file = `consumer-types-${resolution}.${ext}`;
      writeFileSync(
        path.join(consumer, file),
        [
          "import { DscClient, DataArtsCatalogClient, DataWorksClient, isApiError, type MetacollectError } from 'metacollect';",
          "import { createMock } from 'metacollect/mock';",
          withMsw
            ? "import { mockHandlers } from 'metacollect/msw';"
            : 'const mockHandlers = (_: unknown): unknown[] => [];',
          "const mock = createMock({ clock: 'manual' });",
          'const dsc = new DscClient({ endpoint: "http://127.0.0.1:1", projectId: mock.defaults.projectId, auth: { token: "t" } });',
          'const catalog = new DataArtsCatalogClient({ endpoint: "http://127.0.0.1:1", projectId: "p", workspace: "w", auth: { ak: "a", sk: "s" } });',
          'const dw = new DataWorksClient({ endpoint: "http://127.0.0.1:1", auth: { accessKeyId: "a", accessKeySecret: "s" } });',
          'export async function f(): Promise<number> {',
          "  const r = await dsc.createScanTask({ task_name: 'n', data_sources: [{ db_type: 'MySQL', ins_id: 'i' }], schedule_type: 'ONCE' });",
          '  const id: string = r.id;',
          '  const s = await catalog.searchCollectionTasks({ limit: 10 });',
          '  const n: number = s.count;',
          "  const c = await dw.createCrawler({ Name: 'c', DataSourceId: 1, Type: 'mysql' });",
          '  return id.length + n + c.Id + mockHandlers(mock).length;',
          '}',
          'export function g(e: unknown): e is MetacollectError { return isApiError(e); }',
        ].join('\n'),
      );
      const config = `tsconfig.${resolution}.${ext}.json`;
      writeFileSync(
        path.join(consumer, config),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
          },
          files: [file],
        }),
      );
      run(path.join(consumer, 'node_modules', '.bin', 'tsc'), ['-p', config], consumer);
    },
    120_000,
  );

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
