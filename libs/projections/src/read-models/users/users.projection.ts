import { Projection } from '../../projection';

/** Who holds what: users, their aliases and their licenses with when and by whom they were assigned. */
export const usersProjection: Projection = {
  name: 'users',
  // 2: a purged user is forgotten (U4: everything but SharePoint documents is gone, the UPN is free).
  version: 2,
  handles: [
    'UserCreated',
    'UserUpdated',
    'AliasAdded',
    'AliasesReleased',
    'UserDeleted',
    'UserPurged',
    'LicenseAssigned',
    'LicenseUpdated',
    'LicenseRemoved',
  ],
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
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS users_by_seq ON users (tenant_id, seq);
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
  bind(db) {
    const insertUser = db.prepare(
      `INSERT INTO users (tenant_id, user_id, seq, user_principal_name, display_name, usage_location, status, aliases)
       VALUES (?, ?, ?, ?, ?, ?, 'active', ?)`,
    );
    const updateUser = db.prepare(
      `UPDATE users SET display_name = coalesce(?, display_name), usage_location = coalesce(?, usage_location)
       WHERE tenant_id = ? AND user_id = ?`,
    );
    const selectAliases = db.prepare<[string, string], { aliases: string }>(
      'SELECT aliases FROM users WHERE tenant_id = ? AND user_id = ?',
    );
    const setAliases = db.prepare('UPDATE users SET aliases = ? WHERE tenant_id = ? AND user_id = ?');
    const setStatus = db.prepare('UPDATE users SET status = ? WHERE tenant_id = ? AND user_id = ?');
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

    return (event) => {
      const { tenantId: tenant, occurredAt, actor } = event.metadata;
      switch (event.type) {
        case 'UserCreated': {
          const { userId, userPrincipalName, displayName, usageLocation, aliases } = event.data;
          insertUser.run(tenant, userId, event.position, userPrincipalName, displayName, usageLocation, JSON.stringify(aliases));
          return;
        }
        case 'UserUpdated':
          updateUser.run(event.data.displayName ?? null, event.data.usageLocation ?? null, tenant, event.data.userId);
          return;
        case 'AliasAdded':
          setAliases.run(JSON.stringify([...aliasesOf(tenant, event.data.userId), event.data.alias]), tenant, event.data.userId);
          return;
        case 'AliasesReleased': {
          const released = new Set(event.data.aliases.map((alias) => alias.toLowerCase()));
          const kept = aliasesOf(tenant, event.data.userId).filter((alias) => !released.has(alias.toLowerCase()));
          setAliases.run(JSON.stringify(kept), tenant, event.data.userId);
          return;
        }
        case 'UserDeleted':
          setStatus.run('deleted', tenant, event.data.userId);
          return;
        case 'UserPurged':
          forget.run(tenant, event.data.userId);
          return;
        case 'LicenseAssigned': {
          const { userId, skuId, disabledPlans } = event.data;
          insertLicense.run(tenant, userId, skuId, JSON.stringify(disabledPlans), occurredAt, actor.id);
          return;
        }
        case 'LicenseUpdated': {
          const { userId, skuId, disabledPlans } = event.data;
          updateLicense.run(JSON.stringify(disabledPlans), tenant, userId, skuId);
          return;
        }
        case 'LicenseRemoved':
          deleteLicense.run(tenant, event.data.userId, event.data.skuId);
          return;
      }
    };
  },
};
