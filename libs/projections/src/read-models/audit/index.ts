import type { ReadModel } from '../../read-model';
import { ExportAuditEventsHandler, ListAuditEventsHandler } from './audit.handlers';
import { auditProjection } from './audit.projection';
import { AuditQueries } from './audit.queries';
import { AuditPageDoc } from './audit.view';

export * from './audit-export';
export * from './audit.handlers';
export * from './audit.projection';
export * from './audit.queries';
export * from './audit.view';

export const auditReadModel = {
  projection: auditProjection,
  queries: [AuditQueries],
  handlers: [ListAuditEventsHandler, ExportAuditEventsHandler],
  views: [AuditPageDoc],
} satisfies ReadModel;
