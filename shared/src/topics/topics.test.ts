import { describe, expect, it } from 'vitest';
import { createEnvelope } from '../envelope/envelope.ts';
import { decodeMessage } from './decode.ts';
import { TOPICS, type TopicName } from './topic-map.ts';
import { buildTopic, parseTopic, topicFilter } from './topics.ts';

const store = 'sto_paris-rivoli';

/** One example parameter set per topic: the round-trip cases, one record per topic. */
const EXAMPLES: { [N in TopicName]: Record<string, string> } = {
  edgeStatus: { store },
  checkIn: { store, clientId: 'app-42' },
  rangingReport: { store, clientId: 'app-42' },
  qrScan: { store, clientId: 'kiosk.door-1' },
  phoneOffer: { store, clientId: 'app-42' },
  offerOpened: { store, clientId: 'app-42' },
  scanAnswer: { store, clientId: 'app-42' },
  zoneScreen: { store, zone: 'zon_fragrance' },
  sightings: { store, nodeId: 'node-entrance' },
  nodeStatus: { store, nodeId: 'node-entrance' },
  arrivalAlert: { store },
  espresenseDevice: {
    device: 'iBeacon:e5ca1ade-f007-ba11-0000-000000000000-1-2',
    room: 'entrance',
  },
  espresenseRoomStatus: { room: 'entrance' },
  espresenseTelemetry: { room: 'entrance' },
  espresenseSetting: { room: 'entrance', setting: 'absorption' },
};

describe('topics', () => {
  for (const [name, params] of Object.entries(EXAMPLES) as [TopicName, Record<string, string>][]) {
    it(`round-trips ${name} through build and parse`, () => {
      // biome-ignore lint/suspicious/noExplicitAny: the example table is checked by its own type above
      const topic = buildTopic(name, params as any);
      expect(parseTopic(topic)).toEqual({ name, params });
    });
  }

  it('covers every topic with a round-trip example', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(TOPICS).sort());
  });

  it('refuses to build a topic with a level that would change its meaning', () => {
    expect(() => buildTopic('checkIn', { store, clientId: 'a/b' })).toThrow(/clientId/);
    expect(() => buildTopic('checkIn', { store: 'sto_+', clientId: 'a' })).toThrow(/store/);
    expect(() => buildTopic('edgeStatus', { store: 'cus_1' })).toThrow(/store/);
  });

  it('builds wildcard filters for subscriptions', () => {
    expect(topicFilter('checkIn', { store })).toBe(`vitrine/v1/${store}/app/+/check-in`);
    expect(topicFilter('espresenseDevice')).toBe('espresense/devices/+/+');
  });

  it('does not recognise foreign or malformed topics', () => {
    for (const topic of [
      '',
      'vitrine',
      'vitrine/v1/sto_a/app/x/unknown',
      'vitrine/v2/sto_a/edge/status',
      'other/thing',
    ]) {
      expect(parseTopic(topic), topic).toBeNull();
    }
  });
});

describe('decodeMessage', () => {
  const at = new Date('2026-11-23T10:00:00Z');
  const topic = buildTopic('checkIn', { store, clientId: 'app-42' });
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const valid = createEnvelope(
    store,
    { pass: 'pass.jws.text', proof: 'proof.jws.text', method: 'app', clientId: 'app-42' },
    { at },
  );

  it('accepts a valid check-in and types it', () => {
    const result = decodeMessage(topic, encode(valid));
    expect(result.ok).toBe(true);
    if (result.ok && result.name === 'checkIn')
      expect(result.payload.data.pass).toBe('pass.jws.text');
  });

  const cases: { name: string; topic?: string; payload: Uint8Array; reason: string }[] = [
    {
      name: 'malformed JSON',
      payload: new TextEncoder().encode('{"v":1,'),
      reason: 'invalid_json',
    },
    { name: 'invalid UTF-8', payload: new Uint8Array([0xff, 0xfe]), reason: 'invalid_json' },
    {
      name: 'JSON of the wrong shape',
      payload: encode({ hello: 'world' }),
      reason: 'invalid_message',
    },
    {
      name: 'a check-in without a proof',
      payload: encode({ ...valid, data: { ...valid.data, proof: undefined } }),
      reason: 'invalid_message',
    },
    {
      name: 'a future protocol version',
      payload: encode({ ...valid, v: 2 }),
      reason: 'unsupported_version',
    },
    {
      name: 'an envelope for another store',
      payload: encode({ ...valid, store: 'sto_tokyo-ginza' }),
      reason: 'wrong_store',
    },
    { name: 'an oversized payload', payload: new Uint8Array(20_000), reason: 'payload_too_large' },
    {
      name: 'a topic that is not ours',
      topic: 'vitrine/v1/sto_x/app/a/dance',
      payload: encode(valid),
      reason: 'unknown_topic',
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name} as ${c.reason}`, () => {
      const result = decodeMessage(c.topic ?? topic, c.payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe(c.reason);
        expect(result.detail.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('ESPresense messages, as the firmware sends them', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads a room status that is a bare word, not JSON', () => {
    const result = decodeMessage('espresense/rooms/entrance/status', bytes('offline'));
    expect(result.ok && result.name === 'espresenseRoomStatus' && result.payload).toBe('offline');
  });

  it('refuses a room status that is neither online nor offline', () => {
    const result = decodeMessage('espresense/rooms/entrance/status', bytes('asleep'));
    expect(result.ok ? null : result.reason).toBe('invalid_message');
  });

  it('reads a device report and a telemetry message', () => {
    const device = decodeMessage(
      'espresense/devices/iBeacon:e5ca1ade-f007-ba11-0000-000000000000-1-2/entrance',
      bytes(
        '{"id":"iBeacon:e5ca1ade-f007-ba11-0000-000000000000-1-2","rssi@1m":-59,"rssi":-71,"distance":2.4,"int":1000}',
      ),
    );
    expect(device.ok && device.name === 'espresenseDevice' && device.payload.rssi).toBe(-71);
    const telemetry = decodeMessage(
      'espresense/rooms/entrance/telemetry',
      bytes(
        '{"ip":"10.0.0.7","uptime":3600,"ver":"v4.0.0","adverts":812,"seen":40,"reported":35,"freeHeap":120000}',
      ),
    );
    expect(
      telemetry.ok && telemetry.name === 'espresenseTelemetry' && telemetry.payload.adverts,
    ).toBe(812);
  });

  it('refuses a device report with a positive RSSI', () => {
    const result = decodeMessage(
      'espresense/devices/phone/entrance',
      bytes('{"id":"phone","rssi":12}'),
    );
    expect(result.ok ? null : result.reason).toBe('invalid_message');
  });
});
