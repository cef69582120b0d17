import type { Server as HttpServer } from 'node:http';
import {
  type ArrivalAlert,
  ASSOCIATE_SOCKET_PATH,
  type AssociateToServerEvents,
  associateAuthSchema,
  associateRoom,
  type CampaignSuggestion,
  type ServerToAssociateEvents,
} from '@vitrine/shared';
import { Server } from 'socket.io';
import { authorizeAssociate } from '../domain/associate-access.ts';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import type { OfferDesk } from '../offers/offer-desk.ts';
import type { ArrivalClaimDesk } from './arrival-claim-desk.ts';
import { serveClaims } from './claim-socket-handlers.ts';
import { serveOfferRedemptions } from './offer-socket-handlers.ts';
import type { TokenVerifier } from './token-verifier.ts';

interface SocketData {
  associateId: string;
  name: string;
}

export interface AssociateSocketsOptions {
  storeId: string;
  verifier: TokenVerifier;
  /** The store's display name for `hello`; falls back to the id when the cloud is away. */
  storeName: () => Promise<string>;
  metrics: Pick<EdgeMetrics, 'connectedAssociates'>;
  logger: Logger;
  /** Acknowledgements, claims and outcomes of the arrivals pushed; none without it. */
  claims?: ArrivalClaimDesk;
  /** Redemptions of the offers delivered in the store (`offer:redeem`); none without it. */
  offers?: Pick<OfferDesk, 'redeem'>;
  /**
   * How long a dropped tablet's socket is kept: back within it, the tablet gets what was
   * pushed meanwhile (socket.io's connection-state recovery); later, it resyncs in full.
   */
  recoveryWindowMs?: number;
}

/** A tablet out of the store's Wi-Fi for two minutes misses nothing it must ask for. */
export const SOCKET_RECOVERY_WINDOW_MS = 2 * 60_000;

export interface AssociateSockets {
  attach(server: HttpServer): void;
  pushAlert(alert: ArrivalAlert): void;
  pushSuggestion(suggestion: CampaignSuggestion): void;
  close(): Promise<void>;
}

/**
 * socket.io for the associates of one store: a cloud-signed associate token of this store
 * is required at connect; the socket then joins the store's room, where alerts go.
 */
export function createAssociateSockets(options: AssociateSocketsOptions): AssociateSockets {
  const {
    storeId,
    verifier,
    metrics,
    logger,
    claims,
    offers,
    recoveryWindowMs = SOCKET_RECOVERY_WINDOW_MS,
  } = options;
  const room = associateRoom(storeId);
  /** Each associate's own room, for the alerts that name who they are for. */
  const roomOf = (associateId: string) => `${room}:${associateId}`;
  let io:
    | Server<AssociateToServerEvents, ServerToAssociateEvents, Record<string, never>, SocketData>
    | undefined;

  return {
    attach(server) {
      io = new Server(server, {
        path: ASSOCIATE_SOCKET_PATH,
        cors: { origin: true },
        // A recovered socket is checked again: a token that expired meanwhile is refused.
        connectionStateRecovery: {
          maxDisconnectionDuration: recoveryWindowMs,
          skipMiddlewares: false,
        },
      });
      io.use(async (socket, next) => {
        try {
          const auth = associateAuthSchema.safeParse(socket.handshake.auth);
          if (!auth.success) return next(new Error('unauthorized: missing token'));
          const verified = await verifier.verify(auth.data.token);
          if (!verified.ok) return next(new Error(`unauthorized: ${verified.reason}`));
          const access = authorizeAssociate(verified.claims, storeId);
          if (!access.ok) {
            logger.warn(
              { sub: verified.claims.sub, reason: access.reason },
              'associate socket refused',
            );
            return next(new Error(`forbidden: ${access.reason}`));
          }
          socket.data = { associateId: access.associateId, name: access.name };
          next();
        } catch (error) {
          logger.error({ err: error }, 'associate socket authentication failed');
          next(new Error('unauthorized: verification failed'));
        }
      });
      io.on('connection', (socket) => {
        metrics.connectedAssociates.inc();
        socket.on('disconnect', () => metrics.connectedAssociates.dec());
        void socket.join([room, roomOf(socket.data.associateId)]);
        if (claims) {
          const actor = { associateId: socket.data.associateId, name: socket.data.name };
          serveClaims(socket, actor, {
            desk: claims,
            broadcast: (claim) => io?.to(room).emit('claim', claim),
            logger,
          });
        }
        if (offers) {
          const actor = { associateId: socket.data.associateId, name: socket.data.name };
          serveOfferRedemptions(socket, actor, { desk: offers, logger });
        }
        void options
          .storeName()
          .then((storeName) =>
            socket.emit('hello', {
              associateId: socket.data.associateId,
              name: socket.data.name,
              storeId,
              storeName,
            }),
          )
          .catch((error: unknown) => logger.error({ err: error }, 'could not greet an associate'));
        logger.info(
          { associateId: socket.data.associateId, recovered: socket.recovered },
          'associate connected',
        );
      });
    },
    pushAlert(alert) {
      // Claimable before any tablet can see it.
      claims?.open(alert);
      const named = alert.forAssociateIds ?? [];
      io?.to(named.length > 0 ? named.map(roomOf) : room).emit('alert', alert);
    },
    pushSuggestion(suggestion) {
      io?.to(room).emit('suggestion', suggestion);
    },
    async close() {
      if (!io) return;
      const server = io;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    },
  };
}
