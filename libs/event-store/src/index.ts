export * from './event-store.port';
export * from './errors';
export * from './append-size';
export * from './store-helpers';
export * from './sqlite/sqlite-event-store';
export * from './sqlite/wal-checkpointer';
export * from './esdb/esdb-event-store';
