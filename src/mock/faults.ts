import { renderError } from './gateways.js';
import type { MockRequest, MockResponse, MockService, ServiceName } from './types.js';

/** A fault to inject (in-process or through POST /__mock/faults). */
export interface FaultSpec {
  /** Service the fault applies to; omitted = any service. */
  service?: ServiceName;
  /** Operation name (the route's `operation`, e.g. 'CreateTaskTemplates'); omitted = any. */
  operation?: string;
  /** HTTP method; omitted = any. */
  method?: string;
  /** Raw request path: exact match, or a prefix when it ends with `*`; omitted = any. */
  path?: string;
  /** Status to answer in the service's own envelope; omitted (and no networkError) = a pure delay. */
  status?: number;
  /** Error code of the answer; default a service-specific code for the status. */
  code?: string;
  /** Error message of the answer (or of the failed run); default a generic message. */
  message?: string;
  /** 'reset' = the connection is destroyed without a response (msw: HttpResponse.error()). */
  networkError?: 'reset';
  /** Real-time delay before the request is handled (phase 'before') or answered ('after'). */
  delayMs?: number;
  /**
   * 'before' (default): fail without touching state. 'after': apply the request to the state first, then replace
   * the response. 'run' [mock extension]: not applied to a request; the next run the service starts for a matching
   * service/operation fails with `message` (ServiceContext.takeRunFault).
   */
  phase?: 'before' | 'after' | 'run';
  /** How many matching requests (or runs) it applies to; default 1. */
  times?: number;
}

/** A fault as armed: its spec plus an id and the number of uses left. */
export interface ArmedFault extends FaultSpec {
  /** Id of the fault, shown in the journal of the exchanges it touched. */
  id: number;
  /** Matching requests (or runs) it still applies to. */
  remaining: number;
}

export interface FaultTarget {
  service: ServiceName;
  operation: string;
  method: string;
  path: string;
}

/**
 * Validates untrusted fault input (control route / in-process) against the registered service names; throws a
 * TypeError naming the field.
 */
function parseFaultSpec(input: unknown, services: readonly string[]): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('body: expected a JSON object');
  }
  const o = input as Record<string, unknown>;
  const spec: FaultSpec = {};
  const str = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') throw new TypeError(`${key}: expected a non-empty string`);
    return v;
  };
  const int = (key: string, min: number, max: number): number | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new TypeError(`${key}: expected an integer from ${min} to ${max}`);
    }
    return v;
  };
  const service = str('service');
  if (service !== undefined) {
    if (!services.includes(service)) throw new TypeError(`service: expected one of ${services.join(', ')}`);
    spec.service = service as ServiceName;
  }
  const operation = str('operation');
  if (operation !== undefined) spec.operation = operation;
  const method = str('method');
  if (method !== undefined) spec.method = method.toUpperCase();
  const path = str('path');
  if (path !== undefined) {
    if (!path.startsWith('/')) throw new TypeError("path: expected a path starting with '/'");
    spec.path = path;
  }
  const status = int('status', 400, 599);
  if (status !== undefined) spec.status = status;
  const code = str('code');
  if (code !== undefined) spec.code = code;
  const message = str('message');
  if (message !== undefined) spec.message = message;
  const networkError = str('networkError');
  if (networkError !== undefined) {
    if (networkError !== 'reset') throw new TypeError("networkError: expected 'reset'");
    spec.networkError = 'reset';
  }
  const delayMs = int('delayMs', 0, 600_000);
  if (delayMs !== undefined) spec.delayMs = delayMs;
  const phase = str('phase');
  if (phase !== undefined) {
    if (phase !== 'before' && phase !== 'after' && phase !== 'run') {
      throw new TypeError("phase: expected 'before', 'after' or 'run'");
    }
    spec.phase = phase;
  }
  const times = int('times', 1, 1_000_000);
  if (times !== undefined) spec.times = times;
  if (spec.status !== undefined && spec.networkError !== undefined) {
    throw new TypeError('networkError: cannot be combined with status');
  }
  if (
    spec.phase !== 'run' &&
    spec.status === undefined &&
    spec.networkError === undefined &&
    spec.delayMs === undefined
  ) {
    throw new TypeError('status: one of status, networkError or delayMs is required');
  }
  return spec;
}

/** The armed faults of one engine. */
export class FaultRegistry {
  private faults: ArmedFault[] = [];
  private nextId = 1;

  /** @param services - The names of the registered services, in registration order. */
  constructor(private readonly services: () => readonly string[]) {}

  inject(input: FaultSpec): ArmedFault {
    const spec = parseFaultSpec(input, this.services());
    const fault: ArmedFault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return { ...fault };
  }

  clear(): number {
    const n = this.faults.length;
    this.faults = [];
    return n;
  }

  list(): ArmedFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consumes one use of the first fault of `phase` ('before' includes faults without a phase) matching `target`. */
  take(target: FaultTarget, phase: 'before' | 'after'): ArmedFault | undefined {
    const fault = this.faults.find((f) => (f.phase ?? 'before') === phase && matches(f, target));
    if (fault === undefined) return undefined;
    this.consume(fault);
    return { ...fault };
  }

  /** Consumes one use of the first 'run' fault for `service`/`operation`; returns its message. */
  takeRun(service: ServiceName, operation: string): string | undefined {
    const fault = this.faults.find(
      (f) =>
        f.phase === 'run' &&
        (f.service === undefined || f.service === service) &&
        (f.operation === undefined || f.operation === operation),
    );
    if (fault === undefined) return undefined;
    this.consume(fault);
    return fault.message ?? 'Injected run failure';
  }

  private consume(fault: ArmedFault): void {
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
  }
}

function matches(f: FaultSpec, t: FaultTarget): boolean {
  if (f.service !== undefined && f.service !== t.service) return false;
  if (f.operation !== undefined && f.operation !== t.operation) return false;
  if (f.method !== undefined && f.method !== t.method.toUpperCase()) return false;
  if (f.path !== undefined) {
    if (f.path.endsWith('*')) {
      if (!t.path.startsWith(f.path.slice(0, -1))) return false;
    } else if (f.path !== t.path) return false;
  }
  return true;
}

/**
 * The answer of an injected status fault: the fault's code (else the service's default for the status) and message,
 * in the gateway's envelope when the gateway owns the code (e.g. a throttling code), else in the service's.
 */
export function faultResponse(
  service: MockService,
  status: number,
  fault: { code?: string | undefined; message?: string | undefined },
  req: MockRequest,
): MockResponse {
  const message =
    fault.message ??
    (status === 429 ? 'The throttling threshold has been reached.' : `Injected fault (HTTP ${status}).`);
  return renderError(service, { status, code: fault.code ?? service.defaultFaultCode(status), message }, req);
}
