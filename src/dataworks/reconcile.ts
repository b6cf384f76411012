/**
 * How a DataWorks create whose outcome is unknown is looked up. `Name` filters are fuzzy, so matches are exact on
 * this side: a crawler by name, data source and type (ListCrawlers filtered by name and data source); a data source
 * by workspace, name, type (case-insensitive) and environment (ListDataSources filtered by name and type).
 */
import type { WithResponse } from '../core/api-promise.js';
import { numberedPages } from '../core/pagination.js';
import { type CreateLookup, lookupPages } from '../core/reconcile.js';
import type { DataWorksRequest, DataWorksRequestInput, DataWorksResponse } from './actions.js';

type CreateCrawlerRequest = DataWorksRequest<'CreateCrawler'>;
type CreateCrawlerResponse = DataWorksResponse<'CreateCrawler'>;
type CreateDataSourceRequest = DataWorksRequest<'CreateDataSource'>;
type CreateDataSourceResponse = DataWorksResponse<'CreateDataSource'>;
type ListCrawlersRequest = DataWorksRequestInput<'ListCrawlers'>;
type ListCrawlersResponse = DataWorksResponse<'ListCrawlers'>;
type ListDataSourcesRequest = DataWorksRequestInput<'ListDataSources'>;
type ListDataSourcesResponse = DataWorksResponse<'ListDataSources'>;

const PAGE_SIZE = 100;

type Page<Q, R> = (request: Q, signal: AbortSignal) => Promise<WithResponse<R>>;

const created = (ms: number | undefined) => (typeof ms === 'number' ? ms : undefined);

/** The lookup of `createCrawler(body)`. */
export function crawlerLookup(
  body: CreateCrawlerRequest,
  list: Page<ListCrawlersRequest, ListCrawlersResponse>,
): CreateLookup<CreateCrawlerResponse> {
  return {
    key: `CreateCrawler\u0000${body.Name}\u0000${body.DataSourceId}`,
    pages(signal) {
      const listing = numberedPages({
        pageSize: PAGE_SIZE,
        fetch: (PageNumber, PageSize) =>
          list({ Name: body.Name, DataSourceIds: [body.DataSourceId], PageNumber, PageSize }, signal as AbortSignal),
        items: (r) => r.data.PagingInfo.Crawlers,
        total: (r) => r.data.PagingInfo.TotalCount,
      });
      return lookupPages(listing, (c) =>
        c.Name === body.Name && c.DataSourceId === body.DataSourceId && c.Type === body.Type
          ? [{ id: String(c.Id), createdAt: created(c.CreateTime) }]
          : [],
      );
    },
    result: (found, requestId) => ({ RequestId: requestId ?? '', Success: true, Id: Number(found.id) }),
    idOf: (result) => String(result.Id),
  };
}

function envOf(properties: unknown): unknown {
  return typeof properties === 'object' && properties !== null
    ? ((properties as Record<string, unknown>)['envType'] ?? null)
    : null;
}

/** The lookup of `createDataSource(body)`. */
export function dataSourceLookup(
  body: CreateDataSourceRequest,
  list: Page<ListDataSourcesRequest, ListDataSourcesResponse>,
): CreateLookup<CreateDataSourceResponse> {
  return {
    key: `CreateDataSource\u0000${body.ProjectId}\u0000${body.Name}`,
    pages(signal) {
      const type = body.Type.toLowerCase();
      const env = envOf(body.ConnectionProperties);
      const listing = numberedPages({
        pageSize: PAGE_SIZE,
        fetch: (PageNumber, PageSize) =>
          list(
            { ProjectId: body.ProjectId, Name: body.Name, Types: [body.Type], PageNumber, PageSize },
            signal as AbortSignal,
          ),
        items: (r) => r.data.PagingInfo.DataSources,
        total: (r) => r.data.PagingInfo.TotalCount,
      });
      // A group holds the data sources sharing a name, one per environment.
      return lookupPages(listing, (g) =>
        g.Name === body.Name && g.Type.toLowerCase() === type
          ? g.DataSource.filter((d) => envOf(d.ConnectionProperties) === env).map((d) => ({
              id: String(d.Id),
              createdAt: created(d.CreateTime),
            }))
          : [],
      );
    },
    result: (found, requestId) => ({ RequestId: requestId ?? '', Id: Number(found.id) }),
    idOf: (result) => String(result.Id),
  };
}
