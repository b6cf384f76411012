/**
 * Lazy offset pagination. `iterate*` methods return a `PageIterator`: `for await (const item of it)` yields items,
 * `for await (const page of it.pages())` yields whole pages. A page is fetched only when the previous one has been
 * consumed; iteration stops on an empty or short page, or once `offset` reaches the reported total.
 */

export interface Page<TItem, TResponse> {
  items: TItem[];
  /** Offset of the first item of this page. */
  offset: number;
  /** Total reported by the service (matches before paging), when it reports one. */
  total: number | undefined;
  /** The raw response body of this page. */
  response: TResponse;
}

export interface PageFetcher<TItem, TResponse> {
  pageSize: number;
  startOffset: number;
  fetch(offset: number, pageSize: number): Promise<TResponse>;
  items(response: TResponse): TItem[];
  total(response: TResponse): number | undefined;
}

export class PageIterator<TItem, TResponse> implements AsyncIterable<TItem> {
  readonly #fetcher: PageFetcher<TItem, TResponse>;

  constructor(fetcher: PageFetcher<TItem, TResponse>) {
    this.#fetcher = fetcher;
  }

  /** Iterates over whole pages. */
  async *pages(): AsyncGenerator<Page<TItem, TResponse>, void, undefined> {
    const f = this.#fetcher;
    let offset = f.startOffset;
    for (;;) {
      const response = await f.fetch(offset, f.pageSize);
      const items = f.items(response) ?? [];
      const total = f.total(response);
      if (items.length > 0) yield { items, offset, total, response };
      offset += items.length;
      if (items.length === 0 || items.length < f.pageSize) return;
      if (total !== undefined && offset >= total) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item (loads all pages). */
  async toArray(): Promise<TItem[]> {
    const out: TItem[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}
