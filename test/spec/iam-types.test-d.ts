import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { components } from '../../src/generated/iam.js';
import type {
  IamErrorBodySchema,
  ListProjectsResponse,
  ListProjectsResponseSchema,
  PasswordTokenRequest,
  PasswordTokenRequestSchema,
  TokenResponse,
  TokenResponseSchema,
} from '../../src/iam/schemas.js';
import type { Same } from './type-equal.js';

type S = components['schemas'];

describe('IAM schemas equal the generated types', () => {
  test('request: z.input (and z.output) of PasswordTokenRequestSchema', () => {
    expectTypeOf<Same<z.input<typeof PasswordTokenRequestSchema>, S['PasswordTokenRequest']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof PasswordTokenRequestSchema>, S['PasswordTokenRequest']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<PasswordTokenRequest, S['PasswordTokenRequest']>>().toEqualTypeOf<true>();
  });

  test('request pinned: password method, project or domain scope', () => {
    type NameOrId = { id?: string; name?: string };
    type Pinned = {
      auth: {
        identity: { methods: 'password'[]; password: { user: { name: string; password: string; domain: NameOrId } } };
        scope?: { project?: NameOrId; domain?: NameOrId };
      };
    };
    expectTypeOf<Same<PasswordTokenRequest, Pinned>>().toEqualTypeOf<true>();
  });

  test('responses: z.output', () => {
    expectTypeOf<Same<z.output<typeof TokenResponseSchema>, S['TokenResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof ListProjectsResponseSchema>, S['ListProjectsResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof IamErrorBodySchema>, S['IamError']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<TokenResponse, S['TokenResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ListProjectsResponse, S['ListProjectsResponse']>>().toEqualTypeOf<true>();
  });
});
