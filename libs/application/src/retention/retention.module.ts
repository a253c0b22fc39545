import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LedgerModule } from '../ledger.module';
import { DEFAULT_RETENTION_OPTIONS, RETENTION_OPTIONS, RetentionSaga } from './retention-saga';
import { RetentionScheduler } from './retention.scheduler';

/** The retention saga on its schedule (the retention views are read models, provided with the others by LedgerModule). */
@Module({
  imports: [LedgerModule, ScheduleModule.forRoot()],
  providers: [{ provide: RETENTION_OPTIONS, useValue: DEFAULT_RETENTION_OPTIONS }, RetentionSaga, RetentionScheduler],
  exports: [RetentionSaga],
})
export class RetentionModule {}
