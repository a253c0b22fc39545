import { RetentionSaga } from '@app/application';
import { LedgerEvent, ledgerStreamId } from '@app/domain';
import { EVENT_STORE, EventStore, NO_STREAM } from '@app/event-store';
import { MailboxRetentionQueries, Projector } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';
import { DAY_MS } from './support/ledger-script';

/**
 * L5: a pass of the saga sees everything stored before it starts. With the projector held behind the
 * store, a soft-delete already due is purged by that same pass, not by the next one a minute later.
 */
describe('Retention pass: sees everything stored before it starts', () => {
  let ledger: LedgerApp;
  afterAll(() => ledger.close());

  it('L5 given the projector stopped behind the store and a due soft-delete stored, when ONE pass runs, then that pass purges it', async () => {
    // The purge's own answer must not wait for the stopped projector: it is not what this test is about.
    ledger = await startLedgerApp({}, { readModelWaitMs: 0 });
    const store = ledger.app.get<EventStore>(EVENT_STORE);
    const projector = ledger.app.get(Projector);
    const saga = ledger.app.get(RetentionSaga);
    await projector.stop();

    const tenantId = `pass-${randomUUID()}`;
    const userId = randomUUID();
    const softDeletedAt = new Date(Date.now() - 40 * DAY_MS);
    const events: LedgerEvent[] = [
      {
        type: 'UserCreated',
        data: { userId, userPrincipalName: 'due@contoso.com', displayName: 'Due', usageLocation: 'GB', aliases: [] },
      },
      { type: 'MailboxProvisioned', data: { userId } },
      {
        type: 'MailboxSoftDeleted',
        data: { userId, purgeAfter: new Date(softDeletedAt.getTime() + 30 * DAY_MS).toISOString() },
      },
    ];
    const metadata = {
      actor: { id: 'given' },
      tenantId,
      occurredAt: softDeletedAt.toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
    };
    const appended = await store.appendToStream(
      ledgerStreamId(tenantId),
      events.map((event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata })),
      { expectedRevision: NO_STREAM },
    );
    expect(projector.checkpoint).toBeLessThan(appended.position);

    expect(await saga.runOnce()).toMatchObject({ purged: 1, failed: 0 });
    const purges = (await ledger.events('MailboxPurged')).filter(
      (event) => (event.data as { userId: string }).userId === userId,
    );
    expect(purges).toHaveLength(1);
    projector.start();
    await projector.waitFor(purges[0].position);
    expect(ledger.app.get(MailboxRetentionQueries).list(tenantId, { limit: 10 }).items).toEqual([
      expect.objectContaining({ userId, status: 'purged', hold: false }),
    ]);
  });
});
