import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from '../config/edge-config.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: LogLevel;
  storeId?: string;
  /** Where the JSON lines go; stdout when omitted. */
  destination?: DestinationStream;
}

/** Structured JSON logs, one line per event, every line naming the store. */
export function createLogger({ level = 'info', storeId, destination }: LoggerOptions = {}): Logger {
  const options = { level, base: { service: 'edge', ...(storeId ? { storeId } : {}) } };
  return destination ? pino(options, destination) : pino(options);
}
