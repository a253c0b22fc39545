import { Catalog } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import {
  Projector,
  ReadModelDatabase,
  SeatAvailabilityQueries,
  UserQueries,
  openReadModelDatabase,
} from '@app/projections';
import { Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { CATALOG, loadCatalog } from './catalog/catalog.loader';
import { CLOCK, Clock, ManualClock, SystemClock } from './clock/clock';
import { ExecuteLedgerHandler } from './commands/execute-ledger.handler';
import { DEFAULT_READ_MODEL_WAIT_MS, READ_MODEL_WAIT } from './ledger/answer-preview';
import { LEDGER_CONFIG, LedgerConfig } from './config';
import { createEventStore } from './ledger/event-store.factory';
import { CommandPath, createCommandPath } from './ledger/command-path';
import { LedgerCommandExecutor } from './ledger/ledger-command.executor';
import { GetSubscriptionHandler, ListSubscriptionsHandler } from './queries/subscription.queries';
import { GetUserHandler, ListUsersHandler } from './queries/user.queries';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');
const READ_MODEL_FILE = Symbol('READ_MODEL_FILE');
const COMMAND_PATH = Symbol('COMMAND_PATH');

/** Starts the projector with the application and closes the stores last, in order. */
@Injectable()
class LedgerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: ReadModelDatabase,
  ) {}

  onApplicationBootstrap(): void {
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
    { provide: EVENT_STORE, inject: [LEDGER_CONFIG], useFactory: createEventStore },
    {
      provide: READ_MODEL_FILE,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) => openReadModelDatabase(join(config.dataDir, 'read-models.sqlite')),
    },
    // Handed out only once the command path is built: its projector creates the read models' tables.
    { provide: READ_MODEL_DATABASE, inject: [READ_MODEL_FILE, COMMAND_PATH], useFactory: (db: ReadModelDatabase) => db },
    {
      provide: CLOCK,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig): Clock =>
        config.clock === 'manual' ? new ManualClock(join(config.dataDir, 'clock.json')) : new SystemClock(),
    },
    { provide: CATALOG, inject: [LEDGER_CONFIG], useFactory: (config: LedgerConfig) => loadCatalog(config.catalogFile) },
    {
      provide: COMMAND_PATH,
      inject: [EVENT_STORE, READ_MODEL_FILE, CLOCK, CATALOG, READ_MODEL_WAIT],
      useFactory: (store: EventStore, readModels: ReadModelDatabase, clock: Clock, catalog: Catalog, readModelWaitMs: number) =>
        createCommandPath({ store, readModels, clock, catalog, readModelWaitMs, logger: new Logger('Projector') }),
    },
    { provide: Projector, inject: [COMMAND_PATH], useFactory: (path: CommandPath) => path.projector },
    { provide: LedgerCommandExecutor, inject: [COMMAND_PATH], useFactory: (path: CommandPath) => path.executor },
    { provide: SeatAvailabilityQueries, inject: [READ_MODEL_DATABASE], useFactory: (db: ReadModelDatabase) => new SeatAvailabilityQueries(db) },
    { provide: UserQueries, inject: [READ_MODEL_DATABASE], useFactory: (db: ReadModelDatabase) => new UserQueries(db) },
    LedgerLifecycle,
    { provide: READ_MODEL_WAIT, useValue: DEFAULT_READ_MODEL_WAIT_MS },
    ExecuteLedgerHandler,
    GetSubscriptionHandler,
    ListSubscriptionsHandler,
    GetUserHandler,
    ListUsersHandler,
  ],
  exports: [EVENT_STORE, READ_MODEL_DATABASE, CLOCK, CATALOG, Projector, CqrsModule, SeatAvailabilityQueries, UserQueries],
})
export class LedgerModule {}
