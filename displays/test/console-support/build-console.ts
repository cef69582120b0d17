import { buildApp } from '../support/build-app.ts';

/** The console, built from the current sources into a fresh folder. */
export const buildConsole = (): Promise<string> =>
  buildApp('src/console/vite.config.ts', 'console');
