/**
 * Fuzzing over HTTP: for every operation of a service, `FUZZ_RUNS` damaged requests (default 2 000) against
 * `startMockServer`, properly authenticated. Each must get a 4xx in the service's envelope within the timeout,
 * and leave the mock's state as it was. The operations come from the service's route table.
 */
import fc from 'fast-check';
import type { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMock,
  MAX_BODY_BYTES,
  type MockServer,
  type ServiceName,
  startMockServer,
} from '../../src/mock/index.js';
import { fcParams, fuzzTimeout, SEED } from './damage.js';
import { type Fixture, fixture, sameState, stateTexts } from './fixture.js';
import { type HttpOp, httpOps } from './operations.js';
import { damagedRequests, describeWire, type Wire } from './requests.js';
import { envelopeProblem, httpClient, send } from './wire.js';

let fx: Fixture;
let server: MockServer;
let client: Client;
let ops: Map<string, HttpOp>;
let baseline: { plain: string; stable: string };
let baselineSnapshot: ReturnType<Fixture['mock']['snapshot']>;

beforeAll(async () => {
  fx = await fixture();
  server = await startMockServer({ mock: fx.mock });
  client = httpClient(server.url);
  ops = httpOps(fx);
  baseline = stateTexts(fx.mock);
  baselineSnapshot = fx.mock.snapshot();
});

afterAll(async () => {
  await client?.close();
  await server?.close();
});

/** `FUZZ_COLLECT=1`: log every distinct failure and go on (to list defects), instead of stopping at the first. */
const COLLECT = process.env.FUZZ_COLLECT === '1';
const seen = new Set<string>();

async function rejected(service: ServiceName, op: string, w: Wire): Promise<void> {
  fx.mock.errors.length = 0; // an earlier case's mock error is reported by that case
  const answer = await send(client, server.url, fx.mock, w);
  const problems: string[] = [];
  if (answer.status < 400 || answer.status >= 500) problems.push(`status ${answer.status}`);
  else {
    const envelope = envelopeProblem(service, answer.body);
    if (envelope) problems.push(envelope);
  }
  if (fx.mock.errors.length > 0) problems.push(`mock.errors: ${fx.mock.errors.map((e) => e.message).join('; ')}`);
  if (!sameState(fx.mock, baseline)) {
    problems.push('the state changed');
    fx.mock.restore(baselineSnapshot); // so the next cases start from the same state
  }
  if (problems.length === 0) return;
  const report = `${describeWire(w)} (seed ${SEED}) → ${answer.status} ${answer.text.slice(0, 300)}: ${problems.join(', ')}`;
  if (!COLLECT) expect.fail(report);
  const key = `${op} ${w.label.replace(/[=\s].*$/, '')} ${problems.join(',')}`;
  if (!seen.has(key)) {
    seen.add(key);
    console.log(`FUZZ DEFECT ${op}: ${report}`);
  }
}

/** Registers the fuzz tests of `services`: one per operation of their route tables. */
export function fuzzOverHttp(services: ServiceName[]): void {
  const routeTables = createMock().services;
  for (const service of services) {
    const operations = routeTables[service].routes.map((r) => r.operation);
    describe(`${service} over HTTP`, () => {
      it('has a valid request for every operation of its route table', () => {
        const missing = operations.filter((operation) => !ops.has(`${service}:${operation}`));
        expect(missing, 'operations without a fuzz case in test/fuzz/operations.ts').toEqual([]);
      });

      it.each(operations)(
        '%s: every damaged request is answered 4xx in the envelope and changes nothing',
        async (operation) => {
          const op = ops.get(`${service}:${operation}`);
          if (!op) throw new Error(`no fuzz case for ${service} ${operation} in test/fuzz/operations.ts`);
          await fc.assert(
            fc.asyncProperty(damagedRequests(op), (w) => rejected(service, operation, w)),
            fcParams,
          );
        },
        fuzzTimeout(10),
      );

      it('answers an oversized body 413 in its envelope', async () => {
        const op = [...ops.values()].find((o) => o.service === service && o.method !== 'GET');
        if (!op) throw new Error(`no operation with a body in ${service}`);
        await rejected(service, op.operation, oversized(op, Buffer.alloc(MAX_BODY_BYTES + 1, 'a')));
      });

      it('answers a request whose URL is over the 16 KB header limit 4xx in its envelope', async () => {
        const op = [...ops.values()].find((o) => o.service === service);
        if (!op) throw new Error(`no operation in ${service}`);
        const w = oversized(op, undefined);
        w.query = [['x_long', 'x'.repeat(20_000)]];
        w.label = 'URL of 20 000 characters';
        await rejected(service, op.operation, w);
      });
    });
  }
}

/** The operation's request with `body` as its body (undefined: none), otherwise valid. */
function oversized(op: HttpOp, body: Buffer | undefined): Wire {
  if (op.family === 'dataworks') {
    return {
      label: 'oversized form body',
      method: 'POST',
      path: '/',
      query: body === undefined ? Object.entries(op.params) : [],
      headers: {
        'x-acs-action': op.operation,
        'x-acs-version': '2024-05-18',
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
      action: op.operation,
    };
  }
  return {
    label: 'oversized JSON body',
    method: op.method,
    path: op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(op.params[n] ?? '')),
    query: Object.entries(op.query ?? {}),
    headers: { ...op.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body } : {}),
  };
}
