import { createServer } from 'node:http';
import {
  type ArrivalAlert,
  type ArrivalClaim,
  ASSOCIATE_SOCKET_PATH,
  type AssociateHello,
  associateRoom,
} from '@vitrine/shared';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AlertSocket,
  connectAlertSocket,
  type RequestAnswer,
} from '../src/associate/api/alert-socket.ts';
import type { SocketRefusal } from '../src/associate/domain/socket-refusal.ts';
import { alertFixture } from './fixtures/arrival-alerts.ts';

const STORE = 'sto_tokyo-ginza';
const claim: ArrivalClaim = {
  alertId: 'alr_0001',
  customerId: 'cus_000123',
  arrivedAt: '2026-11-23T05:00:00.000Z',
  acknowledged: null,
  claimedBy: null,
  outcomes: [],
  revision: 1,
};
const hello: AssociateHello = {
  associateId: 'asc_aiko',
  name: 'Aiko Sato',
  storeId: STORE,
  storeName: 'Tokyo Ginza',
};

/** A socket.io server with the edge's refusal rule: only `good-token` gets in. */
async function startServer() {
  const http = createServer();
  const io = new Server(http, { path: ASSOCIATE_SOCKET_PATH });
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    if (token === 'good-token') return next();
    if (token === 'paris-token') return next(new Error('forbidden: associate of sto_paris-rivoli'));
    return next(new Error('unauthorized: token expired'));
  });
  io.on('connection', (socket) => {
    void socket.join(associateRoom(STORE));
    socket.emit('hello', hello);
    socket.emit('claims', { items: [claim] });
    // Answers a claim as the edge does; an unknown alert with a reply that breaks the contract.
    socket.on('arrival:claim', (request: { alertId: string }, reply: (answer: unknown) => void) => {
      if (request.alertId === claim.alertId) reply({ ok: true, claim: { ...claim, revision: 2 } });
      else reply({ ok: 'maybe' });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    io,
    close: () => io.close(),
  };
}

/** Collects what the page would be told, with a promise per first event of a kind. */
function recorder() {
  const alerts: ArrivalAlert[] = [];
  const invalid: string[] = [];
  let resolveHello: (h: AssociateHello) => void = () => {};
  let resolveRefused: (r: SocketRefusal) => void = () => {};
  let resolveAlert: (a: ArrivalAlert) => void = () => {};
  const helloP = new Promise<AssociateHello>((r) => {
    resolveHello = r;
  });
  const refusedP = new Promise<SocketRefusal>((r) => {
    resolveRefused = r;
  });
  const nextAlert = () =>
    new Promise<ArrivalAlert>((r) => {
      resolveAlert = r;
    });
  let resolveClaims: (c: ArrivalClaim[]) => void = () => {};
  const claimsP = new Promise<ArrivalClaim[]>((r) => {
    resolveClaims = r;
  });
  const handlers = {
    claims: (c: ArrivalClaim[]) => resolveClaims(c),
    hello: (h: AssociateHello) => resolveHello(h),
    alert: (a: ArrivalAlert) => {
      alerts.push(a);
      resolveAlert(a);
    },
    connected: () => {},
    disconnected: () => {},
    attemptFailed: () => {},
    refused: (r: SocketRefusal) => resolveRefused(r),
    invalid: (event: string) => invalid.push(event),
  };
  return {
    handlers,
    alerts,
    invalid,
    hello: helloP,
    refused: refusedP,
    claims: claimsP,
    nextAlert,
  };
}

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function open(token: string) {
  const server = await startServer();
  const seen = recorder();
  const socket: AlertSocket = connectAlertSocket(token, seen.handlers, { url: server.url });
  cleanup.push(server.close, socket.close);
  return { server, seen, socket };
}

describe('connectAlertSocket', () => {
  it('passes on the hello and alerts that match the shared schemas', async () => {
    const { server, seen } = await open('good-token');
    expect(await seen.hello).toEqual(hello);
    const alert = alertFixture();
    const received = seen.nextAlert();
    server.io.to(associateRoom(STORE)).emit('alert', alert);
    expect(await received).toEqual(alert);
  });

  it('drops an alert that fails the schema and keeps listening', async () => {
    const { server, seen } = await open('good-token');
    await seen.hello;
    const received = seen.nextAlert();
    server.io.to(associateRoom(STORE)).emit('alert', { alertId: 'alr_x', storeId: STORE });
    const good = alertFixture({ alertId: 'alr_after_bad' });
    server.io.to(associateRoom(STORE)).emit('alert', good);
    expect((await received).alertId).toBe('alr_after_bad');
    expect(seen.invalid).toEqual(['alert']);
    expect(seen.alerts).toHaveLength(1);
  });

  it('reports a token of another store as forbidden, with the edge’s reason', async () => {
    const { seen } = await open('paris-token');
    expect(await seen.refused).toEqual({
      code: 'forbidden',
      reason: 'associate of sto_paris-rivoli',
    });
  });

  it('reports an expired token as unauthorized', async () => {
    const { seen } = await open('expired-token');
    expect(await seen.refused).toEqual({ code: 'unauthorized', reason: 'token expired' });
  });

  it('passes on the claims sent at connect and answers a request with the edge’s reply', async () => {
    const { seen, socket } = await open('good-token');
    expect(await seen.claims).toEqual([claim]);
    const answer = await new Promise<RequestAnswer>((resolve) => {
      expect(socket.send('arrival:claim', { alertId: claim.alertId }, resolve)).toBe(true);
    });
    expect(answer).toEqual({ ok: true, claim: { ...claim, revision: 2 } });
  });

  it('reports a reply that breaks the contract as unanswered, and drops it', async () => {
    const { seen, socket } = await open('good-token');
    await seen.claims;
    const answer = await new Promise<RequestAnswer>((resolve) => {
      socket.send('arrival:claim', { alertId: 'alr_other' }, resolve);
    });
    expect(answer).toBe('unanswered');
    expect(seen.invalid).toEqual(['arrival:claim']);
  });

  it('does not send, and says so, while the socket is down', async () => {
    const { seen, socket } = await open('expired-token');
    await seen.refused;
    expect(socket.send('arrival:claim', { alertId: claim.alertId }, () => {})).toBe(false);
  });
});
