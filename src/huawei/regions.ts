/**
 * The regions where Huawei Cloud publishes each service's endpoint (the vendor's endpoint lists). A client given
 * another `region` is refused at construction; an explicit `endpoint` skips the check (a newer region, the mock).
 */

/** DSC (service code `sdg`). */
export const DSC_REGIONS: readonly string[] = [
  'cn-north-1',
  'cn-north-4',
  'cn-north-9',
  'cn-east-2',
  'cn-east-3',
  'cn-south-1',
  'cn-southwest-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'af-south-1',
  'sa-brazil-1',
  'la-south-2',
  'la-north-2',
  'tr-west-1',
  'eu-west-101',
];

/** DataArts Studio (service code `dayu`). */
export const DATAARTS_REGIONS: readonly string[] = [
  'cn-north-1',
  'cn-north-2',
  'cn-north-4',
  'cn-north-9',
  'cn-north-11',
  'cn-east-2',
  'cn-east-3',
  'cn-east-4',
  'cn-south-1',
  'cn-southwest-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'af-south-1',
  'ru-northwest-2',
  'ru-moscow-1',
  'sa-brazil-1',
  'la-south-2',
  'la-north-2',
  'na-mexico-1',
  'tr-west-1',
  'me-east-1',
  'eu-west-101',
  'ae-ad-1',
  'my-kualalumpur-1',
];
