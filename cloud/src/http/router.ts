import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { validationErrorFrom } from './problem.ts';

/**
 * Every router of the app validates the same way: a failed request validation is thrown
 * as a ValidationError and rendered by the app's one onError.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationErrorFrom(result.error, result.target);
    },
  });
}
