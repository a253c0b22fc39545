import type { EsdbDriver } from './esdb-driver';

/** `esdb`: `@eventstore/db-client` 6.x; `kurrentdb`: `@kurrent/kurrentdb-client` 1.x (LEDGER_EVENT_STORE's values). */
export type EsdbClientLibrary = 'esdb' | 'kurrentdb';

/**
 * Requires the chosen client's module only now: both clients register the same global protobuf
 * class names, so loading the other one as well would break the chosen one's BatchAppend.
 */
export function loadDriver(library: EsdbClientLibrary): EsdbDriver {
  /* eslint-disable @typescript-eslint/no-require-imports -- a static import would load both clients */
  return library === 'kurrentdb'
    ? (require('./kurrentdb-client.driver') as typeof import('./kurrentdb-client.driver')).kurrentDbClientDriver
    : (require('./eventstore-db-client.driver') as typeof import('./eventstore-db-client.driver'))
        .eventStoreDbClientDriver;
  /* eslint-enable @typescript-eslint/no-require-imports */
}
