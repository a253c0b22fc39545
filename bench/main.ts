/**
 * npm run bench [-- --quick]: every figure of issue 11 beside its anchor, measured in fresh processes,
 * REPS interleaved repetitions (each round runs every probe once), median and min–max. Not part of npm test.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { EMMETT_FOLDER, installEmmett } from './support/emmett';
import { FASTIFY_FOLDER, installFastify } from './support/fastify';
import { ProbeResult, runProbe } from './support/probe';
import { Spread, spread } from './support/stats';

const REPS = 3;
const quick = process.argv.includes('--quick');
// --only=<text>: just the lines whose figure names it (e.g. --only=Emmett), and only the data they need.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const seconds = quick ? 2 : 5;
// HTTP runs longer: autocannon's rate is a mean over one-second samples.
const httpSeconds = quick ? 5 : 10;
const latencyHistories = quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];
const rebuildEvents = quick ? 100_000 : 1_000_000;
// A 100k-user tenant whose retention pass has 1,000 soft-deleted mailboxes due.
const retentionTenant = { events: 1 + 3 * 100_000 + 1_000, users: 100_000, softDeleted: 1_000 };

/** One measurement: the probe to run and the figure it reports. */
interface Measure {
  probe: string;
  args: Record<string, string | number>;
  figure: string;
}

/** One line of the table: a figure and, where it has one, the anchor it is divided by. */
interface Line {
  label: string;
  unit: string;
  value: Measure;
  anchor?: { label: string; value: Measure };
}

const probeCommand = ({ probe, args }: Measure) =>
  `bench/probes/${probe}.ts ${Object.entries(args)
    .map(([k, v]) => `--${k}=${v}`)
    .join(' ')}`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-data-'));
  const dueDir = mkdtempSync(join(tmpdir(), 'ledger-bench-due-'));
  const purgedDir = mkdtempSync(join(tmpdir(), 'ledger-bench-purged-'));
  const ceiling = (perTx: number): Measure => ({ probe: 'ceiling', args: { perTx, seconds }, figure: 'perSecond' });
  const http = (target: string, connections: number, options: Record<string, string> = {}): Measure => ({
    probe: 'http',
    args: { target, connections, seconds: httpSeconds, ...options },
    figure: 'perSecond',
  });
  const allLines: Line[] = [
    ...[1, 8, 32].flatMap((connections) =>
      [1, 32].map((perTx) => ({
        label: `HTTP assignLicense commands/s, ${connections} connection${connections > 1 ? 's' : ''}`,
        unit: '/s',
        value: http('commands', connections),
        anchor: { label: `raw ${perTx}-per-tx FULL ceiling`, value: ceiling(perTx) },
      })),
    ),
    {
      label: 'HTTP assignLicense commands/s, 32 connections, against the framework alone',
      unit: '/s',
      value: http('commands', 32),
      anchor: { label: 'bare NestJS on Express, same requests, answer and logging', value: http('bare-commands', 32) },
    },
    {
      label: 'bare NestJS on Express: assignLicense requests/s, 32 connections',
      unit: '/s',
      value: http('bare-commands', 32),
      anchor: { label: 'the same app on Fastify', value: http('bare-commands', 32, { fastify: FASTIFY_FOLDER }) },
    },
    {
      label: 'GET /v1/subscriptions req/s, 32 connections',
      unit: '/s',
      value: http('subscriptions', 32),
      anchor: { label: 'bare NestJS, same body and logging', value: http('bare', 32) },
    },
    ...[1, 32].map((callers) => ({
      label: `in-process commands/s, ${callers} caller${callers > 1 ? 's' : ''}`,
      unit: '/s',
      value: { probe: 'in-process', args: { callers, seconds }, figure: 'perSecond' },
      anchor: { label: 'raw 1-per-tx FULL ceiling', value: ceiling(1) },
    })),
    {
      label: 'raw 32-per-tx FULL ceiling',
      unit: '/s',
      value: ceiling(32),
      anchor: { label: 'raw 1-per-tx FULL ceiling', value: ceiling(1) },
    },
    ...latencyHistories.flatMap((events) =>
      (['p50', 'p99', 'max'] as const).map((figure) => ({
        label: `command ${figure} µs at ${events.toLocaleString('en')} events`,
        unit: 'µs',
        value: { probe: 'latency', args: { events, commands: quick ? 500 : 2_000 }, figure },
        ...(events === 1_000
          ? {}
          : {
              anchor: {
                label: `${figure} at 1,000 events`,
                value: { probe: 'latency', args: { events: 1_000, commands: quick ? 500 : 2_000 }, figure },
              },
            }),
      })),
    ),
    ...[1_000, 10_000].flatMap((events): Line[] => [
      {
        label: `in-process commands/s at ${events.toLocaleString('en')} events, 1 caller, bare store (no E1 sealing, as Emmett), vs Emmett`,
        unit: '/s',
        value: {
          probe: 'latency',
          args: { events, commands: quick ? 500 : 2_000, store: 'bare' },
          figure: 'perSecond',
        },
        anchor: {
          label: 'Emmett SQLite, same decide/evolve',
          value: {
            probe: 'emmett',
            args: { modules: EMMETT_FOLDER, events, commands: quick ? 20 : 100 },
            figure: 'perSecond',
          },
        },
      },
      {
        label: `Emmett SQLITE_BUSY retries at ${events.toLocaleString('en')} events`,
        unit: '',
        value: {
          probe: 'emmett',
          args: { modules: EMMETT_FOLDER, events, commands: quick ? 20 : 100 },
          figure: 'busyRetries',
        },
      },
    ]),
    {
      label: `rebuild events/s (${rebuildEvents.toLocaleString('en')} events)`,
      unit: '/s',
      value: { probe: 'rebuild', args: { mode: 'rebuild', dir: dataDir }, figure: 'perSecond' },
      anchor: {
        label: 'raw SELECT + JSON.parse',
        value: { probe: 'rebuild', args: { mode: 'raw', dir: dataDir }, figure: 'perSecond' },
      },
    },
    {
      label: 'rebuild peak RSS MB',
      unit: 'MB',
      value: { probe: 'rebuild', args: { mode: 'rebuild', dir: dataDir }, figure: 'peakRssMb' },
    },
    {
      label: `API peak RSS MB, CSV export of ${rebuildEvents.toLocaleString('en')} audit rows`,
      unit: 'MB',
      value: { probe: 'export', args: { dir: dataDir }, figure: 'peakRssMb' },
      anchor: {
        label: 'its RSS before the export',
        value: { probe: 'export', args: { dir: dataDir }, figure: 'idleRssMb' },
      },
    },
    {
      label: 'peak RSS MB, start-up + retention pass purging 1,000 mailboxes, 100k-user tenant',
      unit: 'MB',
      value: { probe: 'startup', args: { dir: dueDir }, figure: 'peakRssMb' },
      anchor: {
        label: 'same tenant, nothing due',
        value: { probe: 'startup', args: { dir: purgedDir }, figure: 'peakRssMb' },
      },
    },
  ];
  const lines = allLines.filter((line) => !only || line.label.includes(only));
  const needs = (dir: string) =>
    lines.some((line) => [line.value, line.anchor?.value].some((measure) => measure?.args.dir === dir));

  if (lines.some((line) => line.anchor?.value.probe === 'emmett' || line.value.probe === 'emmett')) installEmmett();
  if (lines.some((line) => line.anchor?.value.args.fastify !== undefined)) installFastify();
  if (needs(dataDir)) {
    process.stderr.write(`history of ${rebuildEvents} events for the rebuild and export, with its read models...\n`);
    await runProbe('history', { dir: dataDir, events: rebuildEvents });
    await runProbe('rebuild', { mode: 'rebuild', dir: dataDir });
  }
  if (needs(dueDir)) {
    process.stderr.write('a 100k-user tenant with 1,000 mailboxes due, and a copy whose start-up purged them...\n');
    await runProbe('history', { dir: dueDir, ...retentionTenant });
    await runProbe('rebuild', { mode: 'rebuild', dir: dueDir });
    cpSync(dueDir, purgedDir, { recursive: true });
    await runProbe('startup', { dir: purgedDir, inPlace: 1 });
  }

  // Every distinct probe run once per round; lines sharing a run share its figures.
  const runs = new Map<string, Measure>();
  for (const line of lines)
    for (const measure of [line.value, line.anchor?.value]) if (measure) runs.set(probeCommand(measure), measure);
  const results = new Map<string, ProbeResult[]>();
  for (let round = 1; round <= REPS; round++) {
    for (const [key, measure] of runs) {
      process.stderr.write(`round ${round}/${REPS}: ${key}\n`);
      const result = await runProbe(measure.probe, measure.args);
      results.set(key, [...(results.get(key) ?? []), result]);
    }
  }
  const figures = (measure: Measure) => results.get(probeCommand(measure))!.map((result) => result[measure.figure]);

  const rows = lines.map((line) => {
    const value = spread(figures(line.value));
    const anchor = line.anchor ? spread(figures(line.anchor.value)) : undefined;
    // The ratio of medians; each round's ratio gives its range.
    const ratios = line.anchor ? figures(line.value).map((v, i) => v / figures(line.anchor!.value)[i]) : [];
    return [
      line.label,
      show(value, line.unit),
      line.anchor ? `${line.anchor.label}: ${show(anchor!, line.unit)}` : '—',
      line.anchor
        ? `${(value.median / anchor!.median).toFixed(3)}× (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`
        : '—',
      `${probeCommand(line.value)}${line.anchor ? ` ÷ ${probeCommand(line.anchor.value)}` : ''}`,
    ];
  });
  console.log(
    `License Ledger bench (${quick ? 'quick' : 'full'} mode), ${REPS} interleaved repetitions, median (min–max)`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  console.log(markdownTable(['figure', 'value', 'anchor', 'ratio', 'command'], rows));
  for (const dir of [dataDir, dueDir, purgedDir]) rmSync(dir, { recursive: true, force: true });
}

function show({ median, min, max }: Spread, unit: string): string {
  const format = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  return `${format(median)} ${unit} (${format(min)}–${format(max)})`;
}

function markdownTable(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
