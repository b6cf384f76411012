import { describe, expect, it } from 'vitest';
import { BASE, directHarness, ds, PROJECT } from './harness.js';

describe('DSC list at scale (direct)', () => {
  it('100,000 templates: filtered and paged listing stays correct', () => {
    const h = directHarness();
    const st = h.service.state;
    for (let i = 0; i < 100_000; i++) {
      st.create(
        PROJECT,
        {
          task_name: i % 1000 === 0 ? `special-${i}` : `t${i}`,
          data_sources: [ds()],
          schedule_type: i % 2 ? 'DAY' : 'ONCE',
        },
        'u',
        'CreateTaskTemplates',
      );
    }
    const list = (q: string) => h.call('GET', `${BASE}/task-templates${q}`).body;
    const ids = (q: string) => list(q).result.map((t: { id: number }) => t.id);
    expect(list('').total_num).toBe(100_000);
    expect(ids('')).toEqual(Array.from({ length: 100 }, (_, i) => 1001 + i));
    expect(ids('?offset=99998')).toEqual([100_999, 101_000]);
    expect(ids('?id=51234')).toEqual([51_234]);
    expect(list('?schedule_types=DAY').total_num).toBe(50_000);
    expect(ids('?schedule_types=DAY&page_size=2&offset=10')).toEqual([1022, 1024]);
    expect(ids('?schedule_types=ONCE,DAY&page_size=3&offset=50000')).toEqual([51_001, 51_002, 51_003]);
    expect(list('?task_name=SPECIAL').total_num).toBe(100);
    expect(ids('?task_name=special&offset=99')).toEqual([100_001]);
    // Deleting from the middle keeps every index consistent.
    expect(h.call('DELETE', `${BASE}/task-templates`, [1002, '1003', 51_234]).body.id).toBe('1002,1003,51234');
    expect(ids('?page_size=3')).toEqual([1001, 1004, 1005]);
    expect(list('?schedule_types=DAY').total_num).toBe(49_998);
    expect(ids('?id=51234')).toEqual([]);
  });
});
