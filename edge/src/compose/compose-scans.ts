import { join } from 'node:path';
import type { ArrivalAlert, CustomerProfile } from '@vitrine/shared';
import type { LruTtlCache } from '../domain/profile-cache.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import { createContentScanFlow } from '../flows/content-scan-flow.ts';
import { createDoorAlerts } from '../flows/door-alert.ts';
import type { LoyaltyScanFlow } from '../flows/loyalty-scan-flow.ts';
import { createProfileReader } from '../flows/profile-reader.ts';
import { createQrScanRouter } from '../flows/qr-scan-router.ts';
import { createTicketFlow } from '../flows/ticket-flow.ts';
import type { CodeVerifier } from '../identity/code-verifier.ts';
import type { PresenceVerifier } from '../identity/presence-verifier.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import { createAdmissionLog } from '../scans/admission-log.ts';
import { createScanAnswerPublisher, type Publish } from '../scans/scan-answer-publisher.ts';
import { createScanMetrics } from '../scans/scan-metrics.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import type { EdgeContext } from './edge-context.ts';

export interface ScanParts {
  presence: PresenceVerifier;
  codes: CodeVerifier;
  loyaltyScans: LoyaltyScanFlow;
  profileCache: LruTtlCache<CustomerProfile>;
  localProfiles: LocalProfileStore;
  outbox: DurableOutbox;
  reject: RejectMessage;
  /** Publishes an answer on the phone's topic (the MQTT client, once it exists). */
  publish: Publish;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  /** Delivers an arrival alert to the associates it names (a guest's hosts at the door). */
  pushAlert: (alert: ArrivalAlert) => void;
}

/** QR scans: loyalty cards, event tickets at the door, content codes answered on the phone. */
export async function composeScans(
  { config, logger, metrics, now, onStop }: EdgeContext,
  parts: ScanParts,
) {
  const { presence, codes, outbox, reject } = parts;
  // Admissions at the door survive a restart: a ticket never admits one person too many.
  const admissions = createAdmissionLog({ dir: join(config.dataDir, 'tickets'), now });
  logger.info(await admissions.open(), 'ticket admissions read back');
  onStop('ticket admissions', () => admissions.close());
  const scanMetrics = createScanMetrics(metrics.registry);
  const answer = createScanAnswerPublisher({
    storeId: config.storeId,
    publish: parts.publish,
    logger,
    now,
  });
  const readProfile = createProfileReader({
    cache: parts.profileCache,
    localProfiles: parts.localProfiles,
    logger,
    now,
  });
  const tickets = createTicketFlow({
    storeId: config.storeId,
    codes,
    admissions,
    answer,
    report: (event) => outbox.append(event),
    alertHosts: createDoorAlerts({
      storeId: config.storeId,
      readProfile,
      recentAlerts: parts.recentAlerts,
      pushAlert: parts.pushAlert,
      report: (event) => outbox.append(event),
      logger,
      now,
    }),
    reject,
    scanMetrics,
    logger,
    now,
  });
  const qrScans = createQrScanRouter({
    loyalty: parts.loyaltyScans,
    tickets,
    content: createContentScanFlow({
      storeId: config.storeId,
      verify: (presented, source) => presence.verify(presented, source),
      codes,
      readProfile,
      answer,
      report: (event) => outbox.append(event),
      reject,
      scanMetrics,
      metrics,
      logger,
    }),
  });
  return { tickets, qrScans };
}
