export { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from './server';
export { EventLog, type StoredEvent } from './event-log';
export { DEFAULT_MAX_APPEND_SIZE, type Faults } from './faults';
