/**
 * The API gateways in front of the mocked services: Huawei Cloud's APIG (every Huawei service) and Alibaba Cloud's
 * OpenAPI gateway (one per product). A service names its gateway in its definition; the engine asks it for request
 * ids, route misses, oversized bodies and authentication failures, and never names a vendor itself.
 */
import type { MockApiAnswer, MockGateway, MockIds, MockRequest, MockResponse, MockService } from './types.js';

const APIG_ROUTE_MISS: MockApiAnswer = {
  status: 404,
  code: 'APIGW.0101',
  message: 'The API does not exist or has not been published in the environment.',
};

/** Huawei Cloud APIG: `X-Request-Id` of 32 lowercase hex, envelope `{error_code, error_msg, request_id}`. */
export const huaweiGateway: MockGateway = {
  requestIdHeader: 'x-request-id',
  newRequestId: (ids: MockIds) => ids.hex(32),
  errorResponse: (status, code, message, req) => ({
    status,
    body: { error_code: code, error_msg: message, request_id: req.requestId },
  }),
  ownsCode: (code) => code.startsWith('APIGW.'),
  routeMiss: APIG_ROUTE_MISS,
  tooLarge: { status: 413, code: 'APIGW.0201', message: 'Request entity too large: the body exceeds 12 MB.' },
};

/**
 * The Alibaba Cloud OpenAPI gateway of one product: `x-acs-request-id` of an uppercase UUID (also the body's
 * `RequestId`), envelope `{RequestId, HostId, Code, Message, Recommend}`; 429 answers carry `x-acs-retry-after`
 * (ms). Every code is rendered the same way, so the gateway owns none.
 */
export function acsGateway(product: string): MockGateway {
  const errorResponse = (status: number, code: string, message: string, req: MockRequest): MockResponse => {
    const res: MockResponse = {
      status,
      body: {
        RequestId: req.requestId,
        HostId: req.headers.get('host') ?? req.url.host,
        Code: code,
        Message: message,
        Recommend: `https://api.alibabacloud.com/troubleshoot?q=${encodeURIComponent(code)}&product=${product}&requestId=${req.requestId}`,
      },
    };
    if (status === 429) res.headers = { 'x-acs-retry-after': '1000' };
    return res;
  };
  return {
    requestIdHeader: 'x-acs-request-id',
    newRequestId: (ids: MockIds) => ids.uuid(true),
    errorResponse,
    ownsCode: () => false,
    routeMiss: { status: 404, code: 'InvalidAction.NotFound', message: 'Specified api is not found.' },
    tooLarge: { status: 413, code: 'RequestEntityTooLarge', message: 'The request body exceeds 12 MB.' },
  };
}

/** Default code of an injected Huawei fault: the gateway's throttling code for 429, else `MOCK.FAULT`. */
export function huaweiFaultCode(status: number): string {
  return status === 429 ? 'APIGW.0308' : 'MOCK.FAULT';
}

/** An error answer of (or in front of) `service`: in its gateway's envelope when the gateway owns the code. */
export function renderError(service: MockService, answer: MockApiAnswer, req: MockRequest): MockResponse {
  const envelope = service.gateway.ownsCode(answer.code) ? service.gateway : service;
  return envelope.errorResponse(answer.status, answer.code, answer.message, req);
}
