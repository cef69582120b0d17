import {
  type AppKeyPair,
  createProof,
  type MemberConsent,
  type MemberProfile,
  type MemberSession,
} from '@vitrine/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadCard, saveCard } from '../api/card-storage.ts';
import { forgetKeyPair, loadOrCreateKeyPair } from '../api/key-store.ts';
import type { MemberHttp } from '../api/member-http.ts';
import { passIsFresh, type StoredCard } from '../domain/card-state.ts';
import type { FieldErrors } from '../domain/form-fields.ts';

export interface CardState {
  card: StoredCard | null;
  profile: MemberProfile | null;
  keyPair: AppKeyPair | null;
  /** What went wrong last (a pass refused, the network), for the banner. */
  problem: string | null;
  signedIn: (session: MemberSession) => Promise<void>;
  signOut: () => Promise<void>;
  /** Records the consent, then fetches a fresh pass that carries it. */
  changeConsent: (consent: MemberConsent) => Promise<FieldErrors | null>;
  /** The pass and a fresh proof for a store, now. */
  credentials: (storeId: string) => Promise<{ pass: string; proof: string }>;
}

/** The member's card: session, profile, this installation's key and the pass bound to it. */
export function useCard(http: MemberHttp, organisationId: string): CardState {
  const [card, setCard] = useState<StoredCard | null>(() => loadCard(Date.now()));
  const [profile, setProfile] = useState<MemberProfile | null>(() => card?.profile ?? null);
  const [keyPair, setKeyPair] = useState<AppKeyPair | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const keep = useCallback((next: StoredCard | null) => {
    saveCard(next);
    setCard(next);
  }, []);

  const signOut = useCallback(async () => {
    keep(null);
    setProfile(null);
    setKeyPair(null);
    await forgetKeyPair().catch(() => undefined);
  }, [keep]);

  const refreshPass = useCallback(
    async (base: StoredCard, keys: AppKeyPair): Promise<StoredCard | null> => {
      const issued = await http.issuePass(base.session.token, keys.publicJwk);
      if (!issued.ok) {
        if (issued.status === 401) await signOut();
        setProblem(issued.errors[''] ?? 'No pass could be issued for this phone.');
        return null;
      }
      const next = { ...base, pass: issued.value };
      keep(next);
      return next;
    },
    [http, keep, signOut],
  );

  // On a signed-in card: the key, the profile, and a pass if none is fresh.
  const token = card?.session.token;
  useEffect(() => {
    if (token === undefined || card === null) return;
    let current = true;
    void (async () => {
      const keys = await loadOrCreateKeyPair();
      if (!current) return;
      setKeyPair(keys);
      const me = await http.me(token);
      if (!current) return;
      if (!me.ok) {
        if (me.status === 401) await signOut();
        else setProblem(me.errors[''] ?? 'Your card could not be loaded.');
        return;
      }
      setProfile(me.value);
      const known = { ...card, profile: me.value };
      keep(known);
      if (!passIsFresh(card.pass, Date.now())) await refreshPass(known, keys);
    })();
    return () => {
      current = false;
    };
    // Runs once per session; the pass it fetches is written into `card` itself.
  }, [token]);

  const signedIn = useCallback(
    async (session: MemberSession) => {
      setProblem(null);
      keep({ organisationId, session, pass: null, profile: null });
    },
    [keep, organisationId],
  );

  const changeConsent = useCallback(
    async (consent: MemberConsent): Promise<FieldErrors | null> => {
      if (card === null || keyPair === null) return { '': 'Your card is not ready yet.' };
      const changed = await http.setConsent(card.session.token, consent);
      if (!changed.ok) return changed.errors;
      setProfile(changed.value);
      const renewed = await refreshPass({ ...card, profile: changed.value }, keyPair);
      return renewed === null ? { '': 'Consent saved, but no new pass could be issued.' } : null;
    },
    [card, keyPair, http, refreshPass],
  );

  const credentials = useCallback(
    async (storeId: string) => {
      if (card?.pass == null || keyPair === null) throw new Error('The card has no pass yet.');
      const proof = await createProof({
        pass: card.pass.pass,
        appPrivateKey: keyPair.privateKey,
        storeId,
        now: Date.now(),
      });
      return { pass: card.pass.pass, proof };
    },
    [card, keyPair],
  );

  return { card, profile, keyPair, problem, signedIn, signOut, changeConsent, credentials };
}
