import { sql } from 'drizzle-orm';
import { createCampaignRepository } from '../campaigns/campaign-repository.ts';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { eventInvitations, events } from '../db/schema-events.ts';
import { createOfferRepository } from '../offers/offer-repository.ts';
import { createContentItemRepository } from '../screens/content-item-repository.ts';
import { createSegmentRepository } from '../segments/segment-repository.ts';
import { demoEngagement } from './domain/demo-engagement.ts';
import { DEMO_ORGANISATION, DEMO_STORES } from './domain/demo-facts.ts';

/**
 * Writes the demo's segments, offers, screen content, campaigns and launch, and invites
 * the organisation's gold and platinum clients to it (in their home store), after the
 * customers are written.
 */
export async function seedEngagement(db: Database, now: Date): Promise<void> {
  const organisationId = DEMO_ORGANISATION.id;
  const demo = demoEngagement(now);
  const segments = createSegmentRepository(db);
  for (const { id, segment } of demo.segments) {
    await segments.insert(organisationId, id, segment, now);
  }
  const offers = createOfferRepository(db);
  for (const offer of demo.offers) await offers.insert(organisationId, offer, now);
  const content = createContentItemRepository(db);
  for (const { id, draft } of demo.content) await content.insert(organisationId, id, draft, now);
  const campaigns = createCampaignRepository(db);
  for (const campaign of demo.campaigns) await campaigns.insert(organisationId, campaign, now);

  const { event } = demo;
  const firstStart = Math.min(...event.sessions.map((session) => Date.parse(session.startsAt)));
  await db.insert(events).values({
    ...event,
    organisationId,
    status: 'scheduled',
    firstStartsAt: new Date(firstStart),
  });
  const fallbackStore = DEMO_STORES[0]?.id ?? '';
  await db.execute(sql`
    insert into ${eventInvitations} (event_id, customer_id, store_id, invited_via, invited_at, rsvp_code)
    select ${event.id}, id, coalesce(home_store_id, ${fallbackStore}), 'segment', ${now.toISOString()}::timestamptz, 'demo-' || id
    from ${customers}
    where organisation_id = ${organisationId} and tier in ('gold', 'platinum')`);
}
