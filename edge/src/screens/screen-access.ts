import type { ErrorCode, StoreContentFeed } from '@vitrine/shared';
import type { ScreenTokens } from './screen-tokens.ts';

export type ScreenInFeed = StoreContentFeed['screens'][number];

export type ScreenAccess =
  | { ok: true; screen: ScreenInFeed }
  | { ok: false; status: 401 | 403 | 503; code: ErrorCode; reason: string };

/**
 * Who a bearer token opens the screen routes for: a screen token of this edge, for a
 * screen the store's content names now (registered and not retired). Every route and the
 * socket ask this one function.
 */
export async function authorizeScreen(
  token: string | null,
  tokens: ScreenTokens,
  feed: StoreContentFeed | null,
): Promise<ScreenAccess> {
  if (token === null)
    return { ok: false, status: 401, code: 'unauthorized', reason: 'missing screen token' };
  const checked = await tokens.check(token);
  if (!checked.ok) {
    const code: ErrorCode = checked.status === 401 ? 'unauthorized' : 'forbidden';
    return { ok: false, status: checked.status, code, reason: checked.reason };
  }
  if (feed === null) {
    return {
      ok: false,
      status: 503,
      code: 'cloud_unreachable',
      reason: 'screen content not synced from the cloud yet',
    };
  }
  const screen = feed.screens.find((candidate) => candidate.id === checked.claims.screen);
  if (screen === undefined) {
    const reason = `screen ${checked.claims.screen} is not registered in ${feed.storeId}, or retired`;
    return { ok: false, status: 403, code: 'forbidden', reason };
  }
  return { ok: true, screen };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerOf(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}
