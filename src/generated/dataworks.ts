/**
 * generated, do not edit: produced by scripts/generate.mjs (openapi-typescript) from openapi/dataworks.yaml.
 * Change the spec and run `npm run generate`.
 */

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Call a GET action (ListCrawlerTypes, GetDataSource, ListDataSources, DeleteDataSource, GetTaskInstanceLog)
         * @description Summary of the GET actions for documentation tools. The real contract is per action in the top-level
         *     `x-actions` map: the action named in `x-acs-action` decides which `*Request` schema the query string
         *     follows and which `*Response` schema the body follows.
         */
        get: operations["dataworksGetAction"];
        put?: never;
        /**
         * Call a POST action (crawler actions, CreateDataSource, TestDataSourceConnectivity)
         * @description Summary of the POST actions for documentation tools. The real contract is per action in the top-level
         *     `x-actions` map. Crawler actions and `GetCrawlerTypeCapabilities` send their parameters as form fields in
         *     the body; `CreateDataSource` and `TestDataSourceConnectivity` send them in the query string with an empty
         *     body. [mock] The mock reads query and form body merged (the body wins on a clash).
         */
        post: operations["dataworksPostAction"];
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
         * @description Data-source environment.
         * @enum {string}
         */
        EnvType: "Dev" | "Prod";
        /**
         * @description Status of a crawler run (a DataWorks task instance).
         * @enum {string}
         */
        RunStatus: "WAITING" | "RUNNING" | "SUCCESS" | "ERROR" | "SHUTDOWN";
        /**
         * @description `VALID` while the configuration is valid and the data source exists, else `INVALID`.
         * @enum {string}
         */
        CrawlerStatus: "VALID" | "INVALID";
        /**
         * @description `MANUAL` = runs only on `RunCrawler`; `NORMAL` = also runs on a cron schedule.
         * @enum {string}
         */
        ScheduleType: "MANUAL" | "NORMAL";
        /**
         * @description What a crawler reads; the units a type supports are listed by `GetCrawlerTypeCapabilities`.
         * @enum {string}
         */
        ScopeUnit: "PROJECT" | "DATABASE" | "INSTANCE" | "CATALOG";
        /**
         * @description Outcome of a connectivity test.
         * @enum {string}
         */
        ConnectState: "Connectable" | "ConfigError" | "Unreachable" | "Unsupport";
        /**
         * @description How `ConnectionProperties` locates the database — a cloud instance (`InstanceMode`) or an address (`UrlMode`).
         * @enum {string}
         */
        ConnectionPropertiesMode: "UrlMode" | "InstanceMode";
        /**
         * Format: int64
         * @description Positive integer id (always below 2^53).
         */
        Int64Id: number;
        /**
         * Format: int64
         * @description UNIX epoch time in milliseconds (UTC).
         */
        EpochMillis: number;
        /**
         * @description What a crawler collects. Sent as a JSON string. Omitted on create = `{"Unit": <DefaultScopeUnit>}`.
         *     [mock] `DATABASE` without `Items` means the data source's own database; `INSTANCE` means every database.
         *     Unknown keys are ignored.
         * @example {
         *       "Unit": "DATABASE"
         *     }
         * @example {
         *       "Unit": "DATABASE",
         *       "Items": [
         *         "shop",
         *         "crm"
         *       ],
         *       "ExcludeRegex": "^tmp_.*$"
         *     }
         */
        Scope: {
            Unit: components["schemas"]["ScopeUnit"];
            /** @description Databases to read; only with `Unit` `DATABASE`. No empty or repeated entries. */
            Items?: string[];
            /**
             * @description Tables whose name fully matches this regular expression are skipped; only for types with
             *     `SupportExcludeRegex`. [mock] At most 1024 characters and must compile.
             */
            ExcludeRegex?: string;
        };
        /**
         * @description When a crawler runs by itself. Sent as a JSON string. Omitted on create = `MANUAL`. `NORMAL` needs
         *     `CronExpress`: six Quartz fields `sec min hour day-of-month month day-of-week`, seconds `0`, at most one run
         *     per hour — [mock] enforced as "the minute field is a single number 0–59"; the syntax is the project's
         *     cron subset (`*`, numbers, `a-b`, lists, `*\/n`, `a/n`, `a-b/n`, `?` in exactly one or both day fields;
         *     `L`, `W`, `#` and a year field rejected). Data sources in `Dev` allow `MANUAL` only. `CronExpress` with
         *     `MANUAL` is ignored. Cron points are evaluated in the mock's time zone (default UTC). Unknown keys are
         *     ignored.
         * @example {
         *       "Type": "NORMAL",
         *       "CronExpress": "0 0 2 ? * *"
         *     }
         * @example {
         *       "Type": "MANUAL"
         *     }
         */
        ScheduleConfig: {
            Type: components["schemas"]["ScheduleType"];
            /** @description Quartz cron expression, required with `NORMAL`, e.g. `0 0 2 ? * *` (every day at 02:00). */
            CronExpress?: string;
        };
        /** @description Type-specific options, key → string value; keys must appear in the type's `SupportedOptionKeys`. Sent as a JSON string. */
        CrawlerOptions: {
            [key: string]: string;
        };
        /** @description A tag filter for `ListDataSources`. */
        DataSourceTag: {
            /** @description Tag key. */
            Key: string;
            /** @description Tag value. */
            Value?: string;
        };
        /** @description Tag filters, sent as a JSON string. [mock] Accepted and ignored. */
        DataSourceTags: components["schemas"]["DataSourceTag"][];
        /**
         * @description Connection settings of a data source, sent as a JSON string; always includes `envType`. The keys depend on
         *     `Type` and `ConnectionPropertiesMode`: MySQL has `MySqlUrlModeConnectionProperties` and
         *     `MySqlInstanceModeConnectionProperties`; [mock] any other type accepts any JSON object with `envType`.
         */
        ConnectionProperties: components["schemas"]["MySqlUrlModeConnectionProperties"] | components["schemas"]["MySqlInstanceModeConnectionProperties"] | components["schemas"]["GenericConnectionProperties"];
        /** @description Connection settings of any data-source type ([mock] only `envType` is checked). */
        GenericConnectionProperties: {
            envType: components["schemas"]["EnvType"];
        } & {
            [key: string]: unknown;
        };
        /** @description Host and port of a MySQL server. */
        MySqlAddress: {
            /** @description Host name or IP address. */
            host: string;
            /** @description TCP port. */
            port: number;
        };
        /**
         * @description [mock] MySQL `UrlMode` (the mode is named by the vendor; the shape follows the vendor's sibling JDBC
         *     types). Exactly one `address` entry. Passwords are write-only: responses show `******`.
         */
        MySqlUrlModeConnectionProperties: {
            envType: components["schemas"]["EnvType"];
            /** @description Exactly one server address. */
            address: components["schemas"]["MySqlAddress"][];
            /** @description Default database. */
            database: string;
            /** @description Database user. */
            username: string;
            /**
             * Format: password
             * @description Database password (never returned).
             */
            password: string;
            /** @description Extra JDBC connection properties. */
            properties?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description MySQL `InstanceMode` (an ApsaraDB RDS instance). [mock] Requires `regionId`, `instanceId`, `database`,
         *     `username`, `password` and `envType`. Passwords are write-only: responses show `******`.
         */
        MySqlInstanceModeConnectionProperties: {
            envType: components["schemas"]["EnvType"];
            /** @description Region of the RDS instance. */
            regionId: string;
            /** @description RDS instance id. */
            instanceId: string;
            /** @description Default database. */
            database: string;
            /** @description Database user. */
            username: string;
            /**
             * Format: password
             * @description Database password (never returned).
             */
            password: string;
            /**
             * @description Transport security.
             * @enum {string}
             */
            securityProtocol?: "authTypeNone" | "authTypeSsl";
            /** @description Truststore file id (SSL). */
            truststoreFile?: string;
            /**
             * Format: password
             * @description Truststore password (never returned).
             */
            truststorePassword?: string;
            /** @description Keystore file id (SSL). */
            keystoreFile?: string;
            /**
             * Format: password
             * @description Keystore password (never returned).
             */
            keystorePassword?: string;
            /**
             * @description JDBC driver version (`""` = default).
             * @enum {string}
             */
            driverVersion?: "" | "8.2.0" | "5.1.49" | "5.1.46";
            /** @description Authentication type. */
            authType?: string;
            /** @description Identity used for authentication. */
            authIdentity?: string;
            /** @description Read-only instance id to read from. */
            readOnlyDBInstance?: string;
            /** @description Owner account id of a cross-account instance. */
            crossAccountOwnerId?: string;
            /** @description RAM role assumed for a cross-account instance. */
            crossAccountRoleName?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description `ListCrawlerTypes` (GET) takes no parameters. */
        ListCrawlerTypesRequest: Record<string, never>;
        /** @description `GetCrawlerTypeCapabilities` (POST) takes no parameters. */
        GetCrawlerTypeCapabilitiesRequest: Record<string, never>;
        /**
         * @description Form fields of `CreateCrawler`. Creating never starts a run. Checked in this order: `Name`; `DataSourceId`
         *     exists (404 `DataSource.NotFound`); `Type` supports the data source's type; [mock] **one crawler per data
         *     source** (400 `Crawler.AlreadyExists`, the message names the existing crawler id); `Scope`;
         *     `ScheduleConfig`; `EnableAiComment` / `Options` / `ResourceGroupId` against the type's capabilities.
         * @example {
         *       "Name": "shop_mysql_crawler",
         *       "DataSourceId": 1001,
         *       "Type": "mysql",
         *       "Scope": "{\"Unit\":\"DATABASE\"}",
         *       "ScheduleConfig": "{\"Type\":\"NORMAL\",\"CronExpress\":\"0 0 2 ? * *\"}"
         *     }
         * @example {
         *       "Name": "shop tables t1 and t2",
         *       "DataSourceId": 1001,
         *       "Type": "mysql",
         *       "Scope": "{\"Unit\":\"DATABASE\",\"ExcludeRegex\":\"^(?!(?:t1|t2)$).*$\"}"
         *     }
         */
        CreateCrawlerRequest: {
            /** @description Crawler name, 1–128 characters, not blank. */
            Name: string;
            /** @description The data source to read. */
            DataSourceId: components["schemas"]["Int64Id"];
            /** @description Crawler type (from `GetCrawlerTypeCapabilities`) whose `SupportedDatasourceTypes` holds the data source's type, e.g. `mysql`. */
            Type: string;
            /** @description Serverless resource group to run on; required only when the type has `RequireResourceGroup`. */
            ResourceGroupId?: string;
            /** @description JSON `Scope`, e.g. `{"Unit":"DATABASE"}`; omitted = the type's default unit. */
            Scope?: string;
            /** @description JSON `ScheduleConfig`, e.g. `{"Type":"NORMAL","CronExpress":"0 0 2 ? * *"}`; omitted = `MANUAL`. */
            ScheduleConfig?: string;
            /** @description Generate AI comments for collected tables; only for types with `SupportAiComment`. */
            EnableAiComment?: boolean;
            /** @description JSON map of type-specific options. */
            Options?: string;
        };
        /**
         * @description Form fields of `ListCrawlers`; all are optional filters. [mock] Items are ordered by `Id` ascending.
         * @example {
         *       "ProjectId": 10001,
         *       "DataSourceIds": "1001,1002",
         *       "PageNumber": 1,
         *       "PageSize": 20
         *     }
         */
        ListCrawlersRequest: {
            /** @description Workspace id. */
            ProjectId?: components["schemas"]["Int64Id"];
            /** @description Up to 10 data source ids, comma-joined, e.g. `1001,1002`. [mock] A JSON array string is also accepted. */
            DataSourceIds?: string;
            /** @description Crawler type, e.g. `mysql`. */
            Type?: string;
            EnvType?: components["schemas"]["EnvType"];
            /** @description Owner's DataWorks user id. */
            Owner?: string;
            /** @description [mock] Case-insensitive substring of the crawler name. */
            Name?: string;
            /**
             * @description Page to return, from 1.
             * @default 1
             */
            PageNumber?: number;
            /**
             * @description Items per page. [mock] Above 100 → 400 `Invalid.Param` (never capped).
             * @default 20
             */
            PageSize?: number;
        };
        /**
         * @description Form fields of `GetCrawler`. Unknown or deleted id → [mock] 404 `Crawler.NotFound`.
         * @example {
         *       "Id": 50001
         *     }
         */
        GetCrawlerRequest: {
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Form fields of `UpdateCrawler`: a partial update; at least one updatable field besides `Id` (else 400
         *     `Invalid.Param`); omitted fields keep their value; `Options` are merged key by key. `Name`,
         *     `DataSourceId` and `Type` cannot change — [mock] sending them → 400 `Invalid.Param`. [mock] `Scope` and
         *     `ScheduleConfig` are replaced whole and re-validated as on create; updating is allowed while a run is
         *     active (the run keeps its old settings).
         * @example {
         *       "Id": 50001,
         *       "ScheduleConfig": "{\"Type\":\"NORMAL\",\"CronExpress\":\"0 0 3 ? * *\"}"
         *     }
         */
        UpdateCrawlerRequest: {
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
            /** @description New serverless resource group. */
            ResourceGroupId?: string;
            /** @description New JSON `Scope` (replaces the old one). */
            Scope?: string;
            /** @description New JSON `ScheduleConfig` (replaces the old one). */
            ScheduleConfig?: string;
            /** @description Turn AI comments on or off. */
            EnableAiComment?: boolean;
            /** @description JSON map of options, merged into the existing ones. */
            Options?: string;
        };
        /**
         * @description Form fields of `RunCrawler`. Success means the run was accepted; poll `ListCrawlerRuns`. [mock] 400
         *     `Crawler.RunInProgress` while a run is `WAITING` or `RUNNING`; 400 `Crawler.Invalid` when the crawler is
         *     `INVALID`.
         * @example {
         *       "Id": 50001
         *     }
         */
        RunCrawlerRequest: {
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Form fields of `StopCrawler`. [mock] No `WAITING`/`RUNNING` run → 400 `Crawler.NotRunning`; otherwise the run becomes `SHUTDOWN` at once.
         * @example {
         *       "Id": 50001
         *     }
         */
        StopCrawlerRequest: {
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Form fields of `ListCrawlerRuns`. The time window defaults to the last 30 days; both ends must lie within
         *     the last 30 days with `StartTimeFrom` ≤ `StartTimeTo` (else 400 `Invalid.Param`). [mock] The window
         *     applies to the trigger time (`StartedTime`); newest first.
         * @example {
         *       "Id": 50001,
         *       "PageSize": 1
         *     }
         */
        ListCrawlerRunsRequest: {
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
            /** @description Earliest `StartedTime` (epoch ms); default now − 30 days. */
            StartTimeFrom?: components["schemas"]["EpochMillis"];
            /** @description Latest `StartedTime` (epoch ms); default now. */
            StartTimeTo?: components["schemas"]["EpochMillis"];
            /** @description Only runs in this status. */
            Status?: components["schemas"]["RunStatus"];
            /**
             * @description Page to return, from 1.
             * @default 1
             */
            PageNumber?: number;
            /**
             * @description Runs per page. [mock] Above 100 → 400 `Invalid.Param` (never capped).
             * @default 20
             */
            PageSize?: number;
        };
        /**
         * @description Form fields of `DeleteCrawler`. [mock] An active run becomes `SHUTDOWN`; later calls with the id → 404 `Crawler.NotFound`.
         * @example {
         *       "Id": 50001
         *     }
         */
        DeleteCrawlerRequest: {
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Query parameters of `CreateDataSource` (sent as POST with an empty body). [mock] `Type` is matched
         *     case-insensitively and stored lower case; (`ProjectId`, `Name`, `envType`) is unique → else 400
         *     `DataSource.AlreadyExists`; any `ProjectId` > 0 is accepted; ids count up from 1001.
         * @example {
         *       "ProjectId": 10001,
         *       "Name": "shop_mysql",
         *       "Type": "mysql",
         *       "ConnectionPropertiesMode": "UrlMode",
         *       "ConnectionProperties": "{\"envType\":\"Prod\",\"address\":[{\"host\":\"10.0.0.5\",\"port\":3306}],\"database\":\"shop\",\"username\":\"u\",\"password\":\"p\",\"properties\":{}}",
         *       "Description": "Shop database"
         *     }
         * @example {
         *       "ProjectId": 10001,
         *       "Name": "rds_orders",
         *       "Type": "mysql",
         *       "ConnectionPropertiesMode": "InstanceMode",
         *       "ConnectionProperties": "{\"envType\":\"Dev\",\"regionId\":\"cn-shanghai\",\"instanceId\":\"rm-uf6wjk5xxxxxxx\",\"database\":\"orders\",\"username\":\"reader\",\"password\":\"secret\",\"securityProtocol\":\"authTypeNone\"}"
         *     }
         */
        CreateDataSourceRequest: {
            /** @description Workspace id. */
            ProjectId: components["schemas"]["Int64Id"];
            /** @description Data-source name — letters, digits and `_`, not starting with a digit or `_`, at most 255 characters. */
            Name: string;
            /** @description Data-source type, e.g. `mysql` (the vendor has 70+ types). */
            Type: string;
            ConnectionPropertiesMode: components["schemas"]["ConnectionPropertiesMode"];
            /** @description JSON connection settings, always with `envType`; see `ConnectionProperties`. [mock] For `mysql` the mode's required keys are checked. */
            ConnectionProperties: string;
            /** @description Free-text description, at most 3000 characters. */
            Description?: string;
        };
        /**
         * @description Query parameters of `GetDataSource`. Unknown id → [mock] 404 `DataSource.NotFound`.
         * @example {
         *       "Id": 1001
         *     }
         */
        GetDataSourceRequest: {
            /** @description Data-source id. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Query parameters of `ListDataSources`. Results are grouped by name (one record per environment);
         *     [mock] paging and `TotalCount` count groups; `EnvType` keeps only the records of that environment;
         *     defaults `SortBy=CreateTime`, `Order=Desc`.
         * @example {
         *       "ProjectId": 10001,
         *       "Types": "mysql",
         *       "EnvType": "Prod",
         *       "PageSize": 10
         *     }
         */
        ListDataSourcesRequest: {
            /** @description Workspace id. [mock] Required (data sources belong to a workspace) → else 400 `MissingProjectId`. */
            ProjectId: components["schemas"]["Int64Id"];
            /** @description [mock] Case-insensitive substring of the data-source name. */
            Name?: string;
            /** @description Data-source types, comma-joined, e.g. `mysql,holo`. [mock] A JSON array string is also accepted. */
            Types?: string;
            EnvType?: components["schemas"]["EnvType"];
            /** @description JSON array of tag filters, e.g. `[{"Key":"team","Value":"bi"}]`. [mock] Accepted and ignored. */
            Tags?: string;
            /**
             * @description Sort key.
             * @default CreateTime
             * @enum {string}
             */
            SortBy?: "CreateTime" | "Id" | "Name";
            /**
             * @description Sort direction.
             * @default Desc
             * @enum {string}
             */
            Order?: "Asc" | "Desc";
            /**
             * @description Page to return, from 1.
             * @default 1
             */
            PageNumber?: number;
            /**
             * @description Groups per page. [mock] Above 100 → 400 `Invalid.Param` (never capped).
             * @default 10
             */
            PageSize?: number;
        };
        /**
         * @description Query parameters of `DeleteDataSource`. [mock] Allowed while a crawler uses the data source; that crawler
         *     turns `INVALID`. Unknown id → 404 `DataSource.NotFound`.
         * @example {
         *       "Id": 1001
         *     }
         */
        DeleteDataSourceRequest: {
            /** @description Data-source id. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Query parameters of `TestDataSourceConnectivity` (sent as POST with an empty body); call it before
         *     `CreateCrawler`. [mock] The state comes from the data source's seed (default `Connectable`).
         * @example {
         *       "ProjectId": 10001,
         *       "DataSourceId": 1001,
         *       "ResourceGroupId": "Serverless_res_group_524257424564736_6831777003"
         *     }
         */
        TestDataSourceConnectivityRequest: {
            /** @description Workspace id. */
            ProjectId: components["schemas"]["Int64Id"];
            /** @description Data source to test. */
            DataSourceId: components["schemas"]["Int64Id"];
            /** @description Resource group the test connects from (e.g. to reach a database without a public IP). */
            ResourceGroupId: string;
        };
        /**
         * @description Query parameters of `GetTaskInstanceLog`. [mock] Each instance has exactly one run, so `RunNumber` other
         *     than 1 → 400 `Invalid.Param`; unknown instance → 404 `TaskInstance.NotFound`.
         * @example {
         *       "Id": 900001
         *     }
         */
        GetTaskInstanceLogRequest: {
            /** @description Task instance id (a run's `TaskInstanceId`). */
            Id: components["schemas"]["Int64Id"];
            /** @description Which attempt of the instance; default the latest. */
            RunNumber?: number;
        };
        /** @description A kind of metadata entity a crawler type collects. */
        EntityType: {
            /** @description Entity type, e.g. `database`, `table`, `column`. */
            Type: string;
            /** @description Subtype, when the type has several. */
            SubType?: string;
            /** @description Subtype of the parent entity. */
            ParentSubType?: string;
            /** @description Whether collecting this entity can be switched off. */
            Optional?: boolean;
        };
        /** @description A crawler type as listed by `ListCrawlerTypes`. */
        CrawlerType: {
            /** @description Crawler type id, e.g. `mysql`. */
            Type: string;
            /** @description Human-readable name. */
            DisplayName?: string;
            /** @description Entities the type collects. */
            SupportedEntityTypes?: components["schemas"]["EntityType"][];
        };
        /** @description An option a crawler type accepts in `Options`. */
        CrawlerOptionKey: {
            /** @description Option key. */
            Key: string;
            /** @description Type of the value, e.g. `string`, `boolean`. */
            ValueType?: string;
            /** @description Value used when the option is omitted. */
            DefaultValue?: string;
            /** @description Permitted values, when restricted. */
            AllowedValues?: string[];
            /** @description Whether the option must be given. */
            Required?: boolean;
        };
        /**
         * @description What a crawler type supports (capabilities vary by region; the live answer is the reference). [mock] The
         *     mock offers one type, `mysql`: units `DATABASE`, `INSTANCE` (default `DATABASE`), no resource group
         *     needed, schedules and exclude regex supported, no AI comments, entities `database`, `table`, `column`, no
         *     option keys.
         */
        CrawlerTypeCapability: {
            /** @description Crawler type id. */
            Type: string;
            /** @description Human-readable name. */
            DisplayName?: string;
            /** @description Data-source types this crawler type can read. */
            SupportedDatasourceTypes?: string[];
            /** @description Allowed `Scope.Unit` values. */
            SupportedScopeUnits?: components["schemas"]["ScopeUnit"][];
            DefaultScopeUnit?: components["schemas"]["ScopeUnit"];
            /** @description Whether `ResourceGroupId` is required. */
            RequireResourceGroup?: boolean;
            /** @description Whether `NORMAL` schedules are allowed. */
            SupportSchedule?: boolean;
            /** @description Whether `Scope.ExcludeRegex` is allowed. */
            SupportExcludeRegex?: boolean;
            /** @description Whether `EnableAiComment` may be true. */
            SupportAiComment?: boolean;
            /** @description Entities the type collects. */
            SupportedEntityTypes?: components["schemas"]["EntityType"][];
            /** @description Keys allowed in `Options`. */
            SupportedOptionKeys?: components["schemas"]["CrawlerOptionKey"][];
        };
        /**
         * @description A metadata crawler. `Scope`, `Options` and `EnableAiComment` are returned by `GetCrawler` only;
         *     `ListCrawlers` items carry every other field.
         */
        Crawler: {
            /** @description Crawler id ([mock] counts up from 50001). */
            Id: components["schemas"]["Int64Id"];
            /** @description Crawler name. */
            Name: string;
            /** @description The data source it reads. */
            DataSourceId: components["schemas"]["Int64Id"];
            /** @description Workspace id (the data source's workspace). */
            ProjectId: components["schemas"]["Int64Id"];
            /** @description Crawler type, e.g. `mysql`. */
            Type: string;
            Status: components["schemas"]["CrawlerStatus"];
            /** @description Catalog entity id, e.g. `starrocks:example-instance`; [mock] `<Type>:<data source Name>`. */
            MetaEntityId?: string;
            EnvType?: components["schemas"]["EnvType"];
            /** @description Serverless resource group, when set. */
            ResourceGroupId?: string;
            ScheduleConfig?: components["schemas"]["ScheduleConfig"];
            /** @description Status of the newest run; [mock] omitted when never run. */
            LastRunStatus?: components["schemas"]["RunStatus"];
            /** @description Task instance of the newest run; [mock] omitted when never run. */
            LastRunTaskInstanceId?: components["schemas"]["Int64Id"];
            /** @description Owner's DataWorks user id ([mock] the creating credential's user id). */
            Owner?: string;
            CreateTime: components["schemas"]["EpochMillis"];
            ModifyTime: components["schemas"]["EpochMillis"];
            /** @description Scheduling node behind the crawler ([mock] counts up from 700001). */
            TaskId?: components["schemas"]["Int64Id"];
            Scope?: components["schemas"]["Scope"];
            Options?: components["schemas"]["CrawlerOptions"];
            /** @description Whether AI comments are generated. */
            EnableAiComment?: boolean;
        };
        /**
         * @description One run of a crawler (a task instance). [mock] `FinishedTime`, `Duration` and `TotalTableCount` are
         *     omitted until the run ends; `Duration` = round((FinishedTime − StartedTime) / 1000); `TotalTableCount`
         *     is 0 unless `SUCCESS`.
         */
        CrawlerRun: {
            Status: components["schemas"]["RunStatus"];
            /** @description Trigger time (epoch ms). */
            StartedTime: components["schemas"]["EpochMillis"];
            /** @description End time (epoch ms). */
            FinishedTime?: components["schemas"]["EpochMillis"];
            /**
             * Format: int64
             * @description Run time in seconds.
             */
            Duration?: number;
            /** @description Task instance id ([mock] counts up from 900001); use with `GetTaskInstanceLog`. */
            TaskInstanceId: components["schemas"]["Int64Id"];
            /**
             * Format: int64
             * @description Tables collected.
             */
            TotalTableCount?: number;
        };
        /**
         * @description Connection settings as returned. Typed `any` by the vendor; [mock] returned as a JSON object with
         *     `password`, `truststorePassword` and `keystorePassword` values masked as `******`.
         */
        DataSourceConnectionProperties: {
            envType?: components["schemas"]["EnvType"];
        } & {
            [key: string]: unknown;
        };
        /** @description A data source (one environment). */
        DataSource: {
            /** @description Data-source id ([mock] counts up from 1001). */
            Id: components["schemas"]["Int64Id"];
            /** @description Data-source name. */
            Name: string;
            /** @description Data-source type ([mock] lower case). */
            Type: string;
            /** @description Workspace id. */
            ProjectId: components["schemas"]["Int64Id"];
            ConnectionPropertiesMode: components["schemas"]["ConnectionPropertiesMode"];
            ConnectionProperties: components["schemas"]["DataSourceConnectionProperties"];
            /** @description Free-text description. */
            Description?: string;
            /** @description Unique name; [mock] `<ProjectId>:<Name>:<envType>`. */
            QualifiedName?: string;
            CreateTime?: components["schemas"]["EpochMillis"];
            /** @description Creator's user id. */
            CreateUser?: string;
            ModifyTime?: components["schemas"]["EpochMillis"];
            /** @description Last modifier's user id. */
            ModifyUser?: string;
        };
        /** @description One environment's record inside a `ListDataSources` group. */
        DataSourceGroupEntry: {
            /** @description Data-source id. */
            Id: components["schemas"]["Int64Id"];
            ConnectionPropertiesMode: components["schemas"]["ConnectionPropertiesMode"];
            ConnectionProperties: components["schemas"]["DataSourceConnectionProperties"];
            /** @description Free-text description. */
            Description?: string;
            /** @description Unique name. */
            QualifiedName?: string;
            CreateTime?: components["schemas"]["EpochMillis"];
            /** @description Creator's user id. */
            CreateUser?: string;
            ModifyTime?: components["schemas"]["EpochMillis"];
            /** @description Last modifier's user id. */
            ModifyUser?: string;
        };
        /** @description The data sources sharing one name (one record per environment). */
        DataSourceGroup: {
            /** @description Data-source name. */
            Name: string;
            /** @description Data-source type. */
            Type: string;
            /** @description One record per environment. */
            DataSource: components["schemas"]["DataSourceGroupEntry"][];
        };
        /** @description One step of a connectivity test. */
        ConnectivityLog: {
            /** @description Step code. */
            Code?: string;
            /** @description Step outcome. */
            Message?: string;
            StartTime?: components["schemas"]["EpochMillis"];
            EndTime?: components["schemas"]["EpochMillis"];
        };
        /** @description Result of `TestDataSourceConnectivity`. */
        Connectivity: {
            ConnectState: components["schemas"]["ConnectState"];
            /** @description Explanation of the state. */
            ConnectMessage?: string;
            /** @description Test steps. */
            DetailLogs?: components["schemas"]["ConnectivityLog"][];
        };
        /** @description One page of crawlers. */
        CrawlersPagingInfo: {
            /**
             * Format: int64
             * @description Matches across all pages.
             */
            TotalCount: number;
            /** @description This page's number. */
            PageNumber: number;
            /** @description Page size used. */
            PageSize: number;
            /** @description This page's crawlers (without `Scope`, `Options`, `EnableAiComment`). */
            Crawlers: components["schemas"]["Crawler"][];
        };
        /** @description One page of crawler runs, newest first. */
        CrawlerRunsPagingInfo: {
            /**
             * Format: int64
             * @description Matches across all pages.
             */
            TotalCount: number;
            /** @description This page's number. */
            PageNumber: number;
            /** @description Page size used. */
            PageSize: number;
            /** @description This page's runs. */
            CrawlerRuns: components["schemas"]["CrawlerRun"][];
        };
        /** @description One page of data-source groups. */
        DataSourcesPagingInfo: {
            /**
             * Format: int64
             * @description Matching groups across all pages.
             */
            TotalCount: number;
            /** @description This page's number. */
            PageNumber: number;
            /** @description Page size used. */
            PageSize: number;
            /** @description This page's groups. */
            DataSources: components["schemas"]["DataSourceGroup"][];
        };
        /** @description Why a RAM policy denied the call (present on some 403 answers). */
        AccessDeniedDetail: {
            /** @description The denied RAM action. */
            AuthAction?: string;
            /** @description The caller. */
            AuthPrincipalDisplayName?: string;
            /** @description Account owning the caller. */
            AuthPrincipalOwnerId?: string;
            /** @description Kind of caller, e.g. `SubUser`. */
            AuthPrincipalType?: string;
            /** @description Encoded diagnostic details. */
            EncodedDiagnosticMessage?: string;
            /** @description Kind of missing permission, e.g. `ImplicitDeny`. */
            NoPermissionType?: string;
            /** @description Kind of policy involved. */
            PolicyType?: string;
        };
        /**
         * @description Error envelope of every 4xx/5xx answer. [mock] `HostId` = the request host; `Recommend` =
         *     `https://api.alibabacloud.com/troubleshoot?q=<Code>&product=dataworks-public&requestId=<RequestId>`;
         *     throttling answers add the `x-acs-retry-after` header (ms). Validation messages name the parameter and what
         *     was expected, e.g. `Invalid parameter: PageSize: expected at most 100`; they never echo secrets.
         * @example {
         *       "RequestId": "9252F32F-D855-549E-8898-61CF5A733050",
         *       "HostId": "dataworks.cn-shanghai.aliyuncs.com",
         *       "Code": "Crawler.AlreadyExists",
         *       "Message": "Crawler 50001 already collects data source 1001; only one crawler per data source is allowed.",
         *       "Recommend": "https://api.alibabacloud.com/troubleshoot?q=Crawler.AlreadyExists&product=dataworks-public&requestId=9252F32F-D855-549E-8898-61CF5A733050"
         *     }
         */
        DataWorksError: {
            /** @description Request id (same as the `x-acs-request-id` header). */
            RequestId: string;
            /** @description Host that answered. */
            HostId?: string;
            /** @description Error code, e.g. `Invalid.Param`, `Crawler.NotFound`, `Throttling.User`. */
            Code: string;
            /** @description Human-readable explanation. */
            Message: string;
            /** @description Troubleshooting URL. */
            Recommend?: string;
            AccessDeniedDetail?: components["schemas"]["AccessDeniedDetail"];
        };
        /** @description Response of `ListCrawlerTypes`. */
        ListCrawlerTypesResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Crawler types available in the region. */
            CrawlerTypes: components["schemas"]["CrawlerType"][];
        };
        /** @description Response of `GetCrawlerTypeCapabilities`. */
        GetCrawlerTypeCapabilitiesResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Capabilities per crawler type. */
            CrawlerTypes: components["schemas"]["CrawlerTypeCapability"][];
        };
        /**
         * @description Response of `CreateCrawler`.
         * @example {
         *       "RequestId": "9252F32F-D855-549E-8898-61CF5A733050",
         *       "Success": true,
         *       "Id": 50001
         *     }
         */
        CreateCrawlerResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Id of the new crawler. */
            Id: components["schemas"]["Int64Id"];
        };
        /** @description Response of `ListCrawlers`. */
        ListCrawlersResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            PagingInfo: components["schemas"]["CrawlersPagingInfo"];
        };
        /**
         * @description Response of `GetCrawler`.
         * @example {
         *       "RequestId": "9252F32F-D855-549E-8898-61CF5A733050",
         *       "Success": true,
         *       "Crawler": {
         *         "Id": 50001,
         *         "Name": "shop_mysql_crawler",
         *         "DataSourceId": 1001,
         *         "ProjectId": 10001,
         *         "Type": "mysql",
         *         "Status": "VALID",
         *         "MetaEntityId": "mysql:shop_mysql",
         *         "EnvType": "Prod",
         *         "ScheduleConfig": {
         *           "Type": "NORMAL",
         *           "CronExpress": "0 0 2 ? * *"
         *         },
         *         "LastRunStatus": "SUCCESS",
         *         "LastRunTaskInstanceId": 900001,
         *         "Owner": "204837194623847",
         *         "CreateTime": 1767225600000,
         *         "ModifyTime": 1767225600000,
         *         "TaskId": 700001,
         *         "Scope": {
         *           "Unit": "DATABASE"
         *         },
         *         "Options": {},
         *         "EnableAiComment": false
         *       }
         *     }
         */
        GetCrawlerResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            Crawler: components["schemas"]["Crawler"];
        };
        /** @description Response of `UpdateCrawler`. */
        UpdateCrawlerResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Id of the updated crawler. */
            Id: components["schemas"]["Int64Id"];
        };
        /** @description Response of `RunCrawler`. [mock] `RunAccepted` is true, `RunStatus` `WAITING` and `TaskInstanceId` always set. */
        RunCrawlerResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
            /** @description Whether the run was accepted (not finished). */
            RunAccepted: boolean;
            /** @description Status of the new run (`WAITING`). */
            RunStatus?: components["schemas"]["RunStatus"];
            /** @description Task instance of the new run. */
            TaskInstanceId: components["schemas"]["Int64Id"];
        };
        /** @description Response of `StopCrawler`. */
        StopCrawlerResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Crawler id. */
            Id: components["schemas"]["Int64Id"];
            /** @description Whether the stop was accepted. */
            StopAccepted: boolean;
        };
        /** @description Response of `ListCrawlerRuns`. */
        ListCrawlerRunsResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            PagingInfo: components["schemas"]["CrawlerRunsPagingInfo"];
        };
        /** @description Response of `DeleteCrawler` (metadata clean-up continues asynchronously). */
        DeleteCrawlerResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
            /** @description Id of the deleted crawler. */
            Id: components["schemas"]["Int64Id"];
        };
        /** @description Response of `CreateDataSource` (the model has no `Success`). */
        CreateDataSourceResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Id of the new data source. */
            Id: components["schemas"]["Int64Id"];
        };
        /**
         * @description Response of `GetDataSource`.
         * @example {
         *       "RequestId": "9252F32F-D855-549E-8898-61CF5A733050",
         *       "DataSource": {
         *         "Id": 1001,
         *         "Name": "shop_mysql",
         *         "Type": "mysql",
         *         "ProjectId": 10001,
         *         "ConnectionPropertiesMode": "UrlMode",
         *         "ConnectionProperties": {
         *           "envType": "Prod",
         *           "address": [
         *             {
         *               "host": "10.0.0.5",
         *               "port": 3306
         *             }
         *           ],
         *           "database": "shop",
         *           "username": "u",
         *           "password": "******",
         *           "properties": {}
         *         },
         *         "Description": "Shop database",
         *         "QualifiedName": "10001:shop_mysql:Prod",
         *         "CreateTime": 1767225600000,
         *         "CreateUser": "204837194623847",
         *         "ModifyTime": 1767225600000,
         *         "ModifyUser": "204837194623847"
         *       }
         *     }
         */
        GetDataSourceResponse: {
            /** @description Request id. */
            RequestId: string;
            DataSource: components["schemas"]["DataSource"];
        };
        /** @description Response of `ListDataSources` (no `Success`). */
        ListDataSourcesResponse: {
            /** @description Request id. */
            RequestId: string;
            PagingInfo: components["schemas"]["DataSourcesPagingInfo"];
        };
        /** @description Response of `DeleteDataSource`. */
        DeleteDataSourceResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Always true on HTTP 200. */
            Success: boolean;
        };
        /** @description Response of `TestDataSourceConnectivity`. */
        TestDataSourceConnectivityResponse: {
            /** @description Request id. */
            RequestId: string;
            Connectivity: components["schemas"]["Connectivity"];
        };
        /**
         * @description Response of `GetTaskInstanceLog`. [mock] One line per event, `yyyy-MM-dd HH:mm:ss LEVEL message` (UTC),
         *     including one line per collected table; `""` while the run is `WAITING`.
         */
        GetTaskInstanceLogResponse: {
            /** @description Request id. */
            RequestId: string;
            /** @description Log text of the instance. */
            TaskInstanceLog: string;
        };
    };
    responses: {
        /**
         * @description Client error. `Missing<Param>` ("<Param> is mandatory for this action."), `Invalid.Param`
         *     ("Invalid parameter: <Param>: <problem>"), signature errors, and the mock-owned `Crawler.AlreadyExists`,
         *     `Crawler.RunInProgress`, `Crawler.NotRunning`, `Crawler.Invalid`, `DataSource.AlreadyExists`,
         *     `MissingProjectId`.
         */
        BadRequest: {
            headers: {
                "x-acs-request-id": components["headers"]["XAcsRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataWorksError"];
            };
        };
        /** @description Access denied (`Forbidden.Access`, `ResourceNotAuthorized.Api`); may carry `AccessDeniedDetail`. */
        Forbidden: {
            headers: {
                "x-acs-request-id": components["headers"]["XAcsRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataWorksError"];
            };
        };
        /**
         * @description Unknown resource or route: `InvalidAction.NotFound` (unknown action or version, [mock]),
         *     `InvalidAccessKeyId.NotFound`, and the mock-owned `Crawler.NotFound`, `DataSource.NotFound`,
         *     `TaskInstance.NotFound`.
         */
        NotFound: {
            headers: {
                "x-acs-request-id": components["headers"]["XAcsRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataWorksError"];
            };
        };
        /** @description Throttling (`Throttling.Api`, `Throttling.System`, `Throttling.User`, `Throttling.Api.Risk`, `Throttling.Resource`). */
        Throttled: {
            headers: {
                "x-acs-request-id": components["headers"]["XAcsRequestId"];
                "x-acs-retry-after": components["headers"]["XAcsRetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataWorksError"];
            };
        };
        /** @description Server error (`InternalError.System`, `InternalError.UserId.Missing`, `Forbidden.Not.Server`). Never caused by a client mistake. */
        InternalError: {
            headers: {
                "x-acs-request-id": components["headers"]["XAcsRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DataWorksError"];
            };
        };
    };
    parameters: {
        /** @description The RPC action (GET actions). [mock] The `Action` query parameter is accepted instead. */
        XAcsActionGet: "ListCrawlerTypes" | "GetDataSource" | "ListDataSources" | "DeleteDataSource" | "GetTaskInstanceLog";
        /** @description The RPC action (POST actions). [mock] The `Action` query parameter is accepted instead. */
        XAcsActionPost: "GetCrawlerTypeCapabilities" | "CreateCrawler" | "ListCrawlers" | "GetCrawler" | "UpdateCrawler" | "RunCrawler" | "StopCrawler" | "ListCrawlerRuns" | "DeleteCrawler" | "CreateDataSource" | "TestDataSourceConnectivity";
        /** @description API version; always `2024-05-18`. [mock] The `Version` query parameter is accepted instead; any other version → 404 `InvalidAction.NotFound`. */
        XAcsVersion: "2024-05-18";
    };
    requestBodies: never;
    headers: {
        /** @description [mock] Same value as the body `RequestId` (uppercase UUID); sent on every answer. */
        XAcsRequestId: string;
        /** @description Throttling hint from the official SDK's contract — how long to wait before retrying, in milliseconds. */
        XAcsRetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    dataworksGetAction: {
        parameters: {
            query?: {
                /** @description The action's parameters as query-string fields (one per property of the action's request schema). */
                params?: components["schemas"]["ListCrawlerTypesRequest"] | components["schemas"]["GetDataSourceRequest"] | components["schemas"]["ListDataSourcesRequest"] | components["schemas"]["DeleteDataSourceRequest"] | components["schemas"]["GetTaskInstanceLogRequest"];
            };
            header: {
                /** @description The RPC action (GET actions). [mock] The `Action` query parameter is accepted instead. */
                "x-acs-action": components["parameters"]["XAcsActionGet"];
                /** @description API version; always `2024-05-18`. [mock] The `Version` query parameter is accepted instead; any other version → 404 `InvalidAction.NotFound`. */
                "x-acs-version": components["parameters"]["XAcsVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action's response (the schema named for the action in `x-actions`). */
            200: {
                headers: {
                    "x-acs-request-id": components["headers"]["XAcsRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCrawlerTypesResponse"] | components["schemas"]["GetDataSourceResponse"] | components["schemas"]["ListDataSourcesResponse"] | components["schemas"]["DeleteDataSourceResponse"] | components["schemas"]["GetTaskInstanceLogResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
        };
    };
    dataworksPostAction: {
        parameters: {
            query?: {
                /** @description Query-string parameters of `CreateDataSource` and `TestDataSourceConnectivity`. */
                params?: components["schemas"]["CreateDataSourceRequest"] | components["schemas"]["TestDataSourceConnectivityRequest"];
            };
            header: {
                /** @description The RPC action (POST actions). [mock] The `Action` query parameter is accepted instead. */
                "x-acs-action": components["parameters"]["XAcsActionPost"];
                /** @description API version; always `2024-05-18`. [mock] The `Version` query parameter is accepted instead; any other version → 404 `InvalidAction.NotFound`. */
                "x-acs-version": components["parameters"]["XAcsVersion"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Form fields of the crawler actions (UTF-8, `application/x-www-form-urlencoded`). */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["GetCrawlerTypeCapabilitiesRequest"] | components["schemas"]["CreateCrawlerRequest"] | components["schemas"]["ListCrawlersRequest"] | components["schemas"]["GetCrawlerRequest"] | components["schemas"]["UpdateCrawlerRequest"] | components["schemas"]["RunCrawlerRequest"] | components["schemas"]["StopCrawlerRequest"] | components["schemas"]["ListCrawlerRunsRequest"] | components["schemas"]["DeleteCrawlerRequest"];
            };
        };
        responses: {
            /** @description The action's response (the schema named for the action in `x-actions`). */
            200: {
                headers: {
                    "x-acs-request-id": components["headers"]["XAcsRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetCrawlerTypeCapabilitiesResponse"] | components["schemas"]["CreateCrawlerResponse"] | components["schemas"]["ListCrawlersResponse"] | components["schemas"]["GetCrawlerResponse"] | components["schemas"]["UpdateCrawlerResponse"] | components["schemas"]["RunCrawlerResponse"] | components["schemas"]["StopCrawlerResponse"] | components["schemas"]["ListCrawlerRunsResponse"] | components["schemas"]["DeleteCrawlerResponse"] | components["schemas"]["CreateDataSourceResponse"] | components["schemas"]["TestDataSourceConnectivityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["Throttled"];
            500: components["responses"]["InternalError"];
        };
    };
}
