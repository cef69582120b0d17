export { associateAppDir, consoleAppDir, screenPlayerDir } from './app-paths.ts';
