import {
  type ArrivalAlert,
  ASSOCIATE_SOCKET_PATH,
  type AssociateHello,
  type AssociateToServerEvents,
  arrivalAlertSchema,
  associateHelloSchema,
  type ServerToAssociateEvents,
} from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import { parseSocketRefusal, type SocketRefusal } from '../domain/socket-refusal.ts';

export interface AlertSocketHandlers {
  hello: (hello: AssociateHello) => void;
  alert: (alert: ArrivalAlert) => void;
  connected: () => void;
  disconnected: () => void;
  /** A connection attempt failed for a transient reason; socket.io retries by itself. */
  attemptFailed: () => void;
  /** The edge refused the token; the socket is closed and will not retry. */
  refused: (refusal: SocketRefusal) => void;
  /** An event whose payload failed the shared schema; it is dropped. */
  invalid: (event: 'hello' | 'alert', detail: string) => void;
}

export interface AlertSocketOptions {
  /** Same origin by default. */
  url?: string;
  path?: string;
}

export interface AlertSocket {
  close: () => void;
}

/** The live feed from the edge: `hello` once, then `alert` per arrival in the store. */
export function connectAlertSocket(
  token: string,
  on: AlertSocketHandlers,
  { url, path = ASSOCIATE_SOCKET_PATH }: AlertSocketOptions = {},
): AlertSocket {
  const options = { path, auth: { token } };
  const socket: Socket<ServerToAssociateEvents, AssociateToServerEvents> =
    url === undefined ? io(options) : io(url, options);

  socket.on('connect', () => on.connected());
  socket.on('disconnect', (reason) => {
    on.disconnected();
    // The edge closed this socket on purpose (a restart, a revoked session): socket.io does
    // not retry that case, so ask again and let the edge's check decide.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    const refusal = parseSocketRefusal(error.message);
    if (refusal !== null) {
      socket.close();
      on.refused(refusal);
      return;
    }
    on.attemptFailed();
  });
  socket.on('hello', (payload: unknown) => {
    const hello = associateHelloSchema.safeParse(payload);
    if (hello.success) on.hello(hello.data);
    else on.invalid('hello', hello.error.message);
  });
  socket.on('alert', (payload: unknown) => {
    const alert = arrivalAlertSchema.safeParse(payload);
    if (alert.success) on.alert(alert.data);
    else on.invalid('alert', alert.error.message);
  });

  return { close: () => socket.close() };
}
