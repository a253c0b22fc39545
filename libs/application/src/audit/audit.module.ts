import { Module } from '@nestjs/common';
import { LEDGER_CONFIG, LedgerConfig } from '../config';
import { CryptoShreddingEventStore } from '../erasure/crypto-shredding-event-store';
import { LedgerModule } from '../ledger.module';
import { GetAuditStateHandler } from './audit-state.query';
import { AuditStateWorker } from './audit-state-worker';

/** Point-in-time replay (A2), in a worker thread; the audit trail itself is a read model, provided with the others by LedgerModule. */
@Module({
  imports: [LedgerModule],
  providers: [
    {
      provide: AuditStateWorker,
      inject: [LEDGER_CONFIG, CryptoShreddingEventStore],
      useFactory: (config: LedgerConfig, store: CryptoShreddingEventStore) => {
        const worker = new AuditStateWorker(config);
        store.onErasure((tenantId, userId) => worker.forget(tenantId, userId));
        return worker;
      },
    },
    GetAuditStateHandler,
  ],
})
export class AuditModule {}
