import { useState } from 'preact/hooks';

export interface CustomerSearchBoxProps {
  onSearch: (q: string) => void;
  onRegister: () => void;
  onScan: () => void;
  onMap: () => void;
}

/** The header's client tools: find a client, register a new one, scan a code. */
export function CustomerSearchBox({ onSearch, onRegister, onScan, onMap }: CustomerSearchBoxProps) {
  const [q, setQ] = useState('');
  return (
    <div class="desk-tools">
      <form
        class="search-box"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(q.trim());
        }}
      >
        <input
          type="search"
          class="search-box__input"
          aria-label="Find a client"
          placeholder="Name, email or phone"
          value={q}
          onInput={(event) => setQ(event.currentTarget.value)}
        />
        <button type="submit" class="search-box__go">
          Find
        </button>
      </form>
      <button type="button" class="desk-tools__button" onClick={onRegister}>
        New client
      </button>
      <button type="button" class="desk-tools__button" onClick={onScan}>
        Scan
      </button>
      <button type="button" class="desk-tools__button" onClick={onMap}>
        Store map
      </button>
    </div>
  );
}
