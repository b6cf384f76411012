/**
 * `npm run bench`: every section side by side in one process run, medians of ≥5 repetitions after a warm-up, printed
 * as a table with ratios and written to bench/results.json. Figures are measurements, never assertions.
 *
 *   npm run bench                 # full run (a few minutes)
 *   npm run bench -- --quick      # smaller counts, for a smoke check
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCli } from './cli.js';
import { runClientOverhead } from './client-overhead.js';
import { runImports } from './imports.js';
import { fmt } from './lib.js';
import { runMockBench } from './mock.js';
import { renderReadme } from './report.js';
import { runSigning } from './signing.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { quick: { type: 'boolean' } } });
const quick = values.quick === true;
const reps = 5;

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(
    `metacollect bench — ${machine.date}\n${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
  );
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(run with --expose-gc for the heap figure; npm run bench does)');

  if (!existsSync(path.join(root, 'dist', 'index.js')) || !quick) {
    console.log('\nbuilding dist/ for the import and size figures…');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }

  console.log('\n1. Client overhead (canned node:http server; throughput in req/s, ratio vs raw undici)');
  const overhead = await runClientOverhead({ reps, requests: quick ? 1_000 : 4_000 });
  console.log(
    table(
      ['contender', 'op', 'conc', 'req/s', 'p50 ms', 'p99 ms', '× raw'],
      overhead.map((r) => [
        r.contender,
        r.operation,
        r.concurrency,
        fmt(r.result.throughput),
        fmt(r.result.p50Ms, 3),
        fmt(r.result.p99Ms, 3),
        fmt(r.vsRaw, 2),
      ]),
    ),
  );

  console.log('\n2. Signing (signatures per second)');
  const signing = runSigning({ batch: quick ? 5_000 : 20_000, reps });
  console.log(
    table(
      ['signer', 'sig/s', '× official'],
      signing.map((r) => [r.signer, fmt(r.opsPerSecond), fmt(r.ratio, 2)]),
    ),
  );

  console.log('\n3. Mock');
  const mock = await runMockBench({ reps, large: 100_000 });
  console.log(
    table(
      ['handle() op', 'ops/s'],
      Object.entries(mock.handleOpsPerSecond).map(([k, v]) => [k, fmt(v)]),
    ),
  );
  console.log(`HTTP creates per second at concurrency 32 (undici): ${fmt(mock.httpCreatesPerSecondC32)}`);
  console.log(
    table(
      ['stored tasks', 'search', 'p50 ms', 'p99 ms'],
      mock.searchLatency.map((r) => [fmt(r.tasks), r.filter, fmt(r.p50Ms, 3), fmt(r.p99Ms, 3)]),
    ),
  );
  console.log(
    `heap per stored DataArts task: ${mock.heapBytesPerTask === undefined ? 'n/a (no --expose-gc)' : `${fmt(mock.heapBytesPerTask)} bytes`}`,
  );

  console.log('\n4–5. Import cost and package size');
  const imports = runImports({ runs: quick ? 3 : 7 });
  console.log(
    table(
      ['cold import', 'ms'],
      Object.entries(imports.coldImportMs).map(([k, v]) => [k, fmt(v, 1)]),
    ),
  );
  console.log(`client entry references mock/msw code: ${imports.clientEntryLoadsMock ? 'YES (bad)' : 'no'}`);
  console.log(`importing the client entry loads zod: ${imports.importLoadsZod ? 'yes' : 'no (on the first call)'}`);
  console.log(
    `tarball: ${fmt(imports.packedBytes / 1024, 1)} KiB packed, ${fmt(imports.unpackedBytes / 1024, 1)} KiB unpacked`,
  );
  console.log(
    table(
      ['entry', 'bytes', 'gzip'],
      imports.entries.map((e) => [e.file, fmt(e.bytes), fmt(e.gzipBytes)]),
    ),
  );

  console.log('\n6. CLI start-up (wall time of a fresh process, median)');
  const cli = await runCli({ runs: quick ? 3 : 7 });
  console.log(
    table(
      ['command', 'ms'],
      Object.entries(cli.startupMs).map(([k, v]) => [k, fmt(v, 0)]),
    ),
  );

  const results = { machine, quick, overhead, signing, mock, imports, cli, seconds: (Date.now() - started) / 1000 };
  writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const notes = readFileSync(path.join(root, 'bench', 'notes.md'), 'utf8').trim();
  writeFileSync(path.join(root, 'bench', 'README.md'), renderReadme(results, notes));
  console.log(`\nwrote bench/results.json and bench/README.md in ${fmt(results.seconds, 0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
