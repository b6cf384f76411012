/**
 * Fields a request schema does not know. The schemas strip unknown keys (the mock reads requests with them and
 * ignores such fields, as the services do), so a misspelled field would otherwise be dropped without a word. The
 * client refuses it before sending, naming the nearest known field. Open maps (`z.looseObject`, `z.record`) and
 * values wrapped with {@link allowUnknownFields} are not looked into.
 */
import type { z } from 'zod';
import type { ValidationIssue } from './errors.js';
import { formatPath } from './format.js';
import { didYouMean } from './suggest.js';

/** Adds an issue for every unknown field of `value` below `path`. */
type Finder = (value: unknown, path: PropertyKey[], out: ValidationIssue[], prefix: string) => void;

/** The parts of a zod 4 definition this walk reads. */
interface DefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
}

const allowed = new WeakSet<object>();
const finders = new WeakMap<z.ZodType, Finder | null>();

/**
 * Marks a request value (a body, a filter, or any object inside one) so that fields the SDK does not know are sent
 * as they are instead of being refused: for a field the service has that the spec does not list yet. The known
 * fields are still checked. Returns the same object.
 *
 * @example
 * ```ts
 * await dsc.createScanTask(allowUnknownFields({ ...body, new_option: true }));
 * ```
 */
export function allowUnknownFields<T extends object>(value: T): T {
  allowed.add(value);
  return value;
}

/** Whether `value` was marked by {@link allowUnknownFields}. */
export function isUnknownFieldsAllowed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && allowed.has(value);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The unknown fields of `value` under `schema` as issues, or `undefined` when there are none. */
export function findUnknownFields(schema: z.ZodType, value: unknown, prefix = ''): ValidationIssue[] | undefined {
  const find = finderOf(schema);
  if (find === null) return undefined;
  const out: ValidationIssue[] = [];
  find(value, [], out, prefix);
  return out.length > 0 ? out : undefined;
}

/** The finder of a schema, compiled once; `null` when nothing below it is a closed object. */
function finderOf(schema: z.ZodType): Finder | null {
  let f = finders.get(schema);
  if (f === undefined) {
    // A recursive schema meets itself: treat the inner occurrence as open until compiled.
    finders.set(schema, null);
    f = compile(schema);
    finders.set(schema, f);
  }
  return f;
}

function compile(schema: z.ZodType): Finder | null {
  const def = (schema as unknown as { _zod?: { def?: DefLike } })._zod?.def;
  if (!def) return null;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? finderOf(def.innerType) : null;
    case 'pipe':
      return def.in ? finderOf(def.in) : null;
    case 'array': {
      const item = def.element ? finderOf(def.element) : null;
      if (!item) return null;
      return (v, path, out, prefix) => {
        if (!Array.isArray(v) || allowed.has(v)) return;
        for (let i = 0; i < v.length; i++) item(v[i], [...path, i], out, prefix);
      };
    }
    case 'record': {
      const values = def.valueType ? finderOf(def.valueType) : null;
      if (!values) return null;
      return (v, path, out, prefix) => {
        if (!isPlainObject(v) || allowed.has(v)) return;
        for (const k of Object.keys(v)) values(v[k], [...path, k], out, prefix);
      };
    }
    case 'union':
      return compileUnion(def.options ?? []);
    case 'object':
      return compileObject(def);
    default:
      return null;
  }
}

function compileObject(def: DefLike): Finder | null {
  const shape = def.shape ?? {};
  const known = Object.keys(shape);
  const knownSet = new Set(known);
  // `looseObject` (a catchall) is an open map: only its documented fields are looked into.
  const closed = def.catchall === undefined;
  const fields: [string, Finder][] = [];
  for (const key of known) {
    const f = finderOf(shape[key]!);
    if (f) fields.push([key, f]);
  }
  if (!closed && fields.length === 0) return null;
  return (v, path, out, prefix) => {
    if (!isPlainObject(v) || allowed.has(v)) return;
    if (closed) {
      for (const key in v) {
        if (!knownSet.has(key) && Object.hasOwn(v, key) && v[key] !== undefined) {
          out.push({ path: formatPath([...path, key], prefix), message: `unknown field${didYouMean(key, known)}` });
        }
      }
    }
    for (const [key, f] of fields) {
      const x = v[key];
      if (x !== undefined) f(x, [...path, key], out, prefix);
    }
  };
}

/** A union: the value's unknown fields are those of the option that finds the fewest (none, when one fits). */
function compileUnion(options: readonly z.ZodType[]): Finder | null {
  const finders = options.map((o) => finderOf(o));
  if (finders.some((f) => f === null)) {
    // An option with nothing closed accepts any field: only when the value is not that option's could it matter,
    // which zod's own check reports. Treated as open.
    return null;
  }
  const all = finders as Finder[];
  return (v, path, out, prefix) => {
    let best: ValidationIssue[] | undefined;
    for (const f of all) {
      const mine: ValidationIssue[] = [];
      f(v, path, mine, prefix);
      if (mine.length === 0) return;
      if (best === undefined || mine.length < best.length) best = mine;
    }
    if (best) out.push(...best);
  };
}
