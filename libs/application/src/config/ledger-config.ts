import * as fs from 'node:fs';
import * as path from 'node:path';
import { readOrCreateJwtSecret } from './jwt-secret';

/** The service's settings, read once from the environment variables of API.md ("Running"). */
export interface LedgerConfig {
  port: number;
  /** Absolute path of LEDGER_DATA_DIR. */
  dataDir: string;
  eventStore: 'sqlite' | 'esdb';
  eventStoreConnectionString?: string;
  jwtSecret: string;
  /** Absolute path of LEDGER_CATALOG_FILE; undefined means the shipped default catalogue. */
  catalogFile?: string;
  clock: 'system' | 'manual';
  defaultTenant: string;
  retentionIntervalMs: number;
}

/** Tenant ids end up in stream names (`ledger-<tenantId>`), so they are kept to a safe alphabet. */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A configuration mistake, always naming the environment variable at fault. */
export class LedgerConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'LedgerConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** An empty variable (`VAR=` in compose files) means "not set". */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new LedgerConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new LedgerConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new LedgerConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/**
 * Reads exactly the variables of API.md plus LEDGER_RETENTION_INTERVAL_MS, validates them and, when
 * LEDGER_JWT_SECRET is unset, reads (or generates once) `<dataDir>/jwt-secret`.
 */
export function loadLedgerConfig(env: Env = process.env): LedgerConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(read(env, 'LEDGER_DATA_DIR') ?? './data');
  const eventStore = oneOf(env, 'LEDGER_EVENT_STORE', ['sqlite', 'esdb'] as const, 'sqlite');

  const eventStoreConnectionString = read(env, 'EVENTSTORE_CONNECTION_STRING');
  if (eventStore === 'esdb' && eventStoreConnectionString === undefined) {
    throw new LedgerConfigError('EVENTSTORE_CONNECTION_STRING', 'is required when LEDGER_EVENT_STORE=esdb (e.g. esdb://localhost:2113?tls=false)');
  }
  if (eventStoreConnectionString !== undefined && !/^esdb(\+discover)?:\/\/\S+$/.test(eventStoreConnectionString)) {
    throw new LedgerConfigError('EVENTSTORE_CONNECTION_STRING', `must be an esdb:// or esdb+discover:// URL, got "${eventStoreConnectionString}"`);
  }

  const catalogRaw = read(env, 'LEDGER_CATALOG_FILE');
  let catalogFile: string | undefined;
  if (catalogRaw !== undefined) {
    catalogFile = path.resolve(catalogRaw);
    let isFile = false;
    try {
      isFile = fs.statSync(catalogFile).isFile();
    } catch {
      // reported below
    }
    if (!isFile) throw new LedgerConfigError('LEDGER_CATALOG_FILE', `must name a readable JSON file, "${catalogFile}" does not exist`);
  }

  const clock = oneOf(env, 'LEDGER_CLOCK', ['system', 'manual'] as const, 'system');

  const defaultTenant = read(env, 'LEDGER_DEFAULT_TENANT') ?? 'default';
  if (!TENANT_ID_PATTERN.test(defaultTenant)) {
    throw new LedgerConfigError('LEDGER_DEFAULT_TENANT', `must be 1-64 characters of A-Z a-z 0-9 . _ - (starting with a letter or digit), got "${defaultTenant}"`);
  }

  // setInterval's upper bound is 2^31-1 ms.
  const retentionIntervalMs = integer(env, 'LEDGER_RETENTION_INTERVAL_MS', 60_000, 1, 2_147_483_647);

  // Every node on one EventStoreDB must accept the others' tokens: a secret generated per data folder would not.
  if (eventStore === 'esdb' && read(env, 'LEDGER_JWT_SECRET') === undefined && read(env, 'LEDGER_OIDC_ISSUER') === undefined) {
    throw new LedgerConfigError('LEDGER_JWT_SECRET', 'is required when LEDGER_EVENT_STORE=esdb (unless LEDGER_OIDC_ISSUER is set): every API node must share it');
  }
  const jwtSecret = read(env, 'LEDGER_JWT_SECRET') ?? readOrCreateJwtSecret(dataDir);

  return {
    port,
    dataDir,
    eventStore,
    ...(eventStoreConnectionString !== undefined ? { eventStoreConnectionString } : {}),
    jwtSecret,
    ...(catalogFile !== undefined ? { catalogFile } : {}),
    clock,
    defaultTenant,
    retentionIntervalMs,
  };
}
