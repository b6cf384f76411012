/**
 * Every way a user may load the package, each case a fresh project under the consumer folder (see consumer.ts):
 * Node ESM and CommonJS with all three entries, the README's "Use with …" snippets run by their runner, and type
 * checks under each `moduleResolution`, with and without `esModuleInterop`, with `skipLibCheck` off.
 * Cases run side by side (`it.concurrent`); each runner is given a timeout, so one that does not exit by itself fails.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { bin, type Consumer, exec, ok, project, readmeFiles } from './consumer.js';

const node = process.execPath;
const CASE_TIMEOUT = 150_000;

/** A consumer of the types that uses all three entries, with values checked against their declared types. */
const TYPES_CONSUMER = [
  "import { DscClient, DataArtsCatalogClient, DataWorksClient, isApiError, type MetacollectError } from 'metacollect';",
  "import { createMock, startMockServer } from 'metacollect/mock';",
  "import { mockHandlers } from 'metacollect/msw';",
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
  '  const server = await startMockServer({ mock, port: 0 });',
  '  const url: string = server.url;',
  '  return id.length + n + c.Id + mockHandlers(mock).length + url.length;',
  '}',
  'export function g(e: unknown): e is MetacollectError { return isApiError(e); }',
  '',
].join('\n');

/** The type-check cases: module, moduleResolution, project type, consumer files. */
const TYPE_CASES = [
  { module: 'commonjs', resolution: 'node10', type: 'commonjs', files: ['consumer.ts'] },
  { module: 'node16', resolution: 'node16', type: 'commonjs', files: ['consumer.cts', 'consumer.mts'] },
  { module: 'nodenext', resolution: 'nodenext', type: 'commonjs', files: ['consumer.cts', 'consumer.mts'] },
  { module: 'esnext', resolution: 'bundler', type: 'module', files: ['consumer.ts'] },
] as const;

/**
 * Type-checks one case's project as `tsc -p` would, with `skipLibCheck` off for the files that are ours to answer
 * for: the consumer's own files and metacollect's declarations (other packages' declarations are theirs). Parsed
 * declaration files are shared between cases, which keeps eight programs to seconds.
 */
const parsed = new Map<string, ts.SourceFile>();
function typeErrors(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(dir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    if (!/[\\/]node_modules[\\/]/.test(file)) return getSourceFile(file, language, ...rest);
    const key = `${JSON.stringify(language)}:${file}`;
    let sf = parsed.get(key);
    if (!sf) {
      sf = getSourceFile(file, language, ...rest);
      if (sf) parsed.set(key, sf);
    }
    return sf;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const ours = program.getSourceFiles().filter((sf) => {
    const real = realpathSync(sf.fileName);
    return !/[\\/]node_modules[\\/]/.test(real) || /[\\/]node_modules[\\/]metacollect[\\/]/.test(real);
  });
  expect(ours.some((sf) => /metacollect[\\/]dist[\\/]mock\.d\.c?ts$/.test(realpathSync(sf.fileName)))).toBe(true);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
  ];
  return diagnostics.map((d) => {
    const where = d.file
      ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
      : '';
    return `${where}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

export function registerMatrix(get: () => Consumer): void {
  it.concurrent(
    'Node ESM: import of all three entries',
    async () => {
      const dir = project(get(), 'esm-entries', 'module', {
        'entries.js': [
          "import * as m from 'metacollect'; import * as mock from 'metacollect/mock'; import * as msw from 'metacollect/msw';",
          'console.log(typeof m.DscClient, typeof mock.startMockServer, typeof msw.mockHandlers);',
        ].join('\n'),
      });
      expect((await ok(node, ['entries.js'], dir)).trim()).toBe('function function function');
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'Node CommonJS: require of all three entries, undici and zod loaded only by the first call',
    async () => {
      const loaded = (name: string) =>
        `Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]${name}[\\\\/]/.test(k))`;
      const dir = project(get(), 'cjs-entries', 'commonjs', {
        'entries.js': [
          "const m = require('metacollect'); const mock = require('metacollect/mock'); const msw = require('metacollect/msw');",
          'console.log(typeof m.DscClient, typeof mock.startMockServer, typeof msw.mockHandlers);',
        ].join('\n'),
        'lazy.js': [
          "const m = require('metacollect');",
          `const before = [${loaded('undici')}, ${loaded('zod')}];`,
          "const c = new m.DscClient({ endpoint: 'http://127.0.0.1:9', projectId: 'p', auth: { token: 't' }, logLevel: 'off' });",
          'c.preload().then(async () => {',
          `  console.log(before.join(' '), ${loaded('undici')}, ${loaded('zod')});`,
          '  await c.close();',
          '});',
        ].join('\n'),
      });
      expect((await ok(node, ['entries.js'], dir)).trim()).toBe('function function function');
      expect((await ok(node, ['lazy.js'], dir)).trim()).toBe('false false true true');
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'README "Node.js (ESM)": app.mjs',
    async () => {
      const dir = project(get(), 'readme-esm', 'module', readmeFiles('Node.js (ESM)'));
      expect((await ok(node, ['app.mjs'], dir)).trim()).toBe('0 scan tasks');
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'README "Node.js (CommonJS)": app.cjs',
    async () => {
      const dir = project(get(), 'readme-cjs', 'commonjs', readmeFiles('Node.js (CommonJS)'));
      expect((await ok(node, ['app.cjs'], dir)).trim()).toBe('0 scan tasks');
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'README "ts-node": the recommended CommonJS tsconfig runs script.cts',
    async () => {
      const dir = project(get(), 'readme-ts-node', 'commonjs', readmeFiles('ts-node'));
      expect(await ok(node, [bin(get(), 'ts-node'), 'script.cts'], dir)).toMatch(/^created scan task \d+$/m);
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    "ts-node with tsc --init's verbatimModuleSyntax fails as the README says (TS1286)",
    async () => {
      const files = readmeFiles('ts-node');
      const tsconfig = files['tsconfig.json']!.replace('"verbatimModuleSyntax": false', '"verbatimModuleSyntax": true');
      expect(tsconfig).toContain('"verbatimModuleSyntax": true');
      const dir = project(get(), 'ts-node-verbatim', 'commonjs', { ...files, 'tsconfig.json': tsconfig });
      const out = await exec(node, [bin(get(), 'ts-node'), 'script.cts'], dir);
      expect(out.code).not.toBe(0);
      expect(out.stderr + out.stdout).toContain('TS1286');
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'ts-node with the classic CommonJS tsconfig (module commonjs, node10 resolution) runs script.ts',
    async () => {
      const { 'script.cts': script } = readmeFiles('ts-node');
      const dir = project(get(), 'ts-node-classic', 'commonjs', {
        'tsconfig.json': JSON.stringify({
          compilerOptions: { target: 'es2020', module: 'commonjs', strict: true, esModuleInterop: true },
        }),
        'script.ts': script!,
      });
      expect(await ok(node, [bin(get(), 'ts-node'), 'script.ts'], dir)).toMatch(/^created scan task \d+$/m);
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'README "tsx": main.ts in an ESM project, and script.cts in a CommonJS one',
    async () => {
      const dir = project(get(), 'readme-tsx', 'module', readmeFiles('tsx'));
      expect((await ok(node, [bin(get(), 'tsx'), 'main.ts'], dir)).trim()).toBe('0 scan tasks');
      const cjs = project(get(), 'tsx-cjs', 'commonjs', { 'script.cts': readmeFiles('ts-node')['script.cts']! });
      expect(await ok(node, [bin(get(), 'tsx'), 'script.cts'], cjs)).toMatch(/^created scan task \d+$/m);
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'README "vitest + msw": dsc.test.ts passes',
    async () => {
      const dir = project(get(), 'readme-vitest', 'module', readmeFiles('vitest + msw'));
      const out = await ok(node, [bin(get(), 'vitest'), 'run', '--reporter=verbose'], dir);
      expect(out).toMatch(/Tests\s+1 passed \(1\)/);
    },
    CASE_TIMEOUT,
  );

  it.concurrent(
    'README "jest + ts-jest": dsc.test.ts against startMockServer passes and jest exits by itself',
    async () => {
      const dir = project(get(), 'readme-jest', 'commonjs', readmeFiles('jest + ts-jest'));
      // No --forceExit: a handle left open keeps jest running, and the timeout then fails the case.
      const out = await exec(node, [bin(get(), 'jest'), '--ci'], dir, 120_000);
      expect(out.timedOut, 'jest did not exit by itself').toBe(false);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
      expect(out.stderr).not.toContain('(WARN)');
    },
    CASE_TIMEOUT,
  );

  // In-process and synchronous (so one after the other): eight `tsc` processes side by side took minutes.
  it(
    'type checks: module/moduleResolution commonjs/node10, node16, nodenext, esnext/bundler; esModuleInterop on and off; skipLibCheck off for our declarations',
    () => {
      const results: string[] = [];
      for (const c of TYPE_CASES) {
        for (const esModuleInterop of [true, false]) {
          const files: Record<string, string> = {};
          for (const f of c.files) files[f] = TYPES_CONSUMER;
          files['tsconfig.json'] = JSON.stringify({
            compilerOptions: {
              module: c.module,
              moduleResolution: c.resolution,
              target: 'es2022',
              strict: true,
              noEmit: true,
              esModuleInterop,
              skipLibCheck: false,
              types: ['node'],
            },
            files: c.files,
          });
          const name = `tsc-${c.resolution}-${esModuleInterop ? 'interop' : 'nointerop'}`;
          const errors = typeErrors(project(get(), name, c.type, files));
          results.push(`${name} (${c.files.join(', ')}): ${errors.length === 0 ? 'ok' : errors.join('; ')}`);
        }
      }
      console.log(results.join('\n'));
      expect(results.filter((r) => !r.endsWith(': ok'))).toEqual([]);
    },
    CASE_TIMEOUT,
  );
}
