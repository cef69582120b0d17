import type { ArrivalAlert, ArrivalClaim, CampaignSuggestion } from '@vitrine/shared';
import {
  alertTier,
  customerName,
  initials,
  isVisitingFromAnotherStore,
  profileStatus,
  SOURCE_LABELS,
  zoneLabel,
} from '../domain/alert-view.ts';
import type { ClaimAction, PendingRequest } from '../domain/claim-requests.ts';
import { formatMoney } from '../domain/money.ts';
import { formatClockTime, formatRelativeTime } from '../domain/relative-time.ts';
import { CampaignSuggestions } from './campaign-suggestions.tsx';
import { ClaimPanel } from './claim-panel.tsx';
import { InvitationList } from './invitation-list.tsx';
import { PreferenceChips } from './preference-chips.tsx';
import { ProfileNotice } from './profile-notice.tsx';
import { PurchaseList } from './purchase-list.tsx';
import { TierBadge } from './tier-badge.tsx';

export interface ArrivalCardProps {
  alert: ArrivalAlert;
  now: Date;
  locale: string;
  /** Arrived live a moment ago: highlighted until it is no longer news. */
  isNew: boolean;
  /** The associate using this tablet. */
  me: string;
  claim: ArrivalClaim | undefined;
  pending: PendingRequest | undefined;
  problem: string | undefined;
  campaignSuggestions: readonly CampaignSuggestion[];
  onAct: (action: ClaimAction) => void;
}

export function ArrivalCard({
  alert,
  now,
  locale,
  isNew,
  me,
  claim,
  pending,
  problem,
  campaignSuggestions,
  onAct,
}: ArrivalCardProps) {
  const profile = alert.profile;
  const tier = alertTier(alert);
  const status = profileStatus(alert);
  const name = customerName(alert);
  const zone = zoneLabel(alert.zoneId, alert.storeId);
  const classes = ['arrival', `arrival--${tier ?? 'unknown'}`, `arrival--${status.kind}`];
  if (isNew) classes.push('arrival--new');

  return (
    <article class={classes.join(' ')} data-alert-id={alert.alertId} aria-label={`${name} arrived`}>
      <header class="arrival__head">
        <div class={`monogram monogram--${tier ?? 'unknown'}`} aria-hidden="true">
          {initials(alert)}
        </div>
        <div class="arrival__who">
          <h2 class="arrival__name">
            {name}
            {isNew && <span class="pill pill--new">New</span>}
          </h2>
          <div class="arrival__meta">
            <TierBadge tier={tier} />
            {profile !== null && (
              <span class="meta-item">
                <span class="meta-label">Lifetime</span>{' '}
                <span class="meta-value">
                  {formatMoney(profile.lifetimeValue, profile.currency, {
                    locale,
                    wholeUnits: true,
                  })}
                </span>
              </span>
            )}
            {profile?.homeStoreName != null && (
              <span class="meta-item">
                <span class="meta-label">Home</span>{' '}
                <span class="meta-value">{profile.homeStoreName}</span>
                {isVisitingFromAnotherStore(alert) && (
                  <span class="tag tag--visiting">Visiting</span>
                )}
              </span>
            )}
          </div>
        </div>
        <div class="arrival__when">
          <time class="arrival__ago" dateTime={alert.arrivedAt}>
            {formatRelativeTime(alert.arrivedAt, now, { locale })}
          </time>
          <span class="arrival__how">
            {formatClockTime(alert.arrivedAt, { locale })} · {SOURCE_LABELS[alert.source]}
            {zone !== null && ` · ${zone}`}
          </span>
        </div>
      </header>

      {alert.event !== undefined && (
        <p class="guest-banner" data-event-id={alert.event.eventId}>
          <span class="guest-banner__label">Guest at the door</span>{' '}
          {alert.event.name ?? 'Invited to an event here'}
        </p>
      )}

      <ProfileNotice status={status} />

      <ClaimPanel
        claim={claim}
        me={me}
        pending={pending}
        problem={problem}
        locale={locale}
        onAct={onAct}
      />

      {alert.suggestion !== null && (
        <p class="suggestion">
          <span class="suggestion__label">Suggestion</span>
          <span class="suggestion__text">{alert.suggestion}</span>
        </p>
      )}
      <CampaignSuggestions suggestions={campaignSuggestions} />

      {profile !== null && (
        <div class="arrival__body">
          <section class="arrival__section">
            {(profile.invitations ?? []).length > 0 && (
              <>
                <h3 class="section-title">Invitations</h3>
                <InvitationList
                  invitations={profile.invitations}
                  storeId={alert.storeId}
                  me={me}
                  locale={locale}
                />
              </>
            )}
            <h3 class="section-title">Preferences</h3>
            <PreferenceChips preferences={profile.preferences} />
            {profile.notes.trim() !== '' && (
              <>
                <h3 class="section-title">Notes</h3>
                <p class="notes">{profile.notes}</p>
              </>
            )}
          </section>
          <section class="arrival__section">
            <h3 class="section-title">Recent purchases</h3>
            <PurchaseList
              purchases={profile.recentPurchases}
              storeId={alert.storeId}
              locale={locale}
            />
          </section>
        </div>
      )}
    </article>
  );
}
