/** Read out by screen readers whenever its text changes; invisible on screen. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </div>
  );
}
