/**
 * Response types name the documented fields only (a typo, or a field one level too high, is a compile error), the
 * undocumented ones are reachable through withUnknownFields, and APIPromise types its rejection as Promise does.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { type APIPromise, withUnknownFields } from '../../src/core/api-promise.js';
import type { DataWorksClient } from '../../src/dataworks/client.js';
import type { DscClient } from '../../src/dsc/client.js';
import type { ListTaskTemplatesResponse, TaskDetail } from '../../src/dsc/schemas.js';

declare const dsc: DscClient;
declare const dw: DataWorksClient;

describe('closed response types', () => {
  test('a misspelled DSC field does not compile', async () => {
    const page = await dsc.listScanTasks();
    expectTypeOf(page.total_num).toEqualTypeOf<number>();
    // @ts-expect-error -- the field is total_num
    page.totalNum;
    // @ts-expect-error -- not a documented field of a template
    page.result[0]?.taskName;
    expectTypeOf(withUnknownFields(page).totalNum).toEqualTypeOf<unknown>();
    expectTypeOf(withUnknownFields(page).total_num).toEqualTypeOf<number>();
  });

  test('a DataWorks field one level too high does not compile', async () => {
    const r = await dw.listCrawlers({ ProjectId: 1 });
    expectTypeOf(r.PagingInfo.TotalCount).toEqualTypeOf<number>();
    // @ts-expect-error -- TotalCount lives in PagingInfo
    r.TotalCount;
    expectTypeOf(withUnknownFields(r).TotalCount).toEqualTypeOf<unknown>();
  });

  test('no index signature remains on documented objects', () => {
    expectTypeOf<string extends keyof TaskDetail ? true : false>().toEqualTypeOf<false>();
    expectTypeOf<string extends keyof ListTaskTemplatesResponse ? true : false>().toEqualTypeOf<false>();
  });
});

describe('APIPromise rejection types', () => {
  test('.catch((e) => e) and .then(_, (e) => e) type as on a Promise', () => {
    const p = dsc.listScanTasks();
    const plain = p as Promise<ListTaskTemplatesResponse>;
    expectTypeOf(p.catch((e) => e)).toEqualTypeOf(plain.catch((e) => e));
    expectTypeOf(p.then(undefined, (e) => e)).toEqualTypeOf(plain.then(undefined, (e) => e));
    // The caught value is usable without a cast, as with any promise.
    expectTypeOf(p.catch((e) => e.status as number)).toEqualTypeOf<Promise<ListTaskTemplatesResponse | number>>();
    expectTypeOf(p).toMatchTypeOf<APIPromise<ListTaskTemplatesResponse>>();
  });
});
