export * from './qr-image.ts';
export * from './qr-response.ts';
