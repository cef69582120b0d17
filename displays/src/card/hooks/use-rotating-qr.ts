import { encodeLoyaltyQr } from '@vitrine/shared';
import { useEffect, useState } from 'preact/hooks';
import { qrTiming } from '../domain/qr-timing.ts';

export interface RotatingQr {
  text: string | null;
  secondsLeft: number;
}

/**
 * The loyalty QR (`VP1:<pass>:<proof>`), made anew at every time step, with a countdown
 * ticking each second. A proof is bound to a store, hence the store chosen on the card.
 */
export function useRotatingQr(
  credentials: ((storeId: string) => Promise<{ pass: string; proof: string }>) | null,
  storeId: string | null,
): RotatingQr {
  const [text, setText] = useState<string | null>(null);
  const [step, setStep] = useState(() => qrTiming(Date.now()).step);
  const [secondsLeft, setSecondsLeft] = useState(() => qrTiming(Date.now()).secondsLeft);

  useEffect(() => {
    const timer = setInterval(() => {
      const timing = qrTiming(Date.now());
      setSecondsLeft(timing.secondsLeft);
      setStep(timing.step);
    }, 1_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (credentials === null || storeId === null) {
      setText(null);
      return;
    }
    let current = true;
    credentials(storeId)
      .then((both) => {
        if (current) setText(encodeLoyaltyQr(both));
      })
      .catch((error: unknown) => console.warn('card: loyalty QR not made', error));
    return () => {
      current = false;
    };
  }, [credentials, storeId, step]);

  return { text, secondsLeft };
}
