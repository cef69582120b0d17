import type { ArrivalOutcome } from '../api/ingest-api.ts';
import {
  type ArrivalClaim,
  type AssociateAct,
  acknowledgeRequestSchema,
  type ClaimRefusal,
  type ClaimReply,
  claimRequestSchema,
  outcomeRequestSchema,
  type RecordedOutcome,
  refusalOfInvalid,
  releaseRequestSchema,
} from './arrival-claims.ts';
import type { ClaimRequestEvent } from './associate-events.ts';

/** The associate asking, from their verified token. */
export interface ClaimActor {
  associateId: string;
  name: string;
}

/** Something an associate did that the cloud should hear of, at the claim's new revision. */
export type ClaimFact =
  | { kind: 'acknowledged'; claim: ArrivalClaim; act: AssociateAct }
  | { kind: 'claimed'; claim: ArrivalClaim; act: AssociateAct; takenOverFrom: string | null }
  | { kind: 'released'; claim: ArrivalClaim; act: AssociateAct }
  | { kind: 'outcome'; claim: ArrivalClaim; recorded: RecordedOutcome };

export type ClaimChange =
  | { ok: true; claim: ArrivalClaim; facts: ClaimFact[] }
  | { ok: false; error: ClaimRefusal };

export interface ArrivalToClaim {
  alertId: string;
  customerId: string;
  arrivedAt: string;
}

export interface ClaimBoard {
  /** Makes an alert claimable; the existing claim when it is known already. */
  open(arrival: ArrivalToClaim): ArrivalClaim;
  acknowledge(alertId: string, actor: ClaimActor, at: string): ClaimChange;
  claim(alertId: string, actor: ClaimActor, at: string, takeOver: boolean): ClaimChange;
  release(alertId: string, actor: ClaimActor, at: string): ClaimChange;
  recordOutcome(
    alertId: string,
    actor: ClaimActor,
    at: string,
    outcome: { outcome: ArrivalOutcome; note: string | null },
  ): ClaimChange;
  /** Every claim kept, newest arrival first. */
  list(): ArrivalClaim[];
  /** Forgets arrivals older than `keepForMs` before `now`; says how many went. */
  prune(now: number): number;
}

export interface ClaimBoardOptions {
  /** How long an arrival stays claimable: a customer is long gone after a store day. */
  keepForMs?: number;
  /** Claims kept from before a restart. */
  restored?: readonly ArrivalClaim[];
}

const refuse = (code: ClaimRefusal['code'], message: string): ClaimChange => ({
  ok: false,
  error: { code, field: code === 'unknown_alert' ? 'alertId' : null, message },
});

const actOf = (actor: ClaimActor, at: string): AssociateAct => ({
  associateId: actor.associateId,
  name: actor.name,
  at,
});

/**
 * Who is with which arriving customer, decided in one place: one associate per arrival,
 * a colleague's claim refused unless taken over on purpose, released only by its holder.
 * Pure: the caller gives the time and keeps the facts it returns.
 */
export function createClaimBoard({
  keepForMs = 12 * 3_600_000,
  restored = [],
}: ClaimBoardOptions = {}): ClaimBoard {
  const claims = new Map<string, ArrivalClaim>(restored.map((claim) => [claim.alertId, claim]));

  const update = (current: ArrivalClaim, change: Partial<ArrivalClaim>): ArrivalClaim => {
    const next = { ...current, ...change, revision: current.revision + 1 };
    claims.set(next.alertId, next);
    return next;
  };

  /** A first acknowledgement, when nobody acknowledged the alert yet. */
  const acknowledging = (current: ArrivalClaim, act: AssociateAct): ClaimFact[] => {
    if (current.acknowledged !== null) return [];
    const claim = update(current, { acknowledged: act });
    return [{ kind: 'acknowledged', claim, act }];
  };

  const unknown = (alertId: string) =>
    refuse('unknown_alert', `alertId: no arrival ${alertId} in this store`);

  return {
    open({ alertId, customerId, arrivedAt }) {
      const known = claims.get(alertId);
      if (known) return known;
      const claim: ArrivalClaim = {
        alertId,
        customerId,
        arrivedAt,
        acknowledged: null,
        claimedBy: null,
        outcomes: [],
        revision: 0,
      };
      claims.set(alertId, claim);
      return claim;
    },

    acknowledge(alertId, actor, at) {
      const current = claims.get(alertId);
      if (!current) return unknown(alertId);
      const facts = acknowledging(current, actOf(actor, at));
      return { ok: true, claim: claims.get(alertId) ?? current, facts };
    },

    claim(alertId, actor, at, takeOver) {
      const current = claims.get(alertId);
      if (!current) return unknown(alertId);
      const holder = current.claimedBy;
      if (holder?.associateId === actor.associateId) return { ok: true, claim: current, facts: [] };
      if (holder !== null && !takeOver) {
        return refuse(
          'claimed_by_colleague',
          `${holder.name} is already with this customer (since ${holder.at}); take over to claim it`,
        );
      }
      const act = actOf(actor, at);
      const facts = acknowledging(current, act);
      const claim = update(claims.get(alertId) ?? current, { claimedBy: act });
      facts.push({ kind: 'claimed', claim, act, takenOverFrom: holder?.associateId ?? null });
      return { ok: true, claim, facts };
    },

    release(alertId, actor, at) {
      const current = claims.get(alertId);
      if (!current) return unknown(alertId);
      const holder = current.claimedBy;
      if (holder === null) return refuse('not_claimed', 'nobody is with this customer');
      if (holder.associateId !== actor.associateId) {
        return refuse('not_your_claim', `${holder.name} is with this customer, not you`);
      }
      const claim = update(current, { claimedBy: null });
      return { ok: true, claim, facts: [{ kind: 'released', claim, act: actOf(actor, at) }] };
    },

    recordOutcome(alertId, actor, at, { outcome, note }) {
      const current = claims.get(alertId);
      if (!current) return unknown(alertId);
      const holder = current.claimedBy;
      if (holder !== null && holder.associateId !== actor.associateId) {
        return refuse('not_your_claim', `${holder.name} is with this customer, not you`);
      }
      const recorded: RecordedOutcome = { ...actOf(actor, at), outcome, note };
      const facts = acknowledging(current, actOf(actor, at));
      const before = claims.get(alertId) ?? current;
      const claim = update(before, { outcomes: [...before.outcomes, recorded] });
      facts.push({ kind: 'outcome', claim, recorded });
      return { ok: true, claim, facts };
    },

    list() {
      return [...claims.values()].sort((a, b) => b.arrivedAt.localeCompare(a.arrivedAt));
    },

    prune(now) {
      let removed = 0;
      for (const [alertId, claim] of claims) {
        if (now - Date.parse(claim.arrivedAt) > keepForMs) {
          claims.delete(alertId);
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/**
 * An associate's request as it comes off the socket: parsed with its event's schema, then
 * decided by the board. An invalid payload is refused naming its field; a refusal by the
 * board carries the board's reason.
 */
export function decideClaimRequest(
  board: ClaimBoard,
  event: ClaimRequestEvent,
  payload: unknown,
  actor: ClaimActor,
  at: string,
): ClaimChange {
  const invalid = (error: Parameters<typeof refusalOfInvalid>[0]): ClaimChange => ({
    ok: false,
    error: refusalOfInvalid(error),
  });
  switch (event) {
    case 'alert:acknowledge': {
      const parsed = acknowledgeRequestSchema.safeParse(payload);
      return parsed.success
        ? board.acknowledge(parsed.data.alertId, actor, at)
        : invalid(parsed.error);
    }
    case 'arrival:claim': {
      const parsed = claimRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error);
      return board.claim(parsed.data.alertId, actor, at, parsed.data.takeOver);
    }
    case 'arrival:release': {
      const parsed = releaseRequestSchema.safeParse(payload);
      return parsed.success ? board.release(parsed.data.alertId, actor, at) : invalid(parsed.error);
    }
    case 'arrival:outcome': {
      const parsed = outcomeRequestSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error);
      const { alertId, outcome, note } = parsed.data;
      return board.recordOutcome(alertId, actor, at, { outcome, note: note || null });
    }
  }
}

/** What the asking tablet hears back about a decided request. */
export function replyOf(change: ClaimChange): ClaimReply {
  return change.ok ? { ok: true, claim: change.claim } : change;
}
