/**
 * Cancellation of one call without a Node `AbortSignal` on the hot path.
 *
 * Every call has a deadline (and maybe a caller's signal). Building an `AbortController` per call, and adding and
 * removing its `abort` listener in the transport, measured about a tenth of the client's own cost per call
 * (bench/README.md), yet nearly every call ends before anything is aborted. {@link CallAbort} is the small
 * listener list the undici transport needs; a real `AbortSignal` is built only when something asks for one
 * (a `fetch` transport, an auth provider fetching a token, a retry wait).
 */

/** A listener object, as `EventTarget.addEventListener` also takes (no closure per call). */
export interface AbortListener {
  handleEvent(): void;
}

/**
 * The part of `AbortSignal` the transports use. `AbortSignal` itself fits, and so does {@link CallAbort}.
 * @internal
 */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: AbortListener): void;
  removeEventListener(type: 'abort', listener: AbortListener): void;
}

/** One call's cancellation state: aborted once, by the deadline or the caller's signal. @internal */
export class CallAbort implements AbortLike, AbortListener {
  #aborted = false;
  #listeners: AbortListener[] | undefined;
  #controller: AbortController | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }

  /** A real AbortSignal tied to this call, built on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  addEventListener(_type: 'abort', listener: AbortListener): void {
    if (this.#aborted) return;
    if (this.#listeners === undefined) this.#listeners = [listener];
    else this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: AbortListener): void {
    const list = this.#listeners;
    if (list === undefined) return;
    const i = list.lastIndexOf(listener);
    if (i >= 0) list.splice(i, 1);
  }

  /** Aborts the call (idempotent): notifies the listeners, then the AbortSignal if one was built. */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    const list = this.#listeners;
    this.#listeners = undefined;
    if (list) for (const l of list) l.handleEvent();
    this.#controller?.abort();
  }

  /** Lets a caller's AbortSignal (or a timer) abort the call: `signal.addEventListener('abort', call)`. */
  handleEvent(): void {
    this.abort();
  }
}

/** The AbortSignal of an {@link AbortLike} (itself when it already is one). */
export function toAbortSignal(signal: AbortLike): AbortSignal {
  return signal instanceof CallAbort ? signal.signal : (signal as AbortSignal);
}

/** Aborts `abort`: the callback of deadline and attempt timers (one shared function, no closure per timer). */
export function abortOnTimer(abort: CallAbort): void {
  abort.abort();
}
