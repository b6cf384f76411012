/**
 * Exactly-once creates on APIs without idempotency tokens. After an attempt whose outcome is unknown, the request
 * loop asks the operation's {@link CreateLookup} whether the create took effect: it pages through the service's
 * list, keeps the objects that match the request exactly, and adopts one only if the service created it after the
 * call began (judged on the service's clock, from its `Date` header) and no other call of this client has taken it.
 */
import { type AbortLike, toAbortSignal } from './abort.js';
import type { WithResponse } from './api-promise.js';
import type { Call } from './call.js';
import { MetacollectError } from './errors.js';
import { isApiError } from './guards.js';
import type { LevelLogger } from './logger.js';
import type { PageIterator } from './pagination.js';
import { isOutcomeUnknown } from './retry.js';

/** An object a lookup found that matches the create's identifying fields exactly. */
export interface Candidate {
  /** The object's id. */
  id: string;
  /** When the service created it, epoch ms on the service's clock; undefined when the list does not say. */
  createdAt: number | undefined;
}

/** One page of a lookup: the exact matches on it, and the page's `Date` response header. */
export interface LookupPage {
  /** Objects of the page that match the request exactly (name plus the fields that identify the object). */
  matches: Candidate[];
  /** Every object the page held, matching or not (reported in errors). */
  seen: number;
  /** The page's `Date` response header, if any. */
  date: string | undefined;
  /** The page's request id, if any (an adopted result may carry it). */
  requestId?: string | undefined;
}

/** How an operation finds the object a create may have made. */
export interface CreateLookup<R = unknown> {
  /**
   * A cheap key of the request's identity (e.g. its name): creates that might be identical share it, so that a lookup
   * waits for them and runs one at a time; creates that share it but differ elsewhere only wait for each other.
   */
  key: string;
  /** Pages through the narrowest list the API allows, yielding the exact matches of each page. */
  pages(signal: AbortLike): AsyncIterable<LookupPage>;
  /** What the create resolves to when it adopts `candidate`, found by the request `requestId`. */
  result(candidate: Candidate, requestId: string | undefined): R;
  /** The id a successful create answered with (so no other call adopts it). */
  idOf(result: R): string | undefined;
}

/** What a lookup saw, for the log line and the error after the last attempt. */
export interface LookupReport {
  /** Objects listed. */
  seen: number;
  /** Objects that matched the request exactly. */
  matched: number;
  /** Of those, created too early to be this call's. */
  tooOld: number;
  /** Of those, already taken by another call of this client. */
  claimed: number;
  /** The adopted object, when one was. */
  adopted?: Candidate;
  /** Request id of the lookup page that listed the adopted object. */
  requestId?: string | undefined;
}

/**
 * How far before the call's start (on the service's clock) an object may have been created and still be adopted.
 * `Date` headers have whole seconds, so the estimate of the service's clock is up to a second early; an identical
 * object that another process created within that second before the call could be adopted (the stated limit).
 */
export const RECONCILE_TOLERANCE_MS = 1_000;

/** How many adopted or returned ids a client remembers (oldest forgotten first). */
const MAX_CLAIMS = 10_000;

/**
 * Per-client bookkeeping of creates: ids already returned or adopted (so two calls never take the same object),
 * attempts in flight per key (a lookup waits for identical creates still on the wire, so their ids are claimed
 * first), and one lookup at a time per key.
 */
export class CreateLedger {
  readonly #claimed = new Set<string>();
  readonly #sending = new Map<string, { count: number; idle: (() => void)[] | undefined }>();
  readonly #locks = new Map<string, Promise<unknown>>();

  /** Marks `id` as taken; false when it already was. */
  claim(id: string): boolean {
    if (this.#claimed.has(id)) return false;
    this.#claimed.add(id);
    if (this.#claimed.size > MAX_CLAIMS) {
      const oldest = this.#claimed.values().next().value as string;
      this.#claimed.delete(oldest);
    }
    return true;
  }

  isClaimed(id: string): boolean {
    return this.#claimed.has(id);
  }

  /** Counts an attempt of `key` on the wire, until {@link CreateLedger.leave} (called once per enter). */
  enter(key: string): void {
    const entry = this.#sending.get(key);
    if (entry === undefined) this.#sending.set(key, { count: 1, idle: undefined });
    else entry.count++;
  }

  /** Ends an attempt counted by {@link CreateLedger.enter}; wakes the lookups waiting for `key` to be idle. */
  leave(key: string): void {
    const entry = this.#sending.get(key);
    if (entry === undefined) return;
    entry.count--;
    if (entry.count > 0) return;
    this.#sending.delete(key);
    if (entry.idle !== undefined) for (const wake of entry.idle) wake();
  }

  /** Resolves once no attempt of `key` is on the wire (at once when none is). */
  idle(key: string): Promise<void> {
    const entry = this.#sending.get(key);
    if (entry === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      entry.idle ??= [];
      entry.idle.push(resolve);
    });
  }

  /** Runs `fn` after every earlier `exclusive` call of the same key has finished. */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#locks.set(key, tail);
    void tail.then(() => {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    });
    return run;
  }
}

/** The service's clock minus ours, in ms, from a `Date` header read at `receivedAt`; 0 without a usable header. */
export function clockOffset(date: string | undefined, receivedAt: number): number {
  if (date === undefined) return 0;
  const serviceNow = Date.parse(date);
  return Number.isNaN(serviceNow) ? 0 : serviceNow - receivedAt;
}

/**
 * The earliest service-clock time at which an object (or a run) may have been made by a call that began at
 * `startedAt` on our clock, given a `Date` header just received: the call's start less {@link RECONCILE_TOLERANCE_MS}.
 */
export function earliestOfCall(startedAt: number, date: string | undefined): number {
  return startedAt + clockOffset(date, Date.now()) - RECONCILE_TOLERANCE_MS;
}

/**
 * The pages of a lookup, read from a service's own pager (whose responses keep their headers): `candidates` gives
 * the exact matches an item holds (none, one, or several for a grouped listing).
 */
export async function* lookupPages<TItem>(
  pages: PageIterator<TItem, WithResponse<unknown>>,
  candidates: (item: TItem) => Candidate[],
): AsyncIterable<LookupPage> {
  for await (const page of pages.pages()) {
    const response = page.response;
    yield {
      seen: page.items.length,
      matches: page.items.flatMap(candidates),
      date: response.headers['date'],
      requestId: response.requestId,
    };
  }
}

/**
 * Looks for the object of a create whose outcome is unknown, and adopts the earliest eligible one: created at or
 * after the call's start on the service's clock (less {@link RECONCILE_TOLERANCE_MS}) and not claimed by another
 * call. Runs one lookup per key at a time, after identical attempts on the wire have settled.
 *
 * @param startedAt - When the call began, epoch ms on this machine's clock.
 */
export async function findCreated<R>(
  lookup: CreateLookup<R>,
  ledger: CreateLedger,
  startedAt: number,
  signal: AbortLike,
): Promise<LookupReport> {
  await ledger.idle(lookup.key);
  return ledger.exclusive(lookup.key, async () => {
    const report: LookupReport = { seen: 0, matched: 0, tooOld: 0, claimed: 0 };
    let best: Candidate | undefined;
    let bestRequestId: string | undefined;
    for await (const page of lookup.pages(signal)) {
      const earliest = earliestOfCall(startedAt, page.date);
      report.seen += page.seen;
      for (const c of page.matches) {
        report.matched++;
        if (c.createdAt === undefined || c.createdAt < earliest) report.tooOld++;
        else if (ledger.isClaimed(c.id)) report.claimed++;
        else if (best === undefined || (best.createdAt as number) > c.createdAt) {
          best = c;
          bestRequestId = page.requestId;
        }
      }
    }
    if (best !== undefined && ledger.claim(best.id)) {
      report.adopted = best;
      report.requestId = bestRequestId;
    }
    return report;
  });
}

/** One line for logs and errors: what a lookup saw. */
export function describeLookup(report: LookupReport): string {
  const base = `looked through ${report.seen} object(s): ${report.matched} matched exactly`;
  const why: string[] = [];
  if (report.tooOld > 0) why.push(`${report.tooOld} created before the call began`);
  if (report.claimed > 0) why.push(`${report.claimed} already returned to another call`);
  return why.length > 0 ? `${base} (${why.join(', ')})` : base;
}

/**
 * A create whose last attempt may or may not have taken effect, and whose lookup did not settle it: either the
 * lookup found no object made by this call (the service may still be processing the request), or the lookup
 * itself failed. `cause` is the last attempt's error.
 */
export class OutcomeUnknownError extends MetacollectError {
  static override readonly kind: string = 'OutcomeUnknownError';
  /** The operation, e.g. `CreateTaskTemplates`. */
  readonly operation: string;
  /** What the lookup saw; undefined when the lookup itself failed. */
  readonly lookup: LookupReport | undefined;

  /** Creates the error; `lookupError` is the lookup's own failure, when it failed. */
  constructor(operation: string, cause: unknown, lookup: LookupReport | undefined, lookupError?: unknown) {
    const last = cause instanceof Error ? cause.message : String(cause);
    const saw =
      lookup !== undefined
        ? `a lookup found no object created by this call (${describeLookup(lookup)})`
        : `the lookup failed: ${lookupError instanceof Error ? lookupError.message : String(lookupError)}`;
    super(`${operation}: the outcome of the last attempt is unknown (${last}); ${saw}`, { cause });
    this.operation = operation;
    this.lookup = lookup;
  }
}

/**
 * Failures that prove the call's own request was never sent although they look otherwise: the auth provider's
 * (e.g. a token fetch that failed). They are retried as if the operation were idempotent.
 */
export const notSent = new WeakSet<object>();

/** Failures of unknown outcome after which a lookup found no object made by the call: safe to send again. */
export const lookedUp = new WeakMap<object, LookupReport>();

/**
 * Whether a failed create attempt may have made its object: an outcome-unknown failure, or any 5xx (a backend may
 * answer 503 after processing; a lookup costs less than a duplicate). Not a failure of the auth provider's.
 */
export function mayHaveCreated(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || notSent.has(error)) return false;
  return isOutcomeUnknown(error) || (isApiError(error) && error.status >= 500);
}

/** The error a call ends with: a create whose outcome stayed unknown after its lookup says so. */
export function finalError(operation: string, error: unknown): unknown {
  const report = typeof error === 'object' && error !== null ? lookedUp.get(error) : undefined;
  return report === undefined ? error : new OutcomeUnknownError(operation, error, report);
}

/**
 * Looks up the create of `call` after `error`, an attempt of unknown outcome: resolves with the object it made
 * (`reconciled: true`, logged at info), or rethrows `error` marked as looked up (safe to send again).
 */
export async function lookUpCreate<T>(
  call: Call,
  error: unknown,
  ledger: CreateLedger,
  logger: Pick<LevelLogger, 'info'>,
): Promise<WithResponse<T>> {
  const lookup = call.lookup as CreateLookup;
  let report: LookupReport;
  try {
    report = await findCreated(lookup, ledger, call.started, toAbortSignal(call.abort));
  } catch (lookupError) {
    if (call.abort.aborted) throw lookupError;
    throw new OutcomeUnknownError(call.spec.operation, error, undefined, lookupError);
  }
  const after = `${call.spec.method} ${call.path}: after ${(error as Error).message}, a lookup found`;
  if (report.adopted === undefined) {
    logger.info(`${after} no object created by this call (${describeLookup(report)})`);
    lookedUp.set(error as object, report);
    throw error;
  }
  logger.info(`${after} the object this call created (id ${report.adopted.id}): adopted`);
  const data = lookup.result(report.adopted, report.requestId) as T;
  return { data, status: 200, headers: {}, requestId: report.requestId, reconciled: true };
}
