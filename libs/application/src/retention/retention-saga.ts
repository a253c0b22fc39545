import { RETENTION_ACTOR } from '@app/domain';
import { EVENT_STORE, EventStore, headPosition } from '@app/event-store';
import {
  DueKey,
  DuePurge,
  DueTransition,
  DueTransitionKey,
  MailboxRetentionQueries,
  Projector,
  SeatAvailabilityQueries,
} from '@app/projections';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../clock/clock';
import { ExecuteLedgerCommand } from '../commands/execute-ledger.command';

/** What one pass did. `purged`: purges that appended events; `skipped`: already purged, restored or renewed meanwhile. */
export interface RetentionPassResult {
  /** The clock time the pass purged up to. */
  now: string;
  purged: number;
  /** Subscriptions moved along their lifecycle (SL1). */
  transitioned: number;
  skipped: number;
  failed: number;
}

export const RETENTION_OPTIONS = Symbol('RETENTION_OPTIONS');

export interface RetentionOptions {
  /** Due items read from the read model at a time. */
  batchSize: number;
}

export const DEFAULT_RETENTION_OPTIONS: RetentionOptions = { batchSize: 100 };

/**
 * The retention saga (L5, U4, SL3): the purge and each subscription lifecycle step are workflows whose timeout is a command. Each pass asks the
 * mailboxRetention read model what is due at the clock's now (indexed by purgeAfter: O(due)) and sends
 * one PurgeMailbox per user; then the seatAvailability read model for subscriptions whose next step is due
 * (indexed by nextTransitionAt) and sends one AdvanceSubscriptionLifecycle each. Nothing is held in memory between passes, so a restart loses nothing; the
 * decider accepts a purge only while the data is still soft-deleted and due, and appends with the
 * revision it read, so a duplicate, a late request or a second process purges nothing twice.
 */
@Injectable()
export class RetentionSaga {
  private readonly logger = new Logger('RetentionSaga');
  private current: Promise<RetentionPassResult> | undefined;
  private next: Promise<RetentionPassResult> | undefined;
  private stopped = false;

  constructor(
    private readonly commands: CommandBus,
    private readonly mailboxes: MailboxRetentionQueries,
    private readonly subscriptions: SeatAvailabilityQueries,
    private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RETENTION_OPTIONS) private readonly options: RetentionOptions,
  ) {}

  /**
   * Runs one whole pass that starts after this call (so it sees the clock as it is now) and resolves
   * with its result. Passes never overlap: while one runs, callers share the next one.
   */
  runOnce(): Promise<RetentionPassResult> {
    if (!this.current) return this.start();
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  /** The scheduler's tick: a pass unless one is already running (a slow pass is not stacked up). */
  tick(): void {
    if (this.current || this.stopped) return;
    this.runOnce().catch((error: unknown) => this.logger.error({ err: error }, 'Retention pass failed'));
  }

  /** Refuses new passes and waits for the running one, so the stores can close under nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([this.current, this.next]);
  }

  private start(): Promise<RetentionPassResult> {
    const pass = this.pass().finally(() => {
      if (this.current === pass) this.current = undefined;
    });
    this.current = pass;
    return pass;
  }

  private async pass(): Promise<RetentionPassResult> {
    const now = (await this.clock.now()).toISOString();
    const result: RetentionPassResult = { now, purged: 0, transitioned: 0, skipped: 0, failed: 0 };
    if (this.stopped) return result;
    await this.catchUp();
    const started = Date.now();
    // Mailboxes first: a deleted user's mailbox usually falls due with the user, and one command purges both.
    for (const due of [
      (after: DueKey | null) => this.mailboxes.dueMailboxPurges(now, after, this.options.batchSize),
      (after: DueKey | null) => this.mailboxes.dueUserPurges(now, after, this.options.batchSize),
    ]) {
      let after: DueKey | null = null;
      for (let batch = due(after); batch.length > 0 && !this.stopped; batch = due(after)) {
        for (const item of batch) {
          if (this.stopped) break;
          result[await this.purge(item)]++;
        }
        const last = batch[batch.length - 1];
        after = { purgeAfter: last.purgeAfter, tenantId: last.tenantId, userId: last.userId };
      }
    }
    const dueTransitions = (after: DueTransitionKey | null) =>
      this.subscriptions.dueTransitions(now, after, this.options.batchSize);
    let afterSku: DueTransitionKey | null = null;
    for (let batch = dueTransitions(afterSku); batch.length > 0 && !this.stopped; batch = dueTransitions(afterSku)) {
      for (const item of batch) {
        if (this.stopped) break;
        result[await this.transition(item)]++;
      }
      const last = batch[batch.length - 1];
      afterSku = { nextTransitionAt: last.nextTransitionAt, tenantId: last.tenantId, skuId: last.skuId };
    }
    if (result.purged + result.transitioned + result.failed > 0) {
      this.logger.log({ ...result, durationMs: Date.now() - started }, 'Retention pass done');
    }
    return result;
  }

  /** One due item, isolated: its failure is logged with its context and the pass goes on. */
  private async purge(item: DuePurge): Promise<'purged' | 'skipped' | 'failed'> {
    try {
      const outcome = await this.commands.execute(
        new ExecuteLedgerCommand(
          { type: 'PurgeMailbox', data: { userId: item.userId } },
          {
            tenantId: item.tenantId,
            actor: RETENTION_ACTOR,
            correlationId: item.correlationId || randomUUID(),
            causationId: item.causationId || randomUUID(),
          },
        ),
      );
      return outcome.events.length > 0 ? 'purged' : 'skipped';
    } catch (error) {
      this.logger.error(
        { err: error, tenantId: item.tenantId, userId: item.userId, kind: item.kind, purgeAfter: item.purgeAfter },
        `Retention purge of ${item.kind} ${item.userId} in tenant ${item.tenantId} failed; the next pass retries it`,
      );
      return 'failed';
    }
  }

  /** One due subscription, isolated like a purge; the decider takes every step due by now in one commit. */
  private async transition(item: DueTransition): Promise<'transitioned' | 'skipped' | 'failed'> {
    try {
      const outcome = await this.commands.execute(
        new ExecuteLedgerCommand(
          { type: 'AdvanceSubscriptionLifecycle', data: { skuId: item.skuId } },
          {
            tenantId: item.tenantId,
            actor: RETENTION_ACTOR,
            correlationId: item.correlationId,
            causationId: item.causationId,
          },
        ),
      );
      return outcome.events.length > 0 ? 'transitioned' : 'skipped';
    } catch (error) {
      this.logger.error(
        { err: error, tenantId: item.tenantId, skuId: item.skuId, nextTransitionAt: item.nextTransitionAt },
        `Lifecycle step of subscription ${item.skuId} in tenant ${item.tenantId} failed; the next pass retries it`,
      );
      return 'failed';
    }
  }

  /**
   * The read models must hold everything stored before the pass (after a restart, or a stalled
   * subscription) before they say what is due: the pass applies what they lack itself, rather than
   * wait for the live subscription. The projector's compare-and-set applies each event once either way.
   */
  private async catchUp(): Promise<void> {
    const head = await headPosition(this.store);
    if (head > this.projector.checkpoint) await this.projector.catchUp();
  }
}
