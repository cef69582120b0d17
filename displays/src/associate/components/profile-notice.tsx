import type { ProfileStatus } from '../domain/alert-view.ts';

/** Says plainly when the edge could not reach the cloud for this arrival. */
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
  return (
    <p class="profile-notice profile-notice--unavailable" role="note">
      <strong>Profile unavailable</strong> — customer {status.customerId} checked in. The cloud
      could not be reached.
    </p>
  );
}
