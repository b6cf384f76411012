/**
 * Damaged HTTP requests for an operation: each case is one damage its rules reject, sometimes with unknown fields,
 * a wrong content type or repeated query parameters along with it.
 */
import fc from 'fast-check';
import {
  badId,
  badText,
  extraFields,
  hugeString,
  invalidJson,
  invalidUtf8,
  jsonDamage,
  pathText,
  renderJson,
  type TextKind,
  withExtraFields,
  wrongContentType,
} from './damage.js';
import type { DataWorksOp, HttpOp, HuaweiOp, TextInput } from './operations.js';

/** A damaged request, ready to send (DataWorks ones are signed when sent). */
export interface Wire {
  /** What was damaged, for failure messages. */
  label: string;
  method: string;
  /** Encoded path without the query. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string | Buffer;
  /** DataWorks: the action to sign for. */
  action?: string;
}

const enc = encodeURIComponent;

function fillPath(template: string, params: Record<string, string>, damaged?: [string, string]): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    damaged && damaged[0] === name ? damaged[1] : enc(params[name] ?? ''),
  );
}

/** The bad values of a text input. */
function badInput(input: TextInput, inUrl: boolean): fc.Arbitrary<string> {
  if (input.kind === 'forbidden') return fc.constantFrom('x', 'mysql', '1');
  if (input.kind === 'text') return hugeString(input.max ?? 0, inUrl);
  return badText(input.kind as TextKind, input.max, inUrl);
}

const damageable = (inputs: Record<string, TextInput>) =>
  Object.entries(inputs).filter(([, i]) => i.kind !== 'text' || i.max !== undefined);

function huaweiCases(op: HuaweiOp): fc.Arbitrary<Wire> {
  const base = (): Wire => ({
    label: '',
    method: op.method,
    path: fillPath(op.path, op.params),
    query: Object.entries(op.query ?? {}),
    headers: { ...op.headers },
  });
  const validText = op.body === undefined ? undefined : JSON.stringify(op.body);
  const options: fc.Arbitrary<Wire>[] = [];
  const ids = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (ids.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...ids), badId).map(([name, id]) => ({
        ...base(),
        label: `path ${name}=${id}`,
        path: fillPath(op.path, op.params, [name, id]),
        ...(validText !== undefined
          ? { body: validText, headers: { ...op.headers, 'content-type': 'application/json' } }
          : {}),
      })),
    );
  }
  const inputs = damageable(op.queryInputs ?? {});
  if (inputs.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...inputs), fc.integer({ min: 1, max: 3 })).chain(([[name, input], copies]) =>
        fc.array(badInput(input, true), { minLength: copies, maxLength: copies }).map((values) => {
          const w = base();
          w.query = [...w.query.filter(([k]) => k !== name), ...values.map((v): [string, string] => [name, v])];
          w.label = `query ${name}=${values.map((v) => JSON.stringify(v.slice(0, 40))).join('&')}`;
          return w;
        }),
      ),
    );
  }
  const requiredQuery = Object.entries(op.queryInputs ?? {}).filter(([, i]) => i.required);
  if (requiredQuery.length > 0) {
    options.push(
      fc.constantFrom(...requiredQuery).map(([name]) => {
        const w = base();
        w.query = w.query.filter(([k]) => k !== name);
        return { ...w, label: `query ${name} missing` };
      }),
    );
  }
  if (op.body !== undefined && op.spec && validText !== undefined) {
    const ct = fc.option(wrongContentType, { freq: 4, nil: undefined });
    options.push(
      fc
        .tuple(jsonDamage(op.body, op.spec), fc.option(extraFields, { nil: undefined }), ct)
        .map(([d, extra, type]) => ({
          ...base(),
          label: `body ${d.kind} at ${pathText(d.path) || '(root)'}${extra ? ' + unknown fields' : ''}${type !== undefined ? ` as '${type}'` : ''}`,
          headers: { ...op.headers, 'content-type': type ?? 'application/json' },
          body: renderJson(extra ? withExtraFields(d.value, extra) : d.value),
        })),
      fc.tuple(invalidJson(validText), ct).map(([text, type]) => ({
        ...base(),
        label: `invalid JSON ${JSON.stringify(text.slice(0, 60))}`,
        headers: { ...op.headers, 'content-type': type ?? 'application/json' },
        body: text,
      })),
      invalidUtf8(validText).map((bytes) => ({
        ...base(),
        label: `invalid UTF-8 ${bytes.subarray(0, 12).toString('hex')}…`,
        headers: { ...op.headers, 'content-type': 'application/json;charset=UTF-8' },
        body: bytes,
      })),
    );
  }
  if (op.headerDamage) {
    const { name, values } = op.headerDamage;
    options.push(
      fc.constantFrom(...values).map((value) => ({
        ...base(),
        label: `header ${name}=${JSON.stringify(value.slice(0, 40))}`,
        headers: { ...op.headers, [name]: value },
      })),
    );
  }
  return fc.oneof(...options);
}

const BAD_UTF8_FORM = ['%FF', '%C0%AF', '%ED%A0%80', '%80'];
const BAD_VERSION = ['2024-05-19', '2017-12-12', '', '../', '%00', '2024-05-18x', '2024-05-18,2024-05-18'];

function formText(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

function dataworksCases(op: DataWorksOp): fc.Arbitrary<Wire> {
  const wire = (label: string, fields: [string, string][], extra: Partial<Wire> = {}): Wire => {
    const w: Wire = {
      label,
      method: op.method,
      path: '/',
      query: [],
      headers: { 'x-acs-action': op.operation, 'x-acs-version': '2024-05-18' },
      action: op.operation,
    };
    if (op.in === 'query') w.query = fields;
    else if (fields.length > 0) {
      w.body = formText(fields);
      w.headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    return { ...w, ...extra, headers: { ...w.headers, ...extra.headers } };
  };
  const valid = Object.entries(op.params);
  const extras = fc.option(
    fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).map((k) => `X${k}`),
      fc.string({ maxLength: 20 }),
      { maxKeys: 3 },
    ),
    { nil: undefined },
  );
  const options: fc.Arbitrary<Wire>[] = [];
  const all = Object.entries(op.inputs);
  const inputs = damageable(op.inputs);
  if (inputs.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...inputs), fc.integer({ min: 1, max: 3 }), extras)
        .chain(([[name, input], copies, extra]) =>
          fc.array(badInput(input, op.in === 'query'), { minLength: copies, maxLength: copies }).map((values) => {
            const fields = valid.filter(([k]) => k !== name);
            fields.push(...Object.entries(extra ?? {}), ...values.map((v): [string, string] => [name, v]));
            return wire(`${name}=${values.map((v) => JSON.stringify(v.slice(0, 40))).join('&')}`, fields);
          }),
        ),
    );
    const ints = inputs.filter(([, i]) => i.kind === 'int');
    if (ints.length > 0) {
      options.push(
        fc.tuple(fc.constantFrom(...ints), fc.constantFrom(...BAD_UTF8_FORM)).map(([[name], bad]) => {
          const rest = formText(valid.filter(([k]) => k !== name));
          const head = `${rest}${rest === '' ? '' : '&'}${name}=1`;
          const label = `${name}=1 then invalid UTF-8 ${bad}`;
          if (op.in === 'query') return { ...wire(label, []), path: `/?${head}${bad}` };
          return wire(label, [], {
            body: Buffer.concat([Buffer.from(head), rawBytes(bad)]),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
        }),
      );
    }
  }
  const required = all.filter(([, i]) => i.required);
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map(([name]) =>
        wire(
          `${name} missing`,
          valid.filter(([k]) => k !== name),
        ),
      ),
    );
    if (op.in === 'body') {
      options.push(
        wrongContentType
          .filter((t) => t !== '' && !t.includes('form'))
          .map((type) =>
            wire(`form body as '${type}'`, [], {
              body: formText(valid),
              headers: { 'content-type': type },
            }),
          ),
      );
    }
  }
  options.push(
    fc
      .constantFrom(...BAD_VERSION)
      .map((version) =>
        wire(`x-acs-version ${JSON.stringify(version)}`, valid, { headers: { 'x-acs-version': version } }),
      ),
  );
  return fc.oneof(...options);
}

/** `%FF%80` → the bytes ff 80. */
function rawBytes(percent: string): Buffer {
  return Buffer.from(
    percent
      .split('%')
      .filter(Boolean)
      .map((h) => Number.parseInt(h, 16)),
  );
}

/** A short text of a damaged request (fast-check prints it for a counterexample, with the seed). */
export function describeWire(w: Wire): string {
  const q = w.query
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
    .slice(0, 200);
  const body = w.body === undefined ? '' : ` body ${JSON.stringify(w.body.toString().slice(0, 200))}`;
  return `${w.method} ${w.path.slice(0, 200)}${q === '' ? '' : `?${q}`} [${w.label}]${body}`;
}

export function damagedRequests(op: HttpOp): fc.Arbitrary<Wire> {
  return (op.family === 'huawei' ? huaweiCases(op) : dataworksCases(op)).map((w) =>
    Object.assign(w, { [fc.toStringMethod]: () => describeWire(w) }),
  );
}
