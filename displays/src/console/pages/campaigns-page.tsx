import { CAMPAIGN_STATUSES, type StoredCampaign, TRIGGER_KINDS } from '@vitrine/shared';
import type { CampaignFilter } from '../api/console-api.ts';
import { CampaignEditor } from '../components/campaigns/campaign-editor.tsx';
import { useConsole } from '../components/console-context.ts';
import { FilterSelect, StoreFilter } from '../components/filter-select.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { useFilter } from '../hooks/use-filter.ts';
import { hrefOf } from '../hooks/use-hash-route.ts';
import { useLoad } from '../hooks/use-load.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';

/** The campaigns list, or one campaign's editor (`new` or its id). */
export function CampaignsPage({ detail }: { detail: string | null }) {
  if (detail === 'new') return <CampaignEditor campaign={null} />;
  if (detail !== null) return <LoadedCampaign id={detail} />;
  return <CampaignList />;
}

function LoadedCampaign({ id }: { id: string }) {
  const { api } = useConsole();
  const campaign = useLoad(() => api.campaign(id), [id]);
  if (campaign.state === 'loading') return <p class="muted">Loading the campaign…</p>;
  if (campaign.state === 'failed') {
    return (
      <p class="error" role="alert">
        {campaign.message}
      </p>
    );
  }
  return <CampaignEditor key={campaign.data.version} campaign={campaign.data} />;
}

function storesOf(campaign: StoredCampaign, names: Map<string, string>): string {
  const { stores } = campaign.targets;
  return stores === 'all' ? 'All stores' : stores.map((id) => names.get(id) ?? id).join(', ');
}

function CampaignList() {
  const { api, stores } = useConsole();
  const [filter, filterBy] = useFilter<Omit<CampaignFilter, 'cursor'>>();
  const { page, pager } = usePagedList((cursor) => api.campaigns({ ...filter, cursor }), [filter]);
  const names = new Map(stores.map((store) => [store.id, store.name]));

  return (
    <section>
      <div class="page-head">
        <h1>Campaigns</h1>
        <a class="button" href={hrefOf('campaigns', 'new')}>
          New campaign
        </a>
      </div>
      <div class="filters">
        <FilterSelect
          label="Status"
          name="status"
          choices={CAMPAIGN_STATUSES}
          onChoose={(value) => filterBy('status', value)}
        />
        <StoreFilter onChoose={(value) => filterBy('storeId', value)} />
        <FilterSelect
          label="Trigger"
          name="triggerKind"
          choices={TRIGGER_KINDS}
          onChoose={(value) => filterBy('triggerKind', value)}
        />
        <label>
          Name
          <input name="q" type="search" onChange={(e) => filterBy('q', e.currentTarget.value)} />
        </label>
      </div>
      <PagedTable
        page={page}
        pager={pager}
        kind="campaigns-list"
        headers={['Name', 'Status', 'Trigger', 'Stores', 'Dates', 'Priority']}
        empty="No campaign matches."
        loading
        row={(campaign) => (
          <tr key={campaign.id}>
            <td>
              <a href={hrefOf('campaigns', campaign.id)}>{campaign.name}</a>
            </td>
            <td>
              <span class={`status status-${campaign.status}`}>{campaign.status}</span>
            </td>
            <td>{campaign.trigger.kind}</td>
            <td>{storesOf(campaign, names)}</td>
            <td>
              {campaign.schedule.from} → {campaign.schedule.until ?? 'open'}
            </td>
            <td>{campaign.priority}</td>
          </tr>
        )}
      />
    </section>
  );
}
