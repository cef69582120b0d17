/**
 * The pure presence pipeline (decode → filter → presence) on one core, next to baselines
 * measured in the same run, plus memory per tracked device and the quality figures.
 *
 *   node --import tsx --expose-gc bench/presence-pipeline.ts [--devices 5000] [--seconds 60]
 *
 * (Run without --expose-gc, it starts itself again with it.) 5,000 devices stand in the
 * demo store for the simulated period and advertise at 1 Hz, heard by six receivers with
 * 6 dB of noise and body shadowing; 2,000 are identified (enrolled tags and badges), the
 * rest anonymous, so their ids go through the rotating salted hash. Each sighting carries
 * its raw advertisement (iBeacon or Eddystone-UID), decoded before the tracker sees it.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  arrivalScenario,
  beaconIdOf,
  boundaryScenario,
  createPresenceTracker,
  createRandom,
  decodeAdvertisement,
  demoStore,
  hexToBytes,
  layoutOfStore,
  mixedStoreScenario,
  type SimPerson,
  simulateStore,
  walkPath,
} from '../edge/src/presence/index.ts';
import { printTable } from './lib/stats.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  const again = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', import.meta.filename, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}
const collect = gc;

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '60' },
    identified: { type: 'string', default: '2000' },
  },
});
const deviceCount = Number(values.devices);
const seconds = Number(values.seconds);
const identifiedCount = Number(values.identified);

function advertisement(i: number): Uint8Array {
  const hex4 = i.toString(16).padStart(4, '0');
  const hex =
    i % 2 === 0
      ? `0201061aff4c000215f7826da64fa24e988024bc5b71e0893e${hex4}0001c5`
      : `0201060303aafe1716aafe00ee8b0ca750095477cb3e770000${hex4}00010000`;
  const bytes = hexToBytes(hex);
  if (bytes === null) throw new Error('bad advertisement');
  return bytes;
}

const store = demoStore();
const random = createRandom(2026);
const raws = Array.from({ length: deviceCount }, (_, i) => advertisement(i));
const people: SimPerson[] = raws.map((_, i) => {
  const zone = random.pick(store.zones);
  const at = {
    x: random.between(zone.x0 + 0.5, zone.x1 - 0.5),
    y: random.between(zone.y0 + 0.5, zone.y1 - 0.5),
  };
  return {
    deviceId: String(i),
    kind: i < identifiedCount ? 'customer' : 'anonymous',
    advertisingIntervalMs: 1000,
    path: walkPath(store.door, [{ at, stayMs: seconds * 1000 }], random.between(0, 5_000), 1.2),
  };
});
const trace = simulateStore({ store, people, seed: 7 });
const sightings = trace.sightings.map((s) => ({
  at: s.at,
  raw: raws[Number(s.deviceId)] ?? new Uint8Array(),
  receiverId: s.receiverId,
  rssi: s.rssi,
}));
const identifiedIds = new Set<string>();
for (let i = 0; i < identifiedCount; i++) {
  const decoded = decodeAdvertisement(raws[i] ?? new Uint8Array());
  const id = decoded.ok ? beaconIdOf(decoded.frame) : null;
  if (id !== null) identifiedIds.add(id);
}
const layout = layoutOfStore(store);
const newTracker = () =>
  createPresenceTracker({
    layout,
    newSalt: () => `bench-${random.next()}`,
    isIdentified: (id) => identifiedIds.has(id),
  });

function runPipeline(limit = sightings.length) {
  const tracker = newTracker();
  let nextTick = (sightings[0]?.at ?? 0) + 1000;
  let events = 0;
  for (let i = 0; i < limit; i++) {
    const s = sightings[i];
    if (s === undefined) break;
    while (nextTick <= s.at) {
      events += tracker.tick(nextTick).length;
      nextTick += 1000;
    }
    const decoded = decodeAdvertisement(s.raw);
    if (!decoded.ok) continue;
    const deviceId = beaconIdOf(decoded.frame);
    if (deviceId === null) continue;
    const outcome = tracker.sighting({ deviceId, receiverId: s.receiverId, rssi: s.rssi }, s.at);
    if (outcome.ok) events += outcome.events.length;
  }
  return { tracker, events };
}

function readOnly() {
  let sum = 0;
  for (const s of sightings) sum += s.rssi + s.raw.length + s.receiverId.length;
  return sum;
}

function decodeOnly() {
  let found = 0;
  for (const s of sightings) {
    const decoded = decodeAdvertisement(s.raw);
    if (decoded.ok && beaconIdOf(decoded.frame) !== null) found++;
  }
  return found;
}

/** Sightings per second, the median of three runs. */
function rate(work: () => unknown): number {
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) {
    collect();
    const start = performance.now();
    work();
    rates.push(sightings.length / ((performance.now() - start) / 1000));
  }
  return rates.sort((a, b) => a - b)[1] ?? Number.NaN;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const readRate = rate(readOnly);
const decodeRate = rate(decodeOnly);
const pipelineRate = rate(() => runPipeline());

// Memory: the tracker after every device has been heard (the first 20 s), after GC.
collect();
const before = process.memoryUsage().heapUsed;
const firstTwenty = sightings.findIndex((s) => s.at > (sightings[0]?.at ?? 0) + 20_000);
const { tracker } = runPipeline(firstTwenty);
collect();
const heapDelta = process.memoryUsage().heapUsed - before;
const tracked = tracker.stats().devices;

console.log(
  `\n${fmt(sightings.length)} sightings from ${fmt(deviceCount)} devices (${fmt(identifiedCount)} identified) over ${seconds} s, six receivers\n`,
);
console.log(
  printTable(
    ['stage', 'sightings/s', '× pipeline', 'target'],
    [
      ['baseline: read the sightings', fmt(readRate), (readRate / pipelineRate).toFixed(1), ''],
      ['baseline: decode only', fmt(decodeRate), (decodeRate / pipelineRate).toFixed(1), ''],
      [
        'decode → filter → presence',
        fmt(pipelineRate),
        '1.0',
        pipelineRate >= 200_000 ? '≥ 200,000: met' : '≥ 200,000: NOT met',
      ],
    ],
  ),
);
console.log(
  `\nmemory: ${fmt(tracked)} tracked devices, heap +${(heapDelta / 1024 / 1024).toFixed(1)} MiB after GC = ${fmt(heapDelta / Math.max(1, tracked))} bytes per device\n`,
);

const mixed = mixedStoreScenario();
const arrivals = arrivalScenario();
const departures = arrivalScenario({}, { zoneExitAfterMs: 10_000, storeExitAfterMs: 30_000 });
const boundary = boundaryScenario();
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const within2s = arrivals.delaysMs.filter((d) => d <= 2_000).length / arrivals.delaysMs.length;
const maxOf = (xs: number[]) => Math.max(...xs);
console.log(
  printTable(
    ['quality (6 dB noise, ≤ 8 dB body shadowing)', 'measured', 'target'],
    [
      [
        'zone enter precision / recall',
        `${pct(mixed.enter.precision)} / ${pct(mixed.enter.recall)}`,
        'reported',
      ],
      [
        'zone exit precision / recall',
        `${pct(mixed.exit.precision)} / ${pct(mixed.exit.recall)}`,
        'reported',
      ],
      ['arrival enter delay p50 / p99 (ms)', `${arrivals.p50} / ${arrivals.p99}`, '≤ 2,000'],
      ['arrivals entered within 2 s', pct(within2s), '100%'],
      [
        'last zone exit after departure, max (ms)',
        fmt(maxOf(departures.zoneExitLagMs)),
        '≤ 10,000 + 1,000',
      ],
      [
        'store exit after departure, max (ms)',
        fmt(maxOf(departures.storeExitLagMs)),
        '≤ 30,000 + 1,000',
      ],
      [
        'zone changes per 5 min near a boundary, mean / worst point',
        `${(boundary.changesPer5Min.reduce((a, b) => a + b, 0) / boundary.changesPer5Min.length).toFixed(2)} / ${maxOf(boundary.changesPer5Min).toFixed(2)}`,
        '≤ 1',
      ],
      ['most changes in any single 5-minute window', String(boundary.worstWindow), '≤ 1'],
    ],
  ),
);
