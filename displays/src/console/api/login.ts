import { type LoginResponse, loginResponseSchema } from '@vitrine/shared';
import { readProblem } from '../domain/problem.ts';

export type LoginOutcome = { ok: true; session: LoginResponse } | { ok: false; message: string };

/** Logs a marketer (or an administrator) in with the cloud's own login. */
export async function login(
  credentials: { email: string; password: string },
  { baseUrl = '', fetch = globalThis.fetch } = {},
): Promise<LoginOutcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
  } catch {
    return { ok: false, message: 'The Vitrine cloud cannot be reached. Check the network.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = readProblem(response.status, body);
    const message = response.status === 401 ? 'Wrong email or password.' : problem.message;
    return { ok: false, message };
  }
  const parsed = loginResponseSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: 'The cloud sent an unreadable login answer.' };
  const { role } = parsed.data.subject;
  if (role !== 'marketer' && role !== 'admin') {
    return { ok: false, message: 'The console is for marketers: this account cannot use it.' };
  }
  return { ok: true, session: parsed.data };
}
