#!/usr/bin/env node
/**
 * metacollect-mock — runs the stateful mock as a standalone HTTP server.
 *
 *   metacollect-mock [--port 4010] [--host 127.0.0.1] [--seed N] [--clock real|manual] [--state file.json]
 *
 * Prints the URL, the default credentials (mock-only values) and a ready curl line. With --state the mock loads the
 * file when it exists and writes its snapshot there on SIGINT/SIGTERM. Bad flags: usage on stderr, exit code 2.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createMock, type MockSnapshot, startMockServer } from '../mock/index.js';

const USAGE = `Usage: metacollect-mock [options]

Stateful mock of Huawei Cloud DSC, DataArts Catalog and IAM (and Alibaba DataWorks) on one origin.

Options:
  --port <n>              port to listen on (default 4010; 0 = any free port)
  --host <host>           interface to bind (default 127.0.0.1)
  --seed <n>              seed for every generated id and credential (default 1)
  --clock <real|manual>   clock mode (default real); manual time moves via POST /__mock/clock
  --state <file.json>     load state from the file if it exists; save it there on exit (SIGINT/SIGTERM)
  -h, --help              show this help
`;

class UsageError extends Error {}

interface CliOptions {
  port: number;
  host: string;
  seed: number;
  clock: 'real' | 'manual';
  state?: string;
}

function parse(argv: string[]): CliOptions | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        clock: { type: 'string' },
        state: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return 'help';
  const int = (name: string, raw: string | boolean | undefined, def: number, max: number): number => {
    if (raw === undefined) return def;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > max) {
      throw new UsageError(`--${name}: expected an integer from 0 to ${max}`);
    }
    return Number(raw);
  };
  const clock = v.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual') throw new UsageError("--clock: expected 'real' or 'manual'");
  const host = v.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') throw new UsageError('--host: expected a host name or address');
  const options: CliOptions = {
    port: int('port', v.port, 4010, 65535),
    host,
    seed: int('seed', v.seed, 1, 0xffffffff),
    clock,
  };
  if (v.state !== undefined) {
    if (typeof v.state !== 'string' || v.state === '') throw new UsageError('--state: expected a file path');
    options.state = v.state;
  }
  return options;
}

async function main(argv: string[]): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`metacollect-mock: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  const mock = createMock({ seed: options.seed, clock: options.clock });
  if (options.state !== undefined && existsSync(options.state)) {
    try {
      mock.restore(JSON.parse(readFileSync(options.state, 'utf8')) as MockSnapshot);
    } catch (error) {
      process.stderr.write(`metacollect-mock: cannot load state from ${options.state}: ${(error as Error).message}\n`);
      process.exit(1);
    }
    if (mock.clock.mode !== options.clock) mock.clock.setMode(options.clock);
  }

  const server = await startMockServer({ mock, port: options.port, host: options.host });
  const d = mock.defaults;
  const lines = [
    `metacollect mock listening on ${server.url}`,
    '',
    'Default credentials (mock only):',
    `  region       ${d.region}`,
    `  project id   ${d.projectId}`,
    `  workspace    ${d.workspace}`,
    `  domain       ${d.domainName} (${d.domainId})`,
    `  user         ${d.userName} (${d.userId})`,
    `  password     ${d.password}`,
    `  token        ${d.token}`,
    `  AK / SK      ${d.ak} / ${d.sk}`,
    '',
    'Try:',
    `  curl -s -H 'X-Auth-Token: ${d.token}' ${server.url}/v1/${d.projectId}/metadata/task-templates`,
    '',
    `Control surface: ${server.url}/__mock/defaults, /__mock/clock, /__mock/faults, /__mock/requests, /__mock/reset`,
    options.state !== undefined ? `State file: ${options.state} (saved on exit)` : 'State: in memory only',
    '',
  ];
  process.stdout.write(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await server.close();
      if (options.state !== undefined) {
        const tmp = `${options.state}.tmp`;
        writeFileSync(tmp, `${JSON.stringify(mock.snapshot(), null, 2)}\n`);
        renameSync(tmp, options.state);
        process.stdout.write(`state saved to ${options.state}\n`);
      }
      process.stdout.write(`stopped (${signal})\n`);
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`metacollect-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
