import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMosquittoConfig } from '@vitrine/firmware-config';
import { connectAsync } from 'mqtt';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A Mosquitto of the test's own, with the configuration Vitrine ships (persistence on):
 * restartable on the same port and data folder, so persistent sessions survive it.
 */
export async function startPrivateMosquitto() {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-mosquitto-'));
  // Started as root, Mosquitto drops to its own user, which must still write its database.
  await chmod(dir, 0o777);
  const configFile = join(dir, 'mosquitto.conf');
  await writeFile(
    configFile,
    renderMosquittoConfig({ port, dataDir: dir, logFile: join(dir, 'mosquitto.log') }),
  );
  const url = `mqtt://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function start() {
    child = spawn('mosquitto', ['-c', configFile], { stdio: 'ignore' });
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const probe = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 500 });
        await probe.endAsync();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`mosquitto did not start on ${port}; see ${dir}/mosquitto.log`);
  }

  /** A clean stop (SIGTERM): Mosquitto writes its sessions and queues to disk first. */
  async function stop() {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
  }

  await start();
  return {
    url,
    async restart() {
      await stop();
      await start();
    },
    stop,
  };
}
