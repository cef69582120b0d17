import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '@vitrine/shared';
import type { ZodError } from 'zod';
import { ValidationError } from '../errors/app-errors.ts';

/** ProblemBody (shared) as a schema, for the OpenAPI document. */
export const problemSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Problem');

const problemContent = { 'application/json': { schema: problemSchema } };

/** The error responses every protected route can give, for its OpenAPI entry. */
export const problemResponses = {
  400: {
    description: 'Invalid request: `fields` names each offending field',
    content: problemContent,
  },
  401: { description: 'Missing, invalid or expired token', content: problemContent },
  403: { description: 'Role or store not allowed', content: problemContent },
  404: { description: 'Unknown resource', content: problemContent },
} as const;

/** A failed request validation as a ValidationError naming each field by its path. */
export function validationErrorFrom(error: ZodError, target: string): ValidationError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : target,
    message: issue.message,
  }));
  return new ValidationError(fields, { cause: error });
}
