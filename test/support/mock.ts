/**
 * Helpers for tests that talk to the mock engine in-process: build a request, authenticate it with the default
 * token or a Huawei AK/SK signature, send it through `mock.handle()` and return the parsed answer.
 */

import type { Mock } from '../../src/mock/index.js';
import { signAcs3Request } from '../../src/signing/acs3.js';
import { formatSdkDate, signHuaweiRequest } from '../../src/signing/huawei.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely typed JSON bodies
type LooseJson = any;

/** Copies Fetch headers into a plain record (lowercase names). */
export function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

export interface MockCallResult<T = LooseJson> {
  status: number;
  headers: Headers;
  /** Parsed JSON body, the raw text when not JSON, or undefined when empty. */
  body: T;
  text: string;
  requestId: string | null;
}

export interface HuaweiRequestOptions {
  method?: string;
  /** Path with query, e.g. `/v1/${projectId}/metadata/task-templates?page_size=10`. */
  path: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** 'token' (default): X-Auth-Token; 'aksk': SDK-HMAC-SHA256 with the default (or given) key; 'none'. */
  auth?: 'token' | 'aksk' | 'none';
  token?: string;
  ak?: string;
  sk?: string;
  securityToken?: string;
  /** Sent (and signed) as X-Project-Id with AK/SK. */
  projectId?: string;
  headers?: Record<string, string>;
  /** Origin the request is addressed to; default `https://sdg.<region>.myhuaweicloud.com`. */
  origin?: string;
  /** Signing time for AK/SK; default the mock clock. */
  date?: Date;
}

export async function readResult<T = LooseJson>(response: Response): Promise<MockCallResult<T>> {
  const text = await response.text();
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    body: body as T,
    text,
    requestId: response.headers.get('x-request-id') ?? response.headers.get('x-acs-request-id'),
  };
}

/** Builds the Fetch request `huaweiRequest` would send (useful for tampering tests). */
export function buildHuaweiRequest(mock: Mock, options: HuaweiRequestOptions): Request {
  const method = (options.method ?? 'GET').toUpperCase();
  const origin = options.origin ?? `https://sdg.${mock.defaults.region}.myhuaweicloud.com`;
  const url = new URL(options.path, origin);
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const auth = options.auth ?? 'token';
  if (auth === 'token') headers['x-auth-token'] = options.token ?? mock.defaults.token;
  if (auth === 'aksk') {
    headers.host = url.host;
    if (options.projectId !== undefined) headers['x-project-id'] = options.projectId;
    if (options.securityToken !== undefined) headers['x-security-token'] = options.securityToken;
    const date = options.date ?? new Date(mock.clock.now());
    headers['x-sdk-date'] = formatSdkDate(date);
    const signed = signHuaweiRequest({
      method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      ak: options.ak ?? mock.defaults.ak,
      sk: options.sk ?? mock.defaults.sk,
      date,
    });
    headers.authorization = signed.authorization;
  }
  return new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

/** Sends a Huawei-style request through `mock.handle()` and parses the answer. */
export async function huaweiRequest<T = LooseJson>(
  mock: Mock,
  options: HuaweiRequestOptions,
): Promise<MockCallResult<T>> {
  return readResult<T>(await mock.handle(buildHuaweiRequest(mock, options)));
}

/** Calls a control route (`/__mock/...`) in-process. */
export async function controlRequest<T = LooseJson>(
  mock: Mock,
  method: string,
  path: string,
  body?: unknown,
): Promise<MockCallResult<T>> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return readResult<T>(await mock.handle(new Request(new URL(path, 'http://mock.local'), init)));
}

/** Gets a project-scoped token from the mock's IAM with the default user's password. */
export async function iamToken(mock: Mock, projectName = mock.defaults.region): Promise<string> {
  const res = await mock.handle(
    new Request(`https://iam.myhuaweicloud.com/v3/auth/tokens?nocatalog=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf8' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: mock.defaults.userName,
                password: mock.defaults.password,
                domain: { name: mock.defaults.domainName },
              },
            },
          },
          scope: { project: { name: projectName } },
        },
      }),
    }),
  );
  const token = res.headers.get('x-subject-token');
  if (res.status !== 201 || token === null) throw new Error(`IAM token request failed with ${res.status}`);
  return token;
}

export interface DataWorksRequestOptions {
  action: string;
  /** Form fields (POST body) — or query parameters when `method` is GET. */
  params?: Record<string, string | number | boolean>;
  method?: 'GET' | 'POST';
  /** 'acs3' (default): signed with the default (or given) key; 'none': unsigned. */
  auth?: 'acs3' | 'none';
  ak?: string;
  sk?: string;
  securityToken?: string;
  version?: string;
  /** Default `https://dataworks.cn-shanghai.aliyuncs.com`. */
  origin?: string;
  /** Signing time; default the mock clock. */
  date?: Date;
}

/** Sends a DataWorks RPC request (ACS3-signed) through `mock.handle()` and parses the answer. */
export async function dataworksRequest<T = LooseJson>(
  mock: Mock,
  options: DataWorksRequestOptions,
): Promise<MockCallResult<T>> {
  const method = options.method ?? 'POST';
  const url = new URL('/', options.origin ?? 'https://dataworks.cn-shanghai.aliyuncs.com');
  const fields = new URLSearchParams();
  for (const [k, v] of Object.entries(options.params ?? {})) fields.set(k, String(v));
  let body: string | undefined;
  if (method === 'GET') url.search = fields.toString();
  else if ([...fields.keys()].length > 0) body = fields.toString();
  const headers: Record<string, string> = {
    'x-acs-action': options.action,
    'x-acs-version': options.version ?? '2024-05-18',
  };
  if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  if ((options.auth ?? 'acs3') === 'acs3') {
    const signed = signAcs3Request({
      method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      accessKeyId: options.ak ?? mock.defaults.ak,
      accessKeySecret: options.sk ?? mock.defaults.sk,
      date: options.date ?? new Date(mock.clock.now()),
      ...(options.securityToken !== undefined ? { securityToken: options.securityToken } : {}),
    });
    Object.assign(headers, signed.headers);
  }
  return readResult<T>(
    await mock.handle(new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) })),
  );
}
