import type { EventStore } from '@app/event-store';
import { Projector, READ_MODELS, type ReadModelDatabase } from '@app/projections';

/** A command's answer that differs when every read model gets the previewed events: its view reads one previews skip. */
export class AnswerReadModelsError extends Error {
  constructor(narrowed: unknown, full: unknown) {
    super(
      `An answer reads a read model that is not in ANSWER_READ_MODELS: previewed as ${JSON.stringify(narrowed)}, with every read model ${JSON.stringify(full)}`,
    );
    this.name = 'AnswerReadModelsError';
  }
}

/**
 * Makes every preview of `projector` run a second time with every read model applied, and throw when an answer
 * differs. Every in-process e2e app (startLedgerApp) checks this, so each answer its tests ask for is compared.
 */
export function checkAnswerReadModels(projector: Projector, store: EventStore, db: ReadModelDatabase): void {
  const everyReadModel = new Projector(store, db, READ_MODELS, { log: () => undefined, error: () => undefined });
  const narrowed = projector.preview.bind(projector);
  projector.preview = (steps) => {
    const answers = narrowed(steps);
    const full = everyReadModel.preview(steps);
    // Through JSON, as AnswerPreview sends and stores them.
    if (JSON.stringify(answers) !== JSON.stringify(full)) throw new AnswerReadModelsError(answers, full);
    return answers;
  };
}
