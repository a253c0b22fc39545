import { ledgerStreamId } from '@app/domain';
import { EventStore, NO_STREAM, WrongExpectedVersionError, readStreamOrEmpty } from '@app/event-store';
import { PreviewStep, ProjectedEvent, Projector } from '@app/projections';
import { randomUUID } from 'node:crypto';
import type { DecidedCommand } from './ledger-command.executor';

export const READ_MODEL_WAIT = Symbol('READ_MODEL_WAIT');
/** How long a command waits for the read models (before its preview, and before it answers). */
export const DEFAULT_READ_MODEL_WAIT_MS = 30_000;
/** Past any stored position: the read models' position guards let previewed events through. */
const PREVIEW_POSITION = 2n ** 62n;

/** A command of a batch whose answer is read from the read models; a dry run's events are rolled back before the next one. */
export interface AnswerRequest {
  decided: DecidedCommand;
  view: (decided: DecidedCommand) => unknown;
  dryRun: boolean;
}

/**
 * Builds the answers of a batch before its append: the read models (once they hold what the batch
 * was decided on) get each command's events in order inside one transaction that is rolled back,
 * and each command's view is read after its own events, the same view a query shows after the append.
 */
export class AnswerPreview {
  constructor(
    private readonly projector: Projector,
    private readonly store: EventStore,
    private readonly readModelWaitMs: number,
  ) {}

  async answers(
    tenantId: string,
    ledger: { revision: bigint | null; position: bigint | null },
    requests: readonly AnswerRequest[],
  ): Promise<unknown[]> {
    if (requests.length === 0) return [];
    if (ledger.position !== null) await this.projector.waitFor(ledger.position, this.readModelWaitMs);
    const streamId = ledgerStreamId(tenantId);
    let next = 0n;
    const steps = requests.map(({ decided, view, dryRun }): PreviewStep => {
      const events = decided.events.map((event, index): ProjectedEvent => ({
        ...event,
        eventId: randomUUID(),
        streamId,
        revision: (ledger.revision ?? -1n) + 1n + next + BigInt(index),
        position: PREVIEW_POSITION + next + BigInt(index),
        metadata: decided.metadata,
      }));
      if (!dryRun) next += BigInt(events.length);
      return { events, read: () => view(decided), discard: dryRun };
    });
    try {
      // Through JSON, as the answer is sent and stored, so a replay is the same document.
      return this.projector.preview(steps).map(toJson);
    } catch (error) {
      await this.refuseIfStale(streamId, ledger.revision);
      throw error;
    }
  }

  /**
   * Another node may have appended after this batch was decided and the read models already hold it, so the
   * preview collides with it: the decision is stale, and deciding again (as a failed append would) answers right.
   */
  private async refuseIfStale(streamId: string, revision: bigint | null): Promise<void> {
    for await (const last of readStreamOrEmpty(this.store, streamId, { direction: 'backwards', maxCount: 1 })) {
      if (last.revision !== revision)
        throw new WrongExpectedVersionError(streamId, revision ?? NO_STREAM, last.revision);
    }
  }
}

function toJson(body: unknown): unknown {
  return body === undefined ? undefined : (JSON.parse(JSON.stringify(body)) as unknown);
}
