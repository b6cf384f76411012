import { describe, expect, it } from 'vitest';
import { acsGateway } from '../../../src/mock/gateways.js';
import { createMock, type MockServiceFactory } from '../../../src/mock/index.js';
import { signAcs3Request } from '../../../src/signing/acs3.js';
import { dataworksRequest, readResult } from '../../support/mock.js';
import { skipFakeExchangesInConformance } from './fake.js';

skipFakeExchangesInConformance();

/** A fake DataWorks-style service: RPC routes on `/` selected by action. */
const fakeDataWorks: MockServiceFactory = () => ({
  name: 'dataworks',
  protocol: {
    style: 'rpc',
    version: '2024-05-18',
    actionOf: (headers, query) => headers.get('x-acs-action') ?? query.get('Action'),
    versionOf: (headers, query) => headers.get('x-acs-version') ?? query.get('Version'),
    unknownAction: (action) => ({
      status: 404,
      code: 'InvalidAction.NotFound',
      message: `Specified api ${action} is not found.`,
    }),
  },
  gateway: acsGateway('dataworks-public'),
  defaultFaultCode: () => 'MockFault',
  routes: [
    {
      operation: 'FakeEcho',
      method: 'POST',
      path: '/',
      auth: 'acs3',
      handler: (req) => ({
        status: 200,
        body: { RequestId: req.requestId, Success: true, Body: req.rawBody, Identity: req.identity },
      }),
    },
    {
      operation: 'FakeGet',
      method: 'GET',
      path: '/',
      auth: 'acs3',
      handler: (req) => ({ status: 200, body: { RequestId: req.requestId, Success: true } }),
    },
  ],
  controlRoutes: [],
  errorResponse: (status, code, message, req) => ({
    status,
    body: { RequestId: req.requestId, HostId: req.url.host, Code: code, Message: message, Recommend: '' },
  }),
  nextDueAt: () => undefined,
  runDue: () => {},
  snapshot: () => ({}),
  restore: () => {},
  reset: () => {},
});

function setup() {
  const mock = createMock({ seed: 21, services: [fakeDataWorks] });
  const send = async (
    options: {
      action?: string;
      version?: string;
      body?: string;
      ak?: string;
      sk?: string;
      securityToken?: string;
      date?: Date;
      nonce?: string;
      tamper?: (h: Record<string, string>) => void;
      bodySent?: string;
    } = {},
  ) => {
    const url = new URL('https://dataworks.cn-shanghai.aliyuncs.com/');
    const body = options.body ?? 'Id=50001';
    const headers: Record<string, string> = {
      'x-acs-action': options.action ?? 'FakeEcho',
      'x-acs-version': options.version ?? '2024-05-18',
      'content-type': 'application/x-www-form-urlencoded',
    };
    const signed = signAcs3Request({
      method: 'POST',
      url,
      headers,
      body,
      accessKeyId: options.ak ?? mock.defaults.ak,
      accessKeySecret: options.sk ?? mock.defaults.sk,
      date: options.date ?? new Date(mock.clock.now()),
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
      ...(options.securityToken !== undefined ? { securityToken: options.securityToken } : {}),
    });
    const all = { ...headers, ...signed.headers };
    options.tamper?.(all);
    return readResult(
      await mock.handle(new Request(url, { method: 'POST', headers: all, body: options.bodySent ?? body })),
    );
  };
  return { mock, send };
}

describe('ACS3 gateway auth (DataWorks family)', () => {
  it('routes by action, verifies the signature and sets x-acs-request-id = RequestId', async () => {
    const { mock, send } = setup();
    const r = await send();
    expect(r.status).toBe(200);
    expect(r.body.Body).toBe('Id=50001');
    expect(r.body.Identity).toMatchObject({ via: 'acs3', userId: mock.defaults.userId });
    expect(r.headers.get('x-acs-request-id')).toBe(r.body.RequestId);
    expect(r.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(r.headers.get('x-request-id')).toBeNull();
    // the shared helper signs the same way (GET: parameters in the query)
    const viaHelper = await dataworksRequest(mock, { action: 'FakeGet', method: 'GET', params: { PageSize: 10 } });
    expect(viaHelper.status).toBe(200);
    const posted = await dataworksRequest(mock, { action: 'FakeEcho', params: { Id: 1, Name: 'a b' } });
    expect(posted.body.Body).toBe('Id=1&Name=a+b');
    const unsigned = await dataworksRequest(mock, { action: 'FakeEcho', auth: 'none' });
    expect(unsigned.body.Code).toBe('IncompleteSignature');
  });

  it('answers an unknown action or version 404 InvalidAction.NotFound in the service envelope', async () => {
    const { send } = setup();
    const action = await send({ action: 'Nope' });
    const version = await send({ version: '2020-01-01' });
    for (const r of [action, version]) {
      expect(r.status).toBe(404);
      expect(r.body.Code).toBe('InvalidAction.NotFound');
      expect(r.headers.get('x-acs-request-id')).toBe(r.body.RequestId);
    }
  });

  it('maps every failure to its documented code', async () => {
    const { mock, send } = setup();
    const tmp = mock.addAccessKey({ temporary: true });
    const cases: [Promise<Awaited<ReturnType<typeof send>>>, number, string][] = [
      [send({ ak: 'LTAInope' }), 404, 'InvalidAccessKeyId.NotFound'],
      [send({ sk: 'wrong' }), 400, 'SignatureDoesNotMatch'],
      [send({ bodySent: 'Id=50002' }), 400, 'SignatureDoesNotMatch'],
      [send({ date: new Date(mock.clock.now() - 16 * 60_000) }), 400, 'InvalidTimeStamp.Expired'],
      [send({ tamper: (h) => delete h.authorization }), 400, 'IncompleteSignature'],
      [
        send({
          tamper: (h) => (h.authorization = h.authorization!.replace(/SignedHeaders=[^,]*/, 'SignedHeaders=host')),
        }),
        400,
        'IncompleteSignature',
      ],
      [send({ ak: tmp.ak, sk: tmp.sk }), 400, 'InvalidSecurityToken.Mismatch'],
      [send({ ak: tmp.ak, sk: tmp.sk, securityToken: 'wrong' }), 400, 'InvalidSecurityToken.Mismatch'],
    ];
    for (const [pending, status, code] of cases) {
      const r = await pending;
      expect([r.status, r.body.Code]).toEqual([status, code]);
      expect(r.text).not.toContain(mock.defaults.sk);
    }
    const sts = await send({ ak: tmp.ak, sk: tmp.sk, securityToken: tmp.securityToken! });
    expect(sts.status).toBe(200);
  });

  it('refuses a replayed nonce within 15 minutes', async () => {
    const { send } = setup();
    expect((await send({ nonce: 'n-1' })).status).toBe(200);
    const replay = await send({ nonce: 'n-1' });
    expect(replay.status).toBe(400);
    expect(replay.body.Code).toBe('SignatureNonceUsed');
    expect((await send({ nonce: 'n-2' })).status).toBe(200);
  });
});
