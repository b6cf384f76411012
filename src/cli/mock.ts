#!/usr/bin/env node
/**
 * metacollect-mock — runs the stateful mock as a standalone HTTP server.
 *
 *   metacollect-mock [--port 4010] [--host 127.0.0.1] [--seed N] [--clock real|manual] [--state file.json]
 *                    [--speed factor] [--dsc-run-ms ms] [--dataarts-run-ms ms] [--dataworks-queue-ms ms]
 *                    [--dataworks-run-ms ms] [--headers-timeout ms] [--max-connections n] [--version]
 *
 * Prints the URL, the default credentials (mock-only values), the run durations and a ready curl line. With --state
 * the mock loads the file when it exists and saves its snapshot there within a second of every change, and on
 * SIGINT/SIGTERM. Bad flags: usage on stderr, exit code 2; a state file that cannot be loaded or written: a message,
 * exit code 1.
 */
import { parseArgs } from 'node:util';
import { VERSION } from '../core/version.js';
import { createMock, startMockServer } from '../mock/index.js';
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS } from '../mock/server.js';
import { DURATION_FLAGS, type DurationName, describeDurations, durationSettings } from './durations.js';
import { describeState, loadState, SAVE_MAX_DELAY_MS, StateFileError, StateSaver } from './state.js';

const USAGE = `Usage: metacollect-mock [options]

Stateful mock of Huawei Cloud DSC, DataArts Catalog and IAM (and Alibaba DataWorks) on one origin.

Options:
  --port <n>                 port to listen on (default 4010; 0 = any free port)
  --host <host>              interface to bind (default 127.0.0.1)
  --seed <n>                 seed for every generated id and credential (default 1)
  --clock <real|manual>      clock mode (default real); manual time moves via POST /__mock/clock
  --state <file.json>        load state from the file if it exists; save it there within 1 s of every change
                             and on exit (SIGINT/SIGTERM); a file that cannot be loaded or written: exit code 1
  --speed <factor>           run durations and the DataWorks queue delay are the defaults divided by <factor>,
                             e.g. 60: DSC runs take 0.5 s instead of 30 s (the clock itself is not sped up)
  --dsc-run-ms <ms>          DSC run duration (default 30000)
  --dataarts-run-ms <ms>     DataArts Catalog run duration (default 60000)
  --dataworks-queue-ms <ms>  DataWorks queue delay before a run starts (default 5000)
  --dataworks-run-ms <ms>    DataWorks run duration (default 60000)
                             the four duration flags win over --speed; any duration flag (or --speed) wins
                             over the durations saved in a --state file
  --headers-timeout <ms>     time a client has to send a request's headers (default 5000)
  --max-connections <n>      most open connections; more are closed unanswered (default 4096)
  -v, --version              print the version
  -h, --help                 show this help
`;

class UsageError extends Error {}

/** Bounds of --speed: from 1000× slower to a million times faster. */
const MIN_SPEED = 0.001;
const MAX_SPEED = 1_000_000;
/** Longest duration a flag accepts: one day. */
const MAX_DURATION_MS = 86_400_000;

interface CliOptions {
  port: number;
  host: string;
  seed: number;
  clock: 'real' | 'manual';
  state?: string;
  headersTimeoutMs: number;
  maxConnections: number;
  /** Speed-up factor of the run durations (absent: not given). */
  speed?: number;
  /** Durations given one by one (ms). */
  durations: Partial<Record<DurationName, number>>;
}

function parse(argv: string[]): CliOptions | 'help' | 'version' {
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
        'headers-timeout': { type: 'string' },
        'max-connections': { type: 'string' },
        speed: { type: 'string' },
        ...Object.fromEntries(Object.keys(DURATION_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const int = (name: string, raw: string | boolean | undefined, def: number, max: number, min = 0): number => {
    if (raw === undefined) return def;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > max || Number(raw) < min) {
      throw new UsageError(`--${name}: expected an integer from ${min} to ${max}`);
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
    headersTimeoutMs: int('headers-timeout', v['headers-timeout'], DEFAULT_HEADERS_TIMEOUT_MS, 300_000, 1),
    maxConnections: int('max-connections', v['max-connections'], DEFAULT_MAX_CONNECTIONS, 1_000_000, 1),
    durations: {},
  };
  for (const [flag, name] of Object.entries(DURATION_FLAGS)) {
    if (v[flag] !== undefined) options.durations[name] = int(flag, v[flag], 0, MAX_DURATION_MS);
  }
  if (v.speed !== undefined) {
    const raw = v.speed;
    const speed = typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new UsageError(`--speed: expected a number from ${MIN_SPEED} to ${MAX_SPEED} (e.g. 60)`);
    }
    options.speed = speed;
  }
  if (v.state !== undefined) {
    if (typeof v.state !== 'string' || v.state === '') throw new UsageError('--state: expected a file path');
    options.state = v.state;
  }
  return options;
}

async function main(argv: string[]): Promise<void> {
  let options: CliOptions | 'help' | 'version';
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
  if (options === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }

  const mock = createMock({ seed: options.seed, clock: options.clock });
  const statePath = options.state;
  let saver: StateSaver | undefined;
  let stateLine = 'State: in memory only';
  if (statePath !== undefined) {
    saver = new StateSaver({
      mock,
      path: statePath,
      onError: (error) =>
        process.stderr.write(`metacollect-mock: cannot save state to ${statePath}: ${error.message}\n`),
    });
    try {
      const loaded = await loadState(mock, statePath);
      if (mock.clock.mode !== options.clock) mock.clock.setMode(options.clock);
      // Written once now: a path that cannot be written is refused before anything is served.
      await saver.flush(true).catch((error: Error) => {
        throw new StateFileError(`cannot write state to ${statePath}: ${error.message}`);
      });
      const what = loaded ? `loaded ${describeState(mock.snapshot())}` : 'new';
      stateLine = `State file: ${statePath} (${what}; saved within ${SAVE_MAX_DELAY_MS / 1000} s of every change)`;
    } catch (error) {
      if (!(error instanceof StateFileError)) throw error;
      process.stderr.write(`metacollect-mock: ${error.message}\n`);
      process.exit(1);
    }
  }
  // After the state file: durations given on the command line win over the saved ones.
  Object.assign(mock.settings, durationSettings(options.speed, options.durations));

  const server = await startMockServer({
    mock,
    port: options.port,
    host: options.host,
    headersTimeoutMs: options.headersTimeoutMs,
    maxConnections: options.maxConnections,
    // Anything but a read may change state (a control route too: clock, reset, seeds); reads never do.
    ...(saver !== undefined
      ? { onAnswer: ({ method }) => (method === 'GET' || method === 'HEAD' ? undefined : saver.markChanged()) }
      : {}),
  });
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
    stateLine,
    `Run durations: ${describeDurations(mock.settings)}${options.speed !== undefined ? ` (--speed ${options.speed})` : ''}`,
    '',
  ];
  // The signal handlers come before the banner: a supervisor (or a test) that stops the mock as soon as it reads the
  // banner must find them installed, or the default action would kill the process without saving its state.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await server.close();
      if (saver !== undefined) {
        saver.stop();
        await saver.flush(true);
        process.stdout.write(`state saved to ${statePath}\n`);
      }
      process.stdout.write(`stopped (${signal})\n`);
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write(lines.join('\n'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`metacollect-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
