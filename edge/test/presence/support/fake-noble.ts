import { EventEmitter } from 'node:events';

/** A stand-in for noble's module: an adapter that is powered on and scans when asked. */
export function fakeNobleModule({ state = 'poweredOn' } = {}) {
  const noble = Object.assign(new EventEmitter(), {
    state,
    scans: 0,
    stops: 0,
    scanning: false,
    async startScanningAsync(_uuids?: string[], _allowDuplicates?: boolean) {
      noble.scans++;
      noble.scanning = true;
    },
    async stopScanningAsync() {
      noble.stops++;
      noble.scanning = false;
    },
  });
  return { module: { default: noble }, noble };
}

/** An iBeacon's manufacturer data (company id first), as noble hands it over. */
export function iBeaconManufacturerData(major: number, minor: number): Buffer {
  const hex = `4c000215b9407f30f5f8466eaff925556b57fe6d${major.toString(16).padStart(4, '0')}${minor
    .toString(16)
    .padStart(4, '0')}c5`;
  return Buffer.from(hex, 'hex');
}
