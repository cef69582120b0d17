import { readFileSync } from 'node:fs';
import {
  layoutScreensOutcomeSchema,
  pageSchema,
  parseStoreLayoutText,
  registeredScreenSchema,
  type StoreLayout,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let api: ReturnType<typeof createCaller>;
const tokens: Record<string, string> = {};
const screensPage = pageSchema(registeredScreenSchema);
const PARIS = '/v1/stores/sto_paris-rivoli';

function demoLayout(slug: string): StoreLayout {
  const file = new URL(`../../firmware-config/layouts/${slug}.yaml`, import.meta.url);
  const parsed = parseStoreLayoutText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.layout;
}

const registration = (id: string, zoneId = 'zon_paris-rivoli-floor') => ({
  id,
  zoneId,
  orientation: 'landscape',
  resolution: { width: 1920, height: 1080 },
});

async function fieldsOf(response: Response): Promise<string[]> {
  const { error } = problemSchema.parse(await response.json());
  return (error.fields ?? []).map((field) => field.path);
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  api = createCaller(cloud);
  for (const name of ['admin', 'marketer', 'camille', 'aiko']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
  tokens.parisEdge = await api.edgeToken(tokens.admin ?? '', 'sto_paris-rivoli');
});

afterAll(async () => {
  await cloud?.close();
});

describe('registering screens', () => {
  it('registers a screen in a zone of the store, named after its id by default', async () => {
    const response = await api.call(`${PARIS}/screens`, {
      token: tokens.admin,
      method: 'POST',
      body: registration('screen-floor-1'),
    });
    expect(response.status).toBe(201);
    expect(await api.read(response, registeredScreenSchema)).toEqual({
      ...registration('screen-floor-1'),
      storeId: 'sto_paris-rivoli',
      name: 'screen-floor-1',
      status: 'active',
      registeredAt: SEED_NOW.toISOString(),
      retiredAt: null,
      lastSeenAt: null,
      playerVersion: null,
    });
  });

  it('refuses the same id twice while it is active', async () => {
    const response = await api.call(`${PARIS}/screens`, {
      token: tokens.admin,
      method: 'POST',
      body: registration('screen-floor-1'),
    });
    expect(response.status).toBe(409);
  });

  it('answers 400 naming the zone for a zone that is not the store’s', async () => {
    for (const zoneId of ['zon_paris-rivoli-attic', 'zon_tokyo-ginza-floor']) {
      const response = await api.call(`${PARIS}/screens`, {
        token: tokens.admin,
        method: 'POST',
        body: registration('screen-x', zoneId),
      });
      expect(response.status).toBe(400);
      expect(await fieldsOf(response)).toEqual(['zoneId']);
    }
  });

  it('answers 400 naming each bad field of a registration', async () => {
    const response = await api.call(`${PARIS}/screens`, {
      token: tokens.admin,
      method: 'POST',
      body: { id: 'a b', zoneId: 'zon_paris-rivoli-floor', orientation: 'diagonal' },
    });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(
      expect.arrayContaining(['id', 'orientation', 'resolution']),
    );
  });

  it('lets only an admin register, move or retire a screen', async () => {
    for (const token of [tokens.marketer, tokens.camille, tokens.parisEdge]) {
      const response = await api.call(`${PARIS}/screens`, {
        token,
        method: 'POST',
        body: registration('screen-floor-2'),
      });
      expect(response.status).toBe(403);
    }
  });
});

describe('listing, moving and retiring screens', () => {
  beforeAll(async () => {
    for (const id of ['screen-floor-2', 'screen-floor-3']) {
      await api.call(`${PARIS}/screens`, {
        token: tokens.admin,
        method: 'POST',
        body: registration(id, 'zon_paris-rivoli-lounge'),
      });
    }
  });

  it('pages through the store’s screens by id', async () => {
    const first = await api.read(
      await api.call(`${PARIS}/screens?limit=2`, { token: tokens.marketer }),
      screensPage,
    );
    expect(first.items.map((screen) => screen.id)).toEqual(['screen-floor-1', 'screen-floor-2']);
    expect(first.nextCursor).toBe('screen-floor-2');
    const second = await api.read(
      await api.call(`${PARIS}/screens?limit=2&cursor=${first.nextCursor}`, {
        token: tokens.marketer,
      }),
      screensPage,
    );
    expect(second.items.map((screen) => screen.id)).toEqual(['screen-floor-3']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by zone', async () => {
    const page = await api.read(
      await api.call(`${PARIS}/screens?zoneId=zon_paris-rivoli-lounge`, { token: tokens.camille }),
      screensPage,
    );
    expect(page.items.map((screen) => screen.id)).toEqual(['screen-floor-2', 'screen-floor-3']);
  });

  it('moves and renames a screen, refusing an empty change or a foreign zone', async () => {
    const moved = await api.call(`${PARIS}/screens/screen-floor-3`, {
      token: tokens.admin,
      method: 'PATCH',
      body: { zoneId: 'zon_paris-rivoli-fitting', name: 'Fitting mirror' },
    });
    expect(moved.status).toBe(200);
    expect(await api.read(moved, registeredScreenSchema)).toMatchObject({
      zoneId: 'zon_paris-rivoli-fitting',
      name: 'Fitting mirror',
    });
    const empty = await api.call(`${PARIS}/screens/screen-floor-3`, {
      token: tokens.admin,
      method: 'PATCH',
      body: {},
    });
    expect(empty.status).toBe(400);
    const foreign = await api.call(`${PARIS}/screens/screen-floor-3`, {
      token: tokens.admin,
      method: 'PATCH',
      body: { zoneId: 'zon_tokyo-ginza-floor' },
    });
    expect(await fieldsOf(foreign)).toEqual(['zoneId']);
  });

  it('retires a screen: hidden from the default list, shown with status=all, and back on registering', async () => {
    const retired = await api.call(`${PARIS}/screens/screen-floor-2`, {
      token: tokens.admin,
      method: 'DELETE',
    });
    expect(await api.read(retired, registeredScreenSchema)).toMatchObject({
      status: 'retired',
      retiredAt: SEED_NOW.toISOString(),
    });
    const again = await api.call(`${PARIS}/screens/screen-floor-2`, {
      token: tokens.admin,
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
    const active = await api.read(
      await api.call(`${PARIS}/screens`, { token: tokens.admin }),
      screensPage,
    );
    expect(active.items.map((screen) => screen.id)).not.toContain('screen-floor-2');
    const retiredOnly = await api.read(
      await api.call(`${PARIS}/screens?status=retired`, { token: tokens.admin }),
      screensPage,
    );
    expect(retiredOnly.items.map((screen) => screen.id)).toEqual(['screen-floor-2']);
    const back = await api.call(`${PARIS}/screens`, {
      token: tokens.admin,
      method: 'POST',
      body: registration('screen-floor-2'),
    });
    expect(back.status).toBe(201);
    expect(await api.read(back, registeredScreenSchema)).toMatchObject({
      status: 'active',
      retiredAt: null,
    });
  });

  it('keeps an associate to the screens of their own store', async () => {
    const response = await api.call(`${PARIS}/screens`, { token: tokens.aiko });
    expect(response.status).toBe(403);
    const unknown = await api.call(`${PARIS}/screens/screen-nowhere`, { token: tokens.camille });
    expect(unknown.status).toBe(404);
  });
});

describe('screens from the store’s layout file', () => {
  it('registers the screens the demo layout declares, then finds nothing to change', async () => {
    const layout = demoLayout('tokyo-ginza');
    const first = await api.call('/v1/stores/sto_tokyo-ginza/layout', {
      token: tokens.admin,
      method: 'PUT',
      body: layout,
    });
    expect(first.status).toBe(200);
    const declared = layout.screens.map((screen) => screen.id).sort();
    expect(declared.length).toBeGreaterThan(0);
    expect((await api.read(first, layoutScreensOutcomeSchema)).registered.sort()).toEqual(declared);
    const page = await api.read(
      await api.call('/v1/stores/sto_tokyo-ginza/screens', { token: tokens.admin }),
      screensPage,
    );
    expect(page.items.map((screen) => [screen.id, screen.zoneId])).toEqual(
      layout.screens.map((screen) => [screen.id, screen.zone]).sort(),
    );
    const second = await api.call('/v1/stores/sto_tokyo-ginza/layout', {
      token: tokens.admin,
      method: 'PUT',
      body: layout,
    });
    expect(await api.read(second, layoutScreensOutcomeSchema)).toEqual({
      registered: [],
      updated: [],
      unchanged: layout.screens.map((screen) => screen.id),
      notInLayout: [],
    });
  });

  it('registers the screens of every demo store’s layout, as npm start does', async () => {
    for (const slug of ['paris-rivoli', 'newyork-soho']) {
      const layout = demoLayout(slug);
      const response = await api.call(`/v1/stores/${layout.store.id}/layout`, {
        token: tokens.admin,
        method: 'PUT',
        body: layout,
      });
      expect(response.status).toBe(200);
      const outcome = await api.read(response, layoutScreensOutcomeSchema);
      expect(outcome.registered).toEqual(layout.screens.map((screen) => screen.id));
    }
  });

  it('refuses the layout of another store, and a screen in a zone the cloud does not know', async () => {
    const layout = demoLayout('tokyo-ginza');
    const wrongStore = await api.call(`${PARIS}/layout`, {
      token: tokens.admin,
      method: 'PUT',
      body: layout,
    });
    expect(await fieldsOf(wrongStore)).toEqual(['store.id']);
    const [screen] = layout.screens;
    if (screen === undefined) throw new Error('the demo layout declares no screen');
    const unknownZone = await api.call('/v1/stores/sto_tokyo-ginza/layout', {
      token: tokens.admin,
      method: 'PUT',
      body: { ...layout, screens: [{ ...screen, zone: 'zon_tokyo-ginza-roof' }] },
    });
    expect(unknownZone.status).toBe(400);
    expect(await fieldsOf(unknownZone)).toEqual(['screens.0.zone']);
  });
});

describe('screen health', () => {
  it('records when the store’s edge last saw a player, and which version it runs', async () => {
    const response = await api.call(`${PARIS}/screens/screen-floor-1/heartbeat`, {
      token: tokens.parisEdge,
      method: 'POST',
      body: { playerVersion: '1.4.0' },
    });
    expect(response.status).toBe(200);
    expect(await api.read(response, registeredScreenSchema)).toMatchObject({
      lastSeenAt: SEED_NOW.toISOString(),
      playerVersion: '1.4.0',
    });
  });

  it('takes no heartbeat for an unknown screen, nor from another store’s edge', async () => {
    const unknown = await api.call(`${PARIS}/screens/screen-nowhere/heartbeat`, {
      token: tokens.parisEdge,
      method: 'POST',
      body: {},
    });
    expect(unknown.status).toBe(404);
    const tokyoEdge = await api.edgeToken(tokens.admin ?? '', 'sto_tokyo-ginza');
    const foreign = await api.call(`${PARIS}/screens/screen-floor-1/heartbeat`, {
      token: tokyoEdge,
      method: 'POST',
      body: {},
    });
    expect(foreign.status).toBe(403);
  });
});
