import {
  SCREEN_SOCKET_PATH,
  type ScreenInterrupt,
  type ServerToScreenEvents,
  screenHelloSchema,
  screenInterruptSchema,
} from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';

export interface ScreenSocketHandlers {
  interrupt: (interrupt: ScreenInterrupt) => void;
  /** The store's content changed, or the socket came back: ask for it again. */
  contentChanged: () => void;
  connected: (zoneId: string) => void;
  disconnected: () => void;
  /** The edge refused the token; the socket stops retrying. */
  refused: (reason: string) => void;
}

/**
 * The live channel from the edge: interrupts for this screen's zone and content changes,
 * each parsed with the shared schemas; a malformed event is dropped and logged.
 */
export function openScreenSocket(token: string, handlers: ScreenSocketHandlers): () => void {
  const socket: Socket<ServerToScreenEvents> = io({
    path: SCREEN_SOCKET_PATH,
    auth: { token },
    transports: ['websocket'],
  });
  socket.on('hello', (hello) => {
    const parsed = screenHelloSchema.safeParse(hello);
    if (parsed.success) handlers.connected(parsed.data.zoneId);
    handlers.contentChanged();
  });
  socket.on('interrupt', (interrupt) => {
    const parsed = screenInterruptSchema.safeParse(interrupt);
    if (!parsed.success) {
      console.warn('screen: interrupt dropped', parsed.error.message);
      return;
    }
    handlers.interrupt(parsed.data);
  });
  socket.on('content', (change) => {
    if (z.object({ version: z.string() }).safeParse(change).success) handlers.contentChanged();
  });
  socket.on('disconnect', () => handlers.disconnected());
  socket.on('connect_error', (error) => {
    if (/^(unauthorized|forbidden):/.test(error.message)) {
      socket.close();
      handlers.refused(error.message);
    }
  });
  return () => socket.close();
}
