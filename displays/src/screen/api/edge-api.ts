import {
  type ScreenPlay,
  type ScreenPlayerContent,
  screenPlayerContentSchema,
} from '@vitrine/shared';
import { z } from 'zod';

export type ContentAnswer =
  | { outcome: 'changed'; content: ScreenPlayerContent }
  | { outcome: 'unchanged' }
  /** The edge refused the token: the screen is not (or no longer) paired. */
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'unreachable' };

const problemSchema = z.object({ error: z.object({ message: z.string() }) });

const headers = (token: string) => ({ authorization: `Bearer ${token}` });

/** The screen's content from its edge, asked with the version it holds. */
export async function fetchContent(
  token: string,
  heldVersion: string | null,
): Promise<ContentAnswer> {
  let response: Response;
  try {
    response = await fetch('/screen/api/content', {
      headers: {
        ...headers(token),
        ...(heldVersion ? { 'if-none-match': `"${heldVersion}"` } : {}),
      },
      cache: 'no-store',
    });
  } catch {
    return { outcome: 'unreachable' };
  }
  if (response.status === 304) return { outcome: 'unchanged' };
  if (response.status === 401 || response.status === 403) {
    const problem = problemSchema.safeParse(await response.json().catch(() => null));
    const message = problem.success ? problem.data.error.message : response.statusText;
    return { outcome: 'refused', status: response.status, message };
  }
  if (!response.ok) return { outcome: 'unreachable' };
  const content = screenPlayerContentSchema.safeParse(await response.json().catch(() => null));
  if (!content.success) return { outcome: 'unreachable' };
  return { outcome: 'changed', content: content.data };
}

/** Sends kept plays; true when the edge has them (it keeps each play once, by its id). */
export async function sendPlays(token: string, plays: readonly ScreenPlay[]): Promise<boolean> {
  try {
    const response = await fetch('/screen/api/plays', {
      method: 'POST',
      headers: { ...headers(token), 'content-type': 'application/json' },
      body: JSON.stringify({ plays }),
    });
    return response.status === 202;
  } catch {
    return false;
  }
}
