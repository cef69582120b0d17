import { useConsole } from './console-context.ts';

/** A choice of a filter: a value shown as itself, or a value with its label (a store's name). */
export type FilterChoice = string | { value: string; label: string };

export interface FilterSelectProps {
  label: string;
  name: string;
  choices: readonly FilterChoice[];
  /** Told the value chosen; '' for "Any". */
  onChoose: (value: string) => void;
}

/** One filter above a list: "Any" or one of its choices. */
export function FilterSelect({ label, name, choices, onChoose }: FilterSelectProps) {
  return (
    <label>
      {label}
      <select name={name} onChange={(e) => onChoose(e.currentTarget.value)}>
        <option value="">Any</option>
        {choices.map((choice) =>
          typeof choice === 'string' ? (
            <option key={choice}>{choice}</option>
          ) : (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ),
        )}
      </select>
    </label>
  );
}

/** The store filter: "Any" or one of the organisation's stores, by name. */
export function StoreFilter({ onChoose }: { onChoose: (storeId: string) => void }) {
  const { stores } = useConsole();
  const choices = stores.map((store) => ({ value: store.id, label: store.name }));
  return <FilterSelect label="Store" name="storeId" choices={choices} onChoose={onChoose} />;
}
