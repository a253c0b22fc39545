import { ManualClock, SystemClock, createCommandPath, loadCatalog } from '@app/application';
import { ledgerStreamId } from '@app/domain';
import { openReadModelDatabase } from '@app/projections';
import { StreamNotFoundError } from '@app/event-store';
import { join } from 'node:path';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, defineCommand, parseInstant, parseTenant } from '../cli-command';
import { seedDemoTenant } from '../demo/demo-tenant';
import { openLedgerFiles } from '../ledger-files';
import { rate } from '../progress';

interface SeedDemoOptions {
  tenant?: string;
  users: string;
  months: string;
  end?: string;
  domain: string;
  seed: string;
}

export const seedDemoCommand = defineCommand<SeedDemoOptions>(
  (command) =>
    command
      .name('seed-demo')
      .summary('write a realistic demo tenant (subscriptions, hundreds of users, months of changes)')
      .usage('[--tenant <id>] [--users 300] [--months 6] [--end <ISO>] [--domain contoso.com] [--seed 42]')
      .description(
        `Writes a realistic demo tenant through the real command path (the same rules and events as the
API): four subscriptions, a migration wave of users in several usage locations, then months of
working days with hires, upgrades, plans disabled, leave and return, reassigns, a monthly bulk
replace, leavers deleted, seats bought, expired and renewed, and the retention saga's purges.
Times are set by the scenario (not the system clock), spread over the months before --end.
Then brings the read models up to date and prints a summary. The tenant must have no events yet.`,
      )
      .option('-t, --tenant <id>', 'tenant to seed (default: LEDGER_DEFAULT_TENANT, what tokens without "tid" use)')
      .option('-u, --users <n>', 'users to hire over the period (default 300)', '300')
      .option('--months <n>', 'length of the history in months of 30 days (default 6)', '6')
      .option('--end <ISO>', "the last day (default: now, or the manual clock's now with LEDGER_CLOCK=manual)")
      .option('--domain <dns>', 'domain of the user principal names (default contoso.com)', 'contoso.com')
      .option('--seed <n>', 'the random seed: the same seed gives the same tenant (default 42)', '42'),
  async (values, io) => {
    const users = integer(values.users, '--users', 1, 100_000);
    const months = integer(values.months, '--months', 1, 120);
    const seed = integer(values.seed, '--seed', 0, 2 ** 31);
    const tenant = parseTenant(values.tenant);
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(values.domain))
      throw new CliUsageError(`invalid --domain "${values.domain}"`);
    let end = parseInstant(values.end, '--end');

    const { config, store, readModelFile } = openLedgerFiles(io.env);
    const db = openReadModelDatabase(readModelFile);
    try {
      const tenantId = tenant ?? config.defaultTenant;
      if (await hasEvents(store, tenantId)) {
        io.stderr.write(`Tenant "${tenantId}" already has events; seed another one with --tenant <id>.\n`);
        return EXIT_FAILURE;
      }
      // The history ends before the time the API will show, so nothing lies in its future.
      end ??=
        config.clock === 'manual' ? await new ManualClock(store, join(config.dataDir, 'clock.json')).now() : new Date();
      const started = process.hrtime.bigint();
      const catalog = loadCatalog(config.catalogFile);
      // The demo decides on its own scenario clock: only the ledgers and the projector of the path are used here.
      const { ledgers, projector } = createCommandPath({ store, readModels: db, clock: new SystemClock(), catalog });
      const summary = await seedDemoTenant(
        ledgers,
        catalog,
        {
          tenantId,
          users,
          months,
          end,
          domain: values.domain,
          seed,
        },
        (day, days) => {
          if (day % 30 === 0) io.stderr.write(`seed-demo: day ${day} of ${days}\n`);
        },
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const events = Object.values(summary.events).reduce((sum, count) => sum + count, 0);
      const applied = await projector.catchUp();

      const out = (line = '') => io.stdout.write(`${line}\n`);
      out(
        `Seeded tenant "${tenantId}": ${summary.commands} commands, ${events} events from ${summary.from} to ${summary.to} in ${seconds.toFixed(1)} s (${rate(events, seconds)})`,
      );
      out(
        `Users: ${summary.users.created} created, ${summary.users.active} active, ${summary.users.deleted} deleted, ${summary.users.purged} purged`,
      );
      out('Subscriptions:');
      for (const s of summary.subscriptions)
        out(
          `  ${s.skuId.padEnd(26)} valid ${String(s.valid).padStart(4)}  assigned ${String(s.assigned).padStart(4)}  available ${String(s.available).padStart(4)}`,
        );
      out('Events:');
      for (const [type, count] of Object.entries(summary.events).sort(([a], [b]) => a.localeCompare(b)))
        out(`  ${type.padEnd(22)} ${count}`);
      const refused = Object.entries(summary.refused);
      if (refused.length > 0)
        out(`Refused by the rules (as in real life): ${refused.map(([code, count]) => `${code} ${count}`).join(', ')}`);
      out(`Read models brought up to date (${applied} events applied).`);
      out(`Try: npm run cli -- replay --tenant ${tenantId} --sku O365_BUSINESS_PREMIUM | tail`);
      return EXIT_OK;
    } finally {
      db.close();
      await store.close();
    }
  },
);

function integer(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliUsageError(`${option} must be an integer from ${min} to ${max}`);
  return Number(value);
}

async function hasEvents(store: ReturnType<typeof openLedgerFiles>['store'], tenantId: string): Promise<boolean> {
  try {
    for await (const _ of store.readStream(ledgerStreamId(tenantId), { maxCount: 1 })) return true;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return false;
}
