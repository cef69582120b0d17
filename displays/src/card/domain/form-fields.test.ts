import { describe, expect, it } from 'vitest';
import {
  checkEnrolForm,
  checkLoginForm,
  type EnrolForm,
  fieldErrorsOfProblem,
} from './form-fields.ts';

const ORG = 'org_demo';
const form: EnrolForm = {
  firstName: 'Aiko',
  lastName: 'Tanaka',
  email: ' aiko@example.com ',
  phone: '',
  password: 'long enough password',
  birthMonth: '4',
  consent: { tracking: false, marketing: true, profiling: true },
};

describe('the enrolment form', () => {
  it('gives the request the member API takes', () => {
    const check = checkEnrolForm(form, ORG);
    expect(check).toEqual({
      ok: true,
      value: expect.objectContaining({
        organisationId: ORG,
        email: 'aiko@example.com',
        phone: null,
        birthMonth: 4,
        homeStoreId: null,
      }),
    });
  });

  it('names each wrong field once', () => {
    const check = checkEnrolForm(
      { ...form, firstName: ' ', email: 'aiko@', password: 'short', birthMonth: '13' },
      ORG,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual([
      'birthMonth',
      'email',
      'firstName',
      'password',
    ]);
    expect(check.errors.password).toMatch(/at least 10 characters/);
  });
});

describe('the sign-in form', () => {
  it('refuses an email that is not one', () => {
    const check = checkLoginForm({ email: 'nobody', password: 'x' }, ORG);
    expect(check).toEqual({ ok: false, errors: { email: 'Enter a valid email address.' } });
  });
});

describe('a problem from the cloud', () => {
  it('is shown by the fields it names', () => {
    const errors = fieldErrorsOfProblem({
      error: {
        code: 'validation_failed',
        message: 'Invalid request',
        fields: [{ path: 'email', message: 'already enrolled' }],
      },
    });
    expect(errors).toEqual({ email: 'already enrolled' });
  });

  it('is shown as a whole when it names no field', () => {
    const errors = fieldErrorsOfProblem({
      error: { code: 'unauthorized', message: 'Wrong password' },
    });
    expect(errors).toEqual({ '': 'Wrong password' });
  });
});
