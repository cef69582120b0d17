import type { ScreenContentItem } from '@vitrine/shared';
import { cardDocument } from '../domain/card-document.ts';
import { QrCode } from './qr-code.tsx';

export interface SlideProps {
  item: ScreenContentItem;
  /** The signed content code of a product card's product, when the edge has it. */
  code: string | null;
  onFailed: (contentId: string) => void;
}

/**
 * One item, full screen. Media that fails to load is reported so that play goes on; an
 * HTML card runs in a sandbox without scripts, as marketers' markup should.
 */
export function Slide({ item, code, onFailed }: SlideProps) {
  const failed = () => onFailed(item.id);
  switch (item.kind) {
    case 'image':
      return (
        <img
          class="slide media"
          src={item.url}
          alt={item.name}
          onError={failed}
          data-content={item.id}
        />
      );
    case 'video':
      return (
        <video
          class="slide media"
          src={item.url}
          autoplay
          muted
          playsInline
          onError={failed}
          data-content={item.id}
        />
      );
    case 'html-card':
      return (
        <section class="slide card" data-content={item.id}>
          <h1>{item.title}</h1>
          <iframe class="card-body" title={item.name} sandbox="" srcdoc={cardDocument(item.html)} />
        </section>
      );
    case 'product-card':
      return (
        <section class="slide product" data-content={item.id}>
          <div class="product-text">
            <p class="eyebrow">{item.product.sku}</p>
            <h1>{item.product.name ?? item.name}</h1>
          </div>
          {item.showQr && code !== null ? (
            <figure class="product-qr">
              <QrCode text={code} label={`QR code of ${item.product.name ?? item.name}`} />
              <figcaption>Scan with the app</figcaption>
            </figure>
          ) : null}
        </section>
      );
  }
}
