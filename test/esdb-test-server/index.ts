export { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from './server';
export { EventLog, type StoredEvent } from './event-log';
