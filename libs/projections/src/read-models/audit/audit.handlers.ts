import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Page } from '../../paging';
import { AuditExportFormat, auditExport } from './audit-export';
import { AuditEntry, AuditFilter, AuditQueries } from './audit.queries';

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
