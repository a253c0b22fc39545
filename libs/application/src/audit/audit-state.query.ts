import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditStateAnswer, AuditStateWorker } from './audit-state-worker';

/** The answer is the AuditStateView's JSON text, made in the point-in-time worker thread. */
export class GetAuditStateQuery extends Query<AuditStateAnswer> {
  constructor(
    readonly tenantId: string,
    readonly at: Date,
  ) {
    super();
  }
}

/** Replays the event history itself (not a read model), as DESIGN.md asks of point-in-time views, from the nearest checkpoint. */
@QueryHandler(GetAuditStateQuery)
export class GetAuditStateHandler implements IQueryHandler<GetAuditStateQuery, AuditStateAnswer> {
  constructor(private readonly worker: AuditStateWorker) {}

  execute({ tenantId, at }: GetAuditStateQuery): Promise<AuditStateAnswer> {
    return this.worker.answer(tenantId, at);
  }
}
