import { loadCatalog } from '@app/application';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedgerApp } from '../support/ledger-app';

const dir = mkdtempSync(join(tmpdir(), 'ledger-catalog-'));
function catalogFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('The service-plan catalogue (LEDGER_CATALOG_FILE)', () => {
  it('S1 U3: a custom catalogue decides which plans exist and where they are not offered', async () => {
    const file = catalogFile('custom.json', {
      servicePlans: [
        { id: 'EXCHANGE', name: 'Exchange Online' },
        { id: 'TEAMS', name: 'Teams', unavailableIn: ['FR'] },
      ],
    });
    const ledger = await startLedgerApp({ LEDGER_CATALOG_FILE: file });
    try {
      const admin = ledger.as('global-admin');
      const unknown = await admin
        .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE', 'LYNC'], seats: 1 })
        .expect(409);
      expect(unknown.body).toMatchObject({ error: 'UnknownServicePlan', details: { servicePlans: ['LYNC'] } });
      await admin
        .post('/v1/subscriptions', { skuId: 'COLLAB', name: 'Collab', servicePlans: ['EXCHANGE', 'TEAMS'], seats: 1 })
        .expect(201);
      const user = (
        await admin
          .post('/v1/users', { userPrincipalName: 'zoe@x.fr', displayName: 'Zoé', usageLocation: 'FR' })
          .expect(201)
      ).body.userId;
      const refused = await admin
        .post(`/v1/users/${user}/assignLicense`, { addLicenses: [{ skuId: 'COLLAB' }], removeLicenses: [] })
        .expect(409);
      expect(refused.body).toMatchObject({
        error: 'ServiceNotAvailableInLocation',
        details: { servicePlans: ['TEAMS'], usageLocation: 'FR' },
      });
    } finally {
      await ledger.close();
    }
  });

  it('a malformed catalogue stops start-up with the file and the reason', () => {
    expect(() => loadCatalog(catalogFile('broken.json', '{"servicePlans": ['))).toThrow(/broken\.json cannot be read/);
    expect(() => loadCatalog(catalogFile('empty.json', { servicePlans: [] }))).toThrow(/non-empty array/);
    expect(() =>
      loadCatalog(catalogFile('bad-plan.json', { servicePlans: [{ id: 'exchange online', name: 'x' }] })),
    ).toThrow(/servicePlans\[0\]/);
  });

  it('the shipped default has at least EXCHANGE, LYNC, SHAREPOINT and OFFICE', () => {
    expect(
      loadCatalog()
        .all()
        .map((plan) => plan.id),
    ).toEqual(expect.arrayContaining(['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE']));
  });
});
