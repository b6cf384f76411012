/**
 * Helpers for the DataWorks mock tests: an engine with a fixed manual clock, ACS3-signed calls through
 * `mock.handle()` (test/support/mock.ts `dataworksRequest`, default Alibaba key = `mock.defaults.ak/sk`), and
 * shortcuts for the usual data source + crawler setup.
 */
import { expect } from 'vitest';
import type { DataWorksAction } from '../../../src/dataworks/actions.js';
import { createMock } from '../../../src/mock/index.js';
import type { DataWorksMockService } from '../../../src/mock/services/dataworks/index.js';
import { dataworksRequest, type MockCallResult } from '../../support/mock.js';

export const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
export const PROJECT = 10001;

export function setup(options: { now?: number; timeZone?: string } = {}) {
  const mock = createMock({
    seed: 7,
    now: options.now ?? T0,
    ...(options.timeZone ? { settings: { timeZone: options.timeZone } } : {}),
  });
  const service = mock.services.dataworks as DataWorksMockService;
  const call = (
    action: DataWorksAction | string,
    params: Record<string, string | number | boolean | object> = {},
    method?: 'GET' | 'POST',
  ): Promise<MockCallResult> => {
    const flat: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(params)) flat[k] = typeof v === 'object' ? JSON.stringify(v) : v;
    return dataworksRequest(mock, { action, params: flat, ...(method ? { method } : {}) });
  };
  const ok = async (
    action: DataWorksAction,
    params: Record<string, string | number | boolean | object> = {},
    method?: 'GET' | 'POST',
  ) => {
    const r = await call(action, params, method);
    if (r.status !== 200) throw new Error(`${action} → ${r.status} ${r.text}`);
    return r.body;
  };
  const fail = async (
    action: DataWorksAction | string,
    params: Record<string, string | number | boolean | object>,
    status: number,
    code: string,
    method?: 'GET' | 'POST',
  ) => {
    const r = await call(action, params, method);
    expect({ status: r.status, code: r.body?.Code, message: r.body?.Message }).toMatchObject({ status, code });
    return r;
  };
  const createDataSource = async (
    name = 'shop_db',
    envType: 'Dev' | 'Prod' = 'Prod',
    extra: Record<string, unknown> = {},
  ): Promise<number> => {
    const body = await ok('CreateDataSource', {
      ProjectId: PROJECT,
      Name: name,
      Type: 'mysql',
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: {
        envType,
        address: [{ host: '10.0.0.5', port: 3306 }],
        database: 'shop',
        username: 'u',
        password: 'S3cret-pw',
        ...extra,
      },
    });
    return body.Id as number;
  };
  const createCrawler = async (dataSourceId: number, extra: Record<string, unknown> = {}): Promise<number> => {
    const body = await ok('CreateCrawler', {
      Name: 'collector',
      DataSourceId: dataSourceId,
      Type: 'mysql',
      ...extra,
    } as never);
    return body.Id as number;
  };
  const runs = async (id: number) => (await ok('ListCrawlerRuns', { Id: id })).PagingInfo.CrawlerRuns;
  return { mock, service, call, ok, fail, createDataSource, createCrawler, runs };
}

export type Harness = ReturnType<typeof setup>;
