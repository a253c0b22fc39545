import { keyCreatedEvent, keyStreamOf, sealPersonalFields } from '@app/application';
import { ledgerStreamId, personalFieldsOf } from '@app/domain';
import { JsonObject, SqliteEventStore } from '@app/event-store';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';

const T0 = Date.parse('2020-01-01T00:00:00.000Z');
const PLANS = ['EXCHANGE', 'OFFICE'];

/** The id of the n-th synthetic user (1-based), stable so that later commands can name them. */
export function userIdOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export interface HistoryShape {
  /** Users created (each created, licensed and given a mailbox); default a tenth of the events, at most 100k. */
  users?: number;
  /** Of those, how many have their mailbox soft-deleted long ago, so a retention pass has them due. */
  softDeleted?: number;
}

/**
 * The synthetic tenant history, `events` events as [type, data]: one subscription, the users (each
 * created, licensed and given a mailbox), the soft-deleted mailboxes, then license and profile churn.
 * Only has to be a history evolve accepts: no decider runs.
 */
export function* historyEvents(events: number, shape: HistoryShape = {}): Generator<[string, JsonObject]> {
  const created = usersIn(events, shape);
  const softDeleted = Math.min(shape.softDeleted ?? 0, created);
  for (let index = 0; index < events; index++) {
    if (index === 0) {
      yield ['SubscriptionAdded', { skuId: 'E3', name: 'E3', servicePlans: PLANS, seats: 10_000_000 }];
    } else if (index <= created * 3) {
      const n = Math.ceil(index / 3);
      const userId = userIdOf(n);
      if (index % 3 === 1)
        yield [
          'UserCreated',
          { userId, userPrincipalName: `u${n}@bench.test`, displayName: `User ${n}`, usageLocation: 'US', aliases: [] },
        ];
      else if (index % 3 === 2) yield ['LicenseAssigned', { userId, skuId: 'E3', disabledPlans: [] }];
      else yield ['MailboxProvisioned', { userId }];
    } else if (index - created * 3 - 1 < softDeleted) {
      yield [
        'MailboxSoftDeleted',
        { userId: userIdOf(index - created * 3), purgeAfter: new Date(T0 + 86_400_000).toISOString() },
      ];
    } else {
      const userId = userIdOf(1 + (index % created));
      yield index % 2 === 0
        ? ['LicenseUpdated', { userId, skuId: 'E3', disabledPlans: index % 4 === 0 ? ['OFFICE'] : [] }]
        : ['UserUpdated', { userId, displayName: `User ${index}` }];
    }
  }
}

/** How many users historyEvents creates: `shape.users`, by default a tenth of the events (at most 100k). */
export function usersIn(events: number, shape: HistoryShape = {}): number {
  return Math.max(1, Math.min(shape.users ?? Math.min(100_000, Math.floor(events / 10)), Math.floor((events - 1) / 3)));
}

/**
 * Writes historyEvents straight into the store's SQLite file in one transaction (no per-append
 * checks: 1M events take seconds). Returns the number of users created.
 */
export async function writeHistory(
  file: string,
  tenantId: string,
  events: number,
  shape: HistoryShape = {},
): Promise<number> {
  await SqliteEventStore.open(file).close(); // the store's own schema
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const stream = ledgerStreamId(tenantId);
  const head = db
    .prepare('SELECT COALESCE(MAX(revision), -1) FROM events WHERE stream_id = ?')
    .pluck()
    .get(stream) as number;
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Personal fields are sealed as the API's store seals them (E1): the API refuses a plaintext log.
  const keys = new Map<string, Buffer>();
  const keyOf = (userId: string): Buffer => {
    let key = keys.get(userId);
    if (!key) {
      key = randomBytes(32);
      keys.set(userId, key);
      const created = keyCreatedEvent(key);
      insert.run(keyStreamOf(tenantId, userId), 0, created.id, created.type, JSON.stringify(created.data), '{}', T0);
    }
    return key;
  };
  db.transaction(() => {
    let revision = head;
    for (const [type, plain] of historyEvents(events, shape)) {
      const data =
        personalFieldsOf(type).length > 0
          ? sealPersonalFields(keyOf(String(plain.userId)), tenantId, type, plain)
          : plain;
      const occurredAt = T0 + ++revision;
      const metadata = {
        actor: { id: 'bench' },
        tenantId,
        occurredAt: new Date(occurredAt).toISOString(),
        correlationId: 'bench',
        causationId: 'bench',
      };
      insert.run(stream, revision, randomUUID(), type, JSON.stringify(data), JSON.stringify(metadata), occurredAt);
    }
  })();
  db.close();
  return usersIn(events, shape);
}
