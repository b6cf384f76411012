/**
 * The caller's stack on errors. A call's failure is found on a later turn of the event loop, so its error's stack
 * holds library frames only (undici, the request loop). The frames of the code that called the client method are
 * added to the stack of the error the call rejects with: recorded when the call fails (the awaiting callers, free
 * for calls that succeed), or at log level debug when the call starts (every frame, at a cost per call).
 */

/** The frames above a call's start; V8 formats them only when `stack` is read, on the error path. */
export interface CallSite {
  stack?: string;
}

/** Errors whose stack already carries their call site (an error may pass through more than one call). */
const extended = new WeakSet<object>();

/**
 * Frames recorded per call: the client method and a few of its callers. Recording costs about in proportion to the
 * frames taken, and the full default (10) would make every successful call measurably slower.
 */
const CALL_SITE_FRAMES = 6;

/**
 * Records the caller's frames; `below` and the frames above it (the library's own) are left out. Nothing is
 * recorded when stack traces are off (`Error.stackTraceLimit` 0).
 */
export function captureCallSite(below: (...args: never[]) => unknown): CallSite {
  const site: CallSite = {};
  const limit = Error.stackTraceLimit;
  if (!(limit > 0)) return site;
  Error.stackTraceLimit = Math.min(limit, CALL_SITE_FRAMES);
  Error.captureStackTrace(site, below);
  Error.stackTraceLimit = limit;
  return site;
}

/**
 * The frames of the code awaiting the current async function, recorded where a call fails: V8 rebuilds them from
 * the chain of awaits (async stack traces), so a call that succeeds pays nothing. A caller that chains `.then`
 * instead of awaiting is not in that chain.
 */
export function awaitingCallSite(): CallSite {
  const site: CallSite = {};
  if (Error.stackTraceLimit > 0) Error.captureStackTrace(site, awaitingCallSite);
  return site;
}

/**
 * Appends the frames of `site` that `error`'s stack does not already show (an error thrown before the first await
 * has them) and returns `error`. Non-errors and frozen errors are returned unchanged.
 */
export function withCallSite(error: unknown, site: CallSite): unknown {
  if (!(error instanceof Error) || extended.has(error)) return error;
  extended.add(error);
  const own = error.stack ?? '';
  const frames = (site.stack ?? '').split('\n').filter((line) => line.startsWith('    at ') && !own.includes(line));
  if (frames.length === 0) return error;
  try {
    error.stack = `${own}\n${frames.join('\n')}`;
  } catch {
    // a non-writable stack stays as it is
  }
  return error;
}
