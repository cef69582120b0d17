import { MessageNotKeptError } from '../intake/message-intake.ts';
import type { Logger } from '../observability/logger.ts';

/** Told once a check-in is in the outbox (no argument), or why it could not be written. */
export type Recorded = (error?: unknown) => void;

/**
 * The copies of check-ins being handled, by message id. Each settles once kept, refused
 * (nothing to keep) or not kept: a copy delivered again meanwhile (QoS 1 after a lost
 * connection) may be acknowledged only then.
 */
export function createCheckInReceipts() {
  const handling = new Map<string, Promise<void>>();
  return {
    /** Handles a first copy; `recorded` is passed on to `run`, which tells it at most once. */
    async first<T>(id: string, recorded: Recorded, run: (recorded: Recorded) => Promise<T>) {
      let settle: Recorded = () => {};
      const settled = new Promise<void>((resolve, reject) => {
        settle = (error) => (error === undefined ? resolve() : reject(error));
      });
      settled.catch(() => {});
      handling.set(id, settled);
      try {
        return await run((error) => {
          settle(error);
          recorded(error);
        });
      } finally {
        // A refusal, or a failure before the write: nothing was left to keep.
        settle();
        handling.delete(id);
      }
    },
    /** A copy delivered again: answered as the first copy is, once that one settles. */
    async again(id: string, recorded: Recorded): Promise<void> {
      const first = handling.get(id);
      if (first) await first.then(() => recorded(), recorded);
    },
  };
}

/**
 * The broker's side of a check-in flow: resolves once the check-in is in the outbox, or
 * once the flow is done without anything to keep (refused, a duplicate); rejects with
 * MessageNotKeptError when it could not be written.
 */
export function receiveOnceRecorded<M extends { payload: { id: string } }>(
  run: (message: M, recorded: Recorded) => Promise<unknown>,
  logger: Logger,
): (message: M) => Promise<void> {
  return (message) =>
    new Promise<void>((resolve, reject) => {
      const recorded: Recorded = (error) =>
        error === undefined
          ? resolve()
          : reject(new MessageNotKeptError('check-in not written', { cause: error }));
      run(message, recorded).then(
        () => resolve(),
        (error: unknown) => {
          logger.error({ err: error, messageId: message.payload.id }, 'check-in flow failed');
          resolve();
        },
      );
    });
}
