import type { EdgeCustomerCard, EdgeCustomerSearch } from '@vitrine/shared';
import { useRef, useState } from 'preact/hooks';
import { fetchCustomerCard, searchCustomers } from '../api/customer-desk-http.ts';

/** What the client desk shows above the arrivals, if anything. */
export type DeskView =
  | { kind: 'closed' }
  | {
      kind: 'search';
      q: string;
      loading: boolean;
      result: EdgeCustomerSearch | null;
      error: string | null;
    }
  | { kind: 'card'; customerId: string; card: EdgeCustomerCard | null; error: string | null }
  | { kind: 'register' }
  | { kind: 'scan' }
  | { kind: 'map' };

export interface CustomerDesk {
  view: DeskView;
  search: (q: string) => void;
  openCard: (customerId: string) => void;
  openRegister: () => void;
  openScan: () => void;
  openMap: () => void;
  close: () => void;
}

/** The search, the customer card, the registration form and the scan, one at a time. */
export function useCustomerDesk(token: string): CustomerDesk {
  const [view, setView] = useState<DeskView>({ kind: 'closed' });
  // Only the latest request may show its answer: a slow one never replaces a newer view.
  const latest = useRef(0);

  return {
    view,
    search: (q) => {
      const ticket = ++latest.current;
      setView({ kind: 'search', q, loading: true, result: null, error: null });
      void searchCustomers(token, q).then((answer) => {
        if (ticket !== latest.current) return;
        setView(
          answer.ok
            ? { kind: 'search', q, loading: false, result: answer.result, error: null }
            : {
                kind: 'search',
                q,
                loading: false,
                result: null,
                error:
                  answer.fields[0]?.path === 'q' ? 'Type at least 2 characters.' : answer.message,
              },
        );
      });
    },
    openCard: (customerId) => {
      const ticket = ++latest.current;
      setView({ kind: 'card', customerId, card: null, error: null });
      void fetchCustomerCard(token, customerId).then((answer) => {
        if (ticket !== latest.current) return;
        setView(
          answer.ok
            ? { kind: 'card', customerId, card: answer.card, error: null }
            : { kind: 'card', customerId, card: null, error: answer.message },
        );
      });
    },
    openRegister: () => {
      latest.current += 1;
      setView({ kind: 'register' });
    },
    openScan: () => {
      latest.current += 1;
      setView({ kind: 'scan' });
    },
    openMap: () => {
      latest.current += 1;
      setView({ kind: 'map' });
    },
    close: () => {
      latest.current += 1;
      setView({ kind: 'closed' });
    },
  };
}
