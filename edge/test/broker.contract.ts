import { edgeStatusSchema, envelopeSchema, topicFilter } from '@vitrine/shared';
import { type MqttClient, connect as mqttConnect } from 'mqtt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEdgeMqttAdapter,
  type EdgeMqttAdapter,
  type MessageHandler,
} from '../src/broker/edge-mqtt-adapter.ts';
import {
  checkInMessage,
  connectPublisher,
  forgetStore,
  type Received,
  subscribeAll,
} from './support/mqtt-helpers.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

const statusEnvelope = envelopeSchema(edgeStatusSchema);

function statusOf(message: Received) {
  return statusEnvelope.parse(JSON.parse(message.payload.toString())).data;
}

export interface BrokerUnderTest {
  url: string;
  close(): Promise<void>;
}

/**
 * What the edge needs from any MQTT broker, run once per broker: the embedded aedes and
 * an external one (Mosquitto) when MQTT_URL is set.
 */
export function describeBrokerContract(name: string, openBroker: () => Promise<BrokerUnderTest>) {
  describe(`broker contract: ${name}`, () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    });

    async function setup() {
      const broker = await openBroker();
      cleanups.push(() => broker.close());
      const store = `sto_contract-${uniqueSuffix()}`;
      cleanups.push(() => forgetStore(broker.url, store));
      const received: Received[] = [];
      let raw: MqttClient | undefined;
      const keep: MessageHandler = (topic, payload) => {
        received.push({ topic, payload, retain: false });
      };
      const makeEdge = (reconnectPeriodMs = 1000, onMessage = keep): EdgeMqttAdapter => {
        const edge = createEdgeMqttAdapter({
          url: broker.url,
          storeId: store,
          version: 'test',
          startedAt: new Date(),
          subscriptions: [topicFilter('checkIn', { store })],
          onMessage,
          logger: pino({ level: 'silent' }),
          reconnectPeriodMs,
          connect: (url, options) => {
            raw = mqttConnect(url, options);
            return raw;
          },
        });
        cleanups.push(() => edge.stop());
        return edge;
      };
      const rawClient = () => raw;
      return { broker, store, received, makeEdge, rawClient };
    }

    it('delivers a QoS 1 check-in to the edge subscription', async () => {
      const { broker, store, received, makeEdge } = await setup();
      await makeEdge().start();
      const publisher = await connectPublisher(broker.url, `app-${uniqueSuffix()}`);
      cleanups.push(() => publisher.endAsync());
      // The broker carries the check-in as it is: pass and proof need not be valid here.
      const message = checkInMessage(store, {
        pass: 'pass-1',
        proof: 'proof-1',
        method: 'app',
        clientId: 'app-1',
      });
      await publisher.publishAsync(message.topic, message.payload, { qos: 1 });
      await waitFor(() => received[0], { what: 'the check-in at the edge' });
      expect(received).toHaveLength(1);
      expect(received[0]?.topic).toBe(`vitrine/v1/${store}/app/app-1/check-in`);
    });

    it('acknowledges a check-in only once the edge kept it: an edge gone before is sent it again', async () => {
      const { broker, store, received, makeEdge, rawClient } = await setup();
      const arrived: string[] = [];
      // An edge that receives the check-in and dies before it is written down.
      await makeEdge(0, (_topic, payload) => {
        arrived.push(payload.toString());
        return new Promise<void>(() => {});
      }).start();
      const publisher = await connectPublisher(broker.url, `app-${uniqueSuffix()}`);
      cleanups.push(() => publisher.endAsync());
      const message = checkInMessage(store, {
        pass: 'pass-7',
        proof: 'proof-7',
        method: 'app',
        clientId: 'app-7',
      });
      await publisher.publishAsync(message.topic, message.payload, { qos: 1 });
      await waitFor(() => arrived[0], { what: 'the check-in at the first edge' });
      rawClient()?.stream.destroy();

      const second = makeEdge();
      await second.start();
      const again = await waitFor(() => received[0], { what: 'the check-in delivered again' });
      expect(again.payload.toString()).toBe(message.payload);

      // Kept and acknowledged now: the next edge of the session gets only what follows.
      await second.stop();
      await makeEdge().start();
      const next = checkInMessage(store, {
        pass: 'pass-8',
        proof: 'proof-8',
        method: 'app',
        clientId: 'app-8',
      });
      await publisher.publishAsync(next.topic, next.payload, { qos: 1 });
      await waitFor(() => received[1], { what: 'the next check-in' });
      expect(received.map((m) => m.payload.toString())).toEqual([message.payload, next.payload]);
    });

    it('handles the check-ins behind one still being kept, and acknowledges them in order', async () => {
      const { broker, store, received, makeEdge, rawClient } = await setup();
      const handled: string[] = [];
      await makeEdge(0, (_topic, payload) => {
        const { data } = JSON.parse(payload.toString()) as { data: { pass: string } };
        handled.push(data.pass);
        // The first is still being written when the edge dies; the second is kept.
        return data.pass === 'pass-a' ? new Promise<void>(() => {}) : undefined;
      }).start();
      const publisher = await connectPublisher(broker.url, `app-${uniqueSuffix()}`);
      cleanups.push(() => publisher.endAsync());
      const message = (pass: string) =>
        checkInMessage(store, { pass, proof: 'proof', method: 'app', clientId: 'app-1' });
      for (const pass of ['pass-a', 'pass-b']) {
        const { topic, payload } = message(pass);
        await publisher.publishAsync(topic, payload, { qos: 1 });
      }
      await waitFor(() => (handled.length === 2 ? true : undefined), {
        what: 'the second check-in handled while the first is not kept',
      });
      rawClient()?.stream.destroy();

      // The second was kept, but its acknowledgement waited behind the first: both come again.
      await makeEdge().start();
      await waitFor(() => (received.length >= 2 ? true : undefined), { what: 'both again' });
      const passes = received.map(
        (m) => (JSON.parse(m.payload.toString()) as { data: { pass: string } }).data.pass,
      );
      expect(passes).toEqual(['pass-a', 'pass-b']);
    });

    it('has a check-in it could not keep delivered again, on a new connection', async () => {
      const { broker, store, makeEdge } = await setup();
      const attempts: string[] = [];
      await makeEdge(50, (_topic, payload) => {
        attempts.push(payload.toString());
        // The outbox refuses the first write (a full disk, say), then takes it.
        return attempts.length === 1 ? Promise.reject(new Error('disk full')) : undefined;
      }).start();
      const publisher = await connectPublisher(broker.url, `app-${uniqueSuffix()}`);
      cleanups.push(() => publisher.endAsync());
      const { topic, payload } = checkInMessage(store, {
        pass: 'pass-9',
        proof: 'proof-9',
        method: 'app',
        clientId: 'app-9',
      });
      await publisher.publishAsync(topic, payload, { qos: 1 });
      await waitFor(() => (attempts.length >= 2 ? true : undefined), { what: 'a second delivery' });
      expect(attempts.slice(0, 2)).toEqual([payload, payload]);
    });

    it('retains online, and shows the last will offline when the connection is lost', async () => {
      const { broker, store, makeEdge, rawClient } = await setup();
      await makeEdge(0).start();
      const watcher = await subscribeAll(
        broker.url,
        [`vitrine/v1/${store}/edge/status`],
        `watch-${uniqueSuffix()}`,
      );
      cleanups.push(() => watcher.close());
      const online = await waitFor(() => watcher.received[0], { what: 'retained online status' });
      expect(online.retain).toBe(true);
      expect(statusOf(online)).toMatchObject({ state: 'online', reason: 'started' });

      rawClient()?.stream.destroy();
      const offline = await waitFor(
        () => watcher.received.find((message) => statusOf(message).state === 'offline'),
        { what: 'the last will' },
      );
      expect(statusOf(offline)).toMatchObject({ state: 'offline', reason: 'connection-lost' });

      const late = await subscribeAll(
        broker.url,
        [`vitrine/v1/${store}/edge/status`],
        `late-${uniqueSuffix()}`,
      );
      cleanups.push(() => late.close());
      const retained = await waitFor(() => late.received[0], { what: 'the retained will' });
      expect(retained.retain).toBe(true);
      expect(statusOf(retained).state).toBe('offline');
    });

    it('retains offline "stopping" after a graceful stop', async () => {
      const { broker, store, makeEdge } = await setup();
      const edge = makeEdge();
      await edge.start();
      await edge.stop();
      const late = await subscribeAll(
        broker.url,
        [`vitrine/v1/${store}/edge/status`],
        `late-${uniqueSuffix()}`,
      );
      cleanups.push(() => late.close());
      const retained = await waitFor(() => late.received[0], { what: 'the retained status' });
      expect(statusOf(retained)).toMatchObject({ state: 'offline', reason: 'stopping' });
    });

    it('keeps the session: QoS 1 check-ins sent while the edge was away arrive when it returns', async () => {
      const { broker, store, received, makeEdge } = await setup();
      const first = makeEdge();
      await first.start();
      await first.stop();

      const publisher = await connectPublisher(broker.url, `app-${uniqueSuffix()}`);
      cleanups.push(() => publisher.endAsync());
      const message = checkInMessage(store, {
        pass: 'pass-42',
        proof: 'proof-42',
        method: 'app',
        clientId: 'app-42',
      });
      await publisher.publishAsync(message.topic, message.payload, { qos: 1 });
      expect(received).toHaveLength(0);

      await makeEdge().start();
      const delivered = await waitFor(() => received[0], { what: 'the queued check-in' });
      expect(JSON.parse(delivered.payload.toString())).toMatchObject({
        data: { pass: 'pass-42' },
      });
    });
  });
}
