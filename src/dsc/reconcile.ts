/**
 * How a DSC create whose outcome is unknown is looked up: ListTaskTemplates filtered by `task_name` (the filter may
 * be fuzzy), matched exactly on the name and the set of data sources (`db_type` + `ins_id`).
 */
import type { WithResponse } from '../core/api-promise.js';
import type { CreateLookup } from '../core/reconcile.js';
import type {
  CreateTaskTemplateRequest,
  ListTaskTemplatesQuery,
  ListTaskTemplatesResponse,
  OperateResult,
} from './schemas.js';

const PAGE_SIZE = 100;

type ListPage = (
  query: ListTaskTemplatesQuery,
  signal: AbortSignal,
) => Promise<WithResponse<ListTaskTemplatesResponse>>;

function sourcesKey(
  sources: readonly { db_type?: string | null; ins_id?: string | null }[] | null | undefined,
): string {
  return JSON.stringify((sources ?? []).map((s) => `${s.db_type ?? ''}\u0000${s.ins_id ?? ''}`).sort());
}

/** The lookup of `createScanTask(body)`; `list` sends one ListTaskTemplates page. */
export function scanTaskLookup(body: CreateTaskTemplateRequest, list: ListPage): CreateLookup<OperateResult> {
  return {
    key: `CreateTaskTemplates\u0000${body.task_name}`,
    async *pages(signal) {
      const sources = sourcesKey(body.data_sources);
      for (let offset = 0; ; offset += PAGE_SIZE) {
        const page = await list({ task_name: body.task_name, offset, limit: PAGE_SIZE }, signal as AbortSignal);
        const items = page.data.result ?? [];
        yield {
          seen: items.length,
          date: page.headers['date'],
          matches: items
            .filter((t) => t.task_name === body.task_name && sourcesKey(t.data_sources) === sources)
            .map((t) => ({
              id: String(t.id),
              createdAt: typeof t.create_time === 'number' ? t.create_time : undefined,
            })),
        };
        if (items.length < PAGE_SIZE || offset + items.length >= (page.data.total_num ?? 0)) return;
      }
    },
    result: (found) => ({ status: 'success', msg: '操作成功', id: found.id }),
    idOf: (result) => result.id,
  };
}
