import type { ScreenPlayerContent } from '@vitrine/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchContent, sendPlays } from '../api/edge-api.ts';
import { keepMedia, registerMediaCache } from '../api/media-cache.ts';
import { openScreenSocket } from '../api/screen-socket.ts';
import { screenStorage } from '../api/screen-storage.ts';
import {
  type HeldInterrupt,
  nowPlaying,
  type OnScreen,
  sameShowing,
} from '../domain/now-playing.ts';
import { enqueue, playOf, type Showing, withoutSent } from '../domain/play-record.ts';

export type PlayerStatus = 'unpaired' | 'refused' | 'waiting' | 'playing';

export interface PlayerState {
  status: PlayerStatus;
  /** Why the edge refused the screen, when it did. */
  reason: string | null;
  onScreen: OnScreen | null;
  /** The signed content codes of product cards' products, by SKU, for their QR. */
  codes: Readonly<Record<string, string>>;
  /** Whether the edge's live channel is up; the player plays on either way. */
  online: boolean;
}

/** A look at the schedule at least this often, so that a changed clock is caught. */
const MAX_WAIT_MS = 60_000;
const REFRESH_MS = 60_000;
const PLAYS_PER_UPLOAD = 500;

/**
 * The player: the schedule of the content it holds (from the edge, or kept in the
 * browser), interrupts for its zone, media that fails skipped, and a proof of every play
 * kept in the browser until the edge has it.
 */
export function usePlayer(token: string | null): {
  state: PlayerState;
  skip: (contentId: string) => void;
} {
  const [state, setState] = useState<PlayerState>({
    status: token === null ? 'unpaired' : 'waiting',
    reason: null,
    onScreen: null,
    codes: {},
    online: false,
  });
  const content = useRef<ScreenPlayerContent | null>(null);
  const skipped = useRef(new Set<string>());
  const interrupt = useRef<HeldInterrupt | null>(null);
  /** What is drawn now; `showing` is the same unless its media failed (then no proof). */
  const rendered = useRef<OnScreen | null>(null);
  const showing = useRef<Showing | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sending = useRef(false);

  const flushPlays = useCallback(async () => {
    if (token === null || sending.current) return;
    const batch = screenStorage.plays().slice(0, PLAYS_PER_UPLOAD);
    if (batch.length === 0) return;
    sending.current = true;
    try {
      if (await sendPlays(token, batch))
        screenStorage.savePlays(withoutSent(screenStorage.plays(), batch));
    } finally {
      sending.current = false;
    }
  }, [token]);

  const tick = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    const held = content.current;
    if (held === null) return;
    const at = Date.now();
    const next = nowPlaying({
      content: held,
      at,
      skipped: skipped.current,
      interrupt: interrupt.current,
    });
    if (!sameShowing(rendered.current, next.onScreen)) {
      const ended = showing.current;
      const play = ended === null ? null : playOf(ended, at, crypto.randomUUID());
      if (play !== null) {
        screenStorage.savePlays(enqueue(screenStorage.plays(), play));
        void flushPlays();
      }
      showing.current = next.onScreen === null ? null : { onScreen: next.onScreen, shownAt: at };
      rendered.current = next.onScreen;
      setState((previous) => ({ ...previous, status: 'playing', onScreen: next.onScreen }));
    }
    const wait = Math.min(Math.max(next.nextChangeAt - at, 0), MAX_WAIT_MS);
    timer.current = setTimeout(tick, wait);
  }, [flushPlays]);

  const use = useCallback(
    (next: ScreenPlayerContent) => {
      content.current = next;
      skipped.current = new Set();
      setState((previous) => ({ ...previous, codes: next.codes }));
      tick();
    },
    [tick],
  );

  const refresh = useCallback(async () => {
    if (token === null) return;
    const answer = await fetchContent(token, content.current?.version ?? null);
    if (answer.outcome === 'changed') {
      screenStorage.saveContent(answer.content);
      use(answer.content);
      void keepMedia(answer.content.items);
    } else if (answer.outcome === 'refused') {
      setState((previous) => ({ ...previous, status: 'refused', reason: answer.message }));
    }
  }, [token, use]);

  useEffect(() => {
    if (token === null) return;
    const kept = screenStorage.content();
    if (kept !== null) use(kept);
    void registerMediaCache();
    void refresh();
    const close = openScreenSocket(token, {
      interrupt(received) {
        if (received.message.zoneId !== content.current?.screen.zoneId) return;
        interrupt.current = { interrupt: received, receivedAt: Date.now() };
        tick();
      },
      contentChanged: () => void refresh(),
      connected() {
        setState((previous) => ({ ...previous, online: true }));
        void flushPlays();
      },
      disconnected: () => setState((previous) => ({ ...previous, online: false })),
      refused: (reason) => setState((previous) => ({ ...previous, status: 'refused', reason })),
    });
    const poll = setInterval(() => {
      void refresh();
      void flushPlays();
    }, REFRESH_MS);
    return () => {
      close();
      clearInterval(poll);
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, [token, use, refresh, tick, flushPlays]);

  const skip = useCallback(
    (contentId: string) => {
      console.warn(`screen: media of ${contentId} failed to load; skipped`);
      skipped.current.add(contentId);
      // A failed item was never seen: no proof of play for it.
      if (showing.current?.onScreen.item.id === contentId) showing.current = null;
      tick();
    },
    [tick],
  );

  return { state, skip };
}
