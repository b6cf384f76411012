/**
 * Section 1: client overhead. Every contender calls the same canned server (bench/canned-server.ts) for
 * createCollectionTask (POST …/tasks/create) and getCollectionTask (GET …/tasks/{id}), at concurrency 1 and 32.
 * Ratios are against raw undici.request with hand-built headers (the floor).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import createOpenApiClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import type { paths } from '../src/generated/dataarts-catalog.js';
import type * as Metacollect from '../src/index.js';
import { CREATE_BODY, PROJECT_ID, startCannedServer, TASK_ID, WORKSPACE } from './canned-server.js';
import { type LoadResult, load, medianResult } from './lib.js';

const require = createRequire(import.meta.url);

/**
 * metacollect as users run it: the built ESM entry (dist/index.js; `npm run bench` builds it first), not the
 * TypeScript sources through tsx, whose transform adds work of its own (e.g. a `__name` call per closure).
 */
async function loadBuiltClient(): Promise<typeof Metacollect.DataArtsCatalogClient> {
  const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
  const mod = (await import(pathToFileURL(entry).href)) as typeof Metacollect;
  return mod.DataArtsCatalogClient;
}

export type Operation = 'create' | 'get';
export interface Contender {
  name: string;
  create(): Promise<unknown>;
  get(): Promise<unknown>;
  close(): Promise<void>;
}

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const TOKEN = 'MIIbenchmarktoken';

function rawUndici(url: string): Contender {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const createUrl = `${url}/v3/${PROJECT_ID}/metadata/tasks/create`;
  const getUrl = `${url}/v3/${PROJECT_ID}/metadata/tasks/${TASK_ID}`;
  return {
    name: 'raw undici.request',
    async create() {
      const res = await request(createUrl, {
        method: 'POST',
        dispatcher: agent,
        headers: {
          'content-type': 'application/json;charset=UTF-8',
          'x-auth-token': TOKEN,
          workspace: WORKSPACE,
        },
        body: JSON.stringify(CREATE_BODY),
      });
      return res.body.json();
    },
    async get() {
      const res = await request(getUrl, {
        method: 'GET',
        dispatcher: agent,
        headers: { 'x-auth-token': TOKEN, workspace: WORKSPACE },
      });
      return res.body.json();
    },
    close: () => agent.close(),
  };
}

/**
 * A reference row, not a contender of the issue: undici's lower-level `Dispatcher.dispatch()` with a handler that
 * collects the body, which is what metacollect's transport uses. Comparing metacollect with it shows what the
 * client's own work (validation, checks, auth, retries) costs, now that its transport is cheaper than `request()`.
 */
function rawDispatch(url: string): Contender {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const origin = new URL(url).origin;
  const send = (method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const chunks: Buffer[] = [];
      agent.dispatch(
        { origin, path, method, headers, body: body ?? null },
        {
          // onRequestStart marks the handler as undici 7's controller API (without it, the legacy API is assumed).
          onRequestStart: () => undefined,
          onResponseData: (_c, chunk) => void chunks.push(chunk),
          onResponseEnd: () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
          onResponseError: (_c, error) => reject(error),
        },
      );
    });
  return {
    name: 'undici dispatch() (reference)',
    create: () =>
      send(
        'POST',
        `/v3/${PROJECT_ID}/metadata/tasks/create`,
        { 'content-type': 'application/json;charset=UTF-8', 'x-auth-token': TOKEN, workspace: WORKSPACE },
        JSON.stringify(CREATE_BODY),
      ),
    get: () =>
      send('GET', `/v3/${PROJECT_ID}/metadata/tasks/${TASK_ID}`, { 'x-auth-token': TOKEN, workspace: WORKSPACE }),
    close: () => agent.close(),
  };
}

function metacollect(
  DataArtsCatalogClient: typeof Metacollect.DataArtsCatalogClient,
  url: string,
  auth: 'token' | 'aksk',
): Contender {
  const client = new DataArtsCatalogClient({
    endpoint: url,
    projectId: PROJECT_ID,
    workspace: WORKSPACE,
    auth: auth === 'token' ? { token: TOKEN } : { ak: AK, sk: SK },
    logLevel: 'off',
  });
  return {
    name: `metacollect (${auth === 'token' ? 'token' : 'AK/SK'})`,
    create: () => client.createCollectionTask(CREATE_BODY),
    get: () => client.getCollectionTask(TASK_ID),
    close: async () => {
      await client.close();
    },
  };
}

function openapiFetch(url: string): Contender {
  const client = createOpenApiClient<paths>({ baseUrl: url, fetch: globalThis.fetch });
  return {
    name: 'openapi-fetch over fetch',
    async create() {
      const { data, error } = await client.POST('/v3/{project_id}/metadata/tasks/create', {
        params: { path: { project_id: PROJECT_ID }, header: { workspace: WORKSPACE, 'X-Auth-Token': TOKEN } },
        body: CREATE_BODY as never,
      } as never);
      if (error) throw new Error('openapi-fetch create failed');
      return data;
    },
    async get() {
      const { data, error } = await client.GET('/v3/{project_id}/metadata/tasks/{task_id}', {
        params: {
          path: { project_id: PROJECT_ID, task_id: TASK_ID },
          header: { workspace: WORKSPACE, 'X-Auth-Token': TOKEN },
        },
      } as never);
      if (error) throw new Error('openapi-fetch get failed');
      return data;
    },
    close: async () => {},
  };
}

interface HcClientLike {
  sendRequest(options: Record<string, unknown>): Promise<unknown>;
}

function huaweiCore(url: string): Contender {
  // The official core needs `uuid` installed beside it, or ClientBuilder fails to load.
  const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core') as {
    BasicCredentials: new () => {
      withAk(ak: string): { withSk(sk: string): { withProjectId(p: string): unknown } };
    };
  };
  const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder') as {
    ClientBuilder: new (
      init: (c: HcClientLike) => HcClientLike,
    ) => { withCredential(c: unknown): { withEndpoint(e: string): { build(): HcClientLike } } };
  };
  const credential = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
  const client = new ClientBuilder((c) => c).withCredential(credential).withEndpoint(url).build();
  return {
    name: 'official Huawei core (AK/SK)',
    create: () =>
      client.sendRequest({
        method: 'POST',
        url: '/v3/{project_id}/metadata/tasks/create',
        contentType: 'application/json;charset=UTF-8',
        headers: { workspace: WORKSPACE },
        pathParams: { project_id: PROJECT_ID },
        queryParams: {},
        data: structuredClone(CREATE_BODY),
      }),
    get: () =>
      client.sendRequest({
        method: 'GET',
        url: '/v3/{project_id}/metadata/tasks/{task_id}',
        headers: { workspace: WORKSPACE },
        pathParams: { project_id: PROJECT_ID, task_id: TASK_ID },
        queryParams: {},
      }),
    close: async () => {},
  };
}

export interface OverheadRow {
  contender: string;
  operation: Operation;
  concurrency: number;
  result: LoadResult;
  vsRaw: number;
}

export async function runClientOverhead(options: { reps: number; requests: number }): Promise<OverheadRow[]> {
  const Client = await loadBuiltClient();
  const server = await startCannedServer();
  const contenders = [
    rawUndici(server.url),
    rawDispatch(server.url),
    metacollect(Client, server.url, 'token'),
    metacollect(Client, server.url, 'aksk'),
    openapiFetch(server.url),
    huaweiCore(server.url),
  ];
  const rows: OverheadRow[] = [];
  try {
    for (const operation of ['create', 'get'] as const) {
      for (const concurrency of [1, 32]) {
        const total = concurrency === 1 ? Math.round(options.requests / 4) : options.requests;
        // Interleave contenders repetition by repetition so drift on the machine hits all of them alike.
        const samples = new Map<string, LoadResult[]>();
        for (const c of contenders) await load(() => c[operation](), Math.min(200, total), concurrency);
        for (let rep = 0; rep < options.reps; rep++) {
          for (const c of contenders) {
            const r = await load(() => c[operation](), total, concurrency);
            samples.set(c.name, [...(samples.get(c.name) ?? []), r]);
          }
        }
        const med = (name: string) => medianResult(samples.get(name)!);
        const raw = med(contenders[0]!.name);
        for (const c of contenders) {
          const result = med(c.name);
          rows.push({ contender: c.name, operation, concurrency, result, vsRaw: result.throughput / raw.throughput });
        }
      }
    }
  } finally {
    for (const c of contenders) await c.close();
    await server.close();
  }
  return rows;
}
