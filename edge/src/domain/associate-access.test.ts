import { describe, expect, it } from 'vitest';
import { authorizeAssociate } from './associate-access.ts';

const org = 'org_maison-demo';

describe('associate access', () => {
  it('lets an associate of this store in', () => {
    expect(
      authorizeAssociate(
        { sub: 'asc_aiko', org, role: 'associate', store: 'sto_tokyo-ginza', name: 'Aiko' },
        'sto_tokyo-ginza',
      ),
    ).toEqual({ ok: true, associateId: 'asc_aiko', name: 'Aiko', storeId: 'sto_tokyo-ginza' });
  });

  it('refuses an associate of another store', () => {
    const access = authorizeAssociate(
      { sub: 'asc_camille', org, role: 'associate', store: 'sto_paris-rivoli', name: 'Camille' },
      'sto_tokyo-ginza',
    );
    expect(access).toEqual({
      ok: false,
      reason: 'associate of sto_paris-rivoli, not of sto_tokyo-ginza',
    });
  });

  it.each(['admin', 'marketer'] as const)('refuses the %s role', (role) => {
    expect(authorizeAssociate({ sub: 'usr_1', org, role, name: 'X' }, 'sto_tokyo-ginza').ok).toBe(
      false,
    );
  });

  it('refuses an edge device token even of this store', () => {
    const access = authorizeAssociate(
      { sub: 'dev_1', org, role: 'edge', store: 'sto_tokyo-ginza', name: 'edge' },
      'sto_tokyo-ginza',
    );
    expect(access.ok).toBe(false);
  });
});
