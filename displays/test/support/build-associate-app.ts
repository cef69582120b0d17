import { buildApp } from './build-app.ts';

/** The associate app, built from the current sources into a fresh folder. */
export const buildAssociateApp = (): Promise<string> => buildApp('vite.config.ts', 'associate');
