/** The built-in service modules, in registration order (the order in which due work at the same time fires). */
import { createDataArtsService, type DataArtsMockService } from './services/dataarts/index.js';
import { createDataWorksService, type DataWorksMockService } from './services/dataworks/index.js';
import { createDscService, type DscMockService } from './services/dsc/index.js';
import { createIamService } from './services/iam/index.js';
import type { MockResponse, MockService, MockServiceFactory } from './types.js';

export const BUILT_IN_SERVICES: readonly MockServiceFactory[] = [
  createIamService,
  createDscService,
  createDataArtsService,
  createDataWorksService,
];

/** The service modules, with their in-process seed methods (typed for the built-in modules). */
export interface MockServices {
  /** The IAM mock (token issuing). */
  iam: MockService;
  /** The DSC mock. */
  dsc: DscMockService;
  /** The DataArts Catalog mock. */
  dataarts: DataArtsMockService;
  /** The DataWorks mock. */
  dataworks: DataWorksMockService;
}

/** The registered services by name, typed as the built-ins (a replacement given in options keeps the name). */
export function servicesByName(list: readonly MockService[]): MockServices {
  const byName = Object.fromEntries(list.map((s) => [s.name, s]));
  return byName as unknown as MockServices;
}

/** {@link Mock.addWorkspace}: registers a DataArts workspace through that service's seed route; returns its id. */
export function addWorkspace(
  control: (method: string, path: string, rawBody: string) => MockResponse,
  projectId: string,
  id: string | undefined,
): string {
  const response = control(
    'POST',
    `/__mock/dataarts/${encodeURIComponent(projectId)}/workspaces`,
    JSON.stringify(id === undefined ? {} : { id }),
  );
  const body = response.body as { id?: unknown; error?: unknown } | undefined;
  if (response.status >= 300 || typeof body?.id !== 'string') {
    throw new Error(
      `addWorkspace failed: ${typeof body?.error === 'string' ? body.error : `status ${response.status}`}`,
    );
  }
  return body.id;
}
