import type { MemberInvitation, RsvpRequest } from '@vitrine/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MemberHttp } from '../api/member-http.ts';

/** The member's invitations, fetched on sign-in and after each answer. */
export function useInvitations(http: MemberHttp, token: string | null) {
  const [invitations, setInvitations] = useState<MemberInvitation[]>([]);

  const reload = useCallback(async () => {
    if (token === null) return;
    const listed = await http.invitations(token);
    if (listed.ok) setInvitations(listed.value);
  }, [http, token]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const answer = useCallback(
    async (code: string, choice: RsvpRequest['answer']): Promise<string | null> => {
      const answered = await http.rsvp(code, { answer: choice });
      if (!answered.ok) return Object.values(answered.errors).join(' ');
      await reload();
      return null;
    },
    [http, reload],
  );

  return { invitations, answer, reload };
}
