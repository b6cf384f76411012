/**
 * metacollect/mock — a stateful mock of Huawei Cloud DSC, DataArts Catalog, IAM (and Alibaba DataWorks) on one
 * origin, usable in-process (`createMock().handle(request)`), over HTTP (`startMockServer`) or through msw
 * (`metacollect/msw`).
 *
 * @module metacollect/mock
 */
export {
  type CreateMockOptions,
  DEFAULT_SETTINGS,
  MAX_BODY_BYTES,
  type Mock,
  type MockDefaults,
  type MockError,
  type MockFaults,
  type MockSnapshot,
} from './api.js';
export type { MockServices } from './builtins.js';
export { createMock } from './engine.js';
export { ControlError, MockApiError } from './errors.js';
export type { ArmedFault, FaultSpec } from './faults.js';
export { acsGateway, huaweiGateway } from './gateways.js';
export type { JournalEntry } from './journal.js';
export { type MockServer, type StartMockServerOptions, startMockServer } from './server.js';
export type { DataArtsMockService } from './services/dataarts/index.js';
export type { DataWorksMockService } from './services/dataworks/index.js';
export type { DscMockService } from './services/dsc/index.js';
export {
  type CallerIdentity,
  type ClockMode,
  MOCK_OBSERVER,
  type MockApiAnswer,
  type MockClock,
  type MockExchange,
  type MockGateway,
  type MockIds,
  type MockObserver,
  type MockRequest,
  type MockResponse,
  type MockRoute,
  type MockService,
  type MockServiceFactory,
  type MockSettings,
  type RestProtocol,
  type RouteAuth,
  type RpcProtocol,
  type ServiceContext,
  type ServiceName,
} from './types.js';
