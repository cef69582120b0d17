import { Counter, Gauge, type Registry } from 'prom-client';
import { OUTBOX_PRIORITIES, type OutboxPriority } from './domain/outbox-kinds.ts';

/** Why an upload did not go through; the `reason` label of the failure counter. */
export const UPLOAD_FAILURES = [
  'unreachable',
  'timeout',
  'server_error',
  'overloaded',
  'too_large',
  'rejected',
  'refused',
  'invalid_response',
] as const;
export type UploadFailure = (typeof UPLOAD_FAILURES)[number];

export interface OutboxMetrics {
  pending: Gauge<'priority'>;
  appended: Counter<'kind'>;
  uploaded: Counter<'kind'>;
  duplicates: Counter;
  droppedExpired: Counter<'kind'>;
  droppedRejected: Counter<'kind'>;
  droppedErased: Counter<'kind'>;
  corruptRecords: Counter;
  uploadFailures: Counter<'reason'>;
  /** The outbox whose backlog the gauges read when scraped (not on every append). */
  observe(source: OutboxBacklog): void;
}

export interface OutboxBacklog {
  pending(): Record<OutboxPriority, number>;
  /** When the oldest pending record was appended; null when none is pending. */
  oldestAppendedAt(): number | null;
}

export interface OutboxMetricsOptions {
  registry: Registry;
  now?: () => number;
}

/** The `vitrine_edge_outbox_*` metrics, registered in the edge's registry. */
export function createOutboxMetrics({
  registry,
  now = Date.now,
}: OutboxMetricsOptions): OutboxMetrics {
  const registers = [registry];
  let source: OutboxBacklog | null = null;
  const pending = new Gauge({
    name: 'vitrine_edge_outbox_pending',
    help: 'Records waiting for the cloud to acknowledge them, by priority',
    labelNames: ['priority'],
    registers,
    collect() {
      const counts = source?.pending();
      for (const priority of OUTBOX_PRIORITIES) this.set({ priority }, counts?.[priority] ?? 0);
    },
  });
  new Gauge({
    name: 'vitrine_edge_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest record waiting for the cloud (0 when none waits)',
    registers,
    collect() {
      const oldest = source?.oldestAppendedAt() ?? null;
      this.set(oldest === null ? 0 : Math.max(0, now() - oldest) / 1000);
    },
  });
  return {
    pending,
    appended: new Counter({
      name: 'vitrine_edge_outbox_appended_total',
      help: 'Records made durable in the outbox, by kind',
      labelNames: ['kind'],
      registers,
    }),
    uploaded: new Counter({
      name: 'vitrine_edge_outbox_uploaded_total',
      help: 'Records the cloud acknowledged (stored now or already held), by kind',
      labelNames: ['kind'],
      registers,
    }),
    duplicates: new Counter({
      name: 'vitrine_edge_outbox_duplicates_total',
      help: 'Records the cloud already held when they were uploaded (a resend after a lost answer)',
      registers,
    }),
    droppedExpired: new Counter({
      name: 'vitrine_edge_outbox_dropped_expired_total',
      help: 'Records dropped unsent because they outlived the time to live of their kind',
      labelNames: ['kind'],
      registers,
    }),
    droppedRejected: new Counter({
      name: 'vitrine_edge_outbox_dropped_rejected_total',
      help: 'Records the cloud refused as invalid (400 naming them), dropped so the rest flows',
      labelNames: ['kind'],
      registers,
    }),
    droppedErased: new Counter({
      name: 'vitrine_edge_outbox_dropped_erased_total',
      help: 'Records dropped unsent because their customer was erased while they waited',
      labelNames: ['kind'],
      registers,
    }),
    corruptRecords: new Counter({
      name: 'vitrine_edge_outbox_corrupt_records_total',
      help: 'Damaged records found on disk (a torn write at power loss) and cut away',
      registers,
    }),
    uploadFailures: new Counter({
      name: 'vitrine_edge_outbox_upload_failures_total',
      help: 'Upload attempts that failed, by reason',
      labelNames: ['reason'],
      registers,
    }),
    observe(backlog) {
      source = backlog;
    },
  };
}
