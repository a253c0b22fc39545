import { LedgerState, copyState, evolve, initialState } from '@app/domain';
import { EventStore } from '@app/event-store';
import type { FoldedAt } from './audit-state';
import { EventLoopTurns } from './event-loop-turns';
import { readLedger } from '../ledger/ledger-history';

/** Events between two checkpoints: the most a point-in-time query folds past its checkpoint. */
export const STATE_CHECKPOINT_INTERVAL = 2000;
/** Checkpoints kept per tenant; past it their spacing doubles (every second one dropped), so memory stays bounded as history grows. */
export const MAX_CHECKPOINTS_PER_TENANT = 64;

interface Checkpoint {
  revision: bigint;
  position: bigint;
  /** Latest occurredAt of the events up to here: the checkpoint serves every `at` at or after it. */
  maxOccurredAt: number;
  state: LedgerState;
}

interface TenantCheckpoints {
  spacing: bigint;
  checkpoints: Checkpoint[];
}

/**
 * Point-in-time folds (A2) in bounded time: the states at regular revisions of a tenant's stream are
 * remembered as folds pass them, so a later query starts from the nearest one and folds only a short
 * tail. The stream is append-only, so a checkpoint never goes stale; checkpoints live in memory and are
 * rebuilt by the first queries after a start.
 *
 * Folds take turns (EventLoopTurns): a few milliseconds each, round-robin, so a cold fold of a long
 * history does not hold up the other queries, nor the forget() of a purge. They run in the API's
 * point-in-time worker thread (AuditStateWorker), whose heap takes the garbage of the state copies.
 */
export class StateCheckpoints {
  private readonly byTenant = new Map<string, TenantCheckpoints>();

  constructor(
    private readonly store: EventStore,
    private readonly interval: number = STATE_CHECKPOINT_INTERVAL,
    private readonly turns: EventLoopTurns = new EventLoopTurns(),
  ) {}

  /**
   * The tenant's state as of `at`, matched against each event's metadata.occurredAt (the ledger's
   * clock, maybe the manual one). The result is a prefix of the stream: replay stops at the first
   * event after `at`, so it is a state the ledger really was in, even if clocks of several processes
   * disagreed slightly. A checkpoint is a valid start only when no event before it is after `at`.
   */
  foldAt(tenantId: string, at: Date): Promise<FoldedAt> {
    return this.turns.run(() => this.fold(tenantId, at));
  }

  /** After a purge (E1): the remembered states hold the erased fields; later folds read them erased. */
  forget(tenantId: string): void {
    // A fold under way keeps remembering into the dropped record, which nothing reads again.
    this.byTenant.delete(tenantId);
  }

  private async fold(tenantId: string, at: Date): Promise<FoldedAt> {
    const limit = at.getTime();
    const tenant = this.tenant(tenantId);
    const start = [...tenant.checkpoints].reverse().find((checkpoint) => checkpoint.maxOccurredAt <= limit);
    const state = start ? copyState(start.state) : initialState();
    let position = start?.position ?? null;
    let maxOccurredAt = start?.maxOccurredAt ?? -Infinity;
    let events = 0;
    for await (const { event, metadata, recorded } of readLedger(
      this.store,
      tenantId,
      start ? start.revision + 1n : 'start',
    )) {
      const occurredAt = Date.parse(metadata.occurredAt);
      if (occurredAt > limit) break;
      evolve(state, event);
      position = recorded.position;
      maxOccurredAt = Math.max(maxOccurredAt, occurredAt);
      events++;
      if ((recorded.revision + 1n) % tenant.spacing === 0n && !known(tenant, recorded.revision)) {
        remember(tenant, {
          revision: recorded.revision,
          position: recorded.position,
          maxOccurredAt,
          state: copyState(state),
        });
      }
      if (this.turns.due()) await this.turns.pass();
    }
    return { state, position, events };
  }

  private tenant(tenantId: string): TenantCheckpoints {
    const tenant = this.byTenant.get(tenantId) ?? { spacing: BigInt(this.interval), checkpoints: [] };
    this.byTenant.set(tenantId, tenant);
    return tenant;
  }
}

function known(tenant: TenantCheckpoints, revision: bigint): boolean {
  return tenant.checkpoints.some((checkpoint) => checkpoint.revision === revision);
}

function remember(tenant: TenantCheckpoints, checkpoint: Checkpoint): void {
  tenant.checkpoints.push(checkpoint);
  tenant.checkpoints.sort((a, b) => (a.revision < b.revision ? -1 : 1));
  if (tenant.checkpoints.length > MAX_CHECKPOINTS_PER_TENANT) {
    // Evenly spaced at twice the distance: every tail stays at most one (new) spacing long.
    tenant.spacing *= 2n;
    tenant.checkpoints = tenant.checkpoints.filter((known) => (known.revision + 1n) % tenant.spacing === 0n);
  }
}
