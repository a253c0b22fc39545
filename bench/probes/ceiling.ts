/** The raw better-sqlite3 ceiling: per command, read the stream head and insert one event; `perTx` commands per fsync'd transaction (WAL, synchronous=FULL). */
import { SqliteEventStore } from '@app/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { probeArgs, report } from '../support/probe';

async function main(): Promise<void> {
  const { perTx, seconds } = probeArgs();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-ceiling-'));
  const file = join(dir, 'events.sqlite');
  await SqliteEventStore.open(file).close(); // the store's own schema
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const head = db.prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').pluck();
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const metadata = JSON.stringify({
    tenantId: 'bench',
    actor: { id: 'bench' },
    occurredAt: new Date().toISOString(),
    correlationId: 'c',
    causationId: 'c',
  });
  const commands = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      const revision = ((head.get('ledger-bench') as number | undefined) ?? -1) + 1;
      const userId = randomUUID();
      insert.run(
        'ledger-bench',
        revision,
        randomUUID(),
        'UserCreated',
        JSON.stringify({
          userId,
          userPrincipalName: `${userId}@b.test`,
          displayName: 'U',
          usageLocation: 'US',
          aliases: [],
        }),
        metadata,
        Date.now(),
      );
    }
  });
  const deadline = performance.now() + Number(seconds) * 1000;
  const started = performance.now();
  let done = 0;
  while (performance.now() < deadline) {
    commands.immediate(Number(perTx));
    done += Number(perTx);
  }
  report({ perSecond: done / ((performance.now() - started) / 1000) });
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
