/**
 * DataWorks regions, as the regional endpoint table of Alibaba Cloud's official DataWorks SDK lists them: most have
 * their own host, a few are served by the central `dataworks.aliyuncs.com`. Another `regionId` is refused at
 * construction; an explicit `endpoint` skips the check (a newer region, the mock).
 */

/** Regions with a host of their own, `dataworks.<region>.aliyuncs.com`. */
const REGIONAL: readonly string[] = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'cn-shenzhen',
  'cn-chengdu',
  'cn-hongkong',
  'ap-northeast-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'eu-central-1',
  'eu-west-1',
  'me-east-1',
  'us-east-1',
  'us-west-1',
];

/** Regions the central host answers for. */
const CENTRAL: readonly string[] = [
  'cn-qingdao',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-hangzhou-finance',
  'cn-shanghai-finance-1',
  'cn-shenzhen-finance-1',
  'cn-north-2-gov-1',
];

export const DATAWORKS_REGIONS: readonly string[] = [...REGIONAL, ...CENTRAL];

/** The base URL of a known region (the caller checked it is known). */
export function dataWorksHost(regionId: string): string {
  return CENTRAL.includes(regionId) ? 'https://dataworks.aliyuncs.com' : `https://dataworks.${regionId}.aliyuncs.com`;
}
