import type { MiddlewareHandler } from 'hono';
import { authorizeAssociate } from '../domain/associate-access.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import { problem } from './problem.ts';

export interface AssociateVariables {
  associateId: string;
  /** The associate's name as the token says it. */
  associateName: string;
}

/** Bearer token of an associate of this store, checked like the socket's. */
export function requireAssociate(
  verifier: TokenVerifier,
  storeId: string,
): MiddlewareHandler<{ Variables: AssociateVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return problem(c, 401, 'unauthorized', 'missing bearer token');
    const verified = await verifier.verify(match[1]);
    if (!verified.ok) return problem(c, 401, 'unauthorized', verified.reason);
    const access = authorizeAssociate(verified.claims, storeId);
    if (!access.ok) return problem(c, 403, 'forbidden', access.reason);
    c.set('associateId', access.associateId);
    c.set('associateName', access.name);
    await next();
  };
}
