import {
  type ArrivalClaim,
  type AssociateToServerEvents,
  CLAIM_REQUEST_EVENTS,
  type ClaimActor,
  type ServerToAssociateEvents,
} from '@vitrine/shared';
import type { Socket } from 'socket.io';
import type { Logger } from '../observability/logger.ts';
import type { ArrivalClaimDesk } from './arrival-claim-desk.ts';

type AssociateSocket = Socket<AssociateToServerEvents, ServerToAssociateEvents>;

/**
 * An associate's tablet after connect: the claims as they stand, then its requests, each
 * answered to the tablet and, when it changed something, sent to the whole store.
 */
export function serveClaims(
  socket: AssociateSocket,
  actor: ClaimActor,
  {
    desk,
    broadcast,
    logger,
  }: {
    desk: ArrivalClaimDesk;
    broadcast: (claim: ArrivalClaim) => void;
    logger: Logger;
  },
): void {
  socket.emit('claims', { items: desk.list() });
  for (const event of CLAIM_REQUEST_EVENTS) {
    socket.on(event, (payload, reply) => {
      desk
        .request(event, payload, actor)
        .then(({ reply: answer, changed }) => {
          if (changed) broadcast(changed);
          // A request sent without a callback still changes the store; there is no one to answer.
          if (typeof reply === 'function') reply(answer);
        })
        .catch((error: unknown) => logger.error({ err: error, event }, 'claim request failed'));
    });
  }
}
