import type { Logger } from '../observability/logger.ts';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './domain/backoff.ts';
import type { DurableOutbox } from './durable-outbox.ts';
import type { SendBatch } from './ingest-client.ts';
import type { OutboxMetrics } from './outbox-metrics.ts';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A timer that an abort ends early (on stop); it never rejects. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export interface OutboxUploaderOptions {
  outbox: Pick<DurableOutbox, 'nextBatch' | 'ack' | 'whenAppended' | 'pendingTotal'>;
  send: SendBatch;
  metrics: OutboxMetrics;
  logger: Logger;
  sleep?: Sleep;
  /** In [0, 1): the jitter of the backoff. */
  random?: () => number;
  backoff?: BackoffPolicy;
  maxRecords?: number;
  maxBytes?: number;
}

export interface OutboxUploader {
  start(): void;
  /**
   * Uploads what it can within flushTimeoutMs (stopping at the first failure: no backoff
   * on the way out), then stops. What is left stays on disk for the next start.
   */
  stop(options?: { flushTimeoutMs?: number }): Promise<void>;
  /** Failed attempts in a row; 0 after a success. */
  readonly failuresInARow: number;
}

/**
 * Drains the outbox to the cloud, a batch at a time, highest priority first. A batch is
 * acknowledged on disk only after the cloud confirmed every record of it, so a crash at
 * any point resends (the cloud's idempotency keys absorb the repeat) and never loses.
 */
export function createOutboxUploader({
  outbox,
  send,
  metrics,
  logger,
  sleep = realSleep,
  random = Math.random,
  backoff = DEFAULT_BACKOFF,
  maxRecords = 500,
  maxBytes = 256 * 1024,
}: OutboxUploaderOptions): OutboxUploader {
  /** Aborts an upload in flight: the flush deadline of stop(). */
  const hardStop = new AbortController();
  /** Ends waits (for appends, in a backoff) when stop() is called. */
  const wake = new AbortController();
  let running: Promise<void> | null = null;
  let stopping = false;
  let failures = 0;
  let batchRecords = maxRecords;
  /** Keys the cloud named as invalid (400): dropped so they do not block the rest forever. */
  const rejected = new Set<string>();

  /** One upload attempt: idle (nothing pending), sent (go on at once) or failed (waited). */
  async function uploadOnce(): Promise<'idle' | 'sent' | 'failed'> {
    const batch = await outbox.nextBatch({ maxRecords: batchRecords, maxBytes });
    if (batch === null) return 'idle';
    const entries = batch.entries.filter((entry) => {
      if (!rejected.has(entry.event.key)) return true;
      metrics.droppedRejected.inc({ kind: entry.event.kind });
      return false;
    });
    if (entries.length === 0) {
      await outbox.ack(batch);
      rejected.clear();
      return 'sent';
    }
    const events = entries.map((entry) => entry.event);
    const result = await send(events, hardStop.signal);
    if (result.ok) {
      await outbox.ack(batch);
      rejected.clear();
      failures = 0;
      for (const event of events) metrics.uploaded.inc({ kind: event.kind });
      metrics.duplicates.inc(result.duplicates.length);
      logger.debug(
        {
          priority: batch.priority,
          accepted: result.accepted.length,
          duplicates: result.duplicates.length,
        },
        'outbox batch uploaded',
      );
      return 'sent';
    }
    metrics.uploadFailures.inc({ reason: result.reason });
    if (result.reason === 'too_large' && batchRecords > 1) {
      batchRecords = Math.max(1, Math.floor(events.length / 2));
      logger.warn({ batchRecords }, 'cloud refused the batch as too large; sending smaller ones');
      return 'sent';
    }
    if (result.reason === 'rejected' && result.rejectedIndexes.length > 0) {
      for (const index of result.rejectedIndexes) {
        const event = events[index];
        if (event) rejected.add(event.key);
      }
      logger.error(
        { keys: [...rejected], detail: result.detail },
        'cloud refused records as invalid; dropping them',
      );
      return 'sent';
    }
    failures += 1;
    logger.warn(
      { reason: result.reason, detail: result.detail, failuresInARow: failures },
      'outbox upload failed',
    );
    if (stopping) return 'failed';
    const delay = result.retryAfterMs ?? backoffDelay(failures, random(), backoff);
    await sleep(delay, wake.signal);
    return 'failed';
  }

  async function loop(): Promise<void> {
    while (!hardStop.signal.aborted) {
      let outcome: 'idle' | 'sent' | 'failed';
      try {
        outcome = await uploadOnce();
      } catch (error) {
        // A disk error reading or acknowledging: wait like any failure, never crash the edge.
        logger.error({ err: error }, 'outbox upload step failed');
        failures += 1;
        outcome = 'failed';
        if (!stopping) await sleep(backoffDelay(failures, random(), backoff), wake.signal);
      }
      if (stopping && outcome !== 'sent') return;
      if (outcome === 'idle') await outbox.whenAppended(wake.signal);
    }
  }

  return {
    start() {
      running ??= loop();
    },
    async stop({ flushTimeoutMs = 5000 } = {}) {
      stopping = true;
      // Ends a wait for appends or a backoff sleep: the loop then sees `stopping`.
      wake.abort();
      const deadline = setTimeout(() => hardStop.abort(), flushTimeoutMs);
      try {
        await running;
      } finally {
        clearTimeout(deadline);
        hardStop.abort();
      }
    },
    get failuresInARow() {
      return failures;
    },
  };
}
