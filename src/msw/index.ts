/**
 * metacollect/msw — msw 2 request handlers that serve the vendor hosts from a mock engine, so code that calls
 * `https://sdg.cn-north-4.myhuaweicloud.com/...` with global fetch talks to the mock. msw is an optional peer
 * dependency; only this entry imports it.
 *
 * @module metacollect/msw
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Mock } from '../mock/index.js';

/** Host patterns served (msw URL patterns). */
export const MOCK_HOST_PATTERNS: readonly string[] = [
  'https://sdg.*.myhuaweicloud.com/*',
  'https://dayu.*.myhuaweicloud.com/*',
  'https://iam.myhuaweicloud.com/*',
  'https://iam.*.myhuaweicloud.com/*',
  'https://sdg.*.myhuaweicloud.eu/*',
  'https://dayu.*.myhuaweicloud.eu/*',
  'https://iam.*.myhuaweicloud.eu/*',
  'https://dataworks.*.aliyuncs.com/*',
  'https://dataworks.aliyuncs.com/*',
];

/** Options of {@link mockHandlers}. */
export interface MockHandlersOptions {
  /** Extra URL patterns to serve from the same engine (e.g. a custom endpoint). */
  extraPatterns?: string[];
}

/**
 * msw request handlers that serve every mocked vendor host ({@link MOCK_HOST_PATTERNS}, plus `extraPatterns`) from
 * `mock`. A network-error fault answers `HttpResponse.error()`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { DscClient } from 'metacollect';
 * import { createMock } from 'metacollect/mock';
 * import { mockHandlers } from 'metacollect/msw';
 *
 * const mock = createMock();
 * const server = setupServer(...mockHandlers(mock));
 * server.listen();
 * const { region, projectId, token } = mock.defaults;
 * // msw intercepts the global fetch, not undici's own request: pass `fetch` to the client.
 * const dsc = new DscClient({ region, projectId, auth: { token }, fetch: globalThis.fetch });
 * console.log((await dsc.listScanTasks()).total_num); // 0
 * server.close();
 * ```
 */
export function mockHandlers(mock: Mock, options: MockHandlersOptions = {}): HttpHandler[] {
  return [...MOCK_HOST_PATTERNS, ...(options.extraPatterns ?? [])].map((pattern) =>
    http.all(pattern, async ({ request }) => {
      const response = await mock.handle(request);
      if (response.type === 'error') return HttpResponse.error();
      return response;
    }),
  );
}
