import { buildTopic, type StoreLayout } from '@vitrine/shared';

/** One MQTT message to publish, retained, so that a node gets it whenever it connects. */
export interface RetainedMessage {
  topic: string;
  payload: string;
  retain: true;
}

/**
 * The ESPresense settings each node of the layout reads from
 * `espresense/rooms/<room>/<setting>/set` (the names its firmware accepts there):
 *
 * - `rx_adj_rssi`: the node's calibration offset, added to every RSSI it measures;
 * - `absorption`: the store's path-loss exponent, used for the distances it reports;
 * - `max_distance`: readings estimated farther than this are not reported;
 * - `ref_rssi`: RSSI at 1 m of a 0 dBm transmitter, for devices that advertise no
 *   measured power.
 *
 * Device filters (`include`, `exclude`, `known_macs`, `known_irks`) stay at the firmware's
 * defaults: which devices matter is decided at the edge, which counts anonymous devices
 * and drops their identifiers. `name` is never sent: published to a room's own topic it
 * renames the node, and the room is how the layout finds the node.
 */
export function espresenseSettings(layout: StoreLayout): RetainedMessage[] {
  const { radio } = layout;
  return layout.nodes
    .filter((node) => node.firmware === 'espresense')
    .flatMap((node) => {
      const settings: Array<[string, string]> = [
        ['rx_adj_rssi', String(node.calibrationOffsetDb)],
        ['absorption', decimal(radio.pathLossExponent)],
        ['max_distance', decimal(radio.maxDistanceM)],
        ['ref_rssi', String(radio.refRssiAt1mDbm)],
      ];
      return settings.map(([setting, payload]) => ({
        topic: buildTopic('espresenseSetting', { room: node.room, setting }),
        payload,
        retain: true as const,
      }));
    });
}

/** A decimal as the firmware parses it (`String.toFloat`): no exponent, two places. */
function decimal(value: number): string {
  return value.toFixed(2);
}
