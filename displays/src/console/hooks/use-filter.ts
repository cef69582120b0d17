import { useState } from 'preact/hooks';

/**
 * The filter of a list and how to change one of its fields: a blank value (the "Any"
 * choice) leaves that field out.
 */
export function useFilter<F extends object>(): [F, (name: keyof F, value: string) => void] {
  const [filter, setFilter] = useState({} as F);
  const filterBy = (name: keyof F, value: string) =>
    setFilter({ ...filter, [name]: value === '' ? undefined : value } as F);
  return [filter, filterBy];
}
