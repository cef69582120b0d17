import {
  type ArrivalAlert,
  buildTopic,
  type Consent,
  type Decoded,
  type ErrorCode,
  type IngestEvent,
  newId,
  type PassAndProof,
  type Tier,
} from '@vitrine/shared';
import { composeArrivalAlert } from '../domain/arrival-alert.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import type { RecentArrivals } from '../domain/recent-arrivals.ts';
import { createSeenIds, type SeenIds } from '../domain/seen-ids.ts';
import type { PresenceVerdict, VerifiedIdentity } from '../identity/domain/verify-presence.ts';
import type { PresenceSource } from '../identity/presence-verifier.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import { alertEvent, checkInEvent } from '../outbox/domain/reports.ts';
import { createCheckInReceipts, type Recorded, receiveOnceRecorded } from './check-in-receipts.ts';
import type { LateCheckInPolicy } from './late-check-ins.ts';
import { createProfileKnowledge, type ProfileKnowledgeOptions } from './profile-knowledge.ts';

type CheckInMessage = Extract<Decoded, { name: 'checkIn' }>;

/** What became of a check-in: the alert, or why there is none (an error code). */
export type CheckInOutcome =
  | { ok: true; alert: ArrivalAlert }
  | { ok: false; reason: ErrorCode; detail: string };

const SOURCE_OF_METHOD = {
  app: 'check-in',
  kiosk: 'kiosk-scan',
  'associate-scan': 'associate-scan',
} as const satisfies Record<string, PresenceSource>;

export interface CheckInFlowOptions extends ProfileKnowledgeOptions {
  storeId: string;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  /** Every customer announced is noted here, so that presence does not announce them again. */
  recentArrivals?: RecentArrivals;
  /** Check-in ids already handled; QoS 1 may deliver one twice. */
  seenIds?: SeenIds;
  /** Delivers the alert to the associates of the store (never to MQTT: it holds a profile). */
  pushAlert: (alert: ArrivalAlert) => void;
  reject: RejectMessage;
  /** Verifies the pass and proof offline; refusals are counted and logged by the verifier. */
  verify: (presented: PassAndProof, source: PresenceSource) => Promise<PresenceVerdict>;
  /**
   * Sends a fact to the cloud (the check-in accepted, the alert pushed) through the durable
   * outbox; resolves once it is on disk.
   */
  report?: (event: IngestEvent) => Promise<void>;
  metrics: EdgeMetrics;
  /** Whether a check-in verified late (the edge was down) still deserves an alert. */
  lateCheckIns?: Pick<LateCheckInPolicy, 'alertable'>;
  /** Counts a late check-in by what became of it. */
  countLate?: (outcome: LateOutcome) => void;
  newAlertId?: () => string;
}

/** A late check-in is announced while the customer may still be there, else only recorded. */
export type LateOutcome = 'alerted' | 'recorded';

/** A customer whose arrival is already established (a verified pass): announce it. */
export interface Arrival {
  customerId: string;
  /** What the customer's signed pass says, used when the cloud cannot say more. */
  claims: { tier: Tier; consent: Consent };
  source: ArrivalAlert['source'];
  /** The message that established the arrival (a check-in, a ranging report). */
  sourceMessageId: string;
  zoneId: string | null;
  arrivedAt: string;
}

export interface CheckInFlow {
  /** A check-in from MQTT, a kiosk's scan or an associate's scan: verified, then alerted. */
  handle(message: CheckInMessage): Promise<CheckInOutcome>;
  /**
   * A check-in from the broker: resolves once it is durably in the outbox (or refused:
   * nothing to keep), which is when the broker may be told it was received; the alert
   * goes on its way meanwhile. Rejects with MessageNotKeptError when the outbox could not
   * write it: unacknowledged, it is delivered again.
   */
  receive(message: CheckInMessage): Promise<void>;
  /** The alert path alone, for arrivals sensed otherwise (presence): profile → alert → report. */
  announce(arrival: Arrival): Promise<CheckInOutcome>;
}

/**
 * Check-in → profile → alert. A fresh cached profile spares the cloud a call; when the
 * cloud cannot answer, the alert still goes out with what the edge knows, marked degraded.
 */
export function createCheckInFlow(options: CheckInFlowOptions): CheckInFlow {
  const {
    storeId,
    metrics,
    logger,
    now = Date.now,
    newAlertId = () => newId('alert'),
    seenIds = createSeenIds(),
    report = async () => {},
    lateCheckIns = { alertable: () => false },
    countLate = () => {},
  } = options;

  /** A fact that could not be made durable is logged; the alert has gone out regardless. */
  async function reportSafely(event: IngestEvent): Promise<void> {
    await report(event).catch((error: unknown) =>
      logger.error({ err: error, key: event.key }, 'could not report to the cloud'),
    );
  }

  const knowledgeOf = createProfileKnowledge(options);

  /**
   * Profile → alert → push → report: what every arrival goes through, however sensed.
   * `origin` names where it came from in a rejection (the check-in's topic).
   */
  async function announce(
    arrival: Arrival,
    fact: IngestEvent | null,
    origin: string,
  ): Promise<CheckInOutcome> {
    const { customerId } = arrival;
    const known = await knowledgeOf(customerId);
    if (!known) {
      const detail = `${customerId} is not a customer of the organisation`;
      options.reject('unknown_customer', origin, detail);
      return { ok: false, reason: 'unknown_customer', detail };
    }
    // Without the cloud, the pass's own signed claims still say the tier.
    const knowledge =
      known.freshness === 'unavailable' ? { ...known, claims: arrival.claims } : known;
    const alert = composeArrivalAlert(
      {
        alertId: newAlertId(),
        storeId,
        customerId,
        source: arrival.source,
        sourceMessageId: arrival.sourceMessageId,
        zoneId: arrival.zoneId,
        arrivedAt: arrival.arrivedAt,
      },
      knowledge,
    );
    options.recentAlerts.push(alert);
    options.pushAlert(alert);
    options.recentArrivals?.note(customerId, now());
    metrics.alertsPushed.inc();
    // After the push, so the alert never waits for the disk; before returning, so an
    // arrival handled is an arrival the cloud will hear of.
    await Promise.all([
      fact === null ? undefined : reportSafely(fact),
      reportSafely(alertEvent(alert, new Date(now()).toISOString())),
    ]);
    // A phone's clock may run ahead of the edge's; a negative latency says nothing.
    metrics.alertLatency.observe(Math.max(0, now() - Date.parse(arrival.arrivedAt)) / 1000);
    logger.info(
      {
        alertId: alert.alertId,
        customerId,
        source: arrival.source,
        freshness: alert.freshness,
        messageId: arrival.sourceMessageId,
      },
      'arrival alert pushed',
    );
    return { ok: true, alert };
  }

  const receipts = createCheckInReceipts();

  /** `recorded` is told once the check-in is durable, or why it is not; never on a refusal. */
  async function checkIn(message: CheckInMessage, recorded: Recorded): Promise<CheckInOutcome> {
    const { payload, params } = message;
    const topic = buildTopic('checkIn', params);
    if (payload.data.clientId !== params.clientId) {
      options.reject(
        'invalid_message',
        topic,
        `data.clientId ${payload.data.clientId} ≠ topic client ${params.clientId}`,
      );
      return { ok: false, reason: 'invalid_message', detail: 'client id mismatch' };
    }
    if (!seenIds.firstTime(payload.id)) {
      metrics.duplicatesDropped.inc({ kind: 'checkIn' });
      logger.debug({ messageId: payload.id }, 'duplicate check-in dropped');
      await receipts.again(payload.id, recorded);
      return { ok: false, reason: 'conflict', detail: `${payload.id} already handled` };
    }
    return receipts.first(payload.id, recorded, (told) => verifyAndAnnounce(message, topic, told));
  }

  async function verifyAndAnnounce(
    { payload }: CheckInMessage,
    topic: string,
    recorded: Recorded,
  ): Promise<CheckInOutcome> {
    const verdict = await options.verify(
      { pass: payload.data.pass, proof: payload.data.proof },
      SOURCE_OF_METHOD[payload.data.method],
    );
    if (!verdict.ok) return { ok: false, reason: verdict.reason, detail: verdict.detail };
    const { identity } = verdict;
    const late = verdict.late === true;
    // Written as soon as the pass and proof hold, while the profile is looked up: the
    // broker's acknowledgement waits for this write alone, never for the cloud.
    const keeping = report(
      checkInEvent({
        storeId,
        messageId: payload.id,
        occurredAt: payload.at,
        customerId: identity.customerId,
        method: payload.data.method,
        clientId: payload.data.clientId,
        late,
      }),
    ).then(
      () => recorded(),
      (error: unknown) => {
        // Not kept: when it comes again it must not be taken for a duplicate.
        seenIds.forget(payload.id);
        logger.error({ err: error, messageId: payload.id }, 'check-in not written to the outbox');
        recorded(error);
      },
    );
    const alerting = !late || lateCheckIns.alertable(payload.at, now());
    if (late) {
      countLate(alerting ? 'alerted' : 'recorded');
      logger.info(
        { messageId: payload.id, customerId: identity.customerId, at: payload.at, alerting },
        'late check-in (held by the broker while the edge was down) taken as a visit',
      );
    }
    const outcome: CheckInOutcome = alerting
      ? await announce(arrivalOf(payload, identity), null, topic)
      : { ok: false, reason: 'stale_proof', detail: 'a late visit, recorded without an alert' };
    // Held here as the cloud will hold them once it hears of the visit (it may be down).
    await options.localProfiles?.noteVisit(identity.customerId, now()).catch((error: unknown) => {
      logger.warn({ err: error, customerId: identity.customerId }, 'visit not noted locally');
    });
    await keeping;
    return outcome;
  }

  return {
    handle: (message) => checkIn(message, () => {}),
    receive: receiveOnceRecorded(checkIn, logger),
    announce: (arrival) => announce(arrival, null, `${arrival.source}:${arrival.sourceMessageId}`),
  };
}

/** The arrival a verified check-in establishes. */
function arrivalOf(payload: CheckInMessage['payload'], identity: VerifiedIdentity): Arrival {
  return {
    customerId: identity.customerId,
    claims: { tier: identity.tier, consent: identity.consent },
    source: payload.data.method === 'app' ? 'check-in' : 'qr-scan',
    sourceMessageId: payload.id,
    zoneId: null,
    arrivedAt: payload.at,
  };
}
