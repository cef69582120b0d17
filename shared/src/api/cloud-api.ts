import { z } from 'zod';
import { roleSchema } from '../auth/token-claims.ts';
import {
  associateIdSchema,
  organisationIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';

/**
 * Response bodies of the cloud endpoints that other parts call (the edge, the demo
 * launcher, the displays). The cloud's OpenAPI document is built from the same schemas,
 * and callers parse every response with them.
 */
export const loginRequestSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  subject: z.object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    organisationId: organisationIdSchema,
    storeId: storeIdSchema.nullable(),
  }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const deviceTokenResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  storeId: storeIdSchema,
});
export type DeviceTokenResponse = z.infer<typeof deviceTokenResponseSchema>;

export const zoneSchema = z.object({
  id: zoneIdSchema,
  storeId: storeIdSchema,
  name: z.string(),
  kind: z.enum(['entrance', 'floor', 'fitting', 'lounge', 'counter', 'window', 'other']),
});
export type Zone = z.infer<typeof zoneSchema>;

export const storeSchema = z.object({
  id: storeIdSchema,
  organisationId: organisationIdSchema,
  name: z.string(),
  city: z.string(),
  country: z.string().length(2),
  /** IANA time zone, e.g. Asia/Tokyo. */
  timeZone: z.string(),
  currency: z.string().length(3),
  zones: z.array(zoneSchema),
});
export type Store = z.infer<typeof storeSchema>;

export const associateSchema = z.object({
  id: associateIdSchema,
  storeId: storeIdSchema,
  name: z.string(),
  email: z.email(),
});
export type Associate = z.infer<typeof associateSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** `GET /v1/...` list responses: one page and the cursor of the next. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
