import { beaconIdOf, type DecodeOptions } from './beacon-frames.ts';
import { decodeAdvertisementHex } from './decode-beacon.ts';
import { decodeEddystone } from './decode-eddystone.ts';
import { decodeManufacturerData } from './decode-manufacturer-data.ts';

/**
 * Which device a reading is of. A beacon (an associate's badge, an enrolled tag) is named
 * by its beacon identity, the same string the layout and ranging reports use, whatever
 * radio heard it; anything else keeps the address it advertised, which the tracker treats
 * as anonymous unless it is a known device.
 */
export function deviceIdOfRawAdvertisement(
  address: string,
  rawHex: string | undefined,
  options: DecodeOptions = {},
): string {
  if (rawHex === undefined || rawHex.length === 0) return address;
  const decoded = decodeAdvertisementHex(rawHex, options);
  return (decoded.ok ? beaconIdOf(decoded.frame) : null) ?? address;
}

/** The same, from the parts a BLE stack hands over: manufacturer data and service data. */
export function deviceIdOfAdvertisedData(
  address: string,
  manufacturerData: Uint8Array | null,
  eddystoneServiceData: Uint8Array | null,
  options: DecodeOptions = {},
): string {
  if (manufacturerData !== null) {
    const decoded = decodeManufacturerData(manufacturerData);
    const id = decoded.ok ? beaconIdOf(decoded.frame) : null;
    if (id !== null) return id;
  }
  if (eddystoneServiceData !== null) {
    const decoded = decodeEddystone(eddystoneServiceData, options);
    const id = decoded.ok ? beaconIdOf(decoded.frame) : null;
    if (id !== null) return id;
  }
  return address;
}

const ESPRESENSE_IBEACON =
  /^iBeacon:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,5})-(\d{1,5})$/i;
const ESPRESENSE_EDDYSTONE = /^eddy:([0-9a-f]{20})-([0-9a-f]{12})$/i;

/**
 * ESPresense names a device by what it recognised: `iBeacon:<uuid>-<major>-<minor>`,
 * `eddy:<namespace>-<instance>`, `apple:…`, `mac:…`. Beacons are renamed to their beacon
 * identity so that a badge heard by an ESPresense node and by a Vitrine node is one device.
 */
export function deviceIdOfEspresense(id: string): string {
  const ibeacon = ESPRESENSE_IBEACON.exec(id);
  if (ibeacon) {
    const [, uuid = '', major = '', minor = ''] = ibeacon;
    return `ibeacon:${uuid.toLowerCase()}:${Number(major)}:${Number(minor)}`;
  }
  const eddystone = ESPRESENSE_EDDYSTONE.exec(id);
  if (eddystone) {
    const [, namespace = '', instance = ''] = eddystone;
    return `eddystone:${namespace.toLowerCase()}:${instance.toLowerCase()}`;
  }
  return id;
}
