import { z } from 'zod';

/**
 * Every entity id carries a prefix naming its kind, so that a store id can never be
 * mistaken for a customer id in a log line, a topic or a URL. The body is restricted
 * to characters that are safe in MQTT topic levels and URL paths.
 */
export const ID_PREFIXES = {
  organisation: 'org',
  store: 'sto',
  zone: 'zon',
  associate: 'asc',
  customer: 'cus',
  purchase: 'pur',
  device: 'dev',
  message: 'msg',
  alert: 'alr',
  user: 'usr',
  pass: 'pas',
  campaign: 'cmp',
  segment: 'seg',
  offer: 'off',
  content: 'cnt',
  event: 'evt',
  ticket: 'tkt',
  playlist: 'pls',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ID_BODY = '[A-Za-z0-9][A-Za-z0-9_-]{0,63}';

export function idSchema<K extends IdKind>(kind: K) {
  const prefix = ID_PREFIXES[kind];
  return z
    .string()
    .regex(new RegExp(`^${prefix}_${ID_BODY}$`), `must be a ${kind} id (${prefix}_…)`);
}

export const organisationIdSchema = idSchema('organisation');
export const storeIdSchema = idSchema('store');
export const zoneIdSchema = idSchema('zone');
export const associateIdSchema = idSchema('associate');
export const customerIdSchema = idSchema('customer');
export const purchaseIdSchema = idSchema('purchase');
export const deviceIdSchema = idSchema('device');
export const messageIdSchema = idSchema('message');
export const alertIdSchema = idSchema('alert');
export const userIdSchema = idSchema('user');
export const campaignIdSchema = idSchema('campaign');
export const segmentIdSchema = idSchema('segment');
export const offerIdSchema = idSchema('offer');
export const contentIdSchema = idSchema('content');
/** An in-store event: a launch, a master class, a private evening. */
export const eventIdSchema = idSchema('event');
/** A ticket to an in-store event, shown as a QR code at the door. */
export const ticketIdSchema = idSchema('ticket');
/** A playlist of screen content, for a zone or one screen. */
export const playlistIdSchema = idSchema('playlist');

/** A client-chosen id for a publisher (an app instance, a scanner node): topic-safe. */
export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 of A–Z a–z 0–9 _ . -');

export type RandomUuid = () => string;

const defaultUuid: RandomUuid = () => globalThis.crypto.randomUUID();

/** A new random id of the given kind: `cus_3f2a…` (a UUID without dashes). */
export function newId(kind: IdKind, randomUuid: RandomUuid = defaultUuid): string {
  return `${ID_PREFIXES[kind]}_${randomUuid().replaceAll('-', '')}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return idSchema(kind).safeParse(value).success;
}
