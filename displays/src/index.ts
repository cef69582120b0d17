export { associateAppDir, consoleAppDir } from './app-paths.ts';
