import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zone.ts';

describe('isIanaTimeZone', () => {
  it.each(['Asia/Tokyo', 'Europe/Paris', 'America/New_York', 'UTC'])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each(['', 'Mars/Olympus', 'Tokyo', 'GMT+25'])('rejects %j', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});
