import { LEDGER_EVENT_TYPES } from '@app/domain';
import { CliUsageError, EXIT_OK, collect, defineCommand, parseInstant, parseTenant } from '../cli-command';
import { openLedgerFiles } from '../ledger-files';
import { ReplayFilter, replayLines } from '../replay-lines';

interface ReplayOptions {
  tenant?: string;
  user?: string;
  sku?: string;
  actor?: string;
  type?: string[];
  from?: string;
  to?: string;
  format: string;
}

export const replayCommand = defineCommand<ReplayOptions>(
  (command) =>
    command
      .name('replay')
      .summary('replay who changed which license, from the events (filters, text or json)')
      .usage(
        `[--tenant t1] [--user <userId|upn>] [--sku <skuId>] [--actor <id>]
                            [--type <EventType,...>] [--from <ISO>] [--to <ISO>] [--format text|json]`,
      )
      .description(
        `Replays who changed what in a tenant, straight from the event store of LEDGER_DATA_DIR /
LEDGER_EVENT_STORE (not the read models), one line per change, e.g.

  2026-11-30T10:00:00Z alice assigned O365_BP to ada@contoso.com (seats left: 3)

Seats left are counted once the whole command is applied, so a reassign is one line and its seat
is never shown free in between. Filters combine; --from and --to are inclusive.`,
      )
      .option('-t, --tenant <id>', 'tenant (default: LEDGER_DEFAULT_TENANT)')
      .option('-u, --user <id|upn>', 'changes about this user (userId, or user principal name in any case)')
      .option('-s, --sku <skuId>', 'changes about this SKU')
      .option('-a, --actor <id>', 'changes made by this actor id (system:retention for the retention saga)')
      .option('--type <types>', 'only these event types (comma-separated or repeated)', collect)
      .option('--from <ISO>', 'changes at or after this instant')
      .option('--to <ISO>', 'changes at or before this instant')
      .option(
        '-f, --format <fmt>',
        'text (default) or json: one audit entry per line (the API\'s shape) with\n"summary" (the text line) and "seatsLeft"',
        'text',
      ),
  async (values, io) => {
    if (values.format !== 'text' && values.format !== 'json')
      throw new CliUsageError(`--format must be text or json, got "${values.format}"`);
    const tenant = parseTenant(values.tenant);
    const types = (values.type ?? []).flatMap((type) => type.split(',')).map((type) => type.trim());
    const unknown = types.filter((type) => !(LEDGER_EVENT_TYPES as readonly string[]).includes(type));
    if (unknown.length > 0)
      throw new CliUsageError(
        `unknown event type(s): ${unknown.join(', ')}; expected ${LEDGER_EVENT_TYPES.join(', ')}`,
      );
    const from = parseInstant(values.from, '--from');
    const to = parseInstant(values.to, '--to');
    if (from && to && from > to) throw new CliUsageError('--from must not be after --to');
    const filter: ReplayFilter = {
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(values.sku !== undefined ? { sku: values.sku } : {}),
      ...(values.actor !== undefined ? { actor: values.actor } : {}),
      ...(types.length > 0 ? { types } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };

    const { config, store } = openLedgerFiles(io.env);
    const out = new LineWriter(io.stdout);
    try {
      for await (const line of replayLines(store, tenant ?? config.defaultTenant, filter)) {
        if (values.format === 'text') {
          await out.write(`${line.text}\n`);
        } else {
          for (const event of line.matched) {
            await out.write(
              `${JSON.stringify({ ...event, summary: line.text, ...(line.seatsLeft !== undefined ? { seatsLeft: line.seatsLeft } : {}) })}\n`,
            );
          }
        }
        // The reader went away (replay ... | head): stop reading, as other Unix tools do.
        if (out.closed) break;
      }
      return EXIT_OK;
    } finally {
      out.dispose();
      await store.close();
    }
  },
);

/** Waits for 'drain' when the pipe is full, so replaying a long history into `less` stays small; notices a closed pipe. */
class LineWriter {
  closed = false;
  private readonly onError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    this.closed = true;
  };

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', this.onError);
  }

  write(text: string): Promise<void> {
    if (this.closed || this.out.write(text)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.out.off('drain', done);
        this.out.off('error', done);
        resolve();
      };
      this.out.on('drain', done);
      this.out.on('error', done);
    });
  }

  dispose(): void {
    // Late EPIPEs of writes already queued stay swallowed.
    if (!this.closed) this.out.off('error', this.onError);
  }
}
