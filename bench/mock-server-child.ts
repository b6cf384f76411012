/**
 * The mock's HTTP server in a process of its own, for the HTTP throughput figure: on a 2-core machine the load
 * generator (undici, in the bench process) and the server then each get a core, as they would in real use.
 * Prints `{ "url", "token", "projectId", "workspace" }` as one JSON line, then serves until killed.
 */
import { createMock, startMockServer } from '../src/mock/index.js';

const mock = createMock({ clock: 'manual', seed: 1, settings: { dataartsMaxRecords: 10_000_000 } });
const server = await startMockServer({ mock, port: 0 });
const { token, projectId, workspace } = mock.defaults;
process.stdout.write(`${JSON.stringify({ url: server.url, token, projectId, workspace })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
