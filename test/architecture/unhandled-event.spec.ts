import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const EVENTS = join(ROOT, 'libs/domain/src/ledger/events.ts');

/** The places that must decide what a new event type means: every one must fail to compile until it does. */
const DECIDING_FILES = [
  'libs/domain/src/ledger/events.ts',
  'libs/domain/src/ledger/evolve.ts',
  'libs/projections/src/read-models/seat-availability/seat-availability.projection.ts',
  'libs/projections/src/read-models/users/users.projection.ts',
  'libs/projections/src/read-models/mailbox-retention/mailbox-retention.projection.ts',
  'libs/projections/src/read-models/retention-timeline/retention-timeline.projection.ts',
  'libs/projections/src/read-models/alerts/alerts.projection.ts',
  'apps/cli/src/replay-lines.ts',
];

/** Type-checks the deciding files with events.ts replaced by `eventsSource`; returns the files with errors. */
function filesWithErrors(eventsSource: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, languageVersion, ...rest) =>
    file === EVENTS
      ? ts.createSourceFile(file, eventsSource, languageVersion)
      : getSourceFile(file, languageVersion, ...rest);
  const program = ts.createProgram(
    DECIDING_FILES.map((file) => join(ROOT, file)),
    config.options,
    host,
  );
  const failing = new Set<string>();
  for (const file of DECIDING_FILES) {
    const source = program.getSourceFile(join(ROOT, file))!;
    for (const diagnostic of program.getSemanticDiagnostics(source)) {
      failing.add(relative(ROOT, diagnostic.file?.fileName ?? file));
    }
  }
  return [...failing].sort();
}

/** events.ts with one more member of the LedgerEvent union, registered about `subject` (or not at all). */
function withNewEvent(today: string, subject?: string): string {
  const source = today
    .replace('export type LedgerEvent =\n', 'export type LedgerEvent =\n  | SubscriptionTransferred\n')
    .concat(
      "\nexport type SubscriptionTransferred = { type: 'SubscriptionTransferred'; data: { skuId: string; userId: string } };\n",
    );
  return subject === undefined
    ? source
    : source.replace(
        'const LEDGER_EVENT_REGISTRY = {\n',
        `const LEDGER_EVENT_REGISTRY = {\n  SubscriptionTransferred: '${subject}',\n`,
      );
}

describe('a new event type', () => {
  const today = readFileSync(EVENTS, 'utf8');
  const SUBSCRIPTION_SHOWN_BY = [
    'libs/projections/src/read-models/seat-availability/seat-availability.projection.ts',
    'libs/projections/src/read-models/alerts/alerts.projection.ts',
  ];
  const USER_SHOWN_BY = [
    'libs/projections/src/read-models/users/users.projection.ts',
    'libs/projections/src/read-models/mailbox-retention/mailbox-retention.projection.ts',
    'libs/projections/src/read-models/retention-timeline/retention-timeline.projection.ts',
    // Legal holds keep a mailbox's PurgeDueSoon from being due (H1).
    'libs/projections/src/read-models/alerts/alerts.projection.ts',
  ];
  // events.ts: the registered type still needs its PERSONAL_FIELDS entry (E1).
  const ALWAYS = [
    'libs/domain/src/ledger/events.ts',
    'libs/domain/src/ledger/evolve.ts',
    'apps/cli/src/replay-lines.ts',
  ];

  it('compiles as the code stands (the fixtures below change only the union and the registry)', () => {
    expect(filesWithErrors(today)).toEqual([]);
  });

  it('added to the LedgerEvent union but not to the registry fails tsc in the registry', () => {
    expect(filesWithErrors(withNewEvent(today))).toContain('libs/domain/src/ledger/events.ts');
  });

  it('registered about subscriptions fails tsc in evolve, the personal fields (E1), the replay sentences and each read model that shows subscriptions', () => {
    expect(filesWithErrors(withNewEvent(today, 'subscription'))).toEqual([...ALWAYS, ...SUBSCRIPTION_SHOWN_BY].sort());
  });

  it('registered about users fails tsc in evolve, the personal fields (E1), the replay sentences and each read model that shows users', () => {
    expect(filesWithErrors(withNewEvent(today, 'user'))).toEqual([...ALWAYS, ...USER_SHOWN_BY].sort());
  });
});
