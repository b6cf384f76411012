/** Sends a damaged request to the mock's HTTP server and checks the answer's envelope. */
import { Client } from 'undici';
import type { Mock, ServiceName } from '../../src/mock/index.js';
import { signAcs3Request } from '../../src/signing/acs3.js';
import type { Wire } from './requests.js';

/** Longest a damaged request may take to be answered. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface Answer {
  status: number;
  text: string;
  body: unknown;
}

export function httpClient(url: string): Client {
  return new Client(url, { headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS, pipelining: 1 });
}

export function fullPath(w: Wire): string {
  const q = w.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return q === '' ? w.path : `${w.path}?${q}`;
}

export async function send(client: Client, origin: string, mock: Mock, w: Wire): Promise<Answer> {
  const path = fullPath(w);
  const headers: Record<string, string> = { ...w.headers };
  if (w.action !== undefined) {
    const signed = signAcs3Request({
      method: w.method,
      url: new URL(path, origin),
      headers,
      ...(w.body !== undefined ? { body: w.body } : {}),
      accessKeyId: mock.defaults.ak,
      accessKeySecret: mock.defaults.sk,
      date: new Date(mock.clock.now()),
    });
    Object.assign(headers, signed.headers);
  } else if (!('x-auth-token' in headers) && !path.startsWith('/v3/auth/')) {
    headers['x-auth-token'] = mock.defaults.token;
  }
  const res = await client.request({
    method: w.method as 'GET',
    path,
    headers,
    ...(w.body !== undefined ? { body: w.body } : {}),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.body.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, text, body };
}

const isText = (v: unknown) => typeof v === 'string' && v !== '';

/** Why the answer is not an error in the service's (or its gateway's) envelope, or undefined. */
export function envelopeProblem(service: ServiceName, body: unknown): string | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  const huawei = isText(b.error_code) && typeof b.error_msg === 'string';
  switch (service) {
    case 'dsc':
    case 'dataarts':
      return huawei ? undefined : 'expected {error_code, error_msg}';
    case 'iam': {
      const e = (b.error ?? {}) as Record<string, unknown>;
      return huawei || (typeof e.code === 'number' && typeof e.message === 'string')
        ? undefined
        : 'expected {error:{code,message}} or {error_code, error_msg}';
    }
    case 'dataworks':
      return isText(b.RequestId) && isText(b.Code) && typeof b.Message === 'string'
        ? undefined
        : 'expected {RequestId, Code, Message}';
  }
}
