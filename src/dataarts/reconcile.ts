/**
 * How a DataArts create whose outcome is unknown is looked up: ShowTaskList filtered by name (a substring filter),
 * data source type and data connection, matched exactly on the name, the data source type (case-insensitive, as the
 * service compares it) and `task_config.data_connection_id`, within the client's workspace.
 */
import type { WithResponse } from '../core/api-promise.js';
import { offsetPages } from '../core/pagination.js';
import { type CreateLookup, lookupPages } from '../core/reconcile.js';
import type { CollectionTaskInput, CreateTaskResponse, SearchTasksRequest, SearchTasksResponse } from './schemas.js';

const PAGE_SIZE = 100;

type SearchPage = (filters: SearchTasksRequest, signal: AbortSignal) => Promise<WithResponse<SearchTasksResponse>>;

function connectionOf(config: unknown): unknown {
  return typeof config === 'object' && config !== null
    ? ((config as Record<string, unknown>)['data_connection_id'] ?? null)
    : null;
}

/** The lookup of `createCollectionTask(body)` in `workspace`; `search` sends one ShowTaskList page. */
export function collectionTaskLookup(
  body: CollectionTaskInput,
  workspace: string,
  search: SearchPage,
): CreateLookup<CreateTaskResponse> {
  return {
    key: `CreateTask\u0000${workspace}\u0000${body.name}`,
    pages(signal) {
      const connection = connectionOf(body.task_config);
      const type = body.data_source_type.toLowerCase();
      const filters: SearchTasksRequest = { name: body.name, data_source_type: body.data_source_type };
      if (typeof connection === 'string') filters.data_connection_id = connection;
      const listing = offsetPages({
        pageSize: PAGE_SIZE,
        fetch: (offset, limit) => search({ ...filters, limit, offset }, signal as AbortSignal),
        items: (r) => r.data.resources,
        total: (r) => r.data.count,
      });
      return lookupPages(listing, (t) => {
        if (t.name !== body.name || t.data_source_type.toLowerCase() !== type) return [];
        if (connectionOf(t.task_config) !== connection) return [];
        const created = Number(t.create_time);
        return [{ id: t.id, createdAt: t.create_time && Number.isFinite(created) ? created : undefined }];
      });
    },
    result: (found) => ({ task_id: found.id }),
    idOf: (result) => result.task_id,
  };
}
