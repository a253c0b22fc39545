import { Module } from '@nestjs/common';
import { CryptoShreddingEventStore } from '../erasure/crypto-shredding-event-store';
import { LedgerModule } from '../ledger.module';
import { GetAuditStateHandler } from './audit-state.query';
import { StateCheckpoints } from './state-checkpoints';

/** Point-in-time replay (A2); the audit trail itself is a read model, provided with the others by LedgerModule. */
@Module({
  imports: [LedgerModule],
  providers: [
    {
      provide: StateCheckpoints,
      inject: [CryptoShreddingEventStore],
      useFactory: (store: CryptoShreddingEventStore) => {
        const checkpoints = new StateCheckpoints(store);
        store.onErasure((tenantId) => checkpoints.forget(tenantId));
        return checkpoints;
      },
    },
    GetAuditStateHandler,
  ],
})
export class AuditModule {}
