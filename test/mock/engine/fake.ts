import { afterAll, beforeAll } from 'vitest';
import { huaweiFaultCode, huaweiGateway } from '../../../src/mock/gateways.js';
import {
  MOCK_OBSERVER,
  type MockExchange,
  type MockRequest,
  type MockService,
  type MockServiceFactory,
  type ServiceContext,
  type ServiceName,
} from '../../../src/mock/index.js';

export interface FakeState {
  counter: number;
  fired: { service: string; at: number; clockNow: number; label: string }[];
  events: { at: number; label: string }[];
}

/**
 * A tiny service for engine tests: a counter (POST increments, GET reads), an identity echo, a route that throws,
 * a literal/param pair for precedence, and a list of timed events (fired in order through nextDueAt/runDue).
 */
export function fakeService(
  name: ServiceName,
  log: FakeState['fired'],
  prefix = '/v9',
): {
  factory: MockServiceFactory;
  state: () => FakeState;
  ctx: () => ServiceContext;
} {
  let state: FakeState = { counter: 0, fired: log, events: [] };
  let context: ServiceContext | undefined;
  const factory: MockServiceFactory = (ctx) => {
    context = ctx;
    const service: MockService & { schedule(at: number, label: string): void } = {
      name,
      protocol: { style: 'rest' },
      gateway: huaweiGateway,
      defaultFaultCode: huaweiFaultCode,
      routes: [
        {
          operation: 'GetCounter',
          method: 'GET',
          path: `${prefix}/{project_id}/counter`,
          auth: 'huawei',
          handler: () => ({ status: 200, body: { counter: state.counter } }),
        },
        {
          operation: 'Increment',
          method: 'POST',
          path: `${prefix}/{project_id}/counter`,
          auth: 'huawei',
          handler: () => {
            state.counter++;
            return { status: 201, body: { counter: state.counter } };
          },
        },
        {
          operation: 'WhoAmI',
          method: 'POST',
          path: `${prefix}/{project_id}/whoami`,
          auth: 'huawei',
          handler: (req: MockRequest) => ({ status: 200, body: { identity: req.identity, body: req.rawBody } }),
        },
        {
          operation: 'Boom',
          method: 'GET',
          path: `${prefix}/{project_id}/boom`,
          auth: 'huawei',
          handler: () => {
            throw new Error('kaboom');
          },
        },
        {
          operation: 'ShowThing',
          method: 'GET',
          path: `${prefix}/{project_id}/things/{thing_id}`,
          auth: 'none',
          handler: (req) => ({ status: 200, body: { route: 'param', thing_id: req.params.thing_id } }),
        },
        {
          operation: 'SpecialThing',
          method: 'GET',
          path: `${prefix}/{project_id}/things/special`,
          auth: 'none',
          handler: () => ({ status: 200, body: { route: 'literal' } }),
        },
      ],
      controlRoutes: [
        {
          operation: 'SeedCounter',
          method: 'POST',
          path: `/__mock/${name}/counter`,
          auth: 'none',
          handler: (req) => {
            const body = JSON.parse(req.rawBody) as { value?: unknown };
            if (typeof body.value !== 'number') throw new Error('value: expected a number');
            state.counter = body.value;
            return { status: 200, body: { counter: state.counter } };
          },
        },
      ],
      errorResponse: (status, code, message) => ({ status, body: { fake_code: code, fake_msg: message } }),
      nextDueAt: () => (state.events.length === 0 ? undefined : Math.min(...state.events.map((e) => e.at))),
      runDue: (now) => {
        const due = state.events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
        state.events = state.events.filter((e) => e.at > now);
        for (const e of due) {
          state.fired.push({ service: name, at: e.at, clockNow: context!.clock.now(), label: e.label });
          if (e.label.startsWith('chain:')) {
            // An event that schedules another one 500 ms later (state seen by the next firing).
            state.events.push({ at: now + 500, label: `after-${e.label}` });
          }
        }
      },
      snapshot: () => ({ counter: state.counter, events: state.events }),
      restore: (s) => {
        const snap = s as { counter: number; events: FakeState['events'] };
        state = { counter: snap.counter, fired: log, events: [...snap.events] };
      },
      reset: () => {
        state = { counter: 0, fired: log, events: [] };
      },
      schedule(at: number, label: string) {
        state.events.push({ at, label });
        context!.wake();
      },
    };
    return service;
  };
  return { factory, state: () => state, ctx: () => context! };
}

/** Schedules an event on a fake service returned by `mock.services.<name>`. */
export function schedule(service: MockService | undefined, at: number, label: string): void {
  (service as unknown as { schedule(at: number, label: string): void }).schedule(at, label);
}

const FAKE_OPERATIONS = new Set([
  'FakeEcho',
  'FakeGet',
  'GetCounter',
  'Increment',
  'WhoAmI',
  'Boom',
  'ShowThing',
  'SpecialThing',
  'SeedCounter',
]);

/**
 * The suite's conformance observer (test/setup/conformance.ts) validates every exchange against the OpenAPI specs;
 * the fake operations are not in any spec, so this wraps the observer to skip them (call at the top of a file).
 */
export function skipFakeExchangesInConformance(): void {
  let original: unknown;
  beforeAll(() => {
    original = (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER];
    if (typeof original !== 'function') return;
    const forward = original as (e: MockExchange) => void;
    (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER] = (e: MockExchange) => {
      if (e.operation !== undefined && FAKE_OPERATIONS.has(e.operation)) return;
      forward(e);
    };
  });
  afterAll(() => {
    (globalThis as Record<symbol, unknown>)[MOCK_OBSERVER] = original;
  });
}
