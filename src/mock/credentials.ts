/**
 * The account store the engine's gateway authentication reads: accounts (domains), users, projects, tokens and access
 * keys. One service holds it (the IAM mock, whose state it is) and exposes it as `MockService.credentials`.
 */

/** An account (domain). */
export interface DomainRecord {
  id: string;
  name: string;
}

/** A user of an account, with the password that password login checks. */
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

/** A token bound to a user and (optionally) a project. */
export interface TokenRecord {
  token: string;
  userId: string;
  /** Project scope; undefined for a domain-scoped token. */
  projectId?: string;
  domainId: string;
  issuedAt: number;
  /** Epoch ms; null = never expires (configured static tokens). */
  expiresAt: number | null;
  /** `configured` tokens survive reset(); `issued` ones (password login) do not. */
  origin: 'configured' | 'issued';
}

/** An access key of a user; a temporary one also needs its security token. */
export interface AccessKeyRecord {
  ak: string;
  sk: string;
  userId: string;
  /** Temporary keys also require this X-Security-Token / x-acs-security-token. */
  securityToken?: string;
}

/** The store as plain JSON (`MockSnapshot.accounts`). */
export interface AccountsSnapshot {
  domains: DomainRecord[];
  users: UserRecord[];
  projects: ProjectRecord[];
  tokens: TokenRecord[];
  accessKeys: AccessKeyRecord[];
}

/** What the engine needs of the account store: look-ups for gateway auth, and adds for the default account. */
export interface CredentialStore {
  readonly domains: ReadonlyMap<string, DomainRecord>;
  readonly users: ReadonlyMap<string, UserRecord>;
  readonly projects: ReadonlyMap<string, ProjectRecord>;
  readonly tokens: ReadonlyMap<string, TokenRecord>;
  readonly accessKeys: ReadonlyMap<string, AccessKeyRecord>;
  addDomain(name: string): DomainRecord;
  addUser(domainId: string, name: string, password: string): UserRecord;
  addProject(domainId: string, name: string): ProjectRecord;
  /** Mints a token for `user`, scoped to `scope.projectId` (or to the user's account). `ttlMs` null = no expiry. */
  issueToken(
    user: UserRecord,
    scope: { projectId?: string },
    issuedAt: number,
    ttlMs: number | null,
    origin: TokenRecord['origin'],
  ): TokenRecord;
  addAccessKey(userId: string, temporary: boolean): AccessKeyRecord;
}
