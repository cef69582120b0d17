import { useState } from 'preact/hooks';
import type { ReportKind } from '../api/analytics-reports.ts';
import { BarChart } from '../components/charts/bar-chart.tsx';
import { LineChart } from '../components/charts/line-chart.tsx';
import { PairedBarChart } from '../components/charts/paired-bar-chart.tsx';
import { useConsole } from '../components/console-context.ts';
import { StoreOptions } from '../components/store-options.tsx';
import {
  ackMedianSeconds,
  activityCounts,
  alertCounts,
  daysOf,
  storeVisits,
  zoneDwellMinutes,
  zoneEntries,
} from '../domain/analytics-series.ts';
import { attendanceBars, offerCounts } from '../domain/engagement-series.ts';
import { addDays, isoDateOf } from '../domain/week-calendar.ts';
import { useLoad } from '../hooks/use-load.ts';

/**
 * Visits and dwell per zone, alerts and their acknowledgement, activity, offers delivered,
 * opened and redeemed, events' RSVPs against attendance: per store and dates.
 */
export function AnalyticsPage({ locale }: { locale: string }) {
  const { api, stores, now } = useConsole();
  const today = isoDateOf(Math.floor(now().getTime() / 86_400_000));
  const [storeId, setStoreId] = useState('');
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const query = { storeId: storeId === '' ? undefined : storeId, from, to };
  const keys = [storeId, from, to];
  const visits = useLoad(() => api.visitsReport(query), keys);
  const alerts = useLoad(() => api.alertsReport(query), keys);
  const activity = useLoad(() => api.activityReport(query), keys);
  const offers = useLoad(() => api.offersReport(query), keys);
  const events = useLoad(() => api.eventsReport(query), keys);

  const days = daysOf(from, to);
  const dayLabel = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const labels = days.map((day) => dayLabel.format(new Date(`${day}T00:00:00Z`)));
  const zoneNames = new Map(
    stores.flatMap((store) => store.zones.map((zone) => [zone.id, zone.name])),
  );
  const failed = [visits, alerts, activity, offers, events].find(
    (report) => report.state === 'failed',
  );

  async function exportCsv(kind: ReportKind) {
    const file = await api.reportCsv(kind, query);
    if (!file.ok) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file.data);
    link.download = `${kind}-${from}-${to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <section>
      <div class="page-head">
        <h1>Analytics</h1>
      </div>
      <div class="filters">
        <label>
          Store
          <select
            name="analytics.storeId"
            value={storeId}
            onChange={(e) => setStoreId(e.currentTarget.value)}
          >
            <option value="">All stores</option>
            <StoreOptions />
          </select>
        </label>
        <label>
          From
          <input
            name="analytics.from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          To
          <input
            name="analytics.to"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </label>
        <span class="exports">
          CSV:
          {(['visits', 'alerts', 'activity', 'offers', 'events'] as const).map((kind) => (
            <button key={kind} type="button" class="link" onClick={() => exportCsv(kind)}>
              {kind}
            </button>
          ))}
        </span>
      </div>
      {failed?.state === 'failed' && (
        <p class="error" role="alert">
          {failed.message}
        </p>
      )}
      <div class="charts">
        {visits.state === 'ready' && (
          <>
            <LineChart
              title="Store visits per day"
              labels={labels}
              series={[storeVisits(visits.data.rows, days)]}
            />
            <LineChart
              title="Zone entries per day"
              labels={labels}
              series={zoneEntries(visits.data.rows, days, zoneNames)}
            />
            <BarChart
              title="Average dwell per zone"
              unit="min"
              bars={zoneDwellMinutes(visits.data.rows, zoneNames)}
            />
          </>
        )}
        {alerts.state === 'ready' && (
          <>
            <LineChart
              title="Alerts delivered and acknowledged"
              labels={labels}
              series={alertCounts(alerts.data.rows, days)}
            />
            <LineChart
              title="Time to acknowledge"
              labels={labels}
              series={[ackMedianSeconds(alerts.data.rows, days)]}
            />
          </>
        )}
        {activity.state === 'ready' && (
          <LineChart
            title="Check-ins and scans"
            labels={labels}
            series={activityCounts(activity.data.rows, days)}
          />
        )}
        {offers.state === 'ready' && (
          <LineChart
            title="Offers delivered, opened and redeemed"
            labels={labels}
            series={offerCounts(offers.data.rows, days)}
          />
        )}
        {events.state === 'ready' && (
          <PairedBarChart
            title="Event RSVPs against attendance"
            legend={['RSVP yes (people)', 'Attended']}
            bars={attendanceBars(events.data.rows)}
          />
        )}
      </div>
    </section>
  );
}
