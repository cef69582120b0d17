import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createOrganisationKey } from '../../test/support/passes.ts';
import { organisationOfEdgeToken } from './edge-organisation.ts';

async function token(claims: Record<string, unknown>): Promise<string> {
  const { privateKey, kid } = await createOrganisationKey();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuedAt()
    .setExpirationTime('30d')
    .sign(privateKey);
}

const edge = { sub: 'dev_1', org: 'org_maison-demo', role: 'edge', store: 'sto_paris-rivoli' };

describe('organisationOfEdgeToken', () => {
  it('reads the organisation an edge token names', async () => {
    expect(organisationOfEdgeToken(await token({ ...edge, name: 'Edge Rivoli' }))).toEqual({
      ok: true,
      organisationId: 'org_maison-demo',
    });
  });

  it('knows none from a text that is not a token', () => {
    expect(organisationOfEdgeToken('device-token')).toMatchObject({ ok: false });
  });

  it('knows none from an associate’s token or claims off the schema', async () => {
    const associate = await token({ ...edge, role: 'associate', name: 'Aiko' });
    expect(organisationOfEdgeToken(associate)).toMatchObject({
      ok: false,
      detail: "the edge token is an associate's, not an edge's",
    });
    const orgless = await token({ sub: 'dev_1', role: 'edge', store: 'sto_x', name: 'Edge' });
    expect(organisationOfEdgeToken(orgless)).toMatchObject({ ok: false });
  });
});
