/**
 * `iamPasswordAuth` under concurrency: late 401s for an older token, storms of callers around one refresh, failed
 * refreshes shared by their waiters, and callers that abort. IAM is a fake `AuthContext.send` whose answers the
 * test (or fast-check's scheduler) releases in any order.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iamPasswordAuth } from '../../src/core/auth/index.js';
import type { AuthContext, OutgoingRequest, RawResponse } from '../../src/core/auth/types.js';
import { ConnectionError, ServerError } from '../../src/core/errors.js';

const PASSWORD = 'Refresh-Pa55word!-91c2';
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const creds = { domainName: 'acme', userName: 'alice', password: PASSWORD };

function request(): OutgoingRequest {
  return { method: 'GET', url: new URL('https://sdg.cn-north-4.myhuaweicloud.com/v1/p/x'), headers: {} };
}

/** IAM's answer issuing `token`, valid 24 h from `now`. */
function issued(token: string, now: number): RawResponse {
  return {
    status: 201,
    headers: { 'x-subject-token': token },
    body: JSON.stringify({ token: { expires_at: new Date(now + 24 * HOUR).toISOString(), project: { id: 'p' } } }),
  };
}

/**
 * A fake IAM: every token request is counted and numbered (`T1`, `T2`, …); `answer` decides how it is answered
 * (default: at once). `signals` keeps the signal each IAM request was sent with.
 */
function fakeIam(clock: { now: number }, answer?: (n: number, res: RawResponse) => Promise<RawResponse>) {
  const iam = { requests: 0, signals: [] as AbortSignal[] };
  const ctx = (over: Partial<AuthContext> = {}): AuthContext => ({
    send(_req, options) {
      iam.requests += 1;
      if (options.signal) iam.signals.push(options.signal);
      const res = issued(`T${iam.requests}`, clock.now);
      return answer ? answer(iam.requests, res) : Promise.resolve(res);
    },
    region: 'cn-north-4',
    now: () => clock.now,
    ...over,
  });
  return { iam, ctx };
}

async function tokenOf(auth: ReturnType<typeof iamPasswordAuth>, ctx: AuthContext): Promise<string | undefined> {
  const r = request();
  await auth.apply(r, ctx);
  return r.headers['x-auth-token'];
}

describe('onUnauthorized looks at the token the request carried', () => {
  it('a 401 for an older token keeps the cached one and replays once with it', async () => {
    const clock = { now: T0 };
    const { iam, ctx: at } = fakeIam(clock);
    const ctx = at();
    const auth = iamPasswordAuth(creds);
    const old = request();
    await auth.apply(old, ctx);
    expect(auth.onUnauthorized('APIGW.0307', old)).toBe(true); // T1 was current: dropped, replay
    expect(await tokenOf(auth, ctx)).toBe('T2');
    // Late answers for T1, whatever their code: T2 stays, and each request replays once with it.
    for (const code of ['APIGW.0307', 'apigw.0307', 'APIGW.0301', 'APIGW.0999', undefined]) {
      expect(auth.onUnauthorized(code, old)).toBe(true);
      expect(await tokenOf(auth, ctx)).toBe('T2');
    }
    expect(iam.requests).toBe(2);
  });

  it('for the cached token: 0307 drops it and replays, 0301 drops it without replay, other codes keep it', async () => {
    const clock = { now: T0 };
    const { iam, ctx: at } = fakeIam(clock);
    const ctx = at();
    const auth = iamPasswordAuth(creds);
    const sent = request();
    await auth.apply(sent, ctx);
    expect(auth.onUnauthorized('APIGW.0999', sent)).toBe(false);
    expect(auth.onUnauthorized(undefined, sent)).toBe(false);
    expect(await tokenOf(auth, ctx)).toBe('T1');
    expect(auth.onUnauthorized('APIGW.0301', sent)).toBe(false);
    const second = request();
    await auth.apply(second, ctx);
    expect(second.headers['x-auth-token']).toBe('T2');
    expect(auth.onUnauthorized('APIGW.0307', second)).toBe(true);
    expect(await tokenOf(auth, ctx)).toBe('T3');
    expect(iam.requests).toBe(3);
  });

  it('a late 0307 for the old token after a proactive refresh keeps the new token', async () => {
    const clock = { now: T0 };
    const { iam, ctx: at } = fakeIam(clock);
    const ctx = at();
    const auth = iamPasswordAuth(creds);
    const old = request();
    await auth.apply(old, ctx);
    clock.now = T0 + 24 * HOUR - 10 * 60_000; // inside the 15-minute refresh window
    expect(await tokenOf(auth, ctx)).toBe('T2');
    expect(auth.onUnauthorized('APIGW.0307', old)).toBe(true);
    expect(await tokenOf(auth, ctx)).toBe('T2');
    expect(iam.requests).toBe(2);
  });

  it('only the entry of the rejected token is dropped (tokens are cached per IAM endpoint)', async () => {
    const clock = { now: T0 };
    const { iam, ctx: at } = fakeIam(clock);
    const ctx = at();
    const other = at({ region: 'ap-southeast-1' });
    const auth = iamPasswordAuth({ ...creds, projectName: 'cn-north-4' });
    const north = request();
    await auth.apply(north, ctx);
    expect(await tokenOf(auth, other)).toBe('T2');
    expect(auth.onUnauthorized('APIGW.0307', north)).toBe(true);
    expect(await tokenOf(auth, other)).toBe('T2');
    expect(await tokenOf(auth, ctx)).toBe('T3');
    expect(iam.requests).toBe(3);
  });
});

describe('one IAM request per expiry, in any order of events', () => {
  /**
   * `late` requests carried T1 and are answered 0307 (each one replays when told to); `fresh` new calls arrive;
   * the IAM answer comes whenever the scheduler lets it. With `window`, the clock sits inside the refresh window
   * (T1 still valid), so the fresh calls refresh proactively.
   */
  const storm = fc.record({
    late: fc.integer({ min: 0, max: 12 }),
    fresh: fc.integer({ min: 0, max: 12 }),
    window: fc.boolean(),
  });

  it('late 401s, fresh calls and the IAM answer interleaved: at most one refresh, and everyone ends on it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), storm, async (s, { late, fresh, window }) => {
        const clock = { now: T0 };
        let gated = false;
        const { iam, ctx } = fakeIam(clock, (_n, res) =>
          gated ? s.schedule(Promise.resolve(res), 'IAM answers') : Promise.resolve(res),
        );
        const auth = iamPasswordAuth(creds);
        const carried = Array.from({ length: late }, request);
        await auth.apply(request(), ctx());
        for (const r of carried) await auth.apply(r, ctx());
        gated = true;
        if (window) clock.now = T0 + 24 * HOUR - 10 * 60_000;
        const replayed: Array<string | undefined> = [];
        const freshly: Array<string | undefined> = [];
        const work: Promise<void>[] = [];
        for (const r of carried) {
          work.push(
            s.schedule(Promise.resolve(), '401 for T1').then(async () => {
              expect(auth.onUnauthorized('APIGW.0307', r)).toBe(true);
              replayed.push(await tokenOf(auth, ctx()));
            }),
          );
        }
        for (let i = 0; i < fresh; i++) {
          work.push(
            s.schedule(Promise.resolve(), 'new call').then(async () => {
              freshly.push(await tokenOf(auth, ctx()));
            }),
          );
        }
        await s.waitFor(Promise.all(work));
        gated = false;
        const refreshes = late > 0 || (window && fresh > 0) ? 1 : 0;
        expect(iam.requests).toBe(1 + refreshes);
        expect(replayed).toEqual(carried.map(() => 'T2'));
        // A new call gets T1 only until something drops or refreshes it; inside the window it waits for T2.
        for (const t of freshly) expect(['T1', 'T2']).toContain(t);
        if (window) expect(freshly).toEqual(freshly.map(() => 'T2'));
        if (refreshes === 1) {
          expect(await tokenOf(auth, ctx())).toBe('T2');
          expect(iam.requests).toBe(2);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a failed refresh is shared once and not cached', () => {
  for (const [what, failure] of [
    ['IAM 503', () => Promise.resolve({ status: 503, headers: {}, body: '{"error":{"code":503,"message":"busy"}}' })],
    [
      'a network error',
      () =>
        Promise.reject(
          new ConnectionError('socket hang up', { method: 'POST', path: '/v3/auth/tokens', requestSent: true }),
        ),
    ],
  ] as const) {
    it(`${what}: every waiter gets the error from one IAM request; the next call asks again`, async () => {
      const clock = { now: T0 };
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const { iam, ctx } = fakeIam(clock, async (n, res) => {
        if (n > 1) return res;
        await gate;
        return (await failure()) as RawResponse;
      });
      const auth = iamPasswordAuth(creds);
      const waiters = Array.from({ length: 50 }, () =>
        auth.apply(request(), ctx()).then(
          () => 'ok',
          (e: unknown) => e,
        ),
      );
      release();
      const outcomes = await Promise.all(waiters);
      expect(iam.requests).toBe(1);
      for (const e of outcomes) {
        expect(e).toBeInstanceOf(what === 'IAM 503' ? ServerError : ConnectionError);
        for (const text of [String(e), inspect(e, { depth: 10 }), JSON.stringify(e)]) {
          expect(text).not.toContain(PASSWORD);
        }
      }
      expect(await tokenOf(auth, ctx())).toBe('T2');
      expect(iam.requests).toBe(2);
    });
  }
});

describe('aborting callers', () => {
  it('in any order of aborts and the IAM answer: IAM is aborted only when every caller left', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (s, aborts) => {
        const clock = { now: T0 };
        const { iam, ctx } = fakeIam(clock, (n, res) =>
          n > 1
            ? Promise.resolve(res)
            : new Promise((resolve, reject) => {
                const signal = iam.signals.at(-1);
                signal?.addEventListener('abort', () => reject(signal.reason));
                void s.schedule(Promise.resolve('IAM answers')).then(() => resolve(res));
              }),
        );
        const auth = iamPasswordAuth(creds);
        const controllers = aborts.map(() => new AbortController());
        const results = controllers.map((c) =>
          tokenOf(auth, ctx({ signal: c.signal })).then(
            (t) => t,
            (e: unknown) => e,
          ),
        );
        const aborting = aborts.map((abort, i) =>
          abort
            ? s.schedule(Promise.resolve(`abort ${i}`)).then(() => controllers[i]!.abort(new Error(`left ${i}`)))
            : undefined,
        );
        await s.waitFor(Promise.all([...results, ...aborting]));
        const outcomes = await Promise.all(results);
        const stayed = outcomes.filter((o) => o === 'T1').length;
        const left = outcomes.filter((o) => o instanceof Error).length;
        expect(stayed + left).toBe(aborts.length);
        expect(iam.requests).toBe(1);
        // Only callers that asked to leave left, and the IAM request was aborted only when nobody stayed.
        outcomes.forEach((o, i) => {
          if (!aborts[i]) expect(o).toBe('T1');
        });
        expect(iam.signals[0]!.aborted).toBe(stayed === 0);
        // The next call works either way (an aborted request is not cached).
        expect(await tokenOf(auth, ctx())).toBe(stayed === 0 ? 'T2' : 'T1');
      }),
      { numRuns: 200 },
    );
  });
});
