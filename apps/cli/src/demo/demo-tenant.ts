import { LedgerCommandExecutor, LedgerStore, type Clock } from '@app/application';
import { Actor, Catalog, DomainError, LedgerCommand, LedgerState, RETENTION_ACTOR, UserState, availableSeats } from '@app/domain';
import { randomUUID } from 'node:crypto';

/** The seed's clock: set by the scenario, never the system time, so months pass in seconds. */
export class ScenarioClock implements Clock {
  constructor(private current: Date) {}

  async now(): Promise<Date> {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = new Date(at);
  }
}

export interface DemoOptions {
  tenantId: string;
  users: number;
  months: number;
  /** The demo's last day; its history runs `months` before it. */
  end: Date;
  domain: string;
  seed: number;
}

export interface DemoSummary {
  commands: number;
  refused: Record<string, number>;
  events: Record<string, number>;
  users: { created: number; active: number; deleted: number; purged: number };
  subscriptions: { skuId: string; valid: number; assigned: number; available: number }[];
  from: string;
  to: string;
}

const DAY = 24 * 60 * 60 * 1000;
const CAROL: Actor = { id: 'carol', name: 'Carol Admin' };
const ALICE: Actor = { id: 'alice', name: 'Alice Doe' };
const BOB: Actor = { id: 'bob', name: 'Bob Smith' };

const PREMIUM = 'O365_BUSINESS_PREMIUM';
const ESSENTIALS = 'O365_BUSINESS_ESSENTIALS';
const EXCHANGE_ONLY = 'EXCHANGESTANDARD';
const PROPLUS = 'OFFICESUBSCRIPTION';

const FIRST = ['ada', 'alan', 'grace', 'linus', 'margaret', 'dennis', 'barbara', 'ken', 'frances', 'edsger', 'radia', 'tim', 'hedy', 'john', 'katherine', 'donald', 'sophie', 'guido', 'anita', 'bjarne', 'mary', 'james', 'lynn', 'niklaus', 'jean', 'claude', 'carol', 'david', 'karen', 'leslie', 'shafi', 'peter', 'susan', 'vint', 'elena', 'yukihiro', 'joan', 'rasmus', 'ruth', 'brian'];
const LAST = ['lovelace', 'turing', 'hopper', 'torvalds', 'hamilton', 'ritchie', 'liskov', 'thompson', 'allen', 'dijkstra', 'perlman', 'berners-lee', 'lamarr', 'mccarthy', 'johnson', 'knuth', 'wilson', 'van-rossum', 'borg', 'stroustrup', 'keller', 'gosling', 'conway', 'wirth', 'sammet', 'shannon', 'shaw', 'patterson', 'sparck-jones', 'lamport', 'goldwasser', 'norvig', 'kare', 'cerf', 'levi', 'matsumoto', 'clarke', 'lerdorf', 'ginsburg', 'kernighan'];
/** Weighted: most users in a few countries; CN, where Lync is not available, gets it disabled (U3). */
const LOCATIONS = ['US', 'US', 'US', 'US', 'US', 'GB', 'GB', 'DE', 'DE', 'FR', 'NL', 'CA', 'IN', 'AU', 'CN'];
const DEPARTMENTS = ['sales', 'engineering', 'support', 'finance', 'marketing'];

/** A small deterministic PRNG (mulberry32): the same seed gives the same tenant. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

/**
 * A realistic tenant through the real command path (decide + append): subscriptions bought on the
 * first day, a migration wave of users, then months of working days with hires, upgrades, plans
 * disabled, leave and return (mailbox soft-deleted then restored), reassigns to new hires, a monthly
 * bulk replace for one department, leavers deleted, seats bought when short, some expired and
 * renewed, and the retention saga's purges once grace periods end.
 */
export async function seedDemoTenant(
  ledgers: LedgerStore,
  catalog: Catalog,
  options: DemoOptions,
  onDay?: (day: number, days: number) => void,
): Promise<DemoSummary> {
  const rng = random(options.seed);
  const days = Math.max(1, Math.round(options.months * 30));
  const start = new Date(Date.UTC(options.end.getUTCFullYear(), options.end.getUTCMonth(), options.end.getUTCDate()) - days * DAY);
  const clock = new ScenarioClock(start);
  const executor = new LedgerCommandExecutor(ledgers, clock, catalog);
  const summary: DemoSummary = {
    commands: 0,
    refused: {},
    events: {},
    users: { created: 0, active: 0, deleted: 0, purged: 0 },
    subscriptions: [],
    from: '',
    to: '',
  };
  const department = new Map<string, string>();
  const onLeave = new Map<string, { back: number; skuId: string }>();
  const usedNames = new Set<string>();
  const state = async (): Promise<LedgerState> => (await ledgers.load(options.tenantId)).state;
  let minuteOfDay = 8 * 60;
  // Daily changes grow with the organisation (the rates below are for 300 users); so does the pace.
  const scale = Math.max(1, options.users / 300);
  const step = Math.max(1, Math.round(12 / Math.sqrt(scale)));
  /** How many times something with this daily rate (per 300 users) happens today. */
  const occurrences = (rate: number) => {
    const expected = rate * scale;
    return Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
  };
  let today = 0;

  /** Runs one command a few minutes after the previous one (time never goes back); a refusal is counted, not fatal. */
  const run = async (actor: Actor, command: LedgerCommand): Promise<boolean> => {
    minuteOfDay = Math.min(minuteOfDay + rng.int(1, step), 23 * 60 + 58);
    clock.set(new Date(start.getTime() + today * DAY + minuteOfDay * 60_000));
    summary.commands++;
    try {
      const outcome = await executor.execute(command, { tenantId: options.tenantId, actor, correlationId: randomUUID() });
      for (const event of outcome.events) summary.events[event.type] = (summary.events[event.type] ?? 0) + 1;
      if (!summary.from) summary.from = outcome.occurredAt;
      summary.to = outcome.occurredAt;
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      summary.refused[error.code] = (summary.refused[error.code] ?? 0) + 1;
      return false;
    }
  };

  const available = async (skuId: string) => {
    const subscription = (await state()).subscriptions.get(skuId);
    return subscription ? availableSeats(subscription) : 0;
  };
  /** Carol buys seats in packs of 10 before anyone runs short. */
  const ensureSeats = async (skuId: string, needed = 1) => {
    if ((await available(skuId)) < needed + 1) {
      await run(CAROL, { type: 'ChangeSeats', data: { skuId, action: 'purchase', count: Math.max(10, needed) } });
    }
  };
  const licenseFor = (user: UserState, skuId: string) => ({
    skuId,
    ...(user.usageLocation === 'CN' && skuId !== EXCHANGE_ONLY && skuId !== PROPLUS ? { disabledPlans: ['LYNC'] } : {}),
  });
  const activeUsers = async () => [...(await state()).users.values()].filter((user) => user.status === 'active');
  const admin = () => (rng.chance(0.6) ? ALICE : BOB);

  const hire = async () => {
    let first: string;
    let last: string;
    let name: string;
    do {
      first = rng.pick(FIRST);
      last = rng.pick(LAST);
      name = `${first}.${last}`;
      if (usedNames.has(name)) name = `${name}${rng.int(2, 99)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const userId = randomUUID();
    const withoutLocation = rng.chance(0.03);
    // U1: an alias nobody holds as a name or an alias.
    const alias = `${first[0]}.${last}@${options.domain}`;
    const current = await state();
    const aliasFree = !current.aliases.has(alias) && !current.principalNames.has(alias);
    const usageLocation = rng.pick(LOCATIONS);
    const created = await run(admin(), {
      type: 'CreateUser',
      data: {
        userId,
        userPrincipalName: `${name}@${options.domain}`,
        displayName: `${capitalize(first)} ${capitalize(last)}`,
        ...(withoutLocation ? {} : { usageLocation }),
        ...(rng.chance(0.25) && aliasFree ? { aliases: [alias] } : {}),
      },
    });
    if (!created) return undefined;
    summary.users.created++;
    department.set(userId, rng.pick(DEPARTMENTS));
    // U2: a user without a usage location gets one before any license.
    if (withoutLocation) await run(admin(), { type: 'UpdateUser', data: { userId, usageLocation } });
    const user = (await state()).users.get(userId)!;
    const roll = rng.next();
    const skuId = roll < 0.55 ? PREMIUM : roll < 0.85 ? ESSENTIALS : roll < 0.95 ? EXCHANGE_ONLY : PROPLUS;
    const extra = skuId === ESSENTIALS && rng.chance(0.3) ? [PROPLUS] : [];
    for (const sku of [skuId, ...extra]) await ensureSeats(sku);
    await run(admin(), {
      type: 'AssignLicense',
      data: { userId, addLicenses: [skuId, ...extra].map((sku) => licenseFor(user, sku)), removeLicenses: [] },
    });
    return userId;
  };

  // Day 0: the subscriptions.
  const seats = (share: number) => Math.max(5, Math.ceil(options.users * share));
  await run(CAROL, { type: 'AddSubscription', data: { skuId: PREMIUM, name: 'Office 365 Business Premium', servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'], seats: seats(0.5) } });
  await run(CAROL, { type: 'AddSubscription', data: { skuId: ESSENTIALS, name: 'Office 365 Business Essentials', servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT'], seats: seats(0.3) } });
  await run(CAROL, { type: 'AddSubscription', data: { skuId: EXCHANGE_ONLY, name: 'Exchange Online (Plan 1)', servicePlans: ['EXCHANGE'], seats: seats(0.15) } });
  await run(CAROL, { type: 'AddSubscription', data: { skuId: PROPLUS, name: 'Office 365 ProPlus', servicePlans: ['OFFICE', 'SHAREPOINT'], seats: seats(0.15) } });

  const wave = Math.round(options.users * 0.7);
  const waveDays = Math.min(10, days);
  const later = options.users - wave;
  let hired = 0;
  // Day `days` would be the end's own day: the history stops the day before, so none of it lies after `end`.
  for (today = 0; today < days; today++) {
    onDay?.(today, days);
    // Day 0 goes on after the subscriptions were bought; every other day starts in the morning.
    if (today > 0) minuteOfDay = 8 * 60 + rng.int(0, 45);
    const weekday = new Date(start.getTime() + today * DAY).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      await retention();
      continue;
    }

    // The migration wave, then a steady trickle of hires over the months.
    const target =
      today < waveDays
        ? Math.round((wave * (today + 1)) / waveDays)
        : // Everyone is hired by the last week, whatever day of the week the history ends on.
          wave + Math.round((later * (today - waveDays + 1)) / Math.max(1, days - waveDays - 7));
    const newHires: string[] = [];
    for (; hired < Math.min(target, options.users); hired++) {
      const userId = await hire();
      if (userId) newHires.push(userId);
    }
    if (today < waveDays) continue;

    // Back from leave: the same licenses again, within the grace period (L4 restores the mailbox).
    for (const [userId, leave] of onLeave) {
      if (leave.back > today) continue;
      onLeave.delete(userId);
      const user = (await state()).users.get(userId);
      if (user?.status !== 'active') continue;
      await ensureSeats(leave.skuId);
      await run(admin(), { type: 'AssignLicense', data: { userId, addLicenses: [licenseFor(user, leave.skuId)], removeLicenses: [] } });
    }

    const users = await activeUsers();
    if (users.length === 0) {
      await retention();
      continue;
    }
    /** Someone still active: the list was taken this morning, and today's leavers are gone. */
    const someone = () => {
      const user = rng.pick(users);
      return user.status === 'active' ? user : undefined;
    };

    // Upgrades from Essentials to Premium.
    for (let n = occurrences(0.1); n > 0; n--) {
      const user = users.find((candidate) => candidate.licenses.has(ESSENTIALS) && rng.chance(0.1));
      if (user) {
        await ensureSeats(PREMIUM);
        await run(admin(), { type: 'AssignLicense', data: { userId: user.userId, addLicenses: [licenseFor(user, PREMIUM)], removeLicenses: [ESSENTIALS] } });
      }
    }
    // A plan switched off (or back on) for someone.
    for (let n = occurrences(0.15); n > 0; n--) {
      const user = someone();
      const held = user && [...user.licenses.entries()].find(([skuId]) => skuId === PREMIUM);
      if (user && held && user.usageLocation !== 'CN') {
        const disabledPlans = held[1].includes('LYNC') ? [] : ['LYNC'];
        await run(admin(), { type: 'AssignLicense', data: { userId: user.userId, addLicenses: [{ skuId: PREMIUM, disabledPlans }], removeLicenses: [] } });
      }
    }
    // Leave: licenses removed (mailbox soft-deleted, aliases released), back in one to three weeks.
    for (let n = occurrences(0.12); n > 0; n--) {
      const user = someone();
      const [skuId] = user ? [...user.licenses.keys()] : [];
      if (user && skuId && !onLeave.has(user.userId)) {
        const removed = await run(admin(), { type: 'AssignLicense', data: { userId: user.userId, addLicenses: [], removeLicenses: [skuId] } });
        if (removed) onLeave.set(user.userId, { back: today + rng.int(7, 21), skuId });
      }
    }
    // Leavers: a seat handed over to today's new hire first, sometimes; then the user deleted (U4).
    for (let n = occurrences(0.2); n > 0; n--) {
      const leaver = someone();
      if (leaver && !onLeave.has(leaver.userId)) {
        const [skuId] = [...leaver.licenses.keys()];
        const newcomer = newHires.length > 0 ? (await state()).users.get(newHires[0]) : undefined;
        if (skuId && newcomer && !newcomer.licenses.has(skuId) && rng.chance(0.5)) {
          await run(admin(), { type: 'ReassignLicense', data: { skuId, fromUserId: leaver.userId, toUserId: newcomer.userId } });
        }
        await run(admin(), { type: 'DeleteUser', data: { userId: leaver.userId } });
      }
    }
    // Once a month, a department moves to Premium only (L9 replace).
    if (today % 30 === 15) {
      const name = DEPARTMENTS[Math.floor(today / 30) % DEPARTMENTS.length];
      // Bulk assigns every plan (L9), so users where Lync is unavailable stay out of it (U3).
      const team = users
        .filter((user) => department.get(user.userId) === name && !onLeave.has(user.userId) && user.usageLocation !== 'CN')
        .slice(0, 25);
      if (team.length > 0) {
        const needed = team.filter((user) => !user.licenses.has(PREMIUM)).length;
        await ensureSeats(PREMIUM, needed);
        await run(ALICE, { type: 'BulkAssignLicenses', data: { userIds: team.map((user) => user.userId), skuIds: [PREMIUM], mode: 'replace' } });
      }
    }
    // Unused Exchange-only seats expire mid-way; a few are renewed later.
    if (today === Math.round(days / 2)) {
      const spare = await available(EXCHANGE_ONLY);
      if (spare > 2) await run(CAROL, { type: 'ChangeSeats', data: { skuId: EXCHANGE_ONLY, action: 'expire', count: spare - 2 } });
    }
    if (today === Math.round((days * 3) / 4)) {
      const expired = (await state()).subscriptions.get(EXCHANGE_ONLY)?.expired ?? 0;
      if (expired > 0) await run(CAROL, { type: 'ChangeSeats', data: { skuId: EXCHANGE_ONLY, action: 'renew', count: Math.min(expired, 3) } });
    }
    await retention();
  }

  /** What the retention saga would do at the end of the day: purge whatever grace period has ended (L5, U4). */
  async function retention(): Promise<void> {
    minuteOfDay = Math.max(minuteOfDay, 23 * 60);
    // A purge runs a few minutes after this instant, and the decider accepts only what is due by then.
    const now = start.getTime() + today * DAY + minuteOfDay * 60_000;
    const due = (purgeAfter: string | null | undefined) => !!purgeAfter && Date.parse(purgeAfter) <= now;
    const dueUsers = [...(await state()).users.values()].filter(
      (user) => (user.mailbox?.status === 'softDeleted' && due(user.mailbox.purgeAfter)) || (user.status === 'deleted' && due(user.purgeAfter)),
    );
    for (const user of dueUsers) await run(RETENTION_ACTOR, { type: 'PurgeMailbox', data: { userId: user.userId } });
  }

  const final = await state();
  for (const user of final.users.values()) summary.users[user.status === 'purged' ? 'purged' : user.status]++;
  summary.subscriptions = [...final.subscriptions.values()].map((subscription) => ({
    skuId: subscription.skuId,
    valid: subscription.valid,
    assigned: subscription.assigned,
    available: availableSeats(subscription),
  }));
  return summary;
}

function capitalize(word: string): string {
  return word.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}
