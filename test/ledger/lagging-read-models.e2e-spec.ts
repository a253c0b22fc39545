import { Projector } from '@app/projections';
import { startLedgerApp } from '../support/ledger-app';

/** A command whose events are stored must never fail afterwards: a retry would apply it twice. */
describe('When the read models lag behind', () => {
  it('a stored command still answers with its position, and a retry with the same Idempotency-Key replays it', async () => {
    const ledger = await startLedgerApp({}, { readModelWaitMs: 200 });
    try {
      const admin = ledger.as('global-admin');
      await admin
        .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })
        .expect(201);
      const projector = ledger.app.get(Projector);
      await projector.stop();

      const first = await admin
        .post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 5 })
        .set('Idempotency-Key', 'buy-5')
        .expect(200);
      const position = BigInt(first.headers['x-ledger-position']);
      expect(position).toBeGreaterThan(projector.checkpoint);

      projector.start();
      await projector.waitFor(position);
      const retry = await admin
        .post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 5 })
        .set('Idempotency-Key', 'buy-5')
        .expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect((await ledger.events('SeatsPurchased')).length).toBe(1);
      expect((await admin.get('/v1/subscriptions/E3').expect(200)).body.valid).toBe(6);
    } finally {
      await ledger.close();
    }
  });
});
