import type { StoreLayout } from '@vitrine/shared';
import { espresenseSettings } from './espresense-settings.ts';
import { renderAcl } from './mosquitto-acl.ts';
import { type BrokerAccount, renderPasswordFile } from './mosquitto-passwd.ts';
import { provisioningCsv, provisioningJson } from './provisioning-sheet.ts';

export interface StoreFilesOptions {
  randomBytes: (size: number) => Uint8Array;
  iterations?: number;
}

/** File names, relative to the output folder, of everything `generate` writes. */
export const STORE_FILES = {
  layout: 'layout.json',
  espresenseSettings: 'espresense-settings.json',
  beaconsCsv: 'beacons.csv',
  beaconsJson: 'beacons.json',
  passwordFile: 'mosquitto/passwd',
  aclFile: 'mosquitto/acl',
} as const;

/**
 * Everything generated from one validated layout, as file name → content: the layout
 * the edge and cloud load, the retained ESPresense settings, the beacon provisioning
 * sheet, and the broker's password and access files.
 */
export function renderStoreFiles(
  layout: StoreLayout,
  accounts: readonly BrokerAccount[],
  { randomBytes, iterations }: StoreFilesOptions,
): Record<string, string> {
  return {
    [STORE_FILES.layout]: `${JSON.stringify(layout, null, 2)}\n`,
    [STORE_FILES.espresenseSettings]: `${JSON.stringify(espresenseSettings(layout), null, 2)}\n`,
    [STORE_FILES.beaconsCsv]: provisioningCsv(layout),
    [STORE_FILES.beaconsJson]: provisioningJson(layout),
    [STORE_FILES.passwordFile]: renderPasswordFile(accounts, { randomBytes, iterations }),
    [STORE_FILES.aclFile]: renderAcl(layout),
  };
}
