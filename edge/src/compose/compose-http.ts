import type { ArrivalAlert } from '@vitrine/shared';
import type { CloudClient } from '../cloud/cloud-client.ts';
import type { RecentBuffer } from '../domain/recent-alerts.ts';
import type { LoyaltyScanFlow } from '../flows/loyalty-scan-flow.ts';
import type { TicketFlow } from '../flows/ticket-flow.ts';
import { createHttpApp, type HealthReport } from '../http/http-app.ts';
import { listenHttp } from '../http/http-server.ts';
import { brokerAddressOf } from '../http/mqtt-websocket-bridge.ts';
import { createMqttWebSocketMetrics } from '../http/mqtt-websocket-metrics.ts';
import { createMqttWebSocket, type MqttWebSocket } from '../http/mqtt-websocket-routes.ts';
import type { OfferDesk } from '../offers/offer-desk.ts';
import type { ZonesView } from '../presence/zones-view.ts';
import type { AssociateSockets } from '../realtime/associate-socket.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import type { LocalProfileStore } from '../store/local-profile-store.ts';
import { EDGE_VERSION } from '../version.ts';
import type { ScreenWeb } from './compose-screens.ts';
import type { EdgeContext } from './edge-context.ts';

export interface HttpParts {
  health: () => HealthReport;
  cloud: CloudClient;
  verifier: TokenVerifier;
  recentAlerts: RecentBuffer<ArrivalAlert>;
  sockets: AssociateSockets;
  loyaltyScans: LoyaltyScanFlow;
  tickets: TicketFlow;
  zones: { zones?: () => ZonesView };
  screens?: ScreenWeb;
  /** Redemption codes scanned at the till (`POST /api/scans`). */
  offers?: Pick<OfferDesk, 'redeem'>;
  /** The profiles this edge holds: the client search's fallback without the cloud. */
  profiles?: Pick<LocalProfileStore, 'search' | 'get' | 'putFetched'>;
  /** The store's broker, which phones reach over WebSocket at /mqtt. */
  mqttUrl: string;
}

/** The associates' API and pages, the metrics, and their sockets on the same server. */
export async function composeHttp(
  { config, logger, metrics, onStop }: EdgeContext,
  parts: HttpParts,
): Promise<string> {
  const mqttWebSocket = composeMqttWebSocket({ config, logger, metrics }, parts.mqttUrl);
  const app = createHttpApp({
    storeId: config.storeId,
    version: EDGE_VERSION,
    health: parts.health,
    registry: metrics.registry,
    cloud: parts.cloud,
    verifier: parts.verifier,
    recentAlerts: parts.recentAlerts,
    displaysDir: config.displaysDir,
    scans: parts.loyaltyScans,
    tickets: parts.tickets,
    ...(parts.offers ? { offers: parts.offers } : {}),
    ...parts.zones,
    ...(parts.profiles ? { customers: { cloud: parts.cloud, profiles: parts.profiles } } : {}),
    ...(parts.screens ? { screens: parts.screens.routes } : {}),
    ...(mqttWebSocket ? { mqttWebSocket: mqttWebSocket.routes } : {}),
    logger,
  });
  const http = await listenHttp({
    fetch: app.fetch,
    port: config.httpPort,
    hostname: config.httpHost,
    ...(mqttWebSocket ? { websocket: mqttWebSocket.server } : {}),
  });
  parts.sockets.attach(http.server);
  parts.screens?.attach(http.server);
  onStop('http and sockets', async () => {
    // socket.io closes the HTTP server it is attached to.
    http.server.closeAllConnections();
    mqttWebSocket?.close();
    await parts.screens?.close();
    await parts.sockets.close();
  });
  logger.info({ url: http.url }, 'HTTP and associate sockets listening');
  return http.url;
}

/** The /mqtt bridge to the store's broker, unless turned off or the broker is not on TCP. */
function composeMqttWebSocket(
  { config, logger, metrics }: Pick<EdgeContext, 'config' | 'logger' | 'metrics'>,
  mqttUrl: string,
): MqttWebSocket | null {
  if (!config.mqttWebSocket.enabled) return null;
  const broker = brokerAddressOf(mqttUrl);
  if (broker === null) {
    logger.warn({ mqttUrl }, 'MQTT over WebSocket off: the broker is not reached over TCP');
    return null;
  }
  return createMqttWebSocket({
    broker,
    maxFrameBytes: config.mqttWebSocket.maxFrameBytes,
    metrics: createMqttWebSocketMetrics(metrics.registry),
    logger,
  });
}
