import type { UserState } from '@app/domain';
import { ALICE, CAROL, DEPARTMENTS } from './roster';
import type { DemoScenario } from './scenario';
import { ESSENTIALS, EXCHANGE_ONLY, PREMIUM, licenseFor } from './skus';

/** The changes of a working day after the migration wave, in the order they happen. */
export async function workingDay(scenario: DemoScenario, newHires: readonly string[]): Promise<void> {
  await returnsFromLeave(scenario);
  const users = await scenario.activeUsers();
  if (users.length === 0) return;
  /** Someone still active: the list was taken this morning, and today's leavers are gone. */
  const someone = () => {
    const user = scenario.rng.pick(users);
    return user.status === 'active' ? user : undefined;
  };
  await upgrades(scenario, users);
  await planToggles(scenario, someone);
  await leave(scenario, someone);
  await leavers(scenario, someone, newHires);
  await monthlyReplace(scenario, users);
  await expireAndRenew(scenario);
}

/** Back from leave: the same licenses again, within the grace period (L4 restores the mailbox). */
async function returnsFromLeave(scenario: DemoScenario): Promise<void> {
  for (const [userId, leave] of scenario.onLeave) {
    if (leave.back > scenario.today) continue;
    scenario.onLeave.delete(userId);
    const user = (await scenario.state()).users.get(userId);
    if (user?.status !== 'active') continue;
    await scenario.ensureSeats(leave.skuId);
    await scenario.run(scenario.admin(), {
      type: 'AssignLicense',
      data: { userId, addLicenses: [licenseFor(user, leave.skuId)], removeLicenses: [] },
    });
  }
}

/** Upgrades from Essentials to Premium. */
async function upgrades(scenario: DemoScenario, users: readonly UserState[]): Promise<void> {
  for (let n = scenario.occurrences(0.1); n > 0; n--) {
    const user = users.find((candidate) => candidate.licenses.has(ESSENTIALS) && scenario.rng.chance(0.1));
    if (user) {
      await scenario.ensureSeats(PREMIUM);
      await scenario.run(scenario.admin(), {
        type: 'AssignLicense',
        data: { userId: user.userId, addLicenses: [licenseFor(user, PREMIUM)], removeLicenses: [ESSENTIALS] },
      });
    }
  }
}

/** A plan switched off (or back on) for someone. */
async function planToggles(scenario: DemoScenario, someone: () => UserState | undefined): Promise<void> {
  for (let n = scenario.occurrences(0.15); n > 0; n--) {
    const user = someone();
    const held = user && [...user.licenses.entries()].find(([skuId]) => skuId === PREMIUM);
    if (user && held && user.usageLocation !== 'CN') {
      const disabledPlans = held[1].includes('LYNC') ? [] : ['LYNC'];
      await scenario.run(scenario.admin(), {
        type: 'AssignLicense',
        data: { userId: user.userId, addLicenses: [{ skuId: PREMIUM, disabledPlans }], removeLicenses: [] },
      });
    }
  }
}

/** Leave: licenses removed (mailbox soft-deleted, aliases released), back in one to three weeks. */
async function leave(scenario: DemoScenario, someone: () => UserState | undefined): Promise<void> {
  for (let n = scenario.occurrences(0.12); n > 0; n--) {
    const user = someone();
    const [skuId] = user ? [...user.licenses.keys()] : [];
    if (user && skuId && !scenario.onLeave.has(user.userId)) {
      const removed = await scenario.run(scenario.admin(), {
        type: 'AssignLicense',
        data: { userId: user.userId, addLicenses: [], removeLicenses: [skuId] },
      });
      if (removed) scenario.onLeave.set(user.userId, { back: scenario.today + scenario.rng.int(7, 21), skuId });
    }
  }
}

/** Leavers: a seat handed over to today's new hire first, sometimes; then the user deleted (U4). */
async function leavers(
  scenario: DemoScenario,
  someone: () => UserState | undefined,
  newHires: readonly string[],
): Promise<void> {
  for (let n = scenario.occurrences(0.2); n > 0; n--) {
    const leaver = someone();
    if (leaver && !scenario.onLeave.has(leaver.userId)) {
      const [skuId] = [...leaver.licenses.keys()];
      const newcomer = newHires.length > 0 ? (await scenario.state()).users.get(newHires[0]) : undefined;
      if (skuId && newcomer && !newcomer.licenses.has(skuId) && scenario.rng.chance(0.5)) {
        await scenario.run(scenario.admin(), {
          type: 'ReassignLicense',
          data: { skuId, fromUserId: leaver.userId, toUserId: newcomer.userId },
        });
      }
      await scenario.run(scenario.admin(), { type: 'DeleteUser', data: { userId: leaver.userId } });
    }
  }
}

/** Once a month, a department moves to Premium only (L9 replace). */
async function monthlyReplace(scenario: DemoScenario, users: readonly UserState[]): Promise<void> {
  const { today } = scenario;
  if (today % 30 !== 15) return;
  const name = DEPARTMENTS[Math.floor(today / 30) % DEPARTMENTS.length];
  // Bulk assigns every plan (L9), so users where Lync is unavailable stay out of it (U3).
  const team = users
    .filter(
      (user) =>
        scenario.department.get(user.userId) === name &&
        !scenario.onLeave.has(user.userId) &&
        user.usageLocation !== 'CN',
    )
    .slice(0, 25);
  if (team.length === 0) return;
  const needed = team.filter((user) => !user.licenses.has(PREMIUM)).length;
  await scenario.ensureSeats(PREMIUM, needed);
  await scenario.run(ALICE, {
    type: 'BulkAssignLicenses',
    data: { userIds: team.map((user) => user.userId), skuIds: [PREMIUM], mode: 'replace' },
  });
}

/** Unused Exchange-only seats expire mid-way; a few are renewed later. */
async function expireAndRenew(scenario: DemoScenario): Promise<void> {
  const { today, days } = scenario;
  if (today === Math.round(days / 2)) {
    const spare = await scenario.available(EXCHANGE_ONLY);
    if (spare > 2)
      await scenario.run(CAROL, {
        type: 'ChangeSeats',
        data: { skuId: EXCHANGE_ONLY, action: 'expire', count: spare - 2 },
      });
  }
  if (today === Math.round((days * 3) / 4)) {
    const expired = (await scenario.state()).subscriptions.get(EXCHANGE_ONLY)?.expired ?? 0;
    if (expired > 0)
      await scenario.run(CAROL, {
        type: 'ChangeSeats',
        data: { skuId: EXCHANGE_ONLY, action: 'renew', count: Math.min(expired, 3) },
      });
  }
}
