import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acsGateway } from '../../../src/mock/gateways.js';
import {
  createMock,
  MOCK_OBSERVER,
  type MockExchange,
  type MockServiceFactory,
  type ServiceName,
} from '../../../src/mock/index.js';
import type { MockGateway } from '../../../src/mock/types.js';
import { readResult } from '../../support/mock.js';

const FAKE = 'fakerpc' as ServiceName;

// The fake service is in no OpenAPI spec: keep its exchanges from the suite's conformance observer.
let original: unknown;
beforeAll(() => {
  original = (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER];
  if (typeof original !== 'function') return;
  const forward = original as (e: MockExchange) => void;
  (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER] = (e: MockExchange) => {
    if (e.service !== FAKE) forward(e);
  };
});
afterAll(() => {
  (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER] = original;
});

/** A gateway of its own: request ids in `x-fake-request-id`, envelope `{fault: {code, text, id}}`. */
const fakeGateway: MockGateway = {
  requestIdHeader: 'x-fake-request-id',
  newRequestId: (ids) => `fake-${ids.hex(8)}`,
  errorResponse: (status, code, message, req) => ({
    status,
    body: { fault: { code, text: message, id: req.requestId } },
  }),
  ownsCode: (code) => code.startsWith('GW.'),
  routeMiss: { status: 404, code: 'GW.Miss', message: 'no such route' },
  tooLarge: { status: 413, code: 'GW.TooLarge', message: 'too large' },
};

/** A second RPC service beside DataWorks: another action header, another version, its own envelope and codes. */
const fakeRpc: MockServiceFactory = () => ({
  name: FAKE,
  protocol: {
    style: 'rpc',
    version: '2030-01-01',
    actionOf: (headers, query) => headers.get('x-fake-action') ?? query.get('FakeAction'),
    versionOf: (headers) => headers.get('x-fake-version'),
    unknownAction: (action, version, known) => ({
      status: 400,
      code: known ? 'Fake.BadVersion' : 'Fake.NoAction',
      message: known ? `version ${version} is not served` : `no action ${action}`,
    }),
  },
  gateway: fakeGateway,
  defaultFaultCode: (status) => (status === 429 ? 'GW.Throttled' : 'Fake.Fault'),
  routes: [
    {
      operation: 'Ping',
      method: 'POST',
      path: '/',
      auth: 'none',
      handler: (req) => ({ status: 200, body: { pong: req.rawBody, id: req.requestId } }),
    },
  ],
  controlRoutes: [],
  errorResponse: (status, code, message) => ({ status, body: { fake_error: { code, message } } }),
  nextDueAt: () => undefined,
  runDue: () => {},
  snapshot: () => ({ fake: true }),
  restore: () => {},
  reset: () => {},
});

async function call(mock: ReturnType<typeof createMock>, headers: Record<string, string>, body = 'hello') {
  return readResult(await mock.handle(new Request('https://fake.example.com/', { method: 'POST', headers, body })));
}

describe('a second RPC service plugs in without touching the engine', () => {
  it('routes its actions by its own header, with its own request ids and version', async () => {
    const mock = createMock({ seed: 5, services: [fakeRpc] });
    const r = await call(mock, { 'x-fake-action': 'Ping', 'x-fake-version': '2030-01-01' });
    expect(r.status).toBe(200);
    const id = r.headers.get('x-fake-request-id');
    expect(id).toMatch(/^fake-[0-9a-f]{8}$/);
    expect(r.headers.get('x-request-id')).toBeNull();
    expect(r.body).toEqual({ pong: 'hello', id });
    // Method-insensitive, as RPC actions are.
    const viaGet = await mock.handle(
      new Request('https://fake.example.com/?FakeAction=Ping', { headers: { 'x-fake-version': '2030-01-01' } }),
    );
    expect(viaGet.status).toBe(200);
    expect(mock.requests.map((e) => [e.service, e.operation, e.status])).toEqual([
      [FAKE, 'Ping', 200],
      [FAKE, 'Ping', 200],
    ]);
    expect(mock.snapshot().services[FAKE]).toEqual({ fake: true });
  });

  it('answers an unknown action or another version with its own unknownAction, in its own envelope', async () => {
    const mock = createMock({ services: [fakeRpc] });
    const version = await call(mock, { 'x-fake-action': 'Ping', 'x-fake-version': '2024-05-18' });
    expect(version.status).toBe(400);
    expect(version.body).toEqual({
      fake_error: { code: 'Fake.BadVersion', message: 'version 2024-05-18 is not served' },
    });
    const action = await call(mock, { 'x-fake-action': 'Nope', 'x-fake-version': '2030-01-01' });
    expect(action.body).toEqual({ fake_error: { code: 'Fake.NoAction', message: 'no action Nope' } });
    expect(mock.requests.map((e) => e.service)).toEqual([FAKE, FAKE]);
  });

  it('leaves DataWorks requests to DataWorks', async () => {
    const mock = createMock({ services: [fakeRpc] });
    const r = await call(mock, { 'x-acs-action': 'NoSuchAction', 'x-acs-version': '2024-05-18' });
    expect(r.status).toBe(404);
    expect(r.body.Code).toBe('InvalidAction.NotFound');
    expect(r.headers.get('x-acs-request-id')).toMatch(/^[0-9A-F-]{36}$/);
    expect(mock.requests[0]?.service).toBe('dataworks');
  });

  it('renders faults with its default codes: a gateway-owned code in the gateway envelope', async () => {
    const mock = createMock({ services: [fakeRpc] });
    mock.faults.inject({ service: FAKE, status: 503 });
    mock.faults.inject({ service: FAKE, status: 429 });
    const headers = { 'x-fake-action': 'Ping', 'x-fake-version': '2030-01-01' };
    const service = await call(mock, headers);
    expect(service.status).toBe(503);
    expect(service.body).toEqual({ fake_error: { code: 'Fake.Fault', message: 'Injected fault (HTTP 503).' } });
    const gateway = await call(mock, headers);
    expect(gateway.status).toBe(429);
    expect(gateway.body.fault).toMatchObject({ code: 'GW.Throttled', id: gateway.headers.get('x-fake-request-id') });
  });

  it('takes the oversized-body answer from its gateway', async () => {
    const mock = createMock({ services: [fakeRpc] });
    const r = await call(mock, { 'x-fake-action': 'Ping' }, 'x'.repeat(12 * 1024 * 1024 + 1));
    expect(r.status).toBe(413);
    expect(r.body.fault).toMatchObject({ code: 'GW.TooLarge' });
  });

  it('works with an Alibaba gateway too (request ids and envelope of the product)', async () => {
    const mock = createMock({ services: [() => ({ ...fakeRpc({} as never), gateway: acsGateway('fake-product') })] });
    const r = await call(mock, { 'x-fake-action': 'Ping', 'x-fake-version': '2030-01-01' });
    expect(r.headers.get('x-acs-request-id')).toMatch(/^[0-9A-F-]{36}$/);
  });
});
