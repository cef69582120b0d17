import { arrivalAlertSchema, buildTopic } from '@vitrine/shared';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { cloudFeeds, productCode, SILK_CARRE } from './support/codes.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { checkInMessage } from './support/mqtt-helpers.ts';
import { proofFor } from './support/passes.ts';
import { connectScanner } from './support/scanner.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

// Runs against the embedded aedes broker, or Mosquitto with MQTT_URL: the bridge is the same.
let h: Harness;
const feeds = cloudFeeds();
const MAX_FRAME_BYTES = 16 * 1024;

beforeAll(async () => {
  h = await startHarness({
    env: { EDGE_MQTT_WS_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) },
    deps: { fetch: feeds.fetch },
  });
});
afterAll(async () => {
  await h?.close();
});

const mqttWebSocketUrl = () => `${h.edge.httpUrl.replace(/^http/, 'ws')}/mqtt`;

/** A raw WebSocket to /mqtt, as a browser opens it; resolves once open or refused. */
function openWebSocket(protocols: string[] = ['mqtt']) {
  const ws = new WebSocket(mqttWebSocketUrl(), protocols);
  const closed = new Promise<{ code: number }>((resolve) =>
    ws.on('close', (code) => resolve({ code })),
  );
  const opened = new Promise<boolean>((resolve) => {
    ws.on('open', () => resolve(true));
    ws.on('error', () => resolve(false));
  });
  const refusal = new Promise<{ status: number; body: string }>((resolve) => {
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
  });
  return { ws, opened, closed, refusal };
}

const endedFor = (reason: string) =>
  h.waitForCounter('vitrine_edge_mqtt_websocket_ended_total', { reason });

describe('a phone on MQTT over WebSocket at /mqtt', () => {
  it('checks in, and the associate’s socket on the same server gets the alert', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    expect(aiko.hello?.associateId).toBe('asc_aiko');
    const clientId = `app-${uniqueSuffix()}`;
    const phone = await connectAsync(mqttWebSocketUrl(), { clientId, reconnectPeriod: 0 });
    expect(await h.counter('vitrine_edge_mqtt_websocket_connections')).toBe(1);

    const message = checkInMessage(h.storeId, await h.checkInData('cus_000002', clientId));
    await phone.publishAsync(message.topic, message.payload, { qos: 1 });
    const alert = await waitFor(() => aiko.alerts[0], { what: 'the alert' });
    expect(arrivalAlertSchema.parse(alert)).toMatchObject({
      storeId: h.storeId,
      customerId: 'cus_000002',
      source: 'check-in',
      profile: { firstName: 'Élise' },
    });

    // The phone's DISCONNECT ends it at the broker, or its close at the edge: either side.
    await phone.endAsync();
    await h.waitForCounter('vitrine_edge_mqtt_websocket_ended_total');
    expect(await h.counter('vitrine_edge_mqtt_websocket_connections')).toBe(0);
    expect(await h.counter('vitrine_edge_mqtt_websocket_opened_total')).toBe(1);
  });

  it('gets the answer to its scan on its own scan-answer topic', async () => {
    const clientId = `app-${uniqueSuffix()}`;
    const phone = await connectScanner(mqttWebSocketUrl(), h.storeId, clientId);
    try {
      const app = await h.appOf('cus_000001');
      const scanId = await phone.scan({
        pass: app.pass,
        proof: await proofFor(app, h.storeId),
        code: await productCode(h.cloud.organisationKey, SILK_CARRE),
      });
      expect(await phone.answer(scanId)).toMatchObject({
        outcome: 'product',
        scanId,
        product: SILK_CARRE,
      });
    } finally {
      await phone.close();
    }
  });

  it('receives what is published to its phone-offer topic over TCP', async () => {
    const clientId = `app-${uniqueSuffix()}`;
    const topic = buildTopic('phoneOffer', { store: h.storeId, clientId });
    const phone = await connectAsync(mqttWebSocketUrl(), { clientId, reconnectPeriod: 0 });
    const received: string[] = [];
    phone.on('message', (_topic, payload) => received.push(payload.toString()));
    await phone.subscribeAsync(topic, { qos: 1 });
    await h.publishRaw(topic, 'an offer');
    expect(await waitFor(() => received[0], { what: 'the offer' })).toBe('an offer');
    await phone.endAsync();
  });

  it('answers a plain GET with 426, and a WebSocket without the mqtt subprotocol with 400', async () => {
    const response = await fetch(`${h.edge.httpUrl}/mqtt`);
    expect(response.status).toBe(426);
    expect(response.headers.get('upgrade')).toBe('websocket');
    for (const protocols of [[], ['chat']]) {
      const { refusal } = openWebSocket(protocols);
      const { status, body } = await refusal;
      expect(status).toBe(400);
      expect(JSON.parse(body)).toMatchObject({
        error: {
          code: 'validation_failed',
          fields: [{ path: 'sec-websocket-protocol', message: 'expected mqtt or mqttv3.1' }],
        },
      });
    }
  });

  it('closes a phone that sends a frame over the cap (1009), and its broker connection', async () => {
    const { ws, opened, closed } = openWebSocket();
    expect(await opened).toBe(true);
    expect(ws.protocol).toBe('mqtt');
    ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1));
    expect((await closed).code).toBe(1009);
    await endedFor('frame_too_large');
  });

  it('closes a phone that sends a text frame (1003): MQTT travels in binary frames', async () => {
    const { ws, opened, closed } = openWebSocket();
    expect(await opened).toBe(true);
    ws.send('CONNECT');
    expect((await closed).code).toBe(1003);
    await endedFor('text_frame');
  });

  it('closes the phone when the broker closes its side', async () => {
    const { ws, opened, closed } = openWebSocket();
    expect(await opened).toBe(true);
    // Not an MQTT CONNECT: the broker drops the connection.
    ws.send(Buffer.from([0xf0, 0x00]));
    expect((await closed).code).toBe(1000);
    await endedFor('broker_closed');
  });
});

describe('an edge stopping with phones on /mqtt', () => {
  it('closes their WebSockets as going away (1001) and stops', async () => {
    const edge = await startHarness();
    const ws = new WebSocket(`${edge.edge.httpUrl.replace(/^http/, 'ws')}/mqtt`, ['mqtt']);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.on('open', resolve));
    await edge.waitForCounter('vitrine_edge_mqtt_websocket_connections');
    await edge.close();
    expect(await closed).toBe(1001);
  });
});
