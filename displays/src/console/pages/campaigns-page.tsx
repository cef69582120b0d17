import { CAMPAIGN_STATUSES, type StoredCampaign, TRIGGER_KINDS } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import type { CampaignFilter } from '../api/console-api.ts';
import { CampaignEditor } from '../components/campaigns/campaign-editor.tsx';
import { useConsole } from '../components/console-context.ts';
import { Pager } from '../components/pager.tsx';
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
  const [filter, setFilter] = useState<Omit<CampaignFilter, 'cursor'>>({});
  const { page, pager } = usePagedList((cursor) => api.campaigns({ ...filter, cursor }), [filter]);
  const names = new Map(stores.map((store) => [store.id, store.name]));

  function filterBy(name: keyof typeof filter, value: string) {
    setFilter({ ...filter, [name]: value === '' ? undefined : value });
  }

  return (
    <section>
      <div class="page-head">
        <h1>Campaigns</h1>
        <a class="button" href={hrefOf('campaigns', 'new')}>
          New campaign
        </a>
      </div>
      <div class="filters">
        <label>
          Status
          <select name="status" onChange={(e) => filterBy('status', e.currentTarget.value)}>
            <option value="">Any</option>
            {CAMPAIGN_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          Store
          <select name="storeId" onChange={(e) => filterBy('storeId', e.currentTarget.value)}>
            <option value="">Any</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Trigger
          <select
            name="triggerKind"
            onChange={(e) => filterBy('triggerKind', e.currentTarget.value)}
          >
            <option value="">Any</option>
            {TRIGGER_KINDS.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </label>
        <label>
          Name
          <input name="q" type="search" onChange={(e) => filterBy('q', e.currentTarget.value)} />
        </label>
      </div>
      {page.state === 'loading' && <p class="muted">Loading…</p>}
      {page.state === 'failed' && (
        <p class="error" role="alert">
          {page.message}
        </p>
      )}
      {page.state === 'ready' && (
        <>
          <table class="list campaigns-list">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Trigger</th>
                <th>Stores</th>
                <th>Dates</th>
                <th>Priority</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((campaign) => (
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
              ))}
            </tbody>
          </table>
          {page.data.items.length === 0 && <p class="muted">No campaign matches.</p>}
          {pager && <Pager {...pager} />}
        </>
      )}
    </section>
  );
}
