import {
  createAppKeyPair,
  invitationResultSchema,
  issuedPassSchema,
  memberInvitationListSchema,
  memberProfileSchema,
  memberSessionSchema,
  passClaimsSchema,
  profileSyncPageSchema,
  rsvpResultSchema,
  storedEventSchema,
} from '@vitrine/shared';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

const PARIS = 'sto_paris-rivoli';
const jwksSchema = z.object({ keys: z.array(z.object({ kid: z.string() }).loose()) });

describe("the member's own data", () => {
  let cloud: TestCloud;
  let api: ReturnType<typeof createCaller>;
  let admin: string;
  let marketer: string;
  let parisEdge: string;
  /** A seeded Paris client who signs in to the card, and their token. */
  let customerId: string;
  let token: string;
  /** The app's clock; moved past the event's end at the last. */
  let clock = SEED_NOW;

  beforeAll(async () => {
    cloud = await createTestCloud({ customers: 30, now: () => clock });
    api = createCaller(cloud);
    admin = await loginAs(cloud, 'admin@vitrine.demo');
    marketer = await loginAs(cloud, 'marketer@vitrine.demo');
    parisEdge = await api.edgeToken(admin, PARIS);
    token = await signIn();
  }, 60_000);
  afterAll(() => cloud?.close());

  async function signIn() {
    const demo = cloud.manifest.memberLogins.find((login) => login.storeId === PARIS);
    if (demo === undefined) throw new Error('no demo member in Paris');
    const session = await api.call('/v1/members/login', {
      method: 'POST',
      body: {
        organisationId: cloud.manifest.organisationId,
        email: demo.email,
        password: demo.password,
      },
    });
    const signedIn = await api.read(session, memberSessionSchema);
    customerId = signedIn.customerId;
    return signedIn.token;
  }

  const me = (path = '', init: { method?: string; body?: unknown } = {}) =>
    api.call(`/v1/me${path}`, { token, ...init });

  async function feedFrom(since: string) {
    const response = await api.call(`/v1/stores/${PARIS}/sync/profiles?since=${since}&limit=1000`, {
      token: parisEdge,
    });
    return api.read(response, profileSyncPageSchema);
  }
  async function feedEnd() {
    let watermark = '0';
    for (;;) {
      const page = await feedFrom(watermark);
      watermark = page.watermark;
      if (!page.more) return watermark;
    }
  }

  it('reads the profile of the signed-in member', async () => {
    const profile = await api.read(await me(), memberProfileSchema);
    expect(profile).toMatchObject({
      customerId,
      organisationId: 'org_maison-demo',
      homeStoreId: PARIS,
    });
    const staffView = await api.call(`/v1/customers/${customerId}/profile`, { token: admin });
    expect(await staffView.json()).toMatchObject({
      firstName: profile.firstName,
      tier: profile.tier,
      consent: profile.consent,
    });
  });

  it("changes consent, and the change reaches the store's edge in its profile feed", async () => {
    const since = await feedEnd();
    const consent = { tracking: false, marketing: true, profiling: true };
    const response = await me('/consent', { method: 'PUT', body: consent });
    expect(response.status).toBe(200);
    expect((await api.read(response, memberProfileSchema)).consent).toEqual(consent);
    const delta = await feedFrom(since);
    expect(delta.items).toEqual([
      expect.objectContaining({
        kind: 'upsert',
        profile: expect.objectContaining({ id: customerId, consent }),
      }),
    ]);
    const partial = await me('/consent', { method: 'PUT', body: { tracking: true } });
    expect(partial.status).toBe(400);
    const fields = (await api.read(partial, problemSchema)).error.fields?.map((f) => f.path);
    expect(fields).toEqual(['marketing', 'profiling']);
  });

  it("issues a pass for the card's key that the organisation's JWKS verifies", async () => {
    const app = await createAppKeyPair();
    const response = await me('/pass', { method: 'POST', body: { appPublicKey: app.publicJwk } });
    expect(response.status).toBe(201);
    const issued = await api.read(response, issuedPassSchema);
    const jwks = await api.read(await api.call('/.well-known/jwks.json'), jwksSchema);
    const { payload } = await jwtVerify(issued.pass, createLocalJWKSet(jwks), {
      audience: 'vitrine-pass',
      typ: 'vitrine-pass+jwt',
      currentDate: SEED_NOW,
    });
    const profile = await api.read(await me(), memberProfileSchema);
    expect(passClaimsSchema.parse(payload)).toMatchObject({
      jti: issued.passId,
      sub: customerId,
      tier: profile.tier,
      consent: profile.consent,
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: app.publicJwk.x, y: app.publicJwk.y } },
    });
    const noKey = await me('/pass', { method: 'POST', body: {} });
    expect(noKey.status).toBe(400);
  });

  it('lists invitations to events not over, with the answer and then the ticket', async () => {
    const empty = await api.read(await me('/invitations'), memberInvitationListSchema);
    expect(empty.items).toEqual([]);
    const created = await api.call('/v1/events', {
      token: marketer,
      method: 'POST',
      body: {
        name: 'Rivoli evening',
        kind: 'private-evening',
        storeIds: [PARIS],
        startsAt: '2026-12-09T19:00',
        endsAt: '2026-12-09T21:00',
        capacity: 10,
      },
    });
    expect(created.status).toBe(201);
    const event = await api.read(created, storedEventSchema);
    const invited = await api.call(`/v1/events/${event.id}/invitations`, {
      token: marketer,
      method: 'POST',
      body: { customerIds: [customerId] },
    });
    expect((await api.read(invited, invitationResultSchema)).invited).toBe(1);

    const pending = await api.read(await me('/invitations'), memberInvitationListSchema);
    expect(pending.items).toHaveLength(1);
    const [item] = pending.items;
    if (item === undefined) throw new Error('no invitation');
    const linkView = await api.call(`/v1/rsvp/${item.rsvpCode}`);
    expect(item.view).toEqual(await linkView.json());
    expect(item.view).toMatchObject({
      event: { id: event.id, name: 'Rivoli evening' },
      guest: { customerId, rsvp: 'pending' },
      ticket: null,
    });

    const answer = await api.call(`/v1/rsvp/${item.rsvpCode}`, {
      method: 'POST',
      body: { answer: 'yes', companions: 1 },
    });
    const { ticket } = await api.read(answer, rsvpResultSchema);
    const answered = await api.read(await me('/invitations'), memberInvitationListSchema);
    expect(answered.items[0]?.view).toMatchObject({
      guest: { rsvp: 'yes', companions: 1 },
      ticket: { ticketId: ticket?.ticketId, admits: 2 },
    });

    // Past the event and the 30 days of the first token: the card signs in again.
    clock = new Date('2026-12-10T00:00:00Z');
    expect((await me('/invitations')).status).toBe(401);
    token = await signIn();
    const over = await api.read(await me('/invitations'), memberInvitationListSchema);
    expect(over.items).toEqual([]);
  });
});
