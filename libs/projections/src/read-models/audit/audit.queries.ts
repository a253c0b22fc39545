import { LedgerEventType } from '@app/domain';
import { ReadModelDatabase } from '../../database';
import { AuditLicense, isLicenseChange } from './audit.projection';
import { Page, afterCursor, pageOf } from '../../paging';

export interface AuditActor {
  id: string;
  name: string | null;
}

/** One audit entry of API.md: who changed what, when, in which correlation. */
export interface AuditEntry {
  position: number;
  eventId: string;
  type: LedgerEventType;
  occurredAt: string;
  actor: AuditActor;
  userId?: string;
  /** E3: the UPN of the user the entry is about, as it was then (present with userId). */
  userPrincipalName?: string | null;
  skuId?: string;
  /** E3: for a license change, the user's license of that SKU before and after it. */
  before?: AuditLicense | null;
  after?: AuditLicense | null;
  data: Record<string, unknown>;
  correlationId: string;
}

/** Every field narrows; `from` and `to` are inclusive bounds on occurredAt (ISO 8601 UTC). */
export interface AuditFilter {
  /** A userId, or a UPN (any case: it contains '@'), as the entries named the user then. */
  userId?: string;
  skuId?: string;
  /** Actor id. */
  actor?: string;
  types?: readonly string[];
  from?: string;
  to?: string;
}

export interface AuditRow {
  position: number;
  event_id: string;
  type: LedgerEventType;
  occurred_at: string;
  actor_id: string;
  actor_name: string | null;
  user_id: string | null;
  sku_id: string | null;
  data: string;
  correlation_id: string;
  user_principal_name: string | null;
  before: string | null;
  after: string | null;
}

type Params = Record<string, string | number>;

export const AUDIT_EXPORT_CHUNK = 1000;

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    occurredAt: row.occurred_at,
    actor: { id: row.actor_id, name: row.actor_name },
    ...(row.user_id !== null ? { userId: row.user_id, userPrincipalName: row.user_principal_name } : {}),
    ...(row.sku_id !== null ? { skuId: row.sku_id } : {}),
    ...(isLicenseChange(row.type) ? { before: parseLicense(row.before), after: parseLicense(row.after) } : {}),
    data: JSON.parse(row.data) as Record<string, unknown>,
    correlationId: row.correlation_id,
  };
}

function parseLicense(json: string | null): AuditLicense | null {
  return json === null ? null : (JSON.parse(json) as AuditLicense | null);
}

/**
 * Reads the audit trail in store order. The SQL names only the filters given, so SQLite picks the
 * index of the most selective one (a "col = @x OR @x IS NULL" statement would scan the tenant);
 * one statement per filter combination, prepared once.
 */
export class AuditQueries {
  private readonly statements = new Map<string, ReturnType<ReadModelDatabase['prepare']>>();

  constructor(private readonly db: ReadModelDatabase) {}

  page(tenantId: string, filter: AuditFilter, limit: number, cursor?: string): Page<AuditEntry> {
    return pageOf(
      this.rows(tenantId, filter, afterCursor(cursor), limit + 1),
      limit,
      (row) => row.position,
      toAuditEntry,
    );
  }

  /**
   * Every match, a chunk at a time. Each chunk is its own short read that is finished before it is
   * yielded, so a slow consumer neither holds the connection (the projector shares it) nor a read
   * snapshot; the trail is append-only, so resuming after the last position misses nothing.
   */
  *chunks(tenantId: string, filter: AuditFilter, chunkSize = AUDIT_EXPORT_CHUNK): Generator<AuditEntry[]> {
    let after = -1;
    for (;;) {
      const chunk = this.rows(tenantId, filter, after, chunkSize).map(toAuditEntry);
      if (chunk.length > 0) yield chunk;
      if (chunk.length < chunkSize) return;
      after = chunk[chunk.length - 1].position;
    }
  }

  private rows(tenantId: string, filter: AuditFilter, after: number, limit: number): AuditRow[] {
    const conditions = ['tenant_id = @tenant', 'position > @after'];
    const params: Params = { tenant: tenantId, after, limit };
    const narrow = (condition: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(condition);
      params[name] = value;
    };
    const byName = filter.userId?.includes('@') ?? false;
    narrow(byName ? 'user_principal_name = @user COLLATE NOCASE' : 'user_id = @user', 'user', filter.userId);
    narrow('sku_id = @sku', 'sku', filter.skuId);
    narrow('actor_id = @actor', 'actor', filter.actor);
    narrow('occurred_at >= @from', 'from', filter.from);
    narrow('occurred_at <= @to', 'to', filter.to);
    if (filter.types !== undefined && filter.types.length > 0) {
      conditions.push(`type IN (${filter.types.map((_, i) => `@type${i}`).join(', ')})`);
      filter.types.forEach((type, i) => (params[`type${i}`] = type));
    }
    const sql = `SELECT position, event_id, type, occurred_at, actor_id, actor_name, user_id, sku_id, data, correlation_id,
        user_principal_name, before, after
      FROM audit_events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT @limit`;
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    const rows: AuditRow[] = [];
    for (const row of statement.iterate(params)) rows.push(row as AuditRow);
    return rows;
  }
}
