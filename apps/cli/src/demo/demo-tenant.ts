import { LedgerStore } from '@app/application';
import { Catalog, availableSeats } from '@app/domain';
import { hire } from './hire';
import { retention } from './retention';
import { CAROL } from './roster';
import { DemoScenario, type DemoOptions } from './scenario';
import { SUBSCRIPTIONS } from './skus';
import { workingDay } from './working-day';

export interface DemoSummary {
  commands: number;
  refused: Record<string, number>;
  events: Record<string, number>;
  users: { created: number; active: number; deleted: number; purged: number };
  subscriptions: { skuId: string; valid: number; assigned: number; available: number }[];
  from: string;
  to: string;
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
  const scenario = new DemoScenario(ledgers, catalog, options);
  await buySubscriptions(scenario);
  let hired = 0;
  // Day `days` would be the end's own day: the history stops the day before, so none of it lies after `end`.
  for (scenario.today = 0; scenario.today < scenario.days; scenario.today++) {
    onDay?.(scenario.today, scenario.days);
    scenario.startDay();
    if (scenario.isWeekend()) {
      await retention(scenario);
      continue;
    }
    const newHires: string[] = [];
    for (const target = hiredBy(scenario); hired < target; hired++) {
      const userId = await hire(scenario);
      if (userId) newHires.push(userId);
    }
    if (scenario.today < waveDays(scenario)) continue;
    await workingDay(scenario, newHires);
    await retention(scenario);
  }
  return summarize(scenario);
}

/** Day 0: Carol buys the subscriptions, each with its share of the users as seats (at least 5). */
async function buySubscriptions(scenario: DemoScenario): Promise<void> {
  for (const { share, ...subscription } of SUBSCRIPTIONS) {
    await scenario.run(CAROL, {
      type: 'AddSubscription',
      data: { ...subscription, seats: Math.max(5, Math.ceil(scenario.options.users * share)) },
    });
  }
}

function waveDays(scenario: DemoScenario): number {
  return Math.min(10, scenario.days);
}

/** How many users are hired by the end of today: a migration wave, then a steady trickle over the months. */
function hiredBy(scenario: DemoScenario): number {
  const { today, days, options } = scenario;
  const wave = Math.round(options.users * 0.7);
  const later = options.users - wave;
  const target =
    today < waveDays(scenario)
      ? Math.round((wave * (today + 1)) / waveDays(scenario))
      : // Everyone is hired by the last week, whatever day of the week the history ends on.
        wave + Math.round((later * (today - waveDays(scenario) + 1)) / Math.max(1, days - waveDays(scenario) - 7));
  return Math.min(target, options.users);
}

async function summarize(scenario: DemoScenario): Promise<DemoSummary> {
  const { usersCreated, ...tally } = scenario.tally;
  const final = await scenario.state();
  const users = { created: usersCreated, active: 0, deleted: 0, purged: 0 };
  for (const user of final.users.values()) users[user.status === 'purged' ? 'purged' : user.status]++;
  const subscriptions = [...final.subscriptions.values()].map((subscription) => ({
    skuId: subscription.skuId,
    valid: subscription.valid,
    assigned: subscription.assigned,
    available: availableSeats(subscription),
  }));
  return { ...tally, users, subscriptions };
}
