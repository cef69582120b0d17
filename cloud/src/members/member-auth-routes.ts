import { createRoute } from '@hono/zod-openapi';
import {
  type DuplicateCandidate,
  memberEnrolRequestSchema,
  memberLoginRequestSchema,
  memberSessionSchema,
  newId,
  type ProblemBody,
} from '@vitrine/shared';
import { createDecoyHash, hashPassword, verifyPassword } from '../auth/password.ts';
import type { CustomerRegistryRepository } from '../customers/customer-registry-repository.ts';
import { normaliseEmail, normalisePhone } from '../customers/domain/contact-keys.ts';
import { ConflictError, UnauthorizedError, ValidationError } from '../errors/app-errors.ts';
import { json } from '../http/openapi-content.ts';
import { problemResponses } from '../http/problem.ts';
import type { CloudMetrics } from '../observability/cloud-metrics.ts';
import { createMemberRouter } from './member-middleware.ts';
import {
  type EnrolmentStore,
  insertMemberCredentials,
  type MemberRepository,
} from './member-repository.ts';
import type { Member, MemberTokenService } from './member-tokens.ts';

export interface MemberAuthRoutesOptions {
  members: MemberRepository;
  registry: CustomerRegistryRepository;
  memberTokens: MemberTokenService;
  metrics: CloudMetrics;
  newCustomerId?: () => string;
}

/** As the in-store registration accepts a phone: digits, spaces, dots, dashes, brackets. */
const PHONE_TEXT = /^\+?[0-9 ().-]{6,40}$/;

/**
 * 409 naming the email or the phone an existing customer already has, and what to do:
 * sign in, or have an associate link the card when that customer has no sign-in yet.
 * Names no one: the candidates of the in-store registration stay with the staff.
 */
export class MemberExistsError extends ConflictError {
  constructor(
    readonly paths: ('email' | 'phone')[],
    readonly canSignIn: boolean,
  ) {
    const what = paths.join(' and ');
    super(
      canSignIn
        ? `a member with this ${what} already exists: sign in instead`
        : `a customer card already has this ${what}: ask an associate in store to link your card to the app`,
    );
  }

  override toProblem(): ProblemBody {
    const fields = this.paths.map((path) => ({ path, message: this.message }));
    return { error: { code: this.code, message: this.message, fields } };
  }
}

const enrolRoute = createRoute({
  method: 'post',
  path: '/v1/members/enrol',
  tags: ['members'],
  summary: 'A customer joins the loyalty programme from the card: a member account, signed in',
  description:
    'No token. Duplicate detection as in store (normalised and canonical email, phone with the country code): an existing customer with this email or phone gets 409 naming the field.',
  request: { body: { required: true, content: json(memberEnrolRequestSchema) } },
  responses: {
    201: { description: 'The new member, signed in', content: json(memberSessionSchema) },
    400: problemResponses[400],
    409: { description: 'Already a customer', content: problemResponses[400].content },
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/v1/members/login',
  tags: ['members'],
  summary: 'A member signs in to the card with email and password (a token valid 30 days)',
  request: { body: { required: true, content: json(memberLoginRequestSchema) } },
  responses: {
    200: { description: 'Signed in', content: json(memberSessionSchema) },
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

export function createMemberAuthRoutes({
  members,
  registry,
  memberTokens,
  metrics,
  newCustomerId = () => newId('customer'),
}: MemberAuthRoutesOptions) {
  const router = createMemberRouter();
  // Created on the first unknown email, then reused: see createDecoyHash.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => {
    decoyHash ??= createDecoyHash();
    return decoyHash;
  };

  async function session(member: Member) {
    const { token, expiresAt } = await memberTokens.issue(member);
    return { token, expiresAt: expiresAt.toISOString(), customerId: member.customerId };
  }

  async function enrolmentStore(organisationId: string, homeStoreId: string | null) {
    const defaults = await members.organisationDefaults(organisationId);
    if (defaults === null) {
      throw new ValidationError([
        { path: 'organisationId', message: `no organisation ${organisationId}` },
      ]);
    }
    if (homeStoreId === null) {
      if (defaults.defaultStore !== null) return defaults.defaultStore;
      throw new ValidationError([
        { path: 'organisationId', message: `${organisationId} has no store yet` },
      ]);
    }
    const store: EnrolmentStore | null = await members.findStore(organisationId, homeStoreId);
    if (store !== null) return store;
    throw new ValidationError([
      { path: 'homeStoreId', message: `no store ${homeStoreId} in ${organisationId}` },
    ]);
  }

  async function alreadyMember(candidates: DuplicateCandidate[]): Promise<MemberExistsError> {
    const paths = (['email', 'phone'] as const).filter((path) =>
      candidates.some((candidate) => candidate.matchedOn === path),
    );
    const signIns = await members.withCredential(candidates.map((candidate) => candidate.id));
    return new MemberExistsError(paths, signIns.size > 0);
  }

  router.openapi(enrolRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.phone !== null && !PHONE_TEXT.test(body.phone)) {
      throw new ValidationError([{ path: 'phone', message: 'must be a phone number' }]);
    }
    const { organisationId } = body;
    const store = await enrolmentStore(organisationId, body.homeStoreId);
    const customerId = newCustomerId();
    const passwordHash = await hashPassword(body.password);
    const result = await registry.register(
      {
        id: customerId,
        organisationId,
        firstName: body.firstName,
        lastName: body.lastName,
        email: normaliseEmail(body.email),
        phone: body.phone === null ? null : `+${normalisePhone(body.phone, store.country)}`,
        currency: store.currency,
        preferences: [],
        homeStoreId: body.homeStoreId,
        birthMonth: body.birthMonth,
        consent: body.consent,
      },
      {
        alsoWrite: (tx) =>
          insertMemberCredentials(tx, [{ customerId, organisationId, passwordHash }]),
      },
    );
    if (result.outcome === 'duplicate') throw await alreadyMember(result.candidates);
    metrics.logins.inc({ outcome: 'member_enrolled' });
    return c.json(await session({ customerId, organisationId }), 201);
  });

  router.openapi(loginRoute, async (c) => {
    const { organisationId, email, password } = c.req.valid('json');
    const found = await members.findSignIn(organisationId, email);
    const matches = await verifyPassword(password, found?.passwordHash ?? (await decoy()));
    if (found === null || !matches) {
      metrics.logins.inc({ outcome: 'member_bad_credentials' });
      throw new UnauthorizedError('wrong email or password');
    }
    metrics.logins.inc({ outcome: 'member_success' });
    return c.json(await session({ customerId: found.customerId, organisationId }), 200);
  });

  return router;
}
