/**
 * Start-up of the `metacollect` command: wall time of `node -e 0` (the floor), `metacollect --help`, and one
 * `dsc tasks list` against a local mock (which includes loading the DSC schemas and zod on its first call), each
 * in a fresh process, median of `runs` after a discarded warm-up. Needs dist/ (`npx tsup`).
 * Alone: `node --import tsx bench/cli.ts`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../src/mock/index.js';
import { median } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface CliResults {
  /** Median wall time in ms, by command. */
  startupMs: Record<string, number>;
}

/** One process's wall time; spawned asynchronously so that the in-process mock keeps answering. */
function once(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function wallMs(args: string[], runs: number, env: NodeJS.ProcessEnv): Promise<number> {
  const samples: number[] = [];
  await once(args, env); // warms the file cache
  for (let i = 0; i < runs; i++) samples.push(await once(args, env));
  return median(samples);
}

export async function runCli(options: { runs: number }): Promise<CliResults> {
  const server = await startMockServer({ port: 0 });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: root };
  const d = server.mock.defaults;
  // Credentials in the environment, as in CI: the timing leaves out the mock-defaults probe.
  const creds = { ...env, HUAWEICLOUD_SDK_AK: d.ak, HUAWEICLOUD_SDK_SK: d.sk, HUAWEICLOUD_SDK_PROJECT_ID: d.projectId };
  const bin = path.join(root, 'dist', 'metacollect.js');
  try {
    return {
      startupMs: {
        'node -e 0': await wallMs(['-e', '0'], options.runs, env),
        'metacollect --help': await wallMs([bin, '--help'], options.runs, env),
        'metacollect dsc tasks list': await wallMs(
          [bin, '--endpoint', server.url, 'dsc', 'tasks', 'list', '-o', 'json'],
          options.runs,
          creds,
        ),
      },
    };
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCli({ runs: 7 }).then((r) => {
    for (const [k, v] of Object.entries(r.startupMs)) console.log(`${k.padEnd(28)} ${v.toFixed(0)} ms`);
  });
}
