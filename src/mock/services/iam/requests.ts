/** IAM requests → typed input, or a thrown 400 naming the field. */
import { isJsonObject, readJson } from '../../body.js';
import type { CallerIdentity, MockRequest } from '../../types.js';
import { badField, unauthenticated } from './errors.js';

/** A reference to a record by id, by name, or both (both must then agree). */
export interface NameOrId {
  id?: string;
  name?: string;
}

/** A password login: who, with which secret, and the scope the token is asked for (none = the user's account). */
export interface PasswordLogin {
  user: NameOrId;
  domain: NameOrId;
  password: string;
  scope: { project: NameOrId } | { domain: NameOrId } | undefined;
}

function objectAt(parent: Record<string, unknown>, key: string, field: string): Record<string, unknown> {
  const v = parent[key];
  if (v === undefined || v === null) throw badField(field, 'is required');
  if (!isJsonObject(v)) throw badField(field, 'expected an object');
  return v;
}

function optionalString(parent: Record<string, unknown>, key: string, field: string): string | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw badField(field, 'expected a non-empty string');
  return v;
}

/** `{id}` or `{name}` (at least one; both allowed). */
function nameOrId(o: Record<string, unknown>, field: string): NameOrId {
  const id = optionalString(o, 'id', `${field}.id`);
  const name = optionalString(o, 'name', `${field}.name`);
  if (id === undefined && name === undefined) throw badField(field, 'expected an id or a name');
  return { ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) };
}

/**
 * The body of POST /v3/auth/tokens. `methods` must be exactly ["password"] (MFA is not mocked); a user given by name
 * needs its `domain`; `scope` names exactly one of a project or a domain.
 */
export function parsePasswordLogin(req: MockRequest): PasswordLogin {
  const read = readJson(req.rawBody);
  if (!read.ok || read.value === undefined) throw badField('body', 'malformed JSON');
  if (!isJsonObject(read.value)) throw badField('body', 'expected a JSON object');
  const auth = objectAt(read.value, 'auth', 'auth');
  const identity = objectAt(auth, 'identity', 'auth.identity');
  const methods = identity.methods;
  if (!Array.isArray(methods) || methods.length !== 1 || methods[0] !== 'password') {
    throw badField('auth.identity.methods', 'expected ["password"] (the mock supports the password method only)');
  }
  const password = objectAt(identity, 'password', 'auth.identity.password');
  const user = objectAt(password, 'user', 'auth.identity.password.user');
  const userRef = nameOrId(user, 'auth.identity.password.user');
  const secret = user.password;
  if (typeof secret !== 'string' || secret === '') {
    throw badField('auth.identity.password.user.password', 'expected a non-empty string');
  }
  let domain: NameOrId = {};
  if (user.domain !== undefined && user.domain !== null) {
    const field = 'auth.identity.password.user.domain';
    domain = nameOrId(objectAt(user, 'domain', field), field);
  } else if (userRef.id === undefined) {
    throw badField('auth.identity.password.user.domain', 'is required when the user is given by name');
  }
  let scope: PasswordLogin['scope'];
  if (auth.scope !== undefined && auth.scope !== null) {
    const s = objectAt(auth, 'scope', 'auth.scope');
    const hasProject = s.project !== undefined && s.project !== null;
    const hasDomain = s.domain !== undefined && s.domain !== null;
    if (hasProject === hasDomain) throw badField('auth.scope', 'expected exactly one of project or domain');
    scope = hasProject
      ? { project: nameOrId(objectAt(s, 'project', 'auth.scope.project'), 'auth.scope.project') }
      : { domain: nameOrId(objectAt(s, 'domain', 'auth.scope.domain'), 'auth.scope.domain') };
  }
  return { user: userRef, domain, password: secret, scope };
}

/** `?nocatalog`: any non-empty value leaves the service catalog out of the token. */
export function wantsCatalog(req: MockRequest): boolean {
  const nocatalog = req.query.get('nocatalog');
  return nocatalog === null || nocatalog === '';
}

/** The caller of GET /v3/projects and its `?name` filter ('' or absent = every project). */
export function parseListProjects(req: MockRequest): { caller: CallerIdentity; name: string | undefined } {
  if (!req.identity) throw unauthenticated();
  const name = req.query.get('name');
  return { caller: req.identity, name: name === null || name === '' ? undefined : name };
}
