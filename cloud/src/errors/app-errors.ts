import type { ErrorCode, ProblemBody } from '@vitrine/shared';

type FieldProblem = NonNullable<ProblemBody['error']['fields']>[number];

interface AppErrorOptions {
  cause?: unknown;
}

/**
 * The few errors the cloud raises on purpose. Each carries its HTTP status and its
 * shared error code; `app.onError` turns any of them into a ProblemBody.
 */
export abstract class AppError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409;
  abstract readonly code: ErrorCode;

  toProblem(): ProblemBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  readonly status = 400;
  readonly code = 'validation_failed';

  constructor(
    readonly fields: FieldProblem[],
    options: AppErrorOptions = {},
  ) {
    super(`invalid request: ${fields.map((field) => field.path).join(', ')}`, options);
  }

  override toProblem(): ProblemBody {
    return { error: { code: this.code, message: this.message, fields: this.fields } };
  }
}

export class UnauthorizedError extends AppError {
  override readonly name = 'UnauthorizedError';
  readonly status = 401;
  readonly code = 'unauthorized';
}

export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  readonly status = 403;
  readonly code = 'forbidden';
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  readonly status = 409;
  readonly code = 'conflict';
}
