import { LedgerModule } from '@app/application';
import { Module } from '@nestjs/common';
import { LicensesController } from './licenses.controller';
import { SubscriptionsController } from './subscriptions.controller';
import { UsersController } from './users.controller';

/** The admin endpoints of API.md ("Commands" and the subscription and user queries). */
@Module({
  imports: [LedgerModule],
  controllers: [SubscriptionsController, UsersController, LicensesController],
})
export class LedgerHttpModule {}
