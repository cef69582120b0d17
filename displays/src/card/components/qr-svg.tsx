import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';

export interface QrSvgProps {
  text: string;
  label: string;
  /** L for the dense loyalty QR (about 1,000 characters), M for shorter codes. */
  level?: 'L' | 'M';
  testId?: string;
}

/** A QR code drawn as SVG by the qrcode library from the text alone. */
export function QrSvg({ text, label, level = 'M', testId }: QrSvgProps) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: level, margin: 2 })
      .then((drawn) => {
        if (current) setSvg(drawn);
      })
      .catch((error: unknown) => console.warn('card: QR code not drawn', error));
    return () => {
      current = false;
    };
  }, [text, level]);
  if (svg === null) return <div class="qr qr--pending" aria-busy="true" />;
  // The SVG comes from the QR encoder, never from a server's text.
  return (
    <div
      class="qr"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-code={text}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
