import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { join, resolve } from 'node:path';
import type { IngestEvent, ScreenContentItem, StoreContentFeed } from '@vitrine/shared';
import type { SyncedFeeds } from '../fleet/synced-feeds.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import { createContentFeedClient } from '../screens/content-feed-client.ts';
import type { StoredContent } from '../screens/content-file.ts';
import { createContentFile } from '../screens/content-file.ts';
import { createContentSync } from '../screens/content-sync.ts';
import { createScreenMetrics } from '../screens/screen-metrics.ts';
import { createScreenRoutes, type ScreenRoutes } from '../screens/screen-routes.ts';
import { createScreenSockets } from '../screens/screen-sockets.ts';
import { createScreenTokens, loadScreenKey, type ScreenTokens } from '../screens/screen-tokens.ts';
import { startZoneScreenRelay } from '../screens/zone-screen-relay.ts';
import type { EdgeContext } from './edge-context.ts';

const HEARTBEAT_MS = 60_000;

export interface ScreenParts {
  mqttUrl: string;
  outbox: { append(event: IngestEvent): Promise<void> };
  reject: RejectMessage;
  /** Items campaigns interrupt with, which may be in no playlist of the content feed. */
  campaignContent: (contentId: string) => ScreenContentItem | null;
  /** The content's last sync, for the edge's report. */
  feeds?: SyncedFeeds;
}

/** What the HTTP server mounts and attaches for the screens. */
export interface ScreenWeb {
  routes: ScreenRoutes;
  attach(server: HttpServer): void;
  /** Ends the screens' connections, before the server closes (it waits for every one). */
  close(): Promise<void>;
  tokens: ScreenTokens;
  /** The registered screens, and those whose player is connected now (the fleet view). */
  devices: { registered(): { id: string; zoneId: string }[]; connected(): string[] };
}

/**
 * The store's screens: their content synced from the cloud to `<dataDir>/content`, the
 * player and its routes, the live channel, and the zone screen topic relayed to it.
 */
export async function composeScreens(
  { config, logger, metrics, now, fetch, onStop }: EdgeContext,
  parts: ScreenParts,
): Promise<ScreenWeb> {
  const screenMetrics = createScreenMetrics(metrics.registry);
  const tokens = createScreenTokens(config.storeId, await loadScreenKey(config.dataDir));
  let content: StoredContent | null = null;
  const feed = () => content?.feed ?? null;
  const cloud = createContentFeedClient({
    baseUrl: config.cloudUrl,
    token: config.cloudToken,
    storeId: config.storeId,
    timeoutMs: Math.max(config.lookupTimeoutMs, 5000),
    ...fetch,
  });
  const reportSeen = (screenId: string) => {
    void cloud.reportSeen(screenId).then((ok) => {
      if (!ok) logger.debug({ screenId }, 'screen heartbeat not delivered; the next one will be');
    });
  };
  const sockets = createScreenSockets({
    storeId: config.storeId,
    tokens,
    feed,
    seen: reportSeen,
    metrics: screenMetrics,
    logger,
  });
  const sync = createContentSync({
    client: cloud,
    file: createContentFile(join(config.dataDir, 'content')),
    intervalMs: config.syncIntervalMs,
    onChange: (next) => {
      content = next;
      sockets.contentChanged(next.feed);
      void logPlayerLinks(next.feed);
    },
    metrics: screenMetrics,
    logger,
    now,
  });
  parts.feeds?.add('content', () => sync.lastSyncedAt());

  /** Each screen's player link, so that an installer can open it on the screen. */
  async function logPlayerLinks(next: StoreContentFeed) {
    for (const screen of next.screens) {
      const path = `/screen/#token=${await tokens.issue(screen.id)}`;
      logger.info({ screenId: screen.id, zoneId: screen.zoneId, path }, 'screen player link');
    }
  }

  await sync.start();
  onStop('screen content sync', async () => sync.stop());
  // A connected player is alive: the cloud hears it at connect and every minute after.
  const heartbeats = setInterval(() => {
    for (const screenId of sockets.connected()) reportSeen(screenId);
  }, HEARTBEAT_MS);
  heartbeats.unref();
  onStop('screen heartbeats', async () => clearInterval(heartbeats));
  const relay = startZoneScreenRelay({
    storeId: config.storeId,
    mqttUrl: parts.mqttUrl,
    findItem: (contentId) =>
      feed()?.items.find((item) => item.id === contentId) ?? parts.campaignContent(contentId),
    push: (interrupt) => sockets.pushInterrupt(interrupt),
    reject: parts.reject,
    metrics: screenMetrics,
    logger,
  });
  onStop('zone screen relay', () => relay.stop());

  // The player is built beside the associate app (`displays/dist/screen/`).
  const playerDir = config.displaysDir ? resolve(config.displaysDir, '..', 'screen') : null;
  if (playerDir !== null && !existsSync(playerDir)) {
    logger.warn({ playerDir }, 'screen player not built: /screen/ serves the API only');
  }
  const routes = createScreenRoutes({
    storeId: config.storeId,
    tokens,
    content: () => content,
    outbox: parts.outbox,
    playerDir: playerDir !== null && existsSync(playerDir) ? playerDir : null,
    metrics: screenMetrics,
    logger,
  });
  return {
    routes,
    attach: (server) => sockets.attach(server),
    close: () => sockets.close(),
    tokens,
    devices: {
      registered: () => feed()?.screens.map(({ id, zoneId }) => ({ id, zoneId })) ?? [],
      connected: () => sockets.connected(),
    },
  };
}
