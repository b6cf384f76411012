/**
 * What the package tests share: one packed tarball, installed once by npm into a consumer folder, and fresh projects
 * (own package.json, tsconfig and sources) under that folder, one per case.
 *
 * The tarball is installed with `npm install --prefer-offline <tgz>`, so its own dependencies come from its manifest
 * (npm's cache after `npm ci`, the registry otherwise). The tools a case runs (TypeScript, ts-node, tsx, vitest,
 * jest, ts-jest, msw, type packages) are this repository's devDependencies, linked in rather than installed again:
 * that keeps the whole run to seconds and needs no network beyond the registry.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The devDependencies a case may run or import, linked into the consumer's node_modules. */
const TOOLS = [
  'typescript',
  'ts-node',
  'tsx',
  'vitest',
  'jest',
  'ts-jest',
  '@jest/globals',
  'msw',
  '@types/node',
  '@types/jest',
];

export interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

export interface Consumer {
  /** The folder holding node_modules (the tarball installed, the tools linked). */
  dir: string;
  packed: Packed;
  /** Removes everything. */
  dispose(): void;
}

const noNodeOptions = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1' };

function fail(cmd: string, args: string[], cwd: string, e: { stdout?: string; stderr?: string; message: string }) {
  return new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
}

/** Runs a command to the end and returns its stdout; throws with both outputs on failure or timeout. */
export function run(cmd: string, args: string[], cwd: string, timeout = 120_000): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: noNodeOptions });
  } catch (error) {
    throw fail(cmd, args, cwd, error as { message: string });
  }
}

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the process did not exit by itself within the timeout (it was killed). */
  timedOut: boolean;
}

// At most one command per core at a time: more only stretches each (and its timeout) on a small machine.
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= availableParallelism()) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs a command without blocking (so cases run side by side) and reports how it ended, never throwing. */
export function exec(cmd: string, args: string[], cwd: string, timeout = 90_000): Promise<Outcome> {
  return slot(() => spawnOne(cmd, args, cwd, timeout));
}

function spawnOne(cmd: string, args: string[], cwd: string, timeout: number): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd, encoding: 'utf8', timeout, killSignal: 'SIGKILL', env: noNodeOptions, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; killed?: boolean }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          stdout,
          stderr,
          timedOut: e?.killed === true,
        });
      },
    );
  });
}

/** Runs a command and returns its stdout; rejects with both outputs unless it exits 0 by itself in time. */
export async function ok(cmd: string, args: string[], cwd: string, timeout = 90_000): Promise<string> {
  const out = await exec(cmd, args, cwd, timeout);
  if (out.code !== 0 || out.timedOut) {
    const why = out.timedOut ? `did not exit within ${timeout} ms` : `exit code ${out.code}`;
    throw fail(cmd, args, cwd, { ...out, message: why });
  }
  return out.stdout;
}

/** The path of a linked tool's command (from its package.json `bin`), run with the current node. */
export function bin(consumer: Consumer, pkg: string, name = pkg): string {
  const dir = path.join(consumer.dir, 'node_modules', pkg);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  if (!rel) throw new Error(`${pkg} has no command ${name}`);
  return path.join(dir, rel);
}

/** Packs the build (made fresh by the suite's global setup) once, installs the tarball with npm, links the tools. */
export function prepareConsumer(): Consumer {
  if (!existsSync(path.join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const work = mkdtempSync(path.join(tmpdir(), 'metacollect-pack-'));
  const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  const packed = (JSON.parse(out) as Packed[])[0]!;
  const dir = path.join(work, 'consumer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, packed.filename)],
    dir,
    300_000,
  );
  for (const tool of TOOLS) {
    const target = path.join(dir, 'node_modules', tool);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', tool), target, 'dir');
  }
  return { dir, packed, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * A fresh project under the consumer folder: its own package.json (CommonJS unless `type` says module) and files.
 * Node and TypeScript find the installed packages by walking up to the consumer's node_modules.
 */
export function project(
  consumer: Consumer,
  name: string,
  type: 'module' | 'commonjs',
  files: Record<string, string>,
): string {
  const dir = path.join(consumer.dir, 'cases', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type }, null, 2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/**
 * The files the README's "Use with …" section shows for one runner: each code block under the `### <runner>`
 * heading whose first line is a comment naming the file (`// tsconfig.json`). The matrix runs exactly these.
 */
export function readmeFiles(runner: string): Record<string, string> {
  const text = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = text.indexOf(`\n### ${runner}\n`);
  if (start < 0) throw new Error(`README has no "### ${runner}" section`);
  const end = text.slice(start + 1).search(/\n##+ /);
  const section = end < 0 ? text.slice(start) : text.slice(start, start + 1 + end);
  const files: Record<string, string> = {};
  for (const m of section.matchAll(/^```\w+\n\/\/ ([\w./-]+)\n([\s\S]*?)^```/gm)) files[m[1]!] = m[2]!;
  if (Object.keys(files).length === 0) throw new Error(`README "### ${runner}" shows no named file`);
  return files;
}
