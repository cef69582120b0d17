import { simulationRequestSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { type SimulationForm, simulationRequestOf } from './simulation-form.ts';

const form: SimulationForm = {
  customerId: 'cus_000001',
  storeId: 'sto_paris-rivoli',
  localTime: '2026-10-25T02:30',
  kind: 'zone-dwell',
  zoneId: 'zon_paris-rivoli-lounge',
  dwellS: '120',
  contentId: '',
  eventId: '',
};

describe('the simulation form', () => {
  it("reads the time on the store's clock: 02:30 the night the clocks go back is its first one", () => {
    const read = simulationRequestOf(form, 'Europe/Paris');
    if (!read.ok) throw new Error(JSON.stringify(read.fields));
    expect(simulationRequestSchema.parse(read.request)).toEqual({
      customerId: 'cus_000001',
      storeId: 'sto_paris-rivoli',
      at: '2026-10-25T00:30:00.000Z',
      event: { kind: 'zone-dwell', zoneId: 'zon_paris-rivoli-lounge', dwellS: 120 },
    });
  });

  it('refuses a time the clocks skip, naming the field', () => {
    expect(simulationRequestOf({ ...form, localTime: '2026-03-29T02:30' }, 'Europe/Paris')).toEqual(
      {
        ok: false,
        fields: { at: 'the clocks skip 02:30 that day in Europe/Paris' },
      },
    );
  });

  it('names a dwell that is missing and a time that is no time', () => {
    expect(simulationRequestOf({ ...form, dwellS: '', localTime: '' }, 'Asia/Tokyo')).toEqual({
      ok: false,
      fields: { 'event.dwellS': 'required', at: 'must be a date and a time' },
    });
  });

  it('leaves the zone of a check-in empty when none is chosen', () => {
    const read = simulationRequestOf(
      { ...form, kind: 'check-in', zoneId: '', localTime: '2026-12-01T18:00' },
      'Asia/Tokyo',
    );
    expect(read.ok && read.request).toMatchObject({
      at: '2026-12-01T09:00:00.000Z',
      event: { kind: 'check-in', zoneId: null },
    });
  });
});
