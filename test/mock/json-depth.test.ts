/**
 * The JSON nesting limit: readJson refuses text nested deeper than 64 levels (control bodies 128) before parsing it,
 * so no body can overflow the stack or store a value too deep to list or snapshot; over HTTP a service answers it
 * 400 in its own envelope and its state is unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_CONTROL_JSON_DEPTH,
  MAX_JSON_DEPTH,
  nestedDeeperThan,
  readControlBody,
  readJson,
} from '../../src/mock/body.js';
import { ControlError } from '../../src/mock/errors.js';
import { createMock, type Mock, type MockServer, startMockServer } from '../../src/mock/index.js';
import { signAcs3Request } from '../../src/signing/acs3.js';

/** The snapshot but its id generator, which every request advances to draw its request id. */
const stateOf = (mock: Mock): string => {
  const { ids: _ids, ...rest } = mock.snapshot();
  return JSON.stringify(rest);
};

const nest = (depth: number, inner = '1'): string => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('readJson nesting limit', () => {
  it('reads 64 levels and refuses 65, as the stated problem', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(readJson(nest(64))).toMatchObject({ ok: true });
    expect(readJson(nest(65))).toEqual({ ok: false, problem: 'JSON nested deeper than 64 levels' });
    expect(readJson(`{"a":${nest(63)}}`)).toMatchObject({ ok: true });
    expect(readJson(`{"a":${nest(64)}}`)).toEqual({ ok: false, problem: 'JSON nested deeper than 64 levels' });
  });

  it('refuses 100,000 levels of arrays or objects without overflowing the stack', () => {
    expect(readJson(nest(100_000)).ok).toBe(false);
    expect(readJson(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`).ok).toBe(false);
    expect(readJson('['.repeat(100_000)).ok).toBe(false); // unclosed, still refused for its depth
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '['.repeat(1_000), t: `\\"${'{'.repeat(1_000)}`, u: '\\' });
    expect(readJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(nestedDeeperThan(`["\\"[",${nest(62)}]`, 64)).toBe(false);
    expect(nestedDeeperThan(`["\\\\",${nest(64)}]`, 64)).toBe(true);
  });

  it('keeps blank and malformed bodies as before', () => {
    expect(readJson('  ')).toEqual({ ok: true, value: undefined });
    expect(readJson('{not json')).toEqual({ ok: false, problem: 'malformed JSON' });
    expect(readJson(nest(10).slice(1))).toEqual({ ok: false, problem: 'malformed JSON' });
  });

  it('gives control bodies 128 levels, so a snapshot of a 64-deep stored value still restores', () => {
    expect(MAX_CONTROL_JSON_DEPTH).toBe(128);
    expect(readControlBody(`{"a":${nest(127)}}`)).toEqual({ a: JSON.parse(nest(127)) });
    expect(() => readControlBody(`{"a":${nest(128)}}`)).toThrow(
      new ControlError('body: JSON nested deeper than 128 levels'),
    );
  });
});

describe('services refuse deeply nested JSON over HTTP (400, state unchanged)', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('DataArts create with a task_config 100,000 levels deep', async () => {
    const mock = createMock({ seed: 3, clock: 'manual', settings: { defaultWorkspaces: ['ws1'] } });
    server = await startMockServer({ mock, port: 0 });
    const { projectId, token } = mock.defaults;
    const headers = { 'x-auth-token': token, workspace: 'ws1', 'content-type': 'application/json' };
    const tasks = `${server.url}/v3/${projectId}/metadata/tasks`;
    const body = (extra: string) =>
      `{"name":"deep","dir_id":"0","data_source_type":"DLI","schedule_config":{"schedule_type":"RUN_ONCE"},` +
      `"task_config":{"data_connection_id":"c1","databaseName":["db"],"extra":${extra}}}`;

    const before = stateOf(mock);
    const deep = await fetch(`${tasks}/create`, { method: 'POST', headers, body: body(nest(100_000)) });
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ error_code: expect.any(String), error_msg: expect.any(String) });
    expect(stateOf(mock)).toBe(before);

    // At the limit (64 levels in all: body, task_config, extra and 61 arrays) it is accepted, and the state stays
    // listable, searchable and snapshotable.
    const atLimit = await fetch(`${tasks}/create`, { method: 'POST', headers, body: body(nest(61)) });
    expect(atLimit.status).toBe(200);
    const search = await fetch(`${tasks}/search`, { method: 'POST', headers, body: '{"limit":10,"offset":0}' });
    expect(search.status).toBe(200);
    expect(JSON.stringify(await search.json())).toContain('"deep"');
    expect(() => mock.restore(mock.snapshot())).not.toThrow();
    const restored = await fetch(`${server.url}/__mock/snapshot`, {
      method: 'POST',
      body: JSON.stringify(mock.snapshot()),
    });
    expect(restored.status).toBe(200);
    expect(mock.errors).toEqual([]);
  });

  it('DataWorks CreateDataSource with ConnectionProperties 100,000 levels deep', async () => {
    const mock = createMock({ seed: 3, clock: 'manual' });
    server = await startMockServer({ mock, port: 0 });
    const props = `{"envType":"Prod","address":[{"host":"10.0.0.5","port":3306}],"database":"shop","username":"u","password":"p","extra":${nest(100_000)}}`;
    const form = new URLSearchParams({
      ProjectId: '10001',
      Name: 'deep_db',
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: props,
    }).toString();
    const url = new URL('/', server.url);
    const signed = signAcs3Request({
      method: 'POST',
      url,
      headers: {
        'x-acs-action': 'CreateDataSource',
        'x-acs-version': '2024-05-18',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
      accessKeyId: mock.defaults.ak,
      accessKeySecret: mock.defaults.sk,
      date: new Date(mock.clock.now()),
    });
    const headers: Record<string, string> = {
      'x-acs-action': 'CreateDataSource',
      'x-acs-version': '2024-05-18',
      'content-type': 'application/x-www-form-urlencoded',
      ...signed.headers,
    };
    delete headers.host; // fetch sets it from the URL
    const before = stateOf(mock);
    const res = await fetch(url, { method: 'POST', headers, body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: expect.any(String), Message: expect.any(String) });
    expect(stateOf(mock)).toBe(before);
    expect(mock.errors).toEqual([]);
  });
});
