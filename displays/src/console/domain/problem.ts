import { z } from 'zod';

/** The body of every cloud error (ProblemBody in shared), read for its message and fields. */
const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Messages by the dotted path of the field they concern (`schedule.windows.0.end`). */
export type FieldErrors = Readonly<Record<string, string>>;

export interface Problem {
  status: number;
  message: string;
  fields: FieldErrors;
}

/** Said when the cloud's answer carries no message of its own. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Some fields are not valid.',
  401: 'Your session has expired: log in again.',
  403: 'Your account may not do this.',
  404: 'Not found.',
  409: 'Someone else changed this meanwhile: reload it.',
};

/** A cloud error answer as the console shows it; two messages for one field are joined. */
export function readProblem(status: number, body: unknown): Problem {
  const parsed = problemSchema.safeParse(body);
  const fallback = STATUS_MESSAGES[status] ?? `The cloud answered ${status}.`;
  if (!parsed.success) return { status, message: fallback, fields: {} };
  const fields: Record<string, string> = {};
  for (const field of parsed.data.error.fields ?? []) {
    const earlier = fields[field.path];
    fields[field.path] = earlier === undefined ? field.message : `${earlier}; ${field.message}`;
  }
  return { status, message: parsed.data.error.message || fallback, fields };
}

/** The message a form field shows: the one for its exact path. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path];
}

/** Every message as `path: message`, for the summary above a form. */
export function errorSummary(errors: FieldErrors): string[] {
  return Object.entries(errors).map(([path, message]) => `${path}: ${message}`);
}
