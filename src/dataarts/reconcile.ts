/**
 * How a DataArts create whose outcome is unknown is looked up: ShowTaskList filtered by name (a substring filter),
 * data source type and data connection, matched exactly on the name, the data source type (case-insensitive, as the
 * service compares it) and `task_config.data_connection_id`, within the client's workspace.
 */
import type { WithResponse } from '../core/api-promise.js';
import type { CreateLookup } from '../core/reconcile.js';
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
    async *pages(signal) {
      const connection = connectionOf(body.task_config);
      const type = body.data_source_type.toLowerCase();
      const filters: SearchTasksRequest = { name: body.name, data_source_type: body.data_source_type };
      if (typeof connection === 'string') filters.data_connection_id = connection;
      for (let offset = 0; ; offset += PAGE_SIZE) {
        const page = await search({ ...filters, limit: PAGE_SIZE, offset }, signal as AbortSignal);
        const tasks = page.data.resources ?? [];
        yield {
          seen: tasks.length,
          date: page.headers['date'],
          matches: tasks
            .filter(
              (t) =>
                t.name === body.name &&
                t.data_source_type.toLowerCase() === type &&
                connectionOf(t.task_config) === connection,
            )
            .map((t) => {
              const created = Number(t.create_time);
              return { id: t.id, createdAt: t.create_time && Number.isFinite(created) ? created : undefined };
            }),
        };
        if (tasks.length < PAGE_SIZE || offset + tasks.length >= (page.data.count ?? 0)) return;
      }
    },
    result: (found) => ({ task_id: found.id }),
    idOf: (result) => result.task_id,
  };
}
