import {
  type AudiencePreviewRequest,
  audiencePreviewSchema,
  type CampaignWriteInput,
  campaignPageSchema,
  fleetSchema,
  type OfferWrite,
  offerPageSchema,
  type SegmentWrite,
  type SimulationRequest,
  segmentPageSchema,
  simulationResultSchema,
  storedCampaignSchema,
  storedOfferSchema,
  storedSegmentSchema,
  storeSchema,
} from '@vitrine/shared';
import { z } from 'zod';
import { analyticsReportSchemas, type ReportKind } from './analytics-reports.ts';
import type { CloudClient } from './cloud-client.ts';
import { createContentApi } from './content-api.ts';
import { createEventsApi } from './events-api.ts';
import { queryOf } from './query-string.ts';

const storeListSchema = z.object({ items: z.array(storeSchema) });

export { queryOf } from './query-string.ts';

export interface ReportQuery {
  storeId?: string;
  from: string;
  to: string;
}

export interface CampaignFilter {
  status?: string;
  storeId?: string;
  triggerKind?: string;
  q?: string;
  cursor?: string;
}

/** The marketer's calls to the cloud, each answer parsed with the shared schema. */
export function createConsoleApi(client: CloudClient) {
  return {
    stores: () => client.get('/v1/stores', storeListSchema),
    campaigns: (filter: CampaignFilter, limit = 20) =>
      client.get(`/v1/campaigns${queryOf({ ...filter, limit })}`, campaignPageSchema),
    campaign: (id: string) => client.get(`/v1/campaigns/${id}`, storedCampaignSchema),
    createCampaign: (write: CampaignWriteInput) =>
      client.send('POST', '/v1/campaigns', write, storedCampaignSchema),
    updateCampaign: (id: string, write: CampaignWriteInput) =>
      client.send('PUT', `/v1/campaigns/${id}`, write, storedCampaignSchema),
    segments: (cursor?: string) =>
      client.get(`/v1/segments${queryOf({ cursor, limit: 50 })}`, segmentPageSchema),
    createSegment: (write: SegmentWrite) =>
      client.send('POST', '/v1/segments', write, storedSegmentSchema),
    updateSegment: (id: string, write: SegmentWrite) =>
      client.send('PUT', `/v1/segments/${id}`, write, storedSegmentSchema),
    previewAudience: (request: AudiencePreviewRequest) =>
      client.send('POST', '/v1/segments/preview', request, audiencePreviewSchema),
    offers: (cursor?: string) =>
      client.get(`/v1/offers${queryOf({ cursor, limit: 50 })}`, offerPageSchema),
    createOffer: (write: OfferWrite) => client.send('POST', '/v1/offers', write, storedOfferSchema),
    visitsReport: (query: ReportQuery) =>
      client.get(`/v1/analytics/visits${queryOf({ ...query })}`, analyticsReportSchemas.visits),
    alertsReport: (query: ReportQuery) =>
      client.get(`/v1/analytics/alerts${queryOf({ ...query })}`, analyticsReportSchemas.alerts),
    activityReport: (query: ReportQuery) =>
      client.get(`/v1/analytics/activity${queryOf({ ...query })}`, analyticsReportSchemas.activity),
    offersReport: (query: ReportQuery) =>
      client.get(`/v1/analytics/offers${queryOf({ ...query })}`, analyticsReportSchemas.offers),
    eventsReport: (query: ReportQuery) =>
      client.get(`/v1/analytics/events${queryOf({ ...query })}`, analyticsReportSchemas.events),
    /** A report as CSV, for the marketer to save. */
    reportCsv: (kind: ReportKind, query: ReportQuery) =>
      client.download(`/v1/analytics/${kind}${queryOf({ ...query, format: 'csv' })}`),
    fleet: () => client.get('/v1/fleet', fleetSchema),
    simulate: (request: SimulationRequest) =>
      client.send('POST', '/v1/simulation', request, simulationResultSchema),
    events: createEventsApi(client),
    content: createContentApi(client),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
