import { describe, expect, it } from 'vitest';
import { EdgeConfigError, loadEdgeConfig, parseEdgeConfig } from './edge-config.ts';

const valid = {
  EDGE_STORE_ID: 'sto_tokyo-ginza',
  EDGE_CLOUD_URL: 'http://127.0.0.1:8080',
  EDGE_CLOUD_TOKEN: 'edge-token',
};

describe('edge config', () => {
  it('fills every default from a minimal environment', () => {
    expect(loadEdgeConfig(valid)).toEqual({
      storeId: 'sto_tokyo-ginza',
      cloudUrl: 'http://127.0.0.1:8080',
      cloudToken: 'edge-token',
      httpPort: 8081,
      httpHost: '127.0.0.1',
      mqttUrl: null,
      mqttPort: 1884,
      mqttHost: '127.0.0.1',
      displaysDir: null,
      mqttWebSocket: { enabled: true, maxFrameBytes: 65_536 },
      publicUrl: null,
      reportIntervalMs: 30_000,
      dataDir: '.data/edge-sto_tokyo-ginza',
      logLevel: 'info',
      lookupTimeoutMs: 800,
      profileCacheTtlMs: 600_000,
      profileCacheMax: 5000,
      syncIntervalMs: 30_000,
      syncPageSize: 100,
      identitySyncMs: 60_000,
      proofSkewSteps: 1,
      passRateBurst: 5,
      passRatePerMin: 10,
      presence: {
        layoutFile: null,
        bleSource: 'none',
        replayFile: null,
        replaySpeed: 1,
        gatewayNodeId: 'gateway',
        bleWatchdogMs: 30_000,
        tickMs: 1000,
        knownDevices: [],
        alertRepeatMs: 3_600_000,
      },
    });
  });

  it('reads the presence variables, known devices as a list', () => {
    const config = loadEdgeConfig({
      ...valid,
      EDGE_LAYOUT_FILE: 'firmware-config/layouts/tokyo-ginza.yaml',
      BLE_SOURCE: 'replay',
      EDGE_REPLAY_FILE: 'recordings/monday.jsonl',
      EDGE_REPLAY_SPEED: '0',
      EDGE_KNOWN_DEVICES: 'ibeacon:B9407F30-F5F8-466E-AFF9-25556B57FE6D:1:1, asc-badge-1',
    });
    expect(config.presence).toMatchObject({
      layoutFile: 'firmware-config/layouts/tokyo-ginza.yaml',
      bleSource: 'replay',
      replayFile: 'recordings/monday.jsonl',
      replaySpeed: 0,
      knownDevices: ['ibeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d:1:1', 'asc-badge-1'],
    });
  });

  it('refuses a BLE source without what it needs, with the other problems', () => {
    const result = parseEdgeConfig({ ...valid, BLE_SOURCE: 'replay', EDGE_HTTP_PORT: 'x' });
    expect(result.ok ? [] : result.problems).toEqual([
      'EDGE_HTTP_PORT: must be a port number',
      'EDGE_LAYOUT_FILE: required with BLE_SOURCE=replay',
      'EDGE_REPLAY_FILE: required with BLE_SOURCE=replay',
    ]);
    const unknown = parseEdgeConfig({ ...valid, BLE_SOURCE: 'radio' });
    expect(unknown.ok ? [] : unknown.problems).toEqual([
      'BLE_SOURCE: must be one of none, noble, replay, simulator',
    ]);
  });

  it('reads every variable it knows', () => {
    const config = loadEdgeConfig({
      ...valid,
      EDGE_HTTP_PORT: '0',
      EDGE_HTTP_HOST: '0.0.0.0',
      MQTT_URL: 'mqtt://127.0.0.1:1883',
      EDGE_MQTT_PORT: '1999',
      EDGE_DISPLAYS_DIR: 'displays/dist/associate',
      EDGE_DATA_DIR: '/var/lib/vitrine/edge',
      LOG_LEVEL: 'warn',
      EDGE_LOOKUP_TIMEOUT_MS: '250',
      EDGE_PROFILE_CACHE_TTL_MS: '1000',
      EDGE_PROFILE_CACHE_MAX: '10',
    });
    expect(config).toMatchObject({
      httpPort: 0,
      httpHost: '0.0.0.0',
      mqttUrl: 'mqtt://127.0.0.1:1883',
      mqttPort: 1999,
      displaysDir: 'displays/dist/associate',
      dataDir: '/var/lib/vitrine/edge',
      logLevel: 'warn',
      lookupTimeoutMs: 250,
      profileCacheTtlMs: 1000,
      profileCacheMax: 10,
      syncIntervalMs: 30_000,
      syncPageSize: 100,
      identitySyncMs: 60_000,
      proofSkewSteps: 1,
      passRateBurst: 5,
      passRatePerMin: 10,
    });
  });

  it('reports every problem at once, naming each variable', () => {
    const result = parseEdgeConfig({ EDGE_CLOUD_URL: 'not a url', EDGE_HTTP_PORT: '70000' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'EDGE_STORE_ID: required',
        expect.stringMatching(/^EDGE_CLOUD_URL: invalid url/),
        'EDGE_CLOUD_TOKEN: required',
        'EDGE_HTTP_PORT: must be a port number',
      ]),
    );
    expect(result.problems).toHaveLength(4);
  });

  it.each([
    ['EDGE_STORE_ID', 'tokyo'],
    ['EDGE_CLOUD_URL', 'ftp://cloud'],
    ['MQTT_URL', 'http://broker'],
    ['EDGE_MQTT_PORT', 'abc'],
    ['LOG_LEVEL', 'loud'],
    ['EDGE_LOOKUP_TIMEOUT_MS', '-5'],
    ['EDGE_PROFILE_CACHE_MAX', '1.5'],
    ['EDGE_MQTT_WS', 'maybe'],
    ['EDGE_MQTT_WS_MAX_FRAME_BYTES', '10'],
    ['EDGE_PUBLIC_URL', 'edge.local:8081'],
    ['EDGE_REPORT_INTERVAL_MS', '0'],
  ])('rejects a bad %s (%s)', (name, value) => {
    const result = parseEdgeConfig({ ...valid, [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
  });

  it('reads the WebSocket bridge and the report to the cloud', () => {
    const config = loadEdgeConfig({
      ...valid,
      EDGE_MQTT_WS: 'false',
      EDGE_MQTT_WS_MAX_FRAME_BYTES: '4096',
      EDGE_PUBLIC_URL: 'https://edge.ginza.example',
      EDGE_REPORT_INTERVAL_MS: '5000',
    });
    expect(config).toMatchObject({
      mqttWebSocket: { enabled: false, maxFrameBytes: 4096 },
      publicUrl: 'https://edge.ginza.example',
      reportIntervalMs: 5000,
    });
    const problems = parseEdgeConfig({
      ...valid,
      EDGE_MQTT_WS: 'yes please',
      EDGE_PUBLIC_URL: 'x',
    });
    expect(problems.ok ? [] : problems.problems).toEqual([
      'EDGE_MQTT_WS: must be true or false',
      expect.stringMatching(/^EDGE_PUBLIC_URL: invalid url/),
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadEdgeConfig({ ...valid, MQTT_URL: '', EDGE_HTTP_PORT: '' })).toMatchObject({
      mqttUrl: null,
      httpPort: 8081,
    });
  });

  it('throws a typed error that lists the problems', () => {
    expect(() => loadEdgeConfig({})).toThrow(EdgeConfigError);
    expect(() => loadEdgeConfig({})).toThrow(/EDGE_STORE_ID: required; EDGE_CLOUD_URL: required/);
  });
});
