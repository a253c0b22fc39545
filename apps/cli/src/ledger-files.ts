import {
  createEventStore,
  loadLedgerConfig,
  type CryptoShreddingEventStore,
  type LedgerConfig,
} from '@app/application';
import { join } from 'node:path';

/** What the CLI's store commands work on: the API's own configuration, store and read-model file. */
export interface LedgerFiles {
  config: LedgerConfig;
  /** The adapter behind crypto-shredding, as the API has it: personal fields read back in plaintext or erased. */
  store: CryptoShreddingEventStore;
  /** `<LEDGER_DATA_DIR>/read-models.sqlite`, the file the API's projector keeps. */
  readModelFile: string;
}

export function openLedgerFiles(env: NodeJS.ProcessEnv): LedgerFiles {
  const config = loadLedgerConfig(env);
  return { config, store: createEventStore(config), readModelFile: readModelFileOf(config) };
}

export function readModelFileOf(config: LedgerConfig): string {
  return join(config.dataDir, 'read-models.sqlite');
}
