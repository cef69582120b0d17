import type { ConsoleApi } from '../api/console-api.ts';
import { hrefOf, PAGES, type Page, useHashRoute } from '../hooks/use-hash-route.ts';
import { useLoad } from '../hooks/use-load.ts';
import { AnalyticsPage } from '../pages/analytics-page.tsx';
import { CalendarPage } from '../pages/calendar-page.tsx';
import { CampaignsPage } from '../pages/campaigns-page.tsx';
import { ContentPage } from '../pages/content-page.tsx';
import { EventsPage } from '../pages/events-page.tsx';
import { FleetPage } from '../pages/fleet-page.tsx';
import { OffersPage } from '../pages/offers-page.tsx';
import { SegmentsPage } from '../pages/segments-page.tsx';
import { SimulationPage } from '../pages/simulation-page.tsx';
import { ConsoleContext } from './console-context.ts';

const TITLES: Record<Page, string> = {
  campaigns: 'Campaigns',
  segments: 'Segments',
  offers: 'Offers',
  events: 'Events',
  content: 'Screen content',
  calendar: 'Calendar',
  analytics: 'Analytics',
  simulation: 'Simulation',
  fleet: 'Fleet',
};

export interface ConsoleScreenProps {
  api: ConsoleApi;
  locale: string;
  userName: string;
  onLogOut: () => void;
}

/** The navigation and the page the address names, once the organisation's stores are known. */
export function ConsoleScreen({ api, locale, userName, onLogOut }: ConsoleScreenProps) {
  const route = useHashRoute();
  const stores = useLoad(() => api.stores(), [api]);

  return (
    <div class="console">
      <header class="console-header">
        <span class="brand">Vitrine</span>
        <nav>
          {PAGES.map((page) => (
            <a
              key={page}
              href={hrefOf(page)}
              aria-current={route.page === page ? 'page' : undefined}
            >
              {TITLES[page]}
            </a>
          ))}
        </nav>
        <span class="who">{userName}</span>
        <button type="button" class="link" onClick={onLogOut}>
          Log out
        </button>
      </header>
      <main class="console-main">
        {stores.state === 'loading' && <p class="muted">Loading the stores…</p>}
        {stores.state === 'failed' && (
          <p class="error" role="alert">
            {stores.message}
          </p>
        )}
        {stores.state === 'ready' && (
          <ConsoleContext.Provider
            value={{ api, stores: stores.data.items, now: () => new Date() }}
          >
            <PageOf page={route.page} detail={route.detail} locale={locale} />
          </ConsoleContext.Provider>
        )}
      </main>
    </div>
  );
}

function PageOf({ page, detail, locale }: { page: Page; detail: string | null; locale: string }) {
  switch (page) {
    case 'campaigns':
      return <CampaignsPage detail={detail} />;
    case 'segments':
      return <SegmentsPage />;
    case 'offers':
      return <OffersPage locale={locale} />;
    case 'events':
      return <EventsPage detail={detail} locale={locale} />;
    case 'content':
      return <ContentPage />;
    case 'calendar':
      return <CalendarPage locale={locale} />;
    case 'analytics':
      return <AnalyticsPage locale={locale} />;
    case 'simulation':
      return <SimulationPage />;
    case 'fleet':
      return <FleetPage />;
  }
}
