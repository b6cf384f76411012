/**
 * generated, do not edit: produced by scripts/generate.mjs (openapi-typescript) from openapi/dsc.yaml.
 * Change the spec and run `npm run generate`.
 */

export interface paths {
    "/v1/{project_id}/metadata/task-templates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * List metadata scan task templates
         * @description There is no "show one template" operation [doc]; use `id=` to fetch one. Filters combine with AND; items are
         *     ordered by ascending `id` [mock]. `total_num` counts matches before paging.
         */
        get: operations["ListTaskTemplates"];
        put?: never;
        /**
         * Create a metadata scan task template
         * @description Older doc name `CreateMetadataTaskTemplate`. Answers 200 with `OperateResult`, whose `id` is the new
         *     template id as a decimal string. The doc also lists 201 without a body; the mock always answers 200 [mock].
         *     `start_now: true` starts an instance immediately (trigger MANUAL) whatever `schedule_switch` says.
         */
        post: operations["CreateTaskTemplates"];
        /**
         * Delete task templates in batch
         * @description Older doc name `BatchDeleteMetadataTaskTemplate`. The body is a bare JSON array of template ids sent with
         *     `Content-Type: application/json`. Duplicates and unknown ids are ignored (no 404) [mock]; a running
         *     instance of a deleted template is discarded. `OperateResult.id` lists the ids actually deleted, joined
         *     with `,` (`""` if none). The older doc also lists 204; the mock answers 200 [mock].
         */
        delete: operations["DeleteTaskTemplates"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/metadata/task-templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update a task template (merge)
         * @description Older doc name `UpdateMetadataTaskTemplate`. [mock] merge semantics: every field present replaces the
         *     stored value (`scan_config` merges key by key, `data_sources` is replaced whole), absent fields are kept,
         *     and the merged template must pass create validation. `start_now` is ignored. A running instance keeps its
         *     old settings; the next trigger is recomputed from now.
         */
        put: operations["UpdateTaskTemplates"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/metadata/task-templates/{template_id}/operate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable, disable or start a task template
         * @description Older doc name `CreateOperateMetadataTaskTemplates`. `ENABLE` / `DISABLE` set `schedule_switch`
         *     (idempotent); `START` starts an instance now (trigger MANUAL) regardless of `schedule_switch`, or answers
         *     400 `dsc.40000028` while an instance is RUNNING [mock status].
         */
        post: operations["CreateOperate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/metadata/task-templates/{template_id}/task-instances": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /**
         * List the runs of a task template
         * @description Older doc name `ListScanInstances`. The doc flattens the response into one table with `result` typed Long;
         *     [mock] reads it as `{result: TaskInstance[], total_num}`. Unknown template → 404.
         */
        get: operations["ListTaskInstances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/metadata/task-template": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task template (singular alias)
         * @deprecated
         * @description Alias of `CreateTaskTemplates` from the newer doc tree [doc]; same validation, responses and errors [mock].
         */
        post: operations["CreateTaskTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/metadata/task-template/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update a task template (singular alias)
         * @deprecated
         * @description Alias of `UpdateTaskTemplates`; the operation name is documented, the path is the project's analogy
         *     [mock]. Same merge semantics, responses and errors.
         */
        put: operations["UpdateTaskTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{project_id}/metadata/task-template/{template_id}/action": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Enable, disable or start a task template (query alias)
         * @deprecated
         * @description Alias of `CreateOperate` [doc]: the action comes from the required `action` query parameter and any body
         *     is ignored [mock]. Same effects, responses and errors.
         */
        put: operations["UpdateAction"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description How often the template runs (exact upper case [mock]).
         * @enum {string}
         */
        ScheduleType: "ONCE" | "DAY" | "WEEK" | "MONTH";
        /**
         * @description Operation on a template (exact upper case [mock]).
         * @enum {string}
         */
        TemplateAction: "ENABLE" | "DISABLE" | "START";
        /**
         * @description Status of a task instance (undocumented; [mock] values).
         * @enum {string}
         */
        TaskStatus: "RUNNING" | "SUCCESS" | "FAILED";
        /**
         * @description Database engine type. The doc does not enumerate it (its example is `MySQL`); [mock] accepts the listed
         *     values case-insensitively and stores them as sent; anything else → 400 naming the value and the accepted
         *     list. The generated TypeScript type is the union of the known values widened to string.
         * @example MySQL
         */
        DscDbType: "MySQL" | "SQLServer" | "MSSQL" | "MS-SQL" | "PostgreSQL" | "Greenplum" | "Oracle" | "DWS" | "DLI" | "Hive" | "MRS_HIVE" | "HBase" | "MongoDB" | "DDS" | "openGauss" | "GaussDB" | "KingBase" | "DMDBMS" | "TDSQL" | "Elasticsearch" | "ES" | "LTS" | (string & {});
        /** @description One database instance to scan. Both fields required [mock] (optional in the newer doc tree). */
        DataSource: {
            /** @description Database engine type; a known type, case-insensitive [mock]. */
            db_type: components["schemas"]["DscDbType"];
            /** @description Database instance id, 1–256 characters [mock]. */
            ins_id: string;
        };
        /**
         * @description What the scan reads. All keys optional in requests; [mock] defaults scan_tables, scan_views, scan_comment =
         *     true and the other three = false. Responses from the mock always carry all six.
         */
        ScanConfig: {
            /**
             * @description Scan tables.
             * @default true
             */
            scan_tables?: boolean;
            /**
             * @description Scan views.
             * @default true
             */
            scan_views?: boolean;
            /**
             * @description Read table and column comments.
             * @default true
             */
            scan_comment?: boolean;
            /**
             * @description Read column constraints.
             * @default false
             */
            scan_column_constraints?: boolean;
            /**
             * @description Read privileges.
             * @default false
             */
            scan_privileges?: boolean;
            /**
             * @description Include system databases.
             * @default false
             */
            scan_system_db?: boolean;
        };
        /**
         * @description Body of CreateTaskTemplates. Booleans must be JSON booleans and integers JSON integers [mock]. A repeated
         *     (db_type case-insensitive, ins_id) pair in data_sources → 400 [mock].
         */
        CreateTaskTemplateRequest: {
            /** @description Template name, 1–1024 characters [mock]. */
            task_name: string;
            /**
             * @description Free text, up to 1024 characters; optional [mock] (required in the older tree).
             * @default
             */
            task_description?: string;
            /** @description Instances to scan, 1–100 items, no repeated (db_type, ins_id) pair [mock]. */
            data_sources: components["schemas"]["DataSource"][];
            /** @description ONCE, DAY, WEEK or MONTH. */
            schedule_type: components["schemas"]["ScheduleType"];
            /**
             * Format: int64
             * @description First trigger point, epoch **seconds**, 0–2147483647 [doc range; mock unit]. Default: mock now in
             *     seconds. A millisecond value is out of range and rejected with a hint that the unit is seconds.
             */
            start_time?: number;
            /**
             * @description Start an instance at creation (trigger MANUAL).
             * @default false
             */
            start_now?: boolean;
            /**
             * @description Whether the schedule is armed [mock default true].
             * @default true
             */
            schedule_switch?: boolean;
            /**
             * @description Delete metadata that failed to collect; stored and echoed only [mock].
             * @default false
             */
            delete_failed_meta?: boolean;
            /** @description What to scan; omitted keys take their defaults [mock]. */
            scan_config?: components["schemas"]["ScanConfig"];
        };
        /**
         * @description Body of UpdateTaskTemplates: the create fields, all optional; present fields replace stored ones and the
         *     merged template must pass create validation [mock]. `start_now` is accepted and ignored.
         */
        UpdateTaskTemplateRequest: {
            /** @description Template name, 1–1024 characters [mock]. */
            task_name?: string;
            /** @description Free text, up to 1024 characters. */
            task_description?: string;
            /** @description Replaces the stored list whole; 1–100 items, no repeated pair [mock]. */
            data_sources?: components["schemas"]["DataSource"][];
            /** @description ONCE, DAY, WEEK or MONTH. */
            schedule_type?: components["schemas"]["ScheduleType"];
            /**
             * Format: int64
             * @description First trigger point, epoch **seconds**, 0–2147483647.
             */
            start_time?: number;
            /** @description Ignored on update [mock]. */
            start_now?: boolean;
            /** @description Arm or disarm the schedule. */
            schedule_switch?: boolean;
            /** @description Delete metadata that failed to collect; stored and echoed only [mock]. */
            delete_failed_meta?: boolean;
            /** @description What to scan; omitted keys take their defaults [mock]. */
            scan_config?: components["schemas"]["ScanConfig"];
        };
        /** @description A template id, as a JSON integer or a decimal string (create returns ids as strings) [mock]. */
        TemplateIdValue: number | string;
        /** @description Bare JSON array of 1–100 template ids; duplicates and unknown ids are ignored [mock]. */
        DeleteTaskTemplatesRequest: components["schemas"]["TemplateIdValue"][];
        /** @description Body of CreateOperate. `action` documented optional (≤ 256 chars); [mock] required, exact upper case. */
        OperateTaskTemplateRequest: {
            /** @description ENABLE, DISABLE or START. */
            action: components["schemas"]["TemplateAction"];
        };
        /** @description 200 body of every write [doc]. */
        OperateResult: {
            /** @description [mock] always "success". */
            status: string;
            /** @description [mock] always "操作成功" (the documented example). */
            msg: string;
            /**
             * @description Template id as a decimal string (create, update, operate), or the deleted ids joined with `,` (delete,
             *     `""` if none) [mock]. The doc examples show UUID-looking ids.
             */
            id: string;
        };
        /**
         * @description One template in ListTaskTemplates. The documented table is truncated; the [mock] completes it. Fields the
         *     doc or the create body define are required; the mock's extensions are optional (the real service may omit
         *     them) but the mock always sends them.
         */
        TaskDetail: {
            /**
             * Format: int64
             * @description Template id.
             */
            id: number;
            /** @description Template name. */
            task_name: string;
            /** @description Template description (`""` when not given). */
            task_description: string;
            /** @description ONCE, DAY, WEEK or MONTH. */
            schedule_type: components["schemas"]["ScheduleType"];
            /** @description Whether the schedule is armed. */
            schedule_switch: boolean;
            /**
             * Format: int64
             * @description First trigger point, epoch seconds.
             */
            start_time: number;
            /** @description What to scan; omitted keys take their defaults [mock]. */
            scan_config: components["schemas"]["ScanConfig"];
            /** @description User name of the credential that created the template [mock]. */
            create_user: string;
            /** @description The ins_id of each data source, in order [mock reading of the doc's "name and type"]. */
            data_source: string[];
            /** @description As stored. */
            delete_failed_meta: boolean;
            /**
             * Format: int64
             * @description Start of the latest instance, epoch ms; null if never run.
             */
            last_trigger_time: number | null;
            /**
             * Format: int64
             * @description End of the latest finished instance, epoch ms; null if none finished.
             */
            last_end_time: number | null;
            /** @description [mock] extension: the data sources, db_type spelled as the client sent it. */
            data_sources?: components["schemas"]["DataSource"][];
            /** @description [mock] extension: status of the latest instance, null if never run. */
            last_task_status?: components["schemas"]["TaskStatus"] | null;
            /**
             * Format: int64
             * @description [mock] extension: next firing point, epoch ms; null when nothing is scheduled.
             */
            next_trigger_time?: number | null;
            /**
             * Format: int64
             * @description [mock] extension: creation time, epoch ms.
             */
            create_time?: number;
            /**
             * Format: int64
             * @description [mock] extension: last update time, epoch ms.
             */
            update_time?: number;
        };
        /** @description One page of templates. */
        ListTaskTemplatesResponse: {
            /**
             * Format: int64
             * @description Number of matches before paging.
             */
            total_num: number;
            /** @description The templates of this page, ascending id. */
            result: components["schemas"]["TaskDetail"][];
        };
        /** @description One run of a template [mock reading of the flattened doc table]. */
        TaskInstance: {
            /**
             * Format: int64
             * @description Instance id (counter from 1 [mock]).
             */
            id: number;
            /** @description ONCE, DAY, WEEK or MONTH. */
            schedule_type: components["schemas"]["ScheduleType"];
            /** @description RUNNING, SUCCESS or FAILED [mock]. */
            task_status: components["schemas"]["TaskStatus"];
            /**
             * Format: int64
             * @description Start time, epoch ms.
             */
            task_create_time: number;
            /**
             * Format: int64
             * @description Last status change, epoch ms.
             */
            task_update_time: number;
            /**
             * Format: int64
             * @description End time, epoch ms; null while running.
             */
            task_end_time: number | null;
            /** @description Failure reason; `""` unless FAILED. */
            error_msg: string;
            /**
             * @description [mock] extension: what started the run.
             * @enum {string}
             */
            trigger?: "MANUAL" | "SCHEDULE";
        };
        /** @description One page of task instances. */
        ListTaskInstancesResponse: {
            /**
             * Format: int64
             * @description Number of instances before paging.
             */
            total_num: number;
            /** @description The instances of this page. */
            result: components["schemas"]["TaskInstance"][];
        };
        /**
         * @description DSC service error [doc]. [mock] codes are lower-case `dsc.`; the SDK compares codes case-insensitively.
         *     `request_id` is present when the gateway produced the error.
         */
        DscError: {
            /** @description Error code, e.g. dsc.40000011. */
            error_code: string;
            /** @description Human-readable message naming the field and what was expected. */
            error_msg: string;
            /** @description Request id (gateway errors). */
            request_id?: string;
        };
        /** @description API gateway error envelope with an `APIGW.*` code [doc]. */
        GatewayError: {
            /** @description Gateway code, e.g. APIGW.0301. */
            error_code: string;
            /** @description Reason (never contains a secret). */
            error_msg: string;
            /** @description Request id, same value as the X-Request-Id header. */
            request_id: string;
        };
        /** @description Either the gateway envelope or a DSC error (service errors and injected faults). */
        GatewayOrDscError: components["schemas"]["GatewayError"] | components["schemas"]["DscError"];
    };
    responses: {
        /** @description Operation accepted. `id` is the template id (create, operate, update) or the deleted ids (delete). */
        OperateOk: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OperateResult"];
            };
        };
        /** @description Created, without a body (listed by the older doc tree [doc]); the mock always answers 200 [mock]. */
        CreatedNoBody: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Deleted, without a body (listed by the older doc tree [doc]); the mock always answers 200 [mock]. */
        NoContent: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description Validation failure or malformed JSON (`dsc.40000011` "Invalid parameter: <field>: <problem>"), or `START`
         *     while an instance runs (`dsc.40000028`).
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "dsc.40000011",
                 *       "error_msg": "Invalid parameter: data_sources[0].db_type: 'FOO' is not a supported database type"
                 *     }
                 */
                "application/json": components["schemas"]["DscError"];
            };
        };
        /**
         * @description Gateway authentication failure (`APIGW.0301` bad or missing credentials, `APIGW.0307` expired token), or
         *     DSC not enabled for the project (`dsc.10000009` "Current instance does not exist").
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "APIGW.0301",
                 *       "error_msg": "Incorrect IAM authentication information.",
                 *       "request_id": "0123456789abcdef0123456789abcdef"
                 *     }
                 */
                "application/json": components["schemas"]["GatewayOrDscError"];
            };
        };
        /** @description Path `project_id` differs from the credential's project (`APIGW.0306`), or an injected fault. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayOrDscError"];
            };
        };
        /** @description The route matched nothing (`APIGW.0101`), or an injected fault. */
        RouteNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayOrDscError"];
            };
        };
        /** @description Unknown template (`dsc.600000025` "The template does not exist"), or a gateway route miss. */
        TemplateNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "dsc.600000025",
                 *       "error_msg": "The template does not exist"
                 *     }
                 */
                "application/json": components["schemas"]["GatewayOrDscError"];
            };
        };
        /** @description Request body over 12 MB (`APIGW.0201`) [mock]. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayOrDscError"];
            };
        };
        /** @description Throttled (`APIGW.0308`); the mock produces it only through fault injection. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayOrDscError"];
            };
        };
        /** @description Server error [doc]; the mock produces it only through fault injection. */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DscError"];
            };
        };
        /** @description Other 5xx statuses, produced by the mock only through fault injection, in the DSC envelope [mock]. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DscError"];
            };
        };
    };
    parameters: {
        /**
         * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
         * @example 0123456789abcdef0123456789abcdef
         */
        ProjectId: string;
        /**
         * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
         *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
         * @example 1001
         */
        TemplateId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Request id, 32 lowercase hex characters [mock]; present on every response. */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListTaskTemplates: {
        parameters: {
            query?: {
                /** @description Page length; 0 or absent means the default 100 [mock]; larger values are honoured. */
                page_size?: number;
                /** @description [mock] extension: number of matching items to skip. */
                offset?: number;
                /** @description [mock] legacy alias of page_size; page_size wins when both are given. */
                limit?: number;
                /** @description Case-insensitive substring of the template name [mock]. */
                task_name?: string;
                /**
                 * @description Match any of these schedule types. Sent as repeated keys (the SDK does); the mock also accepts one
                 *     comma-separated value.
                 */
                schedule_types?: components["schemas"]["ScheduleType"][];
                /** @description Exact template id. */
                id?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of templates. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListTaskTemplatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    CreateTaskTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskTemplateRequest"];
            };
        };
        responses: {
            200: components["responses"]["OperateOk"];
            201: components["responses"]["CreatedNoBody"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    DeleteTaskTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteTaskTemplatesRequest"];
            };
        };
        responses: {
            200: components["responses"]["OperateOk"];
            204: components["responses"]["NoContent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    UpdateTaskTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskTemplateRequest"];
            };
        };
        responses: {
            200: components["responses"]["OperateOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    CreateOperate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperateTaskTemplateRequest"];
            };
        };
        responses: {
            200: components["responses"]["OperateOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    ListTaskInstances: {
        parameters: {
            query?: {
                /** @description Page length; 0 or absent means the default 100 [mock]. */
                page_size?: number;
                /**
                 * @description true = descending `task_create_time`; default false = ascending (ties by id) [mock]. The mock accepts
                 *     true/false case-insensitively and rejects anything else with 400.
                 */
                reverse?: boolean;
                /** @description Legacy `ListScanInstances` page length; [mock] alias of page_size (page_size wins). */
                limit?: number;
                /** @description Number of instances to skip (legacy parameter, honoured for both forms) [mock]. */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of task instances. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListTaskInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    CreateTaskTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskTemplateRequest"];
            };
        };
        responses: {
            200: components["responses"]["OperateOk"];
            201: components["responses"]["CreatedNoBody"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    UpdateTaskTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskTemplateRequest"];
            };
        };
        responses: {
            200: components["responses"]["OperateOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    UpdateAction: {
        parameters: {
            query: {
                /**
                 * @description What to do; exact upper case [mock].
                 * @example ENABLE
                 */
                action: components["schemas"]["TemplateAction"];
            };
            header?: never;
            path: {
                /**
                 * @description Project id, 32 characters [doc]; [mock] must match `^[0-9A-Za-z]{32}$`, else 400 `dsc.40000011`.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Template id as a path segment, 1–64 characters [doc]. [mock] looked up only when it matches
                 *     `^[0-9]{1,19}$`; any other value, an unknown number or another project's template → 404.
                 * @example 1001
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OperateOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["TemplateNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
