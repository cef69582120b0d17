import { type EdgeReport, edgeReportSchema } from '@vitrine/shared';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { organisations, stores } from '../db/schema.ts';
import { edgeReports } from '../db/schema-fleet.ts';

/** Who sent a report: the store and organisation of the edge token, and its subject. */
export interface ReportSource {
  organisationId: string;
  storeId: string;
  deviceId: string;
}

/** A store of the organisation with its edge's latest report, if it ever reported. */
export interface StoreWithReport {
  storeId: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  reportedAt: Date | null;
  report: EdgeReport | null;
}

export interface FleetRepository {
  /** Keeps this report as the store's latest, replacing the one before. */
  saveReport(source: ReportSource, report: EdgeReport, reportedAt: Date): Promise<void>;
  /** Every store of the organisation by id, with its latest report or null. */
  listStores(organisationId: string): Promise<StoreWithReport[]>;
  organisationExists(organisationId: string): Promise<boolean>;
}

export function createFleetRepository(db: Database): FleetRepository {
  return {
    async saveReport({ organisationId, storeId, deviceId }, report, reportedAt) {
      const row = { organisationId, report, reportedAt, receivedFrom: deviceId };
      await db
        .insert(edgeReports)
        .values({ storeId, ...row })
        .onConflictDoUpdate({ target: edgeReports.storeId, set: row });
    },
    async listStores(organisationId) {
      const rows = await db
        .select({
          storeId: stores.id,
          name: stores.name,
          city: stores.city,
          country: stores.country,
          timeZone: stores.timeZone,
          reportedAt: edgeReports.reportedAt,
          report: edgeReports.report,
        })
        .from(stores)
        .leftJoin(edgeReports, eq(edgeReports.storeId, stores.id))
        .where(eq(stores.organisationId, organisationId))
        .orderBy(asc(stores.id));
      // A report kept under an older shape is shown as its time alone, never cast.
      return rows.map((row) => ({
        ...row,
        report: row.report === null ? null : (edgeReportSchema.safeParse(row.report).data ?? null),
      }));
    },
    async organisationExists(organisationId) {
      const found = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisationId))
        .limit(1);
      return found.length > 0;
    },
  };
}
