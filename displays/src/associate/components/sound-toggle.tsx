export interface SoundToggleProps {
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
}

export function SoundToggle({ enabled, onToggle }: SoundToggleProps) {
  return (
    <button
      type="button"
      class={enabled ? 'icon-button icon-button--on' : 'icon-button'}
      aria-pressed={enabled}
      onClick={() => onToggle(!enabled)}
      title={enabled ? 'Arrival sound on' : 'Arrival sound off'}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        {enabled ? (
          <path
            d="M16 8.5a4.5 4.5 0 0 1 0 7M18.5 6a8 8 0 0 1 0 12"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
          />
        ) : (
          <path
            d="M16 9l5 6M21 9l-5 6"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
          />
        )}
      </svg>
      <span class="icon-button__label">Sound</span>
    </button>
  );
}
