import { useState } from 'preact/hooks';
import type { ApiResult } from '../api/cloud-client.ts';
import type { FieldErrors } from '../domain/problem.ts';

/** Said above a form whose fields the console itself could not read. */
export const INVALID_FIELDS = 'Some fields are not valid.';

export interface FormProblemState {
  /** The message of each field, by its schema path. */
  errors: FieldErrors;
  /** Why the form was not saved; null while all is well. */
  message: string | null;
  /** Shows these fields' messages under `message`. */
  show: (fields: FieldErrors, message: string) => void;
  /** Shows the fields the form could not read, under "Some fields are not valid.". */
  invalid: (fields: FieldErrors) => void;
  /** The data of the cloud's answer with the problem cleared, or null with its refusal shown. */
  accepted: <T>(answer: ApiResult<T>) => T | null;
}

/** A form's problem: its own reading of the fields, or the cloud's 4xx naming them. */
export function useFormProblem(): FormProblemState {
  const [problem, setProblem] = useState<{ errors: FieldErrors; message: string | null }>({
    errors: {},
    message: null,
  });
  const show = (errors: FieldErrors, message: string | null) => setProblem({ errors, message });
  return {
    ...problem,
    show,
    invalid: (fields) => show(fields, INVALID_FIELDS),
    accepted: (answer) => {
      if (!answer.ok) {
        show(answer.fields, answer.message);
        return null;
      }
      show({}, null);
      return answer.data;
    },
  };
}
