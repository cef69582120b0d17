import type { ProfileStatus } from '../domain/alert-view.ts';

/** Says plainly why a card shows less than a full, fresh profile. */
export function ProfileNotice({ status }: { status: ProfileStatus }) {
  if (status.kind === 'fresh') return null;
  if (status.kind === 'cached') {
    return (
      <p class="profile-notice profile-notice--cached" role="note">
        <strong>Profile from cache.</strong> The cloud could not be reached; details may be out of
        date.
      </p>
    );
  }
  if (status.kind === 'private') {
    return (
      <p class="profile-notice profile-notice--private" role="note">
        <strong>Profile not shared</strong> — customer {status.customerId} checked in and has not
        agreed to show their profile to associates.
      </p>
    );
  }
  return (
    <p class="profile-notice profile-notice--unavailable" role="note">
      <strong>Profile unavailable</strong> — customer {status.customerId} checked in. The cloud
      could not be reached.
    </p>
  );
}
