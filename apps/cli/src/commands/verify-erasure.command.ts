import { PERSONAL_FIELDS } from '@app/domain';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { EXIT_FAILURE, EXIT_OK, defineCommand } from '../cli-command';
import { openLedgerFiles } from '../ledger-files';

const FIELDS = [...new Set(Object.values(PERSONAL_FIELDS).flat())];
const HELD_IN_JSON = FIELDS.map((field) => `json_type(%c, '$.${field}') IN ('text', 'array')`).join(' OR ');

/** Read-model places that may hold a user's personal data: a query counting that user's readable rows. */
const READ_MODEL_CHECKS: { table: string; where: string; count: string }[] = [
  {
    table: 'users',
    where: 'the users read model',
    count: 'SELECT count(*) FROM users WHERE tenant_id = ? AND user_id = ?',
  },
  {
    table: 'mailboxes',
    where: 'the mailbox read model',
    count: 'SELECT count(*) FROM mailboxes WHERE tenant_id = ? AND user_id = ? AND user_principal_name IS NOT NULL',
  },
  {
    table: 'mailbox_owners',
    where: 'the mailbox owners',
    count:
      'SELECT count(*) FROM mailbox_owners WHERE tenant_id = ? AND user_id = ? AND user_principal_name IS NOT NULL',
  },
  {
    table: 'audit_user_names',
    where: "the audit trail's user names",
    count: 'SELECT count(*) FROM audit_user_names WHERE tenant_id = ? AND user_id = ?',
  },
  {
    table: 'audit_events',
    where: 'the UPN of audit entries',
    count: 'SELECT count(*) FROM audit_events WHERE tenant_id = ? AND user_id = ? AND user_principal_name IS NOT NULL',
  },
  {
    table: 'audit_events',
    where: 'audit entries',
    count: `SELECT count(*) FROM audit_events WHERE tenant_id = ? AND user_id = ? AND (${HELD_IN_JSON.replaceAll('%c', 'data')})`,
  },
  {
    table: 'retention_timeline',
    where: 'timeline entries',
    count: `SELECT count(*) FROM retention_timeline WHERE tenant_id = ? AND user_id = ? AND (${HELD_IN_JSON.replaceAll('%c', 'details')})`,
  },
];

export const verifyErasureCommand = defineCommand(
  (command) =>
    command
      .name('verify-erasure')
      .summary("prove E1: no purged user's personal data is readable in the store, read models or snapshots")
      .description(
        `Checks E1 for every purged user (every UserPurged in the event store of LEDGER_EVENT_STORE): the
user's data key is destroyed, so no stored event of that user opens; and the read models, audit
entries, timeline and snapshots of LEDGER_DATA_DIR hold none of the user's personal fields.
Prints each purged user whose personal data is still readable, with where, and exits 1; exits 0
when there is none. Nothing is written.`,
      ),
  async (_options, io) => {
    const { store, readModelFile } = openLedgerFiles(io.env);
    const findings = new Map<string, string[]>();
    const found = (tenantId: string, userId: string, where: string) =>
      findings.set(`${tenantId}/${userId}`, [...(findings.get(`${tenantId}/${userId}`) ?? []), where]);
    const purged: { tenantId: string; userId: string }[] = [];
    try {
      for await (const event of store.readAll()) {
        if (event.type === 'UserPurged' && event.streamId.startsWith('ledger-')) {
          purged.push({ tenantId: String(event.metadata.tenantId), userId: String(event.data.userId) });
        }
      }
      for (const { tenantId, userId } of purged) {
        if (await store.keys.find(tenantId, userId))
          found(tenantId, userId, "the data key is not destroyed: the user's events open");
      }
    } finally {
      await store.close();
    }
    if (existsSync(readModelFile)) {
      const db = new Database(readModelFile, { readonly: true, fileMustExist: true });
      try {
        const tables = new Set(
          db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
        );
        for (const { tenantId, userId } of purged) {
          for (const check of READ_MODEL_CHECKS.filter(({ table }) => tables.has(table))) {
            if ((db.prepare<[string, string], number>(check.count).pluck().get(tenantId, userId) ?? 0) > 0)
              found(tenantId, userId, check.where);
          }
          if (tables.has('ledger_snapshot_rows') && snapshotHolds(db, tenantId, userId))
            found(tenantId, userId, 'the ledger snapshot');
        }
      } finally {
        db.close();
      }
    }
    if (findings.size === 0) {
      io.stdout.write(`Erasure verified: ${purged.length} purged user(s), no personal data readable\n`);
      return EXIT_OK;
    }
    io.stdout.write(`Personal data still readable for ${findings.size} purged user(s):\n`);
    for (const [user, places] of findings) io.stdout.write(`  ${user}: ${places.join('; ')}\n`);
    return EXIT_FAILURE;
  },
);

/** The user's row of the tenant's snapshot has a personal field set, or a remembered answer about the user still has its body. */
function snapshotHolds(db: Database.Database, tenantId: string, userId: string): boolean {
  const row = db
    .prepare<[string, string], string>(
      "SELECT value FROM ledger_snapshot_rows WHERE stream_id = ? AND kind = 'user' AND id = ?",
    )
    .pluck()
    .get(`ledger-${tenantId}`, userId);
  const user = row
    ? (JSON.parse(row) as { userPrincipalName?: unknown; displayName?: unknown; aliases?: unknown[] })
    : undefined;
  const answers = db
    .prepare<[string, string], number>(
      `SELECT count(*) FROM ledger_snapshot_rows AS keys
       WHERE stream_id = ? AND kind = 'key' AND json_extract(keys.value, '$.body') IS NOT NULL
         AND EXISTS (SELECT 1 FROM json_each(keys.value, '$.userIds') AS users WHERE users.value = ?)`,
    )
    .pluck()
    .get(`ledger-${tenantId}`, userId);
  return (
    (answers ?? 0) > 0 ||
    (user !== undefined &&
      (user.userPrincipalName != null || user.displayName != null || (user.aliases?.length ?? 0) > 0))
  );
}
