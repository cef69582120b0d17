import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  type ArrivalAlert,
  ASSOCIATE_SOCKET_PATH,
  type AssociateHello,
  type AssociateToServerEvents,
  associateRoom,
  type CampaignSuggestion,
  CLAIM_REQUEST_EVENTS,
  type ClaimRequestEvent,
  type CustomerProfile,
  type LoginResponse,
  loginRequestSchema,
  type ProblemBody,
  type ServerToAssociateEvents,
  type ZonesViewBody,
} from '@vitrine/shared';
import { Hono } from 'hono';
import { Server } from 'socket.io';
import { createTestClaimDesk } from './claim-desk.ts';
import { addFakeCustomerDesk, type FakeScan } from './fake-edge-customers.ts';

/**
 * A stand-in for the edge's associate contract, just enough to drive the built page in a
 * browser: POST /api/login, GET /api/alerts/recent, socket.io with `hello`, `alert`,
 * `suggestion`, and the claims (`claims` at connect, requests answered and each change
 * sent to the store as `claim`, decided by shared's claim board as on the edge), and the
 * page itself at /associate/. One store; demo associates of other stores are refused at
 * login as the real edge does.
 */
export interface FakeEdgeOptions {
  appDir: string;
  storeId?: string;
  storeName?: string;
  /** Returned by /api/alerts/recent, newest first. */
  recent?: ArrivalAlert[];
  now?: () => Date;
  /** The clients `/api/customers` searches and registers among. */
  customers?: CustomerProfile[];
  /** What `POST /api/scans` makes of each code. */
  scans?: ReadonlyMap<string, FakeScan>;
  /** The head counts per zone of `GET /api/zones`, for the store map. */
  zones?: ZonesViewBody;
}

export interface FakeEdge {
  url: string;
  emitAlert: (alert: ArrivalAlert) => void;
  emitSuggestion: (suggestion: CampaignSuggestion) => void;
  /** The store unreachable: sockets dropped and new connections refused until `goOnline`. */
  goOffline: () => void;
  goOnline: () => void;
  /** The next request of this kind is decided, but its socket drops before the answer. */
  loseNextAnswer: (event: ClaimRequestEvent) => void;
  /** Keep an alert for /api/alerts/recent without pushing it, as if the push was missed. */
  recordOnly: (alert: ArrivalAlert) => void;
  /** Close every associate socket from the server side, as an edge restart would. */
  dropSockets: () => void;
  /** Refuse every socket from now on with this connect error, or accept again with null. */
  refuseSockets: (message: string | null) => void;
  close: () => Promise<void>;
}

interface DemoAssociate {
  id: string;
  name: string;
  email: string;
  storeId: string;
}

const PASSWORD = 'vitrine-demo';
const ASSOCIATES: DemoAssociate[] = [
  { id: 'asc_aiko', name: 'Aiko Sato', email: 'aiko@vitrine.demo', storeId: 'sto_tokyo-ginza' },
  { id: 'asc_kenji', name: 'Kenji Mori', email: 'kenji@vitrine.demo', storeId: 'sto_tokyo-ginza' },
  {
    id: 'asc_camille',
    name: 'Camille Laurent',
    email: 'camille@vitrine.demo',
    storeId: 'sto_paris-rivoli',
  },
];

const problem = (code: ProblemBody['error']['code'], message: string): ProblemBody => ({
  error: { code, message },
});

export async function startFakeEdge({
  appDir,
  storeId = 'sto_tokyo-ginza',
  storeName = 'Tokyo Ginza',
  recent: initialRecent = [],
  now = () => new Date(),
  customers = [],
  scans = new Map(),
  zones,
}: FakeEdgeOptions): Promise<FakeEdge> {
  const recent = [...initialRecent];
  const tokens = new Map<string, DemoAssociate>();
  let refusal: string | null = null;
  let offline = false;
  const answersToLose = new Set<ClaimRequestEvent>();
  // The edge makes an alert claimable as it pushes it; the recent ones were pushed before.
  const claims = createTestClaimDesk(now);
  for (const alert of recent) claims.open(alert);

  const app = new Hono();
  app.post('/api/login', async (c) => {
    const body = loginRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success)
      return c.json(problem('validation_failed', 'email and password needed'), 400);
    const associate = ASSOCIATES.find((a) => a.email === body.data.email);
    if (associate === undefined || body.data.password !== PASSWORD) {
      return c.json(problem('unauthorized', 'Wrong email or password.'), 401);
    }
    if (associate.storeId !== storeId) {
      return c.json(problem('forbidden', 'not an associate of this store'), 403);
    }
    const token = `token-${associate.id}-${tokens.size + 1}`;
    tokens.set(token, associate);
    const response: LoginResponse = {
      token,
      expiresAt: new Date(now().getTime() + 8 * 3_600_000).toISOString(),
      subject: {
        id: associate.id,
        name: associate.name,
        role: 'associate',
        organisationId: 'org_maison-demo',
        storeId: associate.storeId,
      },
    };
    return c.json(response);
  });
  app.get('/api/alerts/recent', (c) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    if (!tokens.has(token)) return c.json(problem('unauthorized', 'missing or bad token'), 401);
    return c.json({ items: recent });
  });
  addFakeCustomerDesk(app, {
    storeId,
    customers,
    scans,
    ...(zones === undefined ? {} : { zones }),
    signedIn: (c) => tokens.has(c.req.header('authorization')?.replace(/^Bearer /, '') ?? ''),
    pushAlert: (alert) => {
      claims.open(alert);
      io.to(associateRoom(storeId)).emit('alert', alert);
    },
  });
  app.get('/associate', (c) => c.redirect('/associate/'));
  app.use(
    '/associate/*',
    serveStatic({ root: appDir, rewriteRequestPath: (path) => path.replace(/^\/associate/, '') }),
  );

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const io = new Server<
    AssociateToServerEvents,
    ServerToAssociateEvents,
    Record<string, never>,
    DemoAssociate
  >(server, {
    path: ASSOCIATE_SOCKET_PATH,
    // Refused before socket.io's handshake, as an unreachable edge: the page keeps retrying.
    allowRequest: (_request, callback) => callback(offline ? 'store offline' : null, !offline),
  });
  io.use((socket, next) => {
    if (refusal !== null) return next(new Error(refusal));
    const token: unknown = socket.handshake.auth.token;
    const associate = typeof token === 'string' ? tokens.get(token) : undefined;
    if (associate === undefined) return next(new Error('unauthorized: unknown token'));
    socket.data = associate;
    next();
  });
  io.on('connection', (socket) => {
    const associate = socket.data;
    void socket.join(associateRoom(storeId));
    const hello: AssociateHello = {
      associateId: associate.id,
      name: associate.name,
      storeId,
      storeName,
    };
    socket.emit('hello', hello);
    socket.emit('claims', { items: claims.list() });
    const actor = { associateId: associate.id, name: associate.name };
    for (const event of CLAIM_REQUEST_EVENTS) {
      socket.on(event, (payload, reply) => {
        const { reply: answer, changed } = claims.request(event, payload, actor);
        if (answersToLose.delete(event)) socket.disconnect(true);
        if (changed) io.to(associateRoom(storeId)).emit('claim', changed);
        if (socket.connected && typeof reply === 'function') reply(answer);
      });
    }
  });

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    emitAlert: (alert) => {
      claims.open(alert);
      io.to(associateRoom(storeId)).emit('alert', alert);
    },
    emitSuggestion: (suggestion) => {
      io.to(associateRoom(storeId)).emit('suggestion', suggestion);
    },
    goOffline: () => {
      offline = true;
      io.disconnectSockets(true);
    },
    goOnline: () => {
      offline = false;
    },
    loseNextAnswer: (event) => {
      answersToLose.add(event);
    },
    recordOnly: (alert) => {
      claims.open(alert);
      recent.unshift(alert);
    },
    dropSockets: () => {
      io.disconnectSockets(true);
    },
    refuseSockets: (message) => {
      refusal = message;
    },
    close: async () => {
      await io.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
