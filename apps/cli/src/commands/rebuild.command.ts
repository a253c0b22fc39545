import { headPosition } from '@app/event-store';
import { READ_MODELS, openReadModelDatabase } from '@app/projections';
import { EXIT_OK, defineCommand } from '../cli-command';
import { openLedgerFiles } from '../ledger-files';
import { catchUpWithProgress, openScratch } from '../read-models/scratch';
import { swapIntoLive } from '../read-models/swap';

export const rebuildCommand = defineCommand(
  (command) =>
    command
      .name('rebuild')
      .summary('drop the read models and rebuild them from the events (progress bar, events/s)')
      .description(
        `Drops every read model (${READ_MODELS.map((projection) => projection.name).join(', ')}) and rebuilds it
from the events, reading the store of LEDGER_DATA_DIR / LEDGER_EVENT_STORE directly.

The rebuild runs into a scratch database first (a progress bar on stderr), then replaces the live
tables and checkpoints in one transaction: readers never see a half-built read model, and a running
API carries on from the rebuilt checkpoints. Prints the events per second at the end.`,
      ),
  async (_options, io) => {
    const { store, readModelFile } = openLedgerFiles(io.env);
    const scratch = openScratch(store, READ_MODELS);
    try {
      const head = await headPosition(store);
      io.stderr.write(`Rebuilding ${READ_MODELS.length} read models from the events (head position ${head})\n`);
      const report = await catchUpWithProgress(scratch.projector, store, io.stderr, 'rebuild');
      const live = openReadModelDatabase(readModelFile);
      try {
        const { checkpoint, caughtUp } = await swapIntoLive(live, scratch, store, READ_MODELS);
        io.stdout.write(
          `Rebuilt ${READ_MODELS.map((projection) => projection.name).join(', ')} up to position ${checkpoint}: ` +
            `${report.summary}${caughtUp > 0 ? `, then ${caughtUp} more appended meanwhile` : ''}\n`,
        );
      } finally {
        live.close();
      }
      return EXIT_OK;
    } finally {
      scratch.dispose();
      await store.close();
    }
  },
);
