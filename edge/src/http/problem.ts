import type { ErrorCode, ProblemBody } from '@vitrine/shared';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  fields?: ProblemBody['error']['fields'],
) {
  const body: ProblemBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return c.json(body, status);
}
