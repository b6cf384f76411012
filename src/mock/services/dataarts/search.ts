/**
 * A workspace's tasks and their search. Tasks sit in a Map (O(1) get) and in a list sorted by (create_time
 * ascending, id descending), walked backwards in the published order (create_time descending, then id) without a
 * sort per call. The exact-match filters have secondary indexes in the same order, so a filtered search scans only
 * the smallest candidate list, and one exact filter alone pages its list directly.
 *
 * Adding a filter: parse it into `SearchFilters` (requests.ts) and test it in `matches` below.
 */
import { OrderedList } from './ordered.js';
import type { Task } from './records.js';
import type { SearchFilters, SearchInput } from './requests.js';

/** Exact-match filters with a secondary index (value → tasks in stored order). */
type IndexName = 'dir' | 'conn' | 'type' | 'user' | 'bucket';
const INDEX_NAMES: readonly IndexName[] = ['dir', 'conn', 'type', 'user', 'bucket'];

/** The value a task is indexed under, per index. */
function indexKey(t: Task, name: IndexName): string | undefined {
  switch (name) {
    case 'dir':
      return t.dir_id;
    case 'conn':
      return typeof t.task_config.data_connection_id === 'string' ? t.task_config.data_connection_id : undefined;
    case 'type':
      return t.data_source_type.toLowerCase();
    case 'user':
      return t.user_name;
    case 'bucket':
      return typeof t.task_config.bucket_name === 'string' ? t.task_config.bucket_name : undefined;
  }
}

/** The filter value each index answers. */
function indexedValues(f: SearchFilters): [IndexName, string | undefined][] {
  return [
    ['dir', f.directory_id],
    ['conn', f.data_connection_id],
    ['type', f.dataSourceTypeLower],
    ['user', f.user_name],
    ['bucket', f.bucket_name],
  ];
}

/** Whether `t` passes every filter of `f`. */
function matches(t: Task, f: SearchFilters): boolean {
  if (f.directory_id !== undefined && t.dir_id !== f.directory_id) return false;
  if (f.user_name !== undefined && t.user_name !== f.user_name) return false;
  if (f.dataSourceTypeLower !== undefined && t.data_source_type.toLowerCase() !== f.dataSourceTypeLower) return false;
  if (f.data_connection_id !== undefined && t.task_config.data_connection_id !== f.data_connection_id) return false;
  if (f.bucket_name !== undefined && t.task_config.bucket_name !== f.bucket_name) return false;
  if (f.startMs !== undefined || f.endMs !== undefined) {
    // Times filter on the last run's start; a task that never ran does not match.
    const last = t.instances[t.instances.length - 1];
    if (!last) return false;
    if (f.startMs !== undefined && last.start_time < f.startMs) return false;
    if (f.endMs !== undefined && last.start_time > f.endMs) return false;
  }
  if (f.nameLower !== undefined && !t.nameLower.includes(f.nameLower)) return false;
  return true;
}

/** Whether `a` sorts after `b` in the stored (ascending) order. */
function later(a: Task, b: Task): boolean {
  return a.create_time > b.create_time || (a.create_time === b.create_time && a.id < b.id);
}

/** An empty list (an exact-match filter value no task has). */
const EMPTY_LIST = new OrderedList<Task>(later);

export interface Workspace {
  id: string;
  tasks: Map<string, Task>;
  /** Sorted by create_time ascending, then id descending (reverse = published search order). */
  ordered: OrderedList<Task>;
  /** Secondary indexes for the exact-match filters, each list in the same order as `ordered`. */
  indexes: Record<IndexName, Map<string, OrderedList<Task>>>;
}

export function newWorkspace(id: string): Workspace {
  return {
    id,
    tasks: new Map(),
    ordered: new OrderedList(later),
    indexes: { dir: new Map(), conn: new Map(), type: new Map(), user: new Map(), bucket: new Map() },
  };
}

function indexAdd(ws: Workspace, t: Task): void {
  for (const name of INDEX_NAMES) {
    const key = indexKey(t, name);
    if (key === undefined) continue;
    let list = ws.indexes[name].get(key);
    if (!list) {
      list = new OrderedList(later);
      ws.indexes[name].set(key, list);
    }
    list.insert(t);
  }
}

function indexRemove(ws: Workspace, t: Task): void {
  for (const name of INDEX_NAMES) {
    const key = indexKey(t, name);
    if (key === undefined) continue;
    const list = ws.indexes[name].get(key);
    if (!list) continue;
    list.remove(t);
    if (list.length === 0) ws.indexes[name].delete(key);
  }
}

/** Adds a task to the workspace (map, order and indexes). */
export function addToWorkspace(ws: Workspace, t: Task): void {
  ws.tasks.set(t.id, t);
  ws.ordered.insert(t);
  indexAdd(ws, t);
}

/** Removes a task from the workspace. */
export function removeFromWorkspace(ws: Workspace, t: Task): void {
  ws.tasks.delete(t.id);
  ws.ordered.remove(t);
  indexRemove(ws, t);
}

/** Changes a task's indexed fields through `change`, keeping the indexes right. */
export function reindexTask(ws: Workspace, t: Task, change: () => void): void {
  indexRemove(ws, t);
  change();
  indexAdd(ws, t);
}

/** Rebuilds a workspace's order and indexes from `tasks` (already in its map), e.g. after a restore. */
export function rebuildWorkspace(ws: Workspace, tasks: Task[]): void {
  tasks.sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
  ws.ordered = OrderedList.fromSorted(later, tasks);
  for (const name of INDEX_NAMES) ws.indexes[name].clear();
  for (const t of tasks) indexAdd(ws, t);
}

/** Drops every task of the workspace. */
export function clearWorkspace(ws: Workspace): void {
  ws.tasks.clear();
  ws.ordered = new OrderedList(later);
  for (const name of INDEX_NAMES) ws.indexes[name].clear();
}

/** The tasks of `limit` positions of `list` in published order, from position `offset`. */
function page(list: OrderedList<Task>, offset: number, limit: number): Task[] {
  const out: Task[] = [];
  if (limit <= 0) return out;
  list.forEachFromEnd(offset, (t) => {
    out.push(t);
    return out.length < limit;
  });
  return out;
}

/** One page of matches and the number of matches before paging. */
export interface SearchResult {
  count: number;
  tasks: Task[];
}

/** The workspace's tasks matching `input`'s filters, newest first, paged. */
export function searchWorkspace(ws: Workspace, input: SearchInput): SearchResult {
  const { filters: f, offset, limit } = input;
  let filterCount = 0;
  for (const key in f) if (f[key as keyof SearchFilters] !== undefined) filterCount++;
  if (filterCount === 0) return { count: ws.ordered.length, tasks: page(ws.ordered, offset, limit) };
  // Scan the smallest candidate list: an exact-match index when one applies, else every task.
  let candidates = ws.ordered;
  let exactCount = 0;
  for (const [name, value] of indexedValues(f)) {
    if (value === undefined) continue;
    exactCount++;
    const list = ws.indexes[name].get(value) ?? EMPTY_LIST;
    if (list.length <= candidates.length) candidates = list;
  }
  // One exact-match filter alone: its index list is the answer.
  if (exactCount === 1 && filterCount === 1)
    return { count: candidates.length, tasks: page(candidates, offset, limit) };
  const tasks: Task[] = [];
  const end = offset + limit;
  let count = 0;
  candidates.forEachFromEnd(0, (t) => {
    if (!matches(t, f)) return true;
    if (count >= offset && count < end) tasks.push(t);
    count++;
    return true;
  });
  return { count, tasks };
}
