import { z } from 'zod';
import { invitationViewSchema } from '../engagement/event-api.ts';
import { appPublicJwkSchema } from '../identity/pass-claims.ts';
import { customerIdSchema, organisationIdSchema, storeIdSchema } from '../ids/ids.ts';

/**
 * The customer's own API, called by the loyalty card app (and by retailers' own apps that
 * follow it): enrol or sign in with email and password, then the pass for the app's key,
 * consent, invitations and the stores to check in at. Tokens carry the `customer` role and
 * the customer's id as subject, under their own audience (`vitrine-member`): they reach
 * only `/v1/me…`, never a staff route.
 */
export const memberConsentSchema = z.strictObject({
  /** Being followed by passive sensing (beacons heard by the app, scanner nodes). */
  tracking: z.boolean(),
  /** Offers and invitations. */
  marketing: z.boolean(),
  /** Purchases and visits used to personalise. */
  profiling: z.boolean(),
});
export type MemberConsent = z.infer<typeof memberConsentSchema>;

export const MEMBER_PASSWORD_MIN = 10;

export const memberEnrolRequestSchema = z.strictObject({
  organisationId: organisationIdSchema,
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  email: z.email().max(254),
  /** E.164 or as typed; normalised by the cloud for duplicate detection. */
  phone: z.string().trim().min(6).max(32).nullable().default(null),
  password: z.string().min(MEMBER_PASSWORD_MIN).max(200),
  birthMonth: z.number().int().min(1).max(12).nullable().default(null),
  homeStoreId: storeIdSchema.nullable().default(null),
  consent: memberConsentSchema,
});
export type MemberEnrolRequest = z.input<typeof memberEnrolRequestSchema>;

export const memberLoginRequestSchema = z.strictObject({
  organisationId: organisationIdSchema,
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type MemberLoginRequest = z.infer<typeof memberLoginRequestSchema>;

/** `POST /v1/members/enrol` (201) and `POST /v1/members/login` (200). */
export const memberSessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
  customerId: customerIdSchema,
});
export type MemberSession = z.infer<typeof memberSessionSchema>;

/** `GET /v1/me`, and the answer of `PUT /v1/me/consent`. */
export const memberProfileSchema = z.object({
  customerId: customerIdSchema,
  organisationId: organisationIdSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tier: z.enum(['member', 'silver', 'gold', 'platinum']),
  homeStoreId: storeIdSchema.nullable(),
  birthMonth: z.number().int().min(1).max(12).nullable(),
  consent: memberConsentSchema,
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

/** `POST /v1/me/pass`: a pass for this app key (answered with `issuedPassSchema`). */
export const memberPassRequestSchema = z.strictObject({ appPublicKey: appPublicJwkSchema });
export type MemberPassRequest = z.infer<typeof memberPassRequestSchema>;

/**
 * `GET /v1/me/invitations`: the customer's invitations to events not yet over, each with
 * the code the card answers through `POST /v1/rsvp/{rsvpCode}` and the same view that
 * `GET /v1/rsvp/{rsvpCode}` gives (with the ticket of a "yes").
 */
export const memberInvitationSchema = z.object({
  rsvpCode: z.string().min(1),
  view: invitationViewSchema,
});
export const memberInvitationListSchema = z.object({
  items: z.array(memberInvitationSchema),
});
export type MemberInvitation = z.infer<typeof memberInvitationSchema>;

/**
 * `GET /v1/members/stores?organisationId=…` (no token): where the card can check in. The
 * MQTT-over-WebSocket address is the store edge's own (`<edge public URL>/mqtt`, ws: or
 * wss:), as the edge last reported it; null until the edge has reported.
 */
export const memberStoreSchema = z.object({
  id: storeIdSchema,
  name: z.string(),
  city: z.string(),
  country: z.string().length(2),
  timeZone: z.string(),
  mqttWebSocketUrl: z.string().nullable(),
  /** Whether the edge reported in the last few minutes. */
  online: z.boolean(),
});
export const memberStoreListSchema = z.object({ items: z.array(memberStoreSchema) });
export type MemberStore = z.infer<typeof memberStoreSchema>;
