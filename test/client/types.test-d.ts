import { describe, expectTypeOf, it } from 'vitest';
import {
  type APIPromise,
  type CollectionTask,
  type CreateTaskResponse,
  DataArtsCatalogClient,
  DscClient,
  type JobLogResponse,
  type ListTaskTemplatesResponse,
  type OperateResult,
  type SearchTasksResponse,
  type TaskDetail,
  type TaskInstance,
  type WithResponse,
} from '../../src/index.js';

declare const dsc: DscClient;
declare const catalog: DataArtsCatalogClient;

describe('public client types', () => {
  it('DSC methods resolve to the typed bodies', () => {
    expectTypeOf(dsc.createScanTask).returns.toEqualTypeOf<APIPromise<OperateResult>>();
    expectTypeOf(dsc.listScanTasks).returns.resolves.toEqualTypeOf<ListTaskTemplatesResponse>();
    expectTypeOf(dsc.deleteScanTasks).parameter(0).toEqualTypeOf<(string | number)[]>();
    expectTypeOf(dsc.waitForScanInstance).returns.resolves.toEqualTypeOf<TaskInstance>();
    expectTypeOf(dsc.listScanTasks().withResponse()).resolves.toEqualTypeOf<WithResponse<ListTaskTemplatesResponse>>();
    expectTypeOf(dsc.iterateScanTasks()).toMatchTypeOf<AsyncIterable<TaskDetail>>();
  });

  it('DataArts methods resolve to the typed bodies or void', () => {
    expectTypeOf(catalog.createCollectionTask).returns.resolves.toEqualTypeOf<CreateTaskResponse>();
    expectTypeOf(catalog.searchCollectionTasks).returns.resolves.toEqualTypeOf<SearchTasksResponse>();
    expectTypeOf(catalog.getCollectionTask).returns.resolves.toEqualTypeOf<CollectionTask>();
    expectTypeOf(catalog.updateCollectionTask).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(catalog.deleteCollectionTask).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(catalog.runCollectionTask).parameter(1).toEqualTypeOf<'run' | 'runimmediate' | 'stop'>();
    expectTypeOf(catalog.getCollectionTaskLog).returns.resolves.toEqualTypeOf<JobLogResponse>();
  });

  it('constructor options are checked', () => {
    // @ts-expect-error workspace is required
    new DataArtsCatalogClient({ region: 'cn-north-4', auth: { token: 't' } });
    // @ts-expect-error timeoutMs is a number
    new DscClient({ region: 'cn-north-4', timeoutMs: '5s' });
    new DscClient({ region: 'cn-north-4', auth: { ak: 'a', sk: 's' } });
  });
});
