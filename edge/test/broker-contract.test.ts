import { startEmbeddedBroker } from '../src/broker/embedded-broker.ts';
import { describeBrokerContract } from './broker.contract.ts';

const external = process.env.MQTT_URL;

if (external) {
  describeBrokerContract(`external broker at ${external}`, async () => ({
    url: external,
    close: async () => undefined,
  }));
} else {
  describeBrokerContract('embedded aedes', () => startEmbeddedBroker({ port: 0 }));
}
