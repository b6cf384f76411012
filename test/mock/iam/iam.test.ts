import { describe, expect, it } from 'vitest';
import { createMock, type Mock } from '../../../src/mock/index.js';
import { huaweiRequest, readResult } from '../../support/mock.js';

const IAM_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function passwordBody(mock: Mock, overrides: { password?: string; name?: string; scope?: unknown } = {}) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: overrides.name ?? mock.defaults.userName,
            password: overrides.password ?? mock.defaults.password,
            domain: { name: mock.defaults.domainName },
          },
        },
      },
      ...(overrides.scope === undefined ? { scope: { project: { name: 'cn-north-4' } } } : { scope: overrides.scope }),
    },
  };
}

async function issue(mock: Mock, body: unknown, query = '') {
  return readResult(
    await mock.handle(
      new Request(`https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf8' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    ),
  );
}

describe('IAM POST /v3/auth/tokens', () => {
  it('issues a project-scoped token valid 24 h on the mock clock', async () => {
    const mock = createMock({ now: Date.UTC(2020, 0, 4, 9, 5, 22, 701) });
    const r = await issue(mock, passwordBody(mock));
    expect(r.status).toBe(201);
    const token = r.headers.get('x-subject-token')!;
    expect(token).toMatch(/^MII/);
    expect(r.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(r.text).not.toContain(token);
    const t = r.body.token;
    expect(t.issued_at).toBe('2020-01-04T09:05:22.701000Z');
    expect(t.expires_at).toBe('2020-01-05T09:05:22.701000Z');
    expect(t.expires_at).toMatch(IAM_TIME);
    expect(t.methods).toEqual(['password']);
    expect(t.project).toEqual({
      id: mock.defaults.projectId,
      name: 'cn-north-4',
      domain: { id: mock.defaults.domainId, name: mock.defaults.domainName },
    });
    expect(t.user).toMatchObject({
      id: mock.defaults.userId,
      name: mock.defaults.userName,
      domain: { id: mock.defaults.domainId },
    });
    expect(Array.isArray(t.roles)).toBe(true);
    expect(t.catalog.length).toBeGreaterThan(0);
    expect(t.catalog[0].endpoints[0].url).toBe('https://iam.cn-north-4.myhuaweicloud.com');

    const p = mock.defaults.projectId;
    expect((await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, token })).status).toBe(200);
    mock.clock.advance(24 * 60 * 60 * 1000 - 1);
    expect((await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, token })).status).toBe(200);
    mock.clock.advance(1);
    const expired = await huaweiRequest(mock, { path: `/v1/${p}/metadata/task-templates`, token });
    expect(expired.status).toBe(401);
    expect(expired.body.error_code).toBe('APIGW.0307');
  });

  it('omits the catalog with nocatalog, scopes by project id, and by domain', async () => {
    const mock = createMock();
    const noCat = await issue(mock, passwordBody(mock), '?nocatalog=true');
    expect(noCat.status).toBe(201);
    expect(noCat.body.token.catalog).toBeUndefined();
    const byId = await issue(mock, passwordBody(mock, { scope: { project: { id: mock.defaults.projectId } } }));
    expect(byId.body.token.project.id).toBe(mock.defaults.projectId);
    const domain = await issue(mock, passwordBody(mock, { scope: { domain: { name: mock.defaults.domainName } } }));
    expect(domain.status).toBe(201);
    expect(domain.body.token.domain).toEqual({ id: mock.defaults.domainId, name: mock.defaults.domainName });
    expect(domain.body.token.project).toBeUndefined();
    // a domain-scoped token cannot call project APIs
    const token = domain.headers.get('x-subject-token')!;
    const r = await huaweiRequest(mock, { path: `/v1/${mock.defaults.projectId}/metadata/task-templates`, token });
    expect(r.status).toBe(403);
    expect(r.body.error_code).toBe('APIGW.0306');
    // tokens for a sub-project by name
    const extra = mock.addProject({ name: 'cn-north-4_sub' });
    const sub = await issue(mock, passwordBody(mock, { scope: { project: { name: 'cn-north-4_sub' } } }));
    expect(sub.body.token.project.id).toBe(extra.id);
  });

  it('401 with the nested body for a wrong password or an unknown user, without echoing them', async () => {
    const mock = createMock();
    const wrong = await issue(mock, passwordBody(mock, { password: 'nope-secret-1' }));
    const unknown = await issue(mock, passwordBody(mock, { name: 'ghost' }));
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' },
      });
      expect(r.headers.get('x-subject-token')).toBeNull();
    }
    expect(wrong.text).not.toContain('nope-secret-1');
  });

  it('400 with the nested body naming the field for malformed bodies and unknown scopes', async () => {
    const mock = createMock();
    const cases: [unknown, string][] = [
      ['{not json', 'body'],
      [{}, 'auth'],
      [{ auth: { identity: { methods: ['token'] } } }, 'auth.identity.methods'],
      [{ auth: { identity: { methods: ['password'], password: {} } } }, 'auth.identity.password.user'],
      [
        { auth: { identity: { methods: ['password'], password: { user: { name: 'u', password: 'p' } } } } },
        'auth.identity.password.user.domain',
      ],
      [passwordBody(mock, { scope: { project: { name: 'eu-west-0' } } }), 'auth.scope.project.name'],
      [passwordBody(mock, { scope: { project: { id: 'f'.repeat(32) } } }), 'auth.scope.project.id'],
      [passwordBody(mock, { scope: { project: { name: 'x' }, domain: { name: 'y' } } }), 'auth.scope'],
      [passwordBody(mock, { scope: { domain: { name: 'someone-else' } } }), 'auth.scope.domain.name'],
    ];
    for (const [body, field] of cases) {
      const r = await issue(mock, body);
      expect(r.status, field).toBe(400);
      expect(r.body.error.code).toBe(400);
      expect(r.body.error.title).toBe('Bad Request');
      expect(r.body.error.message.startsWith(`${field}: `), r.body.error.message).toBe(true);
    }
  });
});

describe('IAM GET /v3/projects', () => {
  it('lists the account projects filtered by name, with a token or AK/SK', async () => {
    const mock = createMock();
    mock.addProject({ name: 'cn-north-4_sub' });
    const origin = 'https://iam.myhuaweicloud.com';
    const byToken = await huaweiRequest(mock, { path: '/v3/projects?name=cn-north-4', origin });
    expect(byToken.status).toBe(200);
    expect(byToken.body.projects).toHaveLength(1);
    expect(byToken.body.projects[0]).toMatchObject({
      id: mock.defaults.projectId,
      name: 'cn-north-4',
      domain_id: mock.defaults.domainId,
      enabled: true,
    });
    const all = await huaweiRequest(mock, { path: '/v3/projects', origin, auth: 'aksk' });
    expect(all.status).toBe(200);
    expect(all.body.projects.map((p: { name: string }) => p.name).sort()).toEqual(['cn-north-4', 'cn-north-4_sub']);
    const none = await huaweiRequest(mock, { path: '/v3/projects?name=xx-none-1', origin, auth: 'aksk' });
    expect(none.body.projects).toEqual([]);
    const unauth = await huaweiRequest(mock, { path: '/v3/projects', origin, auth: 'none' });
    expect(unauth.status).toBe(401);
    expect(unauth.body.error_code).toBe('APIGW.0301');
  });

  it('answers injected faults in the nested envelope (gateway envelope for APIGW codes)', async () => {
    const mock = createMock();
    mock.faults.inject({ service: 'iam', operation: 'KeystoneCreateUserTokenByPassword', status: 503 });
    const r = await issue(mock, passwordBody(mock));
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 503, title: 'Service Unavailable' });
    mock.faults.inject({ service: 'iam', status: 429 });
    const t = await issue(mock, passwordBody(mock));
    expect(t.status).toBe(429);
    expect(t.body).toMatchObject({ error_code: 'APIGW.0308', request_id: t.requestId });
  });
});
