import type { Store } from '@vitrine/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleApi } from '../api/console-api.ts';

export interface ConsoleContextValue {
  api: ConsoleApi;
  stores: Store[];
  /** The browser's clock, read where a page needs "today". */
  now: () => Date;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (value === null) throw new Error('a console page is rendered outside the console');
  return value;
}
