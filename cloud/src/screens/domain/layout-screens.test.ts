import type { LayoutScreen, RegisteredScreen } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { planLayoutScreens } from './layout-screens.ts';

const declared = (id: string, zone = 'zon_a'): LayoutScreen => ({
  id,
  zone,
  orientation: 'portrait',
  resolution: { width: 1080, height: 1920 },
});

const registered = (
  id: string,
  { zoneId = 'zon_a', retired = false, name = id } = {},
): RegisteredScreen => ({
  id,
  storeId: 'sto_a',
  zoneId,
  name,
  orientation: 'portrait',
  resolution: { width: 1080, height: 1920 },
  status: retired ? 'retired' : 'active',
  registeredAt: '2026-11-01T00:00:00.000Z',
  retiredAt: retired ? '2026-11-02T00:00:00.000Z' : null,
  lastSeenAt: null,
  playerVersion: null,
});

describe('registering the screens a layout declares', () => {
  it('registers new screens under their layout id, named after it', () => {
    const plan = planLayoutScreens([declared('screen-1')], []);
    expect(plan.register).toEqual([
      {
        id: 'screen-1',
        zoneId: 'zon_a',
        name: 'screen-1',
        orientation: 'portrait',
        resolution: { width: 1080, height: 1920 },
      },
    ]);
    expect(plan.outcome).toEqual({
      registered: ['screen-1'],
      updated: [],
      unchanged: [],
      notInLayout: [],
    });
  });

  it('moves a screen to its new zone and keeps the name given in the console', () => {
    const plan = planLayoutScreens(
      [declared('screen-1', 'zon_b')],
      [registered('screen-1', { name: 'Window left' })],
    );
    expect(plan.update).toMatchObject([{ id: 'screen-1', zoneId: 'zon_b', name: 'Window left' }]);
    expect(plan.outcome.updated).toEqual(['screen-1']);
  });

  it('brings back a retired screen the layout declares again', () => {
    const plan = planLayoutScreens(
      [declared('screen-1')],
      [registered('screen-1', { retired: true })],
    );
    expect(plan.outcome.registered).toEqual(['screen-1']);
  });

  it('leaves unchanged screens alone and reports, without retiring, the ones left out', () => {
    const plan = planLayoutScreens(
      [declared('screen-1')],
      [registered('screen-1'), registered('screen-2'), registered('screen-3', { retired: true })],
    );
    expect(plan.register).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.outcome).toEqual({
      registered: [],
      updated: [],
      unchanged: ['screen-1'],
      notInLayout: ['screen-2'],
    });
  });
});
