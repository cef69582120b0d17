import {
  MEMBER_PASSWORD_MIN,
  type MemberConsent,
  type MemberEnrolRequest,
  type MemberLoginRequest,
  memberEnrolRequestSchema,
  memberLoginRequestSchema,
} from '@vitrine/shared';
import { z } from 'zod';

/** Errors by field name, shown beside each field; `''` holds what belongs to no field. */
export type FieldErrors = Record<string, string>;

export type FormCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** What the customer types to enrol, as text. */
export interface EnrolForm {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  birthMonth: string;
  consent: MemberConsent;
}

export interface LoginForm {
  email: string;
  password: string;
}

/** Messages in the customer's words for the checks the shared schemas make. */
const FRIENDLY: Record<string, string> = {
  firstName: 'Enter your first name.',
  lastName: 'Enter your last name.',
  email: 'Enter a valid email address.',
  phone: 'Enter a phone number of 6 to 32 characters, or leave it empty.',
  password: `Choose a password of at least ${MEMBER_PASSWORD_MIN} characters.`,
  birthMonth: 'Choose a month from 1 to 12, or leave it empty.',
};

/** The first issue of each field, by the top-level name of its path. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
) {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= FRIENDLY[field] ?? issue.message;
  }
  return errors;
}

export function checkEnrolForm(
  form: EnrolForm,
  organisationId: string,
): FormCheck<MemberEnrolRequest> {
  const phone = form.phone.trim();
  const month = form.birthMonth.trim();
  const candidate = {
    organisationId,
    firstName: form.firstName,
    lastName: form.lastName,
    email: form.email.trim(),
    phone: phone === '' ? null : phone,
    password: form.password,
    birthMonth: month === '' ? null : Number(month),
    consent: form.consent,
  };
  const parsed = memberEnrolRequestSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error.issues) };
  return { ok: true, value: parsed.data };
}

export function checkLoginForm(
  form: LoginForm,
  organisationId: string,
): FormCheck<MemberLoginRequest> {
  const parsed = memberLoginRequestSchema.safeParse({
    organisationId,
    email: form.email.trim(),
    password: form.password,
  });
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error.issues) };
  return { ok: true, value: parsed.data };
}

/** The cloud's problem body (shared's ProblemBody), read for its message and fields. */
export const problemBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/**
 * A 400's fields by the form's names (the cloud names them by path, `body.email` or
 * `email`), and its message under `''` when no field is named.
 */
export function fieldErrorsOfProblem(body: unknown): FieldErrors {
  const problem = problemBodySchema.safeParse(body);
  if (!problem.success) return { '': 'The Vitrine service sent an unreadable answer.' };
  const errors: FieldErrors = {};
  for (const field of problem.data.error.fields ?? []) {
    const name = field.path.replace(/^body\./, '').split('.')[0] ?? '';
    errors[name] ??= field.message;
  }
  if (Object.keys(errors).length === 0) errors[''] = problem.data.error.message;
  return errors;
}
