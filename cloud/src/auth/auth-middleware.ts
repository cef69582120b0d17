import type { Role } from '@vitrine/shared';
import { createMiddleware } from 'hono/factory';
import { ForbiddenError, UnauthorizedError } from '../errors/app-errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { TokenService } from './token-service.ts';

/** Verifies the bearer token and puts its parsed claims on the context. */
export function authenticate(tokens: TokenService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) throw new UnauthorizedError('a bearer token is required');
    c.set('claims', await tokens.verify(match[1]));
    await next();
  });
}

/** 403 unless the caller has one of the roles. Runs after authenticate. */
export function allowRoles(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.get('claims');
    if (!roles.includes(role)) throw new ForbiddenError(`role ${role} may not do this`);
    await next();
  });
}

/**
 * On `/v1/stores/{storeId}/...`: an associate or an edge device reaches its own store
 * only. Admins and marketers see every store of their organisation.
 */
export function sameStoreOnly() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const claims = c.get('claims');
    const storeId = c.req.param('storeId');
    if ((claims.role === 'associate' || claims.role === 'edge') && claims.store !== storeId) {
      throw new ForbiddenError(`this token is bound to store ${claims.store}`);
    }
    await next();
  });
}
