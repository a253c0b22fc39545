import type { Caller } from '../../support/ledger-app';

/** The units the manual clock is advanced in and purgeAfter is checked against. */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** A tenant with one SKU carrying every plan, and helpers to create users and move Exchange. */
export function ledgerScript(admin: Caller) {
  return {
    async subscription(skuId = 'O365_BP', seats = 50) {
      await admin
        .post('/v1/subscriptions', {
          skuId,
          name: skuId,
          servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
          seats,
        })
        .expect(201);
    },
    async user(name: string, aliases: string[] = []): Promise<string> {
      const created = await admin
        .post('/v1/users', {
          userPrincipalName: `${name}@contoso.com`,
          displayName: name,
          usageLocation: 'GB',
          aliases,
        })
        .expect(201);
      return created.body.userId as string;
    },
    assign: (userId: string, skuId = 'O365_BP') =>
      admin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId }], removeLicenses: [] }).expect(200),
    remove: (userId: string, skuId = 'O365_BP') =>
      admin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: [skuId] }).expect(200),
  };
}
