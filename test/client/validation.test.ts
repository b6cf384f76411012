import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkResponse, compileConformanceCheck } from '../../src/core/validation.js';
import * as dataarts from '../../src/dataarts/schemas.js';
import * as dataworks from '../../src/dataworks/schemas.js';
import * as dsc from '../../src/dsc/schemas.js';
import { formatAcsDate } from '../../src/signing/acs3.js';

/** Every exported zod schema of the services (requests too: the compiler must be sound for any schema). */
const SCHEMAS: [string, z.ZodType][] = [];
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

  it('refuses schemas with checks, refinements or strict objects (zod decides for them)', () => {
    expect(compileConformanceCheck(z.string().min(1))).toBeNull();
    expect(compileConformanceCheck(z.int())).toBeNull();
    expect(compileConformanceCheck(z.email())).toBeNull();
    expect(compileConformanceCheck(z.discriminatedUnion('t', [z.object({ t: z.literal('a') })]))).toBeNull();
    expect(compileConformanceCheck(z.xor([z.string(), z.string()]))).toBeNull();
    expect(compileConformanceCheck(z.strictObject({ a: z.string() }))).toBeNull();
    expect(compileConformanceCheck(z.object({ a: z.string() }).refine(() => false))).toBeNull();
    expect(compileConformanceCheck(z.object({ a: z.string().transform((s) => s.length) }))).toBeNull();
  });

  it('is sound: a value it accepts is accepted by zod (generated JSON against every schema)', () => {
    for (const [name, schema] of SCHEMAS) {
      const check = compileConformanceCheck(schema);
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
