/**
 * A minimal node:http server with canned DataArts Catalog answers, so the client benchmarks measure client cost only
 * (no mock logic, no validation on the server side).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectionTaskInput } from '../src/dataarts/schemas.js';

export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const WORKSPACE = '00000000000000000000000000000001';
export const TASK_ID = '8a9480ed8353e491018354b87f63009e';

export const TASK = {
  id: TASK_ID,
  name: 'test采集110',
  description: '',
  user_id: '0f2b3c4d5e6f708192a3b4c5d6e7f809',
  user_name: 'bench-user',
  duty_person: 'bench-user',
  dir_id: '0',
  path: '',
  project_id: PROJECT_ID,
  schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0, job_id: 1 },
  data_source_type: 'DLI',
  task_config: {
    data_connection_id: 'c3bfb6a1c2b04e3c9b6ee6a1f1c8a9b2',
    data_connection_name: 'dli',
    databaseName: ['sales'],
    tableName: [],
    alive_object_policy: '3',
    deleted_object_policy: '3',
    enableDataProfile: false,
    enableDataClassification: false,
    queue: 'default',
  },
  parameter_config: [],
  update_type: null,
  data_source_workspace_id: WORKSPACE,
  create_time: '1775892315978',
  update_time: '1775892315978',
  last_run_time: null,
  start_time: null,
  end_time: null,
  next_run_time: null,
};

const taskBody = JSON.stringify(TASK);
const createBody = JSON.stringify({ task_id: TASK_ID });

export async function startCannedServer(): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = req.method === 'POST' ? createBody : taskBody;
      res.writeHead(200, {
        'content-type': 'application/json;charset=UTF-8',
        'content-length': Buffer.byteLength(body),
        'x-request-id': '0123456789abcdef0123456789abcdef',
      });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The published DataArts create example (with "id": null), the body every create benchmark sends. */
export const CREATE_BODY: CollectionTaskInput = {
  id: null,
  name: 'test采集110',
  description: '',
  dir_id: '0',
  schedule_config: { schedule_type: 'RUN_ONCE', max_time_out: 10, enabled: 0 },
  data_source_type: 'DLI',
  task_config: TASK.task_config,
};
