import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  EVENT_TICKET,
  type IssuedPass,
  type MemberInvitation,
  type MemberProfile,
  type MemberSession,
  type MemberStore,
  memberConsentSchema,
  memberEnrolRequestSchema,
  memberLoginRequestSchema,
  memberPassRequestSchema,
  type ProblemBody,
  rsvpRequestSchema,
  signCode,
  signPass,
} from '@vitrine/shared';
import { Hono } from 'hono';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { z } from 'zod';

/**
 * A stand-in for the cloud's member API (shared's member-api), just enough to drive the
 * built loyalty card: enrolment and sign-in, /v1/me, consent, a pass really signed by an
 * organisation key (its public JWK given to the test, to verify what the card sends),
 * one invitation answered through /v1/rsvp, the stores to check in at; and the card itself
 * at /card/. Every request is checked with the shared schemas, a 400 naming its fields.
 */
export interface FakeMemberCloudOptions {
  appDir: string;
  store: MemberStore;
  now?: () => Date;
}

export interface FakeMemberCloud {
  url: string;
  organisationId: string;
  /** The organisation's public key, with its `kid`. */
  publicJwk: JWK;
  kid: string;
  /** The passes issued so far, oldest first. */
  passes: IssuedPass[];
  consentOf: (email: string) => MemberProfile['consent'] | undefined;
  close: () => Promise<void>;
}

const ORGANISATION_ID = 'org_card-test';
const KID = 'card-test-key';

interface Member {
  profile: MemberProfile;
  password: string;
}

function invalid(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ProblemBody {
  return {
    error: {
      code: 'validation_failed',
      message: 'invalid request',
      fields: issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    },
  };
}

export async function startFakeMemberCloud({
  appDir,
  store,
  now = () => new Date(),
}: FakeMemberCloudOptions): Promise<FakeMemberCloud> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256' };
  const members = new Map<string, Member>();
  const sessions = new Map<string, string>();
  const passes: IssuedPass[] = [];
  const rsvps = new Map<string, MemberInvitation>();

  const app = new Hono();
  const readBody = async <S extends z.ZodType>(request: Request, schema: S) =>
    schema.safeParse(await request.json().catch(() => undefined));
  const memberOf = (authorization: string | undefined): Member | null => {
    const email = sessions.get(authorization?.replace(/^Bearer /, '') ?? '');
    return email === undefined ? null : (members.get(email) ?? null);
  };
  const session = (member: Member): MemberSession => {
    const token = randomUUID();
    sessions.set(token, member.profile.email ?? '');
    return {
      token,
      expiresAt: new Date(now().getTime() + 3_600_000).toISOString(),
      customerId: member.profile.customerId,
    };
  };
  const unauthorized: ProblemBody = { error: { code: 'unauthorized', message: 'Sign in again.' } };

  app.post('/v1/members/enrol', async (c) => {
    const body = await readBody(c.req.raw, memberEnrolRequestSchema);
    if (!body.success) return c.json(invalid(body.error.issues), 400);
    const request = body.data;
    if (request.organisationId !== ORGANISATION_ID) {
      return c.json(invalid([{ path: ['organisationId'], message: 'unknown organisation' }]), 400);
    }
    if (members.has(request.email)) {
      return c.json(
        invalid([{ path: ['email'], message: 'This email is already enrolled.' }]),
        400,
      );
    }
    const customerId = `cus_${randomUUID().slice(0, 8)}`;
    const member: Member = {
      password: request.password,
      profile: {
        customerId,
        organisationId: ORGANISATION_ID,
        firstName: request.firstName,
        lastName: request.lastName,
        email: request.email,
        phone: request.phone,
        tier: 'member',
        homeStoreId: request.homeStoreId,
        birthMonth: request.birthMonth,
        consent: request.consent,
      },
    };
    members.set(request.email, member);
    const code = `rsvp-${customerId}`;
    rsvps.set(code, invitationFor(member, code, store.id, null));
    return c.json(session(member), 201);
  });

  app.post('/v1/members/login', async (c) => {
    const body = await readBody(c.req.raw, memberLoginRequestSchema);
    if (!body.success) return c.json(invalid(body.error.issues), 400);
    const member = members.get(body.data.email);
    if (member === undefined || member.password !== body.data.password) {
      return c.json({ error: { code: 'unauthorized', message: 'Wrong email or password.' } }, 401);
    }
    return c.json(session(member));
  });

  app.get('/v1/me', (c) => {
    const member = memberOf(c.req.header('authorization'));
    return member ? c.json(member.profile) : c.json(unauthorized, 401);
  });

  app.put('/v1/me/consent', async (c) => {
    const member = memberOf(c.req.header('authorization'));
    if (member === null) return c.json(unauthorized, 401);
    const body = await readBody(c.req.raw, memberConsentSchema);
    if (!body.success) return c.json(invalid(body.error.issues), 400);
    member.profile = { ...member.profile, consent: body.data };
    return c.json(member.profile);
  });

  app.post('/v1/me/pass', async (c) => {
    const member = memberOf(c.req.header('authorization'));
    if (member === null) return c.json(unauthorized, 401);
    const body = await readBody(c.req.raw, memberPassRequestSchema);
    if (!body.success) return c.json(invalid(body.error.issues), 400);
    const { kty, crv, x, y } = body.data.appPublicKey;
    const issuedAt = Math.floor(now().getTime() / 1000);
    const passId = `pas_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const pass = await signPass({
      claims: {
        iss: 'vitrine-card-test',
        aud: 'vitrine-pass',
        jti: passId,
        sub: member.profile.customerId,
        org: ORGANISATION_ID,
        tier: member.profile.tier,
        consent: member.profile.consent,
        iat: issuedAt,
        exp: issuedAt + 86_400,
        cnf: { jwk: { kty, crv, x, y } },
      },
      privateKey: privateKey as CryptoKey,
      kid: KID,
    });
    const issued: IssuedPass = {
      passId,
      customerId: member.profile.customerId,
      pass,
      kid: KID,
      issuedAt: new Date(issuedAt * 1000).toISOString(),
      expiresAt: new Date((issuedAt + 86_400) * 1000).toISOString(),
    };
    passes.push(issued);
    return c.json(issued, 201);
  });

  app.get('/v1/me/invitations', (c) => {
    const member = memberOf(c.req.header('authorization'));
    if (member === null) return c.json(unauthorized, 401);
    const items = [...rsvps.values()].filter(
      (item) => item.view.guest.customerId === member.profile.customerId,
    );
    return c.json({ items });
  });

  app.post('/v1/rsvp/:code', async (c) => {
    const invitation = rsvps.get(c.req.param('code'));
    if (invitation === undefined) {
      return c.json({ error: { code: 'not_found', message: 'No such invitation.' } }, 404);
    }
    const body = await readBody(c.req.raw, rsvpRequestSchema);
    if (!body.success) return c.json(invalid(body.error.issues), 400);
    const { guest, session: held } = invitation.view;
    const ticket =
      body.data.answer === 'yes'
        ? await ticketFor(guest.customerId, held, 1 + body.data.companions, privateKey as CryptoKey)
        : null;
    const answered = {
      ...guest,
      rsvp: body.data.answer,
      companions: body.data.companions,
      answeredAt: now().toISOString(),
      ticketId: ticket?.ticketId ?? null,
    };
    invitation.view = { ...invitation.view, guest: answered, ticket };
    return c.json({ guest: answered, ticket });
  });

  app.get('/v1/members/stores', (c) =>
    c.req.query('organisationId') === ORGANISATION_ID
      ? c.json({ items: [store] })
      : c.json(invalid([{ path: ['organisationId'], message: 'unknown organisation' }]), 400),
  );

  app.get('/card', (c) => c.redirect('/card/'));
  app.use(
    '/card/*',
    serveStatic({ root: appDir, rewriteRequestPath: (path) => path.replace(/^\/card/, '') }),
  );
  app.get('/card/*', serveStatic({ root: appDir, path: 'index.html' }));

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    organisationId: ORGANISATION_ID,
    publicJwk,
    kid: KID,
    passes,
    consentOf: (email) => members.get(email)?.profile.consent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function invitationFor(
  member: Member,
  rsvpCode: string,
  storeId: string,
  ticket: MemberInvitation['view']['ticket'],
): MemberInvitation {
  // The event's own times are local wall-clock times; its session's are instants.
  const startsAt = '2026-12-20T18:00:00.000Z';
  const endsAt = '2026-12-20T21:00:00.000Z';
  return {
    rsvpCode,
    view: {
      event: {
        id: 'evt_winter-evening',
        name: 'Winter private evening',
        description: 'The new collection, by candlelight.',
        kind: 'private-evening',
        status: 'scheduled',
        startsAt: '2026-12-20T19:00',
        endsAt: '2026-12-20T22:00',
      },
      session: { storeId, timeZone: 'Europe/Paris', startsAt, endsAt },
      guest: {
        customerId: member.profile.customerId,
        firstName: member.profile.firstName,
        lastName: member.profile.lastName,
        storeId,
        rsvp: 'pending',
        companions: 0,
        invitedAt: '2026-12-01T09:00:00.000Z',
        answeredAt: null,
        ticketId: null,
        attendedAt: null,
        rsvpCode,
      },
      ticket,
    },
  };
}

async function ticketFor(
  customerId: string,
  held: MemberInvitation['view']['session'],
  admits: number,
  privateKey: CryptoKey,
) {
  const ticketId = `tkt_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const nbf = Math.floor(Date.parse(held.startsAt) / 1000) - 3_600;
  const exp = Math.floor(Date.parse(held.endsAt) / 1000);
  const code = await signCode(EVENT_TICKET, {
    claims: {
      jti: ticketId,
      evt: 'evt_winter-evening',
      sub: customerId,
      org: ORGANISATION_ID,
      store: held.storeId,
      admits,
      iat: nbf,
      nbf,
      exp,
    },
    privateKey,
    kid: KID,
  });
  return {
    ticketId,
    eventId: 'evt_winter-evening',
    customerId,
    storeId: held.storeId,
    admits,
    validFrom: new Date(nbf * 1000).toISOString(),
    validUntil: new Date(exp * 1000).toISOString(),
    issuedAt: new Date(nbf * 1000).toISOString(),
    revokedAt: null,
    code,
  };
}
