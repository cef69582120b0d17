/**
 * `npm start`: the Vitrine demo on embedded defaults. Starts the cloud (seeding the demo
 * organisation on first run), one edge per demo store with its embedded broker, running on
 * the store's layout file (firmware-config/layouts), and per store: a simulator that checks
 * customers in over MQTT as the loyalty app does (each simulated customer's app enrolled
 * for a signed pass, each check-in with a fresh proof of presence), and the store
 * simulator publishing what the store's scanner nodes and its customers' phones would
 * (associates' badges, anonymous shoppers, ranging reports), so that associates see
 * customers sensed on arrival too; then prints the URLs and logins. Ctrl-C stops
 * everything in reverse order.
 *
 * Environment: DATABASE_URL / MQTT_URL (use real services instead of the embedded ones),
 * DEMO_DATA_DIR (.data/demo), DEMO_CLOUD_PORT (8080), DEMO_EDGE_HTTP_PORT (8081, then +1
 * per store), DEMO_EDGE_MQTT_PORT (1884, then +1), DEMO_RATE_PER_MIN (6 check-ins per
 * minute per store), DEMO_CUSTOMERS (10000).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_LOGINS, DEMO_MEMBER_LOGINS, DEMO_ORGANISATION } from '@vitrine/cloud';
import { parseStoreLayoutText, type StoreLayout } from '@vitrine/shared';
import { demoBadgeId } from '../edge/src/presence/demo/demo-traffic.ts';
import { createScreenTokens, loadScreenKey } from '../edge/src/screens/screen-tokens.ts';
import { createCloudAdmin, waitForHealthy } from './lib/cloud-admin.ts';
import { associateAppDir, buildDisplays, cardAppDir, consoleAppDir } from './lib/displays.ts';
import { type Supervised, supervise } from './lib/processes.ts';

const root = resolve(import.meta.dirname, '..');
const env = process.env;
const dataDir = resolve(root, env.DEMO_DATA_DIR ?? '.data/demo');
const logDir = join(dataDir, 'logs');
const cloudPort = Number(env.DEMO_CLOUD_PORT ?? 8080);
const edgeHttpBase = Number(env.DEMO_EDGE_HTTP_PORT ?? 8081);
const edgeMqttBase = Number(env.DEMO_EDGE_MQTT_PORT ?? 1884);
const ratePerMin = env.DEMO_RATE_PER_MIN ?? '6';
const cloudUrl = `http://127.0.0.1:${cloudPort}`;
const layoutsDir = join(root, 'firmware-config', 'layouts');
/** Associates' badges per demo store: the devices its edge follows without a customer. */
const BADGES_PER_STORE = 2;

function readLayout(file: string): StoreLayout {
  const parsed = parseStoreLayoutText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.detail}`);
  return parsed.layout;
}

/** The demo's layout files by the store they describe. */
function layoutFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(layoutsDir).filter((file) => file.endsWith('.yaml'))) {
    const file = join(layoutsDir, name);
    files.set(readLayout(file).store.id, file);
  }
  return files;
}

const running: Supervised[] = [];
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\nStopping the demo…');
  for (const part of running.reverse()) await part.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function start(name: string, entry: string, partEnv: Record<string, string>) {
  const part = supervise({
    name,
    entry: join(root, entry),
    env: { LOG_LEVEL: 'info', ...partEnv },
    logDir,
    onUnexpectedExit: (who, exitCode, logFile) => {
      console.error(`✗ ${who} exited (code ${exitCode}); its log: ${logFile}`);
      void shutdown(1);
    },
  });
  running.push(part);
  return part;
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  console.log('Vitrine demo: starting…');

  const built = [associateAppDir(root), consoleAppDir(root), cardAppDir(root)];
  if (!built.every((dir) => existsSync(join(dir, 'index.html')))) {
    console.log('  building the web apps (first run)…');
    await buildDisplays(root);
  }

  start('cloud', 'cloud/src/main.ts', {
    CLOUD_PORT: String(cloudPort),
    CLOUD_DATA_DIR: join(dataDir, 'cloud'),
    CLOUD_SEED_DEMO: 'true',
    CLOUD_SEED_CUSTOMERS: env.DEMO_CUSTOMERS ?? '10000',
    CLOUD_CONSOLE_DIR: consoleAppDir(root),
    CLOUD_CARD_DIR: cardAppDir(root),
  });
  console.log('  cloud: starting (the first run seeds the demo organisation)…');
  await waitForHealthy(`${cloudUrl}/healthz`, { timeoutMs: 180_000 });

  const cloud = createCloudAdmin(cloudUrl);
  const admin = DEMO_LOGINS.find((login) => login.role === 'admin');
  if (!admin) throw new Error('the demo seed has no administrator login');
  const { token: adminToken } = await cloud.login(admin.email, admin.password);
  // By id, so that ports follow a stable order: New York, Paris, Tokyo.
  const stores = (await cloud.stores(adminToken)).sort((a, b) => a.id.localeCompare(b.id));

  const layouts = layoutFiles();
  const edges: { storeName: string; timeZone: string; httpUrl: string; sensed: boolean }[] = [];
  const screenLinks: string[] = [];
  const customersByStore = new Map<string, string[]>();
  for (const store of stores) {
    const customers = await cloud.storeCustomers(adminToken, store.id, 40);
    customersByStore.set(
      store.id,
      customers.map((customer) => customer.id),
    );
  }

  for (const [index, store] of stores.entries()) {
    const httpPort = edgeHttpBase + index;
    const mqttPort = edgeMqttBase + index;
    const edgeToken = await cloud.issueDeviceToken(adminToken, store.id);
    const mqttUrl = env.MQTT_URL ?? `mqtt://127.0.0.1:${mqttPort}`;
    const layoutFile = layouts.get(store.id);
    // The store's screens, as its layout declares them, get content and codes from the cloud.
    if (layoutFile) await cloud.registerLayout(adminToken, readLayout(layoutFile));
    const seed = index + 1;
    const badges = Array.from({ length: BADGES_PER_STORE }, (_, i) => demoBadgeId(seed, i + 1));
    start(`edge-${store.id}`, 'edge/src/main.ts', {
      EDGE_STORE_ID: store.id,
      EDGE_CLOUD_URL: cloudUrl,
      EDGE_CLOUD_TOKEN: edgeToken,
      EDGE_HTTP_PORT: String(httpPort),
      EDGE_MQTT_PORT: String(mqttPort),
      EDGE_DISPLAYS_DIR: associateAppDir(root),
      // Keys, revocations and the outbox, kept with the rest of the demo's data.
      EDGE_DATA_DIR: join(dataDir, `edge-${store.id}`),
      ...(layoutFile ? { EDGE_LAYOUT_FILE: layoutFile, EDGE_KNOWN_DEVICES: badges.join(',') } : {}),
    });
    const httpUrl = `http://127.0.0.1:${httpPort}`;
    await waitForHealthy(`${httpUrl}/healthz`, { timeoutMs: 60_000 });
    if (layoutFile) {
      // Each screen's player, opened with the token its edge signs for it.
      const edgeDataDir = join(dataDir, `edge-${store.id}`);
      const tokens = createScreenTokens(store.id, await loadScreenKey(edgeDataDir));
      for (const screen of readLayout(layoutFile).screens) {
        const link = `${httpUrl}/screen/#token=${await tokens.issue(screen.id)}`;
        screenLinks.push(`    ${store.name}, ${screen.id} (${screen.zone})\n      ${link}`);
      }
    }
    // Regulars of this store, and visitors from the other stores: the one customer view.
    const own = customersByStore.get(store.id) ?? [];
    const visitors = stores
      .filter((other) => other.id !== store.id)
      .flatMap((other) => (customersByStore.get(other.id) ?? []).slice(0, 8));
    start(`simulator-${store.id}`, 'edge/src/simulator/main.ts', {
      SIM_MQTT_URL: mqttUrl,
      // The simulator enrols its customers' apps (POST /v1/passes) as an admin.
      SIM_CLOUD_URL: cloudUrl,
      SIM_CLOUD_TOKEN: adminToken,
      SIM_STORE_ID: store.id,
      SIM_CUSTOMER_IDS: [...own, ...visitors].join(','),
      SIM_RATE_PER_MIN: ratePerMin,
      SIM_SEED: String(seed),
    });
    if (layoutFile) {
      start(`presence-${store.id}`, 'edge/src/presence/demo/main.ts', {
        SIM_MQTT_URL: mqttUrl,
        SIM_CLOUD_URL: cloudUrl,
        SIM_CLOUD_TOKEN: adminToken,
        SIM_STORE_ID: store.id,
        SIM_LAYOUT_FILE: layoutFile,
        // A few phones per store: each is one more app the cloud enrols at start.
        SIM_CUSTOMER_IDS: [...own.slice(0, 8), ...visitors.slice(0, 4)].join(','),
        SIM_SEED: String(seed),
        SIM_ASSOCIATES: String(BADGES_PER_STORE),
      });
    }
    edges.push({ storeName: store.name, timeZone: store.timeZone, httpUrl, sensed: !!layoutFile });
  }

  const storeNames = new Map(stores.map((store) => [store.id, store.name]));
  const marketer = DEMO_LOGINS.find((login) => login.role === 'marketer');
  const loginLines = DEMO_LOGINS.map((login) => {
    const where = login.storeId ? `, ${storeNames.get(login.storeId) ?? login.storeId}` : '';
    return `    ${login.email.padEnd(26)} ${login.role}${where}`;
  });
  console.log(`
Vitrine demo is running (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${env.MQTT_URL ? 'external broker' : 'embedded brokers'}).

  Associate app, one per store (a customer checks in every ~${Math.round(60 / Number(ratePerMin))} s;
  in stores run on a layout file, customers sensed by their app's ranging arrive too):
${edges.map((edge) => `    ${edge.storeName.padEnd(28)} ${edge.httpUrl}/associate/   (${edge.timeZone}${edge.sensed ? ', presence' : ''})`).join('\n')}

  Who is where, per zone   <edge>/api/zones (an associate's token)

  Screen players, one per screen of the layout files (open full screen):
${screenLinks.join('\n')}

  Marketer console      ${cloudUrl}/console/   (${marketer?.email ?? 'a marketer'}: campaigns, calendar, analytics)

  Loyalty card (phone)  ${cloudUrl}/card/?org=${DEMO_ORGANISATION.id}
${DEMO_MEMBER_LOGINS.map((member) => `    ${member.email.padEnd(34)} ${member.password}   (${member.name}, ${storeNames.get(member.storeId) ?? member.storeId})`).join('\n')}

  Cloud API reference   ${cloudUrl}/docs
  Cloud metrics         ${cloudUrl}/metrics      edge metrics: <edge>/metrics

  Logins (password: ${admin.password}):
${loginLines.join('\n')}

  Logs: ${logDir}
  Press Ctrl-C to stop.
`);
}

main().catch(async (error: unknown) => {
  console.error(
    `✗ the demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.error(`  logs: ${logDir}`);
  await shutdown(1);
});
