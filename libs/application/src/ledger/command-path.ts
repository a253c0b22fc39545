import { Catalog } from '@app/domain';
import { EventStore } from '@app/event-store';
import { ANSWER_READ_MODELS, Projector, ProjectorLogger, READ_MODELS, ReadModelDatabase } from '@app/projections';
import { Clock } from '../clock/clock';
import { CryptoShreddingEventStore } from '../erasure/crypto-shredding-event-store';
import { AnswerPreview, DEFAULT_READ_MODEL_WAIT_MS } from './answer-preview';
import { LedgerCommandExecutor } from './ledger-command.executor';
import { LedgerStore } from './ledger-store';
import { SnapshotStore } from './state-snapshot';

/** What the command path is built on: the event store (behind crypto-shredding, its purges blank the ledger states), the SQLite file of snapshots and read models, the clock and catalog. */
export interface CommandPathParts {
  store: EventStore;
  readModels: ReadModelDatabase;
  clock: Clock;
  catalog: Catalog;
  /** Tenants whose folded state stays in memory (LedgerStore's default when unset). */
  maxCachedTenants?: number;
  /** How long a command waits for the read models before its answer is previewed. */
  readModelWaitMs?: number;
  logger?: ProjectorLogger;
}

export interface CommandPath {
  ledgers: LedgerStore;
  executor: LedgerCommandExecutor;
  projector: Projector;
}

const QUIET: ProjectorLogger = { log: () => undefined, error: () => undefined };

/** The one way to build the command path and its projector: the Nest module, the CLI, the bench and the tests all use it. */
export function createCommandPath(parts: CommandPathParts): CommandPath {
  const {
    store,
    readModels,
    clock,
    catalog,
    maxCachedTenants,
    readModelWaitMs = DEFAULT_READ_MODEL_WAIT_MS,
    logger = QUIET,
  } = parts;
  const ledgers = new LedgerStore(store, new SnapshotStore(readModels), maxCachedTenants);
  if (store instanceof CryptoShreddingEventStore)
    store.onErasure((tenantId, userId) => ledgers.erase(tenantId, userId));
  const projector = new Projector(store, readModels, READ_MODELS, logger, ANSWER_READ_MODELS);
  return {
    ledgers,
    executor: new LedgerCommandExecutor(ledgers, clock, catalog, new AnswerPreview(projector, store, readModelWaitMs)),
    projector,
  };
}
