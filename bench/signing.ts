/**
 * Section 2: signing speed. Signatures per second of our SDK-HMAC-SHA256 and ACS3 signers against the official Huawei
 * Node core's AKSKSigner and @alicloud/openapi-core's ACS3 code, on the same requests.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { signAcs3Request } from '../src/signing/acs3.js';
import { signHuaweiRequest } from '../src/signing/huawei.js';
import { opsPerSecond } from './lib.js';

const require = createRequire(import.meta.url);

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const HW_HOST = 'dayu.cn-north-4.myhuaweicloud.com';
const HW_PATH = '/v3/0123456789abcdef0123456789abcdef/metadata/tasks/search';
const HW_BODY = JSON.stringify({ name: 'orders', data_source_type: 'DLI', limit: 100, offset: 0 });
const HW_HEADERS = {
  'content-type': 'application/json',
  workspace: '00000000000000000000000000000001',
  'x-project-id': '0123456789abcdef0123456789abcdef',
};
const ALI_BODY = new URLSearchParams({
  Name: 'orders-crawler',
  DataSourceId: '1001',
  Type: 'mysql',
  ScheduleConfig: JSON.stringify({ Type: 'NORMAL', CronExpress: '0 0 2 ? * *' }),
}).toString();

export interface SigningRow {
  signer: string;
  opsPerSecond: number;
  /** Our rate divided by the official signer's rate (on the official rows: 1). */
  ratio: number;
}

interface OfficialHw {
  AKSKSigner: { sign(request: unknown, credential: unknown): Record<string, string> };
}

function officialHuawei(): () => string {
  const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as OfficialHw;
  const { HttpRequestBuilder } = require('@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder') as {
    HttpRequestBuilder: new () => Record<string, (v: unknown) => unknown> & { build(): unknown };
  };
  const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core') as {
    BasicCredentials: new () => { withAk(a: string): { withSk(s: string): unknown } };
  };
  const credential = new BasicCredentials().withAk(AK).withSk(SK);
  return () => {
    // A fresh request per signature, as the official client builds one per call.
    const b = new HttpRequestBuilder() as unknown as {
      withEndpoint(v: string): typeof b;
      withUrl(v: string): typeof b;
      withMethod(v: string): typeof b;
      withHeaders(v: unknown): typeof b;
      withData(v: unknown): typeof b;
      withQueryParams(v: unknown): typeof b;
      build(): unknown;
    };
    const request = b
      .withEndpoint(`https://${HW_HOST}`)
      .withUrl(HW_PATH)
      .withMethod('POST')
      .withHeaders({ ...HW_HEADERS })
      .withData(JSON.parse(HW_BODY))
      .withQueryParams({})
      .build();
    return AKSKSigner.sign(request, credential)['Authorization']!;
  };
}

function officialAlibaba(): () => string {
  const { default: Client } = require('@alicloud/openapi-core/dist/utils') as {
    default: {
      getAuthorization(req: unknown, alg: string, payload: string, ak: string, secret: string): string;
      hash(raw: Buffer, alg: string): Buffer;
    };
  };
  return () => {
    const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const payload = Client.hash(Buffer.from(ALI_BODY), 'ACS3-HMAC-SHA256').toString('hex');
    const request = {
      pathname: '/',
      method: 'POST',
      query: {},
      headers: {
        host: 'dataworks.cn-shanghai.aliyuncs.com',
        'x-acs-action': 'CreateCrawler',
        'x-acs-version': '2024-05-18',
        'x-acs-date': date,
        'x-acs-signature-nonce': createHash('md5').update(String(Math.random())).digest('hex'),
        'x-acs-content-sha256': payload,
        'content-type': 'application/x-www-form-urlencoded',
      },
    };
    return Client.getAuthorization(request, 'ACS3-HMAC-SHA256', payload, 'YourAccessKeyId', 'YourAccessKeySecret');
  };
}

export function runSigning(options: { batch: number; reps: number }): SigningRow[] {
  const url = `https://${HW_HOST}${HW_PATH}`;
  const ours = () =>
    signHuaweiRequest({ method: 'POST', url, headers: { host: HW_HOST, ...HW_HEADERS }, body: HW_BODY, ak: AK, sk: SK })
      .authorization;
  const oursAcs3 = () =>
    signAcs3Request({
      method: 'POST',
      url: 'https://dataworks.cn-shanghai.aliyuncs.com/',
      headers: {
        'x-acs-action': 'CreateCrawler',
        'x-acs-version': '2024-05-18',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: ALI_BODY,
      accessKeyId: 'YourAccessKeyId',
      accessKeySecret: 'YourAccessKeySecret',
    }).authorization;
  const hw = officialHuawei();
  const ali = officialAlibaba();
  const hwOfficial = opsPerSecond(hw, options.batch, options.reps);
  const hwOurs = opsPerSecond(ours, options.batch, options.reps);
  const aliOfficial = opsPerSecond(ali, options.batch, options.reps);
  const aliOurs = opsPerSecond(oursAcs3, options.batch, options.reps);
  return [
    { signer: 'metacollect SDK-HMAC-SHA256', opsPerSecond: hwOurs, ratio: hwOurs / hwOfficial },
    { signer: 'official Huawei core AKSKSigner', opsPerSecond: hwOfficial, ratio: 1 },
    { signer: 'metacollect ACS3-HMAC-SHA256', opsPerSecond: aliOurs, ratio: aliOurs / aliOfficial },
    { signer: '@alicloud/openapi-core ACS3', opsPerSecond: aliOfficial, ratio: 1 },
  ];
}
