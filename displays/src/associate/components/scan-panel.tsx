import { useEffect, useRef, useState } from 'preact/hooks';
import { submitScan } from '../api/customer-desk-http.ts';
import { customerName } from '../domain/alert-view.ts';
import { formatClockTime } from '../domain/relative-time.ts';
import { cameraScanSupported, refusalSentence, type ScanOutcome } from '../domain/scan-outcome.ts';

export interface ScanPanelProps {
  token: string;
  /** Back to the arrivals, where a recognised check-in's card is. */
  onShowArrivals: () => void;
  onOpen: (customerId: string) => void;
}

interface Detected {
  rawValue: string;
}
interface QrDetector {
  detect(source: HTMLVideoElement): Promise<Detected[]>;
}
type DetectorConstructor = new (options: { formats: string[] }) => QrDetector;

/** The browser's own QR reader, where it has one. */
function qrDetector(): QrDetector | null {
  if (!cameraScanSupported(globalThis)) return null;
  const Detector = (globalThis as unknown as { BarcodeDetector: DetectorConstructor })
    .BarcodeDetector;
  return new Detector({ formats: ['qr_code'] });
}

/**
 * A customer's rotating loyalty QR or an event ticket: seen by the tablet's camera where
 * the browser reads QR codes, or typed in. Both go to the edge's `POST /api/scans`.
 */
export function ScanPanel({ token, onShowArrivals, onOpen }: ScanPanelProps) {
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [sending, setSending] = useState(false);
  const [camera, setCamera] = useState<'off' | 'on' | 'denied'>('off');
  const video = useRef<HTMLVideoElement>(null);
  const canUseCamera = cameraScanSupported(globalThis);

  const send = async (scanned: string) => {
    if (scanned.trim() === '') return;
    setSending(true);
    setOutcome(await submitScan(token, scanned.trim()));
    setSending(false);
  };

  useEffect(() => {
    if (camera !== 'on') return;
    const detector = qrDetector();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((media) => {
        stream = media;
        if (stopped || video.current === null || detector === null) return;
        video.current.srcObject = media;
        void video.current.play();
        timer = setInterval(async () => {
          if (video.current === null || video.current.readyState < 2) return;
          const [first] = await detector.detect(video.current).catch(() => []);
          if (first === undefined || stopped) return;
          stopped = true;
          setCamera('off');
          void send(first.rawValue);
        }, 300);
      })
      .catch(() => setCamera('denied'));
    return () => {
      stopped = true;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [camera]);

  return (
    <section class="desk-panel" aria-label="Scan">
      <h2 class="desk-panel__title">Scan a loyalty QR or an event ticket</h2>
      {canUseCamera ? (
        <div class="scan-camera">
          {camera === 'on' ? (
            <>
              <video ref={video} class="scan-camera__video" muted playsInline />
              <button type="button" class="text-button" onClick={() => setCamera('off')}>
                Stop camera
              </button>
            </>
          ) : (
            <button type="button" class="primary-button" onClick={() => setCamera('on')}>
              Use the camera
            </button>
          )}
          {camera === 'denied' && (
            <p class="desk-error" role="alert">
              The camera cannot be used. Type the code below.
            </p>
          )}
        </div>
      ) : (
        <p class="muted" data-testid="no-camera">
          This browser cannot read QR codes from the camera: type the code below.
        </p>
      )}
      <form
        class="scan-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send(code);
        }}
      >
        <label class="field">
          <span class="field__label">Code</span>
          <input
            type="text"
            name="code"
            autoComplete="off"
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary-button" disabled={sending || code.trim() === ''}>
          Check
        </button>
      </form>
      {outcome !== null && (
        <ScanResult outcome={outcome} onShowArrivals={onShowArrivals} onOpen={onOpen} />
      )}
    </section>
  );
}

function ScanResult({
  outcome,
  onShowArrivals,
  onOpen,
}: {
  outcome: ScanOutcome;
  onShowArrivals: () => void;
  onOpen: (customerId: string) => void;
}) {
  if (outcome.kind === 'checked-in') {
    return (
      <div class="scan-result scan-result--ok" role="status" data-outcome="checked-in">
        <strong>Checked in: {customerName(outcome.alert)}.</strong> Their arrival card is in the
        feed.{' '}
        <button type="button" class="text-link" onClick={onShowArrivals}>
          See arrivals
        </button>
      </div>
    );
  }
  if (outcome.kind === 'admitted') {
    return (
      <div class="scan-result scan-result--ok" role="status" data-outcome="admitted">
        <strong>Admitted</strong> — guest {outcome.admission} of {outcome.admits} on this ticket.{' '}
        <button type="button" class="text-link" onClick={() => onOpen(outcome.customerId)}>
          Open the client's card
        </button>
      </div>
    );
  }
  if (outcome.kind === 'redeemed') {
    return (
      <div class="scan-result scan-result--ok" role="status" data-outcome="redeemed">
        <strong>Redeemed: {outcome.redemption.title}.</strong> Recorded at{' '}
        {formatClockTime(outcome.redemption.redeemedAt)}.
      </div>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <div class="scan-result scan-result--refused" role="alert" data-outcome="refused">
        <strong>Refused.</strong> {refusalSentence(outcome)}
      </div>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <div class="scan-result scan-result--refused" role="alert" data-outcome="failed">
        {outcome.message}
      </div>
    );
  }
  return (
    <div class="scan-result scan-result--ok" role="status" data-outcome="done">
      Accepted.
    </div>
  );
}
