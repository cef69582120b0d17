import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { type CloudRuntime, createCloudRuntime } from './cloud-runtime.ts';
import type { CloudConfig } from './config/cloud-config.ts';

export interface StartedCloud {
  url: string;
  port: number;
  runtime: CloudRuntime;
  /** Stops accepting requests, then closes the database. */
  stop(): Promise<void>;
}

/** The cloud served over HTTP on Node (CLOUD_PORT 0 picks a free port). */
export async function startCloud(
  config: CloudConfig,
  { logger }: { logger: Logger },
): Promise<StartedCloud> {
  const runtime = await createCloudRuntime(config, { logger });
  let server: ReturnType<typeof serve> | undefined;
  try {
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve(
        { fetch: runtime.app.fetch, port: config.http.port, hostname: config.http.host },
        resolve,
      );
      server.once('error', reject);
    });
    const url = `http://${config.http.host}:${address.port}`;
    logger.info({ url, docs: `${url}/docs` }, 'cloud listening');
    return {
      url,
      port: address.port,
      runtime,
      stop: async () => {
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        await runtime.close();
      },
    };
  } catch (error) {
    server?.close();
    await runtime.close();
    throw error;
  }
}
