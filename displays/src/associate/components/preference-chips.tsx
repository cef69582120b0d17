export function PreferenceChips({ preferences }: { preferences: readonly string[] }) {
  if (preferences.length === 0) return <p class="muted">No preferences recorded.</p>;
  return (
    <ul class="chips" aria-label="Preferences">
      {preferences.map((preference) => (
        <li class="chip" key={preference}>
          {preference}
        </li>
      ))}
    </ul>
  );
}
