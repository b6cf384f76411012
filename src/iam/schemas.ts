/**
 * Zod schemas for Huawei Cloud IAM (openapi/iam.yaml): the password token request, the token response body and
 * the project list. Request schemas apply no defaults, so input and output types equal the generated type;
 * response schemas are loose. Messages never contain the password (only the field path and what was expected).
 * test/spec/iam-types.test-d.ts pins every schema to the generated type.
 */
import { z } from 'zod';
import { keptObject } from '../core/kept-object.js';
import type { components } from '../generated/iam.js';

type Schemas = components['schemas'];

export type PasswordTokenRequest = Schemas['PasswordTokenRequest'];
export type TokenScope = Schemas['TokenScope'];
export type NameOrId = Schemas['NameOrId'];
export type TokenResponse = Schemas['TokenResponse'];
export type Token = Schemas['Token'];
export type ListProjectsResponse = Schemas['ListProjectsResponse'];
export type Project = Schemas['Project'];
export type IamErrorBody = Schemas['IamError'];

const name64 = (what: string) =>
  z
    .string({ error: `expected ${what} as a string of 1 to 64 characters` })
    .min(1, { error: `expected ${what} of 1 to 64 characters` })
    .max(64, { error: `expected ${what} of 1 to 64 characters` });

/** `{id}` or `{name}` (at least one). */
const NameOrIdSchema = z
  .object({ id: name64('an id').optional(), name: name64('a name').optional() }, { error: 'expected an object' })
  .refine((v) => v.id !== undefined || v.name !== undefined, { error: 'expected an id or a name' });

const PasswordUserSchema = z.object(
  {
    name: name64('the IAM user name'),
    // The message must not echo the value: it is a secret.
    password: z
      .string({ error: 'expected the password as a string' })
      .min(1, { error: 'expected a non-empty password' })
      .max(1024, { error: 'expected a password of at most 1024 characters' }),
    domain: NameOrIdSchema,
  },
  { error: 'expected the user object {name, password, domain}' },
);

const TokenScopeSchema = z
  .object({ project: NameOrIdSchema.optional(), domain: NameOrIdSchema.optional() }, { error: 'expected an object' })
  .refine((v) => (v.project === undefined) !== (v.domain === undefined), {
    error: 'expected exactly one of project or domain',
  });

export const PasswordTokenRequestSchema = z.object({
  auth: z.object(
    {
      identity: z.object(
        {
          methods: z
            .array(z.literal('password', { error: "expected 'password' (the only supported method)" }), {
              error: "expected an array of methods (['password'])",
            })
            .min(1, { error: "expected exactly ['password']" })
            .max(1, { error: "expected exactly ['password']" }),
          password: z.object({ user: PasswordUserSchema }, { error: 'expected {user}' }),
        },
        { error: 'expected the identity object {methods, password}' },
      ),
      scope: TokenScopeSchema.optional(),
    },
    { error: 'expected the auth object {identity, scope}' },
  ),
});

// ---------------------------------------------------------------------------------------------------------------
// Responses (loose)

const IdNameSchema = keptObject({ id: z.string(), name: z.string() });

const CatalogEntrySchema = keptObject({
  id: z.string().optional(),
  type: z.string().optional(),
  name: z.string().optional(),
  endpoints: z.array(z.looseObject({})).optional(),
});

export const TokenSchema = keptObject({
  expires_at: z.string(),
  issued_at: z.string(),
  methods: z.array(z.string()),
  catalog: z.array(CatalogEntrySchema).optional(),
  project: keptObject({ id: z.string(), name: z.string(), domain: IdNameSchema }).optional(),
  domain: IdNameSchema.optional(),
  roles: z.array(IdNameSchema).optional(),
  user: keptObject({
    id: z.string(),
    name: z.string(),
    domain: IdNameSchema,
    password_expires_at: z.string().optional(),
  }),
});

export const TokenResponseSchema = keptObject({ token: TokenSchema });

export const ProjectSchema = keptObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string().optional(),
  enabled: z.boolean().optional(),
  description: z.string().optional(),
  parent_id: z.string().optional(),
  is_domain: z.boolean().optional(),
});

export const ListProjectsResponseSchema = keptObject({
  projects: z.array(ProjectSchema),
  links: z.looseObject({}).optional(),
});

export const IamErrorBodySchema = keptObject({
  error: keptObject({ code: z.int(), title: z.string(), message: z.string() }),
});
