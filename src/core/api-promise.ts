/**
 * The promise every client method returns (openai-node style): awaiting it gives the typed body;
 * `.withResponse()` gives the body together with the HTTP status, response headers and request id.
 */

export interface WithResponse<T> {
  /** The parsed, typed response body. */
  data: T;
  /** HTTP status of the response. */
  status: number;
  /** Response headers, lowercase names. */
  headers: Record<string, string>;
  /** Request id the service returned (`X-Request-Id` header or body), when present. */
  requestId: string | undefined;
  /**
   * Set when a create whose attempt had an unknown outcome was found to have taken effect, and the call resolved with
   * the object a lookup found (status, headers and request id are then the lookup's).
   */
  reconciled?: true;
}

/**
 * A `Promise` of the typed response body that can also give the whole response.
 *
 * Awaiting it resolves to the body; {@link APIPromise.withResponse} resolves to {@link WithResponse}. It rejects with
 * the errors documented on each client method (subclasses of {@link MetacollectError}).
 */
export class APIPromise<T> extends Promise<T> {
  #response: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** Wraps a promise of the whole response; used by the clients, not normally called directly. */
  constructor(response: Promise<WithResponse<T>>) {
    super((resolve) => {
      // The base promise is never observed: then/catch/finally are delegated below.
      resolve(undefined as T);
    });
    this.#response = response;
  }

  // Derived promises (then/catch/finally results) are plain Promises.
  /** Promises derived with `then`, `catch` and `finally` are plain `Promise`s. */
  static override get [Symbol.species]() {
    return Promise;
  }

  /** Resolves to the body plus status, headers and request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#response;
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#response.then((r) => r.data);
    return this.#data;
  }

  // The rejection is typed `any`, exactly as `Promise` types it, so that `.catch((e) => e)` and
  // `.then(undefined, (e) => e)` keep the types they have on any other promise.
  // biome-ignore lint/suspicious/noThenProperty: APIPromise is a Promise subclass; `then` delegates to the parsed body.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: the same rejection type as Promise.prototype.then.
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the same rejection type as Promise.prototype.catch.
  override catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}

/**
 * A response object (or any object inside one) typed with its undocumented fields too. Response types name the
 * documented fields only, so a misspelled field is a compile error; fields a newer service sends are still kept at
 * run time, and this reaches them: `withUnknownFields(task).some_new_field` is `unknown`. Returns the same object.
 */
export function withUnknownFields<T extends object>(value: T): T & { readonly [key: string]: unknown } {
  return value as T & { readonly [key: string]: unknown };
}
