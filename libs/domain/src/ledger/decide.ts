import { DomainError } from '../errors';
import {
  AddAlias,
  AddSubscription,
  AssignLicense,
  BulkAssignLicenses,
  ChangeSeats,
  CreateUser,
  DeleteUser,
  LedgerCommand,
  PurgeMailbox,
  ReassignLicense,
  UpdateUser,
} from './commands';
import { checkDeclared } from './command-errors';
import { LedgerEvent, assertNever } from './events';
import { Failure, invalid, throwIfAny } from './failures';
import {
  DecisionContext,
  LicenseSet,
  eligibilityFailures,
  exchangeLost,
  licenseChangeEvents,
  normalizePlans,
  requireSubscription,
  seatFailures,
  seatNeeds,
} from './license-changes';
import { LedgerState, UserState, purgeAfterFrom } from './state';

/** Decides what happens: the events to append, or a DomainError of COMMAND_ERRORS. Never mutates the state. */
export function decide(command: LedgerCommand, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  try {
    return decideUnchecked(command, state, context);
  } catch (error) {
    throw checkDeclared(command.type, error);
  }
}

function decideUnchecked(command: LedgerCommand, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  switch (command.type) {
    case 'AddSubscription':
      return addSubscription(command, state, context);
    case 'ChangeSeats':
      return changeSeats(command, state);
    case 'CreateUser':
      return createUser(command, state);
    case 'UpdateUser':
      return updateUser(command, state, context);
    case 'AddAlias':
      return addAlias(command, state);
    case 'DeleteUser':
      return deleteUser(command, state, context);
    case 'AssignLicense':
      return assignLicense(command, state, context);
    case 'BulkAssignLicenses':
      return bulkAssignLicenses(command, state, context);
    case 'ReassignLicense':
      return reassignLicense(command, state, context);
    case 'PurgeMailbox':
      return purgeMailbox(command, state, context);
    default:
      return assertNever(command);
  }
}

/** S1 */
function addSubscription({ data }: AddSubscription, state: LedgerState, { catalog }: DecisionContext): LedgerEvent[] {
  if (state.subscriptions.has(data.skuId)) {
    throw new DomainError('SubscriptionExists', `Subscription ${data.skuId} already exists`, { skuId: data.skuId });
  }
  const servicePlans = normalizePlans(data.servicePlans);
  const unknown = catalog.unknownPlans(servicePlans);
  if (unknown.length > 0) {
    throw new DomainError('UnknownServicePlan', `Unknown service plan(s): ${unknown.join(', ')}`, { servicePlans: unknown });
  }
  return [{ type: 'SubscriptionAdded', data: { skuId: data.skuId, name: data.name, servicePlans, seats: data.seats } }];
}

/** S2 */
function changeSeats({ data }: ChangeSeats, state: LedgerState): LedgerEvent[] {
  const subscription = requireSubscription(state, data.skuId);
  const { skuId, count } = data;
  switch (data.action) {
    case 'purchase':
      return [{ type: 'SeatsPurchased', data: { skuId, count } }];
    case 'expire':
      if (count > subscription.valid) {
        throw new DomainError('NotEnoughSeatsToExpire', `${skuId} has ${subscription.valid} valid seat(s), cannot expire ${count}`, {
          skuId,
          valid: subscription.valid,
          count,
        });
      }
      return [{ type: 'SeatsExpired', data: { skuId, count } }];
    case 'renew':
      if (count > subscription.expired) {
        throw new DomainError('NotEnoughSeatsToRenew', `${skuId} has ${subscription.expired} expired seat(s), cannot renew ${count}`, {
          skuId,
          expired: subscription.expired,
          count,
        });
      }
      return [{ type: 'SeatsRenewed', data: { skuId, count } }];
    default:
      return assertNever(data.action);
  }
}

/** U1 */
function createUser({ data }: CreateUser, state: LedgerState): LedgerEvent[] {
  // A second UserCreated for one id would overwrite the user, its licenses and its seat counts.
  if (state.users.has(data.userId)) throw invalid('userId', `User ${data.userId} already exists`);
  const upn = data.userPrincipalName;
  if (state.principalNames.has(upn.toLowerCase()) || state.aliases.has(upn.toLowerCase())) {
    throw new DomainError('UserPrincipalNameTaken', `${upn} is already in use`, { userPrincipalName: upn });
  }
  const aliases = data.aliases ?? [];
  const seen = new Set([upn.toLowerCase()]);
  const taken = aliases.filter((alias) => {
    const key = alias.toLowerCase();
    const clash = seen.has(key) || isAddressTaken(state, key);
    seen.add(key);
    return clash;
  });
  if (taken.length > 0) throw new DomainError('AliasTaken', `Alias(es) already in use: ${taken.join(', ')}`, { aliases: taken });
  return [
    {
      type: 'UserCreated',
      data: {
        userId: data.userId,
        userPrincipalName: upn,
        displayName: data.displayName,
        usageLocation: data.usageLocation ?? null,
        aliases,
      },
    },
  ];
}

/** U3 keeps holding when the usage location changes under licenses already held. */
function updateUser({ data }: UpdateUser, state: LedgerState, { catalog }: DecisionContext): LedgerEvent[] {
  const user = requireActiveUser(state, data.userId);
  if (data.usageLocation !== undefined && user.licenses.size > 0) {
    const moved: UserState = { ...user, usageLocation: data.usageLocation, licenses: new Map() };
    throwIfAny(eligibilityFailures(moved, user.licenses, state, catalog));
  }
  const changes = {
    ...(data.displayName !== undefined && data.displayName !== user.displayName ? { displayName: data.displayName } : {}),
    ...(data.usageLocation !== undefined && data.usageLocation !== user.usageLocation ? { usageLocation: data.usageLocation } : {}),
  };
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'UserUpdated', data: { userId: user.userId, ...changes } }];
}

/** U1 */
function addAlias({ data }: AddAlias, state: LedgerState): LedgerEvent[] {
  const user = requireActiveUser(state, data.userId);
  if (isAddressTaken(state, data.alias.toLowerCase())) {
    throw new DomainError('AliasTaken', `Alias ${data.alias} is already in use`, { aliases: [data.alias] });
  }
  return [{ type: 'AliasAdded', data: { userId: user.userId, alias: data.alias } }];
}

/** U4: every license freed in the same commit, the data follows L3, kept for the grace period. */
function deleteUser({ data }: DeleteUser, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  const user = requireActiveUser(state, data.userId);
  const { userId } = user;
  return [
    ...[...user.licenses.keys()].map(
      (skuId): LedgerEvent => ({ type: 'LicenseRemoved', data: { userId, skuId, reason: 'userDeleted' } }),
    ),
    ...exchangeLost(user, now),
    { type: 'UserDeleted', data: { userId, purgeAfter: purgeAfterFrom(now) } },
  ];
}

/** L1, U2, U3, S3 for one user. */
function assignLicense({ data }: AssignLicense, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  const user = requireUser(state, data.userId);
  const addIds = data.addLicenses.map((license) => license.skuId);
  const duplicate = addIds.find((skuId, index) => addIds.indexOf(skuId) !== index);
  if (duplicate) throw invalid('addLicenses', `${duplicate} is listed twice in addLicenses`);
  const both = data.removeLicenses.find((skuId) => addIds.includes(skuId));
  if (both) throw invalid('removeLicenses', `${both} is both added and removed`);
  for (const skuId of [...addIds, ...data.removeLicenses]) requireSubscription(state, skuId);

  const notHeld = data.removeLicenses.filter((skuId) => !user.licenses.has(skuId));
  if (notHeld.length > 0) {
    throw new DomainError('LicenseNotAssigned', `User ${user.userId} has no license for ${notHeld.join(', ')}`, {
      userId: user.userId,
      skuIds: notHeld,
    });
  }
  const target: LicenseSet = new Map(user.licenses);
  for (const skuId of data.removeLicenses) target.delete(skuId);
  for (const license of data.addLicenses) {
    const disabledPlans = normalizePlans(license.disabledPlans);
    const plans = requireSubscription(state, license.skuId).servicePlans;
    const foreign = disabledPlans.filter((plan) => !plans.includes(plan));
    if (foreign.length > 0) {
      throw new DomainError('UnknownServicePlan', `${license.skuId} has no service plan(s) ${foreign.join(', ')}`, {
        skuId: license.skuId,
        servicePlans: foreign,
      });
    }
    target.set(license.skuId, disabledPlans);
  }
  const failures = eligibilityFailures(user, target, state, context.catalog);
  throwIfAny(failures);
  const events = licenseChangeEvents(user, target, 'removed', state, context);
  throwIfAny(seatFailures(seatNeeds(events, state)));
  return events;
}

/** L9: all listed users at once, all or nothing, every failure named. */
function bulkAssignLicenses({ data }: BulkAssignLicenses, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  // A user listed twice would be assigned (and counted) twice for one license.
  const repeated = data.userIds.find((userId, index) => data.userIds.indexOf(userId) !== index);
  if (repeated) throw invalid('userIds', `${repeated} is listed twice in userIds`);
  const failures: Failure[] = [];
  for (const skuId of data.skuIds) {
    if (!state.subscriptions.has(skuId)) failures.push({ code: 'SubscriptionNotFound', skuId, message: `Subscription ${skuId} not found` });
  }
  const users: UserState[] = [];
  for (const userId of data.userIds) {
    const user = state.users.get(userId);
    if (!user || user.status === 'purged') failures.push({ code: 'UserNotFound', userId, message: `User ${userId} not found` });
    else users.push(user);
  }
  // Unknown SKUs are named above; the known ones are still checked, so every failing user is named too.
  const skuIds = data.skuIds.filter((skuId) => state.subscriptions.has(skuId));

  const events: LedgerEvent[] = [];
  for (const user of users) {
    const target: LicenseSet = data.mode === 'replace' ? new Map() : new Map(user.licenses);
    for (const skuId of skuIds) target.set(skuId, user.licenses.get(skuId) ?? []);
    const userFailures = eligibilityFailures(user, target, state, context.catalog);
    failures.push(...userFailures);
    if (userFailures.length === 0) events.push(...licenseChangeEvents(user, target, 'replaced', state, context));
  }
  failures.push(...seatFailures(seatNeeds(events, state)));
  throwIfAny(failures);
  return events;
}

/** L8: the seat moves in one commit; L3/L4 apply to both users. */
function reassignLicense({ data }: ReassignLicense, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  const { skuId, fromUserId, toUserId } = data;
  if (fromUserId === toUserId) throw invalid('toUserId', 'fromUserId and toUserId must differ');
  requireSubscription(state, skuId);
  const from = requireUser(state, fromUserId);
  const to = requireUser(state, toUserId);
  const disabledPlans = from.licenses.get(skuId);
  if (!disabledPlans) {
    throw new DomainError('LicenseNotAssigned', `User ${fromUserId} has no license for ${skuId}`, { userId: fromUserId, skuIds: [skuId] });
  }
  if (to.licenses.has(skuId)) throw invalid('toUserId', `User ${toUserId} already has a license for ${skuId}`);

  const toTarget: LicenseSet = new Map(to.licenses).set(skuId, disabledPlans);
  throwIfAny(eligibilityFailures(to, toTarget, state, context.catalog));
  const fromTarget: LicenseSet = new Map(from.licenses);
  fromTarget.delete(skuId);
  return [
    ...licenseChangeEvents(from, fromTarget, 'reassigned', state, context),
    ...licenseChangeEvents(to, toTarget, 'reassigned', state, context),
  ];
}

/** L5 and U4: only data still soft-deleted and due is purged, so duplicate or late requests are harmless. */
function purgeMailbox({ data }: PurgeMailbox, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  const user = state.users.get(data.userId);
  if (!user) return [];
  const { userId } = user;
  const due = (purgeAfter: string | null) => purgeAfter !== null && Date.parse(purgeAfter) <= now.getTime();
  const events: LedgerEvent[] = [];
  if (user.mailbox?.status === 'softDeleted' && due(user.mailbox.purgeAfter)) {
    events.push({ type: 'MailboxPurged', data: { userId } });
  }
  if (user.status === 'deleted' && due(user.purgeAfter)) {
    events.push({ type: 'UserPurged', data: { userId, userPrincipalName: user.userPrincipalName } });
  }
  return events;
}

function isAddressTaken(state: LedgerState, lowerCased: string): boolean {
  return state.principalNames.has(lowerCased) || state.aliases.has(lowerCased);
}

function requireUser(state: LedgerState, userId: string): UserState {
  const user = state.users.get(userId);
  if (!user || user.status === 'purged') throw new DomainError('UserNotFound', `User ${userId} not found`, { userId });
  return user;
}

function requireActiveUser(state: LedgerState, userId: string): UserState {
  const user = requireUser(state, userId);
  if (user.status === 'deleted') throw new DomainError('UserDeleted', `User ${userId} is deleted`, { userId });
  return user;
}
