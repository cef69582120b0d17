import { Hono } from 'hono';
import { type AssociateVariables, requireAssociate } from '../http/associate-auth.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import type { ZonesView } from './zones-view.ts';

export interface PresenceRoutesOptions {
  storeId: string;
  verifier: TokenVerifier;
  zones: () => ZonesView;
}

/** `GET /api/zones`: how many people are in each zone now, for the associates of the store. */
export function createPresenceRoutes({ storeId, verifier, zones }: PresenceRoutesOptions) {
  const api = new Hono<{ Variables: AssociateVariables }>();
  api.get('/zones', requireAssociate(verifier, storeId), (c) => c.json(zones()));
  return api;
}
