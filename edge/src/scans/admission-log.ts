import { type FileHandle, mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { messageIdSchema, ticketIdSchema } from '@vitrine/shared';
import { z } from 'zod';

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
  const path = join(dir, FILE);
  const counts = new Map<string, number>();
  const byMessage = new Map<string, Admission>();
  let handle: FileHandle | undefined;

  function remember(admission: Admission) {
    counts.set(
      admission.ticketId,
      Math.max(counts.get(admission.ticketId) ?? 0, admission.admission),
    );
    byMessage.set(admission.messageId, admission);
  }

  async function readBack(): Promise<{ live: Admission[]; unreadable: number }> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        return { live: [], unreadable: 0 };
      }
      throw error;
    }
    const live: Admission[] = [];
    let unreadable = 0;
    const at = now();
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        unreadable++;
        continue;
      }
      const parsed = admissionSchema.safeParse(json);
      if (!parsed.success) unreadable++;
      else if (parsed.data.expiresAt > at) live.push(parsed.data);
    }
    return { live, unreadable };
  }

  /** Replaces the file with the live admissions: atomically, so a crash keeps one or the other. */
  async function rewrite(live: Admission[]) {
    await mkdir(dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(live.map((admission) => `${JSON.stringify(admission)}\n`).join(''));
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

  return {
    async open() {
      const { live, unreadable } = await readBack();
      for (const admission of live) remember(admission);
      await rewrite(live);
      handle = await open(path, 'a');
      return { admissions: live.length, unreadable };
    },
    admitted(ticketId) {
      return counts.get(ticketId) ?? 0;
    },
    madeBy(messageId) {
      return byMessage.get(messageId);
    },
    async record(admission) {
      if (!handle) throw new Error('the admission log is not open');
      await handle.appendFile(`${JSON.stringify(admissionSchema.parse(admission))}\n`);
      await handle.datasync();
      remember(admission);
    },
    async close() {
      await handle?.close();
      handle = undefined;
    },
  };
}
