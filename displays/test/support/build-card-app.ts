import { buildApp } from './build-app.ts';

/** The loyalty card, built from the current sources into a fresh folder. */
export const buildCardApp = (): Promise<string> => buildApp('src/card/vite.config.ts', 'card');
