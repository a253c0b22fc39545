import { Catalog } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  Projector,
  READ_MODEL_QUERIES,
  ReadModelDatabase,
  openReadModelDatabase,
  readModelProviders,
} from '@app/projections';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { CATALOG, loadCatalog } from './catalog/catalog.loader';
import { CLOCK, Clock, SystemClock } from './clock/clock';
import { ManualClock } from './clock/manual-clock';
import { ExecuteLedgerHandler } from './commands/execute-ledger.handler';
import { DEFAULT_READ_MODEL_WAIT_MS, READ_MODEL_WAIT } from './ledger/answer-preview';
import { LEDGER_CONFIG, LedgerConfig } from './config';
import { CryptoShreddingEventStore } from './erasure/crypto-shredding-event-store';
import { createEventStore } from './ledger/event-store.factory';
import { CommandPath, createCommandPath } from './ledger/command-path';
import { LedgerCommandExecutor } from './ledger/ledger-command.executor';
import { pairDataFolder } from './ledger/store-identity';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');
const READ_MODEL_FILE = Symbol('READ_MODEL_FILE');
const COMMAND_PATH = Symbol('COMMAND_PATH');

/** Starts the projector with the application and closes the stores last, in order. */
@Injectable()
class LedgerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projector: Projector,
    private readonly store: CryptoShreddingEventStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: ReadModelDatabase,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A local folder written before crypto-shredding (E1) is refused with the command that migrates it.
    if (this.config.eventStore === 'sqlite') await this.store.assertSealed();
    this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.store.close();
    this.db.close();
  }
}

@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    { provide: CryptoShreddingEventStore, inject: [LEDGER_CONFIG], useFactory: createEventStore },
    { provide: EVENT_STORE, useExisting: CryptoShreddingEventStore },
    {
      provide: READ_MODEL_FILE,
      inject: [LEDGER_CONFIG, EVENT_STORE],
      useFactory: async (config: LedgerConfig, store: EventStore) => {
        const { storeId, rebuiltFrom } = await pairDataFolder(store, config.dataDir);
        if (rebuiltFrom) {
          new Logger('LedgerModule').warn(
            `${config.dataDir} held read models of another event store (${rebuiltFrom}); this store is ${storeId}: they are rebuilt from it`,
          );
        }
        return openReadModelDatabase(join(config.dataDir, 'read-models.sqlite'));
      },
    },
    // Handed out only once the command path is built: its projector creates the read models' tables.
    {
      provide: READ_MODEL_DATABASE,
      inject: [READ_MODEL_FILE, COMMAND_PATH],
      useFactory: (db: ReadModelDatabase) => db,
    },
    {
      provide: CLOCK,
      inject: [LEDGER_CONFIG, EVENT_STORE],
      useFactory: async (config: LedgerConfig, store: EventStore): Promise<Clock> => {
        if (config.clock === 'system') return new SystemClock();
        // clock.json: where data folders kept the manual clock before it moved into the store.
        const clock = new ManualClock(store, join(config.dataDir, 'clock.json'));
        // Started at boot, so that no request appends the clock's first event beside its own.
        await clock.now();
        return clock;
      },
    },
    {
      provide: CATALOG,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) => loadCatalog(config.catalogFile),
    },
    {
      provide: COMMAND_PATH,
      inject: [CryptoShreddingEventStore, READ_MODEL_FILE, CLOCK, CATALOG, READ_MODEL_WAIT],
      useFactory: (
        store: CryptoShreddingEventStore,
        readModels: ReadModelDatabase,
        clock: Clock,
        catalog: Catalog,
        readModelWaitMs: number,
      ) =>
        createCommandPath({
          store,
          readModels,
          clock,
          catalog,
          readModelWaitMs,
          logger: new Logger('Projector'),
        }),
    },
    { provide: Projector, inject: [COMMAND_PATH], useFactory: (path: CommandPath) => path.projector },
    { provide: LedgerCommandExecutor, inject: [COMMAND_PATH], useFactory: (path: CommandPath) => path.executor },
    ...readModelProviders(READ_MODEL_DATABASE),
    LedgerLifecycle,
    { provide: READ_MODEL_WAIT, useValue: DEFAULT_READ_MODEL_WAIT_MS },
    ExecuteLedgerHandler,
  ],
  exports: [
    EVENT_STORE,
    CryptoShreddingEventStore,
    READ_MODEL_DATABASE,
    CLOCK,
    CATALOG,
    Projector,
    CqrsModule,
    ...READ_MODEL_QUERIES,
  ],
})
export class LedgerModule {}
