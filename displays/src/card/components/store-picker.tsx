import type { MemberStore } from '@vitrine/shared';

export interface StorePickerProps {
  stores: MemberStore[];
  storeId: string | null;
  onPick: (storeId: string) => void;
}

export function StorePicker({ stores, storeId, onPick }: StorePickerProps) {
  return (
    <div class="field store-picker">
      <label class="field__label" for="store">
        Store
      </label>
      <select
        id="store"
        name="store"
        value={storeId ?? ''}
        onChange={(event) => onPick(event.currentTarget.value)}
      >
        <option value="" disabled>
          Choose a store
        </option>
        {stores.map((store) => (
          <option key={store.id} value={store.id}>
            {store.name}, {store.city}
            {store.online ? '' : ' (offline)'}
          </option>
        ))}
      </select>
    </div>
  );
}
