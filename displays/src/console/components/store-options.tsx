import { useConsole } from './console-context.ts';

/** One option per store of the organisation, its id shown by its name. */
export function StoreOptions() {
  const { stores } = useConsole();
  return (
    <>
      {stores.map((store) => (
        <option key={store.id} value={store.id}>
          {store.name}
        </option>
      ))}
    </>
  );
}
