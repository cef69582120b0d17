import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';

/**
 * A QR code drawn as SVG, so it stays sharp at any screen size. The SVG is built by the
 * qrcode library from the code's text alone; nothing else reaches the markup.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
      .then((drawn) => {
        if (current) setSvg(drawn);
      })
      .catch((error: unknown) => console.warn('screen: QR code not drawn', error));
    return () => {
      current = false;
    };
  }, [text]);
  if (svg === null) return null;
  // The SVG comes from the QR encoder, never from content.
  return <div class="qr" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
