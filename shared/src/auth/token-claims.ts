import { z } from 'zod';
import { organisationIdSchema, storeIdSchema } from '../ids/ids.ts';

export const ROLES = ['admin', 'marketer', 'associate', 'edge'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const TOKEN_ISSUER = 'vitrine-cloud';
export const TOKEN_AUDIENCE = 'vitrine';

/**
 * Claims of every token the cloud signs (ES256, published at /.well-known/jwks.json).
 * An associate and an edge device are bound to one store; admins and marketers see the
 * whole organisation.
 */
export const tokenClaimsSchema = z.discriminatedUnion('role', [
  z.object({
    sub: z.string().min(1),
    org: organisationIdSchema,
    role: z.enum(['admin', 'marketer']),
    name: z.string(),
  }),
  z.object({
    sub: z.string().min(1),
    org: organisationIdSchema,
    role: z.literal('associate'),
    store: storeIdSchema,
    name: z.string(),
  }),
  z.object({
    sub: z.string().min(1),
    org: organisationIdSchema,
    role: z.literal('edge'),
    store: storeIdSchema,
    name: z.string(),
  }),
]);
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;
