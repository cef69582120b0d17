export interface PagerProps {
  hasPrevious: boolean;
  /** The cursor of the next page; null on the last one. */
  next: string | null;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}

/** Previous and next page of a list the cloud pages with cursors. */
export function Pager({ hasPrevious, next, onPrevious, onNext }: PagerProps) {
  if (!hasPrevious && next === null) return null;
  return (
    <div class="pager">
      <button type="button" disabled={!hasPrevious} onClick={onPrevious}>
        ← Previous
      </button>
      <button type="button" disabled={next === null} onClick={() => next !== null && onNext(next)}>
        Next →
      </button>
    </div>
  );
}
