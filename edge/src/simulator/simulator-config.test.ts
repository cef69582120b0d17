import { describe, expect, it } from 'vitest';
import { parseSimulatorConfig } from './simulator-config.ts';

describe('simulator config', () => {
  it('reads the environment with defaults', () => {
    expect(
      parseSimulatorConfig({
        SIM_MQTT_URL: 'mqtt://127.0.0.1:1884',
        SIM_CLOUD_URL: 'http://127.0.0.1:8080',
        SIM_CLOUD_TOKEN: 'token',
        SIM_STORE_ID: 'sto_tokyo-ginza',
        SIM_CUSTOMER_IDS: 'cus_000001, cus_000002,',
      }),
    ).toEqual({
      ok: true,
      config: {
        mqttUrl: 'mqtt://127.0.0.1:1884',
        cloudUrl: 'http://127.0.0.1:8080',
        cloudToken: 'token',
        storeId: 'sto_tokyo-ginza',
        customerIds: ['cus_000001', 'cus_000002'],
        ratePerMin: 6,
        seed: 1,
      },
    });
  });

  it('lists every problem', () => {
    const result = parseSimulatorConfig({ SIM_CUSTOMER_IDS: 'bob', SIM_RATE_PER_MIN: '0' });
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        'SIM_MQTT_URL: required',
        'SIM_CLOUD_URL: required',
        'SIM_CLOUD_TOKEN: required',
        'SIM_STORE_ID: required',
        expect.stringMatching(/^SIM_CUSTOMER_IDS: /),
        'SIM_RATE_PER_MIN: must be a positive number',
      ]),
    });
  });
});
