import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createPacer, type PlaybackClock, realClock, yieldToLoop } from './playback.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import { createSourceHealth } from './source-health.ts';

/** One line of a recording: a reading, or a receiver going offline or coming back. */
export const replayLineSchema = z.union([
  z.strictObject({
    at: z.number().int().nonnegative(),
    receiverId: z.string().min(1).max(96),
    deviceId: z.string().min(1).max(96),
    rssi: z.number(),
  }),
  z.strictObject({
    at: z.number().int().nonnegative(),
    receiverId: z.string().min(1).max(96),
    online: z.boolean(),
  }),
]);
export type ReplayLine = z.infer<typeof replayLineSchema>;

/** A recording's line for a reading or a status, as the replay source reads it back. */
export function replayLine(line: ReplayLine): string {
  return JSON.stringify(line);
}

export interface ReplaySourceOptions {
  /** A JSON-lines file, or the lines themselves. */
  input: { file: string } | { lines: AsyncIterable<string> | Iterable<string> };
  /**
   * `realtime`: the recording is replayed as it happened (times shifted to now, `speed`
   * times faster); `fast`: as fast as possible, with the recorded times, for analysis.
   */
  pace?: 'realtime' | 'fast';
  speed?: number;
  clock?: PlaybackClock;
}

export interface ReplaySource extends PresenceSource {
  /** Resolves when the recording has been played to its end (or the source stopped). */
  readonly finished: Promise<void>;
}

function linesOf(input: ReplaySourceOptions['input']): AsyncIterable<string> | Iterable<string> {
  if ('lines' in input) return input.lines;
  return createInterface({ input: createReadStream(input.file, 'utf8'), crlfDelay: Infinity });
}

/**
 * Plays a recording of readings (JSON lines) back into the presence pipeline: the
 * store's yesterday, or a bug report, replayed against today's code. A bad line is
 * dropped and counted; the rest plays on.
 */
export function createReplaySource({
  input,
  pace = 'realtime',
  speed = 1,
  clock = realClock,
}: ReplaySourceOptions): ReplaySource {
  const health = createSourceHealth();
  let stopped = true;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  async function play(sink: PresenceSink) {
    const pacer = createPacer(clock, speed);
    let count = 0;
    for await (const text of linesOf(input)) {
      if (stopped) break;
      count++;
      if (text.trim().length === 0) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        sink.dropped('invalid-line', `line ${count}: not JSON`);
        continue;
      }
      const parsed = replayLineSchema.safeParse(json);
      if (!parsed.success) {
        sink.dropped(
          'invalid-line',
          `line ${count}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
        continue;
      }
      const line = parsed.data;
      const at = pace === 'fast' ? line.at : await pacer.until(line.at);
      if (pace === 'fast' && count % 1000 === 0) await yieldToLoop();
      if (stopped) break;
      if ('online' in line) sink.receiverStatus(line.receiverId, line.online, at);
      else
        sink.sighting({
          receiverId: line.receiverId,
          deviceId: line.deviceId,
          rssi: line.rssi,
          at,
        });
    }
    if (!stopped) health.set('running', `replay finished after ${count} lines`);
  }

  return {
    name: 'replay',
    finished,
    async start(target) {
      stopped = false;
      health.set('running');
      const sink = health.track(target);
      play(sink)
        .catch((error: unknown) => health.set('degraded', `replay failed: ${String(error)}`))
        .finally(finish);
    },
    async stop() {
      stopped = true;
      health.set('stopped');
    },
    health: () => health.snapshot(),
  };
}
