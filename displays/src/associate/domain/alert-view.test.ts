import { describe, expect, it } from 'vitest';
import { alertFixture, profileFixture } from '../../../test/fixtures/arrival-alerts.ts';
import {
  alertTier,
  arrivalAnnouncement,
  customerName,
  initials,
  isVisitingFromAnotherStore,
  profileStatus,
  zoneLabel,
} from './alert-view.ts';

describe('profileStatus', () => {
  it('trusts a fresh profile', () => {
    expect(profileStatus(alertFixture())).toEqual({ kind: 'fresh' });
  });

  it('flags a profile served from the edge cache', () => {
    expect(profileStatus(alertFixture({ degraded: true, freshness: 'cached' }))).toEqual({
      kind: 'cached',
    });
  });

  it('tells a withheld profile apart from an unreachable cloud', () => {
    const alert = alertFixture({ profile: null, customerId: 'cus_000777', tier: 'silver' });
    expect(profileStatus(alert)).toEqual({ kind: 'private', customerId: 'cus_000777' });
    expect(arrivalAnnouncement(alert)).toBe(
      'New arrival: cus_000777, Silver. Checked in with the app. Profile not shared.',
    );
  });

  it('names the customer reference when there is no profile', () => {
    const alert = alertFixture({
      profile: null,
      customerId: 'cus_004242',
      degraded: true,
      freshness: 'unavailable',
    });
    expect(profileStatus(alert)).toEqual({ kind: 'unavailable', customerId: 'cus_004242' });
  });
});

describe('customerName and alertTier', () => {
  it('uses the profile name and tier', () => {
    const alert = alertFixture();
    expect(customerName(alert)).toBe('Élise Marchand');
    expect(alertTier(alert)).toBe('gold');
  });

  it('falls back to the reference and the tier carried by the check-in', () => {
    const alert = alertFixture({
      profile: null,
      customerId: 'cus_004242',
      tier: 'platinum',
      freshness: 'unavailable',
      degraded: true,
    });
    expect(customerName(alert)).toBe('cus_004242');
    expect(alertTier(alert)).toBe('platinum');
  });
});

describe('isVisitingFromAnotherStore', () => {
  it('is true for a Paris customer arriving in Tokyo', () => {
    expect(isVisitingFromAnotherStore(alertFixture())).toBe(true);
  });

  it('is false in the home store', () => {
    const profile = profileFixture({
      homeStoreId: 'sto_tokyo-ginza',
      homeStoreName: 'Tokyo Ginza',
    });
    expect(isVisitingFromAnotherStore(alertFixture({ profile }))).toBe(false);
  });

  it('is false without a profile', () => {
    expect(
      isVisitingFromAnotherStore(
        alertFixture({ profile: null, freshness: 'unavailable', degraded: true }),
      ),
    ).toBe(false);
  });
});

describe('arrivalAnnouncement', () => {
  it('says who arrived, their tier and how', () => {
    expect(arrivalAnnouncement(alertFixture({ source: 'qr-scan' }))).toBe(
      'New arrival: Élise Marchand, Gold. Scanned their QR pass.',
    );
  });

  it('warns when the profile is unavailable', () => {
    const alert = alertFixture({
      profile: null,
      customerId: 'cus_004242',
      tier: null,
      freshness: 'unavailable',
      degraded: true,
    });
    expect(arrivalAnnouncement(alert)).toBe(
      'New arrival: cus_004242. Checked in with the app. Profile unavailable.',
    );
  });
});

describe('zoneLabel', () => {
  it('names the zone after the store slug', () => {
    expect(zoneLabel('zon_tokyo-ginza-entrance', 'sto_tokyo-ginza')).toBe('Entrance');
    expect(zoneLabel('zon_paris-rivoli-fitting-room', 'sto_paris-rivoli')).toBe('Fitting room');
  });

  it('shows an id of another shape as it is, and nothing without a zone', () => {
    expect(zoneLabel('zon_other', 'sto_tokyo-ginza')).toBe('zon_other');
    expect(zoneLabel(null, 'sto_tokyo-ginza')).toBe(null);
  });
});

describe('initials', () => {
  it('takes the first letters of the names', () => {
    expect(initials(alertFixture())).toBe('ÉM');
  });

  it('is a question mark without a profile', () => {
    expect(
      initials(alertFixture({ profile: null, freshness: 'unavailable', degraded: true })),
    ).toBe('?');
  });
});
