import type { EdgeCustomerCard } from '@vitrine/shared';
import { formatMoney } from '../domain/money.ts';
import { formatDate } from '../domain/relative-time.ts';
import { InvitationList } from './invitation-list.tsx';
import { PreferenceChips } from './preference-chips.tsx';
import { PurchaseList } from './purchase-list.tsx';
import { TierBadge } from './tier-badge.tsx';

export interface CustomerCardProps {
  customerId: string;
  card: EdgeCustomerCard | null;
  error: string | null;
  storeId: string;
  me: string;
  locale: string;
}

const CONSENTS = [
  ['tracking', 'In-store sensing'],
  ['marketing', 'Offers and invitations'],
  ['profiling', 'Profile shown to associates'],
] as const;

/** The one customer view: profile, history in every store, invitations. */
export function CustomerCard({ customerId, card, error, storeId, me, locale }: CustomerCardProps) {
  if (error !== null) {
    return (
      <section class="desk-panel" aria-label="Customer card">
        <p class="desk-error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (card === null) {
    return (
      <section class="desk-panel" aria-label="Customer card">
        <p class="muted">Opening {customerId}…</p>
      </section>
    );
  }
  const { profile, source } = card;
  return (
    <section
      class="desk-panel customer-card"
      aria-label="Customer card"
      data-customer-id={profile.id}
    >
      <header class="customer-card__head">
        <h2 class="arrival__name">
          {profile.firstName} {profile.lastName}
        </h2>
        <div class="arrival__meta">
          <TierBadge tier={profile.tier} />
          <span class="meta-item">
            <span class="meta-label">Lifetime</span>{' '}
            <span class="meta-value">
              {formatMoney(profile.lifetimeValue, profile.currency, { locale, wholeUnits: true })}
            </span>
          </span>
          {profile.homeStoreName !== null && (
            <span class="meta-item">
              <span class="meta-label">Home</span>{' '}
              <span class="meta-value">{profile.homeStoreName}</span>
              {profile.homeStoreId !== storeId && <span class="tag tag--visiting">Visiting</span>}
            </span>
          )}
        </div>
        <p class="customer-card__contact">
          {[profile.email, profile.phone].filter(Boolean).join(' · ') || 'No contact details'}
        </p>
      </header>
      {source === 'local' && (
        <p class="profile-notice profile-notice--cached" role="note">
          <strong>Profile from this store.</strong> The cloud could not be reached; details may be
          out of date.
        </p>
      )}
      <ul class="consents" aria-label="Consent">
        {CONSENTS.map(([flag, label]) => (
          <li
            key={flag}
            class={profile.consent[flag] ? 'consent consent--yes' : 'consent consent--no'}
          >
            {label}: {profile.consent[flag] ? 'yes' : 'no'}
          </li>
        ))}
      </ul>
      <div class="arrival__body">
        <section class="arrival__section">
          <h3 class="section-title">Invitations</h3>
          {profile.invitations === undefined ? (
            <p class="muted">Not known here: invitations come with this store's clients.</p>
          ) : profile.invitations.length === 0 ? (
            <p class="muted">No upcoming invitation.</p>
          ) : (
            <InvitationList
              invitations={profile.invitations}
              storeId={storeId}
              me={me}
              locale={locale}
            />
          )}
          <h3 class="section-title">Preferences</h3>
          <PreferenceChips preferences={profile.preferences} />
          {profile.notes.trim() !== '' && (
            <>
              <h3 class="section-title">Notes</h3>
              <p class="notes">{profile.notes}</p>
            </>
          )}
          <h3 class="section-title">Recent visits</h3>
          {(profile.recentVisits ?? []).length === 0 ? (
            <p class="muted">No visit recorded.</p>
          ) : (
            <ul class="visits">
              {(profile.recentVisits ?? []).map((visit) => (
                <li key={`${visit.storeId}-${visit.visitedAt}`}>
                  {visit.storeName} · {formatDate(visit.visitedAt, { locale })}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="arrival__section">
          <h3 class="section-title">Recent purchases</h3>
          <PurchaseList purchases={profile.recentPurchases} storeId={storeId} locale={locale} />
        </section>
      </div>
    </section>
  );
}
