import type { MockService, MockServiceFactory, ServiceContext } from '../../types.js';

/** DataArts Catalog metadata-collection-task mock (stub; routes follow). */
export const createDataArtsService: MockServiceFactory = (_ctx: ServiceContext): MockService => ({
  name: 'dataarts',
  routes: [],
  controlRoutes: [],
  errorResponse(status, code, message) {
    return { status, body: { error_code: code, error_msg: message } };
  },
  nextDueAt() {
    return undefined;
  },
  runDue() {},
  snapshot() {
    return {};
  },
  restore() {},
  reset() {},
});
