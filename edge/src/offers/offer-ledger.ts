import { type FileHandle, mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  associateIdSchema,
  campaignIdSchema,
  customerIdSchema,
  deliveryIdSchema,
  offerIdSchema,
  redemptionMethodSchema,
} from '@vitrine/shared';
import { z } from 'zod';

const issuedSchema = z.object({
  type: z.literal('issued'),
  deliveryId: deliveryIdSchema,
  offerId: offerIdSchema,
  campaignId: campaignIdSchema,
  customerId: customerIdSchema,
  title: z.string().min(1).max(120),
  /** ms since the epoch: the offer's end of validity when it was delivered. */
  validUntil: z.number().int(),
  /** Redemptions of this offer one customer may make. */
  perCustomer: z.number().int().positive(),
  issuedAt: z.number().int(),
});

const redeemedSchema = z.object({
  type: z.literal('redeemed'),
  deliveryId: deliveryIdSchema,
  at: z.number().int(),
  by: associateIdSchema,
  byName: z.string().max(120).nullable(),
  method: redemptionMethodSchema,
});

const ledgerLineSchema = z.discriminatedUnion('type', [issuedSchema, redeemedSchema]);

/** An offer delivered to a customer's phone in this store: what a redemption is checked against. */
export type IssuedOffer = Omit<z.infer<typeof issuedSchema>, 'type'>;
export type OfferRedeemed = Omit<z.infer<typeof redeemedSchema>, 'type'>;

export interface OfferLedgerRecovery {
  issued: number;
  redeemed: number;
  /** Lines that did not parse: the last one torn by a power cut, or damaged bytes. */
  unreadable: number;
}

export interface OfferLedger {
  /** Reads what survived the last run, forgets offers long expired, and opens for appending. */
  open(): Promise<OfferLedgerRecovery>;
  issued(deliveryId: string): IssuedOffer | undefined;
  redemptionOf(deliveryId: string): OfferRedeemed | undefined;
  /** Redemptions of one offer by one customer, across their deliveries. */
  redemptionsBy(customerId: string, offerId: string): number;
  /** On disk (fsync) before they resolve. */
  recordIssued(offer: IssuedOffer): Promise<void>;
  recordRedeemed(redemption: OfferRedeemed): Promise<void>;
  close(): Promise<void>;
}

export interface OfferLedgerOptions {
  /** `EDGE_DATA_DIR/offers`. */
  dir: string;
  now?: () => number;
  /** How long after its end an offer is still known, to say "expired" rather than "unknown". */
  keepExpiredMs?: number;
}

const FILE = 'ledger.jsonl';

/**
 * The offers this store delivered and redeemed, one JSON line each, appended and synced to
 * disk: a restarted (or killed) edge still knows a redeemed code is redeemed.
 */
export function createOfferLedger({
  dir,
  now = Date.now,
  keepExpiredMs = 30 * 24 * 60 * 60_000,
}: OfferLedgerOptions): OfferLedger {
  const path = join(dir, FILE);
  const issued = new Map<string, IssuedOffer>();
  const redeemed = new Map<string, OfferRedeemed>();
  let handle: FileHandle | undefined;

  function redemptionsBy(customerId: string, offerId: string): number {
    let count = 0;
    for (const redemption of redeemed.values()) {
      const offer = issued.get(redemption.deliveryId);
      if (offer?.customerId === customerId && offer.offerId === offerId) count++;
    }
    return count;
  }

  async function readBack(): Promise<{
    lines: z.infer<typeof ledgerLineSchema>[];
    unreadable: number;
  }> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        return { lines: [], unreadable: 0 };
      }
      throw error;
    }
    const lines: z.infer<typeof ledgerLineSchema>[] = [];
    let unreadable = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        unreadable++;
        continue;
      }
      const parsed = ledgerLineSchema.safeParse(json);
      if (parsed.success) lines.push(parsed.data);
      else unreadable++;
    }
    return { lines, unreadable };
  }

  /** Replaces the file with what is kept: atomically, so a crash keeps one or the other. */
  async function rewrite() {
    await mkdir(dir, { recursive: true });
    const kept = [
      ...[...issued.values()].map((offer) => ({ type: 'issued' as const, ...offer })),
      ...[...redeemed.values()].map((redemption) => ({ type: 'redeemed' as const, ...redemption })),
    ];
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(kept.map((line) => `${JSON.stringify(line)}\n`).join(''));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  async function append(line: z.infer<typeof ledgerLineSchema>) {
    if (!handle) throw new Error('the offer ledger is not open');
    await handle.appendFile(`${JSON.stringify(ledgerLineSchema.parse(line))}\n`);
    await handle.datasync();
  }

  return {
    async open() {
      const { lines, unreadable } = await readBack();
      const forgetBefore = now() - keepExpiredMs;
      for (const line of lines) {
        if (line.type === 'issued') {
          const { type: _issued, ...offer } = line;
          if (offer.validUntil >= forgetBefore) issued.set(offer.deliveryId, offer);
        } else {
          const { type: _redeemed, ...redemption } = line;
          redeemed.set(redemption.deliveryId, redemption);
        }
      }
      for (const deliveryId of redeemed.keys()) {
        if (!issued.has(deliveryId)) redeemed.delete(deliveryId);
      }
      await rewrite();
      handle = await open(path, 'a');
      return { issued: issued.size, redeemed: redeemed.size, unreadable };
    },
    issued: (deliveryId) => issued.get(deliveryId),
    redemptionOf: (deliveryId) => redeemed.get(deliveryId),
    redemptionsBy,
    async recordIssued(offer) {
      // A decision replayed after a crash issues the same delivery again: kept once.
      if (issued.has(offer.deliveryId)) return;
      await append({ type: 'issued', ...offer });
      issued.set(offer.deliveryId, offer);
    },
    async recordRedeemed(redemption) {
      await append({ type: 'redeemed', ...redemption });
      redeemed.set(redemption.deliveryId, redemption);
    },
    async close() {
      await handle?.close();
      handle = undefined;
    },
  };
}
