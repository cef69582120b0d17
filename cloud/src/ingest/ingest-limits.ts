import type { ProblemBody } from '@vitrine/shared';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env.ts';

/**
 * Refuses, with 503 and `Retry-After`, a request beyond `maxInFlight` answered at once: an
 * edge backs off and comes back, rather than every edge piling onto a slow database after
 * an outage.
 */
export function concurrencyGate({
  maxInFlight,
  retryAfterSeconds,
  onRefused = () => {},
}: {
  maxInFlight: number;
  retryAfterSeconds: number;
  onRefused?: () => void;
}) {
  let inFlight = 0;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (inFlight >= maxInFlight) {
      onRefused();
      c.header('Retry-After', String(retryAfterSeconds));
      const body: ProblemBody = {
        error: { code: 'rate_limited', message: 'ingest is busy; retry after the given delay' },
      };
      return c.json(body, 503);
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
}

/** 413 for a body larger than maxBytes or a batch of more than maxEvents, before validation. */
export function batchLimit({ maxBytes, maxEvents }: { maxBytes: number; maxEvents: number }) {
  const tooLarge = (message: string): ProblemBody => ({
    error: { code: 'payload_too_large', message },
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      return c.json(tooLarge(`a batch is at most ${maxBytes} bytes`), 413);
    }
    // Cached by Hono: the validator after this reads the same body.
    const text = await c.req.text();
    if (Buffer.byteLength(text) > maxBytes) {
      return c.json(tooLarge(`a batch is at most ${maxBytes} bytes`), 413);
    }
    let events: unknown;
    try {
      const body: unknown = JSON.parse(text);
      events = typeof body === 'object' && body !== null && 'events' in body ? body.events : null;
    } catch {
      events = null;
    }
    if (Array.isArray(events) && events.length > maxEvents) {
      return c.json(tooLarge(`a batch is at most ${maxEvents} events`), 413);
    }
    await next();
  });
}
