/**
 * Smoothing of one device's RSSI at one receiver. Advertisements arrive at irregular
 * intervals (100 ms to 10 s, some lost), so every step uses the time elapsed since the
 * previous reading, passed in. State is a plain object the caller keeps per
 * device × receiver; the functions mutate it in place because the pipeline runs this
 * hundreds of thousands of times a second.
 */
export interface FilterState {
  value: number;
  /** Kalman: the estimate's variance (dB²). One-euro: the smoothed derivative (dB/s). */
  aux: number;
  lastAt: number;
}

export interface KalmanOptions {
  kind: 'kalman';
  /** How fast the true RSSI may drift, dB² per second (a random walk). */
  processNoise?: number;
  /** Variance of one reading, dB² (6 dB of standard deviation: 36). */
  measurementNoise?: number;
}

export interface OneEuroOptions {
  kind: 'one-euro';
  /** Cut-off at rest, Hz: lower smooths more. */
  minCutoffHz?: number;
  /** How much the cut-off rises with speed of change: higher follows movement faster. */
  beta?: number;
  derivativeCutoffHz?: number;
}

export type SmoothingOptions = KalmanOptions | OneEuroOptions;

export interface Smoother {
  start(rssi: number, now: number): FilterState;
  /** Folds a reading in and returns the new estimate. */
  update(state: FilterState, rssi: number, now: number): number;
  /** The estimate's variance (dB²) where the filter knows it; 0 where it does not. */
  variance(state: FilterState): number;
}

/** Past this gap the previous estimate says nothing: the next reading starts afresh. */
const MAX_GAP_S = 60;

export function createKalmanSmoother({
  processNoise = 4,
  measurementNoise = 36,
}: Omit<KalmanOptions, 'kind'> = {}): Smoother {
  return {
    start: (rssi, now) => ({ value: rssi, aux: measurementNoise, lastAt: now }),
    variance: (state) => state.aux,
    update(state, rssi, now) {
      // Readings out of order (two receivers, one clock) add no drift rather than negative drift.
      const dt = Math.max(now - state.lastAt, 0) / 1000;
      if (dt > MAX_GAP_S) {
        state.value = rssi;
        state.aux = measurementNoise;
        state.lastAt = now;
        return rssi;
      }
      const predicted = state.aux + processNoise * dt;
      const gain = predicted / (predicted + measurementNoise);
      state.value += gain * (rssi - state.value);
      state.aux = (1 - gain) * predicted;
      if (now > state.lastAt) state.lastAt = now;
      return state.value;
    },
  };
}

function smoothingFactor(cutoffHz: number, dt: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dt);
}

/** The one-euro filter (Casiez, Roussel, Vogel 2012) with its time step taken from the clock. */
export function createOneEuroSmoother({
  minCutoffHz = 0.04,
  beta = 0.005,
  derivativeCutoffHz = 0.2,
}: Omit<OneEuroOptions, 'kind'> = {}): Smoother {
  return {
    start: (rssi, now) => ({ value: rssi, aux: 0, lastAt: now }),
    variance: () => 0,
    update(state, rssi, now) {
      const elapsed = (now - state.lastAt) / 1000;
      // A reading with no time elapsed (or from the past) cannot say how fast things change.
      if (!(elapsed > 0)) return state.value;
      if (elapsed > MAX_GAP_S) {
        state.value = rssi;
        state.aux = 0;
        state.lastAt = now;
        return rssi;
      }
      const derivative = (rssi - state.value) / elapsed;
      state.aux += smoothingFactor(derivativeCutoffHz, elapsed) * (derivative - state.aux);
      const cutoff = minCutoffHz + beta * Math.abs(state.aux);
      state.value += smoothingFactor(cutoff, elapsed) * (rssi - state.value);
      state.lastAt = now;
      return state.value;
    },
  };
}

export function createSmoother(options: SmoothingOptions = { kind: 'kalman' }): Smoother {
  return options.kind === 'kalman' ? createKalmanSmoother(options) : createOneEuroSmoother(options);
}
