import {
  type ArrivalAlert,
  type ArrivalClaim,
  type ClaimActor,
  type ClaimReply,
  type ClaimRequestEvent,
  createClaimBoard,
  decideClaimRequest,
  replyOf,
} from '@vitrine/shared';

/**
 * The claim side of the fake edge, on shared's claim board (the one the edge runs), with
 * the requests parsed by the same shared schemas: the page is tested against the rules
 * the edge applies, not a copy of them that could drift.
 */
export interface TestClaimDesk {
  open(alert: ArrivalAlert): void;
  list(): ArrivalClaim[];
  /** The reply, and the claim to send to the store when the request changed it. */
  request(
    event: ClaimRequestEvent,
    payload: unknown,
    actor: ClaimActor,
  ): { reply: ClaimReply; changed: ArrivalClaim | null };
}

export function createTestClaimDesk(now: () => Date = () => new Date()): TestClaimDesk {
  const board = createClaimBoard();

  return {
    open: (alert) => {
      board.open(alert);
    },
    list: () => board.list(),
    request(event, payload, actor) {
      const change = decideClaimRequest(board, event, payload, actor, now().toISOString());
      const changed = change.ok && change.facts.length > 0 ? change.claim : null;
      return { reply: replyOf(change), changed };
    },
  };
}
