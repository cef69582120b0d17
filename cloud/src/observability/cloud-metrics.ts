import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface CloudMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  profileLookups: Counter<'outcome'>;
  logins: Counter<'outcome'>;
}

export interface CloudMetricsOptions {
  /** A registry of its own by default, so that two apps in one process never collide. */
  registry?: Registry;
  /** Process metrics (memory, event loop lag, GC). */
  defaultMetrics?: boolean;
}

export function createCloudMetrics({
  registry = new Registry(),
  defaultMetrics = true,
}: CloudMetricsOptions = {}): CloudMetrics {
  if (defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'vitrine_cloud_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'vitrine_cloud_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'vitrine_cloud_http_request_duration_seconds',
      help: 'Time to answer an HTTP request',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    profileLookups: new Counter({
      name: 'vitrine_cloud_profile_lookups_total',
      help: 'Customer profile lookups, by outcome (found, not_found)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    logins: new Counter({
      name: 'vitrine_cloud_logins_total',
      help: 'Login attempts, by outcome (success, bad_credentials; member_success, member_bad_credentials, member_enrolled for the card)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
