import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSimulator, type SimulatedArrival } from './run-simulator.ts';

describe('simulator loop (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes about the configured rate of check-ins for the store', async () => {
    const published: SimulatedArrival[] = [];
    const simulator = runSimulator({
      storeId: 'sto_tokyo-ginza',
      customerIds: ['cus_000001', 'cus_000002'],
      ratePerMin: 6,
      seed: 5,
      publish: async (checkIn) => void published.push(checkIn),
    });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    simulator.stop();
    expect(published.length).toBeGreaterThan(40);
    expect(published.length).toBeLessThan(80);
    for (const checkIn of published) {
      expect(checkIn.storeId).toBe('sto_tokyo-ginza');
      expect(checkIn.clientId).toBe(`app-${checkIn.customerId.slice(4)}`);
    }
    const count = published.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(published).toHaveLength(count);
  });

  it('stamps each check-in with the time it is sent', async () => {
    const published: SimulatedArrival[] = [];
    const simulator = runSimulator({
      storeId: 'sto_tokyo-ginza',
      customerIds: ['cus_000001'],
      ratePerMin: 60,
      seed: 1,
      publish: async (checkIn) => void published.push(checkIn),
    });
    await vi.advanceTimersByTimeAsync(5000);
    simulator.stop();
    const first = published[0];
    expect(first).toBeDefined();
    expect(first?.at.getTime()).toBeGreaterThan(Date.parse('2026-11-23T10:00:00Z'));
    expect(first?.at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('reports a failed publish and carries on', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const simulator = runSimulator({
      storeId: 'sto_tokyo-ginza',
      customerIds: ['cus_000001'],
      ratePerMin: 60,
      seed: 1,
      publish: async () => {
        calls++;
        throw new Error('broker down');
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(30_000);
    simulator.stop();
    expect(calls).toBeGreaterThan(5);
    expect(errors).toHaveLength(calls);
  });
});
