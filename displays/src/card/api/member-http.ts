import {
  type AppPublicJwk,
  type IssuedPass,
  issuedPassSchema,
  type MemberConsent,
  type MemberEnrolRequest,
  type MemberInvitation,
  type MemberLoginRequest,
  type MemberProfile,
  type MemberSession,
  type MemberStore,
  memberInvitationListSchema,
  memberProfileSchema,
  memberSessionSchema,
  memberStoreListSchema,
  type RsvpRequest,
  type RsvpResult,
  rsvpResultSchema,
} from '@vitrine/shared';
import type { z } from 'zod';
import { type FieldErrors, fieldErrorsOfProblem } from '../domain/form-fields.ts';

/**
 * The member API of the cloud (shared's member-api), same origin: the cloud serves this
 * card at /card/. Every answer is parsed with the shared schema; an error comes back as
 * messages by field, the cloud's 400 naming them.
 */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; errors: FieldErrors };

export interface MemberHttpOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  404: 'Not found.',
  409: 'This email is already enrolled. Sign in instead.',
};

async function call<S extends z.ZodType>(
  schema: S,
  path: string,
  { method = 'GET', token, body }: { method?: string; token?: string; body?: unknown },
  { baseUrl = '', fetch = globalThis.fetch }: MemberHttpOptions,
): Promise<Outcome<z.output<S>>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      errors: { '': 'Vitrine cannot be reached. Check the network.' },
    };
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = fieldErrorsOfProblem(json);
    const fallback = STATUS_MESSAGES[response.status];
    if (errors[''] !== undefined && json === null && fallback) errors[''] = fallback;
    return { ok: false, status: response.status, errors };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      status: response.status,
      errors: { '': 'Vitrine sent an unreadable answer.' },
    };
  }
  return { ok: true, value: parsed.data };
}

export function createMemberHttp(options: MemberHttpOptions = {}) {
  return {
    enrol: (request: MemberEnrolRequest): Promise<Outcome<MemberSession>> =>
      call(memberSessionSchema, '/v1/members/enrol', { method: 'POST', body: request }, options),
    login: (request: MemberLoginRequest): Promise<Outcome<MemberSession>> =>
      call(memberSessionSchema, '/v1/members/login', { method: 'POST', body: request }, options),
    me: (token: string): Promise<Outcome<MemberProfile>> =>
      call(memberProfileSchema, '/v1/me', { token }, options),
    setConsent: (token: string, consent: MemberConsent): Promise<Outcome<MemberProfile>> =>
      call(memberProfileSchema, '/v1/me/consent', { method: 'PUT', token, body: consent }, options),
    issuePass: (token: string, appPublicKey: AppPublicJwk): Promise<Outcome<IssuedPass>> =>
      call(
        issuedPassSchema,
        '/v1/me/pass',
        { method: 'POST', token, body: { appPublicKey } },
        options,
      ),
    invitations: async (token: string): Promise<Outcome<MemberInvitation[]>> => {
      const outcome = await call(
        memberInvitationListSchema,
        '/v1/me/invitations',
        { token },
        options,
      );
      return outcome.ok ? { ok: true, value: outcome.value.items } : outcome;
    },
    stores: async (organisationId: string): Promise<Outcome<MemberStore[]>> => {
      const query = new URLSearchParams({ organisationId });
      const outcome = await call(memberStoreListSchema, `/v1/members/stores?${query}`, {}, options);
      return outcome.ok ? { ok: true, value: outcome.value.items } : outcome;
    },
    rsvp: (code: string, request: Partial<RsvpRequest>): Promise<Outcome<RsvpResult>> =>
      call(
        rsvpResultSchema,
        `/v1/rsvp/${encodeURIComponent(code)}`,
        { method: 'POST', body: request },
        options,
      ),
  };
}

export type MemberHttp = ReturnType<typeof createMemberHttp>;
