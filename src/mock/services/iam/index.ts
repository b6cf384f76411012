/**
 * Mock of Huawei Cloud IAM (auth.md §1): password → token, project lookup. The credentials live in the engine's
 * account store (src/mock/accounts.ts), which the engine snapshots and resets itself; this module keeps no state.
 *
 * Decisions where auth.md is silent [mock]:
 * - No `scope` → a domain-scoped token (the user's own account).
 * - `methods` must be exactly ["password"] (MFA/totp is out of scope → 400 naming the field).
 * - With `user.name` a `user.domain` (`name` or `id`) is required; with `user.id` it is optional but must match.
 * - Unknown user, wrong password, or a domain that does not match → 401 (same message, nothing echoed).
 * - Check order: body shape (400) → credentials (401) → scope lookup (400).
 * - Injected faults whose code starts with `APIGW.` answer in the gateway envelope, others in the nested one.
 * - The catalog lists `iam`, `sdg` and `dayu` endpoints pointing at the mock origin the request came to.
 */

import type { Accounts, ProjectRecord, UserRecord } from '../../accounts.js';
import { huaweiFaultCode, huaweiGateway } from '../../gateways.js';
import type { MockRequest, MockResponse, MockRoute, MockService, ServiceContext } from '../../types.js';

export interface IamContext extends ServiceContext {
  accounts: Accounts;
}

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `2020-01-04T09:05:22.701000Z` (microsecond precision, as IAM prints it). */
export function iamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

class IamError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const bad = (field: string, problem: string) => new IamError(400, `${field}: ${problem}`);
const WRONG_CREDENTIALS = 'The username or password is wrong.';

function nested(status: number, message: string): MockResponse {
  return { status, body: { error: { code: status, title: TITLES[status] ?? 'Error', message } } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(parent: Record<string, unknown>, key: string, field: string): Record<string, unknown> {
  const v = parent[key];
  if (v === undefined || v === null) throw bad(field, 'is required');
  if (!isObject(v)) throw bad(field, 'expected an object');
  return v;
}

function optionalString(parent: Record<string, unknown>, key: string, field: string): string | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw bad(field, 'expected a non-empty string');
  return v;
}

/** `{id}` or `{name}` reference (exactly one needed; both allowed when consistent). */
function ref(o: Record<string, unknown>, field: string): { id?: string; name?: string } {
  const id = optionalString(o, 'id', `${field}.id`);
  const name = optionalString(o, 'name', `${field}.name`);
  if (id === undefined && name === undefined) throw bad(field, 'expected an id or a name');
  return { ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) };
}

interface ParsedAuth {
  user: { id?: string; name?: string };
  domain: { id?: string; name?: string };
  password: string;
  scope: { project: { id?: string; name?: string } } | { domain: { id?: string; name?: string } } | undefined;
}

function parseAuthBody(rawBody: string): ParsedAuth {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw bad('body', 'malformed JSON');
  }
  if (!isObject(body)) throw bad('body', 'expected a JSON object');
  const auth = objectAt(body, 'auth', 'auth');
  const identity = objectAt(auth, 'identity', 'auth.identity');
  const methods = identity.methods;
  if (!Array.isArray(methods) || methods.length !== 1 || methods[0] !== 'password') {
    throw bad('auth.identity.methods', 'expected ["password"] (the mock supports the password method only)');
  }
  const password = objectAt(identity, 'password', 'auth.identity.password');
  const user = objectAt(password, 'user', 'auth.identity.password.user');
  const userRef = ref(user, 'auth.identity.password.user');
  const secret = user.password;
  if (typeof secret !== 'string' || secret === '') {
    throw bad('auth.identity.password.user.password', 'expected a non-empty string');
  }
  let domain: { id?: string; name?: string } = {};
  if (user.domain !== undefined && user.domain !== null) {
    domain = ref(objectAt(user, 'domain', 'auth.identity.password.user.domain'), 'auth.identity.password.user.domain');
  } else if (userRef.id === undefined) {
    throw bad('auth.identity.password.user.domain', 'is required when the user is given by name');
  }
  let scope: ParsedAuth['scope'];
  if (auth.scope !== undefined && auth.scope !== null) {
    const s = objectAt(auth, 'scope', 'auth.scope');
    const hasProject = s.project !== undefined && s.project !== null;
    const hasDomain = s.domain !== undefined && s.domain !== null;
    if (hasProject === hasDomain) throw bad('auth.scope', 'expected exactly one of project or domain');
    scope = hasProject
      ? { project: ref(objectAt(s, 'project', 'auth.scope.project'), 'auth.scope.project') }
      : { domain: ref(objectAt(s, 'domain', 'auth.scope.domain'), 'auth.scope.domain') };
  }
  return { user: userRef, domain, password: secret, scope };
}

export function createIamService(ctx: IamContext): MockService {
  const { accounts } = ctx;

  function domainOf(user: UserRecord) {
    const d = accounts.domains.get(user.domainId);
    return { id: user.domainId, name: d?.name ?? '' };
  }

  function catalog(req: MockRequest, region: string) {
    const origin = req.url.origin;
    return [
      { type: 'identity', name: 'iam' },
      { type: 'sdg', name: 'dsc' },
      { type: 'dayu', name: 'dataarts' },
    ].map((s, i) => ({
      endpoints: [
        {
          id: `${'0'.repeat(31)}${i + 1}`,
          interface: 'public',
          region: region === '' ? '*' : region,
          region_id: region === '' ? '*' : region,
          url: origin,
        },
      ],
      id: `${'f'.repeat(31)}${i + 1}`,
      name: s.name,
      type: s.type,
    }));
  }

  function issue(req: MockRequest): MockResponse {
    const parsed = parseAuthBody(req.rawBody);
    const user = accounts.findUser(parsed.domain, parsed.user);
    if (user === undefined || user.password !== parsed.password) throw new IamError(401, WRONG_CREDENTIALS);
    const domain = domainOf(user);

    let project: ProjectRecord | undefined;
    if (parsed.scope && 'project' in parsed.scope) {
      const wanted = parsed.scope.project;
      project = accounts
        .projectsOf(user.domainId)
        .find(
          (p) =>
            (wanted.id === undefined || p.id === wanted.id) && (wanted.name === undefined || p.name === wanted.name),
        );
      if (project === undefined) {
        const field = wanted.id !== undefined ? 'auth.scope.project.id' : 'auth.scope.project.name';
        throw bad(field, `project '${wanted.id ?? wanted.name}' does not exist in the account`);
      }
    } else if (parsed.scope && 'domain' in parsed.scope) {
      const wanted = parsed.scope.domain;
      if (
        (wanted.id !== undefined && wanted.id !== domain.id) ||
        (wanted.name !== undefined && wanted.name !== domain.name)
      ) {
        const field = wanted.id !== undefined ? 'auth.scope.domain.id' : 'auth.scope.domain.name';
        throw bad(field, "is not the user's account");
      }
    }

    const now = ctx.clock.now();
    const record = accounts.issueToken(user, project ? { projectId: project.id } : {}, now, TOKEN_TTL_MS, 'issued');
    const token: Record<string, unknown> = {
      expires_at: iamTime(record.expiresAt ?? now + TOKEN_TTL_MS),
      methods: ['password'],
    };
    const nocatalog = req.query.get('nocatalog');
    if (nocatalog === null || nocatalog === '') token.catalog = catalog(req, project?.name.split('_')[0] ?? '');
    if (project) token.project = { domain, id: project.id, name: project.name };
    else token.domain = domain;
    token.roles = [
      { id: '0', name: 'te_admin' },
      { id: '0', name: 'op_fine_grained' },
    ];
    token.issued_at = iamTime(now);
    token.user = { domain, id: user.id, name: user.name, password_expires_at: '' };
    return {
      status: 201,
      headers: { 'X-Subject-Token': record.token },
      body: { token },
    };
  }

  function listProjects(req: MockRequest): MockResponse {
    const identity = req.identity;
    if (!identity) return nested(401, 'The request you have made requires authentication.');
    const name = req.query.get('name');
    const origin = req.url.origin;
    const projects = accounts
      .projectsOf(identity.domainId)
      .filter((p) => name === null || name === '' || p.name === name)
      .map((p) => ({
        domain_id: p.domainId,
        is_domain: false,
        parent_id: p.domainId,
        name: p.name,
        description: '',
        links: { next: null, previous: null, self: `${origin}/v3/projects/${p.id}` },
        id: p.id,
        enabled: true,
      }));
    return {
      status: 200,
      body: { projects, links: { next: null, previous: null, self: `${origin}/v3/projects` } },
    };
  }

  const wrap =
    (fn: (req: MockRequest) => MockResponse) =>
    (req: MockRequest): MockResponse => {
      try {
        return fn(req);
      } catch (error) {
        if (error instanceof IamError) return nested(error.status, error.message);
        throw error;
      }
    };

  const routes: MockRoute[] = [
    {
      operation: 'KeystoneCreateUserTokenByPassword',
      method: 'POST',
      path: '/v3/auth/tokens',
      auth: 'iam-password',
      handler: wrap(issue),
    },
    {
      operation: 'KeystoneListProjects',
      method: 'GET',
      path: '/v3/projects',
      auth: 'huawei',
      handler: wrap(listProjects),
    },
  ];

  return {
    name: 'iam',
    protocol: { style: 'rest' },
    gateway: huaweiGateway,
    defaultFaultCode: huaweiFaultCode,
    routes,
    controlRoutes: [],
    // Gateway (`APIGW.*`) answers, faults included, are rendered by the engine in the gateway envelope.
    errorResponse: (status, _code, message) => nested(status, message),
    nextDueAt: () => undefined,
    runDue: () => {},
    snapshot: () => ({}),
    restore: () => {},
    reset: () => {},
  };
}
