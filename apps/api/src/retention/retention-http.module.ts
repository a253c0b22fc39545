import { RetentionModule } from '@app/application';
import { Module } from '@nestjs/common';
import { ClockController } from '../clock/clock.controller';
import { ManualClockGuard } from '../clock/manual-clock.guard';
import { RetentionController } from './retention.controller';

/** The retention views of compliance staff, the manual clock, and (through RetentionModule) the saga on its schedule. */
@Module({
  imports: [RetentionModule],
  controllers: [RetentionController, ClockController],
  providers: [ManualClockGuard],
})
export class RetentionHttpModule {}
