import type { PhoneOffer, ScanAnswer } from '@vitrine/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type CameraScan, cameraScanAvailable, startCameraScan } from '../api/camera-scan.ts';
import { TextField } from './text-field.tsx';

export interface ScanPanelProps {
  enabled: boolean;
  answer: ScanAnswer | null;
  onScan: (code: string) => Promise<void>;
  formatPrice: (amount: number, currency: string) => string;
}

/** Scan a product's or a screen's QR with the camera, or type the code beneath it. */
export function ScanPanel({ enabled, answer, onScan, formatPrice }: ScanPanelProps) {
  const video = useRef<HTMLVideoElement>(null);
  const camera = useRef<CameraScan | null>(null);
  const [scanning, setScanning] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => () => camera.current?.stop(), []);
  useEffect(() => {
    if (answer !== null) setWaiting(false);
  }, [answer]);

  const send = async (code: string) => {
    setError(undefined);
    setWaiting(true);
    try {
      await onScan(code);
    } catch (failure) {
      setWaiting(false);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const startCamera = async () => {
    if (video.current === null) return;
    setScanning(true);
    try {
      camera.current = await startCameraScan(video.current, (code) => {
        setScanning(false);
        void send(code);
      });
    } catch (failure) {
      setScanning(false);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const submitTyped = (event: SubmitEvent) => {
    event.preventDefault();
    const code = typed.trim();
    if (code === '') {
      setError('Type the code printed under the QR.');
      return;
    }
    void send(code);
  };

  return (
    <section class="panel" aria-labelledby="scan-title">
      <h2 id="scan-title">Scan</h2>
      {cameraScanAvailable() && (
        <button
          type="button"
          class="secondary"
          disabled={!enabled || scanning}
          onClick={startCamera}
        >
          Scan with the camera
        </button>
      )}
      <video ref={video} class={scanning ? 'camera' : 'camera camera--hidden'} muted playsInline />
      <form class="scan-form" onSubmit={submitTyped} noValidate>
        <TextField label="Code" name="code" value={typed} error={error} onInput={setTyped} />
        <button type="submit" class="secondary" disabled={!enabled || waiting}>
          {waiting ? 'Asking the store…' : 'Send code'}
        </button>
      </form>
      {answer !== null && <ScanAnswerView answer={answer} formatPrice={formatPrice} />}
    </section>
  );
}

function OfferLine({ offer }: { offer: PhoneOffer | null }) {
  if (offer === null) return null;
  return (
    <p class="scan-answer__offer">
      <strong>{offer.title}</strong> {offer.body}
    </p>
  );
}

function ScanAnswerView({
  answer,
  formatPrice,
}: {
  answer: ScanAnswer;
  formatPrice: (amount: number, currency: string) => string;
}) {
  switch (answer.outcome) {
    case 'product':
      return (
        <div class="scan-answer" data-testid="scan-answer">
          <h3>{answer.product.name}</h3>
          <p class="muted">
            {answer.product.category} · {formatPrice(answer.product.price, answer.product.currency)}
          </p>
          {answer.personal && <p>{answer.personal}</p>}
          <OfferLine offer={answer.offer} />
        </div>
      );
    case 'screen':
      return (
        <div class="scan-answer" data-testid="scan-answer">
          <h3>Thanks for scanning</h3>
          <OfferLine offer={answer.offer} />
        </div>
      );
    case 'admitted':
      return (
        <div class="scan-answer" data-testid="scan-answer">
          <h3>Welcome</h3>
          <p>
            Admission {answer.admission} of {answer.admits}.
          </p>
        </div>
      );
    case 'refused':
      return (
        <div class="scan-answer scan-answer--refused" role="alert" data-testid="scan-answer">
          <h3>Not recognised</h3>
          <p>{answer.message}</p>
        </div>
      );
  }
}
