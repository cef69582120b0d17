import { messageIdSchema, ticketIdSchema } from '@vitrine/shared';
import { z } from 'zod';
import { createJsonLinesFile } from '../store/json-lines-file.ts';

/** One person through the door on a ticket. */
export interface Admission {
  ticketId: string;
  /** 1 for the first admission on the ticket, up to its `admits`. */
  admission: number;
  /** The scan that made it: a redelivered scan is answered with the same admission. */
  messageId: string;
  /** ms since the epoch; after it the ticket is refused anyway and its record can go. */
  expiresAt: number;
}

const admissionSchema = z.object({
  ticketId: ticketIdSchema,
  admission: z.number().int().positive(),
  messageId: messageIdSchema,
  expiresAt: z.number().int().nonnegative(),
});

export interface AdmissionLogRecovery {
  /** Admissions of tickets still valid, read back. */
  admissions: number;
  /** Lines that did not parse: the last one torn by a power cut, or damaged bytes. */
  unreadable: number;
}

export interface AdmissionLog {
  /** Reads what survived the last run, forgets expired tickets, and opens for appending. */
  open(): Promise<AdmissionLogRecovery>;
  /** Admissions already made on a ticket. */
  admitted(ticketId: string): number;
  /** The admission a scan already made, if it did. */
  madeBy(messageId: string): Admission | undefined;
  /** On disk (fsync) before it resolves: an admission answered is an admission kept. */
  record(admission: Admission): Promise<void>;
  close(): Promise<void>;
}

export interface AdmissionLogOptions {
  /** `EDGE_DATA_DIR/tickets`. */
  dir: string;
  now?: () => number;
}

const FILE = 'admissions.jsonl';

/**
 * The tickets admitted at this store's door, as one JSON line per admission appended and
 * synced to disk: an edge restarted, or killed, still knows how many people each ticket
 * let in, and refuses the one too many.
 */
export function createAdmissionLog({ dir, now = Date.now }: AdmissionLogOptions): AdmissionLog {
  const log = createJsonLinesFile({
    dir,
    file: FILE,
    schema: admissionSchema,
    name: 'the admission log',
  });
  const counts = new Map<string, number>();
  const byMessage = new Map<string, Admission>();

  function remember(admission: Admission) {
    counts.set(
      admission.ticketId,
      Math.max(counts.get(admission.ticketId) ?? 0, admission.admission),
    );
    byMessage.set(admission.messageId, admission);
  }

  return {
    async open() {
      const { records, unreadable } = await log.read();
      const at = now();
      const live = records.filter((admission) => admission.expiresAt > at);
      for (const admission of live) remember(admission);
      await log.openWith(live);
      return { admissions: live.length, unreadable };
    },
    admitted(ticketId) {
      return counts.get(ticketId) ?? 0;
    },
    madeBy(messageId) {
      return byMessage.get(messageId);
    },
    async record(admission) {
      await log.append(admission);
      remember(admission);
    },
    close: () => log.close(),
  };
}
