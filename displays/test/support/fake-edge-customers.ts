import {
  type ArrivalAlert,
  CUSTOMER_SEARCH_LIMIT,
  type CustomerProfile,
  classifyCustomerQuery,
  customerIdSchema,
  customerRegistrationSchema,
  customerSearchQuerySchema,
  type DuplicateCustomerProblem,
  type EdgeCustomerCard,
  type EdgeCustomerSearch,
  foldName,
  type ProblemBody,
  toSearchCard,
  type ZonesViewBody,
} from '@vitrine/shared';
import type { Context, Hono } from 'hono';
import { z } from 'zod';

/**
 * The fake edge's client desk, on the edge's contract (`/api/customers`, `/api/scans`):
 * searches and registrations decided over the customers it is given, validated with the
 * shared schemas as the edge does. A scanned code is looked up in the codes it was given.
 */
export type FakeScan =
  | { kind: 'check-in'; alert: ArrivalAlert }
  | {
      kind: 'ticket';
      admission: {
        ticketId: string;
        eventId: string;
        customerId: string;
        admission: number;
        admits: number;
      };
    }
  | { kind: 'refused'; status: 409 | 422; reason: ProblemBody['error']['code']; message: string };

export interface FakeCustomerDeskOptions {
  storeId: string;
  customers: CustomerProfile[];
  scans: ReadonlyMap<string, FakeScan>;
  /** Whether the bearer token of the request is a signed-in associate's. */
  signedIn: (c: Context) => boolean;
  /** The edge pushes the alert of a check-in to the store's tablets. */
  pushAlert: (alert: ArrivalAlert) => void;
  /** The head counts of `GET /api/zones`; without them the route is absent, as on an edge without a layout. */
  zones?: ZonesViewBody;
}

const fieldsOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));

function matches(profile: CustomerProfile, q: string): boolean {
  const query = classifyCustomerQuery(q);
  if (query.kind === 'name') {
    const names = [foldName(profile.firstName), foldName(profile.lastName)];
    return query.words.every((word) => names.some((name) => name.startsWith(word)));
  }
  if (query.kind === 'email') return profile.email?.toLowerCase() === query.email;
  return (profile.phone ?? '').replace(/\D/g, '').endsWith(query.digits.slice(-9));
}

export function addFakeCustomerDesk(
  app: Hono,
  { storeId, customers, scans, signedIn, pushAlert, zones }: FakeCustomerDeskOptions,
) {
  const unauthorized = (c: Context) =>
    c.json({ error: { code: 'unauthorized', message: 'missing or bad token' } }, 401);
  const invalid = (c: Context, fields: { path: string; message: string }[]) =>
    c.json(
      {
        error: {
          code: 'validation_failed',
          message: `invalid ${fields.map((f) => f.path).join(', ')}`,
          fields,
        },
      },
      400,
    );

  app.get('/api/customers', (c) => {
    if (!signedIn(c)) return unauthorized(c);
    const query = customerSearchQuerySchema.safeParse({ q: c.req.query('q') ?? '' });
    if (!query.success) return invalid(c, fieldsOf(query.error));
    const found = customers.filter((profile) => matches(profile, query.data.q));
    const body: EdgeCustomerSearch = {
      items: found.slice(0, CUSTOMER_SEARCH_LIMIT).map(toSearchCard),
      matchedOn: classifyCustomerQuery(query.data.q).kind,
      source: 'cloud',
    };
    return c.json(body);
  });

  app.get('/api/customers/:customerId', (c) => {
    if (!signedIn(c)) return unauthorized(c);
    const id = customerIdSchema.safeParse(c.req.param('customerId'));
    const profile = customers.find((customer) => customer.id === id.data);
    if (profile === undefined) {
      return c.json({ error: { code: 'not_found', message: 'no such customer' } }, 404);
    }
    const body: EdgeCustomerCard = { profile, source: 'cloud' };
    return c.json(body);
  });

  app.post('/api/customers', async (c) => {
    if (!signedIn(c)) return unauthorized(c);
    const registration = customerRegistrationSchema.safeParse(await c.req.json().catch(() => null));
    if (!registration.success) return invalid(c, fieldsOf(registration.error));
    const { data } = registration;
    const email = data.email?.toLowerCase() ?? null;
    const same = customers.filter((customer) => email !== null && customer.email === email);
    if (same.length > 0) {
      const body: DuplicateCustomerProblem = {
        error: {
          code: 'conflict',
          message: 'a customer with this email or phone may already exist',
          candidates: same.map((customer) => ({
            id: customer.id,
            name: `${customer.firstName} ${customer.lastName}`,
            matchedOn: 'email',
            match: 'exact',
          })),
        },
      };
      return c.json(body, 409);
    }
    const profile: CustomerProfile = {
      id: `cus_new${String(customers.length + 1).padStart(4, '0')}`,
      firstName: data.firstName,
      lastName: data.lastName,
      email,
      phone: data.phone ?? null,
      tier: 'member',
      lifetimeValue: 0,
      currency: 'JPY',
      preferences: data.preferences,
      homeStoreId: storeId,
      homeStoreName: 'Tokyo Ginza',
      consent: data.consent,
      notes: '',
      recentPurchases: [],
      recentVisits: [],
      birthMonth: data.birthMonth ?? null,
      invitations: [],
    };
    customers.push(profile);
    return c.json(profile, 201);
  });

  if (zones !== undefined) {
    app.get('/api/zones', (c) => (signedIn(c) ? c.json(zones) : unauthorized(c)));
  }

  app.post('/api/scans', async (c) => {
    if (!signedIn(c)) return unauthorized(c);
    const body = z
      .object({ code: z.string().min(1) })
      .safeParse(await c.req.json().catch(() => null));
    if (!body.success) return invalid(c, [{ path: 'code', message: 'required' }]);
    const scan = scans.get(body.data.code);
    if (scan === undefined) {
      return c.json({ error: { code: 'unknown_code', message: 'not a code of the house' } }, 422);
    }
    if (scan.kind === 'check-in') {
      pushAlert(scan.alert);
      return c.json({ alert: scan.alert }, 201);
    }
    if (scan.kind === 'ticket') return c.json({ admission: scan.admission }, 201);
    return c.json({ error: { code: scan.reason, message: scan.message } }, scan.status);
  });
}
