import type { Server as HttpServer } from 'node:http';
import {
  SCREEN_SOCKET_PATH,
  type ScreenInterrupt,
  type ServerToScreenEvents,
  type StoreContentFeed,
  screenAuthSchema,
} from '@vitrine/shared';
import { Server } from 'socket.io';
import type { Logger } from '../observability/logger.ts';
import { authorizeScreen, type ScreenInFeed } from './screen-access.ts';
import type { ScreenMetrics } from './screen-metrics.ts';
import type { ScreenTokens } from './screen-tokens.ts';

export interface ScreenSocketsOptions {
  storeId: string;
  tokens: ScreenTokens;
  feed: () => StoreContentFeed | null;
  /** A screen's player connected: it is alive. */
  seen: (screenId: string) => void;
  metrics: ScreenMetrics;
  logger: Logger;
}

export interface ScreenSockets {
  attach(server: HttpServer): void;
  /** To the screens of the interrupt's zone only. */
  pushInterrupt(interrupt: ScreenInterrupt): void;
  /**
   * To every screen: the content changed, fetch it again. A screen moved to another zone
   * changes rooms; one retired is disconnected.
   */
  contentChanged(feed: StoreContentFeed): void;
  /** The screens whose players are connected now. */
  connected(): string[];
  close(): Promise<void>;
}

/** The room of a zone's screens: an interrupt for one zone never reaches another's. */
export const screenRoom = (zoneId: string) => `screen:${zoneId}`;

/**
 * socket.io for the store's screens, on its own path beside the associates' server: a
 * screen token of a registered screen is required at connect; the socket then joins the
 * room of the screen's zone.
 */
export function createScreenSockets(options: ScreenSocketsOptions): ScreenSockets {
  const { storeId, tokens, feed, metrics, logger } = options;
  let io:
    | Server<Record<string, never>, ServerToScreenEvents, Record<string, never>, ScreenInFeed>
    | undefined;

  return {
    attach(server) {
      io = new Server(server, { path: SCREEN_SOCKET_PATH, cors: { origin: true } });
      io.use(async (socket, next) => {
        const auth = screenAuthSchema.safeParse(socket.handshake.auth);
        const access = await authorizeScreen(auth.success ? auth.data.token : null, tokens, feed());
        if (!access.ok) {
          logger.warn({ reason: access.reason }, 'screen socket refused');
          return next(new Error(`${access.code}: ${access.reason}`));
        }
        socket.data = access.screen;
        next();
      });
      io.on('connection', (socket) => {
        metrics.connectedScreens.inc();
        socket.on('disconnect', () => metrics.connectedScreens.dec());
        void socket.join(screenRoom(socket.data.zoneId));
        options.seen(socket.data.id);
        socket.emit('hello', { storeId, screenId: socket.data.id, zoneId: socket.data.zoneId });
      });
    },
    pushInterrupt(interrupt) {
      io?.to(screenRoom(interrupt.message.zoneId)).emit('interrupt', interrupt);
    },
    contentChanged(next) {
      if (!io) return;
      for (const socket of io.of('/').sockets.values()) {
        const screen = next.screens.find((candidate) => candidate.id === socket.data.id);
        if (screen === undefined) {
          socket.disconnect(true);
          continue;
        }
        if (screen.zoneId !== socket.data.zoneId) {
          void socket.leave(screenRoom(socket.data.zoneId));
          void socket.join(screenRoom(screen.zoneId));
        }
        socket.data = screen;
      }
      io.emit('content', { version: next.version });
    },
    connected() {
      if (!io) return [];
      return [...new Set([...io.of('/').sockets.values()].map((socket) => socket.data.id))];
    },
    async close() {
      // The screens' connections only: the HTTP server is the associates' server to close.
      io?.disconnectSockets(true);
      io?.engine.close();
    },
  };
}
