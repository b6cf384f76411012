/**
 * Token refresh storms against the mock over loopback HTTP: `iamPasswordAuth` with 200 concurrent calls, after the
 * token expired on the mock clock (every call gets a 401 `APIGW.0307` and replays) and inside the refresh window
 * (every call waits for one proactive refresh), three rounds each: one IAM request per round. A failing IAM is
 * asked once by all the callers waiting on it and again by the next call; callers that abort leave the refresh
 * running for the others. No token or password reaches a log line, an error or the journal.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestInitLike } from '../../src/core/transport.js';
import { AbortError, ConnectionError, iamPasswordAuth, ServerError } from '../../src/index.js';
import type { JournalEntry } from '../../src/mock/index.js';
import { type Harness, startHarness } from './harness.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CALLS = 200;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => {
  vi.useRealTimers();
  h.reset();
});
afterAll(async () => {
  h.assertNoSecrets();
  await h.close();
  expect(h.mock.errors).toEqual([]);
});

function passwordAuth() {
  const d = h.mock.defaults;
  return iamPasswordAuth({
    endpoint: h.url,
    domainName: d.domainName,
    userName: d.userName,
    password: d.password,
    projectName: d.projectName,
  });
}

/** `[status, count]` of the journal entries of `service` in `entries`, e.g. `{ '401': 200, '200': 200 }`. */
function statuses(entries: JournalEntry[], service: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) if (e.service === service) out[e.status] = (out[e.status] ?? 0) + 1;
  return out;
}

/** Runs `CALLS` concurrent list calls; returns the journal entries they caused and how each call ended. */
async function storm(call: () => Promise<unknown>) {
  const from = h.requests().length;
  const outcomes = await Promise.all(
    Array.from({ length: CALLS }, () =>
      call().then(
        () => 'ok',
        (e: unknown) => e,
      ),
    ),
  );
  return { outcomes, entries: h.requests().slice(from) };
}

/**
 * A client `fetch` that holds every IAM request until `release()`: a storm's 401s all arrive while its one refresh
 * is out, however slow the machine.
 */
function holdingIam() {
  let gate: Promise<void> | undefined;
  let open = () => {};
  return {
    fetch: async (url: string, init: RequestInitLike) => {
      if (gate !== undefined && new URL(url).pathname === '/v3/auth/tokens') await gate;
      return fetch(url, init as RequestInit);
    },
    hold() {
      gate = new Promise<void>((r) => {
        open = r;
      });
    },
    release() {
      open();
      gate = undefined;
    },
  };
}

/** Resolves once the journal holds `count` DSC answers with `status` after entry `from`. */
async function dscAnswers(from: number, status: number, count: number): Promise<void> {
  const seen = () =>
    h
      .requests()
      .slice(from)
      .filter((e) => e.service === 'dsc' && e.status === status).length;
  while (seen() < count) await new Promise((r) => setTimeout(r, 10));
}

/** The secrets a test knows (the password and every token issued so far) are in no view of `value`. */
function expectNoSecretIn(value: unknown) {
  const secrets = [h.mock.defaults.password, ...h.mock.snapshot().accounts.tokens.map((t) => t.token)];
  for (const text of [
    String(value),
    (value as Error).stack ?? '',
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value),
  ]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe('one IAM request per expiry', () => {
  it('200 concurrent calls after the token expired on the mock clock, three rounds: 1 IAM request each', async () => {
    const auth = passwordAuth();
    const dsc = h.dsc({ auth });
    await dsc.listScanTasks();
    const perRound: number[] = [];
    for (let round = 0; round < 3; round++) {
      h.mock.clock.advance(DAY_MS + 60_000);
      const { outcomes, entries } = await storm(() => dsc.listScanTasks());
      expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
      perRound.push(entries.filter((e) => e.service === 'iam').length);
      // Every call carried the expired token, got one 401 and replayed once with the one new token.
      expect(statuses(entries, 'dsc')).toEqual({ '401': CALLS, '200': CALLS });
      expect(statuses(entries, 'iam')).toEqual({ '201': 1 });
    }
    expect(perRound).toEqual([1, 1, 1]);
    // Neither the provider nor the client shows a token or the password after the storms.
    expectNoSecretIn(auth);
    expectNoSecretIn(dsc);
  }, 60_000);

  it('200 concurrent calls inside the refresh window, three rounds: 1 IAM request each, no 401', async () => {
    // The client reads the wall clock: fake Date only, and keep it on the mock's clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(h.mock.clock.now());
    const dsc = h.dsc({ auth: passwordAuth() });
    await dsc.listScanTasks();
    const perRound: number[] = [];
    for (let round = 0; round < 3; round++) {
      // 10 minutes of validity left: inside the default 15-minute window, still valid for the mock.
      const at = h.mock.clock.now() + DAY_MS - 10 * 60_000;
      h.mock.clock.set(at);
      vi.setSystemTime(at);
      const { outcomes, entries } = await storm(() => dsc.listScanTasks());
      expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
      perRound.push(entries.filter((e) => e.service === 'iam').length);
      expect(statuses(entries, 'dsc')).toEqual({ '200': CALLS });
    }
    expect(perRound).toEqual([1, 1, 1]);
  }, 60_000);
});

/**
 * After expiry on the mock clock, starts a storm while IAM is held, waits until every call has its 401 (so every
 * call waits on the one refresh), runs `meanwhile`, then lets IAM answer.
 */
async function heldStorm(iam: ReturnType<typeof holdingIam>, call: () => Promise<unknown>, meanwhile = () => {}) {
  h.mock.clock.advance(DAY_MS + 60_000);
  iam.hold();
  const from = h.requests().length;
  const running = storm(call);
  await dscAnswers(from, 401, CALLS);
  meanwhile();
  iam.release();
  return running;
}

describe('a failing refresh', () => {
  for (const [what, fault, errorClass] of [
    ['IAM 503', { status: 503 }, ServerError],
    ['a connection reset by IAM', { networkError: 'reset' as const }, ConnectionError],
  ] as const) {
    it(`${what}: the 200 waiting callers share one IAM request and its error; the next call asks again`, async () => {
      const iam = holdingIam();
      const dsc = h.dsc({ auth: passwordAuth(), maxRetries: 0, fetch: iam.fetch });
      await dsc.listScanTasks();
      h.mock.faults.inject({ service: 'iam', ...fault });
      const { outcomes, entries } = await heldStorm(iam, () => dsc.listScanTasks());
      expect(entries.filter((e) => e.service === 'iam')).toHaveLength(1);
      expect(statuses(entries, 'dsc')).toEqual({ '401': CALLS });
      for (const o of outcomes) expect(o).toBeInstanceOf(errorClass);
      expectNoSecretIn(outcomes[0]);
      // Nothing poisoned: the next call fetches a token and succeeds.
      const next = h.requests().length;
      await dsc.listScanTasks();
      expect(
        h
          .requests()
          .slice(next)
          .map((e) => `${e.service} ${e.status}`),
      ).toEqual(['iam 201', 'dsc 200']);
    });
  }

  it('with retries, every caller retries by the retry table and succeeds; the failed IAM request was made once', async () => {
    const iam = holdingIam();
    const dsc = h.dsc({ auth: passwordAuth(), fetch: iam.fetch });
    await dsc.listScanTasks();
    h.mock.faults.inject({ service: 'iam', status: 503 });
    const { outcomes, entries } = await heldStorm(iam, () => dsc.listScanTasks());
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    expect(statuses(entries, 'iam')['503']).toBe(1);
    expect(statuses(entries, 'iam')['201']).toBeGreaterThanOrEqual(1);
  });
});

describe('callers that abort', () => {
  it('half of the callers abort while the refresh is out: the others get the token, IAM is asked once', async () => {
    const iam = holdingIam();
    const dsc = h.dsc({ auth: passwordAuth(), fetch: iam.fetch });
    await dsc.listScanTasks();
    const controllers = Array.from({ length: CALLS }, () => new AbortController());
    let next = 0;
    const { outcomes, entries } = await heldStorm(
      iam,
      () => dsc.listScanTasks({}, { signal: controllers[next++]!.signal }),
      () => {
        for (const c of controllers.slice(0, CALLS / 2)) c.abort(new Error('caller gave up'));
      },
    );
    expect(outcomes.slice(0, CALLS / 2).every((o) => o instanceof AbortError)).toBe(true);
    expect(outcomes.slice(CALLS / 2)).toEqual(Array.from({ length: CALLS / 2 }, () => 'ok'));
    expect(statuses(entries, 'iam')).toEqual({ '201': 1 });
    expectNoSecretIn(outcomes[0]);
  });
});
