import { describe, expect, it } from 'vitest';
import { checkRssi, distanceFromRssi, powerAt1mFromPowerAt0m, rssiAtDistance } from './rssi.ts';

describe('RSSI checks', () => {
  it('accepts what radios report', () => {
    for (const rssi of [0, -40, -127]) expect(checkRssi(rssi)).toBeNull();
  });

  it('rejects positive, too low and non-numeric readings with a reason', () => {
    expect(checkRssi(3)).toBe('rssi-positive');
    expect(checkRssi(-128)).toBe('rssi-below-floor');
    expect(checkRssi(Number.NaN)).toBe('rssi-not-a-number');
    expect(checkRssi(Number.NEGATIVE_INFINITY)).toBe('rssi-not-a-number');
  });
});

describe('distance from RSSI', () => {
  it('is one metre at the measured power and ten at 20·n dB below it', () => {
    expect(distanceFromRssi(-59, { measuredPower: -59 })).toBeCloseTo(1);
    expect(distanceFromRssi(-79, { measuredPower: -59, pathLossExponent: 2 })).toBeCloseTo(10);
    expect(distanceFromRssi(-89, { measuredPower: -59, pathLossExponent: 3 })).toBeCloseTo(10);
  });

  it('applies the receiver calibration offset before the model', () => {
    expect(distanceFromRssi(-65, { measuredPower: -59, calibrationDb: 6 })).toBeCloseTo(1);
  });

  it('inverts the model the simulator uses', () => {
    const options = { measuredPower: -62, pathLossExponent: 2.4 };
    expect(distanceFromRssi(rssiAtDistance(7, options), options)).toBeCloseTo(7);
  });

  it('converts Eddystone power at 0 m to 1 m', () => {
    expect(powerAt1mFromPowerAt0m(-18)).toBe(-59);
  });
});
