import type { z } from 'zod';
import { z as zod } from 'zod';
import { screenMessageSchema } from '../engagement/screen-content.ts';
import { envelopeSchema } from '../envelope/envelope.ts';
import { clientIdSchema, storeIdSchema, zoneIdSchema } from '../ids/ids.ts';
import { arrivalAlertSchema } from '../messages/arrival-alert.ts';
import { checkInSchema } from '../messages/check-in.ts';
import { edgeStatusSchema } from '../messages/edge-status.ts';
import {
  offerOpenedSchema,
  phoneOfferSchema,
  qrScanSchema,
  scanAnswerSchema,
} from '../messages/engagement.ts';
import { nodeStatusSchema, rangingReportSchema, sightingBatchSchema } from '../messages/sensing.ts';

/** A topic level that is a parameter, validated when a topic is built or parsed. */
export const PARAMS = {
  store: storeIdSchema,
  clientId: clientIdSchema,
  zone: zoneIdSchema,
  nodeId: clientIdSchema,
  /** ESPresense device ids and rooms, as the firmware names them. */
  device: zod.string().regex(/^[^/+#]{1,96}$/),
  room: zod.string().regex(/^[^/+#]{1,64}$/),
  setting: zod.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
} as const;

export type ParamName = keyof typeof PARAMS;

/**
 * An ESPresense node's report of one device, unchanged from the firmware: the edge reads
 * these so that off-the-shelf ESP32 nodes work without a custom build.
 */
export const espresenseDeviceSchema = zod
  .object({
    id: zod.string().min(1).max(96),
    rssi: zod.number().min(-127).max(0),
    'rssi@1m': zod.number().optional(),
    distance: zod.number().nonnegative().optional(),
    mac: zod.string().optional(),
    name: zod.string().optional(),
    interval: zod.number().optional(),
  })
  .loose();

/**
 * An ESPresense node's telemetry, every 15 s: counters of what it heard and reported, and
 * its own health. Fields appear only when non-zero, as the firmware sends them.
 */
export const espresenseTelemetrySchema = zod
  .object({
    ip: zod.string().max(64).optional(),
    uptime: zod.number().nonnegative().optional(),
    firm: zod.string().max(64).optional(),
    ver: zod.string().max(96).optional(),
    rssi: zod.number().optional(),
    adverts: zod.number().nonnegative().optional(),
    seen: zod.number().nonnegative().optional(),
    reported: zod.number().nonnegative().optional(),
    freeHeap: zod.number().nonnegative().optional(),
  })
  .loose();

interface TopicDefinition {
  /** Levels; `:name` marks a parameter. */
  levels: readonly string[];
  payload: z.ZodType;
  /** `text`: the payload is a bare string (ESPresense's `online`), not JSON. */
  format?: 'json' | 'text';
  qos: 0 | 1;
  retain: boolean;
  /** Who publishes → who subscribes; documentation and ACL generation. */
  from: 'app' | 'edge' | 'node' | 'espresense' | 'config';
}

function define<const L extends readonly string[], P extends z.ZodType>(
  levels: L,
  payload: P,
  options: Omit<TopicDefinition, 'levels' | 'payload'>,
) {
  return { levels, payload, ...options };
}

const envelope = envelopeSchema;

/**
 * Every MQTT topic of Vitrine, one home. Store-scoped topics live under
 * `vitrine/v1/<store>/`; a publisher's own id is a level of its topics so that a broker
 * ACL can let each client publish only under its own name.
 */
export const TOPICS = {
  edgeStatus: define(['vitrine', 'v1', ':store', 'edge', 'status'], envelope(edgeStatusSchema), {
    qos: 1,
    retain: true,
    from: 'edge',
  }),
  checkIn: define(
    ['vitrine', 'v1', ':store', 'app', ':clientId', 'check-in'],
    envelope(checkInSchema),
    { qos: 1, retain: false, from: 'app' },
  ),
  rangingReport: define(
    ['vitrine', 'v1', ':store', 'app', ':clientId', 'ranging'],
    envelope(rangingReportSchema),
    { qos: 0, retain: false, from: 'app' },
  ),
  qrScan: define(
    ['vitrine', 'v1', ':store', 'app', ':clientId', 'qr-scan'],
    envelope(qrScanSchema),
    {
      qos: 1,
      retain: false,
      from: 'app',
    },
  ),
  phoneOffer: define(
    ['vitrine', 'v1', ':store', 'app', ':clientId', 'offer'],
    envelope(phoneOfferSchema),
    { qos: 1, retain: false, from: 'edge' },
  ),
  /** The customer opened a delivered offer in the app: analytics' "opened". */
  offerOpened: define(
    ['vitrine', 'v1', ':store', 'app', ':clientId', 'offer-opened'],
    envelope(offerOpenedSchema),
    { qos: 1, retain: false, from: 'app' },
  ),
  scanAnswer: define(
    ['vitrine', 'v1', ':store', 'app', ':clientId', 'scan-answer'],
    envelope(scanAnswerSchema),
    { qos: 1, retain: false, from: 'edge' },
  ),
  /** Edge → the zone's screens: segment-level content to show now, never anything personal. */
  zoneScreen: define(
    ['vitrine', 'v1', ':store', 'zone', ':zone', 'screen'],
    envelope(screenMessageSchema),
    { qos: 1, retain: false, from: 'edge' },
  ),
  sightings: define(
    ['vitrine', 'v1', ':store', 'node', ':nodeId', 'sightings'],
    envelope(sightingBatchSchema),
    { qos: 0, retain: false, from: 'node' },
  ),
  nodeStatus: define(
    ['vitrine', 'v1', ':store', 'node', ':nodeId', 'status'],
    envelope(nodeStatusSchema),
    { qos: 1, retain: true, from: 'node' },
  ),
  arrivalAlert: define(
    ['vitrine', 'v1', ':store', 'associates', 'alert'],
    envelope(arrivalAlertSchema),
    { qos: 1, retain: false, from: 'edge' },
  ),
  espresenseDevice: define(['espresense', 'devices', ':device', ':room'], espresenseDeviceSchema, {
    qos: 0,
    retain: false,
    from: 'espresense',
  }),
  espresenseRoomStatus: define(
    ['espresense', 'rooms', ':room', 'status'],
    zod.enum(['online', 'offline']),
    { format: 'text', qos: 1, retain: true, from: 'espresense' },
  ),
  espresenseTelemetry: define(
    ['espresense', 'rooms', ':room', 'telemetry'],
    espresenseTelemetrySchema,
    {
      qos: 0,
      retain: false,
      from: 'espresense',
    },
  ),
  espresenseSetting: define(
    ['espresense', 'rooms', ':room', ':setting', 'set'],
    zod.string().max(1024),
    { format: 'text', qos: 1, retain: true, from: 'config' },
  ),
} as const;

export type TopicName = keyof typeof TOPICS;

type ParamOf<L> = L extends `:${infer N}` ? N : never;
/** The parameters a topic's levels name, e.g. `{ store: string; clientId: string }`. */
export type TopicParams<N extends TopicName> = {
  [K in ParamOf<(typeof TOPICS)[N]['levels'][number]>]: string;
};
/** The parsed payload of a topic. */
export type TopicPayload<N extends TopicName> = z.infer<(typeof TOPICS)[N]['payload']>;
