import type { SigningKeys } from '../auth/signing-keys.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { Database } from '../db/database.ts';
import { createRouter } from '../http/router.ts';
import { createEventRepository } from './event-repository.ts';
import { createEventRoutes } from './event-routes.ts';
import { createGuestRepository } from './guest-repository.ts';
import { createGuestRoutes } from './guest-routes.ts';
import { createInvitationRepository } from './invitation-repository.ts';
import { createInvitationRoutes } from './invitation-routes.ts';
import { createRsvpRepository } from './rsvp-repository.ts';
import { createRsvpRoutes } from './rsvp-routes.ts';

export interface EventApiOptions {
  db: Database;
  tokens: TokenService;
  /** Signs the tickets a "yes" earns. */
  keys: SigningKeys;
  now: () => Date;
}

/** The in-store events API: events, invitations, answers and guest lists, mounted together. */
export function createEventApiRoutes({ db, tokens, keys, now }: EventApiOptions) {
  const router = createRouter();
  const events = createEventRepository(db);
  const guests = createGuestRepository(db);
  const invitations = createInvitationRepository(db);
  const rsvps = createRsvpRepository(db, keys);
  router.route('/', createEventRoutes({ db, events, rsvps, tokens, now }));
  router.route('/', createInvitationRoutes({ db, events, invitations, tokens, now }));
  router.route('/', createRsvpRoutes({ rsvps, guests, tokens, now }));
  router.route('/', createGuestRoutes({ events, guests, tokens }));
  return router;
}
