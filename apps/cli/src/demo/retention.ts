import { RETENTION_ACTOR } from '@app/domain';
import type { DemoScenario } from './scenario';

/** What the retention saga would do at the end of the day: purge whatever grace period has ended (L5, U4). */
export async function retention(scenario: DemoScenario): Promise<void> {
  // A purge runs a few minutes after this instant, and the decider accepts only what is due by then.
  const now = scenario.endOfDay();
  const due = (purgeAfter: string | null | undefined) => !!purgeAfter && Date.parse(purgeAfter) <= now;
  const dueUsers = [...(await scenario.state()).users.values()].filter(
    (user) =>
      (user.mailbox?.status === 'softDeleted' && due(user.mailbox.purgeAfter)) ||
      (user.status === 'deleted' && due(user.purgeAfter)),
  );
  for (const user of dueUsers)
    await scenario.run(RETENTION_ACTOR, { type: 'PurgeMailbox', data: { userId: user.userId } });
}
