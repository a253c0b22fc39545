import { MailboxRetentionQueries, ReadModelDatabase, RetentionTimelineQueries } from '@app/projections';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LedgerModule, READ_MODEL_DATABASE } from '../ledger.module';
import { DEFAULT_RETENTION_OPTIONS, RETENTION_OPTIONS, RetentionSaga } from './retention-saga';
import { GetRetentionTimelineHandler, ListMailboxesHandler } from './retention.queries';
import { RetentionScheduler } from './retention.scheduler';

/** The retention saga on its schedule, and the retention views (mailbox list, per-user timeline). */
@Module({
  imports: [LedgerModule, ScheduleModule.forRoot()],
  providers: [
    { provide: RETENTION_OPTIONS, useValue: DEFAULT_RETENTION_OPTIONS },
    {
      provide: MailboxRetentionQueries,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: ReadModelDatabase) => new MailboxRetentionQueries(db),
    },
    {
      provide: RetentionTimelineQueries,
      inject: [READ_MODEL_DATABASE],
      useFactory: (db: ReadModelDatabase) => new RetentionTimelineQueries(db),
    },
    RetentionSaga,
    RetentionScheduler,
    ListMailboxesHandler,
    GetRetentionTimelineHandler,
  ],
  exports: [RetentionSaga],
})
export class RetentionModule {}
