import { AuditEntry, AuditFilter, AuditQueries, Page } from '@app/projections';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditExportFormat, auditExport } from './audit-export';
import { AuditStateView, auditStateView } from './audit-state';
import { StateCheckpoints } from './state-checkpoints';

export class ListAuditEventsQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly tenantId: string,
    readonly filter: AuditFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** Answers a lazy sequence of text pieces: nothing is read until the caller pulls the next piece. */
export class ExportAuditEventsQuery extends Query<Iterable<string>> {
  constructor(
    readonly tenantId: string,
    readonly filter: AuditFilter,
    readonly format: AuditExportFormat,
  ) {
    super();
  }
}

export class GetAuditStateQuery extends Query<AuditStateView> {
  constructor(
    readonly tenantId: string,
    readonly at: Date,
  ) {
    super();
  }
}

@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, Page<AuditEntry>> {
  constructor(private readonly audit: AuditQueries) {}

  async execute({ tenantId, filter, limit, cursor }: ListAuditEventsQuery): Promise<Page<AuditEntry>> {
    return this.audit.page(tenantId, filter, limit, cursor);
  }
}

@QueryHandler(ExportAuditEventsQuery)
export class ExportAuditEventsHandler implements IQueryHandler<ExportAuditEventsQuery, Iterable<string>> {
  constructor(private readonly audit: AuditQueries) {}

  async execute({ tenantId, filter, format }: ExportAuditEventsQuery): Promise<Iterable<string>> {
    return auditExport(this.audit.chunks(tenantId, filter), format);
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
