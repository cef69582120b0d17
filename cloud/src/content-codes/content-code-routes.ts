import { createRoute, z } from '@hono/zod-openapi';
import {
  CONTENT_CODE,
  type ContentCodeClaims,
  layoutItemIdSchema,
  signCode,
  signedCodeResponseSchema,
  skuSchema,
  storeIdSchema,
} from '@vitrine/shared';
import { allowRoles, authenticate } from '../auth/auth-middleware.ts';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { TokenService } from '../auth/token-service.ts';
import { NotFoundError } from '../errors/app-errors.ts';
import { problemResponses } from '../http/problem.ts';
import { createRouter } from '../http/router.ts';
import { qrFormatQuerySchema } from '../qr/qr-image.ts';
import { qrResponse } from '../qr/qr-response.ts';
import type { ScreenRegistry } from '../screens/screen-registry.ts';
import type { ProductRepository } from './product-repository.ts';

export interface ContentCodeRoutesOptions {
  products: ProductRepository;
  /** Only a registered screen that is not retired gets a code. */
  screens: Pick<ScreenRegistry, 'activeScreenOf'>;
  tokens: TokenService;
  keys: SigningKeys;
  now: () => Date;
}

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** A QR image answer, for the OpenAPI document. */
export const qrImageContent = {
  'image/svg+xml': { schema: z.string().openapi({ description: 'An SVG document' }) },
  'image/png': { schema: z.string().openapi({ format: 'binary' }) },
};

const productParams = z.object({ sku: skuSchema });
const screenParams = z.object({ storeId: storeIdSchema, screenId: layoutItemIdSchema });

/**
 * Signed content codes: the text (`VC1:…`) for a caller that draws its own, and the QR
 * image (SVG by default, or PNG) to print on a product label or beside a screen. Signing
 * is an office act: marketers and admins print labels; associates do not. A store's edge
 * may fetch a product's code, to show it on a product card on its screens.
 */
export function createContentCodeRoutes({
  products,
  screens,
  tokens,
  keys,
  now,
}: ContentCodeRoutesOptions) {
  const router = createRouter();

  function sign(claims: ContentCodeClaims): Promise<string> {
    const privateKey = keys.privateKey;
    if (privateKey instanceof Uint8Array) throw new Error('the signing key is not an EC key');
    return signCode(CONTENT_CODE, { claims, privateKey, kid: keys.kid });
  }
  const signedAt = () => Math.floor(now().getTime() / 1000);

  async function productCode(org: string, sku: string): Promise<string> {
    const product = await products.findCard(org, sku);
    if (product === null) throw new NotFoundError(`no product ${sku}`);
    return sign({ kind: 'product', org, iat: signedAt(), product });
  }

  async function screenCode(org: string, storeId: string, screenId: string): Promise<string> {
    await screens.activeScreenOf(org, storeId, screenId);
    return sign({ kind: 'screen', org, iat: signedAt(), store: storeId, screen: screenId });
  }

  const productCodeRoute = createRoute({
    method: 'get',
    path: '/v1/products/{sku}/code',
    tags: ['codes'],
    summary: "A product's signed content code (`VC1:…`), carrying its card",
    security: [{ bearerAuth: [] }],
    // An edge shows a product card's code on its screens; the card is the product's public face.
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer', 'edge')] as const,
    request: { params: productParams },
    responses: {
      200: { description: 'The signed code', content: json(signedCodeResponseSchema) },
      ...problemResponses,
    },
  });
  const productQrRoute = createRoute({
    method: 'get',
    path: '/v1/products/{sku}/qr',
    tags: ['codes'],
    summary: "A product's QR code to print on its label: SVG (default) or PNG",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: productParams, query: qrFormatQuerySchema },
    responses: {
      200: { description: 'The QR code image', content: qrImageContent },
      ...problemResponses,
    },
  });
  const screenCodeRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/screens/{screenId}/code',
    tags: ['codes'],
    summary: "A screen's signed content code (`VC1:…`), valid in its store only",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: screenParams },
    responses: {
      200: { description: 'The signed code', content: json(signedCodeResponseSchema) },
      ...problemResponses,
    },
  });
  const screenQrRoute = createRoute({
    method: 'get',
    path: '/v1/stores/{storeId}/screens/{screenId}/qr',
    tags: ['codes'],
    summary: "A screen's QR code to show beside it: SVG (default) or PNG",
    security: [{ bearerAuth: [] }],
    middleware: [authenticate(tokens), allowRoles('admin', 'marketer')] as const,
    request: { params: screenParams, query: qrFormatQuerySchema },
    responses: {
      200: { description: 'The QR code image', content: qrImageContent },
      ...problemResponses,
    },
  });

  router.openapi(productCodeRoute, async (c) => {
    const { sku } = c.req.valid('param');
    return c.json({ code: await productCode(c.get('claims').org, sku) }, 200);
  });
  router.openapi(productQrRoute, async (c) => {
    const { sku } = c.req.valid('param');
    const { format } = c.req.valid('query');
    return qrResponse(c, await productCode(c.get('claims').org, sku), format);
  });
  router.openapi(screenCodeRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    return c.json({ code: await screenCode(c.get('claims').org, storeId, screenId) }, 200);
  });
  router.openapi(screenQrRoute, async (c) => {
    const { storeId, screenId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    return qrResponse(c, await screenCode(c.get('claims').org, storeId, screenId), format);
  });
  return router;
}
