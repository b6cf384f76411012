/**
 * The one message convention of every request check, in the SDK and in the mock alike: a field is named by its path
 * (`data_sources[0].db_type`), a rejected value by a short description, numbers by shared bounds. Pure functions,
 * no vendor names: the mock may import this module.
 */

/** Largest int32, the bound of the services' int32 fields. */
export const INT32_MAX = 2_147_483_647;

/** Strings longer than this are cut in messages (a rejected value may be large). */
const SHOWN_CHARS = 64;

/**
 * A short description of a rejected value for a message: a string quoted and cut at 64 characters, a number,
 * boolean or null as written, otherwise its kind (`an array`, `an object`, `nothing`). Never call it on a secret.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `['data_sources', 0, 'db_type']` → `data_sources[0].db_type`; `prefix` names the argument it starts from. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** One issue as `path: message`, without naming the field twice. */
function formatIssue(issue: { path: string; message: string }): string {
  if (!issue.path) return issue.message;
  // Schemas may already name the field at the start of their message (`name: expected …`): do not repeat it.
  const last =
    issue.path
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? issue.path;
  const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (issue.message.startsWith(`${issue.path}:`) || new RegExp(`^${escaped}(\\[\\])?:`).test(issue.message)) {
    return issue.path === last
      ? issue.message
      : `${issue.path}: ${issue.message.slice(issue.message.indexOf(':') + 1).trim()}`;
  }
  return `${issue.path}: ${issue.message}`;
}

/** Issues as `path: message; path: message`, the text of validation error messages. */
export function formatIssues(issues: readonly { path: string; message: string }[]): string {
  return issues.map(formatIssue).join('; ');
}
