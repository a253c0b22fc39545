import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTtl } from './duration';
import { readOrCreateJwtSecret } from './jwt-secret';

/** The service's settings, read once from the environment variables of API.md ("Running"). */
export interface LedgerConfig {
  port: number;
  /** Absolute path of LEDGER_DATA_DIR. */
  dataDir: string;
  eventStore: 'sqlite' | 'esdb' | 'kurrentdb';
  eventStoreConnectionString?: string;
  jwtSecret: string;
  /** Absolute path of LEDGER_CATALOG_FILE; undefined means the shipped default catalogue. */
  catalogFile?: string;
  clock: 'system' | 'manual';
  defaultTenant: string;
  retentionIntervalMs: number;
  /** LEDGER_JWT_MAX_TTL in seconds: tokens living longer (exp − iat) are refused; undefined = no cap. */
  jwtMaxTtlSeconds?: number;
  /** The organization's identity provider (LEDGER_OIDC_*); undefined = HS256 tokens only. */
  oidc?: OidcConfig;
  /** LEDGER_RATE_LIMIT: requests per minute per actor and tenant; undefined = no limit. */
  rateLimitPerMinute?: number;
  /** LEDGER_OPS_TOKEN: bearer token that /metrics and the details of /health/ready need; undefined = open. */
  opsToken?: string;
  /** Webhook delivery (N1): see WebhookConfig. */
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** LEDGER_WEBHOOK_ALLOW: lower-cased host names or addresses webhooks may call; undefined = any host. */
  allowedHosts?: string[];
  /** LEDGER_WEBHOOK_MAX_ATTEMPTS: attempts before a delivery is marked failing. */
  maxAttempts: number;
  /** LEDGER_WEBHOOK_BACKOFF_MS: the first retry's delay; each next one doubles (jittered, capped at an hour). */
  backoffMs: number;
}

export interface OidcConfig {
  /** The issuer URL exactly as its tokens' `iss` and its discovery document say it. */
  issuer: string;
  audience: string;
  /** Claim holding the roles; a dotted path reaches into an object (e.g. Keycloak's `realm_access.roles`). */
  rolesClaim: string;
  tenantClaim: string;
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
  if (!/^\d+$/.test(raw))
    throw new LedgerConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
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
  const eventStore = oneOf(env, 'LEDGER_EVENT_STORE', ['sqlite', 'esdb', 'kurrentdb'] as const, 'sqlite');
  // esdb and kurrentdb: one EventStoreDB/KurrentDB shared by every API node, through either client library.
  const sharedStore = eventStore !== 'sqlite';

  const eventStoreConnectionString = read(env, 'EVENTSTORE_CONNECTION_STRING');
  if (sharedStore && eventStoreConnectionString === undefined) {
    throw new LedgerConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      `is required when LEDGER_EVENT_STORE=${eventStore} (e.g. ${eventStore}://localhost:2113?tls=false)`,
    );
  }
  // Each client library takes its own scheme (kurrentdb:// for the successor client).
  const schemes = eventStore === 'sqlite' ? ['esdb', 'kurrentdb'] : [eventStore];
  if (
    eventStoreConnectionString !== undefined &&
    !schemes.some((scheme) => new RegExp(`^${scheme}(\\+discover)?://\\S+$`).test(eventStoreConnectionString))
  ) {
    const expected = schemes.map((scheme) => `${scheme}:// or ${scheme}+discover://`).join(' or ');
    throw new LedgerConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      `must start with ${expected}, got "${eventStoreConnectionString}"`,
    );
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
    if (!isFile)
      throw new LedgerConfigError(
        'LEDGER_CATALOG_FILE',
        `must name a readable JSON file, "${catalogFile}" does not exist`,
      );
  }

  const clock = oneOf(env, 'LEDGER_CLOCK', ['system', 'manual'] as const, 'system');

  const defaultTenant = read(env, 'LEDGER_DEFAULT_TENANT') ?? 'default';
  if (!TENANT_ID_PATTERN.test(defaultTenant)) {
    throw new LedgerConfigError(
      'LEDGER_DEFAULT_TENANT',
      `must be 1-64 characters of A-Z a-z 0-9 . _ - (starting with a letter or digit), got "${defaultTenant}"`,
    );
  }

  // setInterval's upper bound is 2^31-1 ms.
  const retentionIntervalMs = integer(env, 'LEDGER_RETENTION_INTERVAL_MS', 60_000, 1, 2_147_483_647);

  // Every node on one EventStoreDB must accept the others' tokens: a secret generated per data folder would not.
  if (sharedStore && read(env, 'LEDGER_JWT_SECRET') === undefined && read(env, 'LEDGER_OIDC_ISSUER') === undefined) {
    throw new LedgerConfigError(
      'LEDGER_JWT_SECRET',
      `is required when LEDGER_EVENT_STORE=${eventStore} (unless LEDGER_OIDC_ISSUER is set): every API node must share it`,
    );
  }
  const jwtSecret = read(env, 'LEDGER_JWT_SECRET') ?? readOrCreateJwtSecret(dataDir);
  const maxTtlRaw = read(env, 'LEDGER_JWT_MAX_TTL');
  let jwtMaxTtlSeconds: number | undefined;
  try {
    jwtMaxTtlSeconds = maxTtlRaw === undefined ? undefined : parseTtl(maxTtlRaw);
  } catch (error) {
    throw new LedgerConfigError('LEDGER_JWT_MAX_TTL', (error as Error).message);
  }
  const oidc = readOidc(env);
  const rateLimit = integer(env, 'LEDGER_RATE_LIMIT', 0, 1, 1_000_000);
  const opsToken = read(env, 'LEDGER_OPS_TOKEN');
  if (opsToken !== undefined && opsToken.length < 16)
    throw new LedgerConfigError('LEDGER_OPS_TOKEN', 'must be at least 16 characters');
  const webhooks = readWebhooks(env);

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
    ...(jwtMaxTtlSeconds !== undefined ? { jwtMaxTtlSeconds } : {}),
    ...(oidc !== undefined ? { oidc } : {}),
    ...(rateLimit > 0 ? { rateLimitPerMinute: rateLimit } : {}),
    ...(opsToken !== undefined ? { opsToken } : {}),
    webhooks,
  };
}

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/;

/** LEDGER_WEBHOOK_*: which hosts webhooks may call (the defence against SSRF), and how deliveries retry. */
function readWebhooks(env: Env): WebhookConfig {
  const allow = read(env, 'LEDGER_WEBHOOK_ALLOW');
  const allowedHosts = allow
    ?.split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  const bad = allowedHosts?.find((host) => !HOST.test(host));
  if (bad !== undefined)
    throw new LedgerConfigError(
      'LEDGER_WEBHOOK_ALLOW',
      `must be comma-separated host names or addresses (IPv6 in brackets), got "${bad}"`,
    );
  return {
    ...(allowedHosts !== undefined ? { allowedHosts } : {}),
    maxAttempts: integer(env, 'LEDGER_WEBHOOK_MAX_ATTEMPTS', 8, 1, 100),
    backoffMs: integer(env, 'LEDGER_WEBHOOK_BACKOFF_MS', 1000, 1, 3_600_000),
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const CLAIM_PATH = /^[A-Za-z0-9_:/.-]{1,128}$/;

/** LEDGER_OIDC_*: an https issuer (plain http only on loopback, for local identity providers) and its audience. */
function readOidc(env: Env): OidcConfig | undefined {
  const issuer = read(env, 'LEDGER_OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new LedgerConfigError('LEDGER_OIDC_ISSUER', `must be a URL, got "${issuer}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new LedgerConfigError(
      'LEDGER_OIDC_ISSUER',
      `must be an https:// URL (http:// only on loopback), got "${issuer}"`,
    );
  }
  // Without an audience, tokens the provider issues to any other application would be accepted too.
  const audience = read(env, 'LEDGER_OIDC_AUDIENCE');
  if (audience === undefined)
    throw new LedgerConfigError(
      'LEDGER_OIDC_AUDIENCE',
      'is required when LEDGER_OIDC_ISSUER is set (the client id or API identifier the tokens are issued for)',
    );
  const claim = (name: string, fallback: string) => {
    const value = read(env, name) ?? fallback;
    if (!CLAIM_PATH.test(value)) throw new LedgerConfigError(name, `must be a claim name, got "${value}"`);
    return value;
  };
  return {
    issuer,
    audience,
    rolesClaim: claim('LEDGER_OIDC_ROLES_CLAIM', 'roles'),
    tenantClaim: claim('LEDGER_OIDC_TENANT_CLAIM', 'tid'),
  };
}
