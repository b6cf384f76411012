/** DSC records → wire JSON, as the API answers them. */
import type { Instance, Template } from './state.js';

const OK_MSG = '操作成功';

/** The answer of every write: the template id, or the deleted ids joined by commas. */
export function operateResult(id: number | number[]): Record<string, unknown> {
  return { status: 'success', msg: OK_MSG, id: Array.isArray(id) ? id.join(',') : String(id) };
}

export function templateDetail(t: Template): Record<string, unknown> {
  return {
    id: t.id,
    task_name: t.task_name,
    task_description: t.task_description,
    create_user: t.create_user,
    data_source: t.data_sources.map((d) => d.ins_id),
    data_sources: t.data_sources.map((d) => ({ db_type: d.db_type, ins_id: d.ins_id })),
    schedule_type: t.schedule_type,
    schedule_switch: t.schedule_switch,
    start_time: t.start_time,
    scan_config: { ...t.scan_config },
    delete_failed_meta: t.delete_failed_meta,
    last_trigger_time: t.last_trigger_time,
    last_end_time: t.last_end_time,
    last_task_status: t.last_task_status,
    next_trigger_time: t.next_trigger_time,
    create_time: t.create_time,
    update_time: t.update_time,
  };
}

export function instanceDetail(i: Instance): Record<string, unknown> {
  return {
    id: i.id,
    schedule_type: i.schedule_type,
    task_status: i.task_status,
    task_create_time: i.task_create_time,
    task_update_time: i.task_update_time,
    task_end_time: i.task_end_time,
    error_msg: i.error_msg,
    trigger: i.trigger,
  };
}

/** One page of records with the total count. */
export function page<T>(total: number, items: T[], view: (item: T) => Record<string, unknown>) {
  return { total_num: total, result: items.map(view) };
}
