import { PERSONAL_FIELDS } from '@app/domain';
import type { Database, Statement } from 'better-sqlite3';

/** Every field name that is personal in some event type (E1). */
const FIELD_NAMES = [...new Set(Object.values(PERSONAL_FIELDS).flat())];

/**
 * On UserPurged (E1, E2): one user's rows keep their JSON column, with every personal field in it set to
 * null and `erased: true`, as the events read back after the purge show them. Run as `.run(tenantId, userId)`.
 */
export function erasePersonalFields(db: Database, table: string, column: string): Statement<[string, string]> {
  const nulls = FIELD_NAMES.map((field) => `'$.${field}', NULL`).join(', ');
  const present = FIELD_NAMES.map((field) => `json_type(${column}, '$.${field}') IS NOT NULL`).join(' OR ');
  return db.prepare(
    `UPDATE ${table} SET ${column} = json_set(json_replace(${column}, ${nulls}), '$.erased', json('true'))
     WHERE tenant_id = ? AND user_id = ? AND (${present})`,
  );
}
