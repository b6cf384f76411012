/**
 * Section 3: the mock. In-process handle() rates for DataArts create, get and search; HTTP creates per second at
 * concurrency 32 through undici; search page latency at 1,000 / 10,000 / 100,000 stored tasks; heap per stored task.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { createMock } from '../src/mock/index.js';
import { CREATE_BODY } from './canned-server.js';
import { load, median, percentile } from './lib.js';

type Mock = ReturnType<typeof createMock>;

interface ServerProcess {
  child: ChildProcess;
  url: string;
  token: string;
  projectId: string;
  workspace: string;
}

/** Starts bench/mock-server-child.ts (with tsx) and reads the line it prints. */
function startServerProcess(): Promise<ServerProcess> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'mock-server-child.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, ...(JSON.parse(out.slice(0, nl)) as Omit<ServerProcess, 'child'>) });
    });
    child.on('exit', (code) => reject(new Error(`mock server process exited with ${code}`)));
  });
}

const connections = [
  'c3bfb6a1c2b04e3c9b6ee6a1f1c8a9b2',
  'a0000000000000000000000000000001',
  'b0000000000000000000000000000002',
];

function freshMock(): Mock {
  return createMock({ clock: 'manual', seed: 1, settings: { dataartsMaxRecords: 10_000_000 } });
}

function headers(mock: Mock): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-auth-token': mock.defaults.token,
    workspace: mock.defaults.workspace,
  };
}

function createBody(i: number): string {
  return JSON.stringify({
    ...CREATE_BODY,
    name: `task-${i}`,
    task_config: { ...CREATE_BODY.task_config, data_connection_id: connections[i % connections.length] },
  });
}

async function call(mock: Mock, method: string, path: string, body?: string): Promise<Response> {
  const res = await mock.handle(
    new Request(`http://mock.local/v3/${mock.defaults.projectId}/metadata/tasks${path}`, {
      method,
      headers: headers(mock),
      body,
    }),
  );
  if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res;
}

async function populate(mock: Mock, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(mock, 'POST', '/create', createBody(i));
    ids.push(((await res.json()) as { task_id: string }).task_id);
  }
  return ids;
}

async function rate(fn: (i: number) => Promise<unknown>, n: number, reps: number): Promise<number> {
  const rates: number[] = [];
  for (let r = 0; r <= reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    if (r > 0) rates.push((n / (performance.now() - t0)) * 1000);
  }
  return median(rates);
}

export interface MockResults {
  handleOpsPerSecond: { create: number; get: number; search: number };
  httpCreatesPerSecondC32: number;
  searchLatency: { tasks: number; filter: string; p50Ms: number; p99Ms: number }[];
  heapBytesPerTask: number | undefined;
}

export async function runMockBench(options: { reps: number; large: number }): Promise<MockResults> {
  // handle() rates.
  const m = freshMock();
  const ids = await populate(m, 2_000);
  let k = 0;
  const create = await rate(() => call(m, 'POST', '/create', createBody(100_000 + k++)), 2_000, options.reps);
  const get = await rate((i) => call(m, 'GET', `/${ids[i % ids.length]}`), 2_000, options.reps);
  const searchBody = JSON.stringify({ data_connection_id: connections[1], limit: 10, offset: 0 });
  const search = await rate(() => call(m, 'POST', '/search', searchBody), 2_000, options.reps);

  // HTTP creates at concurrency 32 through undici, against the mock server running in its own process.
  const httpRates: number[] = [];
  const server = await startServerProcess();
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  try {
    const h = { 'content-type': 'application/json', 'x-auth-token': server.token, workspace: server.workspace };
    const url = `${server.url}/v3/${server.projectId}/metadata/tasks/create`;
    let j = 0;
    const httpCreate = async () => {
      const res = await request(url, { method: 'POST', headers: h, body: createBody(j++), dispatcher: agent });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`create → ${res.statusCode}`);
    };
    await load(httpCreate, 1_000, 32);
    for (let r = 0; r < options.reps; r++) httpRates.push((await load(httpCreate, 3_000, 32)).throughput);
  } finally {
    await agent.close();
    server.child.kill('SIGTERM');
  }

  // Search page latency against the number of stored tasks, and heap per task.
  const searchLatency: MockResults['searchLatency'] = [];
  let heapBytesPerTask: number | undefined;
  for (const n of [1_000, 10_000, options.large]) {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const big = freshMock();
    await populate(big, n);
    gc?.();
    if (n === options.large && gc) heapBytesPerTask = (process.memoryUsage().heapUsed - before) / n;
    for (const [filter, body] of [
      ['first page, no filter', { limit: 10, offset: 0 }],
      ['data_connection_id (1 in 3 match)', { data_connection_id: connections[1], limit: 10, offset: 0 }],
      ['page 50, limit 100', { limit: 100, offset: 5_000 % n }],
    ] as const) {
      const text = JSON.stringify(body);
      const lat: number[] = [];
      for (let i = 0; i < 20; i++) await call(big, 'POST', '/search', text);
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await call(big, 'POST', '/search', text);
        lat.push(performance.now() - t0);
      }
      lat.sort((a, b) => a - b);
      searchLatency.push({ tasks: n, filter, p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99) });
    }
  }
  return {
    handleOpsPerSecond: { create, get, search },
    httpCreatesPerSecondC32: median(httpRates),
    searchLatency,
    heapBytesPerTask,
  };
}
