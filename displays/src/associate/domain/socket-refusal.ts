/** Why the edge refused the socket: the token is bad/expired, or not for this store. */
export interface SocketRefusal {
  code: 'unauthorized' | 'forbidden';
  reason: string;
}

const REFUSAL = /^(unauthorized|forbidden)(?::\s*(.*))?$/s;

/**
 * The edge refuses a socket at connect with `unauthorized: <reason>` or
 * `forbidden: <reason>`. Any other connect error (network, server restart) is transient
 * and socket.io retries it, so it is not a refusal.
 */
export function parseSocketRefusal(message: string): SocketRefusal | null {
  const match = REFUSAL.exec(message.trim());
  if (match === null) return null;
  const code = match[1] === 'forbidden' ? 'forbidden' : 'unauthorized';
  const reason = match[2]?.trim() ?? '';
  return { code, reason: reason === '' ? code : reason };
}

/** The sentence shown on the login form after a refusal. */
export function describeRefusal(refusal: SocketRefusal): string {
  const lead =
    refusal.code === 'forbidden'
      ? 'This account cannot receive this store’s arrivals'
      : 'Your session has ended';
  return `${lead} (${refusal.reason}). Please sign in again.`;
}
