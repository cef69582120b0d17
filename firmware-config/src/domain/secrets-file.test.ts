import { describe, expect, it } from 'vitest';
import { loadLayout } from '../../test/support/layouts.ts';
import { readSecrets } from './secrets-file.ts';

const layout = loadLayout('fixtures/valid/complete.yaml');

describe('the secrets file', () => {
  it('pairs the edge and every node account with its password', () => {
    const result = readSecrets(
      '# broker passwords\nedge: edge-password-123\nnode-entrance: entrance: with colon\nnode-floor: floor-password-12\n',
      layout,
    );
    expect(result).toEqual({
      ok: true,
      accounts: [
        { username: 'edge-complete', password: 'edge-password-123' },
        { username: 'node-entrance', password: 'entrance: with colon' },
        { username: 'node-floor', password: 'floor-password-12' },
      ],
    });
  });

  it('reports every problem at once: typos, short, repeated and missing passwords', () => {
    const result = readSecrets(
      'edge: edge-password-123\nnode-entrnce: entrance-password\nnode-floor: short\nedge: another-password\nno colon here\n',
      layout,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 0, message: 'node-entrance: no password (every node and the edge need one)' },
        { line: 2, message: 'node-entrnce is not a node of sto_test-complete' },
        { line: 3, message: 'node-floor: password shorter than 12 characters' },
        { line: 4, message: 'edge: second password (first at line 1)' },
        { line: 5, message: 'expected "<node id>: <password>"' },
      ],
    });
  });
});
