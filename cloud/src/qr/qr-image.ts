import QRCode from 'qrcode';
import { z } from 'zod';

/** The image formats a QR code is served in: SVG (small, sharp at any size) or PNG. */
export const QR_FORMATS = ['svg', 'png'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

export const qrFormatQuerySchema = z.object({
  format: z.enum(QR_FORMATS).default('svg'),
});

export const QR_MEDIA_TYPES: Record<QrFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
};

export interface QrImage {
  body: string | Uint8Array;
  mediaType: string;
}

/**
 * A code's text drawn as a QR image. Level M survives a scuffed label or a glare on a
 * phone screen (15% of the symbol); a 4-module quiet zone as the standard asks.
 */
export async function renderQr(text: string, format: QrFormat): Promise<QrImage> {
  const options = { errorCorrectionLevel: 'M', margin: 4 } as const;
  if (format === 'svg') {
    return {
      body: await QRCode.toString(text, { ...options, type: 'svg' }),
      mediaType: QR_MEDIA_TYPES.svg,
    };
  }
  const png = await QRCode.toBuffer(text, { ...options, type: 'png', scale: 8 });
  return { body: new Uint8Array(png), mediaType: QR_MEDIA_TYPES.png };
}
