import {
  type ScreenPlay,
  type ScreenPlayerContent,
  screenPlayerContentSchema,
  screenPlaySchema,
} from '@vitrine/shared';
import { z } from 'zod';

const KEYS = {
  token: 'vitrine.screen.token',
  content: 'vitrine.screen.content',
  plays: 'vitrine.screen.plays',
} as const;

function readJson<T>(key: string, schema: z.ZodType<T>): T | null {
  const text = localStorage.getItem(key);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What the player keeps in the browser so that it plays on with the edge down: its token,
 * the last content the edge gave it, and the plays not yet sent. Each is parsed on the
 * way back, as anything read from outside is.
 */
export const screenStorage = {
  /** The token from the page's `#token=…` link, kept; the link is then cleaned. */
  takeToken(): string | null {
    const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromLink) {
      localStorage.setItem(KEYS.token, fromLink);
      history.replaceState(null, '', location.pathname + location.search);
      return fromLink;
    }
    return localStorage.getItem(KEYS.token);
  },
  content: (): ScreenPlayerContent | null => readJson(KEYS.content, screenPlayerContentSchema),
  saveContent(content: ScreenPlayerContent): void {
    localStorage.setItem(KEYS.content, JSON.stringify(content));
  },
  plays: (): ScreenPlay[] => readJson(KEYS.plays, z.array(screenPlaySchema)) ?? [],
  savePlays(plays: readonly ScreenPlay[]): void {
    localStorage.setItem(KEYS.plays, JSON.stringify(plays));
  },
};
