import { Logger } from '@nestjs/common';
import {
  LedgerEvent,
  LedgerEventMetadata,
  LedgerState,
  evolve,
  initialState,
  ledgerStreamId,
  rememberCommand,
  touchedBy,
  usersOf,
} from '@app/domain';
import { EventStore, NO_STREAM, WrongExpectedVersionError } from '@app/event-store';
import { readLedger } from './ledger-history';
import { randomUUID } from 'node:crypto';
import { SnapshotStore, StateChanges, noChanges } from './state-snapshot';

/** One tenant's folded ledger, as of a stream revision. */
export interface FoldedLedger {
  state: LedgerState;
  /** Revision of the last event folded in; null while the stream does not exist. */
  revision: bigint | null;
  /** Global position of the last event folded in; null while the stream does not exist. */
  position: bigint | null;
}

const SNAPSHOT_EVERY = 1000;
/** Events folded between two turns of the event loop: a few milliseconds' work. */
const FOLD_SLICE = 500;

/** A cached ledger, with what changed since the snapshot it builds on. */
interface CachedLedger extends FoldedLedger {
  snapshotRevision: bigint;
  changes: StateChanges;
}

/** One command's events and the metadata they are stored with. */
export interface CommandEvents {
  events: readonly LedgerEvent[];
  metadata: LedgerEventMetadata;
}

/**
 * Keeps each tenant's folded state in memory and catches it up from its revision, so a command
 * costs the same whatever the length of the history; snapshots spare the replay at start-up.
 * Callers serialise the commands of one tenant (see TenantBatches): the state is mutated in place.
 * Only the most recently used tenants stay in memory; the others start again from their snapshot.
 */
export class LedgerStore {
  /** In least-recently-used order: a hit moves its tenant to the end. */
  private readonly ledgers = new Map<string, CachedLedger>();
  /** Snapshot saves under way: a full one takes many turns, and the tenant's next load waits for it so the state stays put. */
  private readonly saving = new Map<string, Promise<void>>();
  private readonly logger = new Logger('LedgerStore');

  constructor(
    private readonly events: EventStore,
    private readonly snapshots: SnapshotStore,
    private readonly maxCachedTenants = 1000,
  ) {}

  /** How many tenants' states are held in memory now. */
  get cachedTenants(): number {
    return this.ledgers.size;
  }

  /** The tenant's state caught up with everything stored. */
  async load(tenantId: string): Promise<FoldedLedger> {
    const streamId = ledgerStreamId(tenantId);
    await this.saving.get(tenantId);
    let ledger = this.ledgers.get(tenantId);
    const cold = !ledger;
    if (ledger) this.ledgers.delete(tenantId);
    // Cached from the start, so an erase (E1) during the sliced reads below reaches the state being built.
    ledger ??= { state: initialState(), revision: null, position: null, snapshotRevision: -1n, changes: noChanges() };
    this.ledgers.set(tenantId, ledger);
    // An evicted tenant may still be mid-command elsewhere: it keeps its object, only the cache forgets it.
    for (const oldest of this.ledgers.keys()) {
      if (this.ledgers.size <= this.maxCachedTenants) break;
      this.ledgers.delete(oldest);
    }
    try {
      const snapshot = cold ? await this.snapshots.load(streamId, ledger.state) : undefined;
      if (snapshot) Object.assign(ledger, snapshot, { snapshotRevision: snapshot.revision });
      const from = ledger.revision === null ? 'start' : ledger.revision + 1n;
      let folded = 0;
      for await (const { event, metadata, recorded } of readLedger(this.events, tenantId, from)) {
        // The metadata and position let the state remember the command's Idempotency-Key.
        evolve(ledger.state, { ...event, metadata, position: recorded.position });
        noteChanges(ledger.changes, event, metadata);
        ledger.revision = recorded.revision;
        ledger.position = recorded.position;
        // A long replay (a big tenant's first load) lets other tenants' requests run in between.
        if (++folded % FOLD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // A half-applied catch-up must not be trusted: the next load starts over.
      this.ledgers.delete(tenantId);
      throw error;
    }
    return ledger;
  }

  /**
   * After a purge (E1): the remembered answers about the user lose their bodies in the cached state and the
   * snapshot, and the snapshot's row of the user its personal fields (the cached state folds the purge itself).
   * Nothing is dropped: the next command does not replay the tenant's history.
   */
  erase(tenantId: string, userId: string): void {
    const ledger = this.ledgers.get(tenantId);
    if (ledger)
      for (const [key, remembered] of ledger.state.idempotency)
        if (remembered.body !== null && remembered.userIds.includes(userId))
          ledger.state.idempotency.set(key, { ...remembered, body: null });
    this.snapshots.erase(ledgerStreamId(tenantId), userId);
  }

  /**
   * Appends a batch of commands, already folded into `ledger.state` by the caller (without their
   * Idempotency-Keys, remembered here once stored), in one append with
   * the revision they were decided on. A concurrent writer makes it throw WrongExpectedVersionError;
   * the caller then undoes its fold.
   */
  async append(tenantId: string, ledger: FoldedLedger, commands: readonly CommandEvents[]) {
    const streamId = ledgerStreamId(tenantId);
    const cached = this.ledgers.get(tenantId);
    try {
      const result = await this.events.appendToStream(
        streamId,
        commands.flatMap(({ events, metadata }) =>
          events.map((event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata } })),
        ),
        { expectedRevision: ledger.revision ?? NO_STREAM },
      );
      ledger.revision = result.nextExpectedRevision;
      ledger.position = result.position;
      // Each command's Idempotency-Key is remembered with the position that makes its answer visible: the batch's.
      for (const { events, metadata } of commands)
        rememberCommand(ledger.state, metadata, result.position, usersOf(events));
      if (cached === ledger) this.snapshotIfDue(tenantId, cached, commands);
      return result;
    } catch (error) {
      // Whatever failed (a conflict, a lost connection), the next load re-reads what is really stored.
      if (!(error instanceof WrongExpectedVersionError)) this.ledgers.delete(tenantId);
      throw error;
    }
  }

  /**
   * Every SNAPSHOT_EVERY events, writes what changed since the last snapshot: the cost follows the changes, not the
   * tenant's size. A tenant without a snapshot of the current format is saved whole, in slices, after its callers are answered.
   */
  private snapshotIfDue(tenantId: string, cached: CachedLedger, commands: readonly CommandEvents[]): void {
    for (const { events, metadata } of commands)
      for (const event of events) noteChanges(cached.changes, event, metadata);
    const { revision, position } = cached;
    if (revision === null || position === null || revision - cached.snapshotRevision < SNAPSHOT_EVERY) return;
    const saving = this.snapshots
      .save(
        ledgerStreamId(tenantId),
        { state: cached.state, revision, position },
        cached.changes,
        cached.snapshotRevision,
      )
      .then(
        (saved) => {
          if (!saved) return;
          cached.snapshotRevision = revision;
          cached.changes = noChanges();
        },
        // A failed save keeps the changes and the last snapshot: the next append tries again.
        (error: unknown) =>
          this.logger.warn(`Snapshot of tenant ${tenantId} not saved (the next append tries again): ${String(error)}`),
      )
      .finally(() => this.saving.delete(tenantId));
    this.saving.set(tenantId, saving);
  }
}

function noteChanges(changes: StateChanges, event: LedgerEvent, metadata: LedgerEventMetadata | undefined): void {
  const { userId, skuId, webhookId, rules } = touchedBy(event);
  if (rules) changes.rules = true;
  if (userId !== undefined) changes.users.add(userId);
  if (skuId !== undefined) changes.subscriptions.add(skuId);
  if (webhookId !== undefined) changes.webhooks.add(webhookId);
  if (metadata?.idempotency) changes.keys.add(metadata.idempotency.key);
}
