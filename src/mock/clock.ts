import type { ClockMode, MockClock, MockService } from './types.js';

/** What the clock needs from the engine: the services whose timed work it drives, and a bug sink. */
export interface ClockHost {
  services(): readonly MockService[];
  /** Records an exception thrown by a service's runDue (an engine/service bug). */
  onError(service: MockService, error: unknown): void;
}

export interface ClockSnapshot {
  now: number;
  mode: ClockMode;
}

const MAX_TIMER_MS = 2_147_483_647;
/** Safety net against a service whose nextDueAt() never moves past the time it was run at. */
const MAX_RUNS_AT_ONE_TIME = 10_000;

/**
 * The one clock of a mock: every service reads time from it, and timed work fires only when it moves.
 *
 * `manual`: time only moves through advance()/set(). `real`: time = wall time + an offset; the engine catches up to
 * it before every request (and whenever now() is read from outside a handler), and keeps one unref'd timer armed
 * for the earliest due event so that schedules fire even while nobody calls the mock.
 *
 * Moving time fires due work of every service in time order: the service with the earliest nextDueAt() runs first,
 * with the clock reading exactly that time, then the next earliest, and so on (ties: service registration order).
 */
export class EngineClock implements MockClock {
  private current: number;
  private modeValue: ClockMode;
  /** real mode: mock time = Date.now() + offset. */
  private offset = 0;
  private busy = 0;
  private firing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly host: ClockHost,
    mode: ClockMode,
    startMs: number,
  ) {
    this.current = startMs;
    this.modeValue = mode;
    if (mode === 'real') this.offset = startMs - Date.now();
  }

  get mode(): ClockMode {
    return this.modeValue;
  }

  now(): number {
    if (this.modeValue === 'real' && this.busy === 0 && !this.firing) this.catchUp();
    return this.current;
  }

  /** Current mock time without catching up (safe while events fire). */
  peek(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new RangeError('advance: ms must be a finite number >= 0');
    }
    this.assertNotFiring('advance');
    if (this.modeValue === 'real') {
      this.offset += ms;
      this.catchUp();
    } else {
      this.moveTo(this.current + ms);
    }
  }

  set(to: Date | number): void {
    const ms = to instanceof Date ? to.getTime() : to;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new RangeError('set: time must be a finite number');
    this.assertNotFiring('set');
    if (this.modeValue === 'real') this.catchUp();
    if (ms < this.current) {
      throw new RangeError(`set: cannot move the clock backwards (now ${this.current}, requested ${ms})`);
    }
    if (this.modeValue === 'real') this.offset = ms - Date.now();
    this.moveTo(ms);
  }

  setMode(mode: ClockMode): void {
    if (mode !== 'real' && mode !== 'manual') throw new RangeError("setMode: mode must be 'real' or 'manual'");
    if (mode === this.modeValue) return;
    if (this.modeValue === 'real') {
      this.catchUp();
      this.modeValue = 'manual';
      this.clearTimer();
    } else {
      this.offset = this.current - Date.now();
      this.modeValue = 'real';
      this.arm();
    }
  }

  /** Real mode: moves mock time up to wall time + offset, firing due events. No-op in manual mode. */
  catchUp(): void {
    if (this.modeValue !== 'real' || this.firing) return;
    const target = Date.now() + this.offset;
    if (target > this.current || this.hasDueAt(this.current)) this.moveTo(Math.max(target, this.current));
  }

  /** Runs `fn` with the clock frozen (no catch-up on now()), e.g. while a handler runs. */
  frozen<T>(fn: () => T): T {
    this.busy++;
    try {
      return fn();
    } finally {
      this.busy--;
    }
  }

  /** Fires events that are due at the current time (after a service changed its schedule). */
  settle(): void {
    if (this.firing) return;
    if (this.hasDueAt(this.current)) this.moveTo(this.current);
    else this.arm();
  }

  /** Re-arms the real-mode timer for the earliest due event (ServiceContext.wake). */
  arm(): void {
    this.clearTimer();
    if (this.modeValue !== 'real' || this.disposed) return;
    const due = this.earliest();
    if (due === undefined) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, due.at - (Date.now() + this.offset)));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.catchUp();
      this.arm();
    }, delay);
    this.timer.unref?.();
  }

  /** Stops the real-mode timer for good (server close, process exit). */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  snapshot(): ClockSnapshot {
    if (this.modeValue === 'real') this.catchUp();
    return { now: this.current, mode: this.modeValue };
  }

  /**
   * Restores time and mode (time may move backwards: the services' state is restored alongside). A `real`-mode
   * snapshot resumes at wall time when that is later than the saved time (the saved "ahead of wall time" part is
   * kept), firing the events that fell due meanwhile, so a mock restored from a state file keeps accepting
   * signatures made with the wall clock.
   */
  restore(snapshot: ClockSnapshot): void {
    this.current = snapshot.now;
    this.modeValue = snapshot.mode;
    this.offset = Math.max(0, snapshot.now - Date.now());
    if (this.modeValue === 'real') this.catchUp();
    this.arm();
  }

  private assertNotFiring(op: string): void {
    if (this.firing) throw new Error(`clock.${op}() called while due events are firing`);
  }

  private hasDueAt(t: number): boolean {
    const due = this.earliest();
    return due !== undefined && due.at <= t;
  }

  private earliest(skip?: Set<MockService>): { at: number; service: MockService } | undefined {
    let best: { at: number; service: MockService } | undefined;
    for (const service of this.host.services()) {
      if (skip?.has(service)) continue;
      let at: number | undefined;
      try {
        at = service.nextDueAt();
      } catch (error) {
        this.host.onError(service, error);
        skip?.add(service);
        continue;
      }
      if (at === undefined || !Number.isFinite(at)) continue;
      if (best === undefined || at < best.at) best = { at, service };
    }
    return best;
  }

  private moveTo(target: number): void {
    this.firing = true;
    const broken = new Set<MockService>();
    let lastAt = Number.NaN;
    let sameTimeRuns = 0;
    try {
      for (;;) {
        const due = this.earliest(broken);
        if (due === undefined || due.at > target) break;
        // Events due in the past (e.g. created at an earlier time) run at the current time: time never goes back.
        this.current = Math.max(this.current, due.at);
        sameTimeRuns = this.current === lastAt ? sameTimeRuns + 1 : 0;
        lastAt = this.current;
        if (sameTimeRuns > MAX_RUNS_AT_ONE_TIME) {
          this.host.onError(due.service, new Error('runDue() did not move nextDueAt() past now (firing aborted)'));
          broken.add(due.service);
          continue;
        }
        try {
          due.service.runDue(this.current);
        } catch (error) {
          this.host.onError(due.service, error);
          broken.add(due.service);
        }
      }
      this.current = Math.max(this.current, target);
    } finally {
      this.firing = false;
    }
    this.arm();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
