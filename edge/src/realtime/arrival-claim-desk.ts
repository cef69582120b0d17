import {
  type ArrivalAlert,
  type ArrivalClaim,
  type ClaimActor,
  type ClaimChange,
  type ClaimReply,
  type ClaimRequestEvent,
  createClaimBoard,
  decideClaimRequest,
  type IngestEvent,
  replyOf,
} from '@vitrine/shared';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../observability/logger.ts';
import { claimFactEvent } from './claim-reports.ts';
import { readClaimsFile, writeClaimsFile } from './claims-file.ts';

export interface ClaimDeskOptions {
  storeId: string;
  /** Where the claims are kept across restarts: `EDGE_DATA_DIR`. */
  dir: string;
  outbox: { append(event: IngestEvent): Promise<void> };
  registry: Registry;
  logger: Logger;
  now: () => number;
  keepForMs?: number;
}

export interface ClaimRequestResult {
  reply: ClaimReply;
  /** The claim as it now stands, when the request changed it: for the store's room. */
  changed: ArrivalClaim | null;
}

/** The edge's side of claims: requests checked, decided, kept on disk and reported. */
export interface ArrivalClaimDesk {
  /** An alert pushed to the associates becomes claimable. */
  open(alert: ArrivalAlert): ArrivalClaim;
  list(): ArrivalClaim[];
  request(
    event: ClaimRequestEvent,
    payload: unknown,
    actor: ClaimActor,
  ): Promise<ClaimRequestResult>;
}

export async function openArrivalClaimDesk({
  storeId,
  dir,
  outbox,
  registry,
  logger,
  now,
  keepForMs,
}: ClaimDeskOptions): Promise<ArrivalClaimDesk> {
  const requests = new Counter({
    name: 'vitrine_edge_claim_requests_total',
    help: 'Associate requests about arrivals (acknowledge, claim, release, outcome), by outcome',
    labelNames: ['event', 'outcome'],
    registers: [registry],
  });
  const read = await readClaimsFile(dir);
  if (!read.ok)
    logger.error({ detail: read.detail }, 'arrival claims unreadable; starting with none');
  const board = createClaimBoard({
    ...(keepForMs === undefined ? {} : { keepForMs }),
    restored: read.ok ? read.claims : [],
  });
  board.prune(now());
  logger.info({ claims: board.list().length }, 'arrival claims restored');

  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = saving.catch(() => undefined).then(() => writeClaimsFile(dir, board.list()));
    return saving;
  };

  /** Kept and reported before the associate hears it is done; a failure is logged. */
  const record = async (change: Extract<ClaimChange, { ok: true }>) => {
    try {
      await Promise.all([
        save(),
        ...change.facts.map((fact) => outbox.append(claimFactEvent(fact, storeId))),
      ]);
    } catch (error) {
      logger.error({ err: error, alertId: change.claim.alertId }, 'arrival claim not recorded');
    }
  };

  return {
    open(alert) {
      board.prune(now());
      const claim = board.open(alert);
      save().catch((error: unknown) =>
        logger.error({ err: error, alertId: alert.alertId }, 'arrival claims not saved'),
      );
      return claim;
    },
    list: () => board.list(),
    async request(event, payload, actor) {
      const change = decideClaimRequest(
        board,
        event,
        payload,
        actor,
        new Date(now()).toISOString(),
      );
      if (!change.ok) {
        requests.inc({ event, outcome: change.error.code });
        if (change.error.code === 'validation_failed') {
          const { field, message } = change.error;
          logger.warn({ event, associateId: actor.associateId, field }, message);
        }
        return { reply: change, changed: null };
      }
      requests.inc({ event, outcome: 'ok' });
      if (change.facts.length === 0) return { reply: replyOf(change), changed: null };
      await record(change);
      logger.info(
        { event, alertId: change.claim.alertId, associateId: actor.associateId },
        'arrival claim changed',
      );
      return { reply: replyOf(change), changed: change.claim };
    },
  };
}
