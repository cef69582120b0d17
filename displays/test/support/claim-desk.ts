import {
  type ArrivalAlert,
  type ArrivalClaim,
  acknowledgeRequestSchema,
  type ClaimActor,
  type ClaimReply,
  type ClaimRequestEvent,
  claimRequestSchema,
  createClaimBoard,
  outcomeRequestSchema,
  refusalOfInvalid,
  releaseRequestSchema,
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

  const decide = (event: ClaimRequestEvent, payload: unknown, actor: ClaimActor, at: string) => {
    switch (event) {
      case 'alert:acknowledge': {
        const parsed = acknowledgeRequestSchema.safeParse(payload);
        return parsed.success ? board.acknowledge(parsed.data.alertId, actor, at) : parsed.error;
      }
      case 'arrival:claim': {
        const parsed = claimRequestSchema.safeParse(payload);
        if (!parsed.success) return parsed.error;
        return board.claim(parsed.data.alertId, actor, at, parsed.data.takeOver);
      }
      case 'arrival:release': {
        const parsed = releaseRequestSchema.safeParse(payload);
        return parsed.success ? board.release(parsed.data.alertId, actor, at) : parsed.error;
      }
      case 'arrival:outcome': {
        const parsed = outcomeRequestSchema.safeParse(payload);
        if (!parsed.success) return parsed.error;
        const { alertId, outcome, note } = parsed.data;
        return board.recordOutcome(alertId, actor, at, { outcome, note: note || null });
      }
    }
  };

  return {
    open: (alert) => {
      board.open(alert);
    },
    list: () => board.list(),
    request(event, payload, actor) {
      const change = decide(event, payload, actor, now().toISOString());
      if (!('ok' in change)) {
        return { reply: { ok: false, error: refusalOfInvalid(change) }, changed: null };
      }
      if (!change.ok) return { reply: change, changed: null };
      const changed = change.facts.length > 0 ? change.claim : null;
      return { reply: { ok: true, claim: change.claim }, changed };
    },
  };
}
