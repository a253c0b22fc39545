import { EVENT_STORE, EventStore } from '@app/event-store';
import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger.module';
import { GetAuditStateHandler } from './audit-state.query';
import { StateCheckpoints } from './state-checkpoints';

/** Point-in-time replay (A2); the audit trail itself is a read model, provided with the others by LedgerModule. */
@Module({
  imports: [LedgerModule],
  providers: [
    { provide: StateCheckpoints, inject: [EVENT_STORE], useFactory: (store: EventStore) => new StateCheckpoints(store) },
    GetAuditStateHandler,
  ],
})
export class AuditModule {}
