import { CommandContext, ManualClock, createCommandPath, loadCatalog } from '@app/application';
import { LedgerCommand } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { AuditQueries, UserQueries, openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerReadModelsError, checkAnswerReadModels } from '../support/answer-read-models';

const TENANT = 'answers';

/** The command path on the real SQLite store, its previews checked as every in-process e2e app checks them. */
function checkedPath() {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-answer-read-models-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
  const path = createCommandPath({ store, readModels: db, clock: new ManualClock(store), catalog: loadCatalog() });
  checkAnswerReadModels(path.projector, store, db);
  path.projector.start();
  const context: CommandContext = { tenantId: TENANT, actor: { id: 'alice' }, correlationId: randomUUID() };
  return {
    users: new UserQueries(db),
    audit: new AuditQueries(db),
    execute: (command: LedgerCommand, view: () => unknown) => path.executor.execute(command, context, { view }),
    async close() {
      await path.projector.stop();
      await store.close();
      db.close();
    },
  };
}

const createUser = (userId: string): LedgerCommand => ({
  type: 'CreateUser',
  data: { userId, userPrincipalName: `${userId}@contoso.com`, displayName: 'Ada', usageLocation: 'GB', aliases: [] },
});

describe('Previews apply only the read models answers read (ANSWER_READ_MODELS)', () => {
  let path: ReturnType<typeof checkedPath>;
  beforeAll(() => (path = checkedPath()));
  afterAll(() => path.close());

  it('U1 a CreateUser answered with the user view is the same as with every read model previewed', async () => {
    const userId = randomUUID();
    const outcome = await path.execute(createUser(userId), () => path.users.get(TENANT, userId));
    expect(outcome.body).toMatchObject({ userId, userPrincipalName: `${userId}@contoso.com`, status: 'active' });
  });

  it('a view reading a read model previews skip (the audit trail) is caught', async () => {
    const userId = randomUUID();
    const auditOf = () => path.audit.page(TENANT, { userId }, 10).items.length;
    await expect(path.execute(createUser(userId), auditOf)).rejects.toBeInstanceOf(AnswerReadModelsError);
  });
});
