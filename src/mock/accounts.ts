import type { SeededIds } from './ids.js';

/** An IAM account (domain). */
export interface DomainRecord {
  id: string;
  name: string;
}

export interface UserRecord {
  id: string;
  name: string;
  password: string;
  domainId: string;
}

/** A project: name = region id (or `<region>_<suffix>` for sub-projects), 32-hex id. */
export interface ProjectRecord {
  id: string;
  name: string;
  domainId: string;
}

export interface TokenRecord {
  token: string;
  userId: string;
  /** Project scope; undefined for a domain-scoped token. */
  projectId?: string;
  domainId: string;
  issuedAt: number;
  /** Epoch ms; null = never expires (configured static tokens). */
  expiresAt: number | null;
  /** `configured` tokens survive reset(); `issued` ones (POST /v3/auth/tokens) do not. */
  origin: 'configured' | 'issued';
}

export interface AccessKeyRecord {
  ak: string;
  sk: string;
  userId: string;
  /** Temporary keys also require this X-Security-Token / x-acs-security-token. */
  securityToken?: string;
}

export interface AccountsSnapshot {
  domains: DomainRecord[];
  users: UserRecord[];
  projects: ProjectRecord[];
  tokens: TokenRecord[];
  accessKeys: AccessKeyRecord[];
}

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_CHARS = `${ALNUM}-_`;

/**
 * Credentials known to the mock: IAM domains, users, projects, tokens and access keys. Shared by the engine's
 * gateway auth and the IAM service module. Everything here is plain data so that snapshots are trivial.
 */
export class Accounts {
  domains = new Map<string, DomainRecord>();
  users = new Map<string, UserRecord>();
  projects = new Map<string, ProjectRecord>();
  tokens = new Map<string, TokenRecord>();
  accessKeys = new Map<string, AccessKeyRecord>();

  constructor(private readonly ids: SeededIds) {}

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
    const token = `MII${this.ids.chars(189, TOKEN_CHARS)}`;
    const record: TokenRecord = {
      token,
      userId: user.id,
      domainId: user.domainId,
      issuedAt,
      expiresAt: ttlMs === null ? null : issuedAt + ttlMs,
      origin,
    };
    if (scope.projectId !== undefined) record.projectId = scope.projectId;
    this.tokens.set(token, record);
    return record;
  }

  addAccessKey(userId: string, temporary: boolean): AccessKeyRecord {
    const record: AccessKeyRecord = { ak: this.ids.chars(20, ALNUM_UPPER), sk: this.ids.chars(40, ALNUM), userId };
    if (temporary) record.securityToken = `gQpjbi1ub3J0aC00${this.ids.chars(120, TOKEN_CHARS)}`;
    this.accessKeys.set(record.ak, record);
    return record;
  }

  findUser(domainRef: { id?: string; name?: string }, userRef: { id?: string; name?: string }): UserRecord | undefined {
    for (const user of this.users.values()) {
      if (userRef.id !== undefined && user.id !== userRef.id) continue;
      if (userRef.name !== undefined && user.name !== userRef.name) continue;
      const domain = this.domains.get(user.domainId);
      if (domainRef.id !== undefined && domain?.id !== domainRef.id) continue;
      if (domainRef.name !== undefined && domain?.name !== domainRef.name) continue;
      return user;
    }
    return undefined;
  }

  projectsOf(domainId: string): ProjectRecord[] {
    return [...this.projects.values()].filter((p) => p.domainId === domainId);
  }

  /** Drops tokens issued over HTTP; configured credentials survive (README: reset keeps configured credentials). */
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
}
