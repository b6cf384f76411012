/**
 * zod helpers: request validation before any I/O (ValidationError naming each field path and what was expected,
 * and each field the spec does not know, with the nearest known one) and loose response checks (unknown fields
 * kept; a documented field of the wrong type is a warning, or a ResponseValidationError with `strictResponses`).
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';
import { describeValue, formatPath, INT32_MAX } from './format.js';
import { findUnknownFields, isUnknownFieldsAllowed } from './unknown-fields.js';

/** zod's issues as ours: each path formatted from `prefix` (the argument it starts from). */
function issuesFrom(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

/**
 * Validates `value` with `schema`; throws ValidationError (nothing is sent). `prefix` names the argument when it
 * is not a body (e.g. `templateId`).
 */
export function validateInput(schema: z.ZodType, value: unknown, operation: string, prefix = ''): void {
  const unknown = isUnknownFieldsAllowed(value) ? undefined : findUnknownFields(schema, value, prefix);
  if (fastCheck(schema)(value)) {
    if (unknown !== undefined) throw new ValidationError(unknown, { operation });
    return;
  }
  const result = schema.safeParse(value);
  if (!result.success || unknown !== undefined) {
    const issues = result.success ? [] : issuesFrom(result.error, prefix);
    throw new ValidationError([...issues, ...(unknown ?? [])], { operation });
  }
}

/**
 * Returns the issues of a response body, or an empty array when it conforms.
 *
 * Every response of every call is checked, so the common case (a conforming body) takes the fast path of
 * {@link fastCheck}. Only when it cannot vouch for the body does zod parse it — so the issues reported are exactly
 * zod's.
 */
export function checkResponse(schema: z.ZodType, value: unknown): ValidationIssue[] {
  if (fastCheck(schema)(value)) return [];
  const result = schema.safeParse(value);
  return result.success ? [] : issuesFrom(result.error);
}

/** A predicate that returns true only for values the schema accepts (false: "unknown, ask zod"). */
type ConformanceCheck = (value: unknown) => boolean;

const compiledChecks = new WeakMap<z.ZodType, ConformanceCheck>();

/**
 * The fast path of request validation and response checks, compiled once per schema: a plain predicate (see
 * {@link compileConformanceCheck}, with `delegate`, so a part it does not model is checked by zod alone) that never
 * builds zod's output copy of the value. For a create body that copy cost more, in a busy process, than the rest of
 * the client's work for the call. `false` means "ask zod", never "invalid".
 */
function fastCheck(schema: z.ZodType): ConformanceCheck {
  let check = compiledChecks.get(schema);
  if (check === undefined) {
    const compiled = compileConformanceCheck(schema, { delegate: true });
    // A refinement that throws on an odd value must not escape: the predicate then says "ask zod".
    check = (v) => {
      try {
        return compiled(v);
      } catch {
        return false;
      }
    };
    compiledChecks.set(schema, check);
  }
  return check;
}

/** The parts of a zod 4 schema definition the compiler reads. */
interface ZodDefLike {
  type: string;
  checks?: readonly { _zod?: { def?: CheckDefLike } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  /** String and number formats (`z.int()`, `z.email()`, …): the schema is its own check then. */
  format?: string;
  check?: string;
  /** Discriminated unions pick one option by this key. */
  discriminator?: string;
  /** `false` for exclusive unions (`z.xor`): exactly one option may match. */
  inclusive?: boolean;
  /** `z.coerce.*`: the input is converted first. */
  coerce?: boolean;
}

/** The parts of a zod 4 check definition the compiler reads. */
interface CheckDefLike {
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: unknown;
  inclusive?: boolean;
  /** A `.refine()` predicate (a `.superRefine()` has none: it reports issues itself). */
  fn?: (value: unknown) => unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Integer formats of `z.int()`, `.int()`, `z.int32()`, … and their ranges (zod's NUMBER_FORMAT_RANGES). */
const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-INT32_MAX - 1, INT32_MAX],
  uint32: [0, 4294967295],
};

/**
 * One check as a predicate on a value that already has the schema's type, or null when it is not modelled.
 * `refinements`: whether `.refine()` predicates may run on the raw input. zod runs them on its parsed output, which
 * differs from the input only where an object strips unknown keys; so they are allowed on leaves, not on objects,
 * arrays or unions.
 */
function compileCheck(c: CheckDefLike, refinements: boolean): ConformanceCheck | null {
  switch (c.check) {
    case 'min_length': {
      const min = c.minimum as number;
      return (v) => (v as { length: number }).length >= min;
    }
    case 'max_length': {
      const max = c.maximum as number;
      return (v) => (v as { length: number }).length <= max;
    }
    case 'length_equals': {
      const n = c.length as number;
      return (v) => (v as { length: number }).length === n;
    }
    case 'string_format': {
      const pattern = c.pattern;
      if (c.format !== 'regex' || !(pattern instanceof RegExp)) return null;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    case 'number_format': {
      const range = INT_RANGES[c.format ?? ''];
      if (!range) return null;
      const [min, max] = range;
      return (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
    }
    case 'greater_than': {
      const bound = c.value;
      if (typeof bound !== 'number') return null;
      return c.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
    }
    case 'less_than': {
      const bound = c.value;
      if (typeof bound !== 'number') return null;
      return c.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
    }
    case 'custom': {
      // `.refine(fn)`: zod fails the value when fn's result is falsy. Only a boolean true vouches here; anything else
      // (false, a promise, another value) leaves the decision to zod.
      const fn = c.fn;
      if (!refinements || typeof fn !== 'function') return null;
      return (v) => fn(v) === true;
    }
    default:
      return null;
  }
}

/** The checks of a schema (and its own format, for `z.int()`-like schemas) as one predicate, or null. */
function compileChecks(def: ZodDefLike): ConformanceCheck | null | undefined {
  const refinements = !['object', 'array', 'union'].includes(def.type);
  const parts: ConformanceCheck[] = [];
  if (def.format !== undefined) {
    const own = compileCheck({ check: def.check ?? '', format: def.format }, false);
    if (!own) return null;
    parts.push(own);
  }
  for (const c of def.checks ?? []) {
    const cdef = c._zod?.def;
    const check = cdef ? compileCheck(cdef, refinements) : null;
    if (!check) return null;
    parts.push(check);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0]!;
  return (v) => {
    for (const p of parts) if (!p(v)) return false;
    return true;
  };
}

/** How {@link compileConformanceCheck} treats a construct it does not model. */
export interface CompileOptions {
  /**
   * `false` (default): the whole schema is unsupported (`null`). `true`: that part alone is checked by zod
   * (`safeParse(v).success` of the sub-schema) and the rest stays plain code.
   */
  delegate?: boolean;
}

/**
 * Compiles the JSON-shaped subset of zod the schemas use — objects (stripping or loose), arrays, strings, finite
 * numbers, booleans, null, enums, literals, unions, optional and nullable, unknown, with length, range, integer and
 * regex checks and `.refine()` predicates — into a plain predicate. Anything else (`.superRefine()`, transforms,
 * defaults, string formats such as `email`, strict objects, discriminated or exclusive unions, coercion, …) makes
 * the schema unsupported (`null`), or with `delegate` is checked by zod for that part alone. The predicate is sound:
 * it accepts a value only when zod would accept it too (test/client/validation.test.ts compares both on generated
 * values, for every schema of every service).
 */
export function compileConformanceCheck(schema: z.ZodType, options: { delegate: true }): ConformanceCheck;
export function compileConformanceCheck(schema: z.ZodType, options?: CompileOptions): ConformanceCheck | null;
export function compileConformanceCheck(schema: z.ZodType, options: CompileOptions = {}): ConformanceCheck | null {
  const delegate = options.delegate === true;
  const unsupported = (): ConformanceCheck | null => (delegate ? (v) => schema.safeParse(v).success : null);
  const sub = (s: z.ZodType | undefined): ConformanceCheck | null => (s ? compileConformanceCheck(s, options) : null);
  const def = (schema as unknown as { _zod?: { def?: ZodDefLike } })._zod?.def;
  if (!def || def.coerce === true) return unsupported();
  const checks = compileChecks(def);
  if (checks === null) return unsupported();
  const withChecks = (base: ConformanceCheck): ConformanceCheck =>
    checks === undefined ? base : (v) => base(v) && checks(v);
  switch (def.type) {
    case 'unknown':
    case 'any':
      return checks === undefined ? () => true : checks;
    case 'string':
      return withChecks((v) => typeof v === 'string');
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return withChecks((v) => typeof v === 'boolean');
    case 'null':
      return withChecks((v) => v === null);
    case 'enum':
    case 'literal': {
      // zod's own set of accepted values (for a TypeScript enum it leaves out the reverse-mapped names).
      const allowed = (schema as unknown as { _zod: { values?: Set<unknown> } })._zod.values;
      if (!(allowed instanceof Set)) return unsupported();
      return withChecks((v) => allowed.has(v));
    }
    case 'optional':
    case 'nullable': {
      // zod runs a wrapper's own checks only on values that are not `undefined` / `null`: none are modelled here.
      if (checks !== undefined) return unsupported();
      const inner = sub(def.innerType);
      if (!inner) return unsupported();
      return def.type === 'optional' ? (v) => v === undefined || inner(v) : (v) => v === null || inner(v);
    }
    case 'array': {
      const item = sub(def.element);
      if (!item) return unsupported();
      return withChecks((v) => Array.isArray(v) && v.every((x) => item(x)));
    }
    case 'union': {
      if (def.discriminator !== undefined || def.inclusive === false) return unsupported();
      const compiled = def.options?.map((o) => sub(o));
      if (!compiled || compiled.length === 0 || compiled.some((o) => o === null)) return unsupported();
      const alternatives = compiled as ConformanceCheck[];
      return withChecks((v) => alternatives.some((c) => c(v)));
    }
    case 'object': {
      // Unknown keys: stripped (no catchall) or kept (`looseObject`, catchall unknown); anything else → zod.
      const catchall = def.catchall && (def.catchall as unknown as { _zod: { def: ZodDefLike } })._zod.def.type;
      if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'any') return unsupported();
      if (!def.shape) return unsupported();
      const fields: [string, ConformanceCheck][] = [];
      for (const [key, field] of Object.entries(def.shape)) {
        const check = sub(field);
        if (!check) return unsupported();
        fields.push([key, check]);
      }
      return withChecks((v) => {
        if (!isRecord(v)) return false;
        for (const [key, check] of fields) if (!check(v[key])) return false;
        return true;
      });
    }
    default:
      return unsupported();
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
  // Ids travel as one path segment: only characters that need no encoding and cannot climb the path (`../`).
  else if (!/^[0-9A-Za-z_-]+$/.test(value)) {
    message = `expected a ${name} of letters, digits, '_' or '-', got ${describeValue(value)}`;
  }
  if (message !== undefined) throw new ValidationError([{ path: prefix, message }], { operation });
}
