/**
 * The DataWorks route table: every action at `/`, its method from `DATAWORKS_ACTIONS`; each handler reads its input
 * (./requests.ts), applies it to the state (./state.ts) and answers the view (./views.ts), `RequestId` added here.
 * Errors are thrown as `MockApiError` / `ControlError` and rendered by the engine.
 */
import { DATAWORKS_ACTIONS, type DataWorksAction } from '../../../dataworks/actions.js';
import type { MockRequest, MockResponse, MockRoute } from '../../types.js';
import * as requests from './requests.js';
import type { DataWorksState } from './state.js';
import * as views from './views.js';

type Body = Record<string, unknown>;

function handlers(state: DataWorksState): Record<DataWorksAction, (req: MockRequest) => Body> {
  return {
    ListCrawlerTypes: () => ({ Success: true, ...views.crawlerTypes() }),
    GetCrawlerTypeCapabilities: () => ({ Success: true, ...views.crawlerTypeCapabilities() }),
    CreateCrawler: (req) => ({ Success: true, Id: state.createCrawler(requests.parseCreateCrawler(req)).id }),
    ListCrawlers: (req) => {
      const page = state.listCrawlers(requests.parseListCrawlers(req));
      return {
        Success: true,
        PagingInfo: views.pagingInfo(page, 'Crawlers', (c) => views.crawler(c, state.runs, false)),
      };
    },
    GetCrawler: (req) => {
      const c = state.crawler(requests.parseId('GetCrawler', req));
      return { Success: true, Crawler: views.crawler(c, state.runs, true) };
    },
    UpdateCrawler: (req) => ({ Success: true, Id: state.updateCrawler(requests.parseUpdateCrawler(req)).id }),
    RunCrawler: (req) => {
      const { crawler, run } = state.runCrawler(requests.parseId('RunCrawler', req));
      return {
        Success: true,
        Id: crawler.id,
        RunAccepted: true,
        RunStatus: run.status,
        TaskInstanceId: run.taskInstanceId,
      };
    },
    StopCrawler: (req) => ({
      Success: true,
      Id: state.stopCrawler(requests.parseId('StopCrawler', req)).id,
      StopAccepted: true,
    }),
    ListCrawlerRuns: (req) => {
      const page = state.listCrawlerRuns(requests.parseListCrawlerRuns(req));
      return { Success: true, PagingInfo: views.pagingInfo(page, 'CrawlerRuns', views.run) };
    },
    DeleteCrawler: (req) => ({ Success: true, Id: state.deleteCrawler(requests.parseId('DeleteCrawler', req)).id }),
    CreateDataSource: (req) => ({ Id: state.createDataSource(requests.parseCreateDataSource(req)).id }),
    GetDataSource: (req) => ({
      DataSource: views.dataSource(state.dataSource(requests.parseId('GetDataSource', req))),
    }),
    ListDataSources: (req) => {
      const page = state.listDataSources(requests.parseListDataSources(req));
      return { PagingInfo: views.pagingInfo(page, 'DataSources', views.dataSourceGroup) };
    },
    DeleteDataSource: (req) => {
      state.deleteDataSource(requests.parseId('DeleteDataSource', req));
      return { Success: true };
    },
    TestDataSourceConnectivity: (req) => ({
      Connectivity: views.connectivity(state.testConnectivity(requests.parseTestConnectivity(req))),
    }),
    GetTaskInstanceLog: (req) => ({
      TaskInstanceLog: views.taskInstanceLog(state.taskInstance(requests.parseGetTaskInstanceLog(req))),
    }),
  };
}

export function dataWorksRoutes(state: DataWorksState): MockRoute[] {
  const table = handlers(state);
  return (Object.keys(DATAWORKS_ACTIONS) as DataWorksAction[]).map((action) => ({
    operation: action,
    method: DATAWORKS_ACTIONS[action].method,
    path: '/',
    auth: 'acs3',
    handler: (req): MockResponse => ({ status: 200, body: { RequestId: req.requestId, ...table[action](req) } }),
  }));
}

export function dataWorksControlRoutes(state: DataWorksState): MockRoute[] {
  return [
    {
      operation: 'SeedDataWorksDataSource',
      method: 'POST',
      path: '/__mock/dataworks/datasources/{id}',
      auth: 'none',
      handler(req) {
        const { id, seed } = requests.parseSeed(req);
        return { status: 200, body: { id, ...state.seed(id, seed) } };
      },
    },
  ];
}
