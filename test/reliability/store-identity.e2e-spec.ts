import { STORE_IDENTITY_FILE } from '@app/application';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { esdbTarget, withTestServer } from '../esdb/support/esdb-target';
import { startLedgerApp } from '../support/ledger-app';

const subscription = (skuId: string) => ({ skuId, name: skuId, servicePlans: ['EXCHANGE'], seats: 1 });
const listed = async (env: Record<string, string>): Promise<string[]> => {
  const ledger = await startLedgerApp(env);
  try {
    return (await ledger.as('global-admin').get('/v1/subscriptions').expect(200)).body.items.map(
      (item: { skuId: string }) => item.skuId,
    );
  } finally {
    await ledger.close();
  }
};

/**
 * The data folder records which store its read models come from. Paired with a wiped or different
 * store it drops them and rebuilds from that store, instead of skipping the new store's events
 * (its checkpoints lie past their positions) and showing the other store's data.
 */
describe('A data folder paired with another store', () => {
  it('SQLite: events.sqlite replaced by another store → the read models are rebuilt from the new one', async () => {
    // The old store holds more events than the new one, so old checkpoints lie past every new event.
    const old = await startLedgerApp();
    const dataDir = old.config.dataDir;
    try {
      const admin = old.as('global-admin');
      for (const skuId of ['E3', 'E5', 'F1']) await admin.post('/v1/subscriptions', subscription(skuId)).expect(201);
    } finally {
      await old.close();
    }
    const recorded = readFileSync(join(dataDir, STORE_IDENTITY_FILE), 'utf8');

    const other = await startLedgerApp();
    try {
      await other.as('global-admin').post('/v1/subscriptions', subscription('X9')).expect(201);
    } finally {
      await other.close();
    }
    copyFileSync(join(other.config.dataDir, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    rmSync(join(dataDir, 'events.sqlite-wal'), { force: true });
    rmSync(join(dataDir, 'events.sqlite-shm'), { force: true });

    expect(await listed({ LEDGER_DATA_DIR: dataDir })).toEqual(['X9']);
    expect(readFileSync(join(dataDir, STORE_IDENTITY_FILE), 'utf8')).not.toBe(recorded);
    // Paired now: a restart keeps the rebuilt read models.
    expect(await listed({ LEDGER_DATA_DIR: dataDir })).toEqual(['X9']);
  });

  withTestServer('EventStoreDB', () => {
    it('a fresh test server behind an old data folder → the read models are rebuilt from it', async () => {
      const first = await esdbTarget();
      const old = await startLedgerApp({ ...first.env, LEDGER_JWT_SECRET: 'store-identity-secret-0123456789' });
      const dataDir = old.config.dataDir;
      try {
        for (const skuId of ['E3', 'E5', 'F1'])
          await old.as('global-admin').post('/v1/subscriptions', subscription(skuId)).expect(201);
      } finally {
        await old.close();
        await first.stop();
      }
      const fresh = await esdbTarget();
      try {
        const env = { ...fresh.env, LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'store-identity-secret-0123456789' };
        expect(await listed(env)).toEqual([]);
        const ledger = await startLedgerApp(env);
        try {
          await ledger.as('global-admin').post('/v1/subscriptions', subscription('X9')).expect(201);
        } finally {
          await ledger.close();
        }
        expect(await listed(env)).toEqual(['X9']);
      } finally {
        await fresh.stop();
      }
    });
  });
});
