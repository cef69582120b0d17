import { join } from 'node:path';
import {
  customerOfIngestEvent,
  type IngestEvent,
  type IngestKind,
  ingestEventSchema,
} from '@vitrine/shared';
import { Registry } from 'prom-client';
import { z } from 'zod';
import type { LogPosition } from './ack-file.ts';
import { OUTBOX_PRIORITIES, type OutboxPriority, policyOf } from './domain/outbox-kinds.ts';
import { readErasedFile, writeErasedFile } from './erasure-file.ts';
import { createOutboxMetrics, type OutboxMetrics } from './outbox-metrics.ts';
import { SegmentLog } from './segment-log.ts';

/** One reported event as the outbox keeps it. */
export interface OutboxEntry {
  event: IngestEvent;
  appendedAt: number;
  expiresAt: number;
}

const storedEntrySchema = z.object({
  event: ingestEventSchema,
  appendedAt: z.number(),
  expiresAt: z.number(),
});

/** A run of records of one priority, from the head of its log. */
export interface OutboxBatch {
  priority: OutboxPriority;
  /** The live records, in the order they were appended. */
  entries: OutboxEntry[];
  /** Kinds of the records skipped because they outlived their time to live. */
  expired: IngestKind[];
  /** Kinds of the records skipped because their customer was erased since. */
  erased: IngestKind[];
  /** Records whose bytes were damaged or no longer parse. */
  unreadable: number;
  /** How many records acknowledging this batch removes. */
  records: number;
  end: LogPosition;
}

export interface OutboxRecovery {
  pending: Record<OutboxPriority, number>;
  corrupt: number;
  truncatedBytes: number;
  /** Customers erased whose pending reports will be dropped. */
  erased: number;
  /** Why the list of erased customers could not be read, when it could not. */
  erasedUnreadable?: string;
}

export interface DurableOutboxOptions {
  /** `EDGE_DATA_DIR/outbox`: one sub-folder (one log) per priority. */
  dir: string;
  now?: () => number;
  metrics?: OutboxMetrics;
  segmentBytes?: number;
}

export class OutboxError extends Error {
  override readonly name = 'OutboxError';
}

/**
 * Everything the edge reports to the cloud, durable before it is acknowledged to the
 * caller. One log per priority keeps each priority in order and lets a higher one be read
 * first; only a batch at a time is ever read into memory, whatever the backlog.
 */
export class DurableOutbox {
  readonly #now: () => number;
  readonly #metrics: OutboxMetrics;
  readonly #dir: string;
  readonly #logs: Record<OutboxPriority, SegmentLog>;
  /** Tombstones: customers whose pending records are dropped, never uploaded. */
  #erased = new Set<string>();
  readonly #heads = new Map<OutboxPriority, number>();
  #lastAckAt: number | null = null;
  #waiters: (() => void)[] = [];
  readonly #appendedListeners: ((event: IngestEvent) => void)[] = [];

  constructor({
    dir,
    now = Date.now,
    metrics = createOutboxMetrics({ registry: new Registry() }),
    segmentBytes,
  }: DurableOutboxOptions) {
    this.#dir = dir;
    this.#now = now;
    this.#metrics = metrics;
    const log = (priority: OutboxPriority) =>
      new SegmentLog({ dir: join(dir, priority), ...(segmentBytes ? { segmentBytes } : {}) });
    this.#logs = { high: log('high'), normal: log('normal'), low: log('low') };
  }

  async open(): Promise<OutboxRecovery> {
    const recovery: OutboxRecovery = {
      pending: { high: 0, normal: 0, low: 0 },
      corrupt: 0,
      truncatedBytes: 0,
      erased: 0,
    };
    for (const priority of OUTBOX_PRIORITIES) {
      const report = await this.#logs[priority].open();
      recovery.pending[priority] = report.pending;
      recovery.corrupt += report.corrupt;
      recovery.truncatedBytes += report.truncatedBytes;
      await this.#refreshHead(priority);
    }
    const erased = await readErasedFile(this.#dir);
    if (erased.ok) this.#erased = erased.customers;
    else recovery.erasedUnreadable = erased.detail;
    await this.#forgetErasedOnceDrained();
    recovery.erased = this.#erased.size;
    this.#metrics.corruptRecords.inc(recovery.corrupt);
    this.#metrics.observe({
      pending: () => this.pending(),
      oldestAppendedAt: () => this.oldestPendingAt(),
    });
    return recovery;
  }

  /** Resolves once the event is on disk. Throws OutboxError for an event the cloud would refuse. */
  async append(event: IngestEvent): Promise<void> {
    const parsed = ingestEventSchema.safeParse(event);
    if (!parsed.success) {
      throw new OutboxError(`not a reportable event: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    const { priority, ttlMs } = policyOf(event.kind);
    const appendedAt = this.#now();
    const entry: OutboxEntry = { event: parsed.data, appendedAt, expiresAt: appendedAt + ttlMs };
    const log = this.#logs[priority];
    await log.append(Buffer.from(JSON.stringify(entry)));
    if (!this.#heads.has(priority)) this.#heads.set(priority, appendedAt);
    this.#metrics.appended.inc({ kind: event.kind });
    for (const wake of this.#waiters.splice(0)) wake();
    for (const listener of this.#appendedListeners) listener(parsed.data);
  }

  /**
   * Tells `listener` of every event once it is on disk: a part that answers what the edge
   * reports (campaigns) hears of each fact once, from one place, whoever reported it.
   * The listener must not throw; the appender does not wait for what it does.
   */
  onAppended(listener: (event: IngestEvent) => void): void {
    this.#appendedListeners.push(listener);
  }

  /**
   * An erasure reached the edge: pending reports about these customers are never uploaded
   * (dropped when read, and counted). Durable on return, so a restart keeps the promise.
   */
  async purgeCustomers(customerIds: readonly string[]): Promise<void> {
    const fresh = customerIds.filter((customerId) => !this.#erased.has(customerId));
    if (fresh.length === 0) return;
    const next = new Set([...this.#erased, ...fresh]);
    await writeErasedFile(this.#dir, next);
    this.#erased = next;
  }

  /** The next records to upload: the highest priority with any pending. Null when none. */
  async nextBatch({
    maxRecords = 500,
    maxBytes = 256 * 1024,
  }: {
    maxRecords?: number;
    maxBytes?: number;
  } = {}): Promise<OutboxBatch | null> {
    for (const priority of OUTBOX_PRIORITIES) {
      const log = this.#logs[priority];
      if (log.pending === 0) continue;
      const read = await log.read(log.acked, { maxRecords, maxBytes });
      const batch: OutboxBatch = {
        priority,
        entries: [],
        expired: [],
        erased: [],
        unreadable: read.corrupt,
        records: read.records.length,
        end: read.end,
      };
      const now = this.#now();
      for (const record of read.records) {
        const entry = parseEntry(record.payload);
        if (entry === null) batch.unreadable += 1;
        else if (entry.expiresAt <= now) batch.expired.push(entry.event.kind);
        else if (this.#erased.has(customerOfIngestEvent(entry.event) ?? '')) {
          batch.erased.push(entry.event.kind);
        } else batch.entries.push(entry);
      }
      if (batch.records === 0 && batch.unreadable === 0) continue;
      return batch;
    }
    return null;
  }

  /** The cloud holds every record of the batch (or they were dropped): forget them. */
  async ack(batch: OutboxBatch): Promise<void> {
    await this.#logs[batch.priority].ack(batch.end, batch.records);
    for (const kind of batch.expired) this.#metrics.droppedExpired.inc({ kind });
    for (const kind of batch.erased) this.#metrics.droppedErased.inc({ kind });
    this.#metrics.corruptRecords.inc(batch.unreadable);
    await this.#refreshHead(batch.priority);
    await this.#forgetErasedOnceDrained();
    this.#lastAckAt = this.#now();
  }

  /** When the oldest record still pending was appended (epoch ms); null when none is. */
  oldestPendingAt(): number | null {
    const heads = [...this.#heads.values()];
    return heads.length > 0 ? Math.min(...heads) : null;
  }

  /** When a batch last left the outbox, confirmed by the cloud (epoch ms); null since start. */
  lastUploadAt(): number | null {
    return this.#lastAckAt;
  }

  /**
   * Once nothing is pending, no record from before an erasure is left: the tombstones
   * have done their work. (A report appended later about an erased customer, in a
   * degraded check-in, is anonymised by the cloud, which knows them no more.)
   */
  async #forgetErasedOnceDrained(): Promise<void> {
    if (this.#erased.size === 0 || this.pendingTotal() > 0) return;
    await writeErasedFile(this.#dir, []);
    this.#erased = new Set();
  }

  pending(): Record<OutboxPriority, number> {
    return {
      high: this.#logs.high.pending,
      normal: this.#logs.normal.pending,
      low: this.#logs.low.pending,
    };
  }

  pendingTotal(): number {
    return OUTBOX_PRIORITIES.reduce((sum, priority) => sum + this.#logs[priority].pending, 0);
  }

  /** Resolves at the next append, or when the signal aborts. */
  whenAppended(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        signal?.removeEventListener('abort', wake);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== wake);
        resolve();
      };
      this.#waiters.push(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  async close(): Promise<void> {
    for (const priority of OUTBOX_PRIORITIES) await this.#logs[priority].close();
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** When the oldest pending record of a priority was appended, for the age metric. */
  async #refreshHead(priority: OutboxPriority): Promise<void> {
    const log = this.#logs[priority];
    this.#heads.delete(priority);
    if (log.pending > 0) {
      const read = await log.read(log.acked, { maxRecords: 1, maxBytes: 1 });
      const first = read.records[0];
      const entry = first ? parseEntry(first.payload) : null;
      if (entry) this.#heads.set(priority, entry.appendedAt);
    }
  }
}

function parseEntry(payload: Uint8Array): OutboxEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return null;
  }
  const parsed = storedEntrySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
