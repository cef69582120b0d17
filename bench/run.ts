/**
 * `npm run bench`: every benchmark, one after the other; each prints its own table with
 * its baseline measured in the same run. Extra arguments go to each bench.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = [
  'arrival-latency.ts',
  'engagement-decision.ts',
  'engagement-end-to-end.ts',
  'outbox.ts',
  'presence-mqtt.ts',
  'presence-pipeline.ts',
  'proof-verification.ts',
  'sync.ts',
];

for (const bench of BENCHES) {
  console.log(`\n## ${bench}\n`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, bench), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
