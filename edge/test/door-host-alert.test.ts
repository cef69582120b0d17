/**
 * The door alerts the event's hosts: the real edge (embedded aedes, or Mosquitto with
 * MQTT_URL), associates on socket.io, tickets scanned by a tablet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketClaims, ticketCode } from './support/codes.ts';
import { type AssociateClient, type Harness, startHarness } from './support/edge-harness.ts';
import { buildProfile } from './support/profiles.ts';
import { waitFor } from './support/wait.ts';

const GUEST = 'cus_door-guest';
const LAUNCH = 'evt_q3-launch';

const guest = buildProfile({
  id: GUEST,
  firstName: 'Léa',
  lastName: 'Martin',
  invitations: [
    {
      eventId: LAUNCH,
      name: 'Q3 launch evening',
      kind: 'launch',
      storeIds: ['sto_tokyo-ginza'],
      sessions: [
        {
          storeId: 'sto_tokyo-ginza',
          startsAt: '2026-12-09T10:00:00.000Z',
          endsAt: '2026-12-09T12:00:00.000Z',
        },
      ],
      rsvp: 'yes',
      hostAssociateIds: ['asc_aiko'],
    },
  ],
});

let h: Harness;
let aikoToken: string;
let host: AssociateClient;
let colleague: AssociateClient;

beforeAll(async () => {
  h = await startHarness({ profiles: [guest] });
  aikoToken = await h.tokenFor('aiko');
  host = await h.connectAssociate({ token: aikoToken });
  const kenji = await h.cloud.signToken({
    sub: 'asc_kenji',
    role: 'associate',
    store: h.storeId,
    name: 'Kenji',
  });
  colleague = await h.connectAssociate({ token: kenji });
  expect([host.hello?.associateId, colleague.hello?.associateId]).toEqual([
    'asc_aiko',
    'asc_kenji',
  ]);
}, 30_000);
afterAll(async () => {
  await h?.close();
});

async function scanAtDoor(code: string): Promise<number> {
  const response = await fetch(`${h.edge.httpUrl}/api/scans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${aikoToken}` },
    body: JSON.stringify({ code }),
  });
  await response.body?.cancel();
  return response.status;
}

const doorAlerts = (client: AssociateClient) =>
  client.alerts.filter((alert) => alert.event !== undefined);

/**
 * Waits until a later alert for everyone (a check-in) reached the client: socket.io keeps
 * a socket's order, so anything sent to it before has arrived too.
 */
async function settle(client: AssociateClient, customerId: string): Promise<void> {
  const before = client.alerts.filter((alert) => alert.customerId === customerId).length;
  await h.publishCheckIn(customerId);
  await waitFor(
    () =>
      client.alerts.filter((alert) => alert.customerId === customerId).length > before || undefined,
    { what: `a check-in alert for ${customerId}` },
  );
}

describe('a ticket admitted at the door', () => {
  it('alerts the event’s host that the guest arrived, on the first admission only', async () => {
    // The guest checked in earlier: the edge holds their profile and its invitations.
    await settle(host, GUEST);
    const code = await ticketCode(
      h.cloud.organisationKey,
      ticketClaims(h.storeId, { sub: GUEST, evt: LAUNCH, admits: 2 }),
    );
    expect(await scanAtDoor(code)).toBe(201);
    const [alert] = await waitFor(
      () => (doorAlerts(host).length > 0 ? doorAlerts(host) : undefined),
      {
        what: 'the host’s door alert',
      },
    );
    expect(alert).toMatchObject({
      customerId: GUEST,
      source: 'qr-scan',
      event: { eventId: LAUNCH, name: 'Q3 launch evening' },
      forAssociateIds: ['asc_aiko'],
      degraded: false,
      freshness: 'fresh',
      profile: { id: GUEST, firstName: 'Léa' },
    });

    // The companion on the same ticket, then the ticket used up: no one is alerted again.
    expect(await scanAtDoor(code)).toBe(201);
    expect(await scanAtDoor(code)).toBe(409);
    await settle(host, 'cus_000001');
    await settle(colleague, 'cus_000001');
    expect(doorAlerts(host)).toHaveLength(1);
    expect(doorAlerts(colleague)).toEqual([]);
  });

  it('alerts every associate with the ticket’s own claims, degraded, when the edge has no profile', async () => {
    // The cloud knows this customer, but no check-in brought their profile to the edge.
    const code = await ticketCode(
      h.cloud.organisationKey,
      ticketClaims(h.storeId, { sub: 'cus_000002', evt: LAUNCH, admits: 1 }),
    );
    expect(await scanAtDoor(code)).toBe(201);
    for (const client of [host, colleague]) {
      const alert = await waitFor(
        () => doorAlerts(client).find((one) => one.customerId === 'cus_000002'),
        { what: 'the degraded door alert' },
      );
      expect(alert).toMatchObject({
        event: { eventId: LAUNCH, name: null },
        degraded: true,
        freshness: 'unavailable',
        profile: null,
      });
      expect(alert.forAssociateIds).toBeUndefined();
    }
  });
});
