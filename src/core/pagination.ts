/**
 * Lazy offset pagination. `iterate*` methods return a `PageIterator`: `for await (const item of it)` yields items,
 * `for await (const page of it.pages())` yields whole pages. A page is fetched only when the previous one has been
 * consumed; iteration stops on an empty or short page, or once `offset` reaches the reported total.
 */

/** One page of a paginated listing, as yielded by {@link PageIterator.pages}. */
export interface Page<TItem, TResponse> {
  /** The items of this page, in service order. */
  items: TItem[];
  /** Offset of the first item of this page. */
  offset: number;
  /** Total reported by the service (matches before paging), when it reports one. */
  total: number | undefined;
  /** The raw response body of this page. */
  response: TResponse;
}

/**
 * How a {@link PageIterator} fetches and reads pages; supplied by the clients.
 * @inline
 */
export interface PageFetcher<TItem, TResponse> {
  /** Items requested per page. */
  pageSize: number;
  /** Offset of the first page. */
  startOffset: number;
  /** Fetches the page that starts at `offset`. */
  fetch(offset: number, pageSize: number): Promise<TResponse>;
  /** The items of a fetched page. */
  items(response: TResponse): TItem[];
  /** The total the service reported, if any. */
  total(response: TResponse): number | undefined;
}

/**
 * Lazy async iterator over a paginated listing: `for await (const item of it)` yields items and
 * `for await (const page of it.pages())` yields pages. Pages are fetched one at a time, only when needed; a failed
 * fetch rejects the iteration with the call's error.
 */
export class PageIterator<TItem, TResponse> implements AsyncIterable<TItem> {
  readonly #fetcher: PageFetcher<TItem, TResponse>;

  /** Creates the iterator; nothing is fetched until iteration starts. */
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

  /** Yields every item of every page, fetching pages as the loop needs them. */
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

/** Where a listing starts and how many items a page holds; `fetch` reads the page at `offset`. */
interface PagedListing<TItem, TResponse> {
  pageSize: number;
  /** The items of a fetched page (none when absent). */
  items(response: TResponse): TItem[] | undefined;
  /** The total the service reported, if any. */
  total(response: TResponse): number | undefined;
}

/** Pages a listing addressed by an offset and a page size, from `offset` (default 0). */
export function offsetPages<TItem, TResponse>(
  listing: PagedListing<TItem, TResponse> & {
    offset?: number | null | undefined;
    fetch(offset: number, pageSize: number): Promise<TResponse>;
  },
): PageIterator<TItem, TResponse> {
  return new PageIterator<TItem, TResponse>({
    pageSize: listing.pageSize,
    startOffset: listing.offset ?? 0,
    fetch: listing.fetch,
    items: (r) => listing.items(r) ?? [],
    total: listing.total,
  });
}

/** Pages a listing addressed by a 1-based page number and a page size, from `pageNumber` (default 1). */
export function numberedPages<TItem, TResponse>(
  listing: PagedListing<TItem, TResponse> & {
    pageNumber?: number | null | undefined;
    fetch(pageNumber: number, pageSize: number): Promise<TResponse>;
  },
): PageIterator<TItem, TResponse> {
  const size = listing.pageSize;
  return offsetPages<TItem, TResponse>({
    ...listing,
    offset: ((listing.pageNumber ?? 1) - 1) * size,
    fetch: (offset, pageSize) => listing.fetch(Math.floor(offset / pageSize) + 1, pageSize),
  });
}

/** The first item of a listing that matches, fetching pages only until it is found. */
export async function findItem<TItem>(
  items: AsyncIterable<TItem>,
  matches: (item: TItem) => boolean,
): Promise<TItem | undefined> {
  for await (const item of items) if (matches(item)) return item;
  return undefined;
}
