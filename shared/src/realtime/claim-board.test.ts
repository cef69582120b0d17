import { describe, expect, it } from 'vitest';
import { createClaimBoard, decideClaimRequest, replyOf } from './claim-board.ts';

const AIKO = { associateId: 'asc_aiko', name: 'Aiko Sato' };
const KENJI = { associateId: 'asc_kenji', name: 'Kenji Mori' };
const ARRIVAL = {
  alertId: 'alr_1',
  customerId: 'cus_000001',
  arrivedAt: '2026-12-02T10:00:00.000Z',
};
const at = (minute: number) => `2026-12-02T10:${String(minute).padStart(2, '0')}:00.000Z`;

function boardWithArrival() {
  const board = createClaimBoard();
  board.open(ARRIVAL);
  return board;
}

describe('claim board', () => {
  it('keeps the first acknowledgement only and reports it once', () => {
    const board = boardWithArrival();
    const first = board.acknowledge('alr_1', AIKO, at(1));
    const second = board.acknowledge('alr_1', KENJI, at(2));
    expect(first.ok && first.facts.map((f) => f.kind)).toEqual(['acknowledged']);
    expect(second.ok && second.facts).toEqual([]);
    expect(second.ok && second.claim.acknowledged).toEqual({ ...AIKO, at: at(1) });
  });

  it('acknowledges an alert claimed without being acknowledged first', () => {
    const change = boardWithArrival().claim('alr_1', AIKO, at(1), false);
    expect(change.ok && change.facts.map((f) => f.kind)).toEqual(['acknowledged', 'claimed']);
    expect(change.ok && change.claim.claimedBy).toEqual({ ...AIKO, at: at(1) });
  });

  it("refuses a colleague's claim, naming who holds it, unless taken over", () => {
    const board = boardWithArrival();
    board.claim('alr_1', AIKO, at(1), false);
    const refused = board.claim('alr_1', KENJI, at(2), false);
    expect(refused).toMatchObject({ ok: false, error: { code: 'claimed_by_colleague' } });
    expect(!refused.ok && refused.error.message).toContain('Aiko Sato');
    expect(board.list()[0]?.claimedBy?.associateId).toBe('asc_aiko');

    const taken = board.claim('alr_1', KENJI, at(3), true);
    expect(taken.ok && taken.claim.claimedBy?.associateId).toBe('asc_kenji');
    expect(taken.ok && taken.facts).toMatchObject([{ kind: 'claimed', takenOverFrom: 'asc_aiko' }]);
  });

  it('lets only the holder release, and a released arrival be claimed again', () => {
    const board = boardWithArrival();
    expect(board.release('alr_1', AIKO, at(1))).toMatchObject({
      ok: false,
      error: { code: 'not_claimed' },
    });
    board.claim('alr_1', AIKO, at(1), false);
    expect(board.release('alr_1', KENJI, at(2))).toMatchObject({
      ok: false,
      error: { code: 'not_your_claim' },
    });
    expect(board.release('alr_1', AIKO, at(3))).toMatchObject({
      ok: true,
      claim: { claimedBy: null },
    });
    expect(board.claim('alr_1', KENJI, at(4), false).ok).toBe(true);
  });

  it('records outcomes in order, by the holder or anyone when nobody holds it', () => {
    const board = boardWithArrival();
    board.claim('alr_1', AIKO, at(1), false);
    board.recordOutcome('alr_1', AIKO, at(2), { outcome: 'offer-presented', note: null });
    expect(
      board.recordOutcome('alr_1', KENJI, at(3), { outcome: 'purchase', note: 'a scarf' }),
    ).toMatchObject({ ok: false, error: { code: 'not_your_claim' } });
    const last = board.recordOutcome('alr_1', AIKO, at(4), {
      outcome: 'purchase',
      note: 'a scarf',
    });
    expect(last.ok && last.claim.outcomes.map((o) => o.outcome)).toEqual([
      'offer-presented',
      'purchase',
    ]);
  });

  it('raises the revision at every change, so each fact has a key of its own', () => {
    const board = boardWithArrival();
    const revisions = [
      board.claim('alr_1', AIKO, at(1), false),
      board.recordOutcome('alr_1', AIKO, at(2), { outcome: 'purchase', note: null }),
      board.release('alr_1', AIKO, at(3)),
    ].flatMap((change) => (change.ok ? change.facts.map((fact) => fact.claim.revision) : []));
    expect(revisions).toEqual([1, 2, 3, 4]);
  });

  it('refuses an unknown alert, naming the field', () => {
    expect(createClaimBoard().claim('alr_x', AIKO, at(1), false)).toMatchObject({
      ok: false,
      error: { code: 'unknown_alert', field: 'alertId' },
    });
  });

  it('forgets arrivals older than a store day and keeps restored ones', () => {
    const board = createClaimBoard({
      keepForMs: 3_600_000,
      restored: [
        {
          ...ARRIVAL,
          acknowledged: null,
          claimedBy: { ...AIKO, at: at(1) },
          outcomes: [],
          revision: 2,
        },
      ],
    });
    board.open({ ...ARRIVAL, alertId: 'alr_2', arrivedAt: '2026-12-02T11:30:00.000Z' });
    expect(board.prune(Date.parse('2026-12-02T10:59:00Z'))).toBe(0);
    expect(board.list().map((c) => c.alertId)).toEqual(['alr_2', 'alr_1']);
    expect(board.prune(Date.parse('2026-12-02T11:01:00Z'))).toBe(1);
    expect(board.list().map((c) => c.alertId)).toEqual(['alr_2']);
  });
});

describe('a request off the socket', () => {
  it('is parsed by its event and decided by the board', () => {
    const board = boardWithArrival();
    const change = decideClaimRequest(board, 'arrival:claim', { alertId: 'alr_1' }, AIKO, at(1));
    expect(replyOf(change)).toMatchObject({ ok: true, claim: { claimedBy: { ...AIKO } } });
    expect(change.ok && change.facts.map((fact) => fact.kind)).toEqual(['acknowledged', 'claimed']);
  });

  it('is refused naming the field when its payload is invalid, the board untouched', () => {
    const board = boardWithArrival();
    const change = decideClaimRequest(
      board,
      'arrival:outcome',
      { alertId: 'alr_1', outcome: 'sold-a-car' },
      AIKO,
      at(1),
    );
    expect(change).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', field: 'outcome' },
    });
    expect(board.list()[0]?.claimedBy).toBeNull();
  });

  it("carries the board's refusal as it is", () => {
    const change = decideClaimRequest(
      createClaimBoard(),
      'arrival:release',
      { alertId: 'alr_9' },
      AIKO,
      at(1),
    );
    expect(replyOf(change)).toMatchObject({
      ok: false,
      error: { code: 'unknown_alert', field: 'alertId' },
    });
  });
});
