/** The default account of a mock, and the credentials `Mock.issueToken` / `Mock.addAccessKey` add to it. */
import type { MockDefaults } from './api.js';
import type { CredentialStore } from './credentials.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates the default account, in a fixed order so that every id derives from the seed. */
export function createDefaultAccount(
  store: CredentialStore,
  region: string,
  workspace: string,
  now: number,
): MockDefaults {
  const domain = store.addDomain('metacollect-mock');
  const user = store.addUser(domain.id, 'mock-user', 'Mock-Passw0rd!');
  const project = store.addProject(domain.id, region);
  const token = store.issueToken(user, { projectId: project.id }, now, null, 'configured');
  const key = store.addAccessKey(user.id, false);
  return {
    region,
    projectId: project.id,
    projectName: project.name,
    workspace,
    token: token.token,
    ak: key.ak,
    sk: key.sk,
    domainName: domain.name,
    domainId: domain.id,
    userName: user.name,
    password: user.password,
    userId: user.id,
  };
}

/** A configured token of the default user: default project, 24 h unless `ttlMs` (null = never expires). */
export function issueDefaultToken(
  store: CredentialStore,
  defaults: MockDefaults,
  now: number,
  options: { projectId?: string; ttlMs?: number | null },
): string {
  const user = store.users.get(defaults.userId);
  if (!user) throw new Error('issueToken: the default user is missing');
  const projectId = options.projectId ?? defaults.projectId;
  if (!store.projects.has(projectId)) throw new Error(`issueToken: unknown project ${projectId}`);
  const ttl = options.ttlMs === undefined ? DAY_MS : options.ttlMs;
  return store.issueToken(user, { projectId }, now, ttl, 'configured').token;
}

/** A new access key of the default user; a temporary one comes with its security token. */
export function addDefaultAccessKey(
  store: CredentialStore,
  defaults: MockDefaults,
  temporary: boolean,
): { ak: string; sk: string; securityToken?: string } {
  const key = store.addAccessKey(defaults.userId, temporary);
  return key.securityToken === undefined
    ? { ak: key.ak, sk: key.sk }
    : { ak: key.ak, sk: key.sk, securityToken: key.securityToken };
}
