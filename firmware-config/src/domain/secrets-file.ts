import type { StoreLayout } from '@vitrine/shared';
import type { BrokerAccount } from './mosquitto-passwd.ts';

/** The key of the edge's own account in a secrets file. */
export const EDGE_SECRET_KEY = 'edge';
const MIN_PASSWORD_LENGTH = 12;

export interface SecretsProblem {
  line: number;
  message: string;
}

export type SecretsResult =
  | { ok: true; accounts: BrokerAccount[] }
  | { ok: false; problems: SecretsProblem[] };

/**
 * Reads a secrets file (`<node id>: <password>` per line, `edge: <password>` for the edge,
 * `#` comments) and pairs each broker account of the layout with its password. Every node
 * and the edge must have one, and a key that names no node is a typo: all reported at
 * once, with line numbers. Passwords live only here, never in the layout.
 */
export function readSecrets(text: string, layout: StoreLayout): SecretsResult {
  const problems: SecretsProblem[] = [];
  const passwords = new Map<string, { password: string; line: number }>();
  const nodeIds = new Set(layout.nodes.map((node) => node.id));

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const match = /^([^:\s]+)\s*:\s?(.*)$/.exec(content);
    if (!match) {
      problems.push({ line, message: 'expected "<node id>: <password>"' });
      return;
    }
    const [, key = '', password = ''] = match;
    if (key !== EDGE_SECRET_KEY && !nodeIds.has(key)) {
      problems.push({ line, message: `${key} is not a node of ${layout.store.id}` });
    } else if (passwords.has(key)) {
      problems.push({
        line,
        message: `${key}: second password (first at line ${passwords.get(key)?.line})`,
      });
    } else if (password.length < MIN_PASSWORD_LENGTH) {
      problems.push({
        line,
        message: `${key}: password shorter than ${MIN_PASSWORD_LENGTH} characters`,
      });
    } else {
      passwords.set(key, { password, line });
    }
  });

  const accounts: BrokerAccount[] = [];
  const wanted = [
    { key: EDGE_SECRET_KEY, username: layout.mqtt.edgeUsername },
    ...layout.nodes.map((node) => ({ key: node.id, username: node.mqttUsername })),
  ];
  for (const { key, username } of wanted) {
    const found = passwords.get(key);
    if (found) accounts.push({ username, password: found.password });
    else if (!problems.some((p) => p.message.startsWith(`${key}:`))) {
      problems.push({ line: 0, message: `${key}: no password (every node and the edge need one)` });
    }
  }
  return problems.length > 0
    ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) }
    : { ok: true, accounts };
}
