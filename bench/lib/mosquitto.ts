import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMosquittoConfig } from '@vitrine/firmware-config';
import { connectAsync } from 'mqtt';

/**
 * Starts a private Mosquitto with the configuration Vitrine ships, on its own port and
 * data folder, so that the bench measures the broker as a store runs it rather than with
 * the machine's defaults.
 */
export async function startMosquitto(port: number, workDir: string) {
  mkdirSync(workDir, { recursive: true });
  const configFile = join(workDir, 'mosquitto.conf');
  writeFileSync(
    configFile,
    renderMosquittoConfig({ port, dataDir: workDir, logFile: join(workDir, 'mosquitto.log') }),
  );
  const child = spawn('mosquitto', ['-c', configFile], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const probe = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 500 });
      await probe.endAsync();
      return { url, stop: () => child.kill('SIGTERM') };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`mosquitto did not start on port ${port}; see ${workDir}/mosquitto.log`);
}
