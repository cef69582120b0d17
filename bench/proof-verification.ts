/**
 * Proof-of-presence verification throughput on one core, next to the raw ES256 signature
 * verification measured in the same run.
 *
 *   npx tsx bench/proof-verification.ts [--count 4000] [--rounds 3]
 *
 * A check-in's full verification (`verifyPresence`: the pass's organisation signature,
 * expiry, revocation, rate limit, the proof's signature by the app key, store, time
 * step, replay cache) costs two ES256 signatures when the pass is new to the edge, and
 * one when the pass was verified before (the edge caches verified passes by their text:
 * a regular's phone shows the same pass at every visit). A pass new to the edge also
 * imports its app key, unless the edge knows that key from an earlier pass of the same
 * phone (a renewed pass). So a new pass is compared with two raw verifications and a
 * repeat pass with one. The baseline is node:crypto's synchronous ES256 `verify` with an
 * imported key (the primitive the edge uses); WebCrypto's `subtle.verify` is shown beside
 * it for reference. Every loop awaits one verification at a time: one core. Rounds are
 * interleaved (each round measures every row once) so that a busy machine weighs on all
 * rows alike; each row keeps its best round, and every round starts from empty caches.
 * Target: ≥ 70 % of raw.
 */
import { createPublicKey, type JsonWebKey, verify as nodeVerify } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createProof, newId, type OrganisationJwks, signPass } from '@vitrine/shared';
import { base64url } from 'jose';
import { createAppKeyCache } from '../edge/src/identity/domain/app-key-cache.ts';
import { importKeySet } from '../edge/src/identity/domain/key-set.ts';
import { createRateLimiter } from '../edge/src/identity/domain/rate-limiter.ts';
import { createReplayCache } from '../edge/src/identity/domain/replay-cache.ts';
import { createVerifiedPassCache } from '../edge/src/identity/domain/verified-pass-cache.ts';
import { verifyPresence } from '../edge/src/identity/domain/verify-presence.ts';
import { createOrganisationKey, type EnrolledApp, enrolApp } from '../edge/test/support/passes.ts';
import { printTable } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
  },
});
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);
const STORE = 'sto_paris-rivoli';

const organisation = await createOrganisationKey();
const keys = await importKeySet({ keys: [organisation.jwk] } satisfies OrganisationJwks);
const now = Date.now();

// Inputs made before any clock starts: the phones' and the cloud's work, not the edge's.
console.error(`preparing ${COUNT} passes, their renewals and ${COUNT * ROUNDS * 3} proofs…`);
const apps: EnrolledApp[] = [];
const renewals: EnrolledApp[] = [];
for (let i = 0; i < COUNT; i++) {
  const app = await enrolApp(organisation, { customerId: `cus_${String(i + 1).padStart(6, '0')}` });
  apps.push(app);
  // The same phone's next pass: same app key, new id and dates.
  const claims = { ...app.claims, jti: newId('pass'), iat: app.claims.iat + 1 };
  const pass = await signPass({
    claims,
    privateKey: organisation.privateKey,
    kid: organisation.kid,
  });
  renewals.push({ ...app, claims, pass });
}
type Presented = { pass: string; proof: string };
async function proofsFor(pick: (i: number) => EnrolledApp, n: number) {
  const out: Presented[] = [];
  for (let i = 0; i < n; i++) {
    const app = pick(i);
    const proof = await createProof({
      pass: app.pass,
      appPrivateKey: app.app.privateKey,
      storeId: STORE,
      now,
    });
    out.push({ pass: app.pass, proof });
  }
  return out;
}
const newPasses = await proofsFor((i) => apps[i % COUNT] as EnrolledApp, COUNT * ROUNDS);
const renewedPasses = await proofsFor((i) => renewals[i % COUNT] as EnrolledApp, COUNT * ROUNDS);
const repeatApp = apps[0] as EnrolledApp;
const repeatPasses = await proofsFor(() => repeatApp, COUNT * ROUNDS);

// Raw: the pass's own signature, verified over and over with the organisation's key.
const [header = '', payload = '', signature = ''] = repeatApp.pass.split('.');
const signingInput = new TextEncoder().encode(`${header}.${payload}`);
const signatureBytes = base64url.decode(signature);
const nodeKey = keys.get(organisation.kid);
if (!nodeKey) throw new Error('organisation key did not import');
const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
const { kty, crv, x, y } = organisation.jwk;
const webKey = await crypto.subtle.importKey(
  'jwk',
  { kty, crv, x, y },
  { name: 'ECDSA', namedCurve: 'P-256' },
  false,
  ['verify'],
);
if (!(await crypto.subtle.verify(ecdsa, webKey, signatureBytes, signingInput))) {
  throw new Error('raw WebCrypto verification failed');
}
const rawVerify = () =>
  nodeVerify('sha256', signingInput, { key: nodeKey, dsaEncoding: 'ieee-p1363' }, signatureBytes);
if (!rawVerify()) throw new Error('raw node:crypto verification failed');

type Run = () => Promise<unknown> | unknown;

/** One round's verifier over `inputs[round]`, with the edge's state as it starts the round. */
function verifier(
  inputs: Presented[],
  { cachePasses = false, knownApps = [] as EnrolledApp[] } = {},
): (round: number) => Run {
  return (round) => {
    let offset = round * COUNT;
    const replay = createReplayCache({ maxEntries: COUNT + 1 });
    const rateLimiter = createRateLimiter({ burst: 1e9, perMinute: 1e9 });
    const passCache = cachePasses ? createVerifiedPassCache({ maxEntries: COUNT }) : undefined;
    const appKeys = createAppKeyCache({ maxEntries: COUNT });
    // The phones' earlier check-ins, verified before the clock starts: their keys imported
    // and used once, as an edge that saw them has them.
    knownApps.forEach((app, i) => {
      const key = appKeys.keyOf(app.claims.cnf.jwk);
      const proof = (newPasses[i] as Presented).proof;
      const lastDot = proof.lastIndexOf('.');
      const signed = Buffer.from(proof.slice(0, lastDot));
      const signature = Buffer.from(proof.slice(lastDot + 1), 'base64url');
      const dsa = { dsaEncoding: 'ieee-p1363' } as const;
      if (!key || !nodeVerify('sha256', signed, { key, ...dsa }, signature)) {
        throw new Error('a known phone’s earlier proof did not verify');
      }
    });
    return async () => {
      const input = inputs[offset++] as Presented;
      const verdict = await verifyPresence({
        ...input,
        storeId: STORE,
        now,
        keys,
        revoked: new Set(),
        replay,
        rateLimiter,
        appKeys,
        ...(passCache ? { passCache } : {}),
      });
      if (!verdict.ok) throw new Error(`verification refused: ${verdict.reason} ${verdict.detail}`);
    };
  };
}

// Raw import of a public key never seen (node:crypto validates the point, as the edge's
// import of a new app key does): one new key per operation.
const appJwks = apps.map((app) => app.claims.cnf.jwk);
const rawImport = (round: number): Run => {
  let offset = round * COUNT;
  return () => createPublicKey({ key: appJwks[offset++ % COUNT] as JsonWebKey, format: 'jwk' });
};

const measurements: Record<string, (round: number) => Run> = {
  rawNode: () => rawVerify,
  rawImport,
  rawWeb: () => () => crypto.subtle.verify(ecdsa, webKey, signatureBytes, signingInput),
  fullNew: verifier(newPasses),
  fullRenewed: verifier(renewedPasses, { knownApps: apps }),
  fullRepeat: verifier(repeatPasses, { cachePasses: true }),
};

console.error('measuring…');
const best: Record<string, number> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, make] of Object.entries(measurements)) {
    const run = make(round);
    const started = performance.now();
    for (let i = 0; i < COUNT; i++) await run();
    const perSecond = COUNT / ((performance.now() - started) / 1000);
    best[name] = Math.max(best[name] ?? 0, perSecond);
  }
}
const rate = (name: string) => best[name] ?? Number.NaN;
const rawNode = rate('rawNode');

const row = (name: string, perSecond: number, signatures: number) => {
  const share = (perSecond * signatures) / rawNode;
  return [
    name,
    Math.round(perSecond),
    signatures,
    Math.round(rawNode / signatures),
    `${(share * 100).toFixed(0)} %`,
    share >= 0.7 ? 'met' : 'MISSED',
  ];
};
console.log(
  printTable(
    ['measurement', 'per second', 'signatures', 'raw / signatures', '% of raw', 'target ≥ 70 %'],
    [
      [
        'raw ES256 verify, node:crypto (baseline)',
        Math.round(rawNode),
        1,
        Math.round(rawNode),
        '100 %',
        '',
      ],
      [
        'raw ES256 verify, WebCrypto (reference)',
        Math.round(rate('rawWeb')),
        1,
        Math.round(rawNode),
        `${((rate('rawWeb') / rawNode) * 100).toFixed(0)} %`,
        '',
      ],
      [
        'raw P-256 public key import, node:crypto (reference)',
        Math.round(rate('rawImport')),
        '',
        '',
        `${((rate('rawImport') / rawNode) * 100).toFixed(0)} %`,
        '',
      ],
      row('check-in, pass and app key new to the edge', rate('fullNew'), 2),
      row('check-in, renewed pass, app key known', rate('fullRenewed'), 2),
      row('check-in, pass verified before (cached)', rate('fullRepeat'), 1),
    ],
  ),
);
// What the new-pass check cannot go below: its two signatures and the import of a key.
const primitives = 1 / (2 / rawNode + 1 / rate('rawImport'));
console.log(
  `\npass and app key new: ${Math.round(rate('fullNew'))}/s against ${Math.round(primitives)}/s ` +
    `for its raw primitives alone (2 verifications + 1 key import): ` +
    `${((rate('fullNew') / primitives) * 100).toFixed(0)} %`,
);
