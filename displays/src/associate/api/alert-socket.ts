import {
  type ArrivalAlert,
  type ArrivalClaim,
  ASSOCIATE_SOCKET_PATH,
  type AssociateHello,
  type AssociateToServerEvents,
  arrivalAlertSchema,
  arrivalClaimSchema,
  arrivalClaimsSchema,
  associateHelloSchema,
  type CampaignSuggestion,
  type ClaimReply,
  type ClaimRequestEvent,
  campaignSuggestionSchema,
  claimReplySchema,
  type ServerToAssociateEvents,
} from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import { parseSocketRefusal, type SocketRefusal } from '../domain/socket-refusal.ts';

export interface AlertSocketHandlers {
  hello: (hello: AssociateHello) => void;
  alert: (alert: ArrivalAlert) => void;
  /**
   * Connected. `recovered`: back within the edge's recovery window, so what was pushed
   * meanwhile came with the reconnect; otherwise the page must resync in full.
   */
  connected: (recovered: boolean) => void;
  disconnected: () => void;
  /** A connection attempt failed for a transient reason; socket.io retries by itself. */
  attemptFailed: () => void;
  /** The edge refused the token; the socket is closed and will not retry. */
  refused: (refusal: SocketRefusal) => void;
  /** An event, or a request's reply, that failed the shared schema; it is dropped. */
  invalid: (event: keyof ServerToAssociateEvents | ClaimRequestEvent, detail: string) => void;
  /** Every claim of the store's recent arrivals, after each connect. */
  claims?: (claims: ArrivalClaim[]) => void;
  /** One arrival's claim changed, by this tablet or a colleague's. */
  claim?: (claim: ArrivalClaim) => void;
  suggestion?: (suggestion: CampaignSuggestion) => void;
}

export interface AlertSocketOptions {
  /** Same origin by default. */
  url?: string;
  path?: string;
  /** How long the edge may take to answer a request before it is reported unanswered. */
  answerTimeoutMs?: number;
}

/**
 * What became of a request: the edge's reply; `lost` when the socket dropped before it
 * came (the page resends after the resync); `unanswered` when a live socket got no reply.
 */
export type RequestAnswer = ClaimReply | 'lost' | 'unanswered';

export interface AlertSocket {
  /**
   * Sends a request when the socket is connected, and says whether it did: a request is
   * never left in socket.io's buffer, where it could go out long after the page gave up.
   */
  send: (event: ClaimRequestEvent, payload: unknown, answer: (a: RequestAnswer) => void) => boolean;
  close: () => void;
}

/**
 * The live feed from the edge: `hello` once, `claims` after each connect, then `alert`,
 * `claim` and `suggestion` as they happen; and the associate's requests about arrivals.
 */
export function connectAlertSocket(
  token: string,
  on: AlertSocketHandlers,
  { url, path = ASSOCIATE_SOCKET_PATH, answerTimeoutMs = 10_000 }: AlertSocketOptions = {},
): AlertSocket {
  const options = { path, auth: { token } };
  const socket: Socket<ServerToAssociateEvents, AssociateToServerEvents> =
    url === undefined ? io(options) : io(url, options);

  socket.on('connect', () => on.connected(socket.recovered));
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

  socket.on('claims', (payload: unknown) => {
    const claims = arrivalClaimsSchema.safeParse(payload);
    if (claims.success) on.claims?.(claims.data.items);
    else on.invalid('claims', claims.error.message);
  });
  socket.on('claim', (payload: unknown) => {
    const claim = arrivalClaimSchema.safeParse(payload);
    if (claim.success) on.claim?.(claim.data);
    else on.invalid('claim', claim.error.message);
  });
  socket.on('suggestion', (payload: unknown) => {
    const suggestion = campaignSuggestionSchema.safeParse(payload);
    if (suggestion.success) on.suggestion?.(suggestion.data);
    else on.invalid('suggestion', suggestion.error.message);
  });

  return {
    send(event, payload, answer) {
      if (!socket.connected) return false;
      socket.timeout(answerTimeoutMs).emit(event, payload, (error: unknown, reply: unknown) => {
        if (error) return answer(socket.connected ? 'unanswered' : 'lost');
        const parsed = claimReplySchema.safeParse(reply);
        if (parsed.success) return answer(parsed.data);
        on.invalid(event, parsed.error.message);
        answer('unanswered');
      });
      return true;
    },
    close: () => socket.close(),
  };
}
