import { beaconIdentity, type StoreLayout } from '@vitrine/shared';

/** What an installer programs into one beacon and where it goes. */
export interface ProvisioningRow {
  beacon: string;
  zone: string;
  zoneName: string;
  kind: 'ibeacon' | 'eddystone-uid';
  /** The identity apps report in ranging reports. */
  identity: string;
  uuid: string;
  major: number | '';
  minor: number | '';
  namespace: string;
  instance: string;
  measuredPowerDbm: number;
  txPowerDbm: number;
  intervalMs: number;
  placement: string;
}

const COLUMNS: ReadonlyArray<keyof ProvisioningRow> = [
  'beacon',
  'zone',
  'zoneName',
  'kind',
  'identity',
  'uuid',
  'major',
  'minor',
  'namespace',
  'instance',
  'measuredPowerDbm',
  'txPowerDbm',
  'intervalMs',
  'placement',
];

export function provisioningRows(layout: StoreLayout): ProvisioningRow[] {
  const zoneNames = new Map(layout.zones.map((zone) => [zone.id, zone.name]));
  return layout.beacons.map((beacon) => ({
    beacon: beacon.id,
    zone: beacon.zone,
    zoneName: zoneNames.get(beacon.zone) ?? '',
    kind: beacon.kind,
    identity: beaconIdentity(beacon),
    uuid: beacon.kind === 'ibeacon' ? beacon.uuid : '',
    major: beacon.kind === 'ibeacon' ? beacon.major : '',
    minor: beacon.kind === 'ibeacon' ? beacon.minor : '',
    namespace: beacon.kind === 'eddystone-uid' ? beacon.namespace : '',
    instance: beacon.kind === 'eddystone-uid' ? beacon.instance : '',
    measuredPowerDbm: beacon.measuredPowerDbm,
    txPowerDbm: beacon.txPowerDbm,
    intervalMs: beacon.intervalMs,
    placement: beacon.placement,
  }));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function provisioningCsv(layout: StoreLayout): string {
  const lines = [
    COLUMNS.join(','),
    ...provisioningRows(layout).map((row) => COLUMNS.map((c) => csvField(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function provisioningJson(layout: StoreLayout): string {
  const sheet = {
    store: layout.store.id,
    storeName: layout.store.name,
    beacons: provisioningRows(layout),
  };
  return `${JSON.stringify(sheet, null, 2)}\n`;
}
