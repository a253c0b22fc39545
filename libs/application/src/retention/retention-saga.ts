import { RETENTION_ACTOR } from '@app/domain';
import { EVENT_STORE, EventStore, headPosition } from '@app/event-store';
import {
  AlertQueries,
  DueKey,
  DueNoticeKey,
  DuePurge,
  DuePurgeNotice,
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
  /** Soft-deleted mailboxes whose purge came within the tenant's window, told once each (N1, PurgeDueSoon). */
  noticed: number;
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
 * (indexed by nextTransitionAt) and sends one AdvanceSubscriptionLifecycle each; then the alerts read model for mailboxes
 * whose purge fell within their tenant's purgeDueWithinDays (indexed by that instant) and sends one NoticePurgeDueSoon each.
 * Nothing is held in memory between passes, so a restart loses nothing; the
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
    private readonly alerts: AlertQueries,
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
    const result: RetentionPassResult = { now, purged: 0, transitioned: 0, noticed: 0, skipped: 0, failed: 0 };
    if (this.stopped) return result;
    await this.catchUp();
    const started = Date.now();
    const { batchSize } = this.options;
    // Mailboxes first: a deleted user's mailbox usually falls due with the user, and one command purges both.
    for (const due of [
      (after: DueKey | null) => this.mailboxes.dueMailboxPurges(now, after, batchSize),
      (after: DueKey | null) => this.mailboxes.dueUserPurges(now, after, batchSize),
    ]) {
      await this.drain(
        result,
        due,
        ({ purgeAfter, tenantId, userId }) => ({ purgeAfter, tenantId, userId }),
        (item) => this.purge(item),
      );
    }
    await this.drain(
      result,
      (after: DueTransitionKey | null) => this.subscriptions.dueTransitions(now, after, batchSize),
      ({ nextTransitionAt, tenantId, skuId }) => ({ nextTransitionAt, tenantId, skuId }),
      (item) => this.transition(item),
    );
    // After the purges: a mailbox purged in this pass has nothing left to tell about.
    await this.drain(
      result,
      (after: DueNoticeKey | null) => this.alerts.duePurgeNotices(now, after, batchSize),
      ({ noticeAt, tenantId, userId }) => ({ noticeAt, tenantId, userId }),
      (item) => this.notice(item),
    );
    if (result.purged + result.transitioned + result.noticed + result.failed > 0) {
      this.logger.log({ ...result, durationMs: Date.now() - started }, 'Retention pass done');
    }
    return result;
  }

  /** Every due item of one kind, batch by batch in due order (a keyset, so a pass never visits one twice). */
  private async drain<Item, Key>(
    result: RetentionPassResult,
    due: (after: Key | null) => Item[],
    keyOf: (item: Item) => Key,
    each: (item: Item) => Promise<'purged' | 'transitioned' | 'noticed' | 'skipped' | 'failed'>,
  ): Promise<void> {
    let after: Key | null = null;
    for (let batch = due(after); batch.length > 0 && !this.stopped; batch = due(after)) {
      for (const item of batch) {
        if (this.stopped) break;
        result[await each(item)]++;
      }
      after = keyOf(batch[batch.length - 1]);
    }
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

  /** One mailbox whose purge is due soon, isolated like a purge; the decider tells it once per purgeAfter. */
  private async notice(item: DuePurgeNotice): Promise<'noticed' | 'skipped' | 'failed'> {
    try {
      const outcome = await this.commands.execute(
        new ExecuteLedgerCommand(
          { type: 'NoticePurgeDueSoon', data: { userId: item.userId } },
          {
            tenantId: item.tenantId,
            actor: RETENTION_ACTOR,
            correlationId: item.correlationId,
            causationId: item.causationId,
          },
        ),
      );
      return outcome.events.length > 0 ? 'noticed' : 'skipped';
    } catch (error) {
      this.logger.error(
        { err: error, tenantId: item.tenantId, userId: item.userId, purgeAfter: item.purgeAfter },
        `PurgeDueSoon notice of mailbox ${item.userId} in tenant ${item.tenantId} failed; the next pass retries it`,
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
