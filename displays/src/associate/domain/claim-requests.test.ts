import type { ArrivalClaim, ClaimReply } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import {
  answerRequest,
  askRequest,
  type ClaimAction,
  emptyRequestBook,
  giveUpWaiting,
  type RequestBook,
  requestPayload,
  requestUnanswered,
  resendAfterResync,
  socketLost,
} from './claim-requests.ts';

const ME = 'asc_aiko';
const aiko = { associateId: ME, name: 'Aiko Sato', at: '2026-11-23T05:02:00.000Z' };
const kenji = { associateId: 'asc_kenji', name: 'Kenji Mori', at: '2026-11-23T05:03:00.000Z' };

const claimOf = (change: Partial<ArrivalClaim> = {}): ArrivalClaim => ({
  alertId: 'alr_1',
  customerId: 'cus_000001',
  arrivedAt: '2026-11-23T05:00:00.000Z',
  acknowledged: null,
  claimedBy: null,
  outcomes: [],
  revision: 1,
  ...change,
});

const ask = (
  action: ClaimAction,
  { book = emptyRequestBook, connected = true, claim = claimOf(), id = 1, now = 0 } = {},
): RequestBook => askRequest(book, { id, alertId: 'alr_1', action, claim, me: ME, now, connected });

const ok = (claim: ArrivalClaim): ClaimReply => ({ ok: true, claim });
const refused = (message: string): ClaimReply => ({
  ok: false,
  error: { code: 'claimed_by_colleague', field: null, message },
});

describe('a request from a card', () => {
  it('is sending while connected and done once the edge agrees', () => {
    const book = ask({ kind: 'claim', takeOver: false });
    expect(book.pending.get('alr_1')?.state).toBe('sending');
    const done = answerRequest(book, 1, ok(claimOf({ claimedBy: aiko })));
    expect(done.pending.size).toBe(0);
    expect(done.problems.size).toBe(0);
  });

  it('shows the edge’s reason when refused', () => {
    const book = ask({ kind: 'claim', takeOver: false });
    const answered = answerRequest(book, 1, refused('Kenji Mori is already with this customer'));
    expect(answered.pending.size).toBe(0);
    expect(answered.problems.get('alr_1')).toBe('Kenji Mori is already with this customer');
  });

  it('clears the last refusal when the associate tries again', () => {
    const refusedOnce = answerRequest(ask({ kind: 'release' }), 1, refused('nobody is with'));
    const again = ask({ kind: 'release' }, { book: refusedOnce, id: 2 });
    expect(again.problems.size).toBe(0);
  });

  it('ignores a late answer to an earlier request', () => {
    const book = ask({ kind: 'claim', takeOver: true }, { id: 2 });
    expect(answerRequest(book, 1, refused('old'))).toBe(book);
  });

  it('says so when the edge never answers on a live socket', () => {
    const book = requestUnanswered(ask({ kind: 'acknowledge' }), 1);
    expect(book.pending.size).toBe(0);
    expect(book.problems.get('alr_1')).toMatch(/did not answer/);
  });

  it('carries the take-over flag and the outcome’s note in the contract’s shape', () => {
    expect(requestPayload('alr_1', { kind: 'claim', takeOver: true })).toEqual({
      alertId: 'alr_1',
      takeOver: true,
    });
    expect(
      requestPayload('alr_1', { kind: 'outcome', outcome: 'purchase', note: 'Two scarves' }),
    ).toEqual({ alertId: 'alr_1', outcome: 'purchase', note: 'Two scarves' });
  });
});

describe('a socket lost mid-request', () => {
  it('holds the request, then resends it after the resync when the edge does not show it done', () => {
    const lost = socketLost(ask({ kind: 'claim', takeOver: false }));
    expect(lost.pending.get('alr_1')?.state).toBe('waiting');
    const { book, resend } = resendAfterResync(lost, new Map([['alr_1', claimOf()]]), ME);
    expect(resend.map((request) => request.action.kind)).toEqual(['claim']);
    expect(book.pending.get('alr_1')?.state).toBe('sending');
  });

  it('settles a claim the edge took before the socket dropped, without sending it twice', () => {
    const lost = socketLost(ask({ kind: 'claim', takeOver: false }));
    const claims = new Map([['alr_1', claimOf({ claimedBy: aiko, revision: 2 })]]);
    const { book, resend } = resendAfterResync(lost, claims, ME);
    expect(resend).toEqual([]);
    expect(book.pending.size).toBe(0);
  });

  it('records an outcome once even when its answer was lost', () => {
    const before = claimOf({ claimedBy: aiko });
    const lost = socketLost(
      ask({ kind: 'outcome', outcome: 'purchase', note: null }, { claim: before }),
    );
    const recorded = { ...aiko, outcome: 'purchase' as const, note: null };
    const after = claimOf({ claimedBy: aiko, outcomes: [recorded], revision: 2 });
    expect(resendAfterResync(lost, new Map([['alr_1', after]]), ME).resend).toEqual([]);
    expect(resendAfterResync(lost, new Map([['alr_1', before]]), ME).resend).toHaveLength(1);
  });

  it('treats a release as done once the edge shows someone else, or nobody, holding it', () => {
    const lost = socketLost(ask({ kind: 'release' }, { claim: claimOf({ claimedBy: aiko }) }));
    const taken = new Map([['alr_1', claimOf({ claimedBy: kenji, revision: 3 })]]);
    expect(resendAfterResync(lost, taken, ME).resend).toEqual([]);
  });

  it('fails a request held too long without a connection, saying it was not sent', () => {
    const held = ask({ kind: 'claim', takeOver: false }, { connected: false, now: 1_000 });
    expect(giveUpWaiting(held, 30_000, { maxWaitMs: 60_000 })).toBe(held);
    const failed = giveUpWaiting(held, 62_000, { maxWaitMs: 60_000 });
    expect(failed.pending.size).toBe(0);
    expect(failed.problems.get('alr_1')).toMatch(/^Not sent: no connection to the store for 60 s/);
  });

  it('never gives up on a request that is on the wire', () => {
    const sending = ask({ kind: 'claim', takeOver: false }, { now: 0 });
    expect(giveUpWaiting(sending, 120_000)).toBe(sending);
  });
});
