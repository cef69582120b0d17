import {
  ASSOCIATE_SOCKET_PATH,
  type AssociateToServerEvents,
  type OfferRedeemRequest,
  offerRedeemReplySchema,
  type ServerToAssociateEvents,
} from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import type { RedeemAnswer } from '../domain/offer-redemption-view.ts';

export interface RedeemOfferOptions {
  /** Same origin by default. */
  url?: string;
  timeoutMs?: number;
}

/**
 * Asks the edge to redeem an offer (`offer:redeem`) on a socket of its own, opened for the
 * request and closed after: a redemption is rare, and never waits in a buffer to be sent
 * long after the associate gave up.
 */
export function redeemOffer(
  token: string,
  request: OfferRedeemRequest,
  { url, timeoutMs = 10_000 }: RedeemOfferOptions = {},
): Promise<RedeemAnswer> {
  const options = { path: ASSOCIATE_SOCKET_PATH, auth: { token }, reconnection: false };
  const socket: Socket<ServerToAssociateEvents, AssociateToServerEvents> =
    url === undefined ? io(options) : io(url, options);
  return new Promise<RedeemAnswer>((resolve) => {
    const done = (answer: RedeemAnswer) => {
      socket.close();
      resolve(answer);
    };
    socket.on('connect_error', () => done('unreachable'));
    socket.on('connect', () => {
      socket.timeout(timeoutMs).emit('offer:redeem', request, (error: unknown, reply: unknown) => {
        if (error) return done('unreachable');
        const parsed = offerRedeemReplySchema.safeParse(reply);
        done(parsed.success ? parsed.data : 'unreachable');
      });
    });
  });
}
