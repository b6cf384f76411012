/**
 * startMockServer feeds an engine made by createMock directly (its fast path, no Fetch objects) and any other Mock
 * through mock.handle(). Both paths must answer alike: two engines with the same seed and clock, one served each
 * way, get the same requests and must give the same statuses, headers, bodies and journals.
 */
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createMock, type Mock, type MockServer, startMockServer } from '../../../src/mock/index.js';

const NOW = Date.UTC(2026, 0, 1);
const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A Mock that is not a MockEngine (so the server takes the Fetch path), delegating to `engine`. */
function viaFetch(engine: Mock): Mock {
  return {
    handle: (req: Request) => engine.handle(req),
    dispose: () => engine.dispose(),
    get defaults() {
      return engine.defaults;
    },
  } as unknown as Mock;
}

interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const hostOf = (server: MockServer): string => new URL(server.url).host;

async function send(server: MockServer, call: Call) {
  const res = await request(`${server.url}${call.path}`, {
    method: call.method as 'GET',
    headers: call.headers,
    body: call.body,
  });
  const headers = { ...res.headers };
  delete headers.date;
  delete headers['keep-alive'];
  delete headers.connection;
  // The two servers differ only in their port (it shows in DataWorks' HostId).
  return { status: res.statusCode, headers, body: (await res.body.text()).replaceAll(hostOf(server), 'HOST') };
}

describe('startMockServer fast path', () => {
  it('answers exactly as the Fetch path, journal included', async () => {
    const options = { seed: 9, now: NOW, settings: { defaultWorkspaces: ['ws1'] } };
    const direct = createMock(options);
    const fetched = createMock(options);
    const a = await startMockServer({ mock: direct, port: 0 });
    const b = await startMockServer({ mock: viaFetch(fetched), port: 0 });
    servers.push(a, b);
    const { projectId, token } = direct.defaults;
    const auth = { 'x-auth-token': token, workspace: 'ws1', 'content-type': 'application/json' };
    const tasks = `/v3/${projectId}/metadata/tasks`;
    const create = JSON.stringify({
      name: 'fast',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE' },
      task_config: { data_connection_id: 'c1', databaseName: ['db'], password: 'hunter2' },
    });
    const calls: Call[] = [
      { method: 'POST', path: `${tasks}/create`, headers: auth, body: create },
      // A UTF-8 byte order mark is dropped, as Request.text() does.
      { method: 'POST', path: `${tasks}/create`, headers: auth, body: Buffer.from(`\ufeff${create}`) },
      { method: 'POST', path: `${tasks}/search?x=1&x=2`, headers: auth, body: '{"limit":10,"offset":0}' },
      { method: 'POST', path: `${tasks}/search`, headers: auth, body: '{not json' },
      { method: 'GET', path: `${tasks}/nope%20id`, headers: { ...auth, 'X-Extra': 'a', 'x-extra': 'b' } },
      { method: 'HEAD', path: `${tasks}/nope`, headers: auth },
      { method: 'GET', path: `${tasks}/x`, headers: { workspace: 'ws1' } },
      { method: 'PATCH', path: `${tasks}/x`, headers: auth },
      { method: 'GET', path: '/__mock/clock' },
      { method: 'POST', path: '/__mock/clock', body: '{"advanceMs":1000}' },
      { method: 'GET', path: '/?Action=ListNothing' },
      { method: 'GET', path: '//v3//' },
    ];
    for (const call of calls) {
      const [x, y] = [await send(a, call), await send(b, call)];
      expect(x, `${call.method} ${call.path}`).toEqual(y);
    }
    expect(direct.requests.length).toBe(calls.length);
    const journal = (mock: Mock, server: MockServer) =>
      JSON.parse(JSON.stringify(mock.requests).replaceAll(hostOf(server), 'HOST'));
    expect(journal(direct, a)).toEqual(journal(fetched, b));
    expect(JSON.stringify(direct.requests)).not.toContain('hunter2');
    expect(JSON.stringify(direct.requests)).not.toContain(token);
  });
});
