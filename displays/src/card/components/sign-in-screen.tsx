import type { MemberSession } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import type { MemberHttp } from '../api/member-http.ts';
import {
  checkEnrolForm,
  checkLoginForm,
  type EnrolForm,
  type FieldErrors,
} from '../domain/form-fields.ts';
import { ConsentToggles } from './consent-toggles.tsx';
import { TextField } from './text-field.tsx';

export interface SignInScreenProps {
  http: MemberHttp;
  organisationId: string;
  onSignedIn: (session: MemberSession) => void;
  notice: string | null;
}

const EMPTY_ENROL: EnrolForm = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  password: '',
  birthMonth: '',
  consent: { tracking: false, marketing: true, profiling: true },
};

/** Enrol (a new member) or sign in, each field's error shown by the field. */
export function SignInScreen({ http, organisationId, onSignedIn, notice }: SignInScreenProps) {
  const [mode, setMode] = useState<'login' | 'enrol'>('login');
  const [enrol, setEnrol] = useState<EnrolForm>(EMPTY_ENROL);
  const [login, setLogin] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  const send = async () => {
    if (mode === 'enrol') {
      const check = checkEnrolForm(enrol, organisationId);
      return check.ok ? http.enrol(check.value) : check;
    }
    const check = checkLoginForm(login, organisationId);
    return check.ok ? http.login(check.value) : check;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setErrors({});
    setPending(true);
    const outcome = await send();
    setPending(false);
    if (outcome.ok) onSignedIn(outcome.value);
    else setErrors(outcome.errors);
  };

  const switchTo = (next: 'login' | 'enrol') => {
    setMode(next);
    setErrors({});
  };

  return (
    <main class="sign-in">
      <form class="sheet" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <span class="wordmark">Vitrine</span>
        <h1 id="sign-in-title">
          {mode === 'enrol' ? 'Join the loyalty programme' : 'Your loyalty card'}
        </h1>
        <div class="switch" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'login'}
            onClick={() => switchTo('login')}
          >
            Sign in
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'enrol'}
            onClick={() => switchTo('enrol')}
          >
            Join
          </button>
        </div>
        {notice !== null && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        {errors[''] && (
          <p class="form-error" role="alert" data-testid="form-error">
            {errors['']}
          </p>
        )}
        {mode === 'enrol' ? (
          <>
            <TextField
              label="First name"
              name="firstName"
              autoComplete="given-name"
              value={enrol.firstName}
              error={errors.firstName}
              onInput={(firstName) => setEnrol({ ...enrol, firstName })}
            />
            <TextField
              label="Last name"
              name="lastName"
              autoComplete="family-name"
              value={enrol.lastName}
              error={errors.lastName}
              onInput={(lastName) => setEnrol({ ...enrol, lastName })}
            />
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              value={enrol.email}
              error={errors.email}
              onInput={(email) => setEnrol({ ...enrol, email })}
            />
            <TextField
              label="Phone (optional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              value={enrol.phone}
              error={errors.phone}
              onInput={(phone) => setEnrol({ ...enrol, phone })}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              value={enrol.password}
              error={errors.password}
              hint="At least 10 characters."
              onInput={(password) => setEnrol({ ...enrol, password })}
            />
            <TextField
              label="Birth month (optional)"
              name="birthMonth"
              inputMode="numeric"
              value={enrol.birthMonth}
              error={errors.birthMonth}
              onInput={(birthMonth) => setEnrol({ ...enrol, birthMonth })}
            />
            <ConsentToggles
              consent={enrol.consent}
              onChange={(consent) => setEnrol({ ...enrol, consent })}
            />
          </>
        ) : (
          <>
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              value={login.email}
              error={errors.email}
              onInput={(email) => setLogin({ ...login, email })}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={login.password}
              error={errors.password}
              onInput={(password) => setLogin({ ...login, password })}
            />
          </>
        )}
        <button class="primary" type="submit" disabled={pending}>
          {pending ? 'One moment…' : mode === 'enrol' ? 'Join' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
