import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { auditStateJson, auditStateView } from './audit-state';
import { StateCheckpoints } from './state-checkpoints';

/** The answer is the AuditStateView's JSON text, in pieces made a few milliseconds at a time. */
export class GetAuditStateQuery extends Query<string[]> {
  constructor(
    readonly tenantId: string,
    readonly at: Date,
  ) {
    super();
  }
}

/** Replays the event history itself (not a read model), as DESIGN.md asks of point-in-time views, from the nearest checkpoint. */
@QueryHandler(GetAuditStateQuery)
export class GetAuditStateHandler implements IQueryHandler<GetAuditStateQuery, string[]> {
  constructor(private readonly checkpoints: StateCheckpoints) {}

  execute({ tenantId, at }: GetAuditStateQuery): Promise<string[]> {
    const { turns } = this.checkpoints;
    return this.checkpoints.readAt(tenantId, at, async ({ state }) =>
      auditStateJson(await auditStateView(at, state, turns), turns),
    );
  }
}
