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
}

/** The retention saga's actor (API.md, "Events"). */
export const RETENTION_ACTOR: Actor = { id: 'system:retention', name: 'Retention saga' };

export function ledgerStreamId(tenantId: string): string {
  return `ledger-${tenantId}`;
}
