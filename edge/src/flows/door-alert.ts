import { type ArrivalAlert, type IngestEvent, newId } from '@vitrine/shared';
import { composeArrivalAlert, type ProfileKnowledge } from '../domain/arrival-alert.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import type { Logger } from '../observability/logger.ts';
import { alertEvent } from '../outbox/domain/reports.ts';
import type { ReadProfile } from './profile-reader.ts';
import type { TicketAdmission } from './ticket-flow.ts';

export interface DoorAlertOptions {
  storeId: string;
  /** The profile the edge holds: the door never waits on the cloud. */
  readProfile: ReadProfile;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  /** Delivers the alert to the associates it names over the socket. */
  pushAlert: (alert: ArrivalAlert) => void;
  /** Sends the alert pushed to the cloud through the durable outbox. */
  report: (event: IngestEvent) => Promise<void>;
  logger: Logger;
  now?: () => number;
  newAlertId?: () => string;
}

/** A guest let in at the door on the first admission of their ticket. */
export interface DoorArrival {
  admission: TicketAdmission;
  /** The scan that admitted them. */
  messageId: string;
}

/**
 * Tells the event's hosts that their guest arrived. The hosts and the event's name come
 * from the invitation on the guest's synced profile. Without the profile the alert goes
 * with the ticket's own claims (the customer and the event), marked degraded, to every
 * associate of the store: someone greets the guest even when no host is known.
 */
export function createDoorAlerts(options: DoorAlertOptions) {
  const {
    storeId,
    readProfile,
    logger,
    now = Date.now,
    newAlertId = () => newId('alert'),
  } = options;

  return async function alertHosts({ admission, messageId }: DoorArrival): Promise<ArrivalAlert> {
    const profile = await readProfile(admission.customerId);
    const knowledge: ProfileKnowledge =
      profile === null ? { freshness: 'unavailable' } : { freshness: 'fresh', profile };
    const invitation = profile?.invitations?.find((one) => one.eventId === admission.eventId);
    const hosts = invitation?.hostAssociateIds ?? [];
    const alert: ArrivalAlert = {
      ...composeArrivalAlert(
        {
          alertId: newAlertId(),
          storeId,
          customerId: admission.customerId,
          source: 'qr-scan',
          sourceMessageId: messageId,
          zoneId: null,
          arrivedAt: new Date(now()).toISOString(),
        },
        knowledge,
      ),
      event: { eventId: admission.eventId, name: invitation?.name ?? null },
      ...(hosts.length > 0 ? { forAssociateIds: hosts } : {}),
    };
    options.recentAlerts.push(alert);
    options.pushAlert(alert);
    await options
      .report(alertEvent(alert, new Date(now()).toISOString()))
      .catch((error: unknown) =>
        logger.error({ err: error, alertId: alert.alertId }, 'could not report the door alert'),
      );
    logger.info(
      { alertId: alert.alertId, eventId: admission.eventId, hosts, degraded: alert.degraded },
      'guest arrival alerted',
    );
    return alert;
  };
}

export type AlertHosts = ReturnType<typeof createDoorAlerts>;
