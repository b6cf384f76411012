import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CREATE_BODY } from '../../bench/canned-server.js';
import { checkResponse, compileConformanceCheck } from '../../src/core/validation.js';
import * as dataarts from '../../src/dataarts/schemas.js';
import * as dataworksActions from '../../src/dataworks/actions.js';
import * as dataworksRequests from '../../src/dataworks/requests.js';
import * as dataworksResources from '../../src/dataworks/resources.js';
import * as dataworksResponses from '../../src/dataworks/responses.js';
import * as dataworksSchemas from '../../src/dataworks/schemas.js';
import * as dsc from '../../src/dsc/schemas.js';
import { formatAcsDate } from '../../src/signing/acs3.js';

/** Every exported zod schema of the services (requests too: the compiler must be sound for any schema). */
const SCHEMAS: [string, z.ZodType][] = [];
const dataworks = {
  ...dataworksSchemas,
  ...dataworksRequests,
  ...dataworksResources,
  ...dataworksResponses,
  ...dataworksActions,
};
for (const [name, value] of Object.entries({ ...dataarts, ...dsc, ...dataworks } as Record<string, unknown>)) {
  if (name.endsWith('Schema') && value instanceof z.ZodType) SCHEMAS.push([name, value]);
}

const json = fc.jsonValue({ maxDepth: 4 });

/** A value shaped like the schema's output, then damaged at random, so both branches of every check are hit. */
function nearMiss(schema: z.ZodType, seed: number): unknown {
  const sample = fc.sample(json, { numRuns: 1, seed })[0];
  const parsed = schema.safeParse(sample);
  return parsed.success ? parsed.data : sample;
}

describe('compileConformanceCheck (fast path of checkResponse)', () => {
  it('compiles the response schemas the clients check on every call', () => {
    for (const s of [
      dataarts.CollectionTaskSchema,
      dataarts.CreateTaskResponseSchema,
      dataarts.SearchTasksResponseSchema,
      dsc.OperateResultSchema,
    ]) {
      expect(compileConformanceCheck(s)).not.toBeNull();
    }
  });

  it('refuses what it does not model (zod decides for them), and with `delegate` hands just that part to zod', () => {
    const refused: z.ZodType[] = [
      z.email(),
      z.string().trim().min(1),
      z.coerce.number(),
      z.number().multipleOf(2),
      z.discriminatedUnion('t', [z.object({ t: z.literal('a') })]),
      z.xor([z.string(), z.string()]),
      z.strictObject({ a: z.string() }),
      z.string().superRefine(() => undefined),
      // An object's refinement sees zod's output (unknown keys stripped), not the input: not run on the input.
      z.object({ a: z.string() }).refine((o) => Object.keys(o).length === 1),
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.string().default('x') }),
    ];
    for (const schema of refused) expect(compileConformanceCheck(schema)).toBeNull();
    const stripped = z.object({ a: z.string() }).refine((o) => Object.keys(o).length === 1);
    const delegated = compileConformanceCheck(z.object({ outer: stripped, n: z.int() }), { delegate: true });
    expect(delegated?.({ outer: { a: 'x', extra: 1 }, n: 1 })).toBe(true); // zod strips `extra`, then refines
    expect(delegated?.({ outer: { a: 1 }, n: 1 })).toBe(false);
    expect(delegated?.({ outer: { a: 'x' }, n: 1.5 })).toBe(false);
  });

  it('models length, range, integer and regex checks and leaf refinements exactly as zod', () => {
    const schemas: z.ZodType[] = [
      z.string().min(2).max(5),
      z.string().length(3),
      z.string().regex(/^[a-c]+$/),
      z.string().regex(/a/g), // a global regex: lastIndex must not carry over between values
      z.int().min(-3).max(3),
      z.number().gt(0).lt(1),
      z.int32(),
      z.uint32(),
      z.array(z.string()).min(1).max(2),
      z.string().refine((v) => v.startsWith('x')),
      z.number().refine((v) => v % 2 === 0),
      z.string().refine(() => 'truthy' as unknown as boolean), // zod accepts any truthy result; we defer to it
      z.object({ s: z.string().min(1).optional(), n: z.int().nullable() }),
    ];
    const values = fc.oneof(
      json,
      fc.string({ maxLength: 7 }),
      fc.constantFrom('a', 'ab', 'abc', 'abcd', 'xy', 'xa', 'aaa'),
      fc.double(),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 32, -1, 0.5, Number.MAX_SAFE_INTEGER + 2),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.record({
        s: fc.option(fc.string({ maxLength: 2 }), { nil: undefined }),
        n: fc.option(fc.integer(), { nil: null }),
      }),
    );
    for (const schema of schemas) {
      const check = compileConformanceCheck(schema);
      expect(check).not.toBeNull();
      fc.assert(
        fc.property(values, (v) => {
          const zodSays = schema.safeParse(v).success;
          if (check!(v)) expect(zodSays).toBe(true);
          // For these, the predicate is exact except where zod takes a truthy non-boolean refinement result.
          else if (schema !== schemas[11]) expect(zodSays).toBe(false);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('is sound: a value it accepts is accepted by zod (generated JSON against every schema)', () => {
    for (const [name, schema, delegate] of SCHEMAS.flatMap(([n, sc]) => [
      [n, sc, false] as const,
      [n, sc, true] as const,
    ])) {
      const check = compileConformanceCheck(schema, { delegate });
      if (!check) continue;
      fc.assert(
        fc.property(json, fc.integer(), (value, seed) => {
          for (const v of [value, nearMiss(schema, seed)]) {
            if (check(v)) expect(schema.safeParse(v).success, name).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    }
  });

  it('is sound on the request schemas the clients validate: valid bodies damaged at one place at a time', () => {
    const seeds: [z.ZodType, unknown][] = [
      [dataarts.CollectionTaskInputSchema, CREATE_BODY],
      [
        dataarts.CollectionTaskInputSchema,
        {
          ...CREATE_BODY,
          schedule_config: {
            schedule_type: 'CRON',
            cron_expression: '0 0 2 * * ?',
            start_time: '2026-01-01T00:00:00 +08',
            end_time: '2026-12-31T00:00:00Z',
            max_time_out: 30,
            enabled: 1,
          },
        },
      ],
      [dataarts.SearchTasksRequestSchema, { name: 'orders', data_source_type: 'DLI', limit: 100, offset: 0 }],
      [dataarts.JobLogRequestSchema, { bridge_id: 'b-1', classification_id: null }],
      [
        dsc.CreateTaskTemplateRequestSchema,
        { task_name: 'scan', data_sources: [{ db_type: 'MySQL', ins_id: 'rds-1' }], schedule_type: 'ONCE' },
      ],
      [
        dataworks.DATAWORKS_ACTIONS.CreateCrawler.request as z.ZodType,
        {
          Name: 'shop crawler',
          DataSourceId: 1001,
          Type: 'mysql',
          Scope: { Unit: 'DATABASE', ExcludeRegex: '^t1$' },
          ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
        },
      ],
    ];
    const edge = fc.oneof(
      json,
      fc.constantFrom(
        '',
        ' ',
        'x'.repeat(129),
        'x'.repeat(1025),
        '𠀀'.repeat(65),
        '2026-13-01 00:00:00',
        '0 */5 * * * ?',
      ),
      fc.constantFrom(-1, 0, 0.5, 1e21, Number.MAX_SAFE_INTEGER + 2, null, undefined, true, [], {}),
      fc.string({ maxLength: 12 }),
      fc.integer(),
    );
    /** The paths of every value in a JSON-like tree. */
    const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => {
      const out: (string | number)[][] = [at];
      if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...paths(x, [...at, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
      return out;
    };
    const replaceAt = (v: unknown, path: (string | number)[], value: unknown): unknown => {
      if (path.length === 0) return value;
      const [head, ...rest] = path;
      const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
      copy[head!] = replaceAt(copy[head!], rest, value);
      return copy;
    };
    for (const [schema, seed] of seeds) {
      expect(schema.safeParse(seed).success).toBe(true);
      const check = compileConformanceCheck(schema, { delegate: true })!;
      expect(check(seed)).toBe(true);
      const all = paths(seed);
      let rejected = 0;
      fc.assert(
        fc.property(fc.nat(all.length - 1), edge, fc.nat(all.length - 1), edge, (i, a, j, b) => {
          const damaged = replaceAt(replaceAt(seed, all[i]!, a), all[j]!, b);
          const zodSays = schema.safeParse(damaged).success;
          if (check(damaged)) expect(zodSays).toBe(true);
          if (!zodSays) rejected += 1;
        }),
        { numRuns: 400 },
      );
      expect(rejected).toBeGreaterThan(0); // the damage does reach zod's rules
    }
  });

  it('checkResponse reports exactly what zod reports', () => {
    const task = {
      id: 't',
      name: 'n',
      dir_id: '0',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE' },
      task_config: { queue: 'default', extra: 1 },
    };
    expect(checkResponse(dataarts.CollectionTaskSchema, task)).toEqual([]);
    const bad = { ...task, name: 5, schedule_config: { schedule_type: 'run_once' }, task_config: { queue: 1 } };
    const issues = checkResponse(dataarts.CollectionTaskSchema, bad);
    expect(issues.map((i) => i.path).sort()).toEqual(['name', 'schedule_config.schedule_type', 'task_config.queue']);
    expect(checkResponse(dataarts.CollectionTaskSchema, null)).toHaveLength(1);
    expect(checkResponse(dataarts.CollectionTaskSchema, [task])).toHaveLength(1);
  });

  it('accepts and rejects the same values as zod on simple schemas', () => {
    const schema = z.looseObject({
      s: z.string(),
      n: z.number().nullable().optional(),
      e: z.enum(['A', 'B']).optional(),
      l: z.literal([0, 1]).optional(),
      u: z.union([z.string(), z.boolean()]).optional(),
      a: z.array(z.object({ x: z.string() })).optional(),
      // A TypeScript numeric enum: `{ 0: 'A', A: 0 }`; zod accepts only 0.
      t: z.enum({ 0: 'A', A: 0 } as const).optional(),
    });
    const check = compileConformanceCheck(schema);
    expect(check).not.toBeNull();
    const cases: unknown[] = [
      { s: '' },
      { s: 'x', n: null, e: 'A', l: 1, u: true, a: [{ x: '' }], other: [1] },
      { s: 1 },
      {},
      { s: 'x', n: Number.POSITIVE_INFINITY },
      { s: 'x', e: 'C' },
      { s: 'x', t: 'A' },
      { s: 'x', t: 0 },
      { s: 'x', l: 2 },
      { s: 'x', u: 3 },
      { s: 'x', a: [{}] },
      { s: 'x', a: {} },
      'x',
      null,
    ];
    for (const c of cases) expect(check?.(c), JSON.stringify(c)).toBe(schema.safeParse(c).success);
  });
});

describe('formatAcsDate', () => {
  it('matches toISOString() to the second for any date, and throws on an invalid one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const d = new Date(ms);
        expect(formatAcsDate(d)).toBe(`${d.toISOString().slice(0, 19)}Z`);
      }),
      { numRuns: 2000 },
    );
    expect(() => formatAcsDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
