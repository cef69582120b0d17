import {
  buildTopic,
  type Decoded,
  type ErrorCode,
  EVENT_TICKET,
  type IngestEvent,
  newId,
  type ScanAnswer,
  type TicketRejection,
} from '@vitrine/shared';
import type { CodeVerifier } from '../identity/code-verifier.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { Logger } from '../observability/logger.ts';
import type { AdmissionLog } from '../scans/admission-log.ts';
import { judgeTicket } from '../scans/domain/judge-ticket.ts';
import { ticketAdmissionEvent } from '../scans/domain/scan-reports.ts';
import type { AnswerScan } from '../scans/scan-answer-publisher.ts';
import type { ScanMetrics } from '../scans/scan-metrics.ts';

type QrScanMessage = Extract<Decoded, { name: 'qrScan' }>;

/** Who is let in: no name, only the ticket and its customer reference (for the associate). */
export interface TicketAdmission {
  ticketId: string;
  eventId: string;
  customerId: string;
  /** 1 for the first person through the door on this ticket. */
  admission: number;
  admits: number;
}

type Admitted = { ok: true; admission: TicketAdmission };
type Refused = { ok: false; reason: TicketRejection; detail: string };

export type TicketOutcome =
  | Admitted
  | Refused
  | { ok: false; reason: Extract<ErrorCode, 'invalid_message'>; detail: string };

export interface TicketFlowOptions {
  storeId: string;
  codes: Pick<CodeVerifier, 'verify' | 'isTicketRevoked'>;
  admissions: Pick<AdmissionLog, 'admitted' | 'madeBy' | 'record'>;
  /** Answers a kiosk on its scan-answer topic. */
  answer: AnswerScan;
  /** Sends each admission to the cloud through the durable outbox. */
  report?: (event: IngestEvent) => Promise<void>;
  /** Tells the event's hosts their guest arrived, on a ticket's first admission only. */
  alertHosts?: (arrival: { admission: TicketAdmission; messageId: string }) => Promise<unknown>;
  reject: RejectMessage;
  scanMetrics: ScanMetrics;
  logger: Logger;
  now?: () => number;
  newMessageId?: () => string;
}

interface Scan {
  code: string;
  messageId: string;
  clientId: string;
  via: 'associate-scan' | 'kiosk';
}

const REFUSAL_MESSAGES: Record<TicketRejection, string> = {
  tampered: 'This ticket is damaged or not a ticket.',
  forged_signature: 'This ticket is not genuine.',
  unknown_key: 'This ticket cannot be checked here.',
  wrong_organisation: 'This ticket is from another house.',
  wrong_store: 'This ticket is for another store.',
  ticket_not_yet_valid: 'The doors are not open for this ticket yet.',
  ticket_expired: 'This ticket has expired.',
  ticket_revoked: 'This ticket was cancelled.',
  already_used: 'Everyone this ticket admits is already in.',
};

/**
 * An event ticket at the door, scanned by an associate's tablet or a kiosk: verified
 * offline, judged against its store, window, revocation and uses, and each admission kept
 * on disk before anyone is told to let the person in.
 */
export function createTicketFlow(options: TicketFlowOptions) {
  const { storeId, codes, admissions, scanMetrics, logger, now = Date.now } = options;
  const { report = async () => {}, newMessageId = () => newId('message') } = options;
  const { alertHosts = async () => {} } = options;
  // One admission decided at a time: two scans of one ticket never both take its last place.
  let queue: Promise<unknown> = Promise.resolve();

  function refused(scan: Scan, reason: TicketRejection, detail: string): Refused {
    scanMetrics.refused.inc({ format: 'ticket', reason });
    logger.warn({ reason, detail, via: scan.via, clientId: scan.clientId }, 'ticket refused');
    return { ok: false, reason, detail };
  }

  async function admit(scan: Scan): Promise<Admitted | Refused> {
    const verified = codes.verify(EVENT_TICKET, scan.code);
    if (!verified.ok) return refused(scan, verified.reason, verified.detail);
    const claims = verified.value.claims;
    const admissionOf = (admission: number): TicketAdmission => ({
      ticketId: claims.jti,
      eventId: claims.evt,
      customerId: claims.sub,
      admission,
      admits: claims.admits,
    });
    // A kiosk's scan delivered twice (QoS 1, or after a restart) is the same person.
    const earlier = admissions.madeBy(scan.messageId);
    if (earlier?.ticketId === claims.jti)
      return { ok: true, admission: admissionOf(earlier.admission) };
    const judgement = judgeTicket({
      claims,
      storeId,
      now: now(),
      revoked: codes.isTicketRevoked(claims.jti),
      admitted: admissions.admitted(claims.jti),
    });
    if (!judgement.ok) return refused(scan, judgement.reason, judgement.detail);
    await admissions.record({
      ticketId: claims.jti,
      admission: judgement.admission,
      messageId: scan.messageId,
      expiresAt: claims.exp * 1000,
    });
    scanMetrics.accepted.inc({ format: 'ticket', kind: 'admission' });
    const admission = admissionOf(judgement.admission);
    logger.info({ ...admission, via: scan.via }, 'ticket admitted');
    await report(
      ticketAdmissionEvent({
        storeId,
        occurredAt: new Date(now()).toISOString(),
        ...admission,
        messageId: scan.messageId,
        clientId: scan.clientId,
        via: scan.via,
      }),
    ).catch((error: unknown) =>
      logger.error({ err: error, ticketId: claims.jti }, 'could not report the admission'),
    );
    // The guest's companions, and the same ticket scanned again, alert no one.
    if (admission.admission === 1) {
      await alertHosts({ admission, messageId: scan.messageId }).catch((error: unknown) =>
        logger.error({ err: error, ticketId: claims.jti }, 'could not alert the hosts'),
      );
    }
    return { ok: true, admission };
  }

  function serially(scan: Scan): Promise<Admitted | Refused> {
    const next = queue.then(() => admit(scan));
    queue = next.catch(() => {});
    return next;
  }

  return {
    /** An associate's tablet scanned a ticket: the answer goes back in the HTTP response. */
    scanByAssociate(code: string, associateId: string): Promise<TicketOutcome> {
      return serially({
        code,
        messageId: newMessageId(),
        clientId: `tablet.${associateId}`,
        via: 'associate-scan',
      });
    },
    /** A kiosk published a ticket it scanned: the answer goes to its scan-answer topic. */
    async handleKioskScan({ payload, params }: QrScanMessage): Promise<TicketOutcome> {
      const { clientId, code } = payload.data;
      if (clientId !== params.clientId) {
        const detail = `data.clientId ${clientId} ≠ topic client ${params.clientId}`;
        options.reject('invalid_message', buildTopic('qrScan', params), detail);
        return { ok: false, reason: 'invalid_message', detail };
      }
      const outcome = await serially({ code, messageId: payload.id, clientId, via: 'kiosk' });
      // A kiosk is a public device: it learns who may enter, never who they are.
      const answer: ScanAnswer = outcome.ok
        ? {
            outcome: 'admitted',
            scanId: payload.id,
            ticketId: outcome.admission.ticketId,
            eventId: outcome.admission.eventId,
            admission: outcome.admission.admission,
            admits: outcome.admission.admits,
          }
        : {
            outcome: 'refused',
            scanId: payload.id,
            reason: outcome.reason,
            message: REFUSAL_MESSAGES[outcome.reason],
          };
      options.answer(clientId, answer);
      return outcome;
    },
  };
}

export type TicketFlow = ReturnType<typeof createTicketFlow>;
