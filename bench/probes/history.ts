/** Writes a synthetic tenant history of `events` events into `dir`/events.sqlite (shared by the probes that only read it). */
import { SqliteEventStore } from '@app/event-store';
import { join } from 'node:path';
import { appendHistory } from '../support/history';
import { probeArgs, report } from '../support/probe';

async function main(): Promise<void> {
  const { dir, events } = probeArgs();
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const users = await appendHistory(store, 'bench', Number(events));
  await store.close();
  report({ users });
}

void main();
