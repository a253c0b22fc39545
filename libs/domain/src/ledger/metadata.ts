/** Who, when, in which tenant and why: stored with every event (A1), never inside its data. */
export interface Actor {
  id: string;
  name?: string;
}

export interface LedgerEventMetadata {
  actor: Actor;
  tenantId: string;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  /** Set when the command came with an Idempotency-Key: the same read that decides finds it again. */
  idempotency?: IdempotencyRecord;
}

/** A command's Idempotency-Key with what any node needs to answer its retry exactly as the first time. */
export interface IdempotencyRecord {
  key: string;
  /** sha256 of the request (method, route, body, actor): another request with this key is refused. */
  fingerprint: string;
  status: number;
  body: unknown;
}

/** The retention saga's actor (API.md, "Events"). */
export const RETENTION_ACTOR: Actor = { id: 'system:retention', name: 'Retention saga' };

export function ledgerStreamId(tenantId: string): string {
  return `ledger-${tenantId}`;
}
