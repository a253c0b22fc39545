import type { UserState } from '@app/domain';

export const PREMIUM = 'O365_BUSINESS_PREMIUM';
export const ESSENTIALS = 'O365_BUSINESS_ESSENTIALS';
export const EXCHANGE_ONLY = 'EXCHANGESTANDARD';
export const PROPLUS = 'OFFICESUBSCRIPTION';

/** The subscriptions bought on day 0, each with its share of the users as seats. */
export const SUBSCRIPTIONS = [
  {
    skuId: PREMIUM,
    name: 'Office 365 Business Premium',
    servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
    share: 0.5,
  },
  {
    skuId: ESSENTIALS,
    name: 'Office 365 Business Essentials',
    servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT'],
    share: 0.3,
  },
  { skuId: EXCHANGE_ONLY, name: 'Exchange Online (Plan 1)', servicePlans: ['EXCHANGE'], share: 0.15 },
  { skuId: PROPLUS, name: 'Office 365 ProPlus', servicePlans: ['OFFICE', 'SHAREPOINT'], share: 0.15 },
];

/** A license for the user: Lync disabled where it is not available (U3). */
export function licenseFor(user: UserState, skuId: string) {
  return {
    skuId,
    ...(user.usageLocation === 'CN' && skuId !== EXCHANGE_ONLY && skuId !== PROPLUS ? { disabledPlans: ['LYNC'] } : {}),
  };
}
