import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';

export const IDEMPOTENCY_DB_FILE = 'idempotency.sqlite';

/** What was answered the first time, replayed for a retry. */
export interface StoredResponse {
  statusCode: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Reservation =
  | { outcome: 'reserved'; owner: string }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'mismatch' }
  | { outcome: 'inFlight' };

export interface IdempotencyStoreOptions {
  /** A reservation older than this is taken as abandoned (its process died mid-request). */
  leaseMs?: number;
  /** Completed keys are forgotten after this long. */
  retentionMs?: number;
  now?: () => number;
}

interface Row {
  fingerprint: string;
  state: 'pending' | 'completed';
  owner: string;
  updated_at: number;
  status_code: number | null;
  response: string | null;
}

/**
 * Idempotency keys in `<dataDir>/idempotency.sqlite`. Every reservation is one BEGIN IMMEDIATE
 * transaction, so two requests with the same key (in this process or in another API process on the
 * same data folder) cannot both win; WAL + busy_timeout let processes share the file.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly leaseMs: number;
  private readonly retentionMs: number;
  private readonly now: () => number;
  private readonly reserveTx: (tenant: string, key: string, fingerprint: string) => Reservation;
  private readonly statements;

  constructor(dataDir: string, options: IdempotencyStoreOptions = {}) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.retentionMs = options.retentionMs ?? 24 * 3_600_000;
    this.now = options.now ?? Date.now;
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, IDEMPOTENCY_DB_FILE), { timeout: 5_000 });
    this.db.pragma('journal_mode = WAL');
    // A remembered answer must survive a power cut as much as the events it stands for.
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        tenant_id    TEXT    NOT NULL,
        key          TEXT    NOT NULL,
        fingerprint  TEXT    NOT NULL,
        state        TEXT    NOT NULL CHECK (state IN ('pending', 'completed')),
        owner        TEXT    NOT NULL,
        updated_at   INTEGER NOT NULL,
        status_code  INTEGER,
        response     TEXT,
        PRIMARY KEY (tenant_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS idempotency_keys_by_age ON idempotency_keys (state, updated_at);
    `);
    this.statements = {
      select: this.db.prepare<[string, string], Row>(
        'SELECT fingerprint, state, owner, updated_at, status_code, response FROM idempotency_keys WHERE tenant_id = ? AND key = ?',
      ),
      upsertPending: this.db.prepare(
        `INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state, owner, updated_at)
         VALUES (@tenant, @key, @fingerprint, 'pending', @owner, @now)
         ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, state = 'pending',
           owner = excluded.owner, updated_at = excluded.updated_at, status_code = NULL, response = NULL`,
      ),
      complete: this.db.prepare(
        `UPDATE idempotency_keys SET state = 'completed', updated_at = @now, status_code = @statusCode, response = @response
         WHERE tenant_id = @tenant AND key = @key AND owner = @owner AND state = 'pending'`,
      ),
      release: this.db.prepare(
        "DELETE FROM idempotency_keys WHERE tenant_id = ? AND key = ? AND owner = ? AND state = 'pending'",
      ),
      purge: this.db.prepare(
        "DELETE FROM idempotency_keys WHERE (state = 'completed' AND updated_at < ?) OR (state = 'pending' AND updated_at < ?)",
      ),
    };
    this.reserveTx = this.db.transaction((tenant: string, key: string, fingerprint: string): Reservation => {
      const now = this.now();
      const row = this.statements.select.get(tenant, key);
      const expired =
        row !== undefined &&
        ((row.state === 'completed' && row.updated_at < now - this.retentionMs) ||
          (row.state === 'pending' && row.updated_at < now - this.leaseMs));
      if (row !== undefined && !expired) {
        if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
        if (row.state === 'pending') return { outcome: 'inFlight' };
        const stored = JSON.parse(row.response ?? '{}') as { body?: unknown; headers?: Record<string, string> };
        return { outcome: 'replay', response: { statusCode: row.status_code ?? 200, body: stored.body ?? null, headers: stored.headers ?? {} } };
      }
      const owner = randomUUID();
      this.statements.upsertPending.run({ tenant, key, fingerprint, owner, now });
      return { outcome: 'reserved', owner };
    }).immediate;
  }

  /** Claims the key for this request, or says why not (replay, other request, still running). */
  reserve(tenantId: string, key: string, fingerprint: string): Reservation {
    return this.reserveTx(tenantId, key, fingerprint);
  }

  /** Remembers the successful answer; a no-op if the reservation was lost (lease expired and taken over). */
  complete(tenantId: string, key: string, owner: string, response: StoredResponse): boolean {
    const serialized = JSON.stringify({ body: response.body ?? null, headers: response.headers });
    return this.statements.complete.run({ tenant: tenantId, key, owner, now: this.now(), statusCode: response.statusCode, response: serialized }).changes === 1;
  }

  /** Frees the key after a failed request so that a retry runs again. */
  release(tenantId: string, key: string, owner: string): void {
    this.statements.release.run(tenantId, key, owner);
  }

  /** Deletes expired keys; returns how many. */
  purgeExpired(): number {
    const now = this.now();
    return this.statements.purge.run(now - this.retentionMs, now - this.leaseMs).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
