import { headPosition } from '@app/event-store';
import { Projection, READ_MODELS } from '@app/projections';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, defineCommand } from '../cli-command';
import { openLedgerFiles } from '../ledger-files';
import { Difference, compareReadModels, describeDifference } from '../read-models/compare';
import { catchUpWithProgress, openScratch } from '../read-models/scratch';

interface Checkpoint {
  name: string;
  version: number;
  position: bigint;
}

export const verifyCommand = defineCommand<{ maxDifferences: string }>(
  (command) =>
    command
      .name('verify')
      .summary('rebuild the read models into a scratch store and compare them with the live ones')
      .usage('[--max-differences 20]')
      .description(
        `Rebuilds every read model from the events into a scratch database in a temporary folder and
compares it, table by table and row by row, with the live read models of LEDGER_DATA_DIR
(checkpoints, snapshots and idempotency keys are not read models and are not compared).

The comparison is made at the live read models' own checkpoint: the scratch rebuild stops at that
store position, and the live file is read in one snapshot, so a running API does not disturb it.
Nothing live is written.

Prints each difference (table, primary key, columns) and exits 1 if there is any, 0 if none.`,
      )
      .option('--max-differences <n>', 'differences printed per table (default 20; all are counted)', '20'),
  async (values, io) => {
    const cap = Number(values.maxDifferences);
    if (!Number.isInteger(cap) || cap < 1) throw new CliUsageError('--max-differences must be a positive integer');

    const { store, readModelFile } = openLedgerFiles(io.env);
    try {
      if (!existsSync(readModelFile)) {
        io.stdout.write(
          `No live read models at ${readModelFile}: nothing to compare (run the API or "rebuild" first)\n`,
        );
        return EXIT_FAILURE;
      }
      const live = new Database(readModelFile, { readonly: true, fileMustExist: true });
      live.pragma('busy_timeout = 10000');
      try {
        // One read snapshot for the whole comparison: the live projector may go on writing meanwhile.
        live.exec('BEGIN');
        const checkpoints = new Map(
          live
            .prepare<[], Checkpoint>('SELECT name, version, position FROM projection_checkpoints')
            .safeIntegers(true)
            .all()
            .map((row) => [row.name, { ...row, version: Number(row.version) }]),
        );
        const differences: Difference[] = [];
        let total = 0;
        let rows = 0;
        let tables = 0;
        const groups = new Map<bigint, Projection[]>();
        for (const projection of READ_MODELS) {
          const checkpoint = checkpoints.get(projection.name);
          if (!checkpoint || checkpoint.version !== projection.version) {
            const message = checkpoint
              ? `live read model is version ${checkpoint.version}, this build's is ${projection.version} (the API rebuilds it at start-up)`
              : 'never built in the live read models';
            for (const table of projection.tables)
              differences.push({ table, kind: 'schema', message: `${projection.name}: ${message}` });
            total += projection.tables.length;
            continue;
          }
          groups.set(checkpoint.position, [...(groups.get(checkpoint.position) ?? []), projection]);
        }
        const head = await headPosition(store);
        for (const [position, projections] of groups) {
          io.stderr.write(
            `Rebuilding ${projections.map((p) => p.name).join(', ')} up to the live checkpoint ${position} (store head ${head})\n`,
          );
          const scratch = openScratch(store, projections, position);
          try {
            const report = await catchUpWithProgress(scratch.projector, store, io.stderr, 'verify', position);
            io.stderr.write(`Rebuilt ${report.summary}\n`);
            const comparison = compareReadModels(live, scratch.db, projections, cap);
            differences.push(...comparison.differences);
            total += comparison.total;
            rows += comparison.rows;
            tables += comparison.tables;
          } finally {
            scratch.dispose();
          }
        }
        live.exec('COMMIT');
        if (total === 0) {
          const positions = [...groups.keys()].join(', ');
          io.stdout.write(
            `Read models match the events: ${tables} tables, ${rows} rows compared at position ${positions}\n`,
          );
          return EXIT_OK;
        }
        io.stdout.write(`Read models disagree with the events: ${total} difference(s)\n`);
        for (const difference of differences) io.stdout.write(`  ${describeDifference(difference)}\n`);
        if (total > differences.length) io.stdout.write(`  ... and ${total - differences.length} more\n`);
        return EXIT_FAILURE;
      } finally {
        live.close();
      }
    } finally {
      await store.close();
    }
  },
);
