import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, fieldErrors, toRegistration } from './register-form.ts';

describe('the registration form', () => {
  it('sends what was typed, leaving out empty fields and unanswered consents', () => {
    const body = toRegistration({
      ...EMPTY_DRAFT,
      firstName: 'Inès',
      lastName: 'Moreau',
      phone: '06 12 34 56 78',
      birthMonth: '4',
      consent: { tracking: false, marketing: true, profiling: null },
    });
    expect(body).toEqual({
      firstName: 'Inès',
      lastName: 'Moreau',
      phone: '06 12 34 56 78',
      birthMonth: 4,
      consent: { tracking: false, marketing: true },
    });
  });

  it('puts each error of the problem by its field, consents by their flag', () => {
    expect(
      fieldErrors([
        { path: 'email', message: 'Invalid email address' },
        {
          path: 'consent.profiling',
          message: 'Invalid input: expected boolean, received undefined',
        },
        { path: '(body)', message: 'must be JSON' },
        { path: 'email', message: 'a second error on the same field' },
      ]),
    ).toEqual({
      email: 'Invalid email address',
      profiling: 'Ask the client and record their answer.',
      form: 'must be JSON',
    });
  });
});
