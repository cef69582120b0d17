import {
  type ArrivalAlert,
  arrivalAlertSchema,
  type LoginResponse,
  loginResponseSchema,
} from '@vitrine/shared';
import { z } from 'zod';

/** The body of every edge/cloud error (ProblemBody in shared), read loosely for its message. */
const problemSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().min(1) }),
});

const recentAlertsSchema = z.object({ items: z.array(z.unknown()) });

export interface EdgeHttpOptions {
  /** Same origin by default: the edge serves this page and its API together. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export type LoginOutcome = { ok: true; session: LoginResponse } | { ok: false; message: string };

/** Said when the edge's answer carries no message of its own. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Enter a valid email address and your password.',
  401: 'Wrong email or password.',
  403: 'This account is not an associate of this store.',
  502: 'The Vitrine cloud cannot be reached. Try again in a moment.',
};

async function problemMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const problem = problemSchema.safeParse(body);
  if (problem.success) return problem.data.error.message;
  return STATUS_MESSAGES[response.status] ?? `The store gateway answered ${response.status}.`;
}

export async function login(
  credentials: { email: string; password: string },
  { baseUrl = '', fetch = globalThis.fetch }: EdgeHttpOptions = {},
): Promise<LoginOutcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
  } catch {
    return { ok: false, message: 'The store gateway cannot be reached. Check the network.' };
  }
  if (!response.ok) return { ok: false, message: await problemMessage(response) };
  const parsed = loginResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    return { ok: false, message: 'The store gateway sent an unreadable login answer.' };
  }
  if (parsed.data.subject.role !== 'associate') {
    return { ok: false, message: 'This page is for store associates.' };
  }
  return { ok: true, session: parsed.data };
}

export type RecentAlertsOutcome =
  | { ok: true; alerts: ArrivalAlert[]; rejected: number }
  | { ok: false; status: number; message: string };

/** The store's latest alerts, newest first; alerts that fail the schema are left out. */
export async function fetchRecentAlerts(
  token: string,
  { baseUrl = '', fetch = globalThis.fetch }: EdgeHttpOptions = {},
): Promise<RecentAlertsOutcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/alerts/recent`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    return { ok: false, status: 0, message: 'The store gateway cannot be reached.' };
  }
  if (!response.ok) {
    return { ok: false, status: response.status, message: await problemMessage(response) };
  }
  const body = recentAlertsSchema.safeParse(await response.json().catch(() => null));
  if (!body.success) {
    return { ok: false, status: response.status, message: 'Unreadable list of recent alerts.' };
  }
  const alerts: ArrivalAlert[] = [];
  let rejected = 0;
  for (const item of body.data.items) {
    const alert = arrivalAlertSchema.safeParse(item);
    if (alert.success) alerts.push(alert.data);
    else rejected += 1;
  }
  return { ok: true, alerts, rejected };
}
