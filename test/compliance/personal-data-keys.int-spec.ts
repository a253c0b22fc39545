import { CryptoShreddingEventStore } from '@app/application';
import { EventData, EventStore, SqliteEventStore } from '@app/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TENANT = 'keys';
const LEDGER = `ledger-${TENANT}`;

function userCreated(name: string): EventData {
  return {
    id: randomUUID(),
    type: 'UserCreated',
    data: { userId: name, userPrincipalName: `${name}@keys.test`, displayName: name, aliases: [], usageLocation: 'US' },
    metadata: { tenantId: TENANT },
  };
}

/** The real SQLite store, counting the appends it is asked for (one call of appendToStreams is one transaction). */
function countingStore(file: string): { store: EventStore; calls: string[] } {
  const calls: string[] = [];
  const inner = SqliteEventStore.open(file);
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'appendToStream' && property !== 'appendToStreams') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls };
}

/** E1's per-user data keys, created for a whole append at once. */
describe('Personal-data keys (E1)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('E1: an append about three new users stores their three keys in one appendToStreams call, then the events', async () => {
    const { store: inner, calls } = countingStore(join(dir, 'events.sqlite'));
    const store = new CryptoShreddingEventStore(inner);
    const events = ['ann', 'bob', 'cat'].map(userCreated);

    await store.appendToStream(LEDGER, events);

    expect(calls).toEqual(['appendToStreams', 'appendToStreams']);
    const keyStreams = new Set<string>();
    for await (const event of inner.readAll()) if (event.streamId !== LEDGER) keyStreams.add(event.streamId);
    expect(keyStreams.size).toBe(3);
    const opened = [];
    for await (const event of store.readStream(LEDGER)) opened.push(event.data.userPrincipalName);
    expect(opened).toEqual(['ann@keys.test', 'bob@keys.test', 'cat@keys.test']);
    await store.close();
  });

  it('E1: a key another node created meanwhile is the one used, beside new keys of the same call', async () => {
    const file = join(dir, 'events.sqlite');
    const first = new CryptoShreddingEventStore(SqliteEventStore.open(file));
    const second = new CryptoShreddingEventStore(SqliteEventStore.open(file));
    // The first node learns no key of dan's before its own append: the second node creates it.
    await second.appendToStream(LEDGER, [userCreated('dan')]);

    await first.appendToStream(LEDGER, [{ ...userCreated('dan'), type: 'UserUpdated' }, userCreated('eve')]);

    const openedBySecond = [];
    for await (const event of second.readStream(LEDGER)) openedBySecond.push(event.data.displayName);
    expect(openedBySecond).toEqual(['dan', 'dan', 'eve']);
    const raw = new Database(file, { readonly: true });
    try {
      const keyEvents = raw
        .prepare("SELECT stream_id FROM events WHERE stream_id LIKE 'personal-data-key-%' ORDER BY stream_id")
        .pluck()
        .all();
      expect(keyEvents).toEqual([`personal-data-key-${TENANT}-dan`, `personal-data-key-${TENANT}-eve`]);
    } finally {
      raw.close();
    }
    await first.close();
    await second.close();
  });
});
