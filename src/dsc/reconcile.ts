/**
 * How a DSC create whose outcome is unknown is looked up: ListTaskTemplates filtered by `task_name` (the filter may
 * be fuzzy), matched exactly on the name and the set of data sources (`db_type` + `ins_id`).
 */
import type { WithResponse } from '../core/api-promise.js';
import { offsetPages } from '../core/pagination.js';
import { type CreateLookup, lookupPages } from '../core/reconcile.js';
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
    pages(signal) {
      const sources = sourcesKey(body.data_sources);
      const listing = offsetPages({
        pageSize: PAGE_SIZE,
        fetch: (offset, limit) => list({ task_name: body.task_name, offset, limit }, signal as AbortSignal),
        items: (r) => r.data.result,
        total: (r) => r.data.total_num,
      });
      return lookupPages(listing, (t) =>
        t.task_name === body.task_name && sourcesKey(t.data_sources) === sources
          ? [{ id: String(t.id), createdAt: typeof t.create_time === 'number' ? t.create_time : undefined }]
          : [],
      );
    },
    result: (found) => ({ status: 'success', msg: '操作成功', id: found.id }),
    idOf: (result) => result.id,
  };
}
