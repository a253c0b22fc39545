import { EVENT_STORE, EventStore } from '@app/event-store';
import { AuditQueries, ReadModelDatabase } from '@app/projections';
import { Module } from '@nestjs/common';
import { LedgerModule, READ_MODEL_DATABASE } from '../ledger.module';
import { ExportAuditEventsHandler, GetAuditStateHandler, ListAuditEventsHandler } from './audit.queries';
import { StateCheckpoints } from './state-checkpoints';

/** The audit queries (A2): the audit trail read model, its export, and point-in-time replay. */
@Module({
  imports: [LedgerModule],
  providers: [
    { provide: AuditQueries, inject: [READ_MODEL_DATABASE], useFactory: (db: ReadModelDatabase) => new AuditQueries(db) },
    { provide: StateCheckpoints, inject: [EVENT_STORE], useFactory: (store: EventStore) => new StateCheckpoints(store) },
    ListAuditEventsHandler,
    ExportAuditEventsHandler,
    GetAuditStateHandler,
  ],
})
export class AuditModule {}
