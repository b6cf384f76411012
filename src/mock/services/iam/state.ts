/**
 * IAM's state: accounts (domains), users, projects, tokens and access keys. It is also the engine's credential store
 * (gateway auth reads it), so every record is plain data and snapshots are copies.
 */
import type {
  AccessKeyRecord,
  AccountsSnapshot,
  CredentialStore,
  DomainRecord,
  ProjectRecord,
  TokenRecord,
  UserRecord,
} from '../../credentials.js';
import { randomChars } from '../../ids.js';
import type { MockIds } from '../../types.js';
import { badField, wrongCredentials } from './errors.js';
import type { NameOrId, PasswordLogin } from './requests.js';

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_CHARS = `${ALNUM}-_`;

/** Tokens from password login live 24 h. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** A successful password login: the token and what it was issued for. */
export interface SignIn {
  token: TokenRecord;
  user: UserRecord;
  domain: DomainRecord;
  /** The project of a project-scoped token. */
  project: ProjectRecord | undefined;
}

const matches = (record: { id: string; name: string }, ref: NameOrId): boolean =>
  (ref.id === undefined || record.id === ref.id) && (ref.name === undefined || record.name === ref.name);

export class IamState implements CredentialStore {
  domains = new Map<string, DomainRecord>();
  users = new Map<string, UserRecord>();
  projects = new Map<string, ProjectRecord>();
  tokens = new Map<string, TokenRecord>();
  accessKeys = new Map<string, AccessKeyRecord>();

  constructor(private readonly ids: MockIds) {}

  /** util.inspect / console.log show counts only (the records hold passwords, SKs and tokens). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Accounts { users: ${this.users.size}, projects: ${this.projects.size}, tokens: ${this.tokens.size}, accessKeys: ${this.accessKeys.size} }`;
  }

  toJSON(): unknown {
    return { users: this.users.size, projects: this.projects.size };
  }

  addDomain(name: string): DomainRecord {
    const domain = { id: this.ids.hex(32), name };
    this.domains.set(domain.id, domain);
    return domain;
  }

  addUser(domainId: string, name: string, password: string): UserRecord {
    const user = { id: this.ids.hex(32), name, password, domainId };
    this.users.set(user.id, user);
    return user;
  }

  addProject(domainId: string, name: string): ProjectRecord {
    const project = { id: this.ids.hex(32), name, domainId };
    this.projects.set(project.id, project);
    return project;
  }

  /** Mints an opaque token (`MII…`, like IAM's PKI tokens) bound to a user and scope. */
  issueToken(
    user: UserRecord,
    scope: { projectId?: string },
    issuedAt: number,
    ttlMs: number | null,
    origin: TokenRecord['origin'],
  ): TokenRecord {
    const record: TokenRecord = {
      token: `MII${randomChars(this.ids, 189, TOKEN_CHARS)}`,
      userId: user.id,
      domainId: user.domainId,
      issuedAt,
      expiresAt: ttlMs === null ? null : issuedAt + ttlMs,
      origin,
    };
    if (scope.projectId !== undefined) record.projectId = scope.projectId;
    this.tokens.set(record.token, record);
    return record;
  }

  addAccessKey(userId: string, temporary: boolean): AccessKeyRecord {
    const record: AccessKeyRecord = {
      ak: randomChars(this.ids, 20, ALNUM_UPPER),
      sk: randomChars(this.ids, 40, ALNUM),
      userId,
    };
    if (temporary) record.securityToken = `gQpjbi1ub3J0aC00${randomChars(this.ids, 120, TOKEN_CHARS)}`;
    this.accessKeys.set(record.ak, record);
    return record;
  }

  /**
   * Password login. Credentials are checked before the scope: an unknown user, a wrong password or another domain
   * is 401; a scope outside the user's account is 400 naming the field.
   */
  signIn(login: PasswordLogin, now: number): SignIn {
    const user = this.findUser(login.domain, login.user);
    if (user === undefined || user.password !== login.password) throw wrongCredentials();
    const domain = { id: user.domainId, name: this.domains.get(user.domainId)?.name ?? '' };
    let project: ProjectRecord | undefined;
    if (login.scope && 'project' in login.scope) {
      const wanted = login.scope.project;
      project = this.projectsOf(user.domainId).find((p) => matches(p, wanted));
      if (project === undefined) {
        const field = wanted.id !== undefined ? 'auth.scope.project.id' : 'auth.scope.project.name';
        throw badField(field, `project '${wanted.id ?? wanted.name}' does not exist in the account`);
      }
    } else if (login.scope && 'domain' in login.scope && !matches(domain, login.scope.domain)) {
      const field = login.scope.domain.id !== undefined ? 'auth.scope.domain.id' : 'auth.scope.domain.name';
      throw badField(field, "is not the user's account");
    }
    const token = this.issueToken(user, project ? { projectId: project.id } : {}, now, TOKEN_TTL_MS, 'issued');
    return { token, user, domain, project };
  }

  /** The projects of an account, those named `name` only when given. */
  listProjects(domainId: string, name: string | undefined): ProjectRecord[] {
    return this.projectsOf(domainId).filter((p) => name === undefined || p.name === name);
  }

  /** Drops tokens issued by password login; configured credentials survive a reset. */
  reset(): void {
    for (const [token, record] of this.tokens) if (record.origin === 'issued') this.tokens.delete(token);
  }

  snapshot(): AccountsSnapshot {
    return {
      domains: [...this.domains.values()].map((d) => ({ ...d })),
      users: [...this.users.values()].map((u) => ({ ...u })),
      projects: [...this.projects.values()].map((p) => ({ ...p })),
      tokens: [...this.tokens.values()].map((t) => ({ ...t })),
      accessKeys: [...this.accessKeys.values()].map((k) => ({ ...k })),
    };
  }

  restore(s: AccountsSnapshot): void {
    this.domains = new Map(s.domains.map((d) => [d.id, { ...d }]));
    this.users = new Map(s.users.map((u) => [u.id, { ...u }]));
    this.projects = new Map(s.projects.map((p) => [p.id, { ...p }]));
    this.tokens = new Map(s.tokens.map((t) => [t.token, { ...t }]));
    this.accessKeys = new Map(s.accessKeys.map((k) => [k.ak, { ...k }]));
  }

  private findUser(domainRef: NameOrId, userRef: NameOrId): UserRecord | undefined {
    for (const user of this.users.values()) {
      if (!matches(user, userRef)) continue;
      const domain = this.domains.get(user.domainId);
      if (domainRef.id !== undefined && domain?.id !== domainRef.id) continue;
      if (domainRef.name !== undefined && domain?.name !== domainRef.name) continue;
      return user;
    }
    return undefined;
  }

  private projectsOf(domainId: string): ProjectRecord[] {
    return [...this.projects.values()].filter((p) => p.domainId === domainId);
  }
}
