/**
 * Debugging aids: the warning for an unknown METACOLLECT_LOG value, the host in debug lines, and the caller's frames
 * on the errors of a client at log level debug.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCallSite, withCallSite } from '../../src/core/call-site.js';
import { DataWorksClient, DscClient, isConnectionError, NotFoundError, ValidationError } from '../../src/index.js';
import { json, PROJECT, startServer, type TestServer, TOKEN, tokenProvider } from './helpers.js';

const AK = 'LTAI5tDebugLinesAccessKey';
const SK = 'debug-lines-secret-key-value-0123456789';

function collectingLogger() {
  const lines: { level: string; text: string }[] = [];
  const at =
    (level: string) =>
    (m: string, ...args: unknown[]) =>
      lines.push({ level, text: [m, ...args.map(String)].join(' ') });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

// First in this file: the warning is given once per process (module), so no test before it may set it off.
describe('an unknown METACOLLECT_LOG value', () => {
  it('warns once per process, naming the accepted values, and falls back to warn', async () => {
    const a = collectingLogger();
    const b = collectingLogger();
    const c1 = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger: a.logger,
      env: { METACOLLECT_LOG: 'verbose' },
    });
    const c2 = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger: b.logger,
      env: { METACOLLECT_LOG: 'loud' },
    });
    server.handle((_r, res) => json(res, 200, { total_num: 0, result: [] }));
    await c1.listScanTasks();
    expect(a.lines).toEqual([
      {
        level: 'warn',
        text: '[metacollect] METACOLLECT_LOG="verbose" is not a log level (use one of debug, info, warn, error, off); using warn',
      },
    ]);
    // The level is warn: no debug line for the call above; the second client does not warn again.
    expect(b.lines).toEqual([]);
    expect(c1.toJSON().logLevel).toBe('warn');
    expect(c2.toJSON().logLevel).toBe('warn');
    await c1.close();
    await c2.close();
  });

  it('an explicit logLevel, an empty value or a known value in any case is no cause for a warning', () => {
    const w = collectingLogger();
    for (const env of [{ METACOLLECT_LOG: '' }, { METACOLLECT_LOG: ' DEBUG ' }]) {
      new DscClient({ endpoint: server.url, projectId: PROJECT, auth: tokenProvider(), logger: w.logger, env });
    }
    const c = new DscClient({
      endpoint: server.url,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger: w.logger,
      logLevel: 'info',
      env: { METACOLLECT_LOG: 'nope' },
    });
    expect(c.toJSON().logLevel).toBe('info');
    expect(w.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });
});

describe('debug lines', () => {
  it('show the service host of the region and the path, and no credential', async () => {
    const { lines, logger } = collectingLogger();
    const fetch = async () =>
      new Response('{"total_num":0,"result":[]}', {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
      });
    const c = new DscClient({
      region: 'cn-north-4',
      projectId: PROJECT,
      auth: { token: TOKEN },
      fetch,
      logger,
      logLevel: 'debug',
      env: {},
    });
    await c.listScanTasks({ limit: 5 });
    const debug = lines.filter((l) => l.level === 'debug').map((l) => l.text);
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatch(
      new RegExp(
        `^\\[metacollect\\] GET https://sdg\\.cn-north-4\\.myhuaweicloud\\.com/v1/${PROJECT}/metadata/task-templates\\?limit=5 → 200 in \\d+ ms \\(attempt 1, request id req-1\\)$`,
      ),
    );
    expect(debug[0]).not.toContain(TOKEN);
    await c.close();
  });

  it('DataWorks: the host and the action only; the signed query stays hidden', async () => {
    const { lines, logger } = collectingLogger();
    const sent: string[] = [];
    const fetch = async (input: string | URL | Request) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return new Response('{"RequestId":"r-1","Code":"DataSource.NotFound","Message":"no such data source"}', {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    };
    const c = new DataWorksClient({
      regionId: 'cn-hangzhou',
      auth: { accessKeyId: AK, accessKeySecret: SK },
      fetch,
      logger,
      logLevel: 'debug',
      maxRetries: 0,
      env: {},
    });
    await expect(c.getDataSource(7)).rejects.toBeInstanceOf(NotFoundError);
    const debug = lines.filter((l) => l.level === 'debug').map((l) => l.text);
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatch(
      /^\[metacollect\] GET https:\/\/dataworks\.cn-hangzhou\.aliyuncs\.com\/\?Action=GetDataSource → 404 in \d+ ms \(attempt 1\)/,
    );
    // The request really carried more than the line shows.
    expect(sent[0]).toMatch(/^https:\/\/dataworks\.cn-hangzhou\.aliyuncs\.com\/\?.*Id=7/);
    expect(debug[0]).not.toContain('Id=7');
    for (const line of debug) {
      expect(line).not.toContain(AK);
      expect(line).not.toContain(SK);
      expect(line).not.toContain('Signature');
    }
    await c.close();
  });

  it('an endpoint shows its origin; a user name and password in it never appear', async () => {
    const { lines, logger } = collectingLogger();
    server.handle((_r, res) => json(res, 200, { total_num: 0, result: [] }));
    const withUser = server.url.replace('http://', 'http://someone:hunter2@');
    const c = new DscClient({
      endpoint: withUser,
      projectId: PROJECT,
      auth: tokenProvider(),
      logger,
      logLevel: 'debug',
      env: {},
    });
    await c.listScanTasks();
    const debug = lines.filter((l) => l.level === 'debug').map((l) => l.text);
    expect(debug[0]).toContain(`GET ${server.url}/v1/${PROJECT}/metadata/task-templates → 200`);
    expect(debug.join('\n')).not.toContain('hunter2');
    await c.close();
  });
});

describe("the caller's frames on errors", () => {
  const refused = async () => {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
  };
  const client = (logLevel: 'debug' | 'warn', fetch: typeof refused = refused) =>
    new DscClient({
      endpoint: 'http://127.0.0.1:1',
      projectId: PROJECT,
      auth: tokenProvider(),
      fetch,
      logLevel,
      logger: collectingLogger().logger,
      maxRetries: 0,
      env: {},
    });

  // A named function: its frame is what the stack must show.
  async function listFromTheCallSite(c: DscClient): Promise<unknown> {
    return c.listScanTasks().then(
      () => undefined,
      (e: unknown) => e,
    );
  }

  it('at log level debug a network error carries the call site below its own frames', async () => {
    const c = client('debug');
    const error = (await listFromTheCallSite(c)) as Error;
    expect(isConnectionError(error)).toBe(true);
    const stack = error.stack ?? '';
    expect(stack.split('\n')[0]).toContain(error.message);
    expect(stack).toMatch(/\n {4}at (?:async )?DscClient\.listScanTasks /);
    expect(stack).toMatch(/\n {4}at (?:async )?listFromTheCallSite .*logging-debug\.test\.ts:\d+:\d+/);
    // Recorded at the call, not where the error was made: the frame is below the library's frames.
    expect(stack.indexOf('listFromTheCallSite')).toBeGreaterThan(stack.indexOf('\n    at '));
    await c.close();
  });

  it('an API error (HTTP 404) at log level debug carries it too', async () => {
    const notFound = async () =>
      new Response('{"error_code":"DSC.404","error_msg":"nothing here"}', {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    const c = client('debug', notFound as unknown as typeof refused);
    const error = (await listFromTheCallSite(c)) as Error;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.stack).toContain('listFromTheCallSite');
    await c.close();
  });

  it('an error that already shows the call site gets no copy of it (validation, before any I/O)', async () => {
    const c = client('debug');
    const error = (await c.createScanTask({ task_name: '' } as never).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(ValidationError);
    const lines = (error.stack ?? '').split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    await c.close();
  });

  // An awaiting caller, as most code is written.
  async function awaitFromTheCallSite(c: DscClient): Promise<unknown> {
    try {
      await c.listScanTasks();
      return undefined;
    } catch (e) {
      return e;
    }
  }

  it('at the default level a network error carries the awaiting caller, recorded only when the call fails', async () => {
    // The undici transport: its errors are made in socket callbacks, outside the caller's chain of awaits.
    const c = new DscClient({
      endpoint: 'http://127.0.0.1:1',
      projectId: PROJECT,
      auth: tokenProvider(),
      logLevel: 'warn',
      logger: collectingLogger().logger,
      maxRetries: 0,
      env: {},
    });
    const error = (await awaitFromTheCallSite(c)) as Error;
    expect(isConnectionError(error)).toBe(true);
    const stack = error.stack ?? '';
    expect(stack.split('\n')[0]).toContain(error.message);
    expect(stack).toMatch(/\n {4}at (?:async )?awaitFromTheCallSite .*logging-debug\.test\.ts:\d+:\d+/);
    expect(stack.indexOf('awaitFromTheCallSite')).toBeGreaterThan(stack.indexOf('\n    at '));
    const lines = stack.split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    await c.close();
  });

  it('below debug nothing is recorded when the call starts: a caller that chains .then is not shown', async () => {
    const c = client('warn');
    const error = (await listFromTheCallSite(c)) as Error;
    expect(isConnectionError(error)).toBe(true);
    expect(error.stack).not.toContain('listFromTheCallSite');
    await c.close();
  });

  it('nothing is recorded while stack traces are off (Error.stackTraceLimit 0)', async () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      expect(captureCallSite(collectingLogger).stack).toBeUndefined();
      const c = client('debug');
      const error = (await listFromTheCallSite(c)) as Error;
      expect(isConnectionError(error)).toBe(true);
      expect(Error.stackTraceLimit).toBe(0);
      await c.close();
    } finally {
      Error.stackTraceLimit = limit;
    }
  });

  it('withCallSite appends once, and leaves non-errors alone', () => {
    function site() {
      return captureCallSite(site);
    }
    // The frames start at the caller of `site` (it and the frames above it are left out).
    function outerCaller() {
      return site();
    }
    const recorded = outerCaller();
    expect(recorded.stack).not.toMatch(/\n {4}at site /);
    const error = new Error('x');
    const once = withCallSite(error, recorded) as Error;
    expect(once).toBe(error);
    const after = once.stack;
    expect(after?.match(/\n {4}at outerCaller /g)).toHaveLength(1);
    expect((withCallSite(error, recorded) as Error).stack).toBe(after);
    expect(withCallSite('plain', recorded)).toBe('plain');
  });
});
