/** Writes a synthetic tenant history of `events` events (`users` users, `softDeleted` mailboxes due for purge) into `dir`/events.sqlite, for the probes that read it. */
import { join } from 'node:path';
import { writeHistory } from '../support/history';
import { probeArgs, report } from '../support/probe';

async function main(): Promise<void> {
  const { dir, events, users, softDeleted } = probeArgs();
  const created = await writeHistory(join(dir, 'events.sqlite'), 'bench', Number(events), {
    ...(users ? { users: Number(users) } : {}),
    ...(softDeleted ? { softDeleted: Number(softDeleted) } : {}),
  });
  report({ users: created });
}

void main();
