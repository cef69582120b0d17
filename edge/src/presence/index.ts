export * from './domain/beacon-frames.ts';
export { hexToBytes } from './domain/bytes.ts';
export { decodeAdvertisement } from './domain/decode-advertisement.ts';
export { decodeAdvertisementHex } from './domain/decode-beacon.ts';
export { decodeEddystone } from './domain/decode-eddystone.ts';
export { decodeManufacturerData } from './domain/decode-manufacturer-data.ts';
