import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  IamErrorBodySchema,
  ListProjectsResponseSchema,
  PasswordTokenRequestSchema,
  TokenResponseSchema,
} from '../../src/iam/schemas.js';

function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

const SECRET = 'Secr3t!pass';
const request = (scope?: unknown, user: Record<string, unknown> = {}) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: 'alice', password: SECRET, domain: { name: 'acct' }, ...user } },
    },
    ...(scope === undefined ? {} : { scope }),
  },
});

describe('PasswordTokenRequestSchema', () => {
  test('accepts project scope by name or id, domain scope, or no scope', () => {
    for (const scope of [
      { project: { name: 'cn-north-4' } },
      { project: { id: 'p' } },
      { domain: { id: 'd' } },
      undefined,
    ]) {
      expect(PasswordTokenRequestSchema.parse(request(scope))).toEqual(request(scope));
    }
  });

  test('scope needs exactly one of project or domain, each with an id or a name', () => {
    expect(issues(PasswordTokenRequestSchema, request({}))).toEqual([
      'auth.scope: expected exactly one of project or domain',
    ]);
    expect(issues(PasswordTokenRequestSchema, request({ project: { name: 'a' }, domain: { name: 'b' } }))).toEqual([
      'auth.scope: expected exactly one of project or domain',
    ]);
    expect(issues(PasswordTokenRequestSchema, request({ project: {} }))).toEqual([
      'auth.scope.project: expected an id or a name',
    ]);
  });

  test('only the password method; user name, password and domain required', () => {
    const totp = request();
    (totp.auth.identity as { methods: string[] }).methods = ['password', 'totp'];
    expect(issues(PasswordTokenRequestSchema, totp)).toEqual(["auth.identity.methods: expected exactly ['password']"]);
    (totp.auth.identity as { methods: string[] }).methods = ['totp'];
    expect(issues(PasswordTokenRequestSchema, totp)).toEqual([
      "auth.identity.methods.0: expected 'password' (the only supported method)",
    ]);
    expect(issues(PasswordTokenRequestSchema, request(undefined, { name: '', domain: {} }))).toEqual([
      'auth.identity.password.user.name: expected the IAM user name of 1 to 64 characters',
      'auth.identity.password.user.domain: expected an id or a name',
    ]);
  });

  test('messages never contain the password', () => {
    const long = request(undefined, { password: `${SECRET}${'x'.repeat(1100)}` });
    const out = issues(PasswordTokenRequestSchema, long);
    expect(out).toEqual(['auth.identity.password.user.password: expected a password of at most 1024 characters']);
    expect(out.join('\n')).not.toContain(SECRET);
  });
});

describe('IAM response schemas', () => {
  test('token body, project list and error body, unknown fields kept', () => {
    const token = {
      token: {
        expires_at: '2026-01-02T00:00:00.000000Z',
        issued_at: '2026-01-01T00:00:00.000000Z',
        methods: ['password'],
        project: { id: 'p', name: 'cn-north-4', domain: { id: 'd', name: 'acct' } },
        roles: [{ id: 'r', name: 'op_service' }],
        user: { id: 'u', name: 'alice', domain: { id: 'd', name: 'acct' }, password_expires_at: '' },
        extra: 1,
      },
    };
    expect(TokenResponseSchema.parse(token)).toEqual(token);
    expect(TokenResponseSchema.safeParse({ token: { ...token.token, user: undefined } }).success).toBe(false);
    const projects = {
      projects: [{ id: 'p', name: 'cn-north-4', domain_id: 'd', enabled: true }],
      links: { self: 'x' },
    };
    expect(ListProjectsResponseSchema.parse(projects)).toEqual(projects);
    const err = { error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' } };
    expect(IamErrorBodySchema.parse(err)).toEqual(err);
    expect(IamErrorBodySchema.safeParse({ error_code: 'APIGW.0301', error_msg: 'x' }).success).toBe(false);
  });
});
