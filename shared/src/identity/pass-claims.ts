import { z } from 'zod';
import { consentSchema, tierSchema } from '../customer/customer-profile.ts';
import { customerIdSchema, idSchema, organisationIdSchema } from '../ids/ids.ts';

/** The JWS `typ` of a loyalty pass: a pass is never mistaken for an API token, nor the reverse. */
export const PASS_TYP = 'vitrine-pass+jwt';
/** Audience of a pass; API tokens carry another one, so neither verifies as the other. */
export const PASS_AUDIENCE = 'vitrine-pass';
export const PASS_ALGORITHM = 'ES256' as const;

export const passIdSchema = idSchema('pass');

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

/**
 * The app's public key as a JWK: EC P-256, public part only. A JWK carrying `d` (a
 * private key) is refused, so an app that sends its secret by mistake learns it at once.
 */
export const appPublicJwkSchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: base64url.length(43),
    y: base64url.length(43),
  })
  .loose()
  .refine((jwk) => !('d' in jwk), { message: 'must be a public key (no "d")', path: ['d'] });
export type AppPublicJwk = z.infer<typeof appPublicJwkSchema>;

/**
 * Claims of a loyalty pass, signed by the organisation (ES256, `kid` in the header, key
 * published in the cloud's JWKS). `cnf.jwk` binds the pass to the app's key: only the
 * holder of the matching private key can produce proofs for it (RFC 7800 style).
 */
export const passClaimsSchema = z.object({
  iss: z.string().min(1),
  aud: z.literal(PASS_AUDIENCE),
  /** The pass id. */
  jti: passIdSchema,
  /** The customer reference. */
  sub: customerIdSchema,
  org: organisationIdSchema,
  tier: tierSchema,
  consent: consentSchema,
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  cnf: z.object({
    jwk: z.object({
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      x: base64url.length(43),
      y: base64url.length(43),
    }),
  }),
});
export type PassClaims = z.infer<typeof passClaimsSchema>;

/** `POST /v1/passes` body: enrol a customer's app in store. */
export const passIssueRequestSchema = z.object({
  customerId: customerIdSchema,
  appPublicKey: appPublicJwkSchema,
});
export type PassIssueRequest = z.infer<typeof passIssueRequestSchema>;

/** `POST /v1/passes` answer: the signed pass the app keeps and shows. */
export const issuedPassSchema = z.object({
  passId: passIdSchema,
  customerId: customerIdSchema,
  pass: z.string().min(1),
  kid: z.string().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type IssuedPass = z.infer<typeof issuedPassSchema>;

export const PASS_REVOCATION_REASONS = [
  'lost_device',
  'customer_request',
  'fraud',
  /** Set by the cloud itself when the customer is erased; not a choice of the revoke API. */
  'erased',
  'other',
] as const;

export const passRevokeRequestSchema = z.object({
  reason: z.enum(PASS_REVOCATION_REASONS).exclude(['erased']).default('other'),
});

/** One revoked pass as the revocation feed carries it; no personal data. */
export const passRevocationSchema = z.object({
  passId: passIdSchema,
  revokedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(PASS_REVOCATION_REASONS),
  /** After this instant the pass is refused as expired anyway: an edge may forget it. */
  passExpiresAt: z.iso.datetime({ offset: true }),
});
export type PassRevocation = z.infer<typeof passRevocationSchema>;

/** `GET /v1/stores/{storeId}/sync/revocations?since=` answer. */
export const revocationFeedSchema = z.object({
  items: z.array(passRevocationSchema),
  /** Pass it back as `since` to get only what came after. */
  watermark: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type RevocationFeed = z.infer<typeof revocationFeedSchema>;

/** The organisation's published keys, as `/.well-known/jwks.json` serves them. */
export const organisationJwksSchema = z.object({
  keys: z.array(
    z
      .object({
        kty: z.literal('EC'),
        crv: z.literal('P-256'),
        x: base64url.length(43),
        y: base64url.length(43),
        kid: z.string().min(1),
        alg: z.literal('ES256').optional(),
        use: z.string().optional(),
      })
      .loose(),
  ),
});
export type OrganisationJwks = z.infer<typeof organisationJwksSchema>;
