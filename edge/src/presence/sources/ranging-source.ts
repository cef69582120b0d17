import { beaconIdentity, type PassAndProof, type StoreLayout, topicFilter } from '@vitrine/shared';
import type { PresenceVerdict } from '../../identity/domain/verify-presence.ts';
import type { PresenceSource as VerifiedSource } from '../../identity/presence-verifier.ts';
import { createSourceFeed, type MqttSourceOptions, sourceOverFeed } from './mqtt-source-options.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import { createSourceHealth } from './source-health.ts';

export interface RangingSourceOptions extends MqttSourceOptions {
  layout: StoreLayout;
  /** The edge's verifier: the same checks, counters and refusals as a check-in's. */
  verify: (presented: PassAndProof, source: VerifiedSource) => Promise<PresenceVerdict>;
}

/**
 * The loyalty app's ranging reports: the store beacons the customer's phone hears, with
 * the pass and a fresh proof. Once verified, each beacon heard is a reading of that
 * customer, with the beacon as the receiver standing in its zone. Whether the customer may
 * be followed (tracking consent) travels with the reading: the presence service decides.
 */
export function createRangingSource(options: RangingSourceOptions): PresenceSource {
  const { storeId, layout, verify, now = Date.now } = options;
  const beacons = new Set(layout.beacons.map((beacon) => beaconIdentity(beacon)));
  const health = createSourceHealth();
  let sink: PresenceSink | null = null;

  const feed = createSourceFeed(options, {
    clientId: `edge-${storeId}-ranging`,
    filters: [topicFilter('rangingReport', { store: storeId })],
    sink: () => sink,
    health,
    handlers: {
      rangingReport: async ({ params, payload }) => {
        const { data } = payload;
        if (data.clientId !== params.clientId) {
          sink?.dropped(
            'client-mismatch',
            `data.clientId ${data.clientId} ≠ topic client ${params.clientId}`,
          );
          return;
        }
        const verdict = await verify({ pass: data.pass, proof: data.proof }, 'ranging');
        if (!verdict.ok) {
          sink?.dropped(verdict.reason, verdict.detail);
          return;
        }
        const at = now();
        const customer = { identity: verdict.identity, messageId: payload.id };
        for (const { beaconId, rssi } of data.beacons) {
          const receiverId = beaconId.toLowerCase();
          if (!beacons.has(receiverId)) {
            sink?.dropped('unknown-beacon', `beacon ${beaconId} is not in the layout`);
            continue;
          }
          sink?.sighting({ receiverId, deviceId: verdict.identity.customerId, rssi, at, customer });
        }
      },
    },
  });

  return sourceOverFeed('ranging', {
    feed,
    health,
    bind: (next) => {
      sink = next;
    },
  });
}
