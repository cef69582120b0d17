import {
  type CustomerProfile,
  type CustomerRegistration,
  customerProfileSchema,
  type DuplicateCandidate,
  duplicateCustomerProblemSchema,
  type EdgeCustomerCard,
  type EdgeCustomerSearch,
  edgeCustomerCardSchema,
  edgeCustomerSearchSchema,
  type ZonesViewBody,
  zonesViewSchema,
} from '@vitrine/shared';
import { z } from 'zod';
import { isOfferCode, readScanAnswer, type ScanOutcome } from '../domain/scan-outcome.ts';

/**
 * The edge's client desk as the tablet calls it: search, the customer card, registration
 * and the scans typed or seen by the camera. Every answer is parsed with shared's schemas.
 */

const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export interface DeskHttpOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export type Failure = {
  ok: false;
  /** 0: the edge could not be reached. */
  status: number;
  message: string;
  fields: { path: string; message: string }[];
};

const UNREACHABLE: Failure = {
  ok: false,
  status: 0,
  message: 'The store gateway cannot be reached. Check the network.',
  fields: [],
};

async function failure(response: Response, body: unknown): Promise<Failure> {
  const problem = problemSchema.safeParse(body);
  if (!problem.success) {
    return {
      ok: false,
      status: response.status,
      message: `The store gateway answered ${response.status}.`,
      fields: [],
    };
  }
  return {
    ok: false,
    status: response.status,
    message: problem.data.error.message,
    fields: problem.data.error.fields ?? [],
  };
}

async function send(
  path: string,
  token: string,
  { baseUrl = '', fetch = globalThis.fetch }: DeskHttpOptions,
  body?: unknown,
): Promise<{ ok: true; response: Response; body: unknown } | Failure> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return UNREACHABLE;
  }
  const parsed: unknown = await response.json().catch(() => null);
  return { ok: true, response, body: parsed };
}

const unreadable = (status: number, what: string): Failure => ({
  ok: false,
  status,
  message: `The store gateway sent an unreadable ${what}.`,
  fields: [],
});

export async function searchCustomers(
  token: string,
  q: string,
  options: DeskHttpOptions = {},
): Promise<{ ok: true; result: EdgeCustomerSearch } | Failure> {
  const sent = await send(`/api/customers?q=${encodeURIComponent(q)}`, token, options);
  if (!sent.ok) return sent;
  if (!sent.response.ok) return failure(sent.response, sent.body);
  const result = edgeCustomerSearchSchema.safeParse(sent.body);
  return result.success
    ? { ok: true, result: result.data }
    : unreadable(sent.response.status, 'search answer');
}

export async function fetchCustomerCard(
  token: string,
  customerId: string,
  options: DeskHttpOptions = {},
): Promise<{ ok: true; card: EdgeCustomerCard } | Failure> {
  const sent = await send(`/api/customers/${encodeURIComponent(customerId)}`, token, options);
  if (!sent.ok) return sent;
  if (!sent.response.ok) return failure(sent.response, sent.body);
  const card = edgeCustomerCardSchema.safeParse(sent.body);
  return card.success
    ? { ok: true, card: card.data }
    : unreadable(sent.response.status, 'customer card');
}

export type RegistrationOutcome =
  | { ok: true; profile: CustomerProfile }
  | { ok: false; status: 409; duplicates: DuplicateCandidate[]; message: string }
  | Failure;

/** The body goes as typed: the edge and the cloud say which field is wrong. */
export async function registerCustomer(
  token: string,
  registration: Partial<CustomerRegistration>,
  options: DeskHttpOptions = {},
): Promise<RegistrationOutcome> {
  const sent = await send('/api/customers', token, options, registration);
  if (!sent.ok) return sent;
  if (sent.response.status === 409) {
    const duplicate = duplicateCustomerProblemSchema.safeParse(sent.body);
    if (duplicate.success) {
      return {
        ok: false,
        status: 409,
        duplicates: duplicate.data.error.candidates,
        message: duplicate.data.error.message,
      };
    }
  }
  if (!sent.response.ok) return failure(sent.response, sent.body);
  const profile = customerProfileSchema.safeParse(sent.body);
  return profile.success
    ? { ok: true, profile: profile.data }
    : unreadable(sent.response.status, 'new profile');
}

/** A code the camera saw or the associate typed, to the edge's `POST /api/scans`. */
export async function submitScan(
  token: string,
  code: string,
  options: DeskHttpOptions = {},
): Promise<ScanOutcome> {
  const sent = await send('/api/scans', token, options, { code });
  if (!sent.ok) return { kind: 'failed', message: sent.message };
  if (!sent.response.ok) {
    const refused = await failure(sent.response, sent.body);
    const problem = problemSchema.safeParse(sent.body);
    return {
      kind: 'refused',
      reason: problem.success ? problem.data.error.code : `http_${sent.response.status}`,
      message: refused.message,
      offer: isOfferCode(code),
    };
  }
  return readScanAnswer(sent.body);
}

/** The store's head counts per zone, for the store map. */
export async function fetchZones(
  token: string,
  options: DeskHttpOptions = {},
): Promise<{ ok: true; view: ZonesViewBody } | Failure> {
  const sent = await send('/api/zones', token, options);
  if (!sent.ok) return sent;
  if (!sent.response.ok) return failure(sent.response, sent.body);
  const view = zonesViewSchema.safeParse(sent.body);
  return view.success
    ? { ok: true, view: view.data }
    : unreadable(sent.response.status, 'store map');
}
