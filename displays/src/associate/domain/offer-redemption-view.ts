import type { OfferRedeemReply } from '@vitrine/shared';
import { formatClockTime } from './relative-time.ts';

/** What the tablet got back: the edge's answer, or nothing in time. */
export type RedeemAnswer = OfferRedeemReply | 'unreachable';

export interface RedemptionLine {
  tone: 'done' | 'refused' | 'retry';
  text: string;
}

/**
 * The line under an offer after "Mark redeemed": done, or the edge's reason in its own
 * words (already redeemed says when and by whom, an expired offer says so).
 */
export function redemptionLine(
  answer: RedeemAnswer,
  { locale, timeZone }: { locale?: string; timeZone?: string } = {},
): RedemptionLine {
  if (answer === 'unreachable') {
    return { tone: 'retry', text: 'The store system did not answer. Try again.' };
  }
  if (answer.ok) {
    const at = formatClockTime(answer.redemption.redeemedAt, {
      ...(locale ? { locale } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    return { tone: 'done', text: `Redeemed at ${at}` };
  }
  return { tone: 'refused', text: answer.error.message };
}
