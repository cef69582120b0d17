import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Supervised {
  name: string;
  pid: number | undefined;
  logFile: string;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  /** A TypeScript entry point, run with tsx. */
  entry: string;
  env: Record<string, string>;
  logDir: string;
  /** Called when the process exits while nobody asked it to. */
  onUnexpectedExit: (name: string, code: number | null, logFile: string) => void;
  graceMs?: number;
}

/**
 * Runs one part of the demo as its own process, as it runs in production, with its JSON
 * logs in a file so that the terminal keeps only what a person needs.
 */
export function supervise({
  name,
  entry,
  env,
  logDir,
  onUnexpectedExit,
  graceMs = 5_000,
}: SuperviseOptions): Supervised {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      if (!stopping) onUnexpectedExit(name, code, logFile);
      resolve();
    });
  });
  return {
    name,
    pid: child.pid,
    logFile,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
