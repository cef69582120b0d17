import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';

/**
 * Starts a private Mosquitto with the configuration Vitrine ships
 * (firmware-config/mosquitto/mosquitto.conf), on its own port and data folder, so that the
 * bench measures the broker as a store would run it rather than the machine's defaults.
 */
export async function startMosquitto(root: string, port: number, workDir: string) {
  mkdirSync(workDir, { recursive: true });
  const shipped = readFileSync(join(root, 'firmware-config/mosquitto/mosquitto.conf'), 'utf8');
  const config = shipped
    .replace(/^persistence_location .*$/m, `persistence_location ${workDir}/`)
    .replace(/^listener 1883 .*$/m, `listener ${port} 127.0.0.1`)
    .replace(/^listener 9001 .*\nprotocol websockets$/m, '')
    .replace(/^log_dest stdout$/m, `log_dest file ${join(workDir, 'mosquitto.log')}`);
  const configFile = join(workDir, 'mosquitto.conf');
  writeFileSync(configFile, config);
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
