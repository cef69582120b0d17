import { describe, expect, it } from 'vitest';
import { formatConfigProblems, loadCloudConfig } from './cloud-config.ts';

describe('loadCloudConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const result = loadCloudConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        database: { url: undefined, dataDir: '.data/cloud' },
        http: { port: 8080, host: '127.0.0.1' },
        seed: { demo: false, customers: 10_000 },
        logLevel: 'info',
      },
    });
  });

  it('reads every variable it knows', () => {
    const result = loadCloudConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      CLOUD_DATA_DIR: '/tmp/x',
      CLOUD_PORT: '0',
      CLOUD_HOST: '0.0.0.0',
      CLOUD_SEED_DEMO: 'true',
      CLOUD_SEED_CUSTOMERS: '50',
      LOG_LEVEL: 'warn',
    });
    expect(result.ok && result.config).toEqual({
      database: { url: 'postgres://postgres@127.0.0.1:5432/test', dataDir: '/tmp/x' },
      http: { port: 0, host: '0.0.0.0' },
      seed: { demo: true, customers: 50 },
      logLevel: 'warn',
    });
  });

  it('treats an empty variable as unset', () => {
    const result = loadCloudConfig({ DATABASE_URL: '', CLOUD_PORT: ' ' });
    expect(result.ok && result.config.database.url).toBeUndefined();
    expect(result.ok && result.config.http.port).toBe(8080);
  });

  it('reports every problem at once, named by variable', () => {
    const result = loadCloudConfig({
      CLOUD_PORT: 'eighty',
      DATABASE_URL: 'not a url',
      CLOUD_SEED_DEMO: 'maybe',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'CLOUD_PORT: must be a port number',
        'DATABASE_URL: invalid url',
        'CLOUD_SEED_DEMO: must be true or false',
        'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      ]),
    );
    expect(result.problems).toHaveLength(4);
    expect(formatConfigProblems(result.problems)).toMatch(
      /^invalid configuration: DATABASE_URL: invalid url; CLOUD_PORT/,
    );
  });

  it('rejects a port out of range and a url that is not postgres', () => {
    const result = loadCloudConfig({ CLOUD_PORT: '70000', DATABASE_URL: 'mysql://db/x' });
    expect(result.ok || result.problems).toEqual([
      'DATABASE_URL: must be a postgres:// url',
      'CLOUD_PORT: must be a port number',
    ]);
  });
});
