import { ledgerStreamId } from '@app/domain';
import { EsdbEventStore, type EventStore, type RecordedEvent, readStreamOrEmpty } from '@app/event-store';
import { randomBytes } from 'node:crypto';
import { startEsdbTestServer, type EsdbTestServer } from '../../esdb-test-server';

/**
 * Set it (e.g. `esdb://localhost:2113?tls=false`) to run the EventStoreDB suites against a real
 * EventStoreDB instead of the in-process wire test server. Tests that must stop or drop the server
 * are skipped then; every other test writes to a tenant of its own, so reruns on a shared server never collide.
 */
export const REAL_ESDB = process.env.EVENTSTORE_CONNECTION_STRING?.trim() || undefined;

/** `describe` for tests that need to control the server (stop it, drop its subscriptions): test server only. */
export const withTestServer: jest.Describe = REAL_ESDB ? describe.skip : describe;

export interface EsdbTarget {
  connectionString: string;
  /** The in-process wire test server; undefined against a real EventStoreDB. */
  server?: EsdbTestServer;
  /** The API's environment for this store. */
  env: { LEDGER_EVENT_STORE: 'esdb'; EVENTSTORE_CONNECTION_STRING: string };
  stop(): Promise<void>;
}

/** A real EventStoreDB when EVENTSTORE_CONNECTION_STRING is set, else a fresh in-process wire test server. */
export async function esdbTarget(): Promise<EsdbTarget> {
  const server = REAL_ESDB ? undefined : await startEsdbTestServer();
  const connectionString = REAL_ESDB ?? server!.connectionString;
  return {
    connectionString,
    server,
    env: { LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: connectionString },
    stop: async () => server?.stop(),
  };
}

/** A tenant id no earlier run used (tenant ids: 1-64 of A-Z a-z 0-9 . _ -). */
export function uniqueTenant(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Every event of a stream, in order ([] while it does not exist). */
export async function streamEvents(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of readStreamOrEmpty(store, streamId)) events.push(event);
  return events;
}

/** Every event of one tenant's ledger stream, in order ([] while it does not exist). */
export function tenantEvents(store: EventStore, tenantId: string): Promise<RecordedEvent[]> {
  return streamEvents(store, ledgerStreamId(tenantId));
}

/** Reads a stream through a client of its own (for tests whose API runs in other processes). */
export async function readStreamEvents(connectionString: string, streamId: string): Promise<RecordedEvent[]> {
  const store = new EsdbEventStore(connectionString);
  try {
    return await streamEvents(store, streamId);
  } finally {
    await store.close();
  }
}

/** A tenant's ledger stream, read through a client of its own. */
export function readTenantEvents(connectionString: string, tenantId: string): Promise<RecordedEvent[]> {
  return readStreamEvents(connectionString, ledgerStreamId(tenantId));
}

/**
 * Bounded polling of a real condition (a view, a readiness answer): resolves with the first value
 * `probe` returns that is not undefined; fails after `timeoutMs` naming what it waited for and what it last saw.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      last = 'undefined';
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves with `promise`'s outcome and how long it took, failing if it takes more than `ms` (a hang is a failure). */
export async function timed<T>(promise: Promise<T>, ms: number, what: string): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    const value = await Promise.race([promise, deadline]);
    return { value, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
