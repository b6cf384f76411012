/**
 * Every `example` / `examples` in every spec validates (ajv 2020 + ajv-formats) against the schema it illustrates:
 * schema-level `examples` arrays and `example` values (at any depth of components.schemas and inline schemas),
 * parameter and header examples, and media-type `example` / `examples` of request bodies and responses.
 */
import { describe, expect, test } from 'vitest';
import {
  HTTP_METHODS,
  type LoadedSpec,
  loadSpecs,
  type OpenApiDoc,
  resolveRef,
  SpecValidator,
} from '../support/openapi.js';

interface ExampleCase {
  spec: LoadedSpec;
  pointer: string;
  schema: unknown;
  value: unknown;
}

/** Keys whose value is a map of names to schemas (their keys are names, not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

function walkSchema(schema: unknown, pointer: string, out: Omit<ExampleCase, 'spec'>[]): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const node = schema as OpenApiDoc;
  if (Array.isArray(node.examples)) {
    node.examples.forEach((value: unknown, i: number) => {
      out.push({ pointer: `${pointer}/examples/${i}`, schema: node, value });
    });
  }
  if (node.example !== undefined) out.push({ pointer: `${pointer}/example`, schema: node, value: node.example });
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value)) walkSchema(sub, `${pointer}/${key}/${name}`, out);
    } else if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key) && Array.isArray(value)) {
      value.forEach((sub, i) => {
        walkSchema(sub, `${pointer}/${key}/${i}`, out);
      });
    } else if (
      ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'].includes(key)
    ) {
      walkSchema(value, `${pointer}/${key}`, out);
    }
  }
}

/** Parameter, header or media-type object: `example`, `examples` map (Example Objects, maybe $ref). */
function walkCarrier(doc: OpenApiDoc, carrier: OpenApiDoc, pointer: string, out: Omit<ExampleCase, 'spec'>[]): void {
  const schema = carrier.schema;
  if (schema === undefined) return;
  if (carrier.example !== undefined) out.push({ pointer: `${pointer}/example`, schema, value: carrier.example });
  for (const [name, ex] of Object.entries<OpenApiDoc>(carrier.examples ?? {})) {
    const resolved = resolveRef(doc, ex);
    if (resolved.value !== undefined) {
      out.push({ pointer: `${pointer}/examples/${name}`, schema, value: resolved.value });
    }
  }
  walkSchema(schema, `${pointer}/schema`, out);
}

function walkContent(doc: OpenApiDoc, content: unknown, pointer: string, out: Omit<ExampleCase, 'spec'>[]): void {
  for (const [type, media] of Object.entries<OpenApiDoc>((content as OpenApiDoc) ?? {})) {
    walkCarrier(doc, media, `${pointer}/content/${type.replace(/\//g, '~1')}`, out);
  }
}

function walkResponseLike(doc: OpenApiDoc, raw: unknown, pointer: string, out: Omit<ExampleCase, 'spec'>[]): void {
  if (!raw || typeof raw !== 'object' || '$ref' in raw) return; // referenced components are walked on their own
  const obj = raw as OpenApiDoc;
  walkContent(doc, obj.content, pointer, out);
  for (const [name, h] of Object.entries<OpenApiDoc>(obj.headers ?? {})) {
    if (!('$ref' in h)) walkCarrier(doc, h, `${pointer}/headers/${name}`, out);
  }
}

function collectExamples(spec: LoadedSpec): ExampleCase[] {
  const { doc } = spec;
  const out: Omit<ExampleCase, 'spec'>[] = [];
  const c = doc.components ?? {};
  for (const [name, schema] of Object.entries(c.schemas ?? {})) walkSchema(schema, `#/components/schemas/${name}`, out);
  for (const [name, p] of Object.entries<OpenApiDoc>(c.parameters ?? {})) {
    walkCarrier(doc, p, `#/components/parameters/${name}`, out);
  }
  for (const [name, h] of Object.entries<OpenApiDoc>(c.headers ?? {}))
    walkCarrier(doc, h, `#/components/headers/${name}`, out);
  for (const [name, r] of Object.entries(c.responses ?? {}))
    walkResponseLike(doc, r, `#/components/responses/${name}`, out);
  for (const [name, r] of Object.entries(c.requestBodies ?? {})) {
    walkResponseLike(doc, r, `#/components/requestBodies/${name}`, out);
  }
  for (const [p, item] of Object.entries<OpenApiDoc>(doc.paths ?? {})) {
    const base = `#/paths/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const params = (list: unknown, at: string) => {
      (Array.isArray(list) ? list : []).forEach((param: OpenApiDoc, i: number) => {
        if (!('$ref' in param)) walkCarrier(doc, param, `${at}/parameters/${i}`, out);
      });
    };
    params(item.parameters, base);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      params(op.parameters, `${base}/${method}`);
      walkResponseLike(doc, op.requestBody, `${base}/${method}/requestBody`, out);
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        walkResponseLike(doc, r, `${base}/${method}/responses/${status}`, out);
      }
    }
  }
  return out.map((e) => ({ ...e, spec }));
}

const specs = loadSpecs();
const validator = new SpecValidator(specs);

describe.each(specs.map((s) => [s.file, s] as const))('examples in %s', (_file, spec) => {
  const cases = collectExamples(spec);

  test('the spec has examples', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases.map((c) => [c.pointer, c] as const))('%s', (_pointer, c) => {
    const validate = validator.compile(c.spec, c.schema);
    const ok = validate(c.value);
    expect(ok, `${c.pointer}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });
});

describe('the example check itself', () => {
  test('finds the vendor DSC example with db_type MySQL', () => {
    const dsc = specs.find((s) => s.file === 'dsc.yaml');
    expect(dsc).toBeDefined();
    const vendor = collectExamples(dsc!).find(
      (c) =>
        c.pointer.endsWith('/requestBody/content/application~1json/examples/vendor') &&
        c.pointer.includes('task-templates/post'),
    );
    expect(vendor?.value).toMatchObject({ data_sources: [{ db_type: 'MySQL' }] });
  });

  test('rejects an example that breaks its schema', () => {
    const dsc = specs.find((s) => s.file === 'dsc.yaml')!;
    const validate = validator.compile(dsc, { $ref: '#/components/schemas/CreateTaskTemplateRequest' });
    expect(validate({ task_name: '', data_sources: [], schedule_type: 'HOURLY' })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual([
      '/data_sources',
      '/schedule_type',
      '/task_name',
    ]);
  });
});
