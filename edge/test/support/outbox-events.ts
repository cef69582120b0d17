import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestEvent } from '@vitrine/shared';

/** A fresh folder of its own for one outbox. */
export const outboxDir = () => mkdtemp(join(tmpdir(), 'vitrine-outbox-'));

/** A check-in fact numbered n (its key is stable, so a resend is recognisable). */
export function checkInFact(
  store: string,
  n: number,
  { tag = 'f', at = '2026-11-23T10:00:00.000Z' } = {},
): IngestEvent {
  const messageId = `msg_${tag}${String(n).padStart(8, '0')}`;
  return {
    key: `check-in:${messageId}`,
    kind: 'check-in',
    store,
    occurredAt: at,
    data: { messageId, customerId: 'cus_000001', method: 'app', clientId: 'app-test' },
  };
}

export function alertFact(
  store: string,
  n: number,
  { tag = 'a', at = '2026-11-23T10:00:00.000Z' } = {},
): IngestEvent {
  const messageId = `msg_${tag}${String(n).padStart(8, '0')}`;
  return {
    key: `alert:${messageId}`,
    kind: 'alert',
    store,
    occurredAt: at,
    data: {
      alertId: `alr_${n}`,
      customerId: 'cus_000001',
      source: 'check-in',
      sourceMessageId: messageId,
      zoneId: null,
      degraded: false,
      freshness: 'fresh',
    },
  };
}
