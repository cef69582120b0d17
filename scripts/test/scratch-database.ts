import postgres from 'postgres';

/**
 * A database of its own for a test that runs the whole demo against PostgreSQL: created
 * on the server of `serverUrl`, dropped afterwards. Without a server URL: nothing (PGlite).
 */
export async function withScratchDatabase(serverUrl: string | undefined) {
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `vitrine_demo_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
