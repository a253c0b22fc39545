import { ReadModelDatabase } from '../../database';

export interface TimelineEntry {
  at: string;
  type: string;
  actor: { id: string; name: string | null };
  details: Record<string, unknown>;
}

interface EntryRow {
  at: string;
  type: string;
  actor_id: string;
  actor_name: string | null;
  details: string;
}

export class RetentionTimelineQueries {
  private readonly entries;

  constructor(db: ReadModelDatabase) {
    this.entries = db.prepare<[string, string], EntryRow>(
      `SELECT at, type, actor_id, actor_name, details FROM retention_timeline
       WHERE tenant_id = ? AND user_id = ? ORDER BY position, sub`,
    );
  }

  /** The user's lifecycle in store order; undefined when the tenant never had that user. */
  entriesOf(tenantId: string, userId: string): TimelineEntry[] | undefined {
    const rows = this.entries.all(tenantId, userId);
    if (rows.length === 0) return undefined;
    return rows.map(toTimelineEntry);
  }
}

export function toTimelineEntry(row: EntryRow): TimelineEntry {
  return {
    at: row.at,
    type: row.type,
    actor: { id: row.actor_id, name: row.actor_name },
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}
