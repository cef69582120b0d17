import { describe, expect, it } from 'vitest';
import { type ConnectionFacts, connectionStatus } from './connection-status.ts';

const facts = (overrides: Partial<ConnectionFacts>): ConnectionFacts => ({
  connected: false,
  everConnected: false,
  failedAttempts: 0,
  browserOnline: true,
  ...overrides,
});

describe('connectionStatus', () => {
  it('is connecting before the first connection', () => {
    expect(connectionStatus(facts({}))).toBe('connecting');
  });

  it('is connected while the socket is up, even if the browser doubts the network', () => {
    expect(connectionStatus(facts({ connected: true, browserOnline: false }))).toBe('connected');
  });

  it('is reconnecting after a drop', () => {
    expect(connectionStatus(facts({ everConnected: true, failedAttempts: 1 }))).toBe(
      'reconnecting',
    );
  });

  it('is offline when the browser has no network', () => {
    expect(connectionStatus(facts({ everConnected: true, browserOnline: false }))).toBe('offline');
  });

  it('is offline after repeated failed attempts', () => {
    expect(connectionStatus(facts({ everConnected: true, failedAttempts: 4 }))).toBe('offline');
    expect(
      connectionStatus(facts({ everConnected: true, failedAttempts: 2 }), {
        offlineAfterAttempts: 2,
      }),
    ).toBe('offline');
  });
});
