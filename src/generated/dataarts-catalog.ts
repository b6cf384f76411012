/**
 * generated, do not edit: produced by scripts/generate.mjs (openapi-typescript) from openapi/dataarts-catalog.yaml.
 * Change the spec and run `npm run generate`.
 */

export interface paths {
    "/v3/{project_id}/metadata/tasks/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search collection tasks
         * @description Lists the collection tasks of the `workspace` that match every given filter. Filters travel in the JSON body
         *     [doc]. [mock] Order is `create_time` descending, then `id`; `count` is the number of matches before paging.
         *     An empty body `{}` lists everything (first 10).
         */
        post: operations["ShowTaskList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/metadata/tasks/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a collection task
         * @description Creates a task in the `workspace` and returns its id. Creating never runs the task. [mock] A `CRON` task
         *     created with `enabled` 1 starts scheduling at once (its `enabled` then reads 3). Creating more than
         *     `max_records` tasks in the project answers 400 `DLG.9003`.
         */
        post: operations["CreateTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/metadata/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one collection task
         * @description Returns the task object with every field at the top level (no wrapper) [doc]. An unknown id, or the id of a
         *     task in another workspace, answers 400 `DLG.2253` [doc]. [mock] `GET …/tasks/create` is a lookup of a task
         *     whose id is "create" and finds nothing.
         */
        get: operations["ShowTaskInfo"];
        /**
         * Replace a collection task
         * @description Replaces the task with the body, which has the same shape and required fields as for create [doc].
         *     [mock] Full replacement of the client-settable fields: optional fields left out go back to their defaults.
         *     The body `id` is ignored (the path wins). Changing `data_source_type` answers 400 `DLG.9001`. Allowed while
         *     the task is scheduled or running: a running instance is unaffected and the schedule is recomputed (`CRON`
         *     with `enabled` 1/3/5 schedules, `enabled` 0 stops scheduling). Unknown task → 400 `DLG.2253`.
         */
        put: operations["UpdateTaskInfo"];
        post?: never;
        /**
         * Delete a collection task
         * @description Deletes the task [doc]. [mock] Scheduling stops and a running instance ends as `STOPPED` first. Deleting an
         *     unknown (or already deleted) task answers 400 `DLG.2208` [doc code].
         */
        delete: operations["DeleteTaskInfo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/metadata/tasks/{task_id}/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run, schedule or stop a collection task
         * @description No request body [doc]. [mock] `runimmediate` starts one instance now (400 `DLG.9002` if one is already
         *     `RUNNING`); `run` starts scheduling a `CRON` task (`enabled` → 3, idempotent, no immediate instance) and
         *     behaves like `runimmediate` for a `RUN_ONCE` task; `stop` stops scheduling (`enabled` 3 → 5) and stops a
         *     running instance, and succeeds even when nothing runs. A missing or unknown `action` answers 400 `DLG.9001`;
         *     an unknown task 400 `DLG.2253`.
         */
        post: operations["ExecuteTaskAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/metadata/tasks/{task_id}/{instance_id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the logs of a task instance
         * @description Returns the status and log text of the bridge, profile and classification jobs of one instance [doc].
         *     There is no public API that lists instances; the caller must already know `instance_id` and `bridge_id`.
         *     [mock] Unknown task → 400 `DLG.2253`; an `instance_id` that is not an instance of the task, or a `bridge_id`
         *     that is not that instance's → 400 `DLG.9005`.
         */
        post: operations["ShowInstanceLog"];
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
         * @description `runimmediate` = start one instance now; `run` = start scheduling (a `RUN_ONCE` task runs now instead);
         *     `stop` = stop scheduling and any running instance.
         * @enum {string}
         */
        TaskAction: "run" | "runimmediate" | "stop";
        /**
         * @description Schedule window bound. Vendor format `yyyy-MM-ddTHH:mm:ss +08` [doc]; [mock] ISO-8601 with `Z` or a `±HH:MM`
         *     offset is accepted too (optionally with fractional seconds). Stored as sent.
         * @example 2026-04-14T00:00:00 +08
         * @example 2026-04-14T00:00:00Z
         * @example 2026-04-14T00:00:00+08:00
         */
        ScheduleTime: string;
        /**
         * @description When the task runs (`SchedulerInfo`). Used in requests and responses. [mock] `cron_expression` is required
         *     (non-empty) when `schedule_type` is `CRON`.
         */
        ScheduleConfig: {
            /**
             * @description `RUN_ONCE` = only when started by an action; `CRON` = on the cron expression. [mock] Exact case.
             * @enum {string}
             */
            schedule_type: "RUN_ONCE" | "CRON";
            /**
             * @description Six-field Quartz expression `sec min hour day-of-month month day-of-week`, e.g. `00 *\/15 9-23 * * ?` [doc].
             *     [mock] Subset: `*`, numbers, `a-b`, lists, steps `*\/n` `a/n` `a-b/n`, month names JAN–DEC, day names
             *     SUN–SAT (1 = Sunday), `?` in exactly the day fields (at least one of them). `L`, `W`, `#`, `LW` and a
             *     seventh (year) field are rejected, naming the token. Evaluated in the mock's zone (UTC by default).
             */
            cron_expression?: string | null;
            /** @description Start of the window in which cron firings happen; absent = no lower bound. */
            start_time?: components["schemas"]["ScheduleTime"] | null;
            /** @description End of the window in which cron firings happen; absent = no upper bound. */
            end_time?: components["schemas"]["ScheduleTime"] | null;
            /** @description Free text such as `15 minutes` [doc]; stored and echoed, never interpreted. */
            interval?: string | null;
            /**
             * Format: int32
             * @description [mock] Run time limit in minutes (≥ 1); a run still going at the limit fails. Absent = no limit.
             */
            max_time_out?: number | null;
            /**
             * @description Requests send 0 (off) or 1 (on) [doc]. Responses may hold 3 (scheduling) or 5 (paused by `stop`).
             *     [mock] 3 and 5 are accepted in requests and mean 1; absent = 0; a `RUN_ONCE` task always reads 0.
             * @default 0
             * @enum {integer|null}
             */
            enabled?: 0 | 1 | 3 | 5 | null;
            /**
             * Format: int32
             * @description Server-assigned scheduler job id; ignored in requests ([mock] a counter from 1).
             */
            job_id?: number | null;
        };
        /**
         * @description What to collect: an open object in the vendor's own mixed-case keys, stored and echoed verbatim (unknown keys
         *     kept). The keys below are the ones seen in official examples; their meaning beyond the name is not published.
         *     [mock] The mock reads only `data_connection_id` (run outcome, search filter), `bucket_name` (search filter),
         *     `enableDataProfile` and `enableDataClassification` (which jobs an instance has).
         */
        TaskConfig: {
            /** @description DataArts data connection to read. [mock] A run without it fails ("data connection not specified"). */
            data_connection_id?: string | null;
            /** @description Display name of the data connection. */
            data_connection_name?: string | null;
            /** @description Creation time of the data connection, epoch milliseconds as a decimal string. */
            data_connection_create_time?: string | null;
            /** @description Databases to collect. */
            databaseName?: string[] | null;
            /** @description Tables to collect, each `database.table`. */
            tableName?: string[] | null;
            /** @description Policy for objects that still exist (numeric code as a string, e.g. "3" or "4"; meaning unpublished). */
            alive_object_policy?: string | null;
            /** @description Policy for objects deleted at the source (numeric code as a string, e.g. "3", "10", "11"; meaning unpublished). */
            deleted_object_policy?: string | null;
            /** @description Also run a data profile job after collection. */
            enableDataProfile?: boolean | null;
            /** @description Also run a data classification job after collection. */
            enableDataClassification?: boolean | null;
            /** @description Treat the table names as regular expressions. */
            enable_table_filter_by_regex?: boolean | null;
            /** @description Sampling setting, a numeric string. */
            sampling?: string | null;
            /** @description DLI queue to run on, e.g. "default". */
            queue?: string | null;
            /** @description Uniqueness flag seen in official examples (meaning unpublished). */
            unique?: boolean | null;
            /** @description [mock] OBS bucket of the source; matched by the search filter `bucket_name`. */
            bucket_name?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description One user-defined metadata entry (`CustomMetadata`), stored verbatim. */
        ParameterConfigItem: {
            /** @description Free-text description. */
            description?: string | null;
            /** @description Entry type. */
            type?: string | null;
            /** @description Task the entry belongs to. */
            task_id?: string | null;
        };
        /**
         * @description Body of create and update (`MetadataCollectionTask`). [mock] Unknown fields are ignored; `null` in an optional
         *     field means absent. Server-computed fields (`id`, `user_name`, `path`, `project_id`, the times) may be sent
         *     back by read-modify-write clients: they are accepted and ignored.
         */
        CollectionTaskInput: {
            /** @description Ignored (the vendor example sends `null`); the server assigns the id. */
            id?: string | null;
            /** @description Task name, 1–128 characters, any Unicode (e.g. `test采集110`). */
            name: string;
            /**
             * @description Free text, at most 1024 characters.
             * @default
             */
            description?: string | null;
            /**
             * @description Owner user id. Required by the vendor's docs, but [mock] optional (the Terraform provider omits it);
             *     defaults to the calling user's id.
             */
            user_id?: string | null;
            /** @description Ignored; the server records the calling user's name. */
            user_name?: string | null;
            /** @description Person responsible for the task; defaults to the creator's user name. */
            duty_person?: string | null;
            /** @description Catalog directory id; "0" is the root. */
            dir_id: string;
            /** @description Ignored; computed from `dir_id`. */
            path?: string | null;
            /** @description Ignored; the path `project_id` is used. */
            project_id?: string | null;
            /** @description When and how the task runs (run once, or a Quartz cron schedule). */
            schedule_config: components["schemas"]["ScheduleConfig"];
            /** @description User-defined metadata entries, stored verbatim. */
            parameter_config?: components["schemas"]["ParameterConfigItem"][] | null;
            /** @description Update mode, stored verbatim. */
            update_type?: string | null;
            /**
             * @description Kind of source, e.g. `DLI` (the only type in public examples; others such as DWS, HIVE, RDS, OBS are
             *     accepted). Letters, digits and `_`, 1–64 characters. Cannot be changed by update.
             */
            data_source_type: string;
            /** @description What to collect and from which data connection (an open object, stored verbatim). */
            task_config: components["schemas"]["TaskConfig"];
            /** @description Workspace that owns the data connection; defaults to the `workspace` header. */
            data_source_workspace_id?: string | null;
            /** @description Ignored (server-computed). */
            create_time?: string | null;
            /** @description Ignored (server-computed). */
            update_time?: string | null;
            /** @description Ignored (server-computed). */
            last_run_time?: string | null;
            /** @description Ignored (server-computed; the schedule window is in `schedule_config`). */
            start_time?: string | null;
            /** @description Ignored (server-computed; the schedule window is in `schedule_config`). */
            end_time?: string | null;
            /** @description Ignored (server-computed). */
            next_run_time?: string | null;
        };
        /** @description A collection task as returned by show and search. Times are epoch milliseconds as decimal strings. */
        CollectionTask: {
            /** @description Task id ([mock] 32 lowercase hex). */
            id: string;
            /** @description Task name. */
            name: string;
            /** @description Task description ("" when none was given). */
            description?: string | null;
            /** @description Owner user id. */
            user_id?: string | null;
            /** @description Name of the user who created the task. */
            user_name?: string | null;
            /** @description Person responsible ([mock] defaults to `user_name`). */
            duty_person?: string | null;
            /** @description Catalog directory id; "0" is the root. */
            dir_id: string;
            /** @description Directory path; "" for the root ([mock] otherwise "/" + `dir_id`). */
            path?: string | null;
            /** @description Project the task belongs to. */
            project_id?: string | null;
            /** @description When and how the task runs (run once, or a Quartz cron schedule). */
            schedule_config: components["schemas"]["ScheduleConfig"];
            /** @description User-defined metadata entries. */
            parameter_config?: components["schemas"]["ParameterConfigItem"][] | null;
            /** @description Update mode as sent, or null. */
            update_type?: string | null;
            /** @description Kind of source, e.g. `DLI`. */
            data_source_type: string;
            /** @description What to collect and from which data connection (an open object, stored verbatim). */
            task_config: components["schemas"]["TaskConfig"];
            /** @description Workspace that owns the data connection. */
            data_source_workspace_id?: string | null;
            /** @description Creation time, epoch ms as a decimal string (e.g. "1775892315978"). */
            create_time?: string | null;
            /** @description Last modification time, epoch ms as a decimal string. */
            update_time?: string | null;
            /** @description Start of the latest instance, or null if the task never ran. */
            last_run_time?: string | null;
            /** @description Start of the latest instance, or null. */
            start_time?: string | null;
            /** @description End of the latest instance, or null while it runs or if it never ran. [sdk] The SDK's waiters take an `end_time` earlier than `start_time` for an earlier run's end left in place (the docs do not say the service clears it when a run starts), so that run is still going; the outcome of a run is not on the task (only `ShowInstanceLog`, by instance and bridge ids, reports it). */
            end_time?: string | null;
            /** @description Next cron firing while the task is scheduled, else null. */
            next_run_time?: string | null;
        };
        CreateTaskResponse: {
            /** @description Id of the new task ([doc example] 32 lowercase hex). */
            task_id: string;
        };
        /** @description Search filters; all optional and combined with AND. [mock] `null` = filter absent; unknown fields are ignored. */
        SearchTasksRequest: {
            /** @description [mock] Case-insensitive substring of the task name. */
            name?: string | null;
            /** @description [mock] Exact creator name. */
            user_name?: string | null;
            /** @description [mock] Data source type, exact but case-insensitive. */
            data_source_type?: string | null;
            /** @description Tasks whose `task_config.data_connection_id` equals this. */
            data_connection_id?: string | null;
            /** @description Tasks whose `last_run_time` is at or after this time ([mock] epoch-ms string or ISO-8601). Tasks that never ran do not match. */
            start_time?: string | null;
            /** @description Tasks whose `last_run_time` is at or before this time ([mock] epoch-ms string or ISO-8601). Tasks that never ran do not match. */
            end_time?: string | null;
            /** @description Tasks whose `dir_id` equals this. */
            directory_id?: string | null;
            /** @description [mock] Tasks whose `task_config.bucket_name` equals this. */
            bucket_name?: string | null;
            /**
             * Format: int32
             * @description Page size, default 10 [doc]. [mock] 1–1000, anything else is rejected (never silently capped).
             * @default 10
             */
            limit?: number | null;
            /**
             * Format: int32
             * @description Number of matches to skip, default 0.
             * @default 0
             */
            offset?: number | null;
        };
        SearchTasksResponse: {
            /**
             * Format: int32
             * @description Number of tasks that match the filters, before paging.
             */
            count: number;
            /**
             * Format: int32
             * @description Number of tasks in the project ([mock] across all its workspaces).
             */
            total_records: number;
            /**
             * Format: int32
             * @description Maximum number of tasks the project may hold ([mock] 1000).
             */
            max_records: number;
            /** @description The requested page of tasks. */
            resources: components["schemas"]["CollectionTask"][];
        };
        /** @description Which jobs of the instance to read. [mock] Unknown fields are ignored. */
        JobLogRequest: {
            /** @description Bridge (collection) job id of the instance ([mock] 32 uppercase hex). */
            bridge_id: string;
            /** @description Classification job id; may be null [doc]. [mock] Not checked. */
            classification_id?: string | null;
        };
        JobLogResponse: {
            /** @description Whether the instance has a bridge (collection) job ([mock] always true). */
            enable_bridge: boolean;
            /** @description Whether the instance has a profile job ([mock] `task_config.enableDataProfile` at instance start). */
            enable_profile: boolean;
            /** @description Whether the instance has a classification job ([mock] `task_config.enableDataClassification` at start). */
            enable_classification: boolean;
            /** @description Status of the bridge job ([mock] RUNNING, SUCCESS, FAILED or STOPPED). */
            bridge_status: string;
            /** @description Status of the profile job ([mock] mirrors the bridge; "" when disabled). */
            profile_status: string;
            /** @description Status of the classification job ([mock] mirrors the bridge; "" when disabled). */
            classification_status: string;
            /** @description Bridge job log, one event per line `yyyy-MM-dd HH:mm:ss.SSS LEVEL message` ([mock] UTC). */
            bridge_job_log: string;
            /** @description Profile job log ("" when disabled). */
            profile_job_log: string;
            /** @description Classification job log ("" when disabled). */
            classification_job_log: string;
        };
        /** @description The documented flat error body [doc]; gateway errors add `request_id`. */
        DataArtsError: {
            /** @description Error code, e.g. `DLG.2253` (service) or `APIGW.0301` (gateway). */
            error_code: string;
            /** @description Human-readable reason. */
            error_msg: string;
            /** @description Present on gateway errors. */
            request_id?: string;
        };
        /**
         * @description Error list form that the vendor's Terraform provider reads (`errors[0].error_code`). The mock never sends it;
         *     the SDK reads the flat fields first, then `errors[0]`.
         */
        DataArtsErrorList: {
            errors: {
                /** @description Error code. */
                error_code: string;
                /** @description Human-readable reason. */
                error_msg: string;
            }[];
        };
        /** @description A DataArts error body, flat (documented, sent by the mock) or as a list. */
        DataArtsErrorBody: components["schemas"]["DataArtsError"] | components["schemas"]["DataArtsErrorList"];
        /** @description Error raised by the API gateway before the service (codes `APIGW.*`). */
        GatewayError: {
            /** @description Gateway code, e.g. `APIGW.0301`. */
            error_code: string;
            /** @description Human-readable reason (never contains a secret). */
            error_msg: string;
            /** @description Request id, same as the `X-Request-Id` header. */
            request_id: string;
        };
        /** @description Gateway envelope (usual for 401/403/404) or a service error body. */
        AnyErrorBody: components["schemas"]["GatewayError"] | components["schemas"]["DataArtsErrorBody"];
    };
    responses: {
        /**
         * @description Rejected by the service: `DLG.0818` workspace missing/unknown, `DLG.2253` task not found, `DLG.2208` delete of
         *     an unknown task, and the mock-owned codes `DLG.9001` validation (`Invalid parameter: <field>: <problem>`),
         *     `DLG.9002` already running, `DLG.9003` project quota reached, `DLG.9005` unknown instance or bridge id.
         *     Other DataArts modules use other prefixes (`DLF.`, `DLM.`, `DS.`).
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataArtsErrorBody"];
            };
        };
        /**
         * @description Authentication failed. Normally the gateway envelope: `APIGW.0301` (missing or invalid credentials, bad
         *     signature, clock skew) or `APIGW.0307` (token expired; the SDK refreshes it and retries once).
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AnyErrorBody"];
            };
        };
        /** @description Access denied, e.g. the path `project_id` is not the credential's project (`APIGW.0306`). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AnyErrorBody"];
            };
        };
        /** @description No such route (`APIGW.0101`). A missing *task* is a 400, not a 404. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AnyErrorBody"];
            };
        };
        /** @description Request body over 12 MB (`APIGW.0201`). */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description Server-side failure [doc: statuses 500 and above are possible on any call]. The mock produces one only through fault injection, in the service's flat envelope (or the gateway envelope for an `APIGW.*` code); a client's mistake never yields a 5xx. The SDK retries 500/502/503/504 only where the operation is safe to repeat. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataArtsError"] | components["schemas"]["GatewayError"];
            };
        };
        /** @description Throttled (`APIGW.0308`). The Catalog APIs share 100 requests/s, 50 per user [doc]; the mock throttles only when a fault is injected. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
    };
    parameters: {
        /** @description Project id (32 hex characters) of the region. */
        ProjectId: string;
        /** @description Collection task id ([doc example] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
        TaskId: string;
        /**
         * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
         *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
         *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
         */
        Workspace: string;
    };
    requestBodies: never;
    headers: {
        /** @description [mock] Request id, on every response (success or error): 32 lowercase hex. */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ShowTaskList: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchTasksRequest"];
            };
        };
        responses: {
            /** @description One page of matching tasks. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchTasksResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    CreateTask: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectionTaskInput"];
            };
        };
        responses: {
            /** @description The task was created. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTaskResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    ShowTaskInfo: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
                /** @description Collection task id ([doc example] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    UpdateTaskInfo: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
                /** @description Collection task id ([doc example] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectionTaskInput"];
            };
        };
        responses: {
            /** @description The task was replaced. Empty body. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    DeleteTaskInfo: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
                /** @description Collection task id ([doc example] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task was deleted. Empty body. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    ExecuteTaskAction: {
        parameters: {
            query: {
                /** @description What to do, in exact lower case. */
                action: components["schemas"]["TaskAction"];
            };
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
                /** @description Collection task id ([doc example] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
                task_id: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Done. Empty body. [mock] When the call starts an instance, the mock also sends the mock-only headers
             *     `X-Mock-Instance-Id` and `X-Mock-Bridge-Id` so that tests can read the instance's log.
             */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Mock only. Id of the instance this call started (32 lowercase hex). */
                    "X-Mock-Instance-Id"?: string;
                    /** @description Mock only. Bridge job id of the instance this call started (32 uppercase hex). */
                    "X-Mock-Bridge-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Done, no content. Some deployments answer 204 (the Terraform provider accepts it); the SDK treats it like 200. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    ShowInstanceLog: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description DataArts Studio workspace id (32 hex characters, the `workspace=` value in the console URL). Tasks live in a
                 *     workspace: a task id of another workspace is "not found". Missing, empty or unknown → 400 `DLG.0818`
                 *     ("Processing failed. The workspace does not exist."). The SDK signs this header with AK/SK.
                 */
                workspace: components["parameters"]["Workspace"];
            };
            path: {
                /** @description Project id (32 hex characters) of the region. */
                project_id: components["parameters"]["ProjectId"];
                /** @description Collection task id ([doc example] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
                task_id: components["parameters"]["TaskId"];
                /** @description Task instance id ([mock] 32 lowercase hex). The SDK accepts 1–128 letters, digits, `_` or `-` and refuses anything else before sending (a path segment never carries `/`, `.` runs, `%` or control characters) [mock]. */
                instance_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobLogRequest"];
            };
        };
        responses: {
            /** @description Status and logs of the instance's jobs. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobLogResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
