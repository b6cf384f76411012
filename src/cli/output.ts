/**
 * What goes to stdout: only data. A list prints as a table (on a terminal), the API's JSON of one page
 * (`--output json`), one item per line through every page (`--output ndjson`), or ids (`--quiet`); a single object
 * as a summary, its JSON, or its id.
 */
import type { Page } from '../index.js';
import type { Context } from './context.js';

/** How a command shows one kind of resource. */
export interface View<T> {
  /** Columns of the table: header and how to read the cell. */
  columns: [string, (item: T) => unknown][];
  /** The id printed by `--quiet`. */
  id: (item: T) => unknown;
}

const out = (text: string) => process.stdout.write(text);

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A plain aligned table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}

/**
 * Prints a listing. `firstPage` is the API's answer as asked (printed unchanged by `--output json`); `pages` walks
 * every page through the client's iterator (ndjson, table, quiet).
 */
export async function printList<T, R>(
  ctx: Context,
  view: View<T>,
  firstPage: () => Promise<R>,
  pages: () => AsyncIterable<Page<T, R>>,
): Promise<void> {
  if (ctx.quiet) {
    for await (const page of pages()) for (const item of page.items) out(`${cell(view.id(item))}\n`);
    return;
  }
  if (ctx.format === 'json') {
    out(`${JSON.stringify(await firstPage(), null, 2)}\n`);
    return;
  }
  if (ctx.format === 'ndjson') {
    for await (const page of pages()) for (const item of page.items) out(`${JSON.stringify(item)}\n`);
    return;
  }
  const rows: string[][] = [];
  for await (const page of pages())
    for (const item of page.items) rows.push(view.columns.map(([, f]) => cell(f(item))));
  if (rows.length === 0) {
    process.stderr.write('(none)\n');
    return;
  }
  out(
    table(
      view.columns.map(([h]) => h),
      rows,
    ),
  );
}

/** The pages of a listing the service answers in one response. */
export function onePage<T, R>(response: R, items: T[]): () => AsyncIterable<Page<T, R>> {
  return async function* () {
    yield { items, offset: 0, total: items.length, response };
  };
}

/**
 * Prints one object: a `key  value` summary (of `summary`, default the value itself), the API's JSON (json and
 * ndjson alike), or `id` under `--quiet`.
 */
export function printObject(ctx: Context, value: unknown, id?: unknown, summary: unknown = value): void {
  if (ctx.quiet) {
    if (id !== undefined && id !== null) out(`${cell(id)}\n`);
    return;
  }
  if (ctx.format !== 'table') {
    out(`${ctx.format === 'ndjson' ? JSON.stringify(value ?? null) : JSON.stringify(value ?? null, null, 2)}\n`);
    return;
  }
  if (summary === undefined || summary === null) return;
  if (typeof summary !== 'object') {
    out(`${cell(summary)}\n`);
    return;
  }
  const entries = Object.entries(summary as Record<string, unknown>);
  out(
    table(
      ['FIELD', 'VALUE'],
      entries.map(([k, v]) => [k, cell(v)]),
    ),
  );
}

/** Prints a long text (a run's log) as it is; JSON outputs get the API's object, `--quiet` the `id` if any. */
export function printText(ctx: Context, value: unknown, text: string, id?: unknown): void {
  if (ctx.format === 'table' && !ctx.quiet) out(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  else printObject(ctx, value, id);
}
