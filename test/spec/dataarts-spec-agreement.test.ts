/**
 * The JSON Schemas of openapi/dataarts-catalog.yaml and the zod request schemas accept and reject the same bodies
 * (the zod schemas additionally check the cron subset and calendar validity, which JSON Schema cannot express;
 * those cases are listed separately).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  CollectionTaskInputSchema,
  JobLogRequestSchema,
  SearchTasksRequestSchema,
} from '../../src/dataarts/schemas.js';

const specPath = fileURLToPath(new URL('../../openapi/dataarts-catalog.yaml', import.meta.url));
const spec = parseYaml(readFileSync(specPath, 'utf8')) as { components: { schemas: Record<string, unknown> } };
const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
// The generator's own annotation (keep the index signature in the type); no validation meaning.
ajv.addKeyword({ keyword: 'x-open-map' });
ajv.addSchema(
  JSON.parse(
    JSON.stringify({ $id: 'dataarts', $defs: spec.components.schemas }).replaceAll('#/components/schemas/', '#/$defs/'),
  ),
);
function jsonSchema(name: string) {
  const v = ajv.getSchema(`dataarts#/$defs/${name}`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
}

const base = {
  name: 'task',
  dir_id: '0',
  data_source_type: 'DLI',
  schedule_config: { schedule_type: 'RUN_ONCE' },
  task_config: {},
};
const sc = (extra: Record<string, unknown>) => ({ ...base, schedule_config: { schedule_type: 'RUN_ONCE', ...extra } });

const taskCases: [string, unknown, boolean][] = [
  ['minimal', base, true],
  ['id null', { ...base, id: null }, true],
  ['unknown field', { ...base, whatever: 1 }, true],
  ['name empty', { ...base, name: '' }, false],
  ['name 128 code points', { ...base, name: '采'.repeat(128) }, true],
  ['name 129', { ...base, name: 'n'.repeat(129) }, false],
  ['name astral 128', { ...base, name: '😀'.repeat(128) }, true],
  ['name number', { ...base, name: 1 }, false],
  ['description 1025', { ...base, description: 'd'.repeat(1025) }, false],
  ['description null', { ...base, description: null }, true],
  ['dir_id empty', { ...base, dir_id: '' }, false],
  ['dir_id 65', { ...base, dir_id: 'x'.repeat(65) }, false],
  ['data_source_type dash', { ...base, data_source_type: 'A-B' }, false],
  ['data_source_type 65', { ...base, data_source_type: 'A'.repeat(65) }, false],
  ['task_config array', { ...base, task_config: [] }, false],
  ['task_config open', { ...base, task_config: { anything: { deep: true } } }, true],
  ['task_config typed key wrong', { ...base, task_config: { enableDataProfile: 'yes' } }, false],
  ['schedule_type lower', { ...base, schedule_config: { schedule_type: 'cron' } }, false],
  ['schedule_config missing type', { ...base, schedule_config: {} }, false],
  ['CRON without expression', { ...base, schedule_config: { schedule_type: 'CRON' } }, false],
  ['CRON null expression', { ...base, schedule_config: { schedule_type: 'CRON', cron_expression: null } }, false],
  ['CRON empty expression', { ...base, schedule_config: { schedule_type: 'CRON', cron_expression: '' } }, false],
  ['CRON ok', { ...base, schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 1 * * ?' } }, true],
  ['enabled 3', sc({ enabled: 3 }), true],
  ['enabled 2', sc({ enabled: 2 }), false],
  ['enabled null', sc({ enabled: null }), true],
  ['max_time_out 0', sc({ max_time_out: 0 }), false],
  ['max_time_out 1.5', sc({ max_time_out: 1.5 }), false],
  ['max_time_out string', sc({ max_time_out: '10' }), false],
  ['start_time vendor', sc({ start_time: '2026-04-14T00:00:00 +08' }), true],
  ['start_time Z', sc({ start_time: '2026-04-14T00:00:00Z' }), true],
  ['start_time no zone', sc({ start_time: '2026-04-14T00:00:00' }), false],
  ['parameter_config item', { ...base, parameter_config: [{ type: 't', description: null }] }, true],
  ['parameter_config wrong', { ...base, parameter_config: [{ type: 1 }] }, false],
];

const searchCases: [string, unknown, boolean][] = [
  ['empty', {}, true],
  ['limit 1', { limit: 1 }, true],
  ['limit 1000', { limit: 1000 }, true],
  ['limit 0', { limit: 0 }, false],
  ['limit 1001', { limit: 1001 }, false],
  ['limit null', { limit: null }, true],
  ['offset -1', { offset: -1 }, false],
  ['start_time ms', { start_time: '1775892315978' }, true],
  ['start_time iso', { start_time: '2026-04-14T00:00:00+08:00' }, true],
  ['start_time words', { start_time: 'yesterday' }, false],
  ['name number', { name: 5 }, false],
];

const logCases: [string, unknown, boolean][] = [
  ['published', { bridge_id: 'D0D87362B46C4DBB8D9F7E3511E69E45', classification_id: null }, true],
  ['missing bridge', { classification_id: 'x' }, false],
  ['empty bridge', { bridge_id: '' }, false],
];

function agree(name: string, schema: z.ZodType, cases: [string, unknown, boolean][]) {
  const validate = jsonSchema(name);
  test.each(cases)(`${name}: %s`, (_label, body, expected) => {
    expect(validate(body), JSON.stringify(validate.errors)).toBe(expected);
    expect(schema.safeParse(body).success).toBe(expected);
  });
}

describe('spec and zod agree', () => {
  agree('CollectionTaskInput', CollectionTaskInputSchema, taskCases);
  agree('SearchTasksRequest', SearchTasksRequestSchema, searchCases);
  agree('JobLogRequest', JobLogRequestSchema, logCases);
});

describe('rules only the zod schemas can check', () => {
  const validate = jsonSchema('CollectionTaskInput');
  test.each([
    ['cron L', { ...base, schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 12 L * ?' } }],
    ['cron 7 fields', { ...base, schedule_config: { schedule_type: 'CRON', cron_expression: '0 0 12 * * ? 2026' } }],
    ['30 February', sc({ end_time: '2026-02-30T00:00:00Z' })],
  ])('%s: the spec pattern lets it through, zod rejects it', (_label, body) => {
    expect(validate(body)).toBe(true);
    expect(CollectionTaskInputSchema.safeParse(body).success).toBe(false);
  });
});
