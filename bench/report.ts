/**
 * Renders bench/README.md from one run's results: the machine and date, every table, and the targets of the
 * benchmark issue with the measured figure and whether this run met it. Figures are reported, never asserted.
 */

import type { CliResults } from './cli.js';
import type { OverheadRow } from './client-overhead.js';
import type { ImportResults } from './imports.js';
import { fmt } from './lib.js';
import type { MockResults } from './mock.js';
import type { SigningRow } from './signing.js';

export interface BenchResults {
  machine: { date: string; cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  quick: boolean;
  overhead: OverheadRow[];
  signing: SigningRow[];
  mock: MockResults;
  imports: ImportResults;
  /** Absent in results written before the CLI section existed. */
  cli?: CliResults;
  seconds: number;
}

function mdTable(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function renderReadme(r: BenchResults, notes: string): string {
  const row = (contender: string, op: string, conc: number) =>
    r.overhead.find((o) => o.contender.startsWith(contender) && o.operation === op && o.concurrency === conc);
  const tput = (contender: string, op: string) => row(contender, op, 32)?.result.throughput ?? Number.NaN;
  const targets: [string, string, number, (v: number) => boolean, number][] = [];
  for (const op of ['create', 'get']) {
    const token = tput('metacollect (token)', op);
    targets.push([
      `token vs raw undici, ${op}, c32`,
      '≥ 0.85×',
      token / tput('raw undici.request', op),
      (v) => v >= 0.85,
      2,
    ]);
    targets.push([
      `token vs openapi-fetch, ${op}, c32`,
      '≥ 1.5×',
      token / tput('openapi-fetch', op),
      (v) => v >= 1.5,
      2,
    ]);
    targets.push([
      `token vs official Huawei core, ${op}, c32`,
      '≥ 2×',
      token / tput('official Huawei', op),
      (v) => v >= 2,
      2,
    ]);
    targets.push([
      `AK/SK vs raw undici, ${op}, c32`,
      '≥ 0.75×',
      tput('metacollect (AK/SK)', op) / tput('raw undici.request', op),
      (v) => v >= 0.75,
      2,
    ]);
  }
  for (const s of r.signing.filter((x) => x.signer.startsWith('metacollect'))) {
    targets.push([`${s.signer} vs official`, '≥ 3×', s.ratio, (v) => v >= 3, 2]);
  }
  const big = Math.max(...r.mock.searchLatency.map((s) => s.tasks));
  for (const s of r.mock.searchLatency.filter((x) => x.tasks === big && !x.filter.startsWith('page'))) {
    targets.push([`mock search p50 at ${fmt(big)} tasks, ${s.filter} (ms)`, '< 5', s.p50Ms, (v) => v < 5, 3]);
  }
  targets.push(['mock HTTP creates/s, c32', '≥ 5,000', r.mock.httpCreatesPerSecondC32, (v) => v >= 5000, 0]);
  if (r.mock.heapBytesPerTask !== undefined) {
    targets.push(['mock heap per stored task (bytes)', '< 2,048', r.mock.heapBytesPerTask, (v) => v < 2048, 0]);
  }
  targets.push(['cold import of metacollect (ms)', '< 50', r.imports.coldImportMs['metacollect']!, (v) => v < 50, 1]);

  return `# Benchmarks

\`npm run bench\` runs every section below side by side in one process run (medians of 5 repetitions after a
warm-up; the contenders of a section are interleaved repetition by repetition so that drift on the machine hits them
alike) and writes \`bench/results.json\` and this file. Nothing here is asserted by a test.

Latest run: **${r.machine.date}** on ${r.machine.cpu} × ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB,
Node ${r.machine.node} (${r.machine.platform})${r.quick ? ', **quick mode** (smaller counts)' : ''}; ${fmt(r.seconds)} s.

## Targets

${mdTable(
  ['target', 'goal', 'measured', 'met'],
  targets.map(([name, goal, v, ok, digits]) => [name, goal, fmt(v, digits), ok(v) ? 'yes' : '**no**']),
)}

${notes}

## 1. Client overhead

One in-process \`node:http\` server with canned DataArts answers (bench/canned-server.ts), so only client cost is
measured. \`createCollectionTask\` (POST …/tasks/create with the published example body) and \`getCollectionTask\`.
Contenders: raw \`undici.request\` with hand-built headers (the floor the ratios are against), metacollect with a
token and with AK/SK signing, openapi-fetch over the global \`fetch\` with our generated types, and the official
Huawei Node SDK core (\`HcClient\`, axios, AK/SK). One reference row besides: raw \`Dispatcher.dispatch()\` with a
body-collecting handler, the undici API metacollect's transport uses, to show the client's own cost apart from
undici's.

${mdTable(
  ['contender', 'op', 'concurrency', 'req/s', 'p50 ms', 'p99 ms', '× raw undici'],
  r.overhead.map((o) => [
    o.contender,
    o.operation,
    o.concurrency,
    fmt(o.result.throughput),
    fmt(o.result.p50Ms, 3),
    fmt(o.result.p99Ms, 3),
    fmt(o.vsRaw, 2),
  ]),
)}

## 2. Signing

${mdTable(
  ['signer', 'signatures/s', '× official'],
  r.signing.map((s) => [s.signer, fmt(s.opsPerSecond), fmt(s.ratio, 2)]),
)}

## 3. Mock

In-process \`handle()\` rates (DataArts): ${Object.entries(r.mock.handleOpsPerSecond)
    .map(([k, v]) => `${k} ${fmt(v)}/s`)
    .join(', ')}. HTTP creates per second at concurrency 32 through undici, with the mock server in a process of its
own (bench/mock-server-child.ts): **${fmt(r.mock.httpCreatesPerSecondC32)}**. Heap per stored DataArts task:
**${r.mock.heapBytesPerTask === undefined ? 'n/a' : `${fmt(r.mock.heapBytesPerTask)} bytes`}**.

${mdTable(
  ['stored tasks', 'search', 'p50 ms', 'p99 ms'],
  r.mock.searchLatency.map((s) => [fmt(s.tasks), s.filter, fmt(s.p50Ms, 3), fmt(s.p99Ms, 3)]),
)}

## 4. Import cost

Cold \`import()\` of the built entries in fresh processes (median of several, the first discarded), with undici and
zod alone for scale. The client entry references no mock or msw code: **${r.imports.clientEntryLoadsMock ? 'NO — it does' : 'confirmed'}**. Importing it
loads no zod (the schemas and zod load on the first call that needs them): **${r.imports.importLoadsZod ? 'NO — it does' : 'confirmed'}**.

${mdTable(
  ['module', 'ms'],
  Object.entries(r.imports.coldImportMs).map(([k, v]) => [k, fmt(v, 1)]),
)}

## 5. Package size

Tarball ${fmt(r.imports.packedBytes / 1024, 1)} KiB packed, ${fmt(r.imports.unpackedBytes / 1024, 1)} KiB unpacked
(source maps included).

${mdTable(
  ['entry', 'bytes', 'gzip'],
  r.imports.entries.map((e) => [e.file, fmt(e.bytes), fmt(e.gzipBytes)]),
)}
${
  r.cli
    ? `
## 6. CLI start-up

Wall time of a fresh process (median), \`node -e 0\` being the floor. \`dsc tasks list\` against a local mock
includes the first call's loading of the DSC schemas and zod, paid once per process.

${mdTable(
  ['command', 'ms'],
  Object.entries(r.cli.startupMs).map(([k, v]) => [k, fmt(v, 0)]),
)}
`
    : ''
}`;
}
