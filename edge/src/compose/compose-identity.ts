import { join } from 'node:path';
import type { SyncedFeeds } from '../fleet/synced-feeds.ts';
import { createCodeVerifier } from '../identity/code-verifier.ts';
import type { LateWindow } from '../identity/domain/verify-presence.ts';
import { organisationOfEdgeToken } from '../identity/edge-organisation.ts';
import { createIdentityFile } from '../identity/identity-file.ts';
import { createIdentityMetrics } from '../identity/identity-metrics.ts';
import { createIdentitySync } from '../identity/identity-sync.ts';
import { createPresenceVerifier } from '../identity/presence-verifier.ts';
import type { EdgeContext } from './edge-context.ts';

/**
 * Passes, proofs and signed codes verified offline with what was last synced, kept on
 * disk for a restart without the cloud.
 */
export async function composeIdentity(
  { config, logger, metrics, now, fetch, onStop }: EdgeContext,
  { lateCheckIns, feeds }: { lateCheckIns: () => LateWindow | null; feeds: SyncedFeeds },
) {
  const identityMetrics = createIdentityMetrics(metrics.registry);
  const organisation = organisationOfEdgeToken(config.cloudToken);
  const organisationId = organisation.ok ? organisation.organisationId : undefined;
  if (!organisation.ok) {
    logger.warn(
      { detail: organisation.detail },
      'organisation unknown: passes and codes checked by key alone',
    );
  }
  const presence = createPresenceVerifier({
    storeId: config.storeId,
    organisationId,
    metrics: identityMetrics,
    logger,
    now,
    skewSteps: config.proofSkewSteps,
    rateLimit: { burst: config.passRateBurst, perMinute: config.passRatePerMin },
    lateCheckIns,
  });
  // Content codes and tickets are verified with the same synced keys as passes.
  const codes = createCodeVerifier({ now, organisationId });
  const identitySync = createIdentitySync({
    cloudUrl: config.cloudUrl,
    token: config.cloudToken,
    storeId: config.storeId,
    file: createIdentityFile(join(config.dataDir, 'identity')),
    verifier: presence,
    codeVerifier: codes,
    metrics: identityMetrics,
    logger,
    intervalMs: config.identitySyncMs,
    now,
    ...fetch,
  });
  feeds.add('identity', identitySync.lastSyncedAt);
  await identitySync.start();
  onStop('identity sync', async () => identitySync.stop());
  return { presence, codes };
}
