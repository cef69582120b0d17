import { type EdgeReport, edgeReportSchema } from '@vitrine/shared';
import type { Logger } from '../observability/logger.ts';
import { periodicTask } from '../sync/periodic-task.ts';
import type { FleetMetrics } from './fleet-metrics.ts';

export interface EdgeReportSenderOptions {
  cloudUrl: string;
  /** The edge's device token, bound to its store. */
  token: string;
  storeId: string;
  /** The report as of now; built afresh for every send. */
  report: () => EdgeReport;
  intervalMs?: number;
  timeoutMs?: number;
  metrics: FleetMetrics;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
}

export type ReportOutcome =
  | 'sent'
  | 'invalid_report'
  | 'unreachable'
  | 'timeout'
  | `http_${number}`;

export interface EdgeReportSender {
  /** Sends now, then every interval. */
  start(): void;
  sendOnce(): Promise<ReportOutcome>;
  stop(): Promise<void>;
}

/**
 * The edge's state to the cloud (`POST /v1/stores/{storeId}/edge/report`), at start and
 * every interval. Only the latest report matters: a failed one is not kept or retried
 * early, the next tick sends a fresh one.
 */
export function createEdgeReportSender({
  cloudUrl,
  token,
  storeId,
  report,
  intervalMs = 30_000,
  timeoutMs = 5000,
  metrics,
  logger,
  fetch = globalThis.fetch,
}: EdgeReportSenderOptions): EdgeReportSender {
  const url = new URL(`/v1/stores/${encodeURIComponent(storeId)}/edge/report`, cloudUrl);

  async function post(): Promise<ReportOutcome> {
    const parsed = edgeReportSchema.safeParse(report());
    if (!parsed.success) {
      // The edge's own mistake: said loudly, since no later tick will fix it.
      logger.error({ issues: parsed.error.issues }, 'edge report invalid; not sent');
      return 'invalid_report';
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(parsed.data),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? 'sent' : `http_${response.status}`;
    } catch (error) {
      return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
    }
  }

  const task = periodicTask(intervalMs, () =>
    post().then((outcome) => {
      metrics.reports.inc({ outcome });
      if (outcome !== 'sent') logger.debug({ outcome }, 'edge report not delivered; next tick');
      return outcome;
    }),
  );

  return {
    start() {
      void task.start();
    },
    sendOnce: task.runNow,
    stop: task.stop,
  };
}
