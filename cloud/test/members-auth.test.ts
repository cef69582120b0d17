import { memberProfileSchema, memberSessionSchema } from '@vitrine/shared';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { DEMO_MEMBER_LOGINS } from '../src/seed/domain/demo-members.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

const ORG = 'org_maison-demo';
const PARIS = 'sto_paris-rivoli';
const PASSWORD = 'a long enough secret';
const allConsent = { tracking: true, marketing: true, profiling: true };
const DAYS_30_MS = 30 * 24 * 60 * 60 * 1000;

describe('member enrolment and sign-in', () => {
  let cloud: TestCloud;
  let api: ReturnType<typeof createCaller>;
  let admin: string;
  let camille: string;

  beforeAll(async () => {
    cloud = await createTestCloud({ customers: 30 });
    api = createCaller(cloud);
    admin = await loginAs(cloud, 'admin@vitrine.demo');
    camille = await loginAs(cloud, 'camille@vitrine.demo');
  }, 60_000);
  afterAll(() => cloud?.close());

  const enrol = (body: Record<string, unknown>) =>
    api.call('/v1/members/enrol', { method: 'POST', body });
  const login = (email: string, password: string, organisationId = ORG) =>
    api.call('/v1/members/login', { method: 'POST', body: { organisationId, email, password } });
  const problemOf = async (response: Response) => (await api.read(response, problemSchema)).error;
  const fieldsOf = async (response: Response) =>
    (await problemOf(response)).fields?.map((field) => field.path);
  const member = (overrides: Record<string, unknown> = {}) => ({
    organisationId: ORG,
    firstName: 'Chloé',
    lastName: 'Member',
    email: 'chloe.member@example.org',
    phone: '06 98 76 54 32',
    password: PASSWORD,
    homeStoreId: PARIS,
    birthMonth: 4,
    consent: { tracking: false, marketing: true, profiling: true },
    ...overrides,
  });

  it('enrols a member signed in for 30 days, a member of the home store in its currency', async () => {
    const response = await enrol(member());
    expect(response.status).toBe(201);
    const session = await api.read(response, memberSessionSchema);
    expect(Date.parse(session.expiresAt)).toBe(SEED_NOW.getTime() + DAYS_30_MS);
    expect(decodeJwt(session.token)).toMatchObject({
      aud: 'vitrine-member',
      sub: session.customerId,
      org: ORG,
      role: 'customer',
    });
    const me = await api.call('/v1/me', { token: session.token });
    expect(me.status).toBe(200);
    expect(await api.read(me, memberProfileSchema)).toEqual({
      customerId: session.customerId,
      organisationId: ORG,
      firstName: 'Chloé',
      lastName: 'Member',
      email: 'chloe.member@example.org',
      phone: '+33698765432',
      tier: 'member',
      homeStoreId: PARIS,
      birthMonth: 4,
      consent: { tracking: false, marketing: true, profiling: true },
    });
    const profile = await api.call(`/v1/customers/${session.customerId}/profile`, {
      token: admin,
    });
    expect(((await profile.json()) as { currency: string }).currency).toBe('EUR');
  });

  it("takes the organisation's default store's currency without a home store", async () => {
    const response = await enrol(
      member({ email: 'no.home@example.org', phone: null, homeStoreId: null, birthMonth: null }),
    );
    expect(response.status).toBe(201);
    const { customerId } = await api.read(response, memberSessionSchema);
    const profile = await api.call(`/v1/customers/${customerId}/profile`, { token: admin });
    // The organisation's first store, by creation then id: the demo's are created together.
    expect(await profile.json()).toMatchObject({ homeStoreId: null, currency: 'USD' });
  });

  it('refuses an email already a member, naming email and saying to sign in', async () => {
    const response = await enrol(member({ email: 'CHLOE.MEMBER@example.org', phone: null }));
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.code).toBe('conflict');
    expect(problem.fields?.map((field) => field.path)).toEqual(['email']);
    expect(problem.message).toMatch(/sign in/);
  });

  it('refuses a phone already on a card without sign-in, saying to ask an associate', async () => {
    const registered = await api.call(`/v1/stores/${PARIS}/customers`, {
      token: camille,
      method: 'POST',
      body: { firstName: 'In', lastName: 'Store', phone: '06 11 22 33 44', consent: allConsent },
    });
    expect(registered.status).toBe(201);
    const response = await enrol(
      member({ email: 'other@example.org', phone: '+33 6 11 22 33 44' }),
    );
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.fields?.map((field) => field.path)).toEqual(['phone']);
    expect(problem.message).toMatch(/associate in store/);
    expect(problem.message).not.toMatch(/In Store/);
  });

  it('finds a seeded customer by a near email (dots and a +tag), as in store', async () => {
    const seeded = DEMO_MEMBER_LOGINS[1];
    if (seeded === undefined) throw new Error('no second demo member');
    const [local, domain] = seeded.email.split('@');
    const near = `${local?.replaceAll('.', '')}+card@${domain}`;
    const response = await enrol(member({ email: near, phone: null }));
    expect(response.status).toBe(409);
    expect(await fieldsOf(response)).toEqual(['email']);
  });

  it('names each invalid field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [member({ email: 'not-an-email' }), 'email'],
      [member({ password: 'short' }), 'password'],
      [member({ firstName: ' ' }), 'firstName'],
      [member({ phone: 'call me now' }), 'phone'],
      [member({ birthMonth: 13 }), 'birthMonth'],
      [member({ consent: { tracking: true } }), 'consent.marketing'],
      [member({ organisationId: 'org_nowhere' }), 'organisationId'],
      [member({ homeStoreId: 'sto_nowhere' }), 'homeStoreId'],
      [member({ tier: 'platinum' }), ''],
    ];
    for (const [body, field] of cases) {
      const response = await enrol(body);
      expect(response.status, field).toBe(400);
      if (field !== '') expect(await fieldsOf(response), field).toContain(field);
    }
  });

  it('signs a member in, and answers a wrong password and an unknown email alike', async () => {
    const ok = await login('Chloe.Member@example.org', PASSWORD);
    expect(ok.status).toBe(200);
    expect((await api.read(ok, memberSessionSchema)).token).toBeTruthy();
    const wrong = await login('chloe.member@example.org', 'not the secret');
    const unknown = await login('nobody@example.org', PASSWORD);
    const otherOrg = await login('chloe.member@example.org', PASSWORD, 'org_elsewhere');
    const bodies = [];
    for (const response of [wrong, unknown, otherOrg]) {
      expect(response.status).toBe(401);
      bodies.push(await response.json());
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    const metrics = await (await api.call('/metrics')).text();
    expect(metrics).toMatch(/vitrine_cloud_logins_total\{outcome="member_bad_credentials"\} 3/);
  });

  it('signs in the seeded demo members with the demo card password', async () => {
    expect(cloud.manifest.memberLogins).toEqual(DEMO_MEMBER_LOGINS);
    expect(DEMO_MEMBER_LOGINS).toHaveLength(2);
    for (const demo of DEMO_MEMBER_LOGINS) {
      const response = await login(demo.email, 'vitrine-demo-card');
      expect(response.status).toBe(200);
      const { token } = await api.read(response, memberSessionSchema);
      const me = await api.read(await api.call('/v1/me', { token }), memberProfileSchema);
      expect(me.customerId).toBe(demo.customerId);
      expect(me.consent).toMatchObject({ tracking: true, marketing: true });
    }
  });

  it('keeps member and staff tokens apart', async () => {
    const { token } = await api.read(
      await login('chloe.member@example.org', PASSWORD),
      memberSessionSchema,
    );
    for (const path of ['/v1/customers', `/v1/stores/${PARIS}`]) {
      const response = await api.call(path, { token });
      expect(response.status, path).toBe(401);
    }
    expect((await api.call('/v1/customers', { token: admin })).status).toBe(200);
    expect((await api.call('/v1/me', { token: admin })).status).toBe(401);
    expect((await api.call('/v1/me', { token: camille })).status).toBe(401);
    expect((await api.call('/v1/me')).status).toBe(401);
  });

  it("stops an erased member's token", async () => {
    const enrolled = await enrol(
      member({ email: 'to.erase@example.org', phone: null, consent: allConsent }),
    );
    const { token, customerId } = await api.read(enrolled, memberSessionSchema);
    expect((await api.call('/v1/me', { token })).status).toBe(200);
    const erased = await api.call(`/v1/customers/${customerId}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    for (const path of ['/v1/me', '/v1/me/invitations']) {
      expect((await api.call(path, { token })).status, path).toBe(401);
    }
    expect((await login('to.erase@example.org', PASSWORD)).status).toBe(401);
  });
});
