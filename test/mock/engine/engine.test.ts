import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMock, MOCK_OBSERVER, type MockExchange } from '../../../src/mock/index.js';
import { controlRequest, dataworksRequest, huaweiRequest, iamToken, readResult } from '../../support/mock.js';
import { type FakeState, fakeService, schedule, skipFakeExchangesInConformance } from './fake.js';

skipFakeExchangesInConformance();

const HEX32 = /^[0-9a-f]{32}$/;

function withFakes(seed = 7) {
  const fired: FakeState['fired'] = [];
  const a = fakeService('dataarts', fired, '/v9');
  const b = fakeService('dsc', fired, '/v8');
  const mock = createMock({ seed, now: Date.UTC(2026, 0, 1), services: [a.factory, b.factory] });
  return { mock, fired, a, b };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('defaults and determinism', () => {
  it('creates a ready default account derived from the seed', () => {
    const one = createMock({ seed: 42 });
    const two = createMock({ seed: 42 });
    const other = createMock({ seed: 43 });
    expect(one.defaults).toEqual(two.defaults);
    expect(one.defaults.projectId).not.toBe(other.defaults.projectId);
    expect(one.defaults.region).toBe('cn-north-4');
    expect(one.defaults.projectId).toMatch(HEX32);
    expect(one.defaults.token).toMatch(/^MII/);
    expect(one.defaults.ak).toMatch(/^[A-Z0-9]{20}$/);
    expect(one.defaults.sk).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(one.defaults.workspace).toBe('00000000000000000000000000000001');
  });

  it('gives the same request ids for the same seed and call sequence', async () => {
    const ids = async () => {
      const mock = createMock({ seed: 5 });
      const r1 = await huaweiRequest(mock, { path: `/v1/${mock.defaults.projectId}/metadata/task-templates` });
      const r2 = await huaweiRequest(mock, { path: '/nope' });
      return [r1.requestId, r2.requestId];
    };
    expect(await ids()).toEqual(await ids());
  });
});

describe('request ids and route misses', () => {
  it('puts a 32-hex X-Request-Id on success, errors and misses, distinct per request', async () => {
    const mock = createMock();
    const p = mock.defaults.projectId;
    const ok = await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates` });
    const unauth = await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, auth: 'none' });
    const miss = await huaweiRequest(mock, { path: `/v1/${p}/metadata/whatever/else` });
    const control = await controlRequest(mock, 'GET', '/__mock/clock');
    for (const r of [ok, unauth, miss, control]) expect(r.requestId).toMatch(HEX32);
    expect(new Set([ok.requestId, unauth.requestId, miss.requestId, control.requestId]).size).toBe(4);
    expect(ok.status).toBe(200);
    expect(unauth.status).toBe(401);
    expect(miss.status).toBe(404);
    expect(miss.body).toEqual({
      error_code: 'APIGW.0101',
      error_msg: 'The API does not exist or has not been published in the environment.',
      request_id: miss.requestId,
    });
  });

  it('answers a known path with another method as a route miss', async () => {
    const mock = createMock();
    const r = await huaweiRequest(mock, {
      method: 'PATCH',
      path: `/v1/${mock.defaults.projectId}/metadata/task-templates`,
    });
    expect(r.status).toBe(404);
    expect(r.body.error_code).toBe('APIGW.0101');
  });

  it('answers `/` with an unknown action InvalidAction.NotFound in the DataWorks envelope', async () => {
    const mock = createMock();
    const res = await readResult(
      await mock.handle(
        new Request('https://dataworks.cn-shanghai.aliyuncs.com/?Action=Nope&Version=2024-05-18', {
          method: 'POST',
        }),
      ),
    );
    expect(res.status).toBe(404);
    expect(res.body.Code).toBe('InvalidAction.NotFound');
    expect(res.headers.get('x-acs-request-id')).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/,
    );
    expect(res.body.RequestId).toBe(res.headers.get('x-acs-request-id'));
    expect(res.body.HostId).toBe('dataworks.cn-shanghai.aliyuncs.com');
    expect(res.headers.get('x-request-id')).toBeNull();
  });

  it('prefers literal segments over parameters', async () => {
    const { mock } = withFakes();
    const p = mock.defaults.projectId;
    const literal = await huaweiRequest(mock, { path: `/v9/${p}/things/special`, auth: 'none' });
    const param = await huaweiRequest(mock, { path: `/v9/${p}/things/a%20b`, auth: 'none' });
    expect(literal.body).toEqual({ route: 'literal' });
    expect(param.body).toEqual({ route: 'param', thing_id: 'a b' });
  });

  it('answers 413 APIGW.0201 for bodies over 12 MB', async () => {
    const mock = createMock();
    const r = await huaweiRequest(mock, {
      method: 'POST',
      path: `/v1/${mock.defaults.projectId}/metadata/task-templates`,
      body: 'x'.repeat(12 * 1024 * 1024 + 1),
    });
    expect(r.status).toBe(413);
    expect(r.body.error_code).toBe('APIGW.0201');
  });
});

describe('handler errors', () => {
  it('turns a thrown error into a 500 in the service envelope and records it', async () => {
    const { mock } = withFakes();
    const r = await huaweiRequest(mock, { path: `/v9/${mock.defaults.projectId}/boom` });
    expect(r.status).toBe(500);
    expect(r.body.fake_code).toBe('MOCK.0500');
    expect(mock.errors).toHaveLength(1);
    expect(mock.errors[0]).toMatchObject({
      message: 'kaboom',
      service: 'dataarts',
      operation: 'Boom',
      requestId: r.requestId,
    });
  });

  it('answers a throwing control route 400 {error} without recording a bug', async () => {
    const { mock, a } = withFakes();
    const bad = await controlRequest(mock, 'POST', '/__mock/dataarts/counter', { value: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'value: expected a number' });
    const good = await controlRequest(mock, 'POST', '/__mock/dataarts/counter', { value: 9 });
    expect(good.body).toEqual({ counter: 9 });
    expect(a.state().counter).toBe(9);
    expect(mock.errors).toEqual([]);
    const miss = await controlRequest(mock, 'GET', '/__mock/nothing');
    expect(miss.status).toBe(404);
    expect(miss.body.error).toContain('/__mock/nothing');
  });
});

describe('faults', () => {
  it("phase 'before' fails without touching state, in the service's envelope, `times` times", async () => {
    const { mock, a } = withFakes();
    const p = mock.defaults.projectId;
    mock.faults.inject({
      service: 'dataarts',
      operation: 'Increment',
      status: 503,
      code: 'X.1',
      message: 'down',
      times: 2,
    });
    const r1 = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter` });
    const r2 = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter` });
    expect([r1.status, r2.status]).toEqual([503, 503]);
    expect(r1.body).toEqual({ fake_code: 'X.1', fake_msg: 'down' });
    expect(r1.requestId).toMatch(HEX32);
    expect(a.state().counter).toBe(0);
    const r3 = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter` });
    expect(r3.status).toBe(201);
    expect(a.state().counter).toBe(1);
  });

  it('matches operation, method and path filters and ignores other requests', async () => {
    const { mock } = withFakes();
    const p = mock.defaults.projectId;
    mock.faults.inject({ service: 'dataarts', method: 'GET', path: `/v9/${p}/count*`, status: 429 });
    const post = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter` });
    expect(post.status).toBe(201);
    const get = await huaweiRequest(mock, { path: `/v9/${p}/counter` });
    expect(get.status).toBe(429);
    // The default 429 code is the gateway's, so it comes in the gateway envelope (auth.md), not the service's.
    expect(get.body).toEqual({
      error_code: 'APIGW.0308',
      error_msg: 'The throttling threshold has been reached.',
      request_id: get.requestId,
    });
    expect(mock.faults.list()).toEqual([]);
  });

  it("phase 'after' applies the request to the state, then fails the response", async () => {
    const { mock, a } = withFakes();
    const p = mock.defaults.projectId;
    mock.faults.inject({ service: 'dataarts', operation: 'Increment', status: 500, phase: 'after' });
    const r = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter` });
    expect(r.status).toBe(500);
    expect(a.state().counter).toBe(1);
    expect(mock.requests.at(-1)?.fault).toMatchObject({ phase: 'after' });
  });

  it("an 'after' fault is not used up by a request that fails authentication", async () => {
    const { mock, a } = withFakes();
    const p = mock.defaults.projectId;
    mock.faults.inject({ service: 'dataarts', operation: 'Increment', status: 502, phase: 'after' });
    const unauth = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter`, auth: 'none' });
    expect(unauth.status).toBe(401);
    expect(mock.faults.list()).toHaveLength(1);
    const r = await huaweiRequest(mock, { method: 'POST', path: `/v9/${p}/counter` });
    expect(r.status).toBe(502);
    expect(a.state().counter).toBe(1);
    expect(mock.faults.list()).toHaveLength(0);
  });

  it('networkError reset answers Response.error() (before: no state change; after: state changed)', async () => {
    const { mock, a } = withFakes();
    const p = mock.defaults.projectId;
    mock.faults.inject({ service: 'dataarts', operation: 'Increment', networkError: 'reset' });
    const before = await mock.handle(
      new Request(`http://x/v9/${p}/counter`, { method: 'POST', headers: { 'x-auth-token': mock.defaults.token } }),
    );
    expect(before.type).toBe('error');
    expect(a.state().counter).toBe(0);
    mock.faults.inject({ service: 'dataarts', operation: 'Increment', networkError: 'reset', phase: 'after' });
    const after = await mock.handle(
      new Request(`http://x/v9/${p}/counter`, { method: 'POST', headers: { 'x-auth-token': mock.defaults.token } }),
    );
    expect(after.type).toBe('error');
    expect(a.state().counter).toBe(1);
    expect(mock.requests.at(-1)?.status).toBe(0);
  });

  it('delays a request by delayMs of real time (pure delay keeps the normal answer)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { mock } = withFakes();
    const p = mock.defaults.projectId;
    mock.faults.inject({ service: 'dataarts', delayMs: 5000 });
    let settled = false;
    const pending = huaweiRequest(mock, { path: `/v9/${p}/counter` }).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const r = await pending;
    expect(settled).toBe(true);
    expect(r.status).toBe(200);
  });

  it("'run' faults are consumed through ServiceContext.takeRunFault", () => {
    const { mock, a } = withFakes();
    mock.faults.inject({ service: 'dataarts', phase: 'run', operation: 'Run', message: 'db down' });
    expect(a.ctx().takeRunFault('dataarts', 'Other')).toBeUndefined();
    expect(a.ctx().takeRunFault('dataarts', 'Run')).toBe('db down');
    expect(a.ctx().takeRunFault('dataarts', 'Run')).toBeUndefined();
  });

  it('validates fault input over HTTP and clears faults', async () => {
    const { mock } = withFakes();
    const missing = await controlRequest(mock, 'POST', '/__mock/faults', { status: 500 });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^service:/);
    const badStatus = await controlRequest(mock, 'POST', '/__mock/faults', { service: 'dsc', status: 'x' });
    expect(badStatus.body.error).toMatch(/^status:/);
    const badPhase = await controlRequest(mock, 'POST', '/__mock/faults', {
      service: 'dsc',
      status: 500,
      phase: 'later',
    });
    expect(badPhase.body.error).toMatch(/^phase:/);
    const badService = await controlRequest(mock, 'POST', '/__mock/faults', { service: 'ecs', status: 500 });
    expect(badService.body.error).toMatch(/^service:/);
    const malformed = await controlRequest(mock, 'POST', '/__mock/faults', '{nope');
    expect(malformed.body.error).toMatch(/^body:/);
    const ok = await controlRequest(mock, 'POST', '/__mock/faults', { service: 'dataarts', status: 500, times: 3 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ service: 'dataarts', status: 500, remaining: 3 });
    const cleared = await controlRequest(mock, 'DELETE', '/__mock/faults');
    expect(cleared.body).toEqual({ cleared: 1 });
    const r = await huaweiRequest(mock, { path: `/v9/${mock.defaults.projectId}/counter` });
    expect(r.status).toBe(200);
  });
});

describe('clock', () => {
  it('fires due events of all services in time order, each at its own time', () => {
    const { mock, fired } = withFakes();
    const t0 = mock.clock.now();
    schedule(mock.services.dataarts, t0 + 3000, 'a3');
    schedule(mock.services.dsc, t0 + 1000, 'b1');
    schedule(mock.services.dataarts, t0 + 1000, 'chain:a1');
    schedule(mock.services.dsc, t0 + 2000, 'b2');
    schedule(mock.services.dsc, t0 + 9000, 'b9');
    mock.clock.advance(5000);
    expect(fired.map((f) => [f.label, f.at - t0, f.clockNow - t0])).toEqual([
      ['b1', 1000, 1000],
      ['chain:a1', 1000, 1000],
      ['after-chain:a1', 1500, 1500],
      ['b2', 2000, 2000],
      ['a3', 3000, 3000],
    ]);
    expect(mock.clock.now()).toBe(t0 + 5000);
    mock.clock.set(t0 + 9000);
    expect(fired.at(-1)?.label).toBe('b9');
    expect(() => mock.clock.set(t0)).toThrow(/backwards/);
  });

  it('serves the clock over HTTP and refuses bad input naming the field', async () => {
    const mock = createMock({ now: 1_000_000 });
    expect((await controlRequest(mock, 'GET', '/__mock/clock')).body).toEqual({ now: 1_000_000, mode: 'manual' });
    const adv = await controlRequest(mock, 'POST', '/__mock/clock', { advanceMs: 500 });
    expect(adv.body).toEqual({ now: 1_000_500, mode: 'manual' });
    const set = await controlRequest(mock, 'POST', '/__mock/clock', { setMs: 2_000_000 });
    expect(set.body.now).toBe(2_000_000);
    const back = await controlRequest(mock, 'POST', '/__mock/clock', { setMs: 1_000 });
    expect(back.status).toBe(400);
    expect(back.body.error).toMatch(/^setMs:/);
    expect((await controlRequest(mock, 'POST', '/__mock/clock', { advanceMs: -1 })).body.error).toMatch(/^advanceMs:/);
    expect((await controlRequest(mock, 'POST', '/__mock/clock', { mode: 'fast' })).body.error).toMatch(/^mode:/);
    expect(mock.clock.now()).toBe(2_000_000);
  });

  it('real mode follows wall time and fires due events from its own timer', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const fired: FakeState['fired'] = [];
    const a = fakeService('dataarts', fired);
    const mock = createMock({ clock: 'real', services: [a.factory] });
    const t0 = mock.clock.now();
    expect(t0).toBe(Date.UTC(2026, 0, 1));
    schedule(mock.services.dataarts, t0 + 10_000, 'tick');
    vi.advanceTimersByTime(9_999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired.map((f) => [f.label, f.clockNow - t0])).toEqual([['tick', 10_000]]);
    mock.clock.advance(60_000); // in real mode: jumps ahead of wall time
    expect(mock.clock.now()).toBe(t0 + 70_000);
    mock.clock.setMode('manual');
    vi.advanceTimersByTime(5_000);
    expect(mock.clock.now()).toBe(t0 + 70_000);
    mock.dispose();
  });
});

describe('snapshot, restore, reset', () => {
  it('round-trips the whole state as plain JSON', async () => {
    const mock = createMock({ seed: 3 });
    const p = mock.defaults.projectId;
    const created = await huaweiRequest(mock, {
      method: 'POST',
      path: `/v1/${p}/metadata/task-templates`,
      body: { task_name: 'nightly', data_sources: [{ db_type: 'MySQL', ins_id: 'db-1' }], schedule_type: 'DAY' },
    });
    expect(created.status).toBe(200);
    mock.clock.advance(1234);
    const extra = mock.addProject({ name: 'cn-north-4_extra' });
    const token = mock.issueToken({ projectId: extra.id });
    const snap = mock.snapshot();
    const json = JSON.parse(JSON.stringify(snap));
    expect(json).toEqual(snap);

    const copy = createMock({ seed: 99 });
    copy.restore(json);
    expect(copy.defaults).toEqual(mock.defaults);
    expect(copy.clock.now()).toBe(mock.clock.now());
    expect(copy.snapshot()).toEqual(snap);
    // ids continue identically after a restore
    const [n1, n2] = await Promise.all([
      huaweiRequest(mock, { path: `/v1/${extra.id}/metadata/task-templates`, token }),
      huaweiRequest(copy, { path: `/v1/${extra.id}/metadata/task-templates`, token }),
    ]);
    expect(n1.status).toBe(200);
    const list = await huaweiRequest(copy, { path: `/v1/${p}/metadata/task-templates` });
    expect(list.body.total_num).toBe(1);
    expect(list.body.result[0].task_name).toBe('nightly');
    expect(n1.requestId).toBe(n2.requestId);
  });

  it('reset wipes state but keeps configured credentials; tokens issued over HTTP are dropped', async () => {
    const mock = createMock();
    const p = mock.defaults.projectId;
    await huaweiRequest(mock, {
      method: 'POST',
      path: `/v1/${p}/metadata/task-templates`,
      body: { task_name: 't', data_sources: [{ db_type: 'MySQL', ins_id: 'db-1' }], schedule_type: 'ONCE' },
    });
    const issued = await iamToken(mock);
    const configured = mock.issueToken();
    mock.faults.inject({ service: 'iam', status: 500 });
    const res = await controlRequest(mock, 'POST', '/__mock/reset');
    expect(res.status).toBe(200);
    expect(mock.faults.list()).toEqual([]);
    expect(mock.requests.map((e) => e.operation)).toEqual(['Reset']);
    const list = await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates` });
    expect(list.body.total_num).toBe(0);
    expect((await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, token: configured })).status).toBe(
      200,
    );
    const stale = await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, token: issued });
    expect(stale.status).toBe(401);
    expect((await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, auth: 'aksk' })).status).toBe(200);
  });
});

describe('journal and observer', () => {
  it('redacts secrets inside JSON held in query parameters (DataWorks CreateDataSource)', async () => {
    const mock = createMock();
    const password = 'Very-Secret-Db-Pass-42';
    const res = await dataworksRequest(mock, {
      action: 'CreateDataSource',
      method: 'GET',
      params: {
        ProjectId: 1,
        Name: 'orders',
        Type: 'mysql',
        ConnectionPropertiesMode: 'UrlMode',
        ConnectionProperties: JSON.stringify({
          envType: 'Prod',
          address: [{ host: '10.0.0.5', port: 3306 }],
          database: 'shop',
          username: 'u',
          password,
        }),
      },
    });
    expect(res.status).toBe(200);
    const journal = JSON.stringify(mock.requests);
    expect(journal).toContain('ConnectionProperties');
    expect(journal).not.toContain(password);
  });

  it('records every exchange with secrets redacted', async () => {
    const mock = createMock();
    const key = mock.addAccessKey({ temporary: true });
    const p = mock.defaults.projectId;
    const token = await iamToken(mock);
    await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates` });
    await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, auth: 'aksk', ...key });
    await controlRequest(mock, 'GET', '/__mock/defaults');
    const entries = mock.requests;
    expect(entries.map((e) => [e.service, e.operation, e.status])).toEqual([
      ['iam', 'KeystoneCreateUserTokenByPassword', 201],
      ['dsc', 'ListTaskTemplates', 200],
      ['dsc', 'ListTaskTemplates', 200],
      ['control', 'GetDefaults', 200],
    ]);
    const iam = entries[0]!;
    const user = (iam.requestBody as { auth: { identity: { password: { user: Record<string, unknown> } } } }).auth
      .identity.password.user;
    expect(user.password).toBe('***');
    expect(user.name).toBe('mock-user');
    expect(iam.responseHeaders['x-subject-token']).toBe('***');
    expect(entries[1]!.requestHeaders['x-auth-token']).toBe('***');
    expect(entries[2]!.requestHeaders.authorization).toBe('***');
    expect(entries[2]!.requestHeaders['x-security-token']).toBe('***');
    const text = JSON.stringify(entries);
    for (const secret of [
      mock.defaults.password,
      mock.defaults.token,
      mock.defaults.sk,
      token,
      key.sk,
      key.securityToken!,
    ]) {
      expect(text).not.toContain(secret);
    }
    const viaHttp = await controlRequest(mock, 'GET', '/__mock/requests');
    expect(viaHttp.body.requests).toHaveLength(4);
    expect(mock.requests.at(-1)).toMatchObject({ operation: 'ListRequests', responseBody: '[omitted]' });
    mock.clearRequests();
    expect(mock.requests).toEqual([]);
  });

  it('calls the global observer with every exchange', async () => {
    const seen: MockExchange[] = [];
    const g = globalThis as Record<symbol, unknown>;
    const previous = g[MOCK_OBSERVER];
    g[MOCK_OBSERVER] = (e: MockExchange) => seen.push(e);
    const mock = createMock();
    let r: Awaited<ReturnType<typeof huaweiRequest>>;
    try {
      r = await huaweiRequest(mock, { path: `/v1/${mock.defaults.projectId}/metadata/task-templates` });
      await huaweiRequest(mock, { path: '/missing' });
    } finally {
      g[MOCK_OBSERVER] = previous;
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      service: 'dsc',
      operation: 'ListTaskTemplates',
      status: 200,
      responseBody: r.body,
    });
    expect(seen[0]!.responseHeaders['x-request-id']).toBe(r.requestId);
    expect(seen[1]).toMatchObject({ service: 'unknown', status: 404 });
  });
});

describe('in-process seeds', () => {
  it('addProject creates projects usable with issueToken', async () => {
    const mock = createMock();
    const extra = mock.addProject();
    expect(extra.id).toMatch(HEX32);
    expect(extra.name).toMatch(/^cn-north-4_/);
    const token = mock.issueToken({ projectId: extra.id });
    expect((await huaweiRequest(mock, { path: `/v1/${extra.id}/metadata/task-templates`, token })).status).toBe(200);
    expect(() => mock.issueToken({ projectId: 'f'.repeat(32) })).toThrow(/unknown project/);
  });

  it('addWorkspace delegates to the DataArts seed route', () => {
    const fired: FakeState['fired'] = [];
    let seen: unknown;
    const fake = fakeService('dataarts', fired);
    const mock = createMock({
      services: [
        (ctx) => {
          const svc = fake.factory(ctx);
          return {
            ...svc,
            controlRoutes: [
              {
                operation: 'AddWorkspace',
                method: 'POST',
                path: '/__mock/dataarts/{project_id}/workspaces',
                auth: 'none',
                handler: (req) => {
                  seen = { project: req.params.project_id, body: JSON.parse(req.rawBody) };
                  return { status: 200, body: { id: 'w'.repeat(32) } };
                },
              },
            ],
          };
        },
      ],
    });
    expect(mock.addWorkspace(mock.defaults.projectId, 'abc')).toBe('w'.repeat(32));
    expect(seen).toEqual({ project: mock.defaults.projectId, body: { id: 'abc' } });
  });
});

describe('real-mode restore', () => {
  it('resumes at wall time and fires what fell due while the state was saved', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const fired: FakeState['fired'] = [];
    const a = fakeService('dataarts', fired);
    const mock = createMock({ clock: 'real', services: [a.factory] });
    const t0 = mock.clock.now();
    schedule(mock.services.dataarts, t0 + 60_000, 'later');
    const snap = JSON.parse(JSON.stringify(mock.snapshot()));
    mock.dispose();
    vi.setSystemTime(t0 + 3_600_000); // restored an hour later
    const b = fakeService('dataarts', fired);
    const restored = createMock({ clock: 'real', services: [b.factory] });
    restored.restore(snap);
    expect(restored.clock.now()).toBe(t0 + 3_600_000);
    expect(fired.map((f) => [f.label, f.clockNow - t0])).toEqual([['later', 60_000]]);
    restored.dispose();
  });
});

describe('no secrets in inspect/JSON of the engine', () => {
  it('util.inspect and JSON.stringify of the mock show no credentials', async () => {
    const { inspect } = await import('node:util');
    const mock = createMock();
    const key = mock.addAccessKey({ temporary: true });
    for (const text of [inspect(mock, { depth: 10 }), JSON.stringify(mock), inspect(mock.faults), String(mock)]) {
      for (const secret of [
        mock.defaults.sk,
        mock.defaults.token,
        mock.defaults.password,
        key.sk,
        key.securityToken!,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(inspect(mock)).toContain('MockEngine');
  });

  it('rejects a malformed snapshot naming the field, without changing state', async () => {
    const mock = createMock();
    const before = mock.snapshot();
    const bad = await controlRequest(mock, 'POST', '/__mock/snapshot', {
      version: 1,
      clock: { now: 1, mode: 'manual' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^ids:/);
    const after = mock.snapshot();
    expect({ ...after, ids: undefined }).toEqual({ ...before, ids: undefined }); // only a request id was drawn
  });
});
