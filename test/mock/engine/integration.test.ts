import { describe, expect, it } from 'vitest';
import { createMock } from '../../../src/mock/index.js';
import { huaweiRequest } from '../../support/mock.js';

/** Engine wiring with the real DSC module: clock-driven runs, run faults, AK/SK through the whole stack. */
describe('engine + DSC service', () => {
  it('finishes a run when the mock clock passes the run duration; a run fault fails the next run', async () => {
    const mock = createMock({ seed: 12 });
    const p = mock.defaults.projectId;
    const created = await huaweiRequest(mock, {
      method: 'POST',
      path: `/v1/${p}/metadata/task-templates`,
      auth: 'aksk',
      projectId: p,
      body: {
        task_name: 'run-me',
        data_sources: [{ db_type: 'MySQL', ins_id: 'db-1' }],
        schedule_type: 'ONCE',
        start_now: true,
      },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const instances = async () =>
      (await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates/${id}/task-instances` })).body.result as {
        task_status: string;
        error_msg: string;
      }[];
    expect((await instances()).map((i) => i.task_status)).toEqual(['RUNNING']);
    mock.clock.advance(mock.settings.dscRunDurationMs);
    expect((await instances()).map((i) => i.task_status)).toEqual(['SUCCESS']);

    mock.faults.inject({ service: 'dsc', phase: 'run', message: 'injected: disk full' });
    const start = await huaweiRequest(mock, {
      method: 'POST',
      path: `/v1/${p}/metadata/task-templates/${id}/operate`,
      body: { action: 'START' },
    });
    expect(start.status).toBe(200);
    mock.clock.advance(mock.settings.dscRunDurationMs);
    const after = await instances();
    expect(after.map((i) => i.task_status)).toEqual(['SUCCESS', 'FAILED']);
    expect(after[1]!.error_msg).toContain('injected: disk full');
    expect(mock.errors).toEqual([]);
  });
});
