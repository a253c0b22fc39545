/** What admins (and the retention saga) ask of the tenant ledger. Ids and time come from outside. */
export type SeatAction = 'purchase' | 'expire' | 'renew';
export type BulkMode = 'add' | 'replace';

export type AddSubscription = {
  type: 'AddSubscription';
  data: { skuId: string; name: string; servicePlans: string[]; seats: number };
};
export type ChangeSeats = {
  type: 'ChangeSeats';
  data: { skuId: string; action: SeatAction; count: number };
};
export type CreateUser = {
  type: 'CreateUser';
  data: {
    userId: string;
    userPrincipalName: string;
    displayName: string;
    usageLocation?: string;
    aliases?: string[];
  };
};
export type UpdateUser = {
  type: 'UpdateUser';
  data: { userId: string; displayName?: string; usageLocation?: string };
};
export type AddAlias = { type: 'AddAlias'; data: { userId: string; alias: string } };
export type DeleteUser = { type: 'DeleteUser'; data: { userId: string } };
export type LicenseToAdd = { skuId: string; disabledPlans?: string[] };
export type AssignLicense = {
  type: 'AssignLicense';
  data: { userId: string; addLicenses: LicenseToAdd[]; removeLicenses: string[] };
};
export type BulkAssignLicenses = {
  type: 'BulkAssignLicenses';
  data: { userIds: string[]; skuIds: string[]; mode: BulkMode };
};
export type ReassignLicense = {
  type: 'ReassignLicense';
  data: { skuId: string; fromUserId: string; toUserId: string };
};
export type RestoreUser = { type: 'RestoreUser'; data: { userId: string; withLicenses: boolean } };
export type PlaceLegalHold = { type: 'PlaceLegalHold'; data: { userId: string; reason: string } };
export type ReleaseLegalHold = { type: 'ReleaseLegalHold'; data: { userId: string } };
/** Sent by the retention saga; accepted only while the data is still soft-deleted and due (L5, U4). */
export type PurgeMailbox = { type: 'PurgeMailbox'; data: { userId: string } };

export type LedgerCommand =
  | AddSubscription
  | ChangeSeats
  | CreateUser
  | UpdateUser
  | AddAlias
  | DeleteUser
  | AssignLicense
  | BulkAssignLicenses
  | ReassignLicense
  | RestoreUser
  | PlaceLegalHold
  | ReleaseLegalHold
  | PurgeMailbox;
