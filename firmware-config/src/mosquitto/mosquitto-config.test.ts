import { describe, expect, it } from 'vitest';
import { mosquittoOption, renderMosquittoConfig } from './mosquitto-config.ts';

describe('the shipped Mosquitto configuration', () => {
  const config = renderMosquittoConfig({ port: 18830, dataDir: '/tmp/m', logFile: '/tmp/m/log' });

  it('queues far more QoS 1 messages than the default 1000 that Mosquitto drops silently', () => {
    expect(Number(mosquittoOption(config, 'max_queued_messages'))).toBeGreaterThanOrEqual(100_000);
    expect(mosquittoOption(config, 'max_queued_bytes')).toBe('0');
  });

  it('keeps persistent sessions and retained status topics', () => {
    expect(mosquittoOption(config, 'persistence')).toBe('true');
    expect(mosquittoOption(config, 'retain_available')).toBe('true');
  });

  it('listens only where the instance is told to', () => {
    expect(config).toMatch(/^listener 18830 127\.0\.0\.1$/m);
    expect(config).not.toMatch(/^listener 1883 /m);
    expect(config).not.toMatch(/protocol websockets/);
    expect(mosquittoOption(config, 'persistence_location')).toBe('/tmp/m/');
    expect(mosquittoOption(config, 'log_dest')).toBe('file /tmp/m/log');
  });

  it('adds the WebSocket listener for the loyalty card when asked', () => {
    const withWs = renderMosquittoConfig({ port: 1, dataDir: '/d', websocketPort: 19001 });
    expect(withWs).toMatch(/^listener 19001 127\.0\.0\.1\nprotocol websockets$/m);
  });
});

describe('a store broker with generated accounts', () => {
  it('reads the password and access files and still lets loyalty apps in', () => {
    const config = renderMosquittoConfig({
      port: 1,
      dataDir: '/d',
      passwordFile: '/d/passwd',
      aclFile: '/d/acl',
    });
    expect(mosquittoOption(config, 'password_file')).toBe('/d/passwd');
    expect(mosquittoOption(config, 'acl_file')).toBe('/d/acl');
    expect(mosquittoOption(config, 'allow_anonymous')).toBe('true');
  });

  it('names no account files unless given', () => {
    const config = renderMosquittoConfig({ port: 1, dataDir: '/d' });
    expect(mosquittoOption(config, 'password_file')).toBeUndefined();
    expect(mosquittoOption(config, 'acl_file')).toBeUndefined();
  });
});
