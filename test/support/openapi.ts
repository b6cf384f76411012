/**
 * OpenAPI conformance checking for the mock: loads every `openapi/*.yaml`, compiles their schemas with ajv
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses) and checks each mock exchange against the response the spec declares.
 *
 * Mapping of an exchange to a spec response:
 * - Huawei services (dsc, dataarts, iam): the operation whose `operationId` is `exchange.operation`; its method and
 *   path template must match the exchange; the response is `responses[status]`, else `responses['4XX'|'5XX']`, else
 *   `default`. A status the spec does not declare is a violation. Declared headers marked `required` must be present
 *   and match their schema; a response without `content` must have an empty body.
 * - DataWorks (RPC): `x-actions.<Action>.response` for 200; `components.schemas.DataWorksError` for 4xx/5xx (limited
 *   to the action's `errors` list when the spec gives one). Every answer must carry `x-acs-request-id`, equal to the
 *   body's `RequestId` when there is one.
 * - service 'control' (the mock's /__mock/ surface): not checked.
 * - service 'unknown' (route miss) or no operation: the gateway envelope `{error_code, error_msg, request_id}` for
 *   Huawei paths, `DataWorksError` for the DataWorks path `/`; the status must be 4xx.
 * A service whose spec file does not exist yet is not checked (each helper writes its own spec).
 *
 * Violation messages name the exchange, the JSON path and the rule broken; they never include header values or
 * body values (a response may carry a token).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { MockExchange } from '../../src/mock/types.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object in some toolchains.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

export const OPENAPI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../openapi');

/** Which spec file describes which mock service. */
export const SPEC_FILES = {
  dsc: 'dsc.yaml',
  dataarts: 'dataarts-catalog.yaml',
  iam: 'iam.yaml',
  dataworks: 'dataworks.yaml',
} as const;
export type SpecService = keyof typeof SPEC_FILES;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically.
export type OpenApiDoc = Record<string, any>;

export interface LoadedSpec {
  /** File name, e.g. 'dsc.yaml'. */
  file: string;
  doc: OpenApiDoc;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: OpenAPI operation object.
  operation: Record<string, any>;
}

export interface DataWorksAction {
  method: string;
  params: string;
  request: string;
  response: string;
  errors?: number[];
}

/**
 * Parsed specs are cached as JSON under node_modules/.cache, keyed by the YAML text's hash: parsing the YAML takes
 * around a second per spec on a loaded machine, and every test file that talks to the mock loads the specs.
 */
const CACHE_DIR = path.resolve(OPENAPI_DIR, '../node_modules/.cache/metacollect-openapi');

function parseCached(text: string): OpenApiDoc {
  const cacheFile = path.join(CACHE_DIR, `${createHash('sha256').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as OpenApiDoc;
  } catch {
    // not cached yet (or unreadable): parse and try to store it
  }
  const doc = parse(text) as OpenApiDoc;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(doc));
    renameSync(tmp, cacheFile); // atomic: parallel workers never read a partial file
  } catch {
    // a read-only checkout works, just slower
  }
  return doc;
}

/** Loads one spec file of `dir`. */
export function loadSpec(file: string, dir = OPENAPI_DIR): LoadedSpec {
  return { file, doc: parseCached(readFileSync(path.join(dir, file), 'utf8')) };
}

/** Loads every `openapi/*.yaml` (sorted by name). */
export function loadSpecs(dir = OPENAPI_DIR): LoadedSpec[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => loadSpec(file, dir));
}

/** Every operation of a document (path-level, not RPC actions). */
export function listOperations(doc: OpenApiDoc): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [p, item] of Object.entries<OpenApiDoc>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (op && typeof op === 'object') {
        out.push({ operationId: String(op.operationId ?? ''), method: method.toUpperCase(), path: p, operation: op });
      }
    }
  }
  return out;
}

/** The DataWorks `x-actions` map (empty when absent). */
export function dataWorksActions(doc: OpenApiDoc): Record<string, DataWorksAction> {
  const actions = doc['x-actions'];
  return actions && typeof actions === 'object' ? (actions as Record<string, DataWorksAction>) : {};
}

/** Resolves a local `$ref` (`#/…`) in an OpenAPI document, following chains. */
export function resolveRef<T = OpenApiDoc>(doc: OpenApiDoc, value: unknown): T {
  let current = value as OpenApiDoc | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref} (only local references are used)`);
    current = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<OpenApiDoc | undefined>((node, key) => node?.[key], doc);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current as T;
}

const OAS_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

/** Collects the `x-*` keys used inside schemas so that ajv's strict mode accepts them as annotations. */
function collectExtensionKeys(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeys(item, into);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensionKeys(value, into);
    }
  }
}

/** Deep copy with `#/components/schemas/…` references rewritten to the spec's registered schema id. */
function rewriteRefs(node: unknown, baseId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, baseId));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        out[key] = `${baseId}#/$defs/${value.slice('#/components/schemas/'.length)}`;
      } else {
        out[key] = rewriteRefs(value, baseId);
      }
    }
    return out;
  }
  return node;
}

/** ajv set up for OpenAPI 3.1 schemas of the given documents. */
export class SpecValidator {
  readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly specs: LoadedSpec[]) {
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    addFormats(this.ajv);
    const extensions = new Set<string>();
    for (const spec of specs) collectExtensionKeys(spec.doc.components?.schemas, extensions);
    for (const spec of specs) collectExtensionKeys(spec.doc.paths, extensions);
    for (const keyword of [...OAS_KEYWORDS, ...extensions]) this.ajv.addKeyword({ keyword });
    for (const spec of specs) {
      const id = SpecValidator.schemaId(spec.file);
      this.ajv.addSchema({ $id: id, $defs: rewriteRefs(spec.doc.components?.schemas ?? {}, id) });
    }
  }

  static schemaId(file: string): string {
    return `urn:metacollect:openapi:${file}`;
  }

  /** Compiles (once per key) a schema taken from `spec`, with its component references resolvable. */
  compile(spec: LoadedSpec, schema: unknown, key?: string): ValidateFunction {
    const cacheKey = key === undefined ? undefined : `${spec.file}|${key}`;
    const hit = cacheKey ? this.cache.get(cacheKey) : undefined;
    if (hit) return hit;
    const rewritten = rewriteRefs(schema, SpecValidator.schemaId(spec.file));
    const fn = this.ajv.compile(typeof rewritten === 'boolean' ? rewritten : (rewritten as object));
    if (cacheKey) this.cache.set(cacheKey, fn);
    return fn;
  }

  /** Validator for `components.schemas.<name>`. */
  component(spec: LoadedSpec, name: string): ValidateFunction | undefined {
    if (!spec.doc.components?.schemas?.[name]) return undefined;
    return this.compile(spec, { $ref: `#/components/schemas/${name}` }, `component:${name}`);
  }
}

/** ajv errors as short lines (path + message, never the data). */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined, max = 6): string {
  const list = (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  const shown = [...new Set(list)].slice(0, max);
  return shown.join('; ') + (list.length > max ? `; … (${list.length - max} more)` : '');
}

/** The Huawei API gateway envelope (auth.md), used for route misses. */
const GATEWAY_ERROR_SCHEMA = {
  type: 'object',
  required: ['error_code', 'error_msg', 'request_id'],
  properties: {
    error_code: { type: 'string', pattern: '^APIGW\\.' },
    error_msg: { type: 'string' },
    request_id: { type: 'string' },
  },
};

const HUAWEI_REQUEST_ID = /^[0-9a-f]{32}$/;

function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function pathMatches(template: string, actual: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`).test(actual);
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === '';
}

interface ServiceSpec {
  spec: LoadedSpec;
  validator: SpecValidator;
  operations: Map<string, SpecOperation>;
}

class ConformanceChecker {
  /** Per service, loaded on first use (parsing YAML is the slow part), `null` when the spec file is absent. */
  private readonly services = new Map<string, ServiceSpec | null>();
  private readonly gateway: ValidateFunction;

  /** `specs` given: check against these documents only; otherwise load `openapi/<file>` lazily per service. */
  constructor(private readonly specs?: LoadedSpec[]) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    this.gateway = ajv.compile(GATEWAY_ERROR_SCHEMA);
  }

  private service(name: string): ServiceSpec | undefined {
    if (!this.services.has(name)) {
      const file = SPEC_FILES[name as SpecService];
      let spec: LoadedSpec | undefined;
      if (this.specs) spec = this.specs.find((s) => s.file === file);
      else if (file && existsSync(path.join(OPENAPI_DIR, file))) spec = loadSpec(file);
      this.services.set(
        name,
        spec
          ? {
              spec,
              validator: new SpecValidator([spec]),
              operations: new Map(listOperations(spec.doc).map((op) => [op.operationId, op])),
            }
          : null,
      );
    }
    return this.services.get(name) ?? undefined;
  }

  check(ex: MockExchange): string[] {
    if (ex.service === 'control') return [];
    const where = `${ex.service}${ex.operation ? ` ${ex.operation}` : ''} ${ex.method} ${ex.path} → ${ex.status}`;
    const out: string[] = [];
    const add = (msg: string) => out.push(`${where}: ${msg}`);
    try {
      if (ex.service === 'dataworks' || (ex.service === 'unknown' && this.isDataWorksPath(ex.path))) {
        this.checkDataWorks(ex, add);
      } else if (ex.service === 'unknown' || ex.operation === undefined) {
        this.checkRouteMiss(ex, add);
      } else {
        this.checkHuawei(ex, add);
      }
    } catch (error) {
      add(`checker error: ${error instanceof Error ? error.message : String(error)}`);
    }
    return out;
  }

  private isDataWorksPath(p: string): boolean {
    return p.split('?')[0] === '/';
  }

  private checkRouteMiss(ex: MockExchange, add: (msg: string) => void): void {
    if (ex.status < 400 || ex.status > 499) add('a route miss must answer 4xx');
    if (!this.gateway(ex.responseBody))
      add(`body is not the gateway envelope: ${formatAjvErrors(this.gateway.errors)}`);
    this.checkHuaweiRequestId(ex, add);
  }

  private checkHuaweiRequestId(ex: MockExchange, add: (msg: string) => void): void {
    const id = header(ex.responseHeaders, 'X-Request-Id');
    if (id === undefined) add('missing header X-Request-Id');
    else if (!HUAWEI_REQUEST_ID.test(id)) add('header X-Request-Id is not 32 lowercase hex characters');
  }

  private checkHuawei(ex: MockExchange, add: (msg: string) => void): void {
    const svc = this.service(ex.service);
    if (!svc) return; // spec not written yet
    const { spec, validator } = svc;
    const op = svc.operations.get(ex.operation ?? '');
    if (!op) {
      add(`operationId ${ex.operation} is not in openapi/${spec.file}`);
      return;
    }
    if (op.method !== ex.method.toUpperCase()) add(`spec declares ${op.method} for ${op.operationId}`);
    if (!pathMatches(op.path, ex.path.split('?')[0] ?? '')) add(`path does not match the spec path ${op.path}`);
    const responses = op.operation.responses ?? {};
    const key = [String(ex.status), `${String(ex.status)[0]}XX`, 'default'].find((k) => responses[k] !== undefined);
    if (key === undefined) {
      add(`status ${ex.status} is not declared for ${op.operationId}`);
      return;
    }
    const response = resolveRef(spec.doc, responses[key]);
    for (const [name, raw] of Object.entries<OpenApiDoc>(response.headers ?? {})) {
      const h = resolveRef(spec.doc, raw);
      const value = header(ex.responseHeaders, name);
      if (value === undefined) {
        if (h.required) add(`missing required header ${name}`);
        continue;
      }
      if (h.schema) {
        const validate = validator.compile(spec, h.schema, `${op.operationId}|${key}|header:${name}`);
        if (!validate(value)) add(`header ${name} does not match its schema: ${formatAjvErrors(validate.errors)}`);
      }
    }
    const media = response.content?.['application/json'] ?? Object.values(response.content ?? {})[0];
    if (!media) {
      if (!isEmptyBody(ex.responseBody)) add('the spec declares no body for this response, but one was sent');
      return;
    }
    if (isEmptyBody(ex.responseBody)) {
      add('the spec declares a JSON body, but the response is empty');
      return;
    }
    if (!media.schema) return;
    const validate = validator.compile(spec, media.schema, `${op.operationId}|${key}|body`);
    if (!validate(ex.responseBody)) add(`body does not match the spec: ${formatAjvErrors(validate.errors)}`);
  }

  private checkDataWorks(ex: MockExchange, add: (msg: string) => void): void {
    const svc = this.service('dataworks');
    if (!svc) return;
    const { spec, validator } = svc;
    const requestId = header(ex.responseHeaders, 'x-acs-request-id');
    const body = ex.responseBody as Record<string, unknown> | undefined;
    if (requestId === undefined) add('missing header x-acs-request-id');
    else if (body && typeof body === 'object' && typeof body.RequestId === 'string' && body.RequestId !== requestId) {
      add('header x-acs-request-id differs from body RequestId');
    }
    const errorValidator = validator.component(spec, 'DataWorksError');
    const action = ex.service === 'dataworks' ? ex.operation : undefined;
    const entry = action ? dataWorksActions(spec.doc)[action] : undefined;
    if (action && !entry) {
      add(`action ${action} is not in the x-actions map of openapi/${spec.file}`);
      return;
    }
    if (ex.status === 200 && entry) {
      const validate = validator.component(spec, entry.response);
      if (!validate) {
        add(`x-actions.${action}.response names a missing schema ${entry.response}`);
        return;
      }
      if (!validate(ex.responseBody)) add(`body does not match ${entry.response}: ${formatAjvErrors(validate.errors)}`);
      return;
    }
    if (ex.status < 400 || ex.status > 599) {
      add(`status ${ex.status} is not declared (200 or an error status)`);
      return;
    }
    if (entry && Array.isArray(entry.errors) && !entry.errors.includes(ex.status)) {
      add(`status ${ex.status} is not among x-actions.${action}.errors`);
    }
    if (!entry && (ex.status < 400 || ex.status > 499)) add('an unknown action must answer 4xx');
    if (!errorValidator) {
      add(`openapi/${spec.file} has no components.schemas.DataWorksError`);
      return;
    }
    if (!errorValidator(ex.responseBody)) {
      add(`body does not match DataWorksError: ${formatAjvErrors(errorValidator.errors)}`);
    }
  }
}

let checker: ConformanceChecker | undefined;

/** The shared checker over the current `openapi/*.yaml` (each spec loaded on first use). */
function getChecker(): ConformanceChecker {
  checker ??= new ConformanceChecker();
  return checker;
}

/** Spec violations of one mock exchange ([] when it conforms). */
export function validateExchange(ex: MockExchange): string[] {
  try {
    return getChecker().check(ex);
  } catch (error) {
    return [`conformance checker could not load the specs: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** A checker over explicit documents (tests of the checker itself). */
export function createExchangeValidator(specs: LoadedSpec[]): (ex: MockExchange) => string[] {
  const c = new ConformanceChecker(specs);
  return (ex) => c.check(ex);
}
