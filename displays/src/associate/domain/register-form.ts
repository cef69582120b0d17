import type { CustomerRegistration } from '@vitrine/shared';

/** The registration form as typed: nothing is assumed, a consent unanswered stays null. */
export interface RegisterDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** '' or 1–12. */
  birthMonth: string;
  consent: { tracking: boolean | null; marketing: boolean | null; profiling: boolean | null };
}

export type RegisterField =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'birthMonth'
  | 'tracking'
  | 'marketing'
  | 'profiling'
  | 'form';

export const EMPTY_DRAFT: RegisterDraft = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  birthMonth: '',
  consent: { tracking: null, marketing: null, profiling: null },
};

/**
 * The body sent as typed, empty fields left out: the edge checks it and names each
 * wrong field, so the page never guesses a rule the cloud holds.
 */
export function toRegistration(draft: RegisterDraft): Partial<CustomerRegistration> {
  const consent: Partial<CustomerRegistration['consent']> = {};
  for (const flag of ['tracking', 'marketing', 'profiling'] as const) {
    const answer = draft.consent[flag];
    if (answer !== null) consent[flag] = answer;
  }
  const body: Record<string, unknown> = {
    firstName: draft.firstName,
    lastName: draft.lastName,
    consent,
  };
  if (draft.email.trim() !== '') body.email = draft.email;
  if (draft.phone.trim() !== '') body.phone = draft.phone;
  if (draft.birthMonth !== '') body.birthMonth = Number(draft.birthMonth);
  return body as Partial<CustomerRegistration>;
}

const FIELDS = new Set<string>([
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthMonth',
  'tracking',
  'marketing',
  'profiling',
]);

/** The problem's fields by the input they belong to (`consent.tracking` → tracking). */
export function fieldErrors(
  fields: readonly { path: string; message: string }[],
): Partial<Record<RegisterField, string>> {
  const errors: Partial<Record<RegisterField, string>> = {};
  for (const { path, message } of fields) {
    const name = path.startsWith('consent.') ? path.slice('consent.'.length) : path;
    const field: RegisterField = FIELDS.has(name) ? (name as RegisterField) : 'form';
    const said =
      message === 'Invalid input: expected boolean, received undefined'
        ? 'Ask the client and record their answer.'
        : message;
    errors[field] ??= said;
  }
  return errors;
}
