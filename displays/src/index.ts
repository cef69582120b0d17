export { associateAppDir, cardAppDir, consoleAppDir, screenPlayerDir } from './app-paths.ts';
