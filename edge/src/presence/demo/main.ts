import { passClaimsSchema } from '@vitrine/shared';
import { decodeJwt } from 'jose';
import { connectAsync } from 'mqtt';
import { pino } from 'pino';
import { clientIdFor } from '../../simulator/domain/arrival-schedule.ts';
import { enrolWallets, presentWallet } from '../../simulator/loyalty-wallets.ts';
import { loadLayoutFile } from '../layout-file.ts';
import { parsePresenceDemoConfig } from './demo-config.ts';
import { runPresenceDemo } from './presence-demo.ts';

/**
 * The demo store's presence traffic: its scanner nodes (Vitrine and ESPresense) reporting
 * associates' badges and anonymous shoppers, and customers' apps ranging its beacons with
 * a pass and a fresh proof, some checking in; all over MQTT, as the real ones would.
 */
const result = parsePresenceDemoConfig(process.env);
if (!result.ok) {
  process.stderr.write(`presence demo: refusing to start: ${result.problems.join('; ')}\n`);
  process.exit(1);
}
const { config } = result;
const logger = pino({ base: { service: 'presence-demo', storeId: config.SIM_STORE_ID } });
const layout = await loadLayoutFile(config.SIM_LAYOUT_FILE, config.SIM_STORE_ID);
const { wallets, refused } = await enrolWallets({
  cloudUrl: config.SIM_CLOUD_URL,
  token: config.SIM_CLOUD_TOKEN,
  customerIds: config.SIM_CUSTOMER_IDS,
});
if (refused.length > 0) logger.warn({ refused }, 'some customers could not be enrolled');
const mqtt = await connectAsync(config.SIM_MQTT_URL, {
  clientId: `presence-demo-${config.SIM_STORE_ID}`,
  clean: true,
  reconnectPeriod: 1000,
});
let published = 0;
const demo = runPresenceDemo({
  layout,
  seed: config.SIM_SEED,
  visitorsPerWindow: config.SIM_VISITORS_PER_WINDOW,
  anonymous: config.SIM_ANONYMOUS,
  associates: config.SIM_ASSOCIATES,
  phones: [...wallets.values()].map((wallet) => ({
    customerId: wallet.customerId,
    clientId: clientIdFor(wallet.customerId),
    tracking: passClaimsSchema.safeParse(decodeJwt(wallet.pass)).data?.consent.tracking ?? false,
    present: (at) => presentWallet(wallet, config.SIM_STORE_ID, at),
  })),
  publish: async (topic, payload, options) => {
    await mqtt.publishAsync(topic, payload, options);
    published++;
  },
  onError: (error) => logger.warn({ err: error }, 'presence message not published'),
});
const report = setInterval(() => logger.info({ published }, 'presence traffic'), 60_000);
logger.info(
  { mqttUrl: config.SIM_MQTT_URL, phones: wallets.size, nodes: layout.nodes.length },
  'presence demo running',
);
const stop = () => {
  demo.stop();
  clearInterval(report);
  void mqtt.endAsync().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
