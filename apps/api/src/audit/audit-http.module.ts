import { AuditModule } from '@app/application';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The auditor's endpoints of API.md: GET /v1/audit/events and GET /v1/audit/state. */
@Module({
  imports: [AuditModule],
  controllers: [AuditController],
})
export class AuditHttpModule {}
