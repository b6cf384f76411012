/**
 * zod helpers: request validation before any I/O (ValidationError naming each field path and what was expected)
 * and loose response checks (unknown fields kept; a documented field of the wrong type is a warning, or a
 * ResponseValidationError with `strictResponses`).
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';

/** `['data_sources', 0, 'db_type']` → `data_sources[0].db_type`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export function issuesFrom(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

/**
 * Validates `value` with `schema`; throws ValidationError (nothing is sent). `prefix` names the argument when it
 * is not a body (e.g. `templateId`).
 */
export function validateInput(schema: z.ZodType, value: unknown, operation: string, prefix = ''): void {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesFrom(result.error, prefix), { operation });
}

/**
 * Returns the issues of a response body, or an empty array when it conforms.
 *
 * Every response of every call is checked, so the common case (a conforming body) takes a fast path: a plain
 * predicate compiled once per schema (see {@link compileConformanceCheck}) that never builds zod's output copy of
 * the body. Only when the predicate cannot vouch for the body, or the schema uses a construct it does not model,
 * does zod parse it — so the issues reported are exactly zod's.
 */
export function checkResponse(schema: z.ZodType, value: unknown): ValidationIssue[] {
  if (conformanceCheck(schema)?.(value) === true) return [];
  const result = schema.safeParse(value);
  return result.success ? [] : issuesFrom(result.error);
}

/** A predicate that returns true only for values the schema accepts (false: "unknown, ask zod"). */
type ConformanceCheck = (value: unknown) => boolean;

const compiledChecks = new WeakMap<z.ZodType, ConformanceCheck | null>();

function conformanceCheck(schema: z.ZodType): ConformanceCheck | null {
  let check = compiledChecks.get(schema);
  if (check === undefined) {
    check = compileConformanceCheck(schema);
    compiledChecks.set(schema, check);
  }
  return check;
}

/** The parts of a zod 4 schema definition the compiler reads. */
interface ZodDefLike {
  type: string;
  checks?: readonly unknown[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  /** String and number formats (`z.int()`, `z.email()`, …) are checks too. */
  format?: string;
  /** Discriminated unions pick one option by this key. */
  discriminator?: string;
  /** `false` for exclusive unions (`z.xor`): exactly one option may match. */
  inclusive?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compiles the JSON-shaped subset of zod used by the response schemas — objects (stripping or loose), arrays,
 * strings, finite numbers, booleans, null, enums, literals, unions, optional and nullable, unknown — into a plain
 * predicate. Anything else (checks such as `min`/`regex`, formats such as `int`, refinements, transforms, strict
 * objects, discriminated or exclusive unions, …) makes
 * the whole schema unsupported (`null`), and zod always decides. The predicate is sound: it accepts a value only
 * when zod would accept it too (test/client/validation.test.ts compares both on generated values).
 */
export function compileConformanceCheck(schema: z.ZodType): ConformanceCheck | null {
  const def = (schema as unknown as { _zod?: { def?: ZodDefLike } })._zod?.def;
  if (!def || (def.checks !== undefined && def.checks.length > 0) || def.format !== undefined) return null;
  switch (def.type) {
    case 'unknown':
    case 'any':
      return () => true;
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'enum':
    case 'literal': {
      // zod's own set of accepted values (for a TypeScript enum it leaves out the reverse-mapped names).
      const allowed = (schema as unknown as { _zod: { values?: Set<unknown> } })._zod.values;
      if (!(allowed instanceof Set)) return null;
      return (v) => allowed.has(v);
    }
    case 'optional':
    case 'nullable': {
      const inner = def.innerType && compileConformanceCheck(def.innerType);
      if (!inner) return null;
      return def.type === 'optional' ? (v) => v === undefined || inner(v) : (v) => v === null || inner(v);
    }
    case 'array': {
      const item = def.element && compileConformanceCheck(def.element);
      if (!item) return null;
      return (v) => Array.isArray(v) && v.every((x) => item(x));
    }
    case 'union': {
      if (def.discriminator !== undefined || def.inclusive === false) return null;
      const options = def.options?.map((o) => compileConformanceCheck(o));
      if (!options || options.length === 0 || options.some((o) => o === null)) return null;
      const checks = options as ConformanceCheck[];
      return (v) => checks.some((c) => c(v));
    }
    case 'object': {
      // Unknown keys: stripped (no catchall) or kept (`looseObject`, catchall unknown); anything else → zod.
      const catchall = def.catchall && (def.catchall as unknown as { _zod: { def: ZodDefLike } })._zod.def.type;
      if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'any') return null;
      if (!def.shape) return null;
      const fields: [string, ConformanceCheck][] = [];
      for (const [key, field] of Object.entries(def.shape)) {
        const check = compileConformanceCheck(field);
        if (!check) return null;
        fields.push([key, check]);
      }
      return (v) => {
        if (!isRecord(v)) return false;
        for (const [key, check] of fields) if (!check(v[key])) return false;
        return true;
      };
    }
    default:
      return null;
  }
}

/**
 * Memoises an async loader: the first call starts it, later calls share its promise. The service clients load their
 * zod schemas this way (`loadOnce(() => import('./schemas.js'))`), so that importing the package does not import zod.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}

/**
 * Checks an id argument (`task id`, `instance id`): a string of 1–128 characters. Plain code rather than a zod
 * schema, as it runs before the schemas are needed; the messages are those the zod schema gave.
 * @throws ValidationError naming `prefix` (the argument).
 */
export function checkIdArgument(value: unknown, name: string, operation: string, prefix: string): void {
  let message: string | undefined;
  if (typeof value !== 'string') message = `expected a ${name} string`;
  else if (value.length === 0) message = `expected a non-empty ${name}`;
  else if (value.length > 128) message = 'expected at most 128 characters';
  if (message !== undefined) throw new ValidationError([{ path: prefix, message }], { operation });
}
