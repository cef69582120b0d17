import type { TokenClaims } from '@vitrine/shared';

/** What middleware puts on the request context for the handlers after it. */
export interface AppEnv {
  Variables: {
    claims: TokenClaims;
    requestId: string;
  };
}
