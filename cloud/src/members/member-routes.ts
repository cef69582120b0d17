import type { SigningKeys } from '../auth/signing-keys.ts';
import type { CustomerRegistryRepository } from '../customers/customer-registry-repository.ts';
import type { Database } from '../db/database.ts';
import { createGuestRepository } from '../events/guest-repository.ts';
import { createRsvpRepository } from '../events/rsvp-repository.ts';
import type { CloudMetrics } from '../observability/cloud-metrics.ts';
import { createPassRepository } from '../passes/pass-repository.ts';
import { createMemberAuthRoutes } from './member-auth-routes.ts';
import { createMemberMeRoutes } from './member-me-routes.ts';
import { createMemberRouter } from './member-middleware.ts';
import { createMemberRepository } from './member-repository.ts';
import { createMemberTokenService } from './member-tokens.ts';

export interface MemberApiOptions {
  db: Database;
  registry: CustomerRegistryRepository;
  keys: SigningKeys;
  metrics: CloudMetrics;
  now: () => Date;
}

/** The customer's own API (the loyalty card's): enrol, sign in, then `/v1/me…`. */
export function createMemberApiRoutes({ db, registry, keys, metrics, now }: MemberApiOptions) {
  const members = createMemberRepository(db);
  const memberTokens = createMemberTokenService({ keys, now });
  const router = createMemberRouter();
  router.route('/', createMemberAuthRoutes({ members, registry, memberTokens, metrics }));
  router.route(
    '/',
    createMemberMeRoutes({
      members,
      registry,
      memberTokens,
      passes: createPassRepository(db),
      keys,
      rsvps: createRsvpRepository(db, keys),
      guests: createGuestRepository(db),
      now,
    }),
  );
  return router;
}
