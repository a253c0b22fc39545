import { RetentionModule } from '@app/application';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ClockController } from '../clock/clock.controller';
import { ManualClockMiddleware } from '../clock/manual-clock.middleware';
import { RetentionController } from './retention.controller';

/** The retention views of compliance staff, the manual clock, and (through RetentionModule) the saga on its schedule. */
@Module({
  imports: [RetentionModule],
  controllers: [RetentionController, ClockController],
})
export class RetentionHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ManualClockMiddleware).forRoutes(ClockController);
  }
}
