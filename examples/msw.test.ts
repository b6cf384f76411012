/**
 * An application that talks to DSC with the global `fetch` (no metacollect client), tested with msw: the mock's
 * handlers answer for the real hosts, so the application code runs unchanged. A metacollect client can join in by
 * being given `fetch: globalThis.fetch` (msw intercepts the global fetch only, not undici's own request).
 */
import { DscClient } from 'metacollect';
import { createMock } from 'metacollect/mock';
import { mockHandlers } from 'metacollect/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// ---- the application code: plain fetch against the real endpoint ------------------------------------------------
async function countScanTemplates(region: string, projectId: string, token: string): Promise<number> {
  const res = await fetch(`https://sdg.${region}.myhuaweicloud.com/v1/${projectId}/metadata/task-templates`, {
    headers: { 'X-Auth-Token': token },
  });
  if (!res.ok) throw new Error(`DSC answered ${res.status}`);
  return ((await res.json()) as { total_num: number }).total_num;
}

const mock = createMock({ clock: 'manual', seed: 7 });
const server = setupServer(...mockHandlers(mock));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('an application using global fetch, intercepted by msw', () => {
  it('sees what a metacollect client created through the same mock', async () => {
    const { region, projectId, token } = mock.defaults;
    expect(await countScanTemplates(region, projectId, token)).toBe(0);

    const dsc = new DscClient({ region, projectId, auth: { token }, fetch: globalThis.fetch });
    await dsc.createScanTask({
      task_name: 'via-msw',
      data_sources: [{ db_type: 'PostgreSQL', ins_id: 'pg-1' }],
      schedule_type: 'WEEK',
    });
    expect(await countScanTemplates(region, projectId, token)).toBe(1);
    await dsc.close();
  });

  it('gets the real gateway error for a bad token', async () => {
    const { region, projectId } = mock.defaults;
    await expect(countScanTemplates(region, projectId, 'MIIwrong')).rejects.toThrow('DSC answered 401');
  });
});
