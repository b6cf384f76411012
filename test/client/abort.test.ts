/** CallAbort: the per-call cancellation that stands in for an AbortController on the hot path. */
import { describe, expect, it } from 'vitest';
import { CallAbort, toAbortSignal } from '../../src/core/abort.js';

const listener = () => {
  const l = {
    calls: 0,
    handleEvent() {
      l.calls += 1;
    },
  };
  return l;
};

describe('CallAbort', () => {
  it('notifies each listener once, in order, and only listeners still registered', () => {
    const call = new CallAbort();
    const order: string[] = [];
    const a = { handleEvent: () => void order.push('a') };
    const b = { handleEvent: () => void order.push('b') };
    const c = { handleEvent: () => void order.push('c') };
    call.addEventListener('abort', a);
    call.addEventListener('abort', b);
    call.addEventListener('abort', c);
    call.removeEventListener('abort', b);
    expect(call.aborted).toBe(false);
    call.abort();
    call.abort();
    expect(call.aborted).toBe(true);
    expect(order).toEqual(['a', 'c']);
  });

  it('a listener added after the abort is not called (the caller checks `aborted` first)', () => {
    const call = new CallAbort();
    call.abort();
    const l = listener();
    call.addEventListener('abort', l);
    expect(l.calls).toBe(0);
  });

  it('builds a real AbortSignal only on demand, aborted already when the call was', () => {
    const before = new CallAbort();
    const signal = before.signal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(before.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    before.abort();
    expect(signal.aborted).toBe(true);

    const after = new CallAbort();
    after.abort();
    expect(after.signal.aborted).toBe(true);
    expect(toAbortSignal(after)).toBe(after.signal);
    const plain = new AbortController().signal;
    expect(toAbortSignal(plain)).toBe(plain);
  });

  it('is itself a listener: a caller signal aborting aborts the call', () => {
    const controller = new AbortController();
    const call = new CallAbort();
    const l = listener();
    call.addEventListener('abort', l);
    controller.signal.addEventListener('abort', call);
    controller.abort();
    expect(call.aborted).toBe(true);
    expect(l.calls).toBe(1);
  });
});
