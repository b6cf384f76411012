/**
 * generated, do not edit: produced by scripts/generate.mjs (openapi-typescript) from openapi/iam.yaml.
 * Change the spec and run `npm run generate`.
 */

export interface paths {
    "/v3/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an IAM token with a user name and password
         * @description Password method only (MFA with `totp` is out of scope). DSC and DataArts need a **project-scoped** token:
         *     scope by project id or name (the region id). A new token does not revoke older ones. The request
         *     `Content-Type` is `application/json;charset=utf8` [doc]; the mock accepts any JSON content type.
         *     [mock] tokens are opaque strings starting with `MII`, bound to user and project, expiring 24 h later on the
         *     mock clock. Wrong credentials → 401; malformed body or unknown scope → 400.
         */
        post: operations["KeystoneCreateUserTokenByPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects, optionally by name
         * @description Used to find a project id from a region id (`name=cn-north-4`). [mock] served with token or AK/SK
         *     authentication; the mock's projects are named after region ids and have 32-hex ids.
         */
        get: operations["KeystoneListProjects"];
        put?: never;
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
        /** @description An entity named by `id` or by `name` (at least one). */
        NameOrId: {
            /** @description Entity id. */
            id?: string;
            /** @description Entity name. */
            name?: string;
        };
        /** @description The IAM user (a HUAWEI ID cannot get a token directly [doc]). */
        PasswordUser: {
            /** @description IAM user name. */
            name: string;
            /** @description The user's password (secret; never logged or echoed). */
            password: string;
            /** @description The account (domain), by id or name. */
            domain: components["schemas"]["NameOrId"];
        };
        /** @description Password authentication. */
        PasswordIdentity: {
            /** @description Authentication methods; only `password` is supported here. */
            methods: "password"[];
            /** @description Password credentials. */
            password: {
                /** @description The IAM user and password. */
                user: components["schemas"]["PasswordUser"];
            };
        };
        /**
         * @description Exactly one of `project` (id or name) or `domain` (id or name) [doc]. DSC and DataArts need a project
         *     scope; the mock answers 400 for an unknown project or domain.
         */
        TokenScope: {
            /** @description Project scope, by id or name (the region id). */
            project?: components["schemas"]["NameOrId"];
            /** @description The account (domain), by id or name. */
            domain?: components["schemas"]["NameOrId"];
        };
        /** @description Body of KeystoneCreateUserTokenByPassword. */
        PasswordTokenRequest: {
            /** @description Identity and scope. */
            auth: {
                /** @description How the caller authenticates. */
                identity: components["schemas"]["PasswordIdentity"];
                /** @description What the token is scoped to; DSC and DataArts need a project. */
                scope?: components["schemas"]["TokenScope"];
            };
        };
        /** @description A reference with id and name. */
        IdName: {
            /** @description Id. */
            id: string;
            /** @description Name. */
            name: string;
        };
        /** @description The project the token is scoped to. */
        TokenProject: {
            /** @description Project id (32 hex in the mock). */
            id: string;
            /** @description Project name (a region id). */
            name: string;
            /** @description The account (domain). */
            domain: components["schemas"]["IdName"];
        };
        /** @description The user the token belongs to. */
        TokenUser: {
            /** @description User id. */
            id: string;
            /** @description User name. */
            name: string;
            /** @description The account (domain). */
            domain: components["schemas"]["IdName"];
            /** @description Password expiry time, or `""` when the password does not expire. */
            password_expires_at?: string;
        };
        /** @description A service of the catalog with its endpoints. */
        CatalogEntry: {
            /** @description Service id. */
            id?: string;
            /** @description Service type. */
            type?: string;
            /** @description Service name. */
            name?: string;
            /** @description Service endpoints. */
            endpoints?: {
                [key: string]: unknown;
            }[];
        };
        /** @description Token details (the token itself is the `X-Subject-Token` header). */
        Token: {
            /**
             * @description Expiry, UTC, e.g. `2020-01-04T09:05:22.701000Z`; 24 h after issued_at.
             * @example 2020-01-04T09:05:22.701000Z
             */
            expires_at: string;
            /** @description Issue time, UTC, same format. */
            issued_at: string;
            /** @description Methods used to authenticate. */
            methods: string[];
            /** @description Service catalog; omitted with `nocatalog`. */
            catalog?: components["schemas"]["CatalogEntry"][];
            /** @description Project scope of the token. */
            project?: components["schemas"]["TokenProject"];
            /** @description The account (domain). */
            domain?: components["schemas"]["IdName"];
            /** @description Roles granted in the scope. */
            roles?: components["schemas"]["IdName"][];
            /** @description The user. */
            user: components["schemas"]["TokenUser"];
        };
        /** @description 201 body of KeystoneCreateUserTokenByPassword. */
        TokenResponse: {
            /** @description Token details. */
            token: components["schemas"]["Token"];
        };
        /** @description A project. */
        Project: {
            /** @description Project id. */
            id: string;
            /** @description Project name (a region id, or region_subproject). */
            name: string;
            /** @description Owning account (domain) id. */
            domain_id?: string;
            /** @description Whether the project is enabled. */
            enabled?: boolean;
            /** @description Free text. */
            description?: string;
            /** @description Parent project or domain id. */
            parent_id?: string;
            /** @description Always false for projects. */
            is_domain?: boolean;
        };
        /** @description 200 body of KeystoneListProjects. */
        ListProjectsResponse: {
            /** @description Matching projects. */
            projects: components["schemas"]["Project"][];
            /** @description Paging links. */
            links?: {
                [key: string]: unknown;
            };
        };
        /** @description IAM error body (nested) [mock]. */
        IamError: {
            /** @description The error. */
            error: {
                /** @description HTTP status, e.g. 401. */
                code: number;
                /** @description Status title, e.g. Unauthorized. */
                title: string;
                /** @description What went wrong (never contains a secret). */
                message: string;
            };
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
        /** @description IAM's nested error or the gateway envelope. */
        IamOrGatewayError: components["schemas"]["IamError"] | components["schemas"]["GatewayError"];
    };
    responses: {
        /** @description Malformed body or unknown scope; `message` is `<field>: <problem>` [mock]. */
        IamBadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": 400,
                 *         "title": "Bad Request",
                 *         "message": "auth.scope.project: unknown project name cn-nowhere-1"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["IamError"];
            };
        };
        /**
         * @description Wrong user name or password (IAM's nested body), or a gateway authentication failure of
         *     `GET /v3/projects` (`APIGW.0301`, `APIGW.0307` expired token).
         */
        IamUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": 401,
                 *         "title": "Unauthorized",
                 *         "message": "The username or password is wrong."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["IamOrGatewayError"];
            };
        };
        /** @description Access denied (`APIGW.0306`), or an injected fault (IAM envelope). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamOrGatewayError"];
            };
        };
        /** @description Route miss (`APIGW.0101`), or an injected fault (IAM envelope). */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamOrGatewayError"];
            };
        };
        /** @description Request body over 12 MB (`APIGW.0201`) [mock]. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamOrGatewayError"];
            };
        };
        /** @description Throttled (`APIGW.0308`); the mock produces it only through fault injection. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamOrGatewayError"];
            };
        };
        /** @description Server error; the mock produces 5xx only through fault injection, in the IAM envelope [mock]. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IamError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Request id, 32 lowercase hex characters [mock]; present on every response. */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    KeystoneCreateUserTokenByPassword: {
        parameters: {
            query?: {
                /**
                 * @description Any non-empty value omits `catalog` from the response body.
                 * @example true
                 */
                nocatalog?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordTokenRequest"];
            };
        };
        responses: {
            /** @description Token issued; the token itself is the `X-Subject-Token` header. */
            201: {
                headers: {
                    /** @description The token (secret). Send it as `X-Auth-Token`; never log it. */
                    "X-Subject-Token": string;
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["IamBadRequest"];
            401: components["responses"]["IamUnauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    KeystoneListProjects: {
        parameters: {
            query?: {
                /**
                 * @description Exact project name (a region id such as cn-north-4).
                 * @example cn-north-4
                 */
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching projects. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListProjectsResponse"];
                };
            };
            400: components["responses"]["IamBadRequest"];
            401: components["responses"]["IamUnauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
