import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type {
  CreateTaskTemplateRequest,
  CreateTaskTemplateRequestSchema,
  DataSource,
  DataSourceSchema,
  DeleteTaskTemplatesRequest,
  DeleteTaskTemplatesRequestSchema,
  DscDbType,
  DscErrorBody,
  DscErrorBodySchema,
  ListTaskInstancesQuery,
  ListTaskInstancesQuerySchema,
  ListTaskInstancesResponse,
  ListTaskInstancesResponseSchema,
  ListTaskTemplatesQuery,
  ListTaskTemplatesQuerySchema,
  ListTaskTemplatesResponse,
  ListTaskTemplatesResponseSchema,
  OperateResult,
  OperateResultSchema,
  OperateTaskTemplateRequest,
  OperateTaskTemplateRequestSchema,
  ScanConfig,
  ScanConfigSchema,
  TaskDetail,
  TaskDetailSchema,
  TaskInstance,
  TaskInstanceSchema,
  UpdateTaskTemplateRequest,
  UpdateTaskTemplateRequestSchema,
} from '../../src/dsc/schemas.js';
import type { components, operations } from '../../src/generated/dsc.js';
import type { Same } from './type-equal.js';

type S = components['schemas'];

describe('the type-equality helper', () => {
  test('tells equal from different types', () => {
    expectTypeOf<
      Same<{ a: string } & { [k: string]: unknown }, { a: string; [k: string]: unknown }>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<{ a?: string }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ a: string }, { a: string; [k: string]: unknown }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ a: DscDbType }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ a: number | null }, { a: number }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ a: { b?: boolean }[] }, { a: { b: boolean }[] }>>().toEqualTypeOf<false>();
  });
});

describe('DSC create body (pinned)', () => {
  test('CreateTaskTemplateRequest is exactly this shape', () => {
    type Pinned = {
      task_name: string;
      task_description?: string;
      data_sources: {
        db_type:
          | 'MySQL'
          | 'SQLServer'
          | 'MSSQL'
          | 'MS-SQL'
          | 'PostgreSQL'
          | 'Greenplum'
          | 'Oracle'
          | 'DWS'
          | 'DLI'
          | 'Hive'
          | 'MRS_HIVE'
          | 'HBase'
          | 'MongoDB'
          | 'DDS'
          | 'openGauss'
          | 'GaussDB'
          | 'KingBase'
          | 'DMDBMS'
          | 'TDSQL'
          | 'Elasticsearch'
          | 'ES'
          | 'LTS'
          | (string & {});
        ins_id: string;
      }[];
      schedule_type: 'ONCE' | 'DAY' | 'WEEK' | 'MONTH';
      start_time?: number;
      start_now?: boolean;
      schedule_switch?: boolean;
      delete_failed_meta?: boolean;
      scan_config?: {
        scan_tables?: boolean;
        scan_views?: boolean;
        scan_comment?: boolean;
        scan_column_constraints?: boolean;
        scan_privileges?: boolean;
        scan_system_db?: boolean;
      };
    };
    expectTypeOf<Same<CreateTaskTemplateRequest, Pinned>>().toEqualTypeOf<true>();
    expectTypeOf<Same<S['CreateTaskTemplateRequest'], Pinned>>().toEqualTypeOf<true>();
    // The request carries no index signature: unknown fields are a type error for callers.
    expectTypeOf<CreateTaskTemplateRequest>().not.toHaveProperty('unknown_field');
  });

  test('db_type suggests the known values but accepts any string', () => {
    expectTypeOf<'MySQL'>().toExtend<DscDbType>();
    expectTypeOf<'SomethingNew'>().toExtend<DscDbType>();
    expectTypeOf<Same<DscDbType, string>>().toEqualTypeOf<false>();
  });
});

describe('DSC request schemas: z.input equals the generated type', () => {
  test('bodies', () => {
    expectTypeOf<Same<z.input<typeof DataSourceSchema>, S['DataSource']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof ScanConfigSchema>, S['ScanConfig']>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.input<typeof CreateTaskTemplateRequestSchema>, S['CreateTaskTemplateRequest']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.input<typeof UpdateTaskTemplateRequestSchema>, S['UpdateTaskTemplateRequest']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.input<typeof DeleteTaskTemplatesRequestSchema>, S['DeleteTaskTemplatesRequest']>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.input<typeof OperateTaskTemplateRequestSchema>, S['OperateTaskTemplateRequest']>
    >().toEqualTypeOf<true>();
  });

  test('queries', () => {
    type ListQuery = NonNullable<operations['ListTaskTemplates']['parameters']['query']>;
    type InstancesQuery = NonNullable<operations['ListTaskInstances']['parameters']['query']>;
    expectTypeOf<Same<z.input<typeof ListTaskTemplatesQuerySchema>, ListQuery>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof ListTaskInstancesQuerySchema>, InstancesQuery>>().toEqualTypeOf<true>();
  });

  test('request schemas apply no defaults (output = input)', () => {
    expectTypeOf<
      Same<z.output<typeof CreateTaskTemplateRequestSchema>, z.input<typeof CreateTaskTemplateRequestSchema>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.output<typeof UpdateTaskTemplateRequestSchema>, z.input<typeof UpdateTaskTemplateRequestSchema>>
    >().toEqualTypeOf<true>();
  });

  test('exported types are the generated ones', () => {
    expectTypeOf<Same<DataSource, S['DataSource']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ScanConfig, S['ScanConfig']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<UpdateTaskTemplateRequest, S['UpdateTaskTemplateRequest']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<DeleteTaskTemplatesRequest, (number | string)[]>>().toEqualTypeOf<true>();
    expectTypeOf<Same<OperateTaskTemplateRequest, { action: 'ENABLE' | 'DISABLE' | 'START' }>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ListTaskTemplatesQuery, z.input<typeof ListTaskTemplatesQuerySchema>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ListTaskInstancesQuery, z.input<typeof ListTaskInstancesQuerySchema>>>().toEqualTypeOf<true>();
  });
});

describe('DSC response schemas: z.output equals the generated type', () => {
  test('responses', () => {
    expectTypeOf<Same<z.output<typeof OperateResultSchema>, S['OperateResult']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof TaskDetailSchema>, S['TaskDetail']>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.output<typeof ListTaskTemplatesResponseSchema>, S['ListTaskTemplatesResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof TaskInstanceSchema>, S['TaskInstance']>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<z.output<typeof ListTaskInstancesResponseSchema>, S['ListTaskInstancesResponse']>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof DscErrorBodySchema>, S['DscError']>>().toEqualTypeOf<true>();
  });

  test('exported response types are the generated ones and keep unknown fields', () => {
    expectTypeOf<Same<OperateResult, S['OperateResult']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<TaskDetail, S['TaskDetail']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ListTaskTemplatesResponse, S['ListTaskTemplatesResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<TaskInstance, S['TaskInstance']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ListTaskInstancesResponse, S['ListTaskInstancesResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<DscErrorBody, S['DscError']>>().toEqualTypeOf<true>();
    expectTypeOf<TaskDetail['next_trigger_time']>().toEqualTypeOf<number | null | undefined>();
    // @ts-expect-error -- response types name the documented fields only
    expectTypeOf<TaskDetail['extra_field_from_a_newer_service']>().toEqualTypeOf<unknown>();
  });
});
