import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { withUnknownFields } from '../../src/core/api-promise.js';
import type {
  AnyErrorBody,
  AnyErrorBodySchema,
  CollectionTask,
  CollectionTaskInput,
  CollectionTaskInputSchema,
  CollectionTaskSchema,
  CreateTaskResponse,
  CreateTaskResponseSchema,
  DataArtsErrorBody,
  DataArtsErrorBodySchema,
  GatewayError,
  GatewayErrorSchema,
  JobLogRequest,
  JobLogRequestSchema,
  JobLogResponse,
  JobLogResponseSchema,
  ScheduleConfig,
  ScheduleConfigInfoSchema,
  ScheduleConfigSchema,
  SearchTasksRequest,
  SearchTasksRequestSchema,
  SearchTasksResponse,
  SearchTasksResponseSchema,
  TaskAction,
  TaskActionSchema,
  TaskConfig,
  TaskConfigSchema,
} from '../../src/dataarts/schemas.js';
import type { components, operations } from '../../src/generated/dataarts-catalog.js';
import type { Same } from './type-equal.js';

type S = components['schemas'];

describe('DataArts schemas are type-equal to the generated types', () => {
  test('request schemas (z.input)', () => {
    expectTypeOf<Same<z.input<typeof ScheduleConfigSchema>, S['ScheduleConfig']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof TaskConfigSchema>, S['TaskConfig']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof CollectionTaskInputSchema>, S['CollectionTaskInput']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof SearchTasksRequestSchema>, S['SearchTasksRequest']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof JobLogRequestSchema>, S['JobLogRequest']>>().toEqualTypeOf<true>();
    expectTypeOf<z.input<typeof TaskActionSchema>>().toEqualTypeOf<S['TaskAction']>();
  });

  test('request schemas do not transform (z.output = z.input)', () => {
    expectTypeOf<z.output<typeof CollectionTaskInputSchema>>().toEqualTypeOf<
      z.input<typeof CollectionTaskInputSchema>
    >();
    expectTypeOf<z.output<typeof SearchTasksRequestSchema>>().toEqualTypeOf<z.input<typeof SearchTasksRequestSchema>>();
    expectTypeOf<z.output<typeof JobLogRequestSchema>>().toEqualTypeOf<z.input<typeof JobLogRequestSchema>>();
  });

  test('response schemas (z.output)', () => {
    expectTypeOf<Same<z.output<typeof ScheduleConfigInfoSchema>, S['ScheduleConfig']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof CollectionTaskSchema>, S['CollectionTask']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof CreateTaskResponseSchema>, S['CreateTaskResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof SearchTasksResponseSchema>, S['SearchTasksResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof JobLogResponseSchema>, S['JobLogResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof DataArtsErrorBodySchema>, S['DataArtsErrorBody']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof GatewayErrorSchema>, S['GatewayError']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof AnyErrorBodySchema>, S['AnyErrorBody']>>().toEqualTypeOf<true>();
  });

  test('the exported types alias the generated ones', () => {
    expectTypeOf<ScheduleConfig>().toEqualTypeOf<S['ScheduleConfig']>();
    expectTypeOf<TaskConfig>().toEqualTypeOf<S['TaskConfig']>();
    expectTypeOf<CollectionTaskInput>().toEqualTypeOf<S['CollectionTaskInput']>();
    expectTypeOf<CollectionTask>().toEqualTypeOf<S['CollectionTask']>();
    expectTypeOf<CreateTaskResponse>().toEqualTypeOf<S['CreateTaskResponse']>();
    expectTypeOf<SearchTasksRequest>().toEqualTypeOf<S['SearchTasksRequest']>();
    expectTypeOf<SearchTasksResponse>().toEqualTypeOf<S['SearchTasksResponse']>();
    expectTypeOf<TaskAction>().toEqualTypeOf<S['TaskAction']>();
    expectTypeOf<JobLogRequest>().toEqualTypeOf<S['JobLogRequest']>();
    expectTypeOf<JobLogResponse>().toEqualTypeOf<S['JobLogResponse']>();
    expectTypeOf<DataArtsErrorBody>().toEqualTypeOf<S['DataArtsErrorBody']>();
    expectTypeOf<GatewayError>().toEqualTypeOf<S['GatewayError']>();
    expectTypeOf<AnyErrorBody>().toEqualTypeOf<S['AnyErrorBody']>();
  });

  test('the normalisation still tells different types apart', () => {
    type Wrong = Omit<S['CollectionTaskInput'], 'user_id'> & { user_id: string };
    expectTypeOf<Same<z.input<typeof CollectionTaskInputSchema>, Wrong>>().toEqualTypeOf<false>();
    type NoNull = Omit<S['SearchTasksRequest'], 'limit'> & { limit?: number };
    expectTypeOf<Same<z.input<typeof SearchTasksRequestSchema>, NoNull>>().toEqualTypeOf<false>();
    type Closed = Omit<S['CollectionTask'], 'task_config'> & { task_config: { data_connection_id?: string } };
    expectTypeOf<Same<z.output<typeof CollectionTaskSchema>, Closed>>().toEqualTypeOf<false>();
  });
});

describe('pinned DataArts wire shapes', () => {
  test('create body', () => {
    type Body = NonNullable<operations['CreateTask']['requestBody']>['content']['application/json'];
    expectTypeOf<Body>().toEqualTypeOf<S['CollectionTaskInput']>();
    expectTypeOf<Body>().toEqualTypeOf<{
      id?: string | null;
      name: string;
      description?: string | null;
      user_id?: string | null;
      user_name?: string | null;
      duty_person?: string | null;
      dir_id: string;
      path?: string | null;
      project_id?: string | null;
      schedule_config: {
        schedule_type: 'RUN_ONCE' | 'CRON';
        cron_expression?: string | null;
        start_time?: string | null;
        end_time?: string | null;
        interval?: string | null;
        max_time_out?: number | null;
        enabled?: 0 | 1 | 3 | 5 | null;
        job_id?: number | null;
      };
      parameter_config?: { description?: string | null; type?: string | null; task_id?: string | null }[] | null;
      update_type?: string | null;
      data_source_type: string;
      task_config: S['TaskConfig'];
      data_source_workspace_id?: string | null;
      create_time?: string | null;
      update_time?: string | null;
      last_run_time?: string | null;
      start_time?: string | null;
      end_time?: string | null;
      next_run_time?: string | null;
    }>();
    // task_config is open: documented keys typed, anything else allowed.
    type OpenTaskConfig = {
      [key: string]: unknown;
      data_connection_id?: string | null;
      data_connection_name?: string | null;
      data_connection_create_time?: string | null;
      databaseName?: string[] | null;
      tableName?: string[] | null;
      alive_object_policy?: string | null;
      deleted_object_policy?: string | null;
      enableDataProfile?: boolean | null;
      enableDataClassification?: boolean | null;
      enable_table_filter_by_regex?: boolean | null;
      sampling?: string | null;
      queue?: string | null;
      unique?: boolean | null;
      bucket_name?: string | null;
    };
    expectTypeOf<Same<S['TaskConfig'], OpenTaskConfig>>().toEqualTypeOf<true>();
    // The published example (with "id": null and no optional extras) is a valid body.
    expectTypeOf({
      id: null,
      name: 'test采集110',
      description: '',
      user_id: '0833a573fe80d5401f6dc010a775569a',
      dir_id: '0',
      data_source_type: 'DLI',
      schedule_config: { schedule_type: 'RUN_ONCE' as const, max_time_out: 10 },
      task_config: { data_connection_id: '14bb947454e64de784eadaab759081e8', databaseName: ['ygy1'] },
    }).toExtend<Body>();
  });

  test('search response', () => {
    type Res = operations['ShowTaskList']['responses']['200']['content']['application/json'];
    expectTypeOf<Res>().toEqualTypeOf<S['SearchTasksResponse']>();
    expectTypeOf<Res['count']>().toEqualTypeOf<number>();
    expectTypeOf<Res['total_records']>().toEqualTypeOf<number>();
    expectTypeOf<Res['max_records']>().toEqualTypeOf<number>();
    expectTypeOf<Res['resources']>().toEqualTypeOf<S['CollectionTask'][]>();
    type Task = Res['resources'][number];
    expectTypeOf<Task['id']>().toEqualTypeOf<string>();
    expectTypeOf<Task['schedule_config']['enabled']>().toEqualTypeOf<0 | 1 | 3 | 5 | null | undefined>();
    expectTypeOf<Task['last_run_time']>().toEqualTypeOf<string | null | undefined>();
    // Documented fields only: a misspelled or undocumented field does not compile; withUnknownFields reaches it.
    // @ts-expect-error -- not a documented field
    expectTypeOf<Task['some_future_field']>().toEqualTypeOf<unknown>();
    expectTypeOf<ReturnType<typeof withUnknownFields<Task>>['some_future_field']>().toEqualTypeOf<unknown>();
    expectTypeOf<ReturnType<typeof withUnknownFields<Task>>['id']>().toEqualTypeOf<string>();
  });

  test('operations take the workspace header and the documented parameters', () => {
    expectTypeOf<operations['ShowTaskInfo']['parameters']['header']>().toEqualTypeOf<{ workspace: string }>();
    expectTypeOf<operations['ExecuteTaskAction']['parameters']['query']>().toEqualTypeOf<{ action: TaskAction }>();
    expectTypeOf<operations['ShowInstanceLog']['parameters']['path']>().toEqualTypeOf<{
      project_id: string;
      task_id: string;
      instance_id: string;
    }>();
  });
});
