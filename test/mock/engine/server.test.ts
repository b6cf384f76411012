import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createMock, type MockServer, startMockServer } from '../../../src/mock/index.js';
import { mockHandlers } from '../../../src/msw/index.js';
import { buildHuaweiRequest, headerRecord } from '../../support/mock.js';
import { fakeService, skipFakeExchangesInConformance } from './fake.js';

skipFakeExchangesInConformance();

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startMockServer', () => {
  it('serves the engine over HTTP on 127.0.0.1 with request ids and the control surface', async () => {
    server = await startMockServer({ mock: createMock({ seed: 4 }), port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { projectId, token } = server.mock.defaults;
    const res = await fetch(`${server.url}/v1/${projectId}/metadata/task-templates`, {
      headers: { 'X-Auth-Token': token },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(await res.json()).toEqual({ total_num: 0, result: [] });
    const defaults = await (await fetch(`${server.url}/__mock/defaults`)).json();
    expect(defaults.projectId).toBe(projectId);
    const miss = await fetch(`${server.url}/v1/${projectId}/nothing`);
    expect(miss.status).toBe(404);
    expect((await miss.json()).error_code).toBe('APIGW.0101');
  });

  it('verifies AK/SK signatures made for the server URL (host header signed)', async () => {
    server = await startMockServer({ port: 0 });
    const mock = server.mock;
    const req = buildHuaweiRequest(mock, {
      method: 'POST',
      origin: server.url,
      path: `/v1/${mock.defaults.projectId}/metadata/task-templates`,
      body: { task_name: 'x', data_sources: [{ db_type: 'MySQL', ins_id: 'i-1' }], schedule_type: 'ONCE' },
      auth: 'aksk',
    });
    const headers = headerRecord(req.headers);
    delete headers.host; // fetch sets it from the URL, as any client does
    const res = await fetch(req.url, { method: 'POST', headers, body: await req.text() });
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe('1001');
  });

  it('destroys the socket for networkError reset, and answers 413 over 12 MB', async () => {
    const fake = fakeService('dataarts', [], '/v9');
    server = await startMockServer({ mock: createMock({ services: [fake.factory] }), port: 0 });
    const { projectId, token } = server.mock.defaults;
    server.mock.faults.inject({ service: 'dataarts', operation: 'Increment', networkError: 'reset' });
    await expect(
      fetch(`${server.url}/v9/${projectId}/counter`, { method: 'POST', headers: { 'X-Auth-Token': token } }),
    ).rejects.toThrow();
    expect(fake.state().counter).toBe(0);
    const big = await fetch(`${server.url}/v9/${projectId}/counter`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token, 'content-type': 'application/json' },
      body: 'x'.repeat(12 * 1024 * 1024 + 10),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error_code).toBe('APIGW.0201');
    expect(fake.state().counter).toBe(0);
    const ok = await fetch(`${server.url}/v9/${projectId}/counter`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token },
    });
    expect(ok.status).toBe(201);
  });

  it('close() closes open keep-alive sockets', async () => {
    server = await startMockServer({ port: 0 });
    const url = `${server.url}/__mock/clock`;
    expect((await fetch(url)).status).toBe(200);
    await server.close();
    server = undefined;
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('mockHandlers (msw)', () => {
  it('intercepts global fetch to the vendor hosts and serves them from the engine', async () => {
    const mock = createMock({ seed: 8 });
    const msw = setupServer(...mockHandlers(mock));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const { projectId, token } = mock.defaults;
      const dsc = await fetch(`https://sdg.cn-north-4.myhuaweicloud.com/v1/${projectId}/metadata/task-templates`, {
        headers: { 'X-Auth-Token': token },
      });
      expect(dsc.status).toBe(200);
      expect(dsc.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      const iam = await fetch('https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4', {
        headers: { 'X-Auth-Token': token },
      });
      expect((await iam.json()).projects[0].id).toBe(projectId);
      const regionalIam = await fetch('https://iam.cn-north-4.myhuaweicloud.com/v3/projects', {
        headers: { 'X-Auth-Token': token },
      });
      expect(regionalIam.status).toBe(200);
      const dayu = await fetch(`https://dayu.cn-north-4.myhuaweicloud.com/v3/${projectId}/unknown/path`, {
        headers: { 'X-Auth-Token': token },
      });
      expect(dayu.status).toBe(404);
      const dw = await fetch('https://dataworks.cn-shanghai.aliyuncs.com/?Action=Nope&Version=2024-05-18', {
        method: 'POST',
      });
      expect(dw.status).toBe(404);
      expect((await dw.json()).Code).toBe('InvalidAction.NotFound');
      // AK/SK signed for the vendor host passes through msw too
      const signed = buildHuaweiRequest(mock, { path: `/v1/${projectId}/metadata/task-templates`, auth: 'aksk' });
      const headers = headerRecord(signed.headers);
      delete headers.host;
      expect((await fetch(signed.url, { headers })).status).toBe(200);
      mock.faults.inject({ service: 'dsc', networkError: 'reset' });
      await expect(
        fetch(`https://sdg.cn-north-4.myhuaweicloud.com/v1/${projectId}/metadata/task-templates`, {
          headers: { 'X-Auth-Token': token },
        }),
      ).rejects.toThrow();
      expect(mock.requests.map((r) => r.service)).toEqual(['dsc', 'iam', 'iam', 'unknown', 'dataworks', 'dsc', 'dsc']);
    } finally {
      msw.close();
    }
  });
});
