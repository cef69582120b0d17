import { z } from 'zod';
import { zoneSchema } from '../api/cloud-api.ts';
import { clientIdSchema, storeIdSchema, zoneIdSchema } from '../ids/ids.ts';

/**
 * A store's physical layout: zones, the beacons and scanner nodes in them, and the
 * screens. Installers write it as YAML (firmware-config validates it with positions);
 * the edge and the cloud load the JSON it generates with this same schema. Objects are
 * strict so that a misspelt key is an error, not a silently ignored setting.
 */
export const STORE_LAYOUT_VERSION = 1;

/** The edge's broker account when a layout names none. */
export const DEFAULT_EDGE_MQTT_USERNAME = 'vitrine-edge';

/** The ranges the radio hardware makes plausible; outside them a value is a typo. */
export const LAYOUT_LIMITS = {
  measuredPowerDbm: { min: -100, max: -30 },
  txPowerDbm: { min: -40, max: 10 },
  intervalMs: { min: 100, max: 10_000 },
  calibrationOffsetDb: { min: -20, max: 20 },
} as const;

/** A number in [min, max], with one message for both bounds that names the range. */
function between(min: number, max: number, unit = '') {
  const message = `must be between ${min} and ${max}${unit ? ` ${unit}` : ''}`;
  return z.number('must be a number').min(min, message).max(max, message);
}

function range(name: keyof typeof LAYOUT_LIMITS, unit: string) {
  const { min, max } = LAYOUT_LIMITS[name];
  return between(min, max, unit);
}

/** A layout-local id of a beacon, node or screen: safe as an MQTT topic level. */
export const layoutItemIdSchema = clientIdSchema;

/** An ESPresense room as the firmware slugs it (`espresense/rooms/<room>/…`). */
export const espresenseRoomSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be a room slug: lowercase a–z 0–9 _ -');

/** A broker account name: the node's or the edge's MQTT username. */
export const mqttUsernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 of A–Z a–z 0–9 _ . -');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name the runtime knows, e.g. Asia/Tokyo. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Paris');

const point = z.tuple([z.number(), z.number()]);

export const layoutZoneSchema = z.strictObject({
  id: zoneIdSchema,
  name: z.string().min(1),
  kind: zoneSchema.shape.kind,
  /** Outline on the floor plan, metres from the plan's origin. */
  polygon: z.array(point).min(3, 'needs at least 3 points').optional(),
  floorAreaM2: z.number().positive('must be positive').optional(),
  /** Zones a shopper can walk to directly; presence never jumps between others. */
  adjacent: z.array(zoneIdSchema).default([]),
  /** ESPresense rooms whose nodes stand in this zone. */
  rooms: z.array(espresenseRoomSchema).default([]),
});
export type LayoutZone = z.infer<typeof layoutZoneSchema>;

const beaconCommon = {
  id: layoutItemIdSchema,
  zone: zoneIdSchema,
  /** RSSI at 1 m as the beacon advertises it (the calibrated "measured power"). */
  measuredPowerDbm: range('measuredPowerDbm', 'dBm'),
  txPowerDbm: range('txPowerDbm', 'dBm'),
  intervalMs: range('intervalMs', 'ms').int('must be a whole number of ms'),
  /** Where the installer mounts it, printed on the provisioning sheet. */
  placement: z.string().default(''),
};

const hex = (bytes: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), `must be ${bytes} bytes of hex`)
    .transform((value) => value.toLowerCase());

export const iBeaconSchema = z.strictObject({
  ...beaconCommon,
  kind: z.literal('ibeacon'),
  uuid: z
    .string()
    .regex(
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
      'must be a UUID (8-4-4-4-12 hex)',
    )
    .transform((value) => value.toLowerCase()),
  major: between(0, 65_535).int('must be a whole number'),
  minor: between(0, 65_535).int('must be a whole number'),
});

export const eddystoneUidBeaconSchema = z.strictObject({
  ...beaconCommon,
  kind: z.literal('eddystone-uid'),
  namespace: hex(10),
  instance: hex(6),
});

export const layoutBeaconSchema = z.discriminatedUnion('kind', [
  iBeaconSchema,
  eddystoneUidBeaconSchema,
]);
export type LayoutBeacon = z.infer<typeof layoutBeaconSchema>;

export const layoutNodeSchema = z.strictObject({
  id: layoutItemIdSchema,
  /** The node's ESPresense room; a zone lists it in `rooms`. */
  room: espresenseRoomSchema,
  /** Added to every RSSI the node reports, so mixed hardware reads alike. */
  calibrationOffsetDb: range('calibrationOffsetDb', 'dB')
    .int('must be a whole number of dB')
    .default(0),
  firmware: z.enum(['espresense', 'vitrine']),
  mqttUsername: mqttUsernameSchema,
  placement: z.string().default(''),
});
export type LayoutNode = z.infer<typeof layoutNodeSchema>;

export const layoutScreenSchema = z.strictObject({
  id: layoutItemIdSchema,
  zone: zoneIdSchema,
  orientation: z.enum(['landscape', 'portrait']),
  resolution: z.strictObject({
    width: between(320, 16_384, 'px').int('must be a whole number'),
    height: between(240, 16_384, 'px').int('must be a whole number'),
  }),
});
export type LayoutScreen = z.infer<typeof layoutScreenSchema>;

/** Store-wide radio model; ESPresense nodes receive it as settings. */
export const layoutRadioSchema = z.strictObject({
  /** Path-loss exponent (ESPresense "absorption"): 2 open space, 3–4 racks and people. */
  pathLossExponent: between(1, 5).default(3),
  /** Readings estimated farther than this are not reported (ESPresense max_distance). */
  maxDistanceM: between(0, 100, 'm').default(10),
  /** RSSI at 1 m of a 0 dBm transmitter, for devices that advertise no measured power. */
  refRssiAt1mDbm: between(-100, -30, 'dBm').int('must be a whole number').default(-65),
});

export const storeLayoutSchema = z.strictObject({
  version: z.literal(STORE_LAYOUT_VERSION, `must be ${STORE_LAYOUT_VERSION}`),
  store: z.strictObject({
    id: storeIdSchema,
    name: z.string().min(1),
    timeZone: timeZoneSchema,
  }),
  mqtt: z
    .strictObject({ edgeUsername: mqttUsernameSchema.default(DEFAULT_EDGE_MQTT_USERNAME) })
    .default({ edgeUsername: DEFAULT_EDGE_MQTT_USERNAME }),
  radio: layoutRadioSchema.default({ pathLossExponent: 3, maxDistanceM: 10, refRssiAt1mDbm: -65 }),
  zones: z.array(layoutZoneSchema).min(1, 'a store has at least one zone'),
  beacons: z.array(layoutBeaconSchema).default([]),
  nodes: z.array(layoutNodeSchema).default([]),
  screens: z.array(layoutScreenSchema).default([]),
});
export type StoreLayout = z.infer<typeof storeLayoutSchema>;
/** A layout as written, before defaults. */
export type StoreLayoutInput = z.input<typeof storeLayoutSchema>;

/**
 * A beacon's identity as apps report it in ranging reports:
 * `ibeacon:<uuid>:<major>:<minor>` or `eddystone:<namespace>:<instance>`, lowercase hex.
 */
export function beaconIdentity(beacon: LayoutBeacon): string {
  return beacon.kind === 'ibeacon'
    ? `ibeacon:${beacon.uuid.toLowerCase()}:${beacon.major}:${beacon.minor}`
    : `eddystone:${beacon.namespace.toLowerCase()}:${beacon.instance.toLowerCase()}`;
}

/** The zone an ESPresense room stands in, or null for a room the layout does not know. */
export function zoneOfRoom(layout: StoreLayout, room: string): string | null {
  return layout.zones.find((zone) => zone.rooms.includes(room))?.id ?? null;
}

export type StoreLayoutParse = { ok: true; layout: StoreLayout } | { ok: false; detail: string };

/**
 * Reads the layout JSON that firmware-config generates (`layout.json`), as the edge and
 * the cloud load it: never throws, says which field is wrong.
 */
export function parseStoreLayoutJson(text: string): StoreLayoutParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      detail: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = storeLayoutSchema.safeParse(data);
  if (parsed.success) return { ok: true, layout: parsed.data };
  const detail = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || 'layout'}: ${issue.message}`)
    .join('; ');
  return { ok: false, detail };
}
