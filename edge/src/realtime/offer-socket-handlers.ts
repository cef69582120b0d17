import type { AssociateToServerEvents, ServerToAssociateEvents } from '@vitrine/shared';
import type { Socket } from 'socket.io';
import type { Logger } from '../observability/logger.ts';
import type { OfferDesk, RedeemingAssociate } from '../offers/offer-desk.ts';

type AssociateSocket = Socket<AssociateToServerEvents, ServerToAssociateEvents>;

/**
 * `offer:redeem` from an associate's tablet: a suggestion's "Mark redeemed" (`deliveryId`)
 * or a scanned redemption code (`code`), answered by the socket.io acknowledgement.
 */
export function serveOfferRedemptions(
  socket: AssociateSocket,
  actor: RedeemingAssociate,
  { desk, logger }: { desk: Pick<OfferDesk, 'redeem'>; logger: Logger },
): void {
  socket.on('offer:redeem', (payload, reply) => {
    const method = typeof payload === 'object' && payload !== null && 'code' in payload;
    desk
      .redeem(payload, actor, method ? 'associate-scan' : 'associate-mark')
      .then((answer) => {
        if (typeof reply === 'function') reply(answer);
      })
      .catch((error: unknown) => logger.error({ err: error }, 'offer redemption failed'));
  });
}
