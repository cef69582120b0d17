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
 * a regular's phone shows the same pass at every visit). So the full check of a new pass
 * is compared with two raw verifications, and a repeat pass with one. The baseline is
 * node:crypto's synchronous ES256 `verify` with an imported key (the primitive the edge
 * uses); WebCrypto's `subtle.verify` is shown beside it for reference. Every loop awaits
 * one verification at a time: one core. Target: ≥ 70 % of raw.
 */
import { verify as nodeVerify } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createProof, type OrganisationJwks } from '@vitrine/shared';
import { base64url } from 'jose';
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

/** Operations per second of `run` over `count` operations: best of the rounds. */
async function rate(count: number, run: (i: number) => Promise<unknown> | unknown) {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < count; i++) await run(i);
    best = Math.max(best, count / ((performance.now() - started) / 1000));
  }
  return best;
}

const organisation = await createOrganisationKey();
const keys = await importKeySet({ keys: [organisation.jwk] } satisfies OrganisationJwks);
const now = Date.now();

// Inputs made before any clock starts: the phones' work, not the edge's.
console.error(`preparing ${COUNT} passes and ${COUNT * ROUNDS * 2} proofs…`);
const apps: EnrolledApp[] = [];
for (let i = 0; i < COUNT; i++) {
  apps.push(await enrolApp(organisation, { customerId: `cus_${String(i + 1).padStart(6, '0')}` }));
}
async function proofsFor(pick: (i: number) => EnrolledApp, n: number) {
  const out: { pass: string; proof: string }[] = [];
  for (let i = 0; i < n; i++) {
    const app = pick(i);
    out.push({
      pass: app.pass,
      proof: await createProof({
        pass: app.pass,
        appPrivateKey: app.app.privateKey,
        storeId: STORE,
        now,
      }),
    });
  }
  return out;
}
const newPasses = await proofsFor((i) => apps[i % COUNT] as EnrolledApp, COUNT * ROUNDS);
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
if (
  !nodeVerify('sha256', signingInput, { key: nodeKey, dsaEncoding: 'ieee-p1363' }, signatureBytes)
) {
  throw new Error('raw node:crypto verification failed');
}

function verifier(inputs: { pass: string; proof: string }[], cachePasses: boolean) {
  let offset = 0;
  const replay = createReplayCache({ maxEntries: inputs.length + 1 });
  const rateLimiter = createRateLimiter({ burst: 1e9, perMinute: 1e9 });
  const passCache = cachePasses
    ? createVerifiedPassCache({ maxEntries: inputs.length })
    : undefined;
  return async () => {
    const input = inputs[offset++] as { pass: string; proof: string };
    const verdict = await verifyPresence({
      ...input,
      storeId: STORE,
      now,
      keys,
      revoked: new Set(),
      replay,
      rateLimiter,
      ...(passCache ? { passCache } : {}),
    });
    if (!verdict.ok) throw new Error(`verification refused: ${verdict.reason} ${verdict.detail}`);
  };
}

console.error('measuring…');
const rawWeb = await rate(COUNT, () =>
  crypto.subtle.verify(ecdsa, webKey, signatureBytes, signingInput),
);
const rawNode = await rate(COUNT, () =>
  nodeVerify('sha256', signingInput, { key: nodeKey, dsaEncoding: 'ieee-p1363' }, signatureBytes),
);
const fullNew = await rate(COUNT, verifier(newPasses, false));
const fullRepeat = await rate(COUNT, verifier(repeatPasses, true));

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
        Math.round(rawWeb),
        1,
        Math.round(rawNode),
        `${((rawWeb / rawNode) * 100).toFixed(0)} %`,
        '',
      ],
      row('check-in, pass new to the edge', fullNew, 2),
      row('check-in, pass verified before (cached)', fullRepeat, 1),
    ],
  ),
);
