/**
 * `--mode=rebuild`: the CLI's rebuild command on LEDGER_DATA_DIR=`dir` (scratch catch-up and swap into
 * the live file), timed whole. `--mode=raw`: SELECT and JSON.parse of the same events, the anchor.
 * `--mode=open`: the events as the rebuild reads them, through the crypto-shredding store (personal fields opened).
 */
import { SqliteEventStore, headPosition } from '@app/event-store';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { rebuildCommand } from '../../apps/cli/src/commands/rebuild.command';
import { openLedgerFiles } from '../../apps/cli/src/ledger-files';
import { peakRssMb, probeArgs, report } from '../support/probe';

async function main(): Promise<void> {
  const { mode, dir } = probeArgs();
  const file = join(dir, 'events.sqlite');
  const store = SqliteEventStore.open(file);
  const events = Number(await headPosition(store));
  await store.close();
  const started = performance.now();
  if (mode === 'raw') {
    const db = new Database(file, { readonly: true });
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').safeIntegers(true).iterate() as Iterable<{
      data: string;
      metadata: string;
    }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
    }
    db.close();
  } else if (mode === 'open') {
    // The rebuild's own read: SELECT, JSON.parse and the opening of the sealed personal fields (E1).
    const { store: sealed } = openLedgerFiles({ ...process.env, LEDGER_DATA_DIR: dir });
    for await (const event of sealed.readAll()) void event;
    await sealed.close();
  } else {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await rebuildCommand.run([], {
      stdout: sink,
      stderr: sink,
      env: { ...process.env, LEDGER_DATA_DIR: dir },
    });
    if (code !== 0) throw new Error(`rebuild exited with ${code}`);
  }
  report({ perSecond: events / ((performance.now() - started) / 1000), peakRssMb: peakRssMb() });
}

void main();
