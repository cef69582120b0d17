import { createCampaignRepository } from '../campaigns/campaign-repository.ts';
import type { Database } from '../db/database.ts';
import { events } from '../db/schema-events.ts';
import { createInvitationRepository } from '../events/invitation-repository.ts';
import { createOfferRepository } from '../offers/offer-repository.ts';
import { createContentItemRepository } from '../screens/content-item-repository.ts';
import { createSegmentRepository } from '../segments/segment-repository.ts';
import { demoEngagement } from './domain/demo-engagement.ts';
import { DEMO_ORGANISATION } from './domain/demo-facts.ts';

/**
 * Writes the demo's segments, offers, screen content, campaigns and launch, and invites
 * the organisation's consenting gold and platinum clients to it (in their home store),
 * after the customers are written.
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
  // Invited as a marketer would: the segment's consenting customers, each with a secret link.
  const goldPlus = demo.segments.find((segment) => segment.id === event.segmentId);
  if (goldPlus === undefined) throw new Error(`demo segment ${event.segmentId} is missing`);
  await createInvitationRepository(db).inviteAudience(
    { id: event.id, organisationId, storeIds: event.storeIds },
    goldPlus.segment.rule,
    { storeId: null, at: now, currentMonth: now.getUTCMonth() + 1 },
    now,
  );
}
