/**
 * The engine's own control routes under `/__mock/`: clock, reset, faults, journal, defaults and snapshots. Bodies are
 * read with {@link readControlBody}; mistakes are thrown as {@link ControlError} and answered `{"error": message}`.
 */
import type { MockDefaults, MockSnapshot } from './api.js';
import { readControlBody } from './body.js';
import type { EngineClock } from './clock.js';
import { ControlError } from './errors.js';
import type { FaultRegistry, FaultSpec } from './faults.js';
import type { Journal } from './journal.js';
import type { MockRoute } from './types.js';

/** What the control routes act on. */
export interface ControlHost {
  readonly clock: EngineClock;
  readonly defaults: MockDefaults;
  readonly faultRegistry: FaultRegistry;
  readonly journal: Journal;
  reset(): void;
  snapshot(): MockSnapshot;
  restore(snapshot: MockSnapshot): void;
}

const isTimeMs = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function engineControlRoutes(host: ControlHost): MockRoute[] {
  const route = (operation: string, method: string, path: string, handler: MockRoute['handler']): MockRoute => ({
    operation,
    method,
    path: `/__mock${path}`,
    auth: 'none',
    handler,
  });
  const { clock } = host;
  const clockState = () => ({ now: clock.now(), mode: clock.mode });
  return [
    route('GetClock', 'GET', '/clock', () => ({ status: 200, body: clockState() })),
    route('SetClock', 'POST', '/clock', (req) => {
      const { mode, setMs, advanceMs } = readControlBody(req.rawBody);
      if (mode !== undefined && mode !== 'real' && mode !== 'manual') {
        throw new ControlError("mode: expected 'real' or 'manual'");
      }
      if (setMs !== undefined && !isTimeMs(setMs)) throw new ControlError('setMs: expected an integer epoch-ms time');
      if (advanceMs !== undefined && !isTimeMs(advanceMs))
        throw new ControlError('advanceMs: expected an integer >= 0');
      if (typeof setMs === 'number' && setMs < clock.peek()) {
        throw new ControlError(`setMs: cannot move the clock backwards (now ${clock.peek()})`);
      }
      if (mode !== undefined) clock.setMode(mode);
      if (typeof setMs === 'number') clock.set(setMs);
      if (typeof advanceMs === 'number') clock.advance(advanceMs);
      return { status: 200, body: clockState() };
    }),
    route('Reset', 'POST', '/reset', () => {
      host.reset();
      return { status: 200, body: { reset: true } };
    }),
    route('InjectFault', 'POST', '/faults', (req) => {
      const body = readControlBody(req.rawBody);
      if (body.service === undefined) throw new ControlError('service: is required');
      return { status: 200, body: host.faultRegistry.inject(body as FaultSpec) };
    }),
    route('ListFaults', 'GET', '/faults', () => ({ status: 200, body: { faults: host.faultRegistry.list() } })),
    route('ClearFaults', 'DELETE', '/faults', () => ({ status: 200, body: { cleared: host.faultRegistry.clear() } })),
    route('ListRequests', 'GET', '/requests', () => ({ status: 200, body: { requests: host.journal.list() } })),
    route('ClearRequests', 'DELETE', '/requests', () => {
      host.journal.clear();
      return { status: 200, body: { cleared: true } };
    }),
    route('GetDefaults', 'GET', '/defaults', () => ({ status: 200, body: host.defaults })),
    route('GetSnapshot', 'GET', '/snapshot', () => ({ status: 200, body: host.snapshot() })),
    route('RestoreSnapshot', 'POST', '/snapshot', (req) => {
      const body = readControlBody(req.rawBody);
      if (body.version !== 1) throw new ControlError('version: expected a snapshot of version 1');
      host.restore(body as unknown as MockSnapshot);
      return { status: 200, body: { restored: true } };
    }),
  ];
}
