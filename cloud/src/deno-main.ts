import { pino } from 'pino';
import { createCloudRuntime } from './cloud-runtime.ts';
import { formatConfigProblems, loadCloudConfig } from './config/cloud-config.ts';

/** The few parts of the Deno namespace this entry point uses. */
interface DenoServer {
  finished: Promise<void>;
  shutdown(): Promise<void>;
}
interface DenoRuntime {
  env: { toObject(): Record<string, string> };
  serve(
    options: {
      port: number;
      hostname: string;
      onListen?: (address: { hostname: string; port: number }) => void;
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): DenoServer;
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  exit(code: number): never;
}
declare const Deno: DenoRuntime;

// The same Hono app as main.ts, served by Deno's own HTTP server.
const result = loadCloudConfig(Deno.env.toObject());
if (!result.ok) {
  console.error(formatConfigProblems(result.problems));
  Deno.exit(1);
}
const { config } = result;
const logger = pino({ level: config.logLevel, base: { service: 'cloud', runtime: 'deno' } });
const runtime = await createCloudRuntime(config, { logger });
const server = Deno.serve(
  {
    port: config.http.port,
    hostname: config.http.host,
    onListen: ({ hostname, port }) =>
      logger.info({ url: `http://${hostname}:${port}` }, 'cloud listening'),
  },
  runtime.app.fetch,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping');
  await server.shutdown();
  await runtime.close();
  Deno.exit(0);
};
Deno.addSignalListener('SIGTERM', stop);
Deno.addSignalListener('SIGINT', stop);
