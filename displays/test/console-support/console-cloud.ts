import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createCloudRuntime, loadCloudConfig } from '@vitrine/cloud';
import {
  deviceTokenResponseSchema,
  issuedTicketSchema,
  loginResponseSchema,
  rsvpResultSchema,
  storedEventSchema,
} from '@vitrine/shared';
import { pino } from 'pino';
import {
  admissionEvent,
  WEEK_EVENT_GUESTS,
  weekEventWrite,
  weekOfStoreEvents,
} from './seeded-week.ts';

export interface ConsoleCloud {
  url: string;
  close(): Promise<void>;
}

async function post(url: string, body: unknown, token?: string, method = 'POST'): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * The real cloud (seeded demo organisation, PGlite in a folder of its own) serving the
 * built console at /console/ on a real port, with a week of one store's activity
 * ingested the way its edge reports it.
 */
export async function startConsoleCloud({
  consoleDir,
  storeId,
  now,
  clock,
  withWeekEvent = false,
}: {
  consoleDir: string;
  storeId: string;
  now: Date;
  /** The cloud's clock, when a test moves it (the real clock by default). */
  clock?: () => Date;
  /** Also an event held two days ago, with its answers and admissions (`seedWeekEvent`). */
  withWeekEvent?: boolean;
}): Promise<ConsoleCloud> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-console-cloud-'));
  // The cloud's app reads the console's folder here; this test process serves only it.
  process.env.CLOUD_CONSOLE_DIR = consoleDir;
  const loaded = loadCloudConfig({
    CLOUD_DATA_DIR: dataDir,
    CLOUD_PORT: '0',
    CLOUD_SEED_DEMO: 'true',
    CLOUD_SEED_CUSTOMERS: '20',
    LOG_LEVEL: 'silent',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  // Set while the week's event is planned and answered: the cloud then lives before it.
  let plannedAt: Date | null = null;
  const runtime = await createCloudRuntime(loaded.config, {
    logger: pino({ level: 'silent' }),
    now: () => plannedAt ?? clock?.() ?? new Date(),
  });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: runtime.app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(started),
    );
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the cloud has no port');
  const url = `http://127.0.0.1:${address.port}`;

  const admin = loginResponseSchema.parse(
    await post(`${url}/v1/auth/login`, { email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
  );
  const edge = deviceTokenResponseSchema.parse(
    await post(`${url}/v1/stores/${storeId}/device-tokens`, undefined, admin.token),
  );
  await post(`${url}/v1/ingest`, { events: weekOfStoreEvents(storeId, now) }, edge.token);
  if (withWeekEvent) {
    plannedAt = new Date(now.getTime() - 3 * 86_400_000);
    const planned = await planWeekEvent(url, storeId, now).finally(() => {
      plannedAt = null;
    });
    await post(`${url}/v1/ingest`, { events: planned.admissions }, edge.token);
  }

  return {
    url,
    async close() {
      server.close();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An event two days before `now`, planned by the office three days before: four guests
 * invited, two yes (one with a companion), one no; the door's admissions of the guest who
 * brought a companion, and the companion, for the edge to report.
 */
async function planWeekEvent(url: string, storeId: string, now: Date) {
  const admin = loginResponseSchema.parse(
    await post(`${url}/v1/auth/login`, { email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
  ).token;
  const event = storedEventSchema.parse(
    await post(`${url}/v1/events`, weekEventWrite(storeId, now), admin),
  );
  await post(`${url}/v1/events/${event.id}/invitations`, { customerIds: WEEK_EVENT_GUESTS }, admin);
  const rsvp = (customerId: string, body: unknown) =>
    post(`${url}/v1/events/${event.id}/guests/${customerId}/rsvp`, body, admin, 'PUT');
  const [first = '', second = '', third = ''] = WEEK_EVENT_GUESTS;
  const answered = rsvpResultSchema.parse(await rsvp(first, { answer: 'yes', companions: 1 }));
  await rsvp(second, { answer: 'yes' });
  await rsvp(third, { answer: 'no' });
  const { ticketId } = issuedTicketSchema.parse(answered.ticket);
  const at = event.sessions[0]?.startsAt ?? now.toISOString();
  return {
    admissions: [1, 2].map((admission) =>
      admissionEvent(storeId, { ticketId, eventId: event.id, customerId: first, admission, at }),
    ),
  };
}
