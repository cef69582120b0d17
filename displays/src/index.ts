export { associateAppDir } from './app-paths.ts';
