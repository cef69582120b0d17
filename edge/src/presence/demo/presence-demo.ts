import {
  buildTopic,
  createEnvelope,
  type StoreLayout,
  TOPICS,
  type TopicName,
} from '@vitrine/shared';
import { simStoreOfLayout } from '../domain/layout-sim-store.ts';
import { createRandom } from '../domain/random.ts';
import { type SimPerson, simulateStore } from '../domain/store-simulator.ts';
import { planVisits } from '../domain/visit-plans.ts';
import { type PlaybackClock, realClock } from '../sources/playback.ts';
import { type DemoMessage, demoTraffic } from './demo-traffic.ts';

/** A simulated customer's phone: who, and the pass and a fresh proof it shows. */
export interface DemoPhone {
  customerId: string;
  clientId: string;
  /** Whether the customer consented to be followed in store (their pass says). */
  tracking: boolean;
  present(at: Date): Promise<{ pass: string; proof: string }>;
}

export type DemoPublish = (
  topic: string,
  payload: string,
  options: { qos: 0 | 1; retain: boolean },
) => Promise<void>;

export interface PresenceDemoOptions {
  layout: StoreLayout;
  phones: readonly DemoPhone[];
  publish: DemoPublish;
  seed?: number;
  /** Customers walking in per window; some of them check in on arrival, all of them range. */
  visitorsPerWindow?: number;
  checkInShare?: number;
  associates?: number;
  anonymous?: number;
  windowMs?: number;
  clock?: PlaybackClock;
  onError?: (error: unknown) => void;
}

type Step =
  | DemoMessage
  | { kind: 'check-in'; at: number; customerId: string }
  | { kind: 'telemetry'; at: number };

/**
 * The demo store's radio traffic over MQTT, as real hardware and phones would send it:
 * the layout's nodes announce themselves and report associates' badges and anonymous
 * shoppers (ESPresense nodes in the firmware's own format), the customers' apps range the
 * store's beacons every second with a fresh proof, and some customers check in. Planned a
 * window at a time by the store simulator, played out on the clock.
 */
export function runPresenceDemo({
  layout,
  phones,
  publish,
  seed = 1,
  visitorsPerWindow = 6,
  checkInShare = 0.3,
  associates = 2,
  anonymous = 15,
  windowMs = 10 * 60_000,
  clock = realClock,
  onError = () => undefined,
}: PresenceDemoOptions): { stop(): void; done: Promise<void> } {
  const storeId = layout.store.id;
  const phoneStore = simStoreOfLayout(layout, 'beacons');
  const nodeStore = simStoreOfLayout(layout, 'nodes');
  const phoneOf = new Map(phones.map((phone) => [phone.customerId, phone]));
  const random = createRandom(seed);
  let stopped = false;

  const send = (name: TopicName, topic: string, payload: string) =>
    publish(topic, payload, { qos: TOPICS[name].qos, retain: TOPICS[name].retain }).catch(onError);
  const envelope = (data: unknown, at: number) =>
    JSON.stringify(createEnvelope(storeId, data, { at: new Date(at) }));

  async function announceNodes(at: number) {
    for (const node of layout.nodes) {
      if (node.firmware === 'espresense') {
        await send(
          'espresenseRoomStatus',
          buildTopic('espresenseRoomStatus', { room: node.room }),
          'online',
        );
        await send(
          'espresenseTelemetry',
          buildTopic('espresenseTelemetry', { room: node.room }),
          JSON.stringify({
            ip: '10.0.0.0',
            uptime: Math.round((at - startedAt) / 1000),
            ver: 'v4',
            freeHeap: 120_000,
          }),
        );
      } else {
        const status = {
          state: 'online',
          firmware: 'vitrine-node 1.0',
          uptimeS: Math.round((at - startedAt) / 1000),
        };
        await send(
          'nodeStatus',
          buildTopic('nodeStatus', { store: storeId, nodeId: node.id }),
          envelope(status, at),
        );
      }
    }
  }

  async function play(step: Step) {
    switch (step.kind) {
      case 'ranging': {
        const phone = phoneOf.get(step.customerId);
        if (phone === undefined) return;
        const shown = await phone.present(new Date(step.at));
        const data = { ...shown, clientId: phone.clientId, beacons: step.beacons };
        await send(
          'rangingReport',
          buildTopic('rangingReport', { store: storeId, clientId: phone.clientId }),
          envelope(data, step.at),
        );
        return;
      }
      case 'check-in': {
        const phone = phoneOf.get(step.customerId);
        if (phone === undefined) return;
        const shown = await phone.present(new Date(step.at));
        const data = { ...shown, method: 'app', clientId: phone.clientId };
        await send(
          'checkIn',
          buildTopic('checkIn', { store: storeId, clientId: phone.clientId }),
          envelope(data, step.at),
        );
        return;
      }
      case 'node-batch':
        await send(
          'sightings',
          buildTopic('sightings', { store: storeId, nodeId: step.nodeId }),
          envelope({ nodeId: step.nodeId, sightings: step.sightings }, step.at),
        );
        return;
      case 'espresense':
        await send(
          'espresenseDevice',
          buildTopic('espresenseDevice', { device: step.id, room: step.room }),
          JSON.stringify({ id: step.id, rssi: step.rssi, 'rssi@1m': -59 }),
        );
        return;
      case 'telemetry':
        await announceNodes(step.at);
        return;
    }
  }

  function plan(round: number, startAt: number): Step[] {
    const people = planVisits({
      store: phoneStore,
      seed: seed * 1000 + round,
      startAt,
      durationMs: windowMs,
      customers: Math.min(visitorsPerWindow, phones.length),
      associates,
      anonymous,
    });
    // Someone walks in at once when the demo starts: nobody waits minutes for a first arrival.
    let first: SimPerson | undefined;
    if (round === 0) {
      first = people
        .filter((person) => person.kind === 'customer')
        .sort((a, b) => (a.path[0]?.from ?? 0) - (b.path[0]?.from ?? 0))[0];
      const delta = (first?.path[0]?.from ?? startAt) - (startAt + 3000);
      if (first !== undefined) {
        first.path = first.path.map((segment) => ({
          ...segment,
          from: segment.from - delta,
          to: segment.to - delta,
        }));
      }
    }
    // The simulator's customers become the enrolled ones, a different few each window.
    const pool = [...phones];
    const customers: SimPerson[] = [];
    const others: SimPerson[] = [];
    const steps: Step[] = [];
    for (const person of people) {
      if (person.kind !== 'customer') {
        others.push(person);
        continue;
      }
      // The first to walk in is someone who may be followed: the demo shows a sensed arrival.
      const consenting = pool.findIndex((candidate) => candidate.tracking);
      const pick =
        person === first && consenting >= 0 ? consenting : Math.floor(random.next() * pool.length);
      const [phone] = pool.splice(pick, 1);
      if (phone === undefined) continue;
      customers.push({ ...person, deviceId: phone.customerId });
      const arrival = person.path[0]?.from ?? startAt;
      if (person !== first && random.next() < checkInShare)
        steps.push({ kind: 'check-in', at: arrival + 4000, customerId: phone.customerId });
    }
    const phoneTrace = simulateStore({
      store: phoneStore,
      people: customers,
      seed: seed * 7 + round,
    });
    const nodeTrace = simulateStore({ store: nodeStore, people: others, seed: seed * 11 + round });
    steps.push(...demoTraffic(layout, seed, phoneTrace.sightings, nodeTrace.sightings));
    for (let at = startAt + 15_000; at < startAt + windowMs; at += 15_000)
      steps.push({ kind: 'telemetry', at });
    return steps.sort((a, b) => a.at - b.at);
  }

  const startedAt = clock.now();
  async function run() {
    await announceNodes(startedAt);
    let startAt = startedAt;
    for (let round = 0; !stopped; round++) {
      const steps = plan(round, startAt);
      for (const step of steps) {
        const wait = step.at - clock.now();
        if (wait > 0) await clock.sleep(wait);
        if (stopped) return;
        await play(step).catch(onError);
      }
      startAt = Math.max(clock.now(), startAt + windowMs);
    }
  }

  const done = run().catch(onError);
  return {
    stop() {
      stopped = true;
    },
    done,
  };
}
