import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Where `npm run build -w displays` puts the associate app. */
export function associateAppDir(root: string): string {
  return join(root, 'displays', 'dist', 'associate');
}

/** Where `npm run build -w displays` puts the marketer console, which the cloud serves. */
export function consoleAppDir(root: string): string {
  return join(root, 'displays', 'dist', 'console');
}

/** Where `npm run build -w displays` puts the loyalty card, which the cloud serves at /card/. */
export function cardAppDir(root: string): string {
  return join(root, 'displays', 'dist', 'card');
}

export function buildDisplays(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', 'displays'], { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the displays failed (exit ${code})`)),
    );
  });
}
