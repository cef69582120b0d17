import type { Context } from 'hono';
import { type QrFormat, renderQr } from './qr-image.ts';

/** The QR image of a code as the HTTP answer; an image of a signed code can be cached. */
export async function qrResponse(c: Context, text: string, format: QrFormat): Promise<Response> {
  const image = await renderQr(text, format);
  return c.body(typeof image.body === 'string' ? image.body : image.body.slice().buffer, 200, {
    'content-type': image.mediaType,
    'cache-control': 'private, max-age=300',
  });
}
