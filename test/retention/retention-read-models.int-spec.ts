import { READ_MODEL_DATABASE } from '@app/application';
import { RecordedEvent } from '@app/event-store';
import {
  DUE_MAILBOXES_SQL,
  DUE_TRANSITIONS_SQL,
  DUE_USERS_SQL,
  MailboxRetentionQueries,
  Projection,
  READ_MODELS,
  ReadModelDatabase,
  handlesType,
  openReadModelDatabase,
  toProjected,
} from '@app/projections';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedgerApp } from '../support/ledger-app';
import { ledgerScript } from './support/ledger-script';

const projection = (name: string): Projection => READ_MODELS.find((model) => model.name === name)!;
const RETENTION_MODELS = ['mailboxRetention', 'retentionTimeline'].map(projection);

function freshDatabase(): ReadModelDatabase {
  return openReadModelDatabase(join(mkdtempSync(join(tmpdir(), 'retention-rm-')), 'read-models.sqlite'));
}

/** Every row of the retention read models' tables, in a stable order. */
function dump(db: ReadModelDatabase): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  for (const model of RETENTION_MODELS) {
    for (const table of model.tables) tables[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all();
  }
  return tables;
}

function feed(db: ReadModelDatabase, events: readonly RecordedEvent[], times: number): void {
  for (const model of RETENTION_MODELS) db.exec(model.schema);
  const appliers = RETENTION_MODELS.map((model) => ({ model, apply: model.bind(db) }));
  for (const event of events) {
    for (const { model, apply } of appliers) {
      if (handlesType(model, event.type)) {
        for (let i = 0; i < times; i++) apply(toProjected(event));
      }
    }
  }
}

describe('Retention read models', () => {
  it('mailboxRetention and retentionTimeline: each event delivered twice, or the history replayed, gives the same rows as once, and as the projector', async () => {
    const ledger = await startLedgerApp();
    let events: RecordedEvent[];
    let live: Record<string, unknown[]>;
    try {
      const admin = ledger.as('global-admin');
      const script = ledgerScript(admin);
      await script.subscription();
      const [ann, ben] = [await script.user('ann', ['ann.alias@contoso.com']), await script.user('ben')];
      await script.assign(ann);
      await script.assign(ben);
      await script.remove(ann);
      await admin.post('/v1/clock/advance', { days: 10 }).expect(200);
      await script.assign(ann); // restored
      await script.remove(ann);
      // H1, H2 and U5 rows too: a hold placed and released, a user deleted and restored.
      await ledger.as('compliance').put(`/v1/users/${ann}/hold`, { reason: 'r' }).expect(200);
      await ledger.as('compliance').delete(`/v1/users/${ann}/hold`).expect(200);
      const cy = await script.user('cy');
      await script.assign(cy);
      await admin.delete(`/v1/users/${cy}`).expect(200);
      await admin.post(`/v1/users/${cy}/restore`, {}).expect(200);
      await admin.delete(`/v1/users/${ben}`).expect(200);
      await admin.post('/v1/clock/advance', { days: 30 }).expect(200); // both purged
      await script.assign(ann); // a new mailbox
      events = await ledger.events();
      live = dump(ledger.app.get<ReadModelDatabase>(READ_MODEL_DATABASE));
    } finally {
      await ledger.close();
    }
    const once = freshDatabase();
    feed(once, events, 1);
    const twice = freshDatabase();
    feed(twice, events, 2);
    expect(dump(twice)).toEqual(dump(once));
    // A replay of the whole history over the finished read models (a lost checkpoint) changes nothing either.
    feed(twice, events, 1);
    expect(dump(twice)).toEqual(dump(once));
    // Old events redelivered late, newest first: each is older than the row it meets, so none applies.
    feed(twice, [...events].reverse(), 1);
    expect(dump(twice)).toEqual(dump(once));
    expect(dump(once)).toEqual(live);
    expect(live.mailboxes).toHaveLength(3);
    expect(live.deleted_users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'purged' }),
        expect.objectContaining({ status: 'restored', purge_after: expect.any(String) }),
      ]),
    );
    expect(live.legal_holds).toEqual([expect.objectContaining({ held: 0 })]);
  });

  it("L5 SL3: the saga's due queries are index range searches, O(due) and not O(all mailboxes)", () => {
    const db = freshDatabase();
    for (const model of READ_MODELS) db.exec(model.schema);
    const params = { now: new Date().toISOString(), afterPurge: '', afterTenant: '', afterUser: '', limit: 100 };
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n');
    // H1: held users are left out by one primary-key probe per due row, in the same statement.
    const holdProbe =
      '\nCORRELATED SCALAR SUBQUERY \\d+\nSEARCH h USING INDEX sqlite_autoindex_legal_holds_1 \\(tenant_id=\\? AND user_id=\\?\\)$';
    expect(plan(DUE_MAILBOXES_SQL)).toMatch(
      new RegExp(`^SEARCH d USING INDEX mailboxes_due \\(status=\\? AND .*purge_after<\\?\\)${holdProbe}`),
    );
    expect(plan(DUE_USERS_SQL)).toMatch(
      new RegExp(`^SEARCH d USING INDEX deleted_users_due \\(status=\\? AND .*purge_after<\\?\\)${holdProbe}`),
    );
    // SL3: subscriptions whose next lifecycle step is due, on the same terms.
    const transitions = { now: params.now, afterAt: '', afterTenant: '', afterSku: '', limit: 100 };
    const transitionPlan = (
      db.prepare(`EXPLAIN QUERY PLAN ${DUE_TRANSITIONS_SQL}`).all(transitions) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('\n');
    expect(transitionPlan).toMatch(/^SEARCH subscriptions USING INDEX subscriptions_due \(.*next_transition_at<\?\)$/);

    // And the keyset walks them in due order across tenants, batch after batch, each row once.
    const insert = db.prepare(
      `INSERT INTO mailboxes (tenant_id, user_id, user_principal_name, seq, position, status, provisioned_at, purge_after,
         contacts_list, soft_deleted_event_id, soft_deleted_correlation_id)
       VALUES (?, ?, 'someone@x.com', ?, ?, ?, '2030-01-01T00:00:00.000Z', ?, 'deleted', 'e', 'c')`,
    );
    let position = 0;
    for (const tenant of ['t2', 't1']) {
      for (const [user, status, purgeAfter] of [
        ['a', 'softDeleted', '2030-02-01T00:00:00.000Z'],
        ['b', 'softDeleted', '2030-01-31T00:00:00.000Z'],
        ['c', 'active', null],
        ['d', 'softDeleted', '2030-03-01T00:00:00.000Z'],
        ['e', 'purged', '2030-01-01T00:00:00.000Z'],
      ]) {
        position++;
        insert.run(tenant, user, position, position, status, purgeAfter);
      }
    }
    const queries = new MailboxRetentionQueries(db);
    const seen: string[] = [];
    let after = null;
    for (let batch = queries.dueMailboxPurges('2030-02-01T00:00:00.000Z', after, 3); batch.length > 0;) {
      seen.push(...batch.map((due) => `${due.tenantId}/${due.userId}`));
      const last = batch[batch.length - 1];
      after = { purgeAfter: last.purgeAfter, tenantId: last.tenantId, userId: last.userId };
      batch = queries.dueMailboxPurges('2030-02-01T00:00:00.000Z', after, 3);
    }
    expect(seen).toEqual(['t1/b', 't2/b', 't1/a', 't2/a']);
  });
});
