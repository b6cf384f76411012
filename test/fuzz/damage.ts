/**
 * Generators that damage a valid request: JSON values (wrong types, missing fields, huge strings, deep nesting),
 * JSON text (invalid JSON, invalid UTF-8 bytes), text parameters (ints, booleans, enums, bounded strings) and ids.
 * Every damage is one that the API's rules reject, so the damaged request must be answered 4xx.
 */
import fc from 'fast-check';

/** Runs per operation: `FUZZ_RUNS` (e.g. 100 000 in `npm run fuzz`), default 2 000. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** Seed of every property: `FUZZ_SEED`, default a fixed one so CI is reproducible. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20260413);
/** fast-check parameters shared by the fuzz tests; the seed is printed with every failure. */
export const fcParams = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;
/** A test's time limit for `RUNS` generated cases. */
export const fuzzTimeout = (msPerRun: number) => 30_000 + RUNS * msPerRun;

export type Path = readonly (string | number)[];

/** Which fields of a valid JSON value take which damage. */
export interface JsonSpec {
  /** Fields whose absence is rejected. */
  required: Path[];
  /** String fields with their maximum length (a longer string is rejected). */
  bounded: [Path, number][];
  /** Objects that accept any keys and values (only deep nesting inside them is rejected, by the depth limit). */
  open?: Path[];
}

/** A JSON value nested `depth` levels deep, rendered lazily (JSON.stringify cannot print 100 000 levels). */
export class Deep {
  constructor(readonly depth: number) {}
  toJSON(): string {
    return `\u0000DEEP${this.depth}\u0000`;
  }
  text(): string {
    return '['.repeat(this.depth) + ']'.repeat(this.depth);
  }
  /** The same nesting as a JS value (for the SDK). */
  value(): unknown {
    let v: unknown = [];
    for (let i = 1; i < this.depth; i++) v = [v];
    return v;
  }
}

/** JSON text of a value that may hold {@link Deep} parts. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000DEEP(\d+)\\u0000"/g, (_, d: string) => new Deep(Number(d)).text());
}

/** The same value with every {@link Deep} part built out (for SDK inputs). */
export function materialise(value: unknown): unknown {
  if (value instanceof Deep) return value.value();
  if (Array.isArray(value)) return value.map(materialise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
  }
  return value;
}

export const pathText = (path: Path): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((p, i) => p === b[i]);
const under = (path: Path, parent: Path) => parent.length <= path.length && parent.every((p, i) => p === path[i]);

/** Every path inside a JSON value (objects and arrays walked), the root excluded. */
export function pathsOf(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  for (const [k, v] of entries) {
    const p = [...base, k];
    out.push(p, ...pathsOf(v, p));
  }
  return out;
}

/** A deep copy of `value` with the part at `path` replaced (`undefined` removes it). */
export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, next);
  return copy;
}

export function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) v = (v as Record<string | number, unknown>)[p];
  return v;
}

/** Values of another JSON type than `original` (none of them valid where `original`'s type is expected). */
export function wrongTypes(original: unknown): unknown[] {
  if (typeof original === 'string') return [true, false, -1.5, 0.5, [], {}, ['x'], { a: 'b' }];
  if (typeof original === 'number') return ['abc', 'x1', true, [], {}, 0.5, [1], { n: 1 }];
  if (typeof original === 'boolean') return ['true', 'yes', 1, 0, [], {}, [true]];
  if (Array.isArray(original)) return ['x', 1, true, {}, { a: 1 }];
  if (typeof original === 'object' && original !== null) return ['x', 1, true, [], [{}]];
  return [];
}

/**
 * A string longer than `max` (mostly just over it, sometimes far over). `inUrl`: at most 64 over, in characters
 * whose encoding stays short, so that the URL fits in the server's 16 KB header limit (tested on its own).
 */
export const hugeString = (max: number, inUrl = false) =>
  inUrl
    ? fc.integer({ min: 1, max: 64 }).map((extra) => 'x'.repeat(max + extra))
    : fc
        .oneof(
          { weight: 80, arbitrary: fc.integer({ min: 1, max: 64 }) },
          { weight: 19, arbitrary: fc.integer({ min: 65, max: 5_000 }) },
          { weight: 1, arbitrary: fc.constant(1_000_000) },
        )
        .chain((extra) => fc.constantFrom('x', 'é', '💥', '\u0000', '"').map((c) => c.repeat(max + extra)));

/** Nesting depths: over the 64 limit, rarely 100 000 levels. */
export const depth = fc.oneof(
  { weight: 90, arbitrary: fc.integer({ min: 65, max: 600 }) },
  { weight: 9, arbitrary: fc.integer({ min: 601, max: 5_000 }) },
  { weight: 1, arbitrary: fc.constant(100_000) },
);

export interface JsonDamage {
  /** What was done, for failure messages. */
  kind: 'wrong-type' | 'missing' | 'huge-string' | 'deep' | 'deep-open' | 'null-required';
  /** The damaged field. */
  path: Path;
  /** The damaged value (may hold {@link Deep} parts). */
  value: unknown;
}

/** One damage to a valid JSON value that its rules reject. */
export function jsonDamage(valid: unknown, spec: JsonSpec): fc.Arbitrary<JsonDamage> {
  const open = spec.open ?? [];
  const typed = pathsOf(valid).filter((p) => !open.some((o) => under(p, o) && !samePath(p, o)));
  const options: fc.Arbitrary<JsonDamage>[] = [];
  const withType = typed.filter((p) => wrongTypes(getAt(valid, p)).length > 0);
  if (withType.length > 0) {
    options.push(
      fc
        .constantFrom(...withType)
        .chain((path) =>
          fc
            .constantFrom(...wrongTypes(getAt(valid, path)))
            .map((w) => ({ kind: 'wrong-type' as const, path, value: setAt(valid, path, w) })),
        ),
      fc
        .tuple(fc.constantFrom(...withType), depth)
        .map(([path, d]) => ({ kind: 'deep' as const, path, value: setAt(valid, path, new Deep(d)) })),
    );
  }
  if (spec.required.length > 0) {
    options.push(
      fc.constantFrom(...spec.required).map((path) => ({
        kind: 'missing' as const,
        path,
        value: setAt(valid, path, undefined),
      })),
      fc
        .constantFrom(...spec.required)
        .map((path) => ({ kind: 'null-required' as const, path, value: setAt(valid, path, null) })),
    );
  }
  if (spec.bounded.length > 0) {
    options.push(
      fc
        .constantFrom(...spec.bounded)
        .chain(([path, max]) =>
          hugeString(max).map((s) => ({ kind: 'huge-string' as const, path, value: setAt(valid, path, s) })),
        ),
    );
  }
  if (open.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...open), depth).map(([path, d]) => ({
        kind: 'deep-open' as const,
        path,
        value: setAt(valid, [...path, 'fuzz_nested'], new Deep(d)),
      })),
    );
  }
  return fc.oneof(...options);
}

/** Unknown fields added to a JSON object body (harmless alone; they go along with a real damage). */
export function withExtraFields(value: unknown, extra: Record<string, unknown>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return { ...extra, ...(value as Record<string, unknown>) };
}

export const extraFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x_${k}`),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 3 },
);

/** Text that is not JSON, made from a valid JSON text. */
export function invalidJson(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.constantFrom(`${valid}x`, `${valid},`, `${valid}}`, valid.replace(/"/g, "'"), `/*c*/${valid}`, `{${valid}`),
    fc.constantFrom('{', '[', 'nul', 'NaN', '{"a":}', '{"a" 1}', '{,}', '\u0000', '{"a":1,,"b":2}', '"\\x"'),
  );
}

const BAD_UTF8: number[][] = [[0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80], [0xe2, 0x82]];

/** The bytes of a valid JSON text with an invalid UTF-8 sequence where only JSON syntax may stand. */
export function invalidUtf8(valid: string): fc.Arbitrary<Buffer> {
  const text = Buffer.from(valid);
  const structural: number[] = [0, 1, text.length];
  return fc
    .tuple(fc.constantFrom(...BAD_UTF8), fc.constantFrom(...structural))
    .map(([bad, at]) => Buffer.concat([text.subarray(0, at), Buffer.from(bad), text.subarray(at)]));
}

/** Content types that are not JSON (sent with a damaged JSON body, or alone where the body must be a form). */
export const wrongContentType = fc.constantFrom(
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  '',
);

/** Text parameter kinds and the values each rejects. */
export type TextKind = 'int' | 'bool' | 'enum' | 'json';

const NASTY = ['../', '..%2f..', '\u0000', 'a\u0000b', 'é', '💥', '\uFFFD', '\u202e'];

export function badText(kind: TextKind, max?: number, inUrl = false): fc.Arbitrary<string> {
  const common = fc.constantFrom(...NASTY);
  const huge = max === undefined ? fc.constant('9'.repeat(400)) : hugeString(max, inUrl);
  switch (kind) {
    case 'int':
      return fc.oneof(
        common,
        huge,
        fc.constantFrom('abc', '1.5', '-1', '99999999999999999999', 'NaN', 'Infinity', '0x10', '1;2', '../1', '1 2'),
      );
    case 'bool':
      return fc.oneof(common, fc.constantFrom('yes', '2', 'truex', 'null', '[]'));
    case 'enum':
      return fc.oneof(common, huge, fc.constantFrom('UNKNOWN', '[]', '{}', 'null'));
    case 'json':
      return fc.oneof(
        common,
        invalidJson('{"a":1}'),
        fc.constantFrom('"x"', '1', 'true', '[1,2]', 'null'),
        (inUrl ? fc.integer({ min: 65, max: 400 }) : depth).map((d) => new Deep(d).text()),
      );
  }
}

/** Path-segment ids that name nothing: `../`, `%00`, unicode, overlong forms; already percent-encoded. */
export const badId = fc.oneof(
  fc.constantFrom('..', '../..', '..%2F..', '%2e%2e', '%00', 'a%00b', '%25', '%C0%AE', '%FF', '%E2%80%AE', '.%00.'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `%00${encodeURIComponent(s)}`),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `..%2F${encodeURIComponent(s)}`),
);
