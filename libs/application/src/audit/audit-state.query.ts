import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditStateView, auditStateView } from './audit-state';
import { StateCheckpoints } from './state-checkpoints';

export class GetAuditStateQuery extends Query<AuditStateView> {
  constructor(
    readonly tenantId: string,
    readonly at: Date,
  ) {
    super();
  }
}

/** Replays the event history itself (not a read model), as DESIGN.md asks of point-in-time views, from the nearest checkpoint. */
@QueryHandler(GetAuditStateQuery)
export class GetAuditStateHandler implements IQueryHandler<GetAuditStateQuery, AuditStateView> {
  constructor(private readonly checkpoints: StateCheckpoints) {}

  async execute({ tenantId, at }: GetAuditStateQuery): Promise<AuditStateView> {
    const { state } = await this.checkpoints.foldAt(tenantId, at);
    return auditStateView(at, state);
  }
}
