import { mkdir, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { replaceFile } from '../outbox/ack-file.ts';

const ALIVE_FILE = 'alive.json';
const aliveSchema = z.object({ aliveAt: z.number().int().nonnegative() });

/** When the edge was last known running before this start, and when this start began. */
export interface Downtime {
  /** ms since the epoch; the edge stopped (or was killed) at most a heartbeat after it. */
  lastAliveAt: number;
  startedAt: number;
}

export interface DowntimeRecord {
  /** Null on a first start, or when the record could not be read. */
  readonly downtime: Downtime | null;
  /** Writes the stop time and stops the heartbeat. */
  stop(): Promise<void>;
}

export interface DowntimeRecordOptions {
  /** `EDGE_DATA_DIR/lifetime`. */
  dir: string;
  now?: () => number;
  /** How often "still running" is written: the precision of a downtime after a crash. */
  heartbeatMs?: number;
  onWriteFailed?: (error: unknown) => void;
}

/**
 * The edge's own record of when it runs: a heartbeat on disk, and its stop time. Read at
 * start, it says how long the edge was down, which is the only trustworthy evidence of
 * what a broker may have held for it meanwhile (a message carries no broker time).
 */
export async function openDowntimeRecord({
  dir,
  now = Date.now,
  heartbeatMs = 10_000,
  onWriteFailed = () => {},
}: DowntimeRecordOptions): Promise<DowntimeRecord> {
  await mkdir(dir, { recursive: true });
  const startedAt = now();
  const previous = await readAlive(dir);
  const write = () =>
    replaceFile(dir, ALIVE_FILE, JSON.stringify({ aliveAt: now() })).catch(onWriteFailed);
  await write();
  const heartbeat = setInterval(() => void write(), heartbeatMs);
  heartbeat.unref();
  return {
    downtime:
      previous === null || previous > startedAt ? null : { lastAliveAt: previous, startedAt },
    async stop() {
      clearInterval(heartbeat);
      await write();
    },
  };
}

async function readAlive(dir: string): Promise<number | null> {
  try {
    const parsed = aliveSchema.safeParse(
      JSON.parse(await readFile(`${dir}/${ALIVE_FILE}`, 'utf8')),
    );
    return parsed.success ? parsed.data.aliveAt : null;
  } catch {
    return null;
  }
}
