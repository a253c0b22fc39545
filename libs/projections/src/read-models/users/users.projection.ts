import { defineProjection } from '../../projection';
import { searchKey } from './user-search';

/** Who holds what: users, their aliases and their licenses with when and by whom they were assigned. */
export const usersProjection = defineProjection({
  name: 'users',
  // 2: a purged user is forgotten (U4: everything but SharePoint documents is gone, the UPN is free).
  // 3: createdAt, deletedAt and purgeAfter (U4, U5, H2) and the legal hold (H1).
  // 4: lower-cased UPN and display name, indexed, for the UPN lookup, the prefix search and orderBy.
  version: 4,
  tables: ['users', 'user_licenses'],
  schema: `
    CREATE TABLE IF NOT EXISTS users (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      user_principal_name TEXT NOT NULL,
      display_name TEXT NOT NULL,
      usage_location TEXT,
      status TEXT NOT NULL,
      aliases TEXT NOT NULL,
      created_at TEXT NOT NULL,
      deleted_at TEXT,
      purge_after TEXT,
      hold_since TEXT,
      hold_by_id TEXT,
      hold_by_name TEXT,
      hold_reason TEXT,
      upn_key TEXT NOT NULL,
      name_key TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS users_by_seq ON users (tenant_id, seq);
    CREATE INDEX IF NOT EXISTS users_by_upn ON users (tenant_id, upn_key, seq);
    CREATE INDEX IF NOT EXISTS users_by_name ON users (tenant_id, name_key, seq);
    CREATE INDEX IF NOT EXISTS users_held ON users (tenant_id, seq) WHERE hold_since IS NOT NULL;
    CREATE TABLE IF NOT EXISTS user_licenses (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      sku_id TEXT NOT NULL,
      disabled_plans TEXT NOT NULL,
      assigned_at TEXT NOT NULL,
      assigned_by TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id, sku_id)
    );
    CREATE INDEX IF NOT EXISTS user_licenses_by_sku ON user_licenses (tenant_id, sku_id);`,
  prepare(db) {
    const insertUser = db.prepare(
      `INSERT INTO users (tenant_id, user_id, seq, user_principal_name, display_name, usage_location, status, aliases, created_at, upn_key, name_key)
       VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
    );
    const updateUser = db.prepare(
      `UPDATE users SET display_name = coalesce(?, display_name), name_key = coalesce(?, name_key), usage_location = coalesce(?, usage_location)
       WHERE tenant_id = ? AND user_id = ?`,
    );
    const selectAliases = db.prepare<[string, string], { aliases: string }>(
      'SELECT aliases FROM users WHERE tenant_id = ? AND user_id = ?',
    );
    const setAliases = db.prepare('UPDATE users SET aliases = ? WHERE tenant_id = ? AND user_id = ?');
    const setDeleted = db.prepare(
      `UPDATE users SET status = 'deleted', deleted_at = ?, purge_after = ? WHERE tenant_id = ? AND user_id = ?`,
    );
    const setRestored = db.prepare(
      `UPDATE users SET status = 'active', deleted_at = NULL, purge_after = NULL WHERE tenant_id = ? AND user_id = ?`,
    );
    const setHold = db.prepare(
      'UPDATE users SET hold_since = ?, hold_by_id = ?, hold_by_name = ?, hold_reason = ? WHERE tenant_id = ? AND user_id = ?',
    );
    // H2: a deleted user's grace period that ended under the hold starts again at the release.
    const reschedule = db.prepare(
      `UPDATE users SET purge_after = ? WHERE tenant_id = ? AND user_id = ? AND status = 'deleted'`,
    );
    const forget = db.prepare('DELETE FROM users WHERE tenant_id = ? AND user_id = ?');
    const insertLicense = db.prepare(
      `INSERT INTO user_licenses (tenant_id, user_id, sku_id, disabled_plans, assigned_at, assigned_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const updateLicense = db.prepare(
      'UPDATE user_licenses SET disabled_plans = ? WHERE tenant_id = ? AND user_id = ? AND sku_id = ?',
    );
    const deleteLicense = db.prepare('DELETE FROM user_licenses WHERE tenant_id = ? AND user_id = ? AND sku_id = ?');

    const aliasesOf = (tenant: string, userId: string): string[] =>
      JSON.parse(selectAliases.get(tenant, userId)?.aliases ?? '[]') as string[];

    return {
      insertUser,
      updateUser,
      setAliases,
      setDeleted,
      setRestored,
      setHold,
      reschedule,
      forget,
      insertLicense,
      updateLicense,
      deleteLicense,
      aliasesOf,
    };
  },
  ignores: ['subscription', 'mailbox', 'alerting'],
  on: {
    // Read back erased, the user was purged since: the row would be forgotten at its UserPurged anyway.
    UserCreated: ({ insertUser }, { metadata, data, position }) =>
      // A UserCreated read back after its user's purge (E1) has nothing to show: the purged user has no row.
      data.erased || data.userPrincipalName === null || data.displayName === null
        ? undefined
        : insertUser.run(
            metadata.tenantId,
            data.userId,
            position,
            data.userPrincipalName,
            data.displayName,
            data.usageLocation,
            JSON.stringify(data.aliases),
            metadata.occurredAt,
            searchKey(data.userPrincipalName),
            searchKey(data.displayName),
          ),
    UserUpdated: ({ updateUser }, { metadata, data }) =>
      updateUser.run(
        data.displayName ?? null,
        data.displayName == null ? null : searchKey(data.displayName),
        data.usageLocation ?? null,
        metadata.tenantId,
        data.userId,
      ),
    AliasAdded: ({ setAliases, aliasesOf }, { metadata: { tenantId }, data }) =>
      setAliases.run(JSON.stringify([...aliasesOf(tenantId, data.userId), data.alias]), tenantId, data.userId),
    AliasesReleased: ({ setAliases, aliasesOf }, { metadata: { tenantId }, data }) => {
      // Read back erased, the user's row is gone (purged) or never had them: a rebuild skips it.
      if (data.aliases === null) return;
      const released = new Set(data.aliases.map((alias) => alias.toLowerCase()));
      const kept = aliasesOf(tenantId, data.userId).filter((alias) => !released.has(alias.toLowerCase()));
      setAliases.run(JSON.stringify(kept), tenantId, data.userId);
    },
    UserDeleted: ({ setDeleted }, { metadata, data }) =>
      setDeleted.run(metadata.occurredAt, data.purgeAfter, metadata.tenantId, data.userId),
    UserRestored: ({ setRestored }, { metadata, data }) => setRestored.run(metadata.tenantId, data.userId),
    LegalHoldPlaced: ({ setHold }, { metadata, data }) =>
      setHold.run(
        metadata.occurredAt,
        metadata.actor.id,
        metadata.actor.name ?? null,
        data.reason,
        metadata.tenantId,
        data.userId,
      ),
    LegalHoldReleased: ({ setHold, reschedule }, { metadata, data }) => {
      setHold.run(null, null, null, null, metadata.tenantId, data.userId);
      if (data.userPurgeAfter !== null) reschedule.run(data.userPurgeAfter, metadata.tenantId, data.userId);
    },
    UserPurged: ({ forget }, { metadata, data }) => forget.run(metadata.tenantId, data.userId),
    LicenseAssigned: ({ insertLicense }, { metadata, data }) =>
      insertLicense.run(
        metadata.tenantId,
        data.userId,
        data.skuId,
        JSON.stringify(data.disabledPlans),
        metadata.occurredAt,
        metadata.actor.id,
      ),
    LicenseUpdated: ({ updateLicense }, { metadata, data }) =>
      updateLicense.run(JSON.stringify(data.disabledPlans), metadata.tenantId, data.userId, data.skuId),
    LicenseRemoved: ({ deleteLicense }, { metadata, data }) =>
      deleteLicense.run(metadata.tenantId, data.userId, data.skuId),
  },
});
