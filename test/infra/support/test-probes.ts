import * as path from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import Database from 'better-sqlite3';
import {
  HEALTH_OPTIONS,
  READ_MODEL_STATUS,
  STORE_PROBE,
  type HealthOptions,
  type ReadModelStatus,
  type StoreProbe,
} from '../../../apps/api/src/health';

/** A real (if tiny) store to probe: a SQLite file that a test can close to make the store unreachable. */
export class SqliteStoreProbe implements StoreProbe {
  private readonly db: Database.Database;
  /** Set to make ping() never answer, like a store behind a dead network link. */
  hang = false;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'probe.sqlite'));
  }

  async ping(): Promise<void> {
    if (this.hang) return new Promise<void>(() => undefined);
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    this.db.close();
  }
}

export class CountingReadModelStatus implements ReadModelStatus {
  checkpoint = 0n;
  head = 0n;

  async status() {
    return {
      checkpoint: this.checkpoint.toString(),
      head: this.head.toString(),
      lag: Number(this.head - this.checkpoint),
    };
  }
}

/** Provides the health tokens globally, as the ledger feature module does in the real app. */
@Module({})
export class TestProbesModule {
  static register(probe?: StoreProbe, readModels?: ReadModelStatus, options?: Partial<HealthOptions>): DynamicModule {
    const providers = [
      ...(probe ? [{ provide: STORE_PROBE, useValue: probe }] : []),
      ...(readModels ? [{ provide: READ_MODEL_STATUS, useValue: readModels }] : []),
      ...(options ? [{ provide: HEALTH_OPTIONS, useValue: options }] : []),
    ];
    return { module: TestProbesModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
