import { DomainError } from '../errors';
import {
  AddAlias,
  AddSubscription,
  AssignLicense,
  BulkAssignLicenses,
  ChangeSeats,
  CreateUser,
  DeleteUser,
  DeleteUsers,
  LedgerCommand,
  NoticePurgeDueSoon,
  PlaceLegalHold,
  PurgeMailbox,
  ReassignLicense,
  RegisterWebhook,
  ReleaseLegalHold,
  RemoveWebhook,
  RestoreUser,
  SetAlertRules,
  RenewSubscription,
  UpdateUser,
  checkDeclared,
} from './commands';
import { LedgerEvent, assertNever } from './events';
import { Failure, invalid, throwIfAny } from './failures';
import {
  DecisionContext,
  LicenseSet,
  eligibilityFailures,
  exchangeLost,
  isDue,
  licenseChangeEvents,
  normalizePlans,
  requireSubscription,
  seatFailures,
  seatNeeds,
} from './license-changes';
import { DAY_MS, LedgerState, UserState, purgeAfterFrom } from './state';
import { lifecycleEvents, notEnabledFailures, refuseIfDeleted, renewEvents } from './subscription-lifecycle';

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
    case 'DeleteUsers':
      return deleteUsers(command, state, context);
    case 'AssignLicense':
      return assignLicense(command, state, context);
    case 'BulkAssignLicenses':
      return bulkAssignLicenses(command, state, context);
    case 'ReassignLicense':
      return reassignLicense(command, state, context);
    case 'RestoreUser':
      return restoreUser(command, state, context);
    case 'PlaceLegalHold':
      return placeLegalHold(command, state);
    case 'ReleaseLegalHold':
      return releaseLegalHold(command, state, context);
    case 'PurgeMailbox':
      return purgeMailbox(command, state, context);
    case 'NoticePurgeDueSoon':
      return noticePurgeDueSoon(command, state, context);
    case 'SetAlertRules':
      return setAlertRules(command, state);
    case 'RegisterWebhook':
      return registerWebhook(command, state);
    case 'RemoveWebhook':
      return removeWebhook(command, state);
    case 'RenewSubscription':
      return renewSubscription(command, state, context);
    case 'AdvanceSubscriptionLifecycle':
      return lifecycleEvents(command.data.skuId, state, context);
    default:
      return assertNever(command);
  }
}

/** S1 */
function addSubscription({ data }: AddSubscription, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  const { catalog } = context;
  if (state.subscriptions.has(data.skuId)) {
    throw new DomainError('SubscriptionExists', `Subscription ${data.skuId} already exists`, { skuId: data.skuId });
  }
  const servicePlans = normalizePlans(data.servicePlans);
  const unknown = catalog.unknownPlans(servicePlans);
  if (unknown.length > 0) {
    throw new DomainError('UnknownServicePlan', `Unknown service plan(s): ${unknown.join(', ')}`, {
      servicePlans: unknown,
    });
  }
  const { skuId, name, seats } = data;
  // Left out when not given, as in events stored before the lifecycle: no term, not a trial.
  const term =
    data.termEndsAt === undefined ? {} : { termEndsAt: futureInstant('termEndsAt', data.termEndsAt, context.now) };
  return [
    {
      type: 'SubscriptionAdded',
      data: { skuId, name, servicePlans, seats, ...term, ...(data.trial ? { trial: true } : {}) },
    },
  ];
}

/** SL2 */
function renewSubscription({ data }: RenewSubscription, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  return renewEvents(requireSubscription(state, data.skuId), futureInstant('termEndsAt', data.termEndsAt, now));
}

/** A term end as the events keep it (toISOString, so read models compare it as text); a past one would end the term at once. */
function futureInstant(field: string, value: string, now: Date): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw invalid(field, `${field} must be an ISO 8601 date-time`);
  if (at <= now.getTime()) throw invalid(field, `${field} must be in the future`);
  return new Date(at).toISOString();
}

/** S2 */
function changeSeats({ data }: ChangeSeats, state: LedgerState): LedgerEvent[] {
  const subscription = requireSubscription(state, data.skuId);
  refuseIfDeleted(subscription);
  const { skuId, count } = data;
  switch (data.action) {
    case 'purchase':
      return [{ type: 'SeatsPurchased', data: { skuId, count } }];
    case 'expire':
      if (count > subscription.valid) {
        throw new DomainError(
          'NotEnoughSeatsToExpire',
          `${skuId} has ${subscription.valid} valid seat(s), cannot expire ${count}`,
          {
            skuId,
            valid: subscription.valid,
            count,
          },
        );
      }
      return [{ type: 'SeatsExpired', data: { skuId, count } }];
    case 'renew':
      if (count > subscription.expired) {
        throw new DomainError(
          'NotEnoughSeatsToRenew',
          `${skuId} has ${subscription.expired} expired seat(s), cannot renew ${count}`,
          {
            skuId,
            expired: subscription.expired,
            count,
          },
        );
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
  const holder = state.users.get(state.principalNames.get(upn.toLowerCase()) ?? '');
  if (holder?.status === 'deleted') {
    // U1 keeps a deleted user's UPN until the purge: say whose it is and until when, so the admin can restore or wait.
    const until = holder.hold ? 'its legal hold is released and its grace period ends' : holder.purgeAfter;
    throw new DomainError('UserPrincipalNameTaken', `${upn} belongs to deleted user ${holder.userId} until ${until}`, {
      userPrincipalName: upn,
      deletedUserId: holder.userId,
      purgeAfter: holder.purgeAfter,
      legalHold: holder.hold !== null,
    });
  }
  if (holder || state.aliases.has(upn.toLowerCase())) {
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
  if (taken.length > 0)
    throw new DomainError('AliasTaken', `Alias(es) already in use: ${taken.join(', ')}`, { aliases: taken });
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
    ...(data.displayName !== undefined && data.displayName !== user.displayName
      ? { displayName: data.displayName }
      : {}),
    ...(data.usageLocation !== undefined && data.usageLocation !== user.usageLocation
      ? { usageLocation: data.usageLocation }
      : {}),
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
  return userDeletion(requireActiveUser(state, data.userId), now);
}

/** U4 for several users in one commit: all or nothing, every unknown or already-deleted id named. */
function deleteUsers({ data }: DeleteUsers, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  const repeated = data.userIds.find((userId, index) => data.userIds.indexOf(userId) !== index);
  if (repeated) throw invalid('userIds', `${repeated} is listed twice in userIds`);
  const failures: Failure[] = [];
  const events: LedgerEvent[] = [];
  for (const userId of data.userIds) {
    const user = state.users.get(userId);
    if (!user || user.status === 'purged')
      failures.push({ code: 'UserNotFound', userId, message: `User ${userId} not found` });
    else if (user.status === 'deleted')
      failures.push({ code: 'UserDeleted', userId, message: `User ${userId} is already deleted` });
    else events.push(...userDeletion(user, now));
  }
  throwIfAny(failures, events);
  return events;
}

function userDeletion(user: UserState, now: Date): LedgerEvent[] {
  const { userId } = user;
  return [
    ...[...user.licenses.keys()].map((skuId): LedgerEvent => ({
      type: 'LicenseRemoved',
      data: { userId, skuId, reason: 'userDeleted' },
    })),
    ...exchangeLost(user, now, 'userDeleted'),
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
  throwIfAny([...notEnabledFailures(events, state), ...seatFailures(seatNeeds(events, state))]);
  return events;
}

/** L9 (and L1 for `remove`): all listed users at once, all or nothing, every failure named. */
function bulkAssignLicenses({ data }: BulkAssignLicenses, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  // A user listed twice would be assigned (and counted) twice for one license.
  const repeated = data.userIds.find((userId, index) => data.userIds.indexOf(userId) !== index);
  if (repeated) throw invalid('userIds', `${repeated} is listed twice in userIds`);
  const failures: Failure[] = [];
  for (const skuId of data.skuIds) {
    if (!state.subscriptions.has(skuId))
      failures.push({ code: 'SubscriptionNotFound', skuId, message: `Subscription ${skuId} not found` });
  }
  const users: UserState[] = [];
  for (const userId of data.userIds) {
    const user = state.users.get(userId);
    if (!user || user.status === 'purged')
      failures.push({ code: 'UserNotFound', userId, message: `User ${userId} not found` });
    else users.push(user);
  }
  // Unknown SKUs are named above; the known ones are still checked, so every failing user is named too.
  const skuIds = data.skuIds.filter((skuId) => state.subscriptions.has(skuId));

  const events: LedgerEvent[] = [];
  const reason = data.mode === 'remove' ? 'removed' : 'replaced';
  for (const user of users) {
    const target = bulkTarget(user, skuIds, data.mode);
    const userFailures =
      data.mode === 'remove'
        ? notHeldFailures(user, skuIds)
        : eligibilityFailures(user, target, state, context.catalog);
    failures.push(...userFailures);
    if (userFailures.length === 0) events.push(...licenseChangeEvents(user, target, reason, state, context));
  }
  failures.push(...notEnabledFailures(events, state), ...seatFailures(seatNeeds(events, state)));
  throwIfAny(failures, events);
  return events;
}

/** The licenses a listed user ends with: the listed SKUs added, kept alone, or taken away. */
function bulkTarget(user: UserState, skuIds: readonly string[], mode: BulkAssignLicenses['data']['mode']): LicenseSet {
  const target: LicenseSet = mode === 'replace' ? new Map<string, string[]>() : new Map(user.licenses);
  for (const skuId of skuIds) {
    if (mode === 'remove') target.delete(skuId);
    else target.set(skuId, user.licenses.get(skuId) ?? []);
  }
  return target;
}

/** L1: removing a SKU the user does not hold is an error. */
function notHeldFailures(user: UserState, skuIds: readonly string[]): Failure[] {
  const notHeld = skuIds.filter((skuId) => !user.licenses.has(skuId));
  if (notHeld.length === 0) return [];
  return [
    {
      code: 'LicenseNotAssigned',
      userId: user.userId,
      message: `User ${user.userId} has no license for ${notHeld.join(', ')}`,
      details: { skuIds: notHeld },
    },
  ];
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
    throw new DomainError('LicenseNotAssigned', `User ${fromUserId} has no license for ${skuId}`, {
      userId: fromUserId,
      skuIds: [skuId],
    });
  }
  if (to.licenses.has(skuId)) throw invalid('toUserId', `User ${toUserId} already has a license for ${skuId}`);

  const toTarget: LicenseSet = new Map(to.licenses).set(skuId, disabledPlans);
  throwIfAny(eligibilityFailures(to, toTarget, state, context.catalog));
  const fromTarget: LicenseSet = new Map(from.licenses);
  fromTarget.delete(skuId);
  const events = [
    ...licenseChangeEvents(from, fromTarget, 'reassigned', state, context),
    ...licenseChangeEvents(to, toTarget, 'reassigned', state, context),
  ];
  throwIfAny(notEnabledFailures(events, state));
  return events;
}

/**
 * U5: the user, its licenses (all with a seat, or none when asked), mailbox and contacts list (L4) and the
 * aliases no one took since, in one commit. A hold (H1) keeps everything, so it keeps the window open too.
 */
function restoreUser({ data }: RestoreUser, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  const purged = state.users.get(data.userId)?.status === 'purged';
  if (purged) throw new DomainError('RestoreWindowClosed', `User ${data.userId} was purged`, { userId: data.userId });
  const user = requireUser(state, data.userId);
  const { userId } = user;
  if (user.status !== 'deleted') throw new DomainError('UserNotDeleted', `User ${userId} is not deleted`, { userId });
  if (user.hold === null && isDue(user.purgeAfter, context.now)) {
    throw new DomainError('RestoreWindowClosed', `User ${userId} could be restored until ${user.purgeAfter}`, {
      userId,
      purgeAfter: user.purgeAfter,
    });
  }
  const deletion = user.deletion ?? { licenses: [], aliases: [] };
  const active: UserState = { ...user, status: 'active' };
  const target: LicenseSet = new Map(
    data.withLicenses ? deletion.licenses.map((license) => [license.skuId, license.disabledPlans]) : [],
  );
  throwIfAny(eligibilityFailures(active, target, state, context.catalog));
  const licenseEvents = licenseChangeEvents(active, target, 'removed', state, context);
  throwIfAny(seatFailures(seatNeeds(licenseEvents, state)));
  const seen = new Set<string>();
  const [restored, aliasesNotRestored] = [[] as string[], [] as string[]];
  for (const alias of deletion.aliases) {
    const key = alias.toLowerCase();
    (seen.has(key) || isAddressTaken(state, key) ? aliasesNotRestored : restored).push(alias);
    seen.add(key);
  }
  return [
    { type: 'UserRestored', data: { userId, withLicenses: data.withLicenses, aliasesNotRestored } },
    ...licenseEvents,
    ...restored.map((alias): LedgerEvent => ({ type: 'AliasAdded', data: { userId, alias } })),
  ];
}

/** H1: on an active or deleted user; the same reason again changes nothing. */
function placeLegalHold({ data }: PlaceLegalHold, state: LedgerState): LedgerEvent[] {
  const user = requireUser(state, data.userId);
  if (user.hold?.reason === data.reason) return [];
  return [{ type: 'LegalHoldPlaced', data: { userId: user.userId, reason: data.reason } }];
}

/** H2: never a purge at once; whatever fell due under the hold gets a new 30-day window. */
function releaseLegalHold({ data }: ReleaseLegalHold, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  const user = requireUser(state, data.userId);
  const { userId } = user;
  if (user.hold === null) throw new DomainError('NoHold', `User ${userId} has no legal hold`, { userId });
  const mailboxDue = user.mailbox?.status === 'softDeleted' && isDue(user.mailbox.purgeAfter, now);
  const userDue = user.status === 'deleted' && isDue(user.purgeAfter, now);
  return [
    {
      type: 'LegalHoldReleased',
      data: {
        userId,
        mailboxPurgeAfter: mailboxDue ? purgeAfterFrom(now) : null,
        userPurgeAfter: userDue ? purgeAfterFrom(now) : null,
      },
    },
  ];
}

/** L5 and U4: only data still soft-deleted, due and not held (H1) is purged, so duplicate or late requests are harmless. */
function purgeMailbox({ data }: PurgeMailbox, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  const user = state.users.get(data.userId);
  if (!user || user.hold !== null) return [];
  const { userId } = user;
  const events: LedgerEvent[] = [];
  if (user.mailbox?.status === 'softDeleted' && isDue(user.mailbox.purgeAfter, now)) {
    events.push({ type: 'MailboxPurged', data: { userId } });
  }
  if (user.status === 'deleted' && isDue(user.purgeAfter, now)) {
    events.push({ type: 'UserPurged', data: { userId, userPrincipalName: user.userPrincipalName } });
  }
  return events;
}

/**
 * N1: once per purgeAfter of a soft-deleted mailbox, while now < purgeAfter <= now + the tenant's window. Never for a
 * held user (H1: nothing of it is purged, so no purge is due); anything else answers nothing, so repeats are harmless.
 */
function noticePurgeDueSoon({ data }: NoticePurgeDueSoon, state: LedgerState, { now }: DecisionContext): LedgerEvent[] {
  const withinDays = state.purgeDueWithinDays;
  const user = state.users.get(data.userId);
  const mailbox = user?.mailbox;
  if (withinDays === null || !user || user.hold !== null || mailbox?.status !== 'softDeleted') return [];
  if (mailbox.purgeDueNoticed || mailbox.purgeAfter === null) return [];
  const purgeAt = Date.parse(mailbox.purgeAfter);
  if (purgeAt <= now.getTime() || purgeAt > now.getTime() + withinDays * DAY_MS) return [];
  return [
    { type: 'MailboxPurgeDueSoonNoticed', data: { userId: user.userId, purgeAfter: mailbox.purgeAfter, withinDays } },
  ];
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

/** N1: the rules replace the previous ones whole; a threshold names a subscription of the tenant, once. */
function setAlertRules({ data }: SetAlertRules, state: LedgerState): LedgerEvent[] {
  const seatsBelow = data.seatsBelow ?? [];
  const skuIds = seatsBelow.map((rule) => rule.skuId);
  const repeated = skuIds.filter((skuId, index) => skuIds.indexOf(skuId) !== index);
  if (repeated.length > 0)
    throw invalid('seatsBelow', `One threshold per SKU: ${[...new Set(repeated)].join(', ')} repeated`);
  for (const skuId of skuIds) requireSubscription(state, skuId);
  return [{ type: 'AlertRulesSet', data: { seatsBelow, purgeDueWithinDays: data.purgeDueWithinDays ?? null } }];
}

/** N1 */
function registerWebhook({ data }: RegisterWebhook, state: LedgerState): LedgerEvent[] {
  if (state.webhooks.has(data.webhookId)) throw invalid('webhookId', `Webhook ${data.webhookId} already exists`);
  return [
    {
      type: 'WebhookRegistered',
      data: { webhookId: data.webhookId, url: data.url, events: [...new Set(data.events)] },
    },
  ];
}

/** N1 */
function removeWebhook({ data }: RemoveWebhook, state: LedgerState): LedgerEvent[] {
  if (!state.webhooks.has(data.webhookId)) {
    throw new DomainError('NotFound', `Webhook ${data.webhookId} not found`, { webhookId: data.webhookId });
  }
  return [{ type: 'WebhookRemoved', data: { webhookId: data.webhookId } }];
}
