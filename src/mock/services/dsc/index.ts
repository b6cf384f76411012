import type { MockService, MockServiceFactory, ServiceContext } from '../../types.js';

/** DSC metadata scan task templates (stub; full implementation follows). */
export const createDscService: MockServiceFactory = (_ctx: ServiceContext): MockService => ({
  name: 'dsc',
  routes: [],
  controlRoutes: [],
  errorResponse: (status, code, message) => ({ status, body: { error_code: code, error_msg: message } }),
  nextDueAt: () => undefined,
  runDue: () => {},
  snapshot: () => ({}),
  restore: () => {},
  reset: () => {},
});
