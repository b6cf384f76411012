/** Spawns the built `metacollect` command (dist/metacollect.js, made by `npx tsup`) and collects its output. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'dist/metacollect.js');

/** Fails with a clear message when the CLI has not been built (the suite's global setup builds it). */
export function requireBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without any of the credentials or settings the CLI reads, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(HUAWEICLOUD_|ALIBABA_CLOUD_|METACOLLECT_|HW_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, HOME: join(ROOT, 'test/cli/no-home'), ...extra };
}

/** Runs the CLI to completion; `input` is written to stdin. */
export function mc(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: options.env ?? cleanEnv(), cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI and returns it with a way to wait for a stderr pattern (for signals). */
export function start(args: string[], env: NodeJS.ProcessEnv = cleanEnv()) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Result>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const waitForStderr = async (pattern: RegExp) => {
    for (let i = 0; i < 200; i++) {
      if (pattern.test(stderr)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`stderr never matched ${pattern}: ${stderr}`);
  };
  return { child, done, waitForStderr };
}

/** Runs a command line under a pseudo-terminal (`script` from util-linux), so that stdout and stderr are TTYs. */
export function underPty(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<Result> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', quoted, '/dev/null'], { env, cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
  });
}
