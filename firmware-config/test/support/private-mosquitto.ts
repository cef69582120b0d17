import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { renderMosquittoConfig } from '../../src/mosquitto/mosquitto-config.ts';

export const MOSQUITTO_BINARY = '/usr/sbin/mosquitto';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface PrivateMosquitto {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A Mosquitto of its own for one test file, on a free port, with the given generated
 * password and access files.
 */
export async function startPrivateMosquitto(files: {
  passwd: string;
  acl: string;
}): Promise<PrivateMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-mosquitto-'));
  const passwordFile = join(dir, 'passwd');
  const aclFile = join(dir, 'acl');
  writeFileSync(passwordFile, files.passwd);
  writeFileSync(aclFile, files.acl);
  const port = await freePort();
  const configFile = join(dir, 'mosquitto.conf');
  const config = renderMosquittoConfig({
    port,
    dataDir: dir,
    logFile: join(dir, 'mosquitto.log'),
    passwordFile,
    aclFile,
  });
  // Started as root, Mosquitto switches to the `mosquitto` user, which cannot read this
  // private folder: stay the user that wrote it.
  writeFileSync(configFile, `${config}\nuser ${userInfo().username}\n`);
  const child: ChildProcess = spawn(MOSQUITTO_BINARY, ['-c', configFile], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Readiness, not timing: the broker accepts connections once its listener is up.
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const probe = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 500 });
      await probe.endAsync();
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`mosquitto did not start on port ${port}`);
}
