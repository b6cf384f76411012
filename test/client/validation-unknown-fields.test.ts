/**
 * Unknown request fields: refused before anything is sent, naming the nearest known field; open maps stay open;
 * `allowUnknownFields` sends them. The finder is checked against zod itself: the fields it reports are exactly
 * those zod's parse drops.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CREATE_BODY } from '../../bench/canned-server.js';
import { ValidationError } from '../../src/core/errors.js';
import { allowUnknownFields, findUnknownFields } from '../../src/core/unknown-fields.js';
import { validateInput } from '../../src/core/validation.js';
import { DataArtsCatalogClient } from '../../src/dataarts/client.js';
import * as dataarts from '../../src/dataarts/schemas.js';
import * as dataworks from '../../src/dataworks/actions.js';
import { DataWorksClient } from '../../src/dataworks/client.js';
import { DscClient } from '../../src/dsc/client.js';
import type { CreateTaskTemplateRequest } from '../../src/dsc/schemas.js';
import * as dsc from '../../src/dsc/schemas.js';
import { json, PROJECT, startServer, type TestServer, TOKEN, WORKSPACE } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(() => {
  server.requests.length = 0;
  server.handle((_req, res) => json(res, 200, { id: '1', msg: 'ok', Success: true, RequestId: 'R', Id: 1 }));
});
afterAll(async () => {
  await server.close();
});

const huawei = () => ({
  endpoint: server.url,
  auth: { token: TOKEN },
  projectId: PROJECT,
  logLevel: 'off' as const,
  env: {},
});
const scan: CreateTaskTemplateRequest = {
  task_name: 'scan',
  data_sources: [{ db_type: 'MySQL', ins_id: 'rds-1' }],
  schedule_type: 'ONCE',
};

describe('unknown request fields', () => {
  it('a misspelled DSC field is refused before sending, naming the nearest known field', async () => {
    const dsc = new DscClient(huawei());
    const body = { tasks_name: 'scan', data_sources: scan.data_sources, schedule_type: 'ONCE' };
    const error = await dsc.createScanTask(body as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toContainEqual({ path: 'tasks_name', message: 'unknown field; did you mean task_name?' });
    // The missing required field is reported too.
    expect(error.issues.map((i: { path: string }) => i.path)).toContain('task_name');
    expect(error.message).toMatch(/tasks_name: unknown field; did you mean task_name\?/);
    expect(server.requests).toHaveLength(0);
    // Nested: a data source's field, and a query filter.
    const nested = await dsc
      .createScanTask({ ...scan, data_sources: [{ db_type: 'MySQL', ins_id: 'rds-1', ins_di: 'x' }] } as never)
      .catch((e) => e);
    expect(nested.issues).toEqual([{ path: 'data_sources[0].ins_di', message: 'unknown field; did you mean ins_id?' }]);
    const query = await dsc.listScanTasks({ page_sise: 10 } as never).catch((e) => e);
    expect(query.issues).toEqual([{ path: 'query.page_sise', message: 'unknown field; did you mean page_size?' }]);
    expect(server.requests).toHaveLength(0);
    await dsc.close();
  });

  it('a field with nothing near is still refused, without a guess; an undefined one is ignored', async () => {
    const dsc = new DscClient(huawei());
    const error = await dsc.createScanTask({ ...scan, zzzzzzzz: 1 } as never).catch((e) => e);
    expect(error.issues).toEqual([{ path: 'zzzzzzzz', message: 'unknown field' }]);
    await dsc.createScanTask({ ...scan, extra: undefined } as never);
    expect(server.requests).toHaveLength(1);
    await dsc.close();
  });

  it('allowUnknownFields sends them as they are; known fields are still checked', async () => {
    const dsc = new DscClient(huawei());
    await dsc.createScanTask(allowUnknownFields({ ...scan, new_option: true }));
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ task_name: 'scan', new_option: true });
    await expect(dsc.createScanTask(allowUnknownFields({ ...scan, task_name: '', new_option: true }))).rejects.toThrow(
      ValidationError,
    );
    // On a nested object only: the body's own fields stay checked.
    const item = allowUnknownFields({ db_type: 'MySQL', ins_id: 'rds-1', new_flag: 1 });
    await dsc.createScanTask({ ...scan, data_sources: [item] });
    await expect(dsc.createScanTask({ ...scan, data_sources: [item], typo_here: 1 } as never)).rejects.toThrow(
      /typo_here: unknown field/,
    );
    expect(server.requests).toHaveLength(2);
    await dsc.close();
  });

  it('DataArts task_config stays open; a top-level typo is refused', async () => {
    const da = new DataArtsCatalogClient({ ...huawei(), workspace: WORKSPACE });
    await da.createCollectionTask({ ...CREATE_BODY, task_config: { ...CREATE_BODY.task_config, anyVendorKey: 'x' } });
    expect(server.requests).toHaveLength(1);
    await expect(da.createCollectionTask({ ...CREATE_BODY, nmae: 'x' } as never)).rejects.toThrow(
      /nmae: unknown field; did you mean name\?/,
    );
    await da.close();
  });

  it('DataWorks: Options and ConnectionProperties stay open, a typo is refused, the escape reaches the form', async () => {
    const dw = new DataWorksClient({
      endpoint: server.url,
      auth: { accessKeyId: 'LTAI0123', accessKeySecret: 'secret' },
      logLevel: 'off',
      env: {},
    });
    const crawler = { Name: 'c', DataSourceId: 1, Type: 'mysql', Options: { anyOption: 'v' } };
    await dw.createCrawler(crawler);
    await dw.createDataSource({
      ProjectId: 1,
      Name: 'ds',
      Type: 'hologres',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: { envType: 'Prod', anything: 'goes' },
    });
    expect(server.requests).toHaveLength(2);
    await expect(dw.createCrawler({ ...crawler, DataSourceID: 1 } as never)).rejects.toThrow(
      /DataSourceID: unknown field; did you mean DataSourceId\?/,
    );
    expect(server.requests).toHaveLength(2);
    await dw.createCrawler(allowUnknownFields({ ...crawler, NewSetting: { a: 1 }, Flag: 'on' }));
    const form = new URLSearchParams(server.requests[2]!.body);
    expect(form.get('Name')).toBe('c');
    expect(form.get('NewSetting')).toBe('{"a":1}');
    expect(form.get('Flag')).toBe('on');
    await dw.close();
  });
});

describe('the unknown-field finder agrees with zod', () => {
  /** The paths of keys `input` has (defined) that zod's output lacks: what zod drops as unknown. */
  function dropped(input: unknown, output: unknown, at: (string | number)[] = []): string[] {
    const out: string[] = [];
    if (Array.isArray(input) && Array.isArray(output)) {
      for (const [i, x] of input.entries()) out.push(...dropped(x, output[i], [...at, i]));
    } else if (input && typeof input === 'object' && output && typeof output === 'object') {
      for (const [k, v] of Object.entries(input)) {
        if (v === undefined) continue;
        if (!Object.hasOwn(output, k))
          out.push([...at, k].map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join(''));
        else out.push(...dropped(v, (output as Record<string, unknown>)[k], [...at, k]));
      }
    }
    return out;
  }
  const shown = (path: string) => path.replace(/^\./, '');

  const seeds: [z.ZodType, unknown][] = [
    [dataarts.CollectionTaskInputSchema, CREATE_BODY],
    [dataarts.SearchTasksRequestSchema, { name: 'orders', data_source_type: 'DLI', limit: 100, offset: 0 }],
    [dsc.CreateTaskTemplateRequestSchema, { ...scan, scan_config: { scan_tables: true } }],
    [dsc.ListTaskTemplatesQuerySchema, { page_size: 10, offset: 0 }],
    [
      dataworks.DATAWORKS_ACTIONS.CreateCrawler.request as z.ZodType,
      {
        Name: 'shop crawler',
        DataSourceId: 1001,
        Type: 'mysql',
        Scope: { Unit: 'DATABASE', ExcludeRegex: '^t1$' },
        ScheduleConfig: { Type: 'NORMAL', CronExpress: '0 0 2 ? * *' },
        Options: { k: 'v' },
      },
    ],
  ];

  /** Every object (not array) inside a JSON-like tree, by path. */
  const objectPaths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => {
    const out: (string | number)[][] = [];
    if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...objectPaths(x, [...at, i]));
    else if (v && typeof v === 'object') {
      out.push(at);
      for (const [k, x] of Object.entries(v)) out.push(...objectPaths(x, [...at, k]));
    }
    return out;
  };
  const addAt = (v: unknown, path: (string | number)[], key: string, value: unknown): unknown => {
    const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
    if (path.length === 0) copy[key] = value;
    else copy[path[0]!] = addAt(copy[path[0]!], path.slice(1), key, value);
    return copy;
  };

  it('reports exactly the keys zod strips, for valid bodies with extra keys added anywhere', () => {
    for (const [schema, seed] of seeds) {
      expect(schema.safeParse(seed).success).toBe(true);
      expect(findUnknownFields(schema, seed)).toBeUndefined();
      const places = objectPaths(seed);
      let found = 0;
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.nat(places.length - 1),
              fc.string({ minLength: 1, maxLength: 10 }),
              fc.jsonValue({ maxDepth: 1 }),
            ),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          (additions) => {
            let value = seed;
            for (const [i, key, v] of additions) value = addAt(value, places[i]!, key, v);
            const parsed = schema.safeParse(value);
            if (!parsed.success) return; // an added key replaced a known one with a wrong value: zod's to report
            const expected = dropped(value, parsed.data).map(shown).sort();
            const reported = (findUnknownFields(schema, value) ?? []).map((i) => i.path).sort();
            expect(reported).toEqual(expected);
            found += reported.length;
          },
        ),
        { numRuns: 300 },
      );
      expect(found).toBeGreaterThan(0);
    }
  });

  it('validateInput: the fast path and zod report the same unknown fields', () => {
    const schema = z.object({ a: z.string(), nested: z.object({ b: z.number() }).optional(), open: z.looseObject({}) });
    const check = (v: unknown) => {
      try {
        validateInput(schema, v, 'op');
        return [];
      } catch (e) {
        return (e as ValidationError).issues;
      }
    };
    // Valid known fields (fast path) and invalid ones (zod path) both carry the unknown-field issue.
    expect(check({ a: 'x', open: { any: 1 }, b: 1 })).toEqual([{ path: 'b', message: 'unknown field' }]);
    const both = check({ a: 1, open: {}, nested: { b: 1, c: 2 } });
    expect(both.map((i) => i.path)).toEqual(['a', 'nested.c']);
    expect(check(allowUnknownFields({ a: 'x', open: {}, zz: 1 }))).toEqual([]);
  });
});
