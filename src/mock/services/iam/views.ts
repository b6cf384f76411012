/** IAM records → wire JSON. */
import type { ProjectRecord } from '../../credentials.js';
import type { SignIn } from './state.js';

/** `2020-01-04T09:05:22.701000Z` (microsecond precision, as IAM prints it). */
export function iamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The catalog lists the `iam`, `sdg` and `dayu` endpoints, all at the mock origin the request came to. */
function catalog(origin: string, region: string) {
  const where = region === '' ? '*' : region;
  return [
    { type: 'identity', name: 'iam' },
    { type: 'sdg', name: 'dsc' },
    { type: 'dayu', name: 'dataarts' },
  ].map((s, i) => ({
    endpoints: [{ id: `${'0'.repeat(31)}${i + 1}`, interface: 'public', region: where, region_id: where, url: origin }],
    id: `${'f'.repeat(31)}${i + 1}`,
    name: s.name,
    type: s.type,
  }));
}

/** The `token` of a login answer; the token itself travels in `X-Subject-Token`, never in the body. */
export function tokenView(login: SignIn, origin: string, withCatalog: boolean): Record<string, unknown> {
  const { token: record, user, domain, project } = login;
  const token: Record<string, unknown> = {
    expires_at: iamTime(record.expiresAt ?? record.issuedAt),
    methods: ['password'],
  };
  // A project is named after its region (`cn-north-4`, or `cn-north-4_sub` for a sub-project).
  if (withCatalog) token.catalog = catalog(origin, project?.name.split('_')[0] ?? '');
  if (project) token.project = { domain, id: project.id, name: project.name };
  else token.domain = domain;
  token.roles = [
    { id: '0', name: 'te_admin' },
    { id: '0', name: 'op_fine_grained' },
  ];
  token.issued_at = iamTime(record.issuedAt);
  token.user = { domain, id: user.id, name: user.name, password_expires_at: '' };
  return { token };
}

/** The answer of GET /v3/projects. */
export function projectsView(projects: ProjectRecord[], origin: string): Record<string, unknown> {
  return {
    projects: projects.map((p) => ({
      domain_id: p.domainId,
      is_domain: false,
      parent_id: p.domainId,
      name: p.name,
      description: '',
      links: { next: null, previous: null, self: `${origin}/v3/projects/${p.id}` },
      id: p.id,
      enabled: true,
    })),
    links: { next: null, previous: null, self: `${origin}/v3/projects` },
  };
}
