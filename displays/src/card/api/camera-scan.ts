/**
 * The camera as a QR reader through the browser's BarcodeDetector (Chrome on Android,
 * Safari 17+…). Where there is none, the card offers a typed code instead.
 */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor })
    .BarcodeDetector;
  return typeof candidate === 'function' ? candidate : null;
}

export function cameraScanAvailable(): boolean {
  return detectorClass() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export interface CameraScan {
  stop: () => void;
}

/** Reads QR codes from the back camera into `video` until one is found or `stop` is called. */
export async function startCameraScan(
  video: HTMLVideoElement,
  onCode: (code: string) => void,
): Promise<CameraScan> {
  const Detector = detectorClass();
  if (Detector === null) throw new Error('This browser cannot read QR codes with the camera.');
  const detector = new Detector({ formats: ['qr_code'] });
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
  });
  video.srcObject = stream;
  await video.play();
  let running = true;
  const stop = () => {
    running = false;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  const tick = async () => {
    if (!running) return;
    const found = await detector.detect(video).catch(() => []);
    const code = found[0]?.rawValue;
    if (code) {
      stop();
      onCode(code);
      return;
    }
    setTimeout(tick, 250);
  };
  void tick();
  return { stop };
}
